/**
 * The demo's fan-out (issue 22): the steering group's latest decision asks every cluster of the demo
 * region (both levels) for a local implementation plan; the answers are mixed — one done with the plan as
 * a file, one not relevant, one asking for more time and one late. And a feedback request: a report sent
 * to both clusters' professional levels, both answered, so the answers stand side by side.
 */
import { and, asc, desc, eq, lt, ne } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { classifyUpload } from "../files/index.ts";
import { agendaItems, meetings } from "../meetings/index.ts";
import { answerObligation, fanOutObligation } from "../obligations/index.ts";

/** A small text file as an upload would arrive, checked by the one allow-list. */
function textFile(fileName: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  const verdict = classifyUpload(bytes, fileName);
  return { bytes, fileName, mimeType: verdict.ok ? verdict.mimeType : "text/plain" };
}

const dayOffset = (now: Date, days: number) =>
  new Date(now.getTime() + days * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });

export async function loadDemoObligations(
  ctx: Ctx,
  bodyIds: Map<string, number>,
  now: Date,
): Promise<number | null> {
  const sss = bodyIds.get("sss");
  const clusters = ["pn-nord", "fsn-nord", "pn-syd", "fsn-syd"].map((k) => bodyIds.get(k));
  if (sss === undefined || clusters.some((id) => id === undefined)) {
    return null;
  }
  const [decision] = await ctx.db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        eq(meetings.bodyId, sss),
        eq(meetings.status, "minutes_published"),
        lt(meetings.start, now),
        eq(agendaItems.access, "open"),
        ne(agendaItems.kind, "standard"),
      ),
    )
    .orderBy(desc(meetings.start), asc(agendaItems.position))
    .limit(1);
  if (!decision) {
    return null;
  }
  const [pnNord, fsnNord, pnSyd, fsnSyd] = clusters as number[];
  const o = await fanOutObligation(ctx, decision.id, {
    text: "Sundhedsklyngerne udarbejder en konkretiseret lokal implementeringsplan for sundhedsaftalens indsatser.",
    deadline: dayOffset(now, -7),
    returns: "document",
    kind: "obligation",
    addressees: {
      bodyIds: [pnNord as number, fsnNord as number, pnSyd as number, fsnSyd as number],
      partyIds: [],
    },
  });
  await answerObligation(
    ctx,
    o.id,
    {
      bodyId: pnNord as number,
      state: "done",
      answerText: "Implementeringsplanen er godkendt på klyngens møde.",
    },
    textFile(
      "Implementeringsplan Klynge Nord.txt",
      "Implementeringsplan for Sundhedsklynge Nord\n\n1. Fælles udskrivningsforløb (1. kvartal)\n2. Genoptræning på tværs (2. kvartal)\n3. Opfølgning i klyngens faglige niveau (hvert halve år)\n",
    ),
  );
  await answerObligation(ctx, o.id, {
    bodyId: fsnNord as number,
    state: "not_relevant",
    reason: "Planen udarbejdes af klyngens politiske niveau; det faglige niveau leverer ikke sin egen.",
  });
  await answerObligation(ctx, o.id, {
    bodyId: fsnSyd as number,
    state: "more_time",
    newDeadline: dayOffset(now, 21),
  });
  // Klynge Syd's political level has not answered: late since the deadline a week ago.
  const feedback = await fanOutObligation(
    ctx,
    decision.id,
    {
      kind: "feedback",
      text: "Rapporten om DÆMP-forløbene sendes til klyngernes faglige niveau til behandling; meld tilbage til styregruppen.",
      deadline: dayOffset(now, 14),
      returns: "answer",
      addressees: { bodyIds: [fsnNord as number, fsnSyd as number], partyIds: [] },
    },
    textFile(
      "DÆMP-rapport.txt",
      "Rapport om DÆMP-forløb\n\n93 patientforløb; 21 (23 %) med genindlæggelse inden 30 dage.\nAnbefaling: fælles opfølgning efter udskrivning.\n",
    ),
  );
  await answerObligation(ctx, feedback.id, {
    bodyId: fsnNord as number,
    state: "done",
    answerText: "Klynge Nord bakker op om anbefalingen og vil afprøve fælles opfølgning i to kommuner.",
  });
  await answerObligation(ctx, feedback.id, {
    bodyId: fsnSyd as number,
    state: "done",
    answerText: "Klynge Syd ønsker først at kende udgifterne; almen praksis bør inddrages i opfølgningen.",
  });
  return o.id;
}
