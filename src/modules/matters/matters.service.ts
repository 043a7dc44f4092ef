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
import { authorize, SYSTEM_ACTOR, users } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { parties } from "../parties/parties.tables.ts";
import { persons } from "../people/index.ts";
import { canDecideByRule, canPutMatter, canReadMatter, visibleMattersWhere } from "./matters.access.ts";
import { listAttachmentsOf } from "./matters.attachments.ts";
import { chairRuleOf } from "./matters.body-rules.ts";
import { carryOut, checkLink } from "./matters.links.ts";
import { queueMatterMails } from "./matters.mail.ts";
import { answeringMembersOf, answeringMembersWithParty } from "./matters.members.ts";
import {
  chairGroupOutcome,
  procedureOutcome,
  procedureOver,
  representativesOf,
  slotOf,
} from "./matters.rules.ts";
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

/**
 * Who takes part in a matter, as slots: a written procedure's members (each their own slot) or, sent per
 * party, every member of a represented party (the party is the slot, answering once); a chair decision
 * under "each": the chair group. `to` is who is mailed: the members, the representatives or the group.
 */
async function participantsOf(db: DbOrTx, m: MatterRow, now: Date) {
  if (m.procedure === "chair_decision") {
    const group = await chairGroupOf(db, m.bodyId, now);
    return { persons: group, slot: new Map(group.map((p) => [p, p])), slots: group, to: group };
  }
  if (m.audience === "party_representatives" && m.representatives) {
    const reps = m.representatives;
    const slots = reps.map((r) => slotOf(r.personId, r.partyId));
    const wanted = new Set(slots);
    const members = (await answeringMembersWithParty(db, m.bodyId, now)).filter((p) =>
      wanted.has(slotOf(p.personId, p.partyId)),
    );
    const slot = new Map(members.map((p) => [p.personId, slotOf(p.personId, p.partyId)]));
    return { persons: members.map((p) => p.personId), slot, slots, to: reps.map((r) => r.personId) };
  }
  const members = await answeringMembersOf(db, m.bodyId, now);
  return { persons: members, slot: new Map(members.map((p) => [p, p])), slots: members, to: members };
}

/** The answers as slots: each answer counts for its party when the matter is sent per party. */
const answersAsSlots = (
  m: MatterRow,
  answers: readonly { personId: number; partyId: number | null; answer: TAnswerMatter["answer"] }[],
) =>
  answers.map((a) => ({
    personId: m.audience === "party_representatives" ? slotOf(a.personId, a.partyId) : a.personId,
    answer: a.answer,
  }));

/** The parties' names by id. */
async function partyNamesOf(db: DbOrTx, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: parties.id, name: parties.name })
    .from(parties)
    .where(inArray(parties.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Who is still to answer (the reminder's addressees): members, or the representatives of silent parties. */
export async function silentParticipants(db: DbOrTx, m: MatterRow, now: Date): Promise<number[]> {
  const part = await participantsOf(db, m, now);
  const answers = await db.select().from(matterAnswers).where(eq(matterAnswers.matterId, m.id));
  const answered = new Set(answersAsSlots(m, answers).map((a) => a.personId));
  return part.to.filter((p) => !answered.has(part.slot.get(p) ?? p));
}

/** Presents a matter for a reader who may see it, with what they may do now. */
async function presentMatter(ctx: Ctx, m: MatterRow, now = new Date()): Promise<TMatter> {
  const name = await bodyName(ctx.db, m.bodyId);
  const written = m.procedure === "written_procedure";
  const each = !written && m.chairRule === "each";
  const perParty = written && m.audience === "party_representatives";
  const [part, answers, you, attachments] = await Promise.all([
    written || each ? participantsOf(ctx.db, m, now) : Promise.resolve(null),
    ctx.db.select().from(matterAnswers).where(eq(matterAnswers.matterId, m.id)),
    personOf(ctx),
    listAttachmentsOf(ctx.db, m.id),
  ]);
  // Sent per party, the representatives are listed (and whoever answered for a party).
  const members = part ? (perParty ? part.to : part.persons) : [];
  const answeredSlots = new Set(answersAsSlots(m, answers).map((a) => a.personId));
  const yourSlot = you === null ? undefined : part?.slot.get(you);
  const yoursOpen = yourSlot !== undefined && !answeredSlots.has(yourSlot);
  // After the result, the recorded members are the ones who counted.
  const counted = m.result
    ? [...m.result.answers.map((a) => a.personId), ...m.result.notAnswered.map((a) => a.personId)]
    : members;
  // Sent per party: one row per party — who answered for it, else its representative.
  const partyOf = new Map<number, number | null>();
  let listed = [...new Set([...counted, ...answers.map((a) => a.personId)])];
  if (perParty && m.representatives) {
    const bySlot = new Map(answers.map((a) => [slotOf(a.personId, a.partyId), a.personId]));
    listed = m.representatives.map((r) => {
      const who = bySlot.get(slotOf(r.personId, r.partyId)) ?? r.personId;
      partyOf.set(who, r.partyId);
      return who;
    });
  }
  const ids = listed;
  const partyNames = await partyNamesOf(ctx.db, [...partyOf.values()]);
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
    chairRule: m.chairRule,
    audience: m.audience,
    canDecide: open && !written && canDecideByRule(ctx.actor, m.bodyId, m.chairRule) && (!each || yoursOpen),
    canAnswer: open && written && yourSlot !== undefined && (!perParty || yoursOpen),
    attachments,
    answers: ids
      .map((personId) => {
        const a = byPerson.get(personId);
        return {
          personId,
          name: names.get(personId) ?? "?",
          party: perParty ? (partyNames.get(partyOf.get(personId) ?? -1) ?? null) : null,
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
    const perParty = written && input.audience === "party_representatives";
    const representatives = perParty
      ? representativesOf(await answeringMembersWithParty(db, input.bodyId, now))
      : null;
    if (representatives?.length === 0) {
      throw invalid("audience", "Forummet har ingen medlemmer, der kan svare for en part.");
    }
    const chairRule = written ? "any" : await chairRuleOf(db, input.bodyId);
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
        chairRule,
        audience: perParty ? "party_representatives" : "members",
        representatives,
        createdBy: ctx.actor.name,
      })
      .returning();
    const m = row as MatterRow;
    const to =
      written || chairRule === "each"
        ? (await participantsOf(db, m, now)).to
        : await answeringMembersOf(
            db,
            m.bodyId,
            now,
            chairRule === "chair" ? ["chair"] : ["chair", "vice_chair"],
          );
    await queueMatterMails(db, m, name, written ? "invite" : "decide", to, opts.baseUrl ?? DEFAULT_BASE_URL);
    return presentMatter(tx, m, now);
  });
}

/**
 * A member of the chair group decides under the rule "each": their vote is recorded once; the matter is
 * decided when every member has approved, or at the first rejection (`chairGroupOutcome`).
 */
async function voteInChairGroup(
  ctx: Ctx,
  m: MatterRow,
  decision: TDecideMatter["decision"],
  remark: string | null,
  now: Date,
): Promise<TMatter> {
  const you = await personOf(ctx);
  const group = await chairGroupOf(ctx.db, m.bodyId, now);
  authorize(
    ctx.actor,
    you !== null && group.includes(you),
    "Her skal hvert medlem af formandskabet beslutte; kun de kan beslutte sagen.",
  );
  const answer =
    decision === "rejected" ? "reject" : decision === "approved_with_remark" ? "remark" : "approve";
  const inserted = await ctx.db
    .insert(matterAnswers)
    .values({ matterId: m.id, personId: you as number, answer, remark, answeredAt: now })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) {
    throw new AppError("invalid_transition", "Du har allerede truffet din beslutning i sagen.");
  }
  const votes = await ctx.db.select().from(matterAnswers).where(eq(matterAnswers.matterId, m.id));
  const outcome = chairGroupOutcome(group, votes);
  if (outcome === "open") {
    return presentMatter(ctx, m, now);
  }
  const names = new Map(
    (
      await ctx.db
        .select({ id: persons.id, name: persons.name })
        .from(persons)
        .where(inArray(persons.id, [...new Set(votes.map((v) => v.personId))]))
    ).map((p) => [p.id, p.name]),
  );
  const remarks = votes
    .filter((v) => v.remark)
    .map((v) => `${names.get(v.personId) ?? "?"}: ${v.remark}`)
    .join("\n");
  const [updated] = await ctx.db
    .update(matters)
    .set({
      status: outcome,
      decidedAt: now,
      decidedBy: votes.map((v) => names.get(v.personId) ?? "?").join(", "),
      decidedByPersonId: you,
      decisionRemark: remarks || null,
      updatedAt: now,
      version: sql`${matters.version} + 1`,
    })
    .where(and(eq(matters.id, m.id), eq(matters.status, "open")))
    .returning();
  if (!updated) {
    throw new AppError("invalid_transition", "Sagen er allerede afgjort.");
  }
  if (outcome !== "rejected") {
    await carryOut(ctx, updated, now);
  }
  return presentMatter(ctx, updated, now);
}

/**
 * The chair group decides a chair decision by the body's rule (`chairRule`, fixed when the matter was put):
 * the chair alone, the chair or a vice-chair, or each member of the chair group. Approve, approve with a
 * remark, or reject; an approval carries out its effect where the matter points.
 */
export async function decideMatter(ctx: Ctx, id: number, input: TDecideMatter, now = new Date()) {
  return ctx.db.transaction(async (db) => {
    const tx: Ctx = { db, actor: ctx.actor };
    const m = await readableMatter(tx, id);
    authorize(
      ctx.actor,
      canDecideByRule(ctx.actor, m.bodyId, m.chairRule),
      m.chairRule === "chair"
        ? "Kun forummets formand træffer formandsbeslutninger."
        : "Kun forummets formand og næstformand træffer formandsbeslutninger.",
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
    if (m.chairRule === "each") {
      return voteInChairGroup(tx, m, input.decision, remark, now);
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
      await carryOut(tx, updated, now);
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
  const part = await participantsOf(db, m, now);
  // Sent per party, each party is one voice: its representative is who "did not answer" for it.
  const members = part.to;
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
  const answeredSlots = new Set(answersAsSlots(m, answers).map((a) => a.personId));
  const slotOfMember = (p: number) =>
    m.audience === "party_representatives"
      ? slotOf(p, m.representatives?.find((r) => r.personId === p)?.partyId ?? null)
      : p;
  const result: MatterResult = {
    approve: answers.filter((a) => a.answer === "approve").length,
    reject: answers.filter((a) => a.answer === "reject").length,
    remark: answers.filter((a) => a.answer === "remark").length,
    members: part.slots.length,
    answers: answers.map((a) => ({
      personId: a.personId,
      name: names.get(a.personId) ?? "?",
      answer: a.answer,
      remark: a.remark,
      at: a.answeredAt.toISOString(),
    })),
    notAnswered: members
      .filter((p) => !answeredSlots.has(slotOfMember(p)))
      .map((p) => ({ personId: p, name: names.get(p) ?? "?" })),
  };
  const outcome = procedureOutcome({
    rule: m.rule,
    members: part.slots,
    answers: answersAsSlots(m, answers),
  });
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
    await carryOut({ db, actor: SYSTEM_ACTOR }, updated, now);
  }
  return true;
}

/**
 * A member answers a written procedure; a new answer replaces the earlier one until the result is in.
 * Sent per party, a member of a represented party answers for it, and each party answers once.
 */
export async function answerMatter(ctx: Ctx, id: number, input: TAnswerMatter, now = new Date()) {
  return ctx.db.transaction(async (db) => {
    const tx: Ctx = { db, actor: ctx.actor };
    const m = await readableMatter(tx, id);
    const you = await personOf(tx);
    const written = m.procedure === "written_procedure";
    const part = written ? await participantsOf(db, m, now) : null;
    const members = part ? part.persons : await answeringMembersOf(db, m.bodyId, now);
    authorize(
      ctx.actor,
      you !== null && members.includes(you),
      m.audience === "party_representatives"
        ? "Kun medlemmer for de parter, sagen er sendt til, svarer i denne skriftlige behandling."
        : "Kun forummets medlemmer svarer i en skriftlig behandling.",
    );
    if (!part) {
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
    const me = you as number;
    if (m.audience === "party_representatives") {
      const slot = part.slot.get(me) as number;
      const earlier = await db.select().from(matterAnswers).where(eq(matterAnswers.matterId, id));
      if (answersAsSlots(m, earlier).some((a) => a.personId === slot)) {
        throw new AppError("conflict", "Din part har allerede svaret i denne skriftlige behandling.");
      }
      await db.insert(matterAnswers).values({
        matterId: id,
        personId: me,
        partyId: slot > 0 ? slot : null,
        answer: input.answer,
        remark,
        answeredAt: now,
      });
    } else {
      await db
        .insert(matterAnswers)
        .values({ matterId: id, personId: me, answer: input.answer, remark, answeredAt: now })
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
    }
    const answers = answersAsSlots(
      m,
      await db.select().from(matterAnswers).where(eq(matterAnswers.matterId, id)),
    );
    if (m.deadline && procedureOver({ members: part.slots, answers, deadline: m.deadline, now })) {
      await recordProcedureResult(db, id, now);
    }
    return presentMatter(tx, await getMatterRowUnchecked(db, id), now);
  });
}
