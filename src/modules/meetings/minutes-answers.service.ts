/**
 * The members' answers to draft minutes (docs/governance.md): a member approves or makes a remark, the
 * secretariat replies to a remark, everyone of the body sees the round. When an answer or a reply meets
 * the body's rule, the minutes are approved through the one act, `approveMinutes`.
 */
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { users } from "../auth/auth.tables.ts";
import { authorize, canEditBody, canReadClosed } from "../auth/policy.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { persons } from "../people/people.tables.ts";
import { approveMinutes } from "./meeting-acts.ts";
import { getMeetingRow, type MeetingRow } from "./meetings.service.ts";
import { meetings } from "./meetings.tables.ts";
import {
  ANSWERING_ROLES,
  answerDeadline,
  answeringMembers,
  membersRuleBlock,
  roundAnswers,
} from "./minutes-answers.rule.ts";
import { type MinutesAnswerKind, minutesAnswers } from "./minutes-answers.tables.ts";

async function bodyRule(ctx: Ctx, bodyId: number) {
  const [body] = await ctx.db
    .select({
      id: bodies.id,
      minutesApproval: bodies.minutesApproval,
      minutesApprovalDays: bodies.minutesApprovalDays,
    })
    .from(bodies)
    .where(eq(bodies.id, bodyId));
  if (!body) {
    throw notFound("Forummet");
  }
  return body;
}

/** A draft whose body lets its members approve; anything else is a wrong step (409). */
function requireMembersDraft(meeting: MeetingRow, rule: string) {
  if (rule === "chair") {
    throw new AppError(
      "invalid_transition",
      "Forummets formandskab godkender referatet; medlemmerne svarer ikke på det her.",
    );
  }
  if (meeting.status !== "minutes_draft" || !meeting.minutesDraftedAt) {
    throw new AppError(
      "invalid_transition",
      "Kun et referatudkast, der venter på godkendelse, kan besvares.",
    );
  }
  return meeting.minutesDraftedAt;
}

/** The actor's person when the actor holds an answering role in the body, else null. */
async function answeringPersonOf(ctx: Ctx, bodyId: number): Promise<number | null> {
  const roles = ctx.actor.roles.get(bodyId);
  if (ctx.actor.userId === null || !ANSWERING_ROLES.some((r) => roles?.has(r))) {
    return null;
  }
  const [user] = await ctx.db
    .select({ personId: users.personId })
    .from(users)
    .where(eq(users.id, ctx.actor.userId));
  return user?.personId ?? null;
}

/** The round as everyone of the body sees it: who is to answer, each answer, the deadline, the state. */
export async function getMinutesRound(ctx: Ctx, meetingId: number, now = new Date()) {
  const meeting = await getMeetingRow(ctx.db, meetingId);
  authorize(
    ctx.actor,
    canReadClosed(ctx.actor, meeting.bodyId),
    "Kun forummets medlemmer kan se svarene på referatet.",
  );
  const body = await bodyRule(ctx, meeting.bodyId);
  const [members, answers] = await Promise.all([
    answeringMembers(ctx.db, body.id, now),
    roundAnswers(ctx.db, meeting),
  ]);
  const ids = [...new Set([...members, ...answers.map((a) => a.personId)])];
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
  const you = await answeringPersonOf(ctx, meeting.bodyId);
  const draftedAt = meeting.minutesDraftedAt;
  const block =
    meeting.status === "minutes_draft" && draftedAt
      ? membersRuleBlock({
          rule: body.minutesApproval,
          days: body.minutesApprovalDays,
          draftedAt,
          now,
          members,
          answers: answers.map((a) => ({
            personId: a.personId,
            answer: a.answer,
            replied: a.repliedAt !== null,
          })),
        })
      : null;
  return {
    meetingId: meeting.id,
    rule: body.minutesApproval,
    days: body.minutesApprovalDays,
    draftedAt: draftedAt?.toISOString() ?? null,
    deadline: draftedAt ? answerDeadline(draftedAt, body.minutesApprovalDays).toISOString() : null,
    open: meeting.status === "minutes_draft" && body.minutesApproval !== "chair",
    you: you !== null && members.includes(you) ? you : null,
    block,
    answers: ids
      .map((personId) => {
        const a = byPerson.get(personId);
        return {
          personId,
          name: names.get(personId) ?? "?",
          member: members.includes(personId),
          answer: a?.answer ?? null,
          remark: a?.remark ?? null,
          answeredAt: a?.answeredAt.toISOString() ?? null,
          reply: a?.reply ?? null,
          repliedAt: a?.repliedAt?.toISOString() ?? null,
          repliedBy: a?.repliedBy ?? null,
        };
      })
      .sort((x, y) => x.name.localeCompare(y.name, "da")),
  };
}

export type MinutesRound = Awaited<ReturnType<typeof getMinutesRound>>;

/** Approves the minutes through the one act when the round now meets the body's rule. */
async function approveIfMet(ctx: Ctx, meetingId: number, now: Date): Promise<boolean> {
  const meeting = await getMeetingRow(ctx.db, meetingId);
  const body = await bodyRule(ctx, meeting.bodyId);
  if (meeting.status !== "minutes_draft" || !meeting.minutesDraftedAt) {
    return false;
  }
  const answers = await roundAnswers(ctx.db, meeting);
  const block = membersRuleBlock({
    rule: body.minutesApproval,
    days: body.minutesApprovalDays,
    draftedAt: meeting.minutesDraftedAt,
    now,
    members: await answeringMembers(ctx.db, body.id, now),
    answers: answers.map((a) => ({ personId: a.personId, answer: a.answer, replied: a.repliedAt !== null })),
  });
  if (block) {
    return false;
  }
  await approveMinutes(ctx, meetingId, { version: meeting.version }, now);
  return true;
}

/**
 * A member answers the draft minutes: "Godkend referatet" or a remark (which blocks approval until the
 * secretariat replies). A new answer in the same round replaces the member's earlier one.
 */
export async function answerMinutes(
  ctx: Ctx,
  meetingId: number,
  input: { answer: MinutesAnswerKind; remark?: string | null | undefined },
  now = new Date(),
) {
  return ctx.db.transaction(async (db) => {
    const tx: Ctx = { db, actor: ctx.actor };
    const meeting = await getMeetingRow(db, meetingId);
    const personId = await answeringPersonOf(tx, meeting.bodyId);
    authorize(
      ctx.actor,
      personId !== null,
      "Kun forummets medlemmer kan godkende referatet eller give en bemærkning.",
    );
    const body = await bodyRule(tx, meeting.bodyId);
    const draftedAt = requireMembersDraft(meeting, body.minutesApproval);
    const remark = input.answer === "remark" ? (input.remark ?? "").trim() : null;
    if (input.answer === "remark" && !remark) {
      const message = "Skriv din bemærkning til referatet.";
      throw new AppError("validation_failed", message, [{ path: "remark", message }]);
    }
    const values = { answer: input.answer, answeredAt: now };
    // A new remark is a new question to the secretariat; approving keeps the earlier remark and its reply.
    const fresh = input.answer === "remark" ? { remark, reply: null, repliedAt: null, repliedBy: null } : {};
    await db
      .insert(minutesAnswers)
      .values({ meetingId, personId: personId as number, draftedAt, ...values, remark })
      .onConflictDoUpdate({
        target: [minutesAnswers.meetingId, minutesAnswers.personId, minutesAnswers.draftedAt],
        set: { ...values, ...fresh, updatedAt: now, version: sql`${minutesAnswers.version} + 1` },
      });
    const approved = await approveIfMet(tx, meetingId, now);
    return { approved, round: await getMinutesRound(tx, meetingId, now) };
  });
}

/** The secretariat replies to a member's remark; the remark then no longer blocks approval. */
export async function replyToMinutesRemark(
  ctx: Ctx,
  meetingId: number,
  input: { personId: number; reply: string },
  now = new Date(),
) {
  return ctx.db.transaction(async (db) => {
    const tx: Ctx = { db, actor: ctx.actor };
    const meeting = await getMeetingRow(db, meetingId);
    authorize(
      ctx.actor,
      canEditBody(ctx.actor, meeting.bodyId),
      "Kun forummets sekretariat kan svare på bemærkninger til referatet.",
    );
    const body = await bodyRule(tx, meeting.bodyId);
    const draftedAt = requireMembersDraft(meeting, body.minutesApproval);
    const updated = await db
      .update(minutesAnswers)
      .set({
        reply: input.reply.trim(),
        repliedAt: now,
        repliedBy: ctx.actor.name,
        updatedAt: now,
        version: sql`${minutesAnswers.version} + 1`,
      })
      .where(
        and(
          eq(minutesAnswers.meetingId, meetingId),
          eq(minutesAnswers.personId, input.personId),
          eq(minutesAnswers.draftedAt, draftedAt),
          eq(minutesAnswers.answer, "remark"),
        ),
      )
      .returning({ id: minutesAnswers.id });
    if (updated.length === 0) {
      throw new AppError("not_found", "Personen har ingen bemærkning til dette referatudkast.");
    }
    const approved = await approveIfMet(tx, meetingId, now);
    return { approved, round: await getMinutesRound(tx, meetingId, now) };
  });
}

/**
 * The background task: minutes of "no objection" bodies whose deadline has passed with no open remark are
 * approved by the system through `approveMinutes`. Returns how many it approved (0: nothing due now).
 */
export async function approveDueMinutes(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: meetings.id })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        eq(meetings.status, "minutes_draft"),
        eq(bodies.minutesApproval, "no_objection"),
        lte(
          sql`${meetings.minutesDraftedAt} + make_interval(days => ${bodies.minutesApprovalDays})`,
          sql`${now.toISOString()}::timestamptz`,
        ),
      ),
    )
    .orderBy(meetings.id)
    .limit(20);
  let approved = 0;
  for (const { id } of due) {
    if (await db.transaction((tx) => approveIfMet({ db: tx, actor: SYSTEM_ACTOR }, id, now))) {
      approved++;
    }
  }
  return approved;
}
