/**
 * Matters between meetings in the demo (issue 21): the SSU's chair has decided one matter (approved with a
 * remark; the agenda of an extra SSU meeting a week after the coming one, planned here, gets the
 * generated "Orientering om formandsgodkendte sager" from the background task) and has one waiting on her
 * front page; Sundhedsklynge Nord's professional level has a written procedure running, due in five days.
 * Loaded before the demo's users exist, so no mail is queued.
 */
import { desc, eq } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import type { Actor } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { createMatter, decideMatter } from "../matters/index.ts";
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
  await createMatter(
    ctx,
    {
      bodyId: ssu,
      procedure: "chair_decision",
      title: "Udpegning af repræsentant til den nationale følgegruppe for det nære sundhedsvæsen",
      question: "Det indstilles, at formandskabet udpeger sekretariatschefen som repræsentant.",
    },
    { now },
  );
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
  return 3;
}
