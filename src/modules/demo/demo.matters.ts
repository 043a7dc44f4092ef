/**
 * Matters between meetings in the demo (issue 21): the SSU's chair has decided one matter (approved with a
 * remark; the agenda of an extra SSU meeting a week after the coming one, planned here, gets the
 * generated "Orientering om formandsgodkendte sager" from the background task) and has one waiting on her
 * front page, with the secretariat's note attached; a decided chair decision on a case shows on the case's
 * page. Sundhedsklynge Nord's professional level has two written procedures running: one to every member,
 * due in five days, and one to a representative per party. The SSS chair group decides by the rule "each
 * of the chair group". Loaded before the demo's users exist, so no mail is queued.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import type { Actor } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { cases, consultations, createCase } from "../cases/index.ts";
import {
  attachToMatter,
  createMatter,
  decideMatter,
  runMatterDeadlines,
  setChairRule,
} from "../matters/index.ts";
import { createMeeting, insertStandardItems, meetings } from "../meetings/index.ts";

const DAY = 86_400_000;

/**
 * An extra SSU meeting a week after its coming one (whose agenda is already published), with the
 * standard items: the next agenda the chair's decision is told on. Only while the SSU still exists (it
 * closes with the demo's reorganisation); otherwise the orientation waits, as it does for any body.
 */
async function planNextSsuMeeting(ctx: Ctx, ssu: number) {
  const [last] = await ctx.db
    .select({ start: meetings.start, end: meetings.end, location: meetings.location })
    .from(meetings)
    .where(eq(meetings.bodyId, ssu))
    .orderBy(desc(meetings.start))
    .limit(1);
  const [body] = await ctx.db.select({ validTo: bodies.validTo }).from(bodies).where(eq(bodies.id, ssu));
  if (!last) {
    return;
  }
  const start = new Date(last.start.getTime() + 7 * DAY);
  if (body?.validTo && start.toISOString().slice(0, 10) > body.validTo) {
    return;
  }
  const m = await createMeeting(ctx, {
    bodyId: ssu,
    start,
    end: last.end ? new Date(last.end.getTime() + 7 * DAY) : null,
    location: last.location,
    kind: "extraordinary",
  });
  await insertStandardItems(ctx, m.id);
}

export async function loadDemoMatters(ctx: Ctx, bodies: ReadonlyMap<string, number>, now: Date) {
  const ssu = bodies.get("ssu");
  const fsnNord = bodies.get("fsn-nord");
  if (ssu === undefined || fsnNord === undefined) {
    return 0;
  }
  await planNextSsuMeeting(ctx, ssu);
  const decided = await createMatter(
    ctx,
    {
      bodyId: ssu,
      procedure: "chair_decision",
      title: "Revideret samarbejdsaftale om udskrivning af ældre medicinske patienter",
      text: "Arbejdsgruppen har indarbejdet kommunernes bemærkninger fra høringen. Ændringerne er redaktionelle.",
      question: "Det indstilles, at formandskabet godkender den reviderede samarbejdsaftale.",
    },
    { now },
  );
  // The chair as she is in the demo: the SSU's chair, nothing more.
  const chair: Actor = {
    userId: null,
    name: "Birgitte Damgaard Holm",
    isAdmin: false,
    system: false,
    roles: new Map([[ssu, new Set(["chair" as const])]]),
  };
  await decideMatter(
    { db: ctx.db, actor: chair },
    decided.id,
    { decision: "approved_with_remark", remark: "Aftalen evalueres efter et år." },
    now,
  );
  const waiting = await createMatter(
    ctx,
    {
      bodyId: ssu,
      procedure: "chair_decision",
      title: "Udpegning af repræsentant til den nationale følgegruppe for det nære sundhedsvæsen",
      question: "Det indstilles, at formandskabet udpeger sekretariatschefen som repræsentant.",
    },
    { now },
  );
  await attachToMatter(ctx, waiting.id, {
    title: "Sekretariatets notat om udpegningen",
    fileName: "notat-udpegning.txt",
    bytes: new TextEncoder().encode(
      "Notat\n\nFølgegruppen mødes fire gange om året. Sekretariatschefen deltager allerede i den regionale følgegruppe.\n",
    ),
    maxBytes: 1024 * 1024,
  });
  await decideOnCase(ctx, ssu, chair, now);
  await createMatter(
    ctx,
    {
      bodyId: fsnNord,
      procedure: "written_procedure",
      title: "Kommissorium for ad hoc-gruppe om akutfunktioner i eget hjem",
      text: "Klyngens sekretariat har udarbejdet et udkast til kommissorium efter drøftelsen på sidste møde.",
      question: "Det indstilles, at kommissoriet godkendes ved skriftlig behandling.",
      rule: "no_objection",
      deadline: new Date(now.getTime() + 5 * 86_400_000),
    },
    { now },
  );
  await createMatter(
    ctx,
    {
      bodyId: fsnNord,
      procedure: "written_procedure",
      title: "Fælles høringssvar om regionens sundhedsplan",
      text: "Klyngen afgiver ét fælles høringssvar. Hver part svarer én gang; partens repræsentant har fået sagen.",
      question: "Det indstilles, at udkastet til høringssvar godkendes.",
      rule: "majority",
      deadline: new Date(now.getTime() + 8 * DAY),
      audience: "party_representatives",
    },
    { now },
  );
  // A finished written procedure: sent ten days ago with a week's deadline under "no objection"; nobody
  // objected, so at the deadline it was approved (recorded by the same deadline work the server runs).
  await createMatter(
    ctx,
    {
      bodyId: fsnNord,
      procedure: "written_procedure",
      title: "Revideret forretningsorden for klyngens faglige niveau",
      text: "Forretningsordenen er tilpasset, så klyngen kan træffe beslutninger ved skriftlig behandling mellem møderne.",
      question: "Det indstilles, at den reviderede forretningsorden godkendes ved skriftlig behandling.",
      rule: "no_objection",
      deadline: new Date(now.getTime() - 3 * DAY),
    },
    { now: new Date(now.getTime() - 10 * DAY) },
  );
  await runMatterDeadlines(ctx.db, "http://localhost:3000", now);
  const chairGroup = bodies.get("sss-formandskab");
  if (chairGroup !== undefined) {
    await setChairRule(ctx, chairGroup, "each");
    await createMatter(
      ctx,
      {
        bodyId: chairGroup,
        procedure: "chair_decision",
        title: "Sager til næste møde i Sundhedssamarbejdsudvalget",
        question: "Det indstilles, at formandskabet godkender listen over sager til udvalgets næste møde.",
      },
      { now },
    );
  }
  return 6;
}

/** A case of the SSU gets a chair decision between meetings, decided: it shows on the case's page. */
async function decideOnCase(ctx: Ctx, ssu: number, chair: Actor, now: Date) {
  const [first] = await ctx.db
    .select({ id: cases.id, title: cases.title })
    .from(cases)
    .innerJoin(consultations, eq(consultations.caseId, cases.id))
    .where(and(eq(consultations.bodyId, ssu), eq(cases.access, "open")))
    .orderBy(asc(cases.id))
    .limit(1);
  // The demo's meetings make no cases of their own: then the SSU's secretariat opens one for the decision.
  const target =
    first ??
    (await createCase(ctx, {
      title: "Proces for høring over regionens sundhedsplan",
      theme: "Sundhedsplan",
      decidingBodyId: ssu,
    }));
  const m = await createMatter(
    ctx,
    {
      bodyId: ssu,
      procedure: "chair_decision",
      title: `Tidsplan: ${target.title}`,
      question: "Det indstilles, at formandskabet godkender sekretariatets tidsplan for sagen.",
      linkKind: "case",
      linkId: target.id,
    },
    { now: new Date(now.getTime() - 3 * DAY) },
  );
  await decideMatter(
    { db: ctx.db, actor: chair },
    m.id,
    { decision: "approved" },
    new Date(now.getTime() - 2 * DAY),
  );
}
