/**
 * Matters decided between meetings (issue 21.1–21.2, docs/governance.md): the secretariat puts a matter
 * to the chair group (a chair decision) or to every member with a deadline (written procedure); the chair
 * decides, or the members answer and the matter's rule decides at the deadline. A decision carries out its
 * effect where it points (a mandate version becomes approved through the mandates module's act).
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { isoDayInDenmark } from "../../web/format.ts";
import { authorize, SYSTEM_ACTOR, users } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { approveMandateVersion, mandateVersions } from "../mandates/index.ts";
import { persons } from "../people/index.ts";
import { canDecideMatter, canPutMatter, canReadMatter, visibleMattersWhere } from "./matters.access.ts";
import { queueMatterMails } from "./matters.mail.ts";
import { answeringMembersOf } from "./matters.members.ts";
import { procedureOutcome, procedureOver } from "./matters.rules.ts";
import type { TAnswerMatter, TCreateMatter, TDecideMatter, TMatter } from "./matters.schemas.ts";
import { type MatterResult, matterAnswers, matters } from "./matters.tables.ts";

export type MatterRow = typeof matters.$inferSelect;

/** Where mails link to when the caller gives no address (CLI, demo): the configured one is passed by routes. */
export const DEFAULT_BASE_URL = "http://localhost:3000";

const invalid = (path: string, message: string) =>
  new AppError("validation_failed", message, [{ path, message }]);

/** Loads a matter without checking who asks (background tasks, after a checked load). */
export async function getMatterRowUnchecked(db: DbOrTx, id: number): Promise<MatterRow> {
  const [row] = await db.select().from(matters).where(eq(matters.id, id));
  if (!row) {
    throw notFound("Sagen");
  }
  return row;
}

/** Loads a matter the reader may see; 404 to anyone else, so a closed matter is not even confirmed. */
async function readableMatter(ctx: Ctx, id: number): Promise<MatterRow> {
  const row = await getMatterRowUnchecked(ctx.db, id);
  if (!canReadMatter(ctx.actor, row)) {
    throw notFound("Sagen");
  }
  return row;
}

async function bodyName(db: DbOrTx, id: number): Promise<string> {
  const [b] = await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, id));
  if (!b) {
    throw invalid("bodyId", "Forummet findes ikke.");
  }
  return b.name;
}

/** The actor's person, when they have one. */
async function personOf(ctx: Ctx): Promise<number | null> {
  if (ctx.actor.userId === null) {
    return null;
  }
  const [u] = await ctx.db
    .select({ personId: users.personId })
    .from(users)
    .where(eq(users.id, ctx.actor.userId));
  return u?.personId ?? null;
}

/** The chair and vice-chair of the body today: who a chair decision is mailed to. */
async function chairGroupOf(db: DbOrTx, bodyId: number, now: Date): Promise<number[]> {
  return answeringMembersOf(db, bodyId, now, ["chair", "vice_chair"]);
}

/** Checks that what the matter links to exists and, for a mandate version, that this body may decide it. */
async function checkLink(db: DbOrTx, input: TCreateMatter) {
  if (!input.linkKind) {
    return;
  }
  if (!input.linkId) {
    throw invalid("linkId", "Angiv, hvad sagen afgør.");
  }
  if (input.linkKind === "mandate_version") {
    const [v] = await db
      .select({
        approvedOn: mandateVersions.approvedOn,
        approverBodyId: mandateVersions.approverBodyId,
        bodyId: mandateVersions.bodyId,
        reportsToId: bodies.reportsToId,
      })
      .from(mandateVersions)
      .innerJoin(bodies, eq(bodies.id, mandateVersions.bodyId))
      .where(eq(mandateVersions.id, input.linkId));
    if (!v) {
      throw invalid("linkId", "Kommissorieversionen findes ikke.");
    }
    if (v.approvedOn !== null) {
      throw invalid("linkId", "Kommissorieversionen er allerede godkendt.");
    }
    if (![v.bodyId, v.reportsToId, v.approverBodyId].includes(input.bodyId)) {
      throw invalid("linkId", "Forummet godkender ikke dette kommissorium.");
    }
    return;
  }
  const table = { agreement_version: "agreement_versions", grant: "grants", case: "cases" }[input.linkKind];
  const found = await db.execute(sql`select 1 from ${sql.identifier(table)} where id = ${input.linkId}`);
  if ((found as unknown as { rows: unknown[] }).rows.length === 0) {
    throw invalid("linkId", "Det, sagen henviser til, findes ikke.");
  }
}

/** Presents a matter for a reader who may see it, with what they may do now. */
async function presentMatter(ctx: Ctx, m: MatterRow, now = new Date()): Promise<TMatter> {
  const name = await bodyName(ctx.db, m.bodyId);
  const written = m.procedure === "written_procedure";
  const [members, answers, you] = await Promise.all([
    written ? answeringMembersOf(ctx.db, m.bodyId, now) : Promise.resolve([] as number[]),
    ctx.db.select().from(matterAnswers).where(eq(matterAnswers.matterId, m.id)),
    personOf(ctx),
  ]);
  // After the result, the recorded members are the ones who counted.
  const counted = m.result
    ? [...m.result.answers.map((a) => a.personId), ...m.result.notAnswered.map((a) => a.personId)]
    : members;
  const ids = [...new Set([...counted, ...answers.map((a) => a.personId)])];
  const names = new Map(
    ids.length === 0
      ? []
      : (
          await ctx.db
            .select({ id: persons.id, name: persons.name })
            .from(persons)
            .where(inArray(persons.id, ids))
        ).map((p) => [p.id, p.name]),
  );
  const byPerson = new Map(answers.map((a) => [a.personId, a]));
  const open = m.status === "open";
  return {
    id: m.id,
    bodyId: m.bodyId,
    bodyName: name,
    procedure: m.procedure,
    title: m.title,
    text: m.text,
    question: m.question,
    access: m.access,
    linkKind: m.linkKind,
    linkId: m.linkId,
    rule: m.rule,
    deadline: m.deadline?.toISOString() ?? null,
    status: m.status,
    decidedAt: m.decidedAt?.toISOString() ?? null,
    decidedBy: m.decidedBy,
    decisionRemark: m.decisionRemark,
    createdAt: m.createdAt.toISOString(),
    createdBy: m.createdBy,
    reportedMeetingId: m.reportedMeetingId,
    canDecide: open && !written && canDecideMatter(ctx.actor, m.bodyId),
    canAnswer: open && written && you !== null && members.includes(you),
    answers: ids
      .map((personId) => {
        const a = byPerson.get(personId);
        return {
          personId,
          name: names.get(personId) ?? "?",
          answer: a?.answer ?? null,
          remark: a?.remark ?? null,
          answeredAt: a?.answeredAt.toISOString() ?? null,
        };
      })
      .sort((x, y) => x.name.localeCompare(y.name, "da")),
  };
}

/** One matter, for the body's members. */
export async function getMatter(ctx: Ctx, id: number, now = new Date()): Promise<TMatter> {
  return presentMatter(ctx, await readableMatter(ctx, id), now);
}

/** The body's matters, newest first, for its members. */
export async function listBodyMatters(ctx: Ctx, bodyId: number, now = new Date()): Promise<TMatter[]> {
  authorize(
    ctx.actor,
    canReadMatter(ctx.actor, { bodyId }),
    "Kun forummets medlemmer ser dets beslutningssager.",
  );
  const rows = await ctx.db
    .select()
    .from(matters)
    .where(and(eq(matters.bodyId, bodyId), visibleMattersWhere(ctx.actor)))
    .orderBy(desc(matters.createdAt), desc(matters.id))
    .limit(200);
  return Promise.all(rows.map((m) => presentMatter(ctx, m, now)));
}

/**
 * What waits for the reader (the workspace's front page): chair decisions in bodies where they are chair
 * or vice-chair, and written procedures they have not answered yet.
 */
export async function listMattersAwaitingMe(ctx: Ctx, now = new Date()): Promise<TMatter[]> {
  if (ctx.actor.userId === null) {
    return [];
  }
  const rows = await ctx.db
    .select()
    .from(matters)
    .where(and(eq(matters.status, "open"), visibleMattersWhere(ctx.actor)))
    .orderBy(asc(matters.deadline), asc(matters.id))
    .limit(100);
  const presented = await Promise.all(rows.map((m) => presentMatter(ctx, m, now)));
  const you = await personOf(ctx);
  return presented.filter(
    (m) =>
      (m.canDecide && !ctx.actor.isAdmin) ||
      (m.canAnswer && !m.answers.some((a) => a.personId === you && a.answer)),
  );
}

/**
 * The secretariat puts a matter to the chair group or, in written procedure, to every member with a
 * deadline; the invitation mails are queued in the same transaction.
 */
export async function createMatter(
  ctx: Ctx,
  input: TCreateMatter,
  opts: { now?: Date; baseUrl?: string } = {},
): Promise<TMatter> {
  const now = opts.now ?? new Date();
  authorize(
    ctx.actor,
    canPutMatter(ctx.actor, input.bodyId),
    "Kun forummets sekretariat kan forelægge en sag.",
  );
  return ctx.db.transaction(async (db) => {
    const tx: Ctx = { db, actor: ctx.actor };
    const name = await bodyName(db, input.bodyId);
    const written = input.procedure === "written_procedure";
    if (written && !input.rule) {
      throw invalid("rule", "Vælg reglen for udfaldet af den skriftlige behandling.");
    }
    if (written && !input.deadline) {
      throw invalid("deadline", "Angiv svarfristen.");
    }
    if (input.deadline && input.deadline.getTime() <= now.getTime()) {
      throw invalid("deadline", "Fristen skal ligge i fremtiden.");
    }
    await checkLink(db, input);
    const [row] = await db
      .insert(matters)
      .values({
        bodyId: input.bodyId,
        procedure: input.procedure,
        title: input.title,
        text: input.text ?? "",
        question: input.question,
        access: input.access ?? "open",
        linkKind: input.linkKind ?? null,
        linkId: input.linkKind ? (input.linkId ?? null) : null,
        rule: written ? (input.rule ?? null) : null,
        deadline: input.deadline ?? null,
        createdBy: ctx.actor.name,
      })
      .returning();
    const m = row as MatterRow;
    const to = written ? await answeringMembersOf(db, m.bodyId, now) : await chairGroupOf(db, m.bodyId, now);
    await queueMatterMails(db, m, name, written ? "invite" : "decide", to, opts.baseUrl ?? DEFAULT_BASE_URL);
    return presentMatter(tx, m, now);
  });
}

/** Carries out an approval where the matter points (today: a mandate version through its own act). */
async function carryOut(ctx: Ctx, m: MatterRow, now: Date, by: "secretariat" | "chair_decision") {
  if (m.linkKind === "mandate_version" && m.linkId !== null) {
    const note =
      m.procedure === "chair_decision"
        ? `Formandsbeslutning: ${m.title}`
        : `Skriftlig behandling: ${m.title}`;
    await approveMandateVersion(ctx, m.linkId, { on: isoDayInDenmark(now), note }, by);
  }
}

/** The chair or vice-chair decides a chair decision: approve, approve with a remark, or reject. */
export async function decideMatter(ctx: Ctx, id: number, input: TDecideMatter, now = new Date()) {
  return ctx.db.transaction(async (db) => {
    const tx: Ctx = { db, actor: ctx.actor };
    const m = await readableMatter(tx, id);
    authorize(
      ctx.actor,
      canDecideMatter(ctx.actor, m.bodyId),
      "Kun forummets formand og næstformand træffer formandsbeslutninger.",
    );
    if (m.procedure !== "chair_decision") {
      throw new AppError(
        "invalid_transition",
        "Sagen er sendt til skriftlig behandling; medlemmerne svarer på den.",
      );
    }
    if (m.status !== "open") {
      throw new AppError("invalid_transition", "Sagen er allerede afgjort.");
    }
    const remark = (input.remark ?? "").trim() || null;
    if (input.decision === "approved_with_remark" && !remark) {
      throw invalid("remark", "Skriv bemærkningen til godkendelsen.");
    }
    const [updated] = await db
      .update(matters)
      .set({
        status: input.decision,
        decidedAt: now,
        decidedBy: ctx.actor.name,
        decidedByPersonId: await personOf(tx),
        decisionRemark: remark,
        updatedAt: now,
        version: sql`${matters.version} + 1`,
      })
      .where(and(eq(matters.id, id), eq(matters.status, "open")))
      .returning();
    if (!updated) {
      throw new AppError("invalid_transition", "Sagen er allerede afgjort.");
    }
    if (input.decision !== "rejected") {
      await carryOut(tx, updated, now, "chair_decision");
    }
    return presentMatter(tx, updated, now);
  });
}

/**
 * Records the result of a written procedure once: the outcome by the matter's rule, each answer and who
 * did not answer. Returns false when it was already recorded (or the matter is no written procedure).
 */
export async function recordProcedureResult(db: DbOrTx, id: number, now: Date): Promise<boolean> {
  const m = await getMatterRowUnchecked(db, id);
  if (m.procedure !== "written_procedure" || m.status !== "open" || !m.rule) {
    return false;
  }
  const members = await answeringMembersOf(db, m.bodyId, now);
  const answers = await db.select().from(matterAnswers).where(eq(matterAnswers.matterId, id));
  const ids = [...new Set([...members, ...answers.map((a) => a.personId)])];
  const names = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .select({ id: persons.id, name: persons.name })
            .from(persons)
            .where(inArray(persons.id, ids))
        ).map((p) => [p.id, p.name]),
  );
  const answered = new Set(answers.map((a) => a.personId));
  const result: MatterResult = {
    approve: answers.filter((a) => a.answer === "approve").length,
    reject: answers.filter((a) => a.answer === "reject").length,
    remark: answers.filter((a) => a.answer === "remark").length,
    members: members.length,
    answers: answers.map((a) => ({
      personId: a.personId,
      name: names.get(a.personId) ?? "?",
      answer: a.answer,
      remark: a.remark,
      at: a.answeredAt.toISOString(),
    })),
    notAnswered: members
      .filter((p) => !answered.has(p))
      .map((p) => ({ personId: p, name: names.get(p) ?? "?" })),
  };
  const outcome = procedureOutcome({ rule: m.rule, members, answers });
  const [updated] = await db
    .update(matters)
    .set({
      status: outcome,
      decidedAt: now,
      decidedBy: "Skriftlig behandling",
      result,
      updatedAt: now,
      version: sql`${matters.version} + 1`,
    })
    .where(and(eq(matters.id, id), eq(matters.status, "open")))
    .returning();
  if (!updated) {
    return false;
  }
  if (outcome === "approved") {
    // The members decided; the system records their result and carries it out (as approveDueMinutes does).
    await carryOut({ db, actor: SYSTEM_ACTOR }, updated, now, "secretariat");
  }
  return true;
}

/** A member answers a written procedure; a new answer replaces the earlier one until the result is in. */
export async function answerMatter(ctx: Ctx, id: number, input: TAnswerMatter, now = new Date()) {
  return ctx.db.transaction(async (db) => {
    const tx: Ctx = { db, actor: ctx.actor };
    const m = await readableMatter(tx, id);
    const you = await personOf(tx);
    const members = await answeringMembersOf(db, m.bodyId, now);
    authorize(
      ctx.actor,
      you !== null && members.includes(you),
      "Kun forummets medlemmer svarer i en skriftlig behandling.",
    );
    if (m.procedure !== "written_procedure") {
      throw new AppError(
        "invalid_transition",
        "Sagen er forelagt formandskabet; medlemmerne svarer ikke på den.",
      );
    }
    if (m.status !== "open" || (m.deadline && m.deadline.getTime() <= now.getTime())) {
      throw new AppError("invalid_transition", "Den skriftlige behandling er afsluttet.");
    }
    const remark = (input.remark ?? "").trim() || null;
    if (input.answer === "remark" && !remark) {
      throw invalid("remark", "Skriv din bemærkning.");
    }
    await db
      .insert(matterAnswers)
      .values({ matterId: id, personId: you as number, answer: input.answer, remark, answeredAt: now })
      .onConflictDoUpdate({
        target: [matterAnswers.matterId, matterAnswers.personId],
        set: {
          answer: input.answer,
          remark,
          answeredAt: now,
          updatedAt: now,
          version: sql`${matterAnswers.version} + 1`,
        },
      });
    const answers = await db.select().from(matterAnswers).where(eq(matterAnswers.matterId, id));
    if (m.deadline && procedureOver({ members, answers, deadline: m.deadline, now })) {
      await recordProcedureResult(db, id, now);
    }
    return presentMatter(tx, await getMatterRowUnchecked(db, id), now);
  });
}
