/**
 * The demo's fan-out (issue 22): the steering group's latest decision asks every cluster of the demo
 * region (both levels) for a local implementation plan; the answers are mixed — one done, one not
 * relevant, one asking for more time and one late.
 */
import { and, asc, desc, eq, lt, ne } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { agendaItems, meetings } from "../meetings/index.ts";
import { answerObligation, fanOutObligation } from "../obligations/index.ts";

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
  await answerObligation(ctx, o.id, {
    bodyId: pnNord as number,
    state: "done",
    answerText: "Implementeringsplanen er godkendt på klyngens møde.",
    link: "https://example.org/demo/implementeringsplan-nord.pdf",
  });
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
  return o.id;
}
