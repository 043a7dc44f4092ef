/**
 * Frozen editions after the commit. A publication writes a `document_jobs` row in its own transaction
 * (the effect below); the background worker renders and freezes it afterwards, so publishing answers at
 * once and a stop before the work is done loses nothing: pending rows are resumed at the next start.
 */
import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.ts";
import type { DomainEvent } from "../../lib/domain-events.ts";
import type { Ctx } from "../../server/context.ts";
import { SYSTEM_ACTOR } from "../auth/index.ts";
import { getMeetingRow } from "../meetings/index.ts";
import type { DocKind, Edition } from "./document.model.ts";
import { freezeEditions, renderEditions } from "./documents.service.ts";
import { documentJobs } from "./documents.tables.ts";

/** After this many failed tries a job is marked failed (visible to the admin) and not retried. */
const MAX_ATTEMPTS = 5;

type Job = typeof documentJobs.$inferSelect;

async function enqueue(ctx: Ctx, meetingId: number, kind: DocKind, reasons: Record<Edition, string | null>) {
  await ctx.db.insert(documentJobs).values({
    meetingId,
    kind,
    reasonFull: reasons.full,
    reasonPublic: reasons.public,
    userId: ctx.actor.userId,
  });
}

/**
 * The documents module's reaction to meeting events: what is published gets frozen editions. A closed
 * item's correction reason goes only into the full edition; the public one names just the number.
 */
export async function documentsEffect(ctx: Ctx, event: DomainEvent): Promise<void> {
  switch (event.kind) {
    case "agenda_published":
      return enqueue(ctx, event.meetingId, "agenda", { full: null, public: null });
    case "supplementary_agenda_published": {
      // The note may speak of closed items: the members' edition only, as in the notices.
      const full = `Tillægsdagsorden: ${event.note}`;
      return enqueue(ctx, event.meetingId, "agenda", { full, public: "Tillægsdagsorden." });
    }
    case "minutes_published":
      return enqueue(ctx, event.meetingId, "minutes", { full: null, public: null });
    case "minutes_corrected": {
      const meeting = await getMeetingRow(ctx.db, event.meetingId);
      if (meeting.status !== "minutes_published") {
        return;
      }
      const full = `Rettelse af punkt ${event.itemNumber}: ${event.reason}`;
      const open = event.closed ? `Rettelse af punkt ${event.itemNumber} (lukket punkt).` : full;
      return enqueue(ctx, event.meetingId, "minutes", { full, public: open });
    }
    default:
      return;
  }
}

/** The oldest due job whose meeting has no older job still pending (a meeting's versions stay in order). */
async function nextJob(db: DbOrTx, now: Date): Promise<Job | null> {
  const rows = await db
    .select()
    .from(documentJobs)
    .where(
      sql`${documentJobs.state} = 'pending' and ${documentJobs.runAfter} <= ${now.toISOString()}
        and not exists (select 1 from document_jobs e where e.meeting_id = ${documentJobs.meetingId}
          and e.state = 'pending' and e.id < ${documentJobs.id})`,
    )
    .orderBy(documentJobs.id)
    .limit(1);
  return rows[0] ?? null;
}

/** Seconds before the n-th retry: 5, 20, 80, 320 … */
export function retryDelaySeconds(attempt: number): number {
  return 5 * 4 ** (attempt - 1);
}

/**
 * Does pending document jobs, oldest first, at most `limit`; returns how many were finished. Rendering
 * happens outside any transaction; the freeze and the job's "done" are written together, and only if
 * the job is still pending (two servers on one database never freeze the same job twice).
 */
export async function runDocumentJobs(db: Db, limit = 100): Promise<number> {
  let finished = 0;
  for (let i = 0; i < limit; i++) {
    const job = await nextJob(db, new Date());
    if (!job) {
      break;
    }
    try {
      const rendered = await renderEditions({ db, actor: SYSTEM_ACTOR }, job.meetingId, job.kind);
      await db.transaction(async (tx) => {
        const claimed = await tx
          .update(documentJobs)
          .set({ state: "done", doneAt: new Date(), attempts: job.attempts + 1, updatedAt: new Date() })
          .where(sql`${documentJobs.id} = ${job.id} and ${documentJobs.state} = 'pending'`)
          .returning({ id: documentJobs.id });
        if (claimed.length === 0) {
          return;
        }
        const reasons = { full: job.reasonFull, public: job.reasonPublic };
        await freezeEditions(
          { db: tx, actor: SYSTEM_ACTOR },
          job.meetingId,
          job.kind,
          rendered,
          reasons,
          job.userId,
        );
      });
      finished++;
    } catch (err) {
      const attempts = job.attempts + 1;
      await db
        .update(documentJobs)
        .set({
          attempts,
          lastError: err instanceof Error ? err.message : String(err),
          state: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
          runAfter: new Date(Date.now() + retryDelaySeconds(attempts) * 1000),
          updatedAt: new Date(),
        })
        .where(eq(documentJobs.id, job.id));
    }
  }
  return finished;
}

/** Whether a meeting still has documents being made (the pages say so instead of linking them). */
export async function documentsPending(db: DbOrTx, meetingId: number): Promise<boolean> {
  const rows = await db
    .select({ id: documentJobs.id })
    .from(documentJobs)
    .where(sql`${documentJobs.meetingId} = ${meetingId} and ${documentJobs.state} = 'pending'`)
    .limit(1);
  return rows.length > 0;
}
