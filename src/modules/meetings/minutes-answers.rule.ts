/**
 * The members' approval of minutes (docs/governance.md): the rule as a pure function, and the one loader
 * that gathers what it needs for a meeting. Used by `approveMinutes` (may the minutes be approved now?),
 * by the answer service and by the background task that approves when a "no objection" deadline passes.
 */
import { and, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { todayInDenmark } from "../auth/actor.ts";
import type { MinutesApprovalRule } from "../bodies/bodies.tables.ts";
import { type MembershipRole, memberships } from "../people/people.tables.ts";
import type { MeetingRow } from "./meetings.service.ts";
import { type MinutesAnswerKind, minutesAnswers } from "./minutes-answers.tables.ts";

/** The roles that answer: the body's members proper (not its secretariat, observers or substitutes). */
export const ANSWERING_ROLES: readonly MembershipRole[] = ["chair", "vice_chair", "member"];

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RoundAnswer {
  personId: number;
  answer: MinutesAnswerKind;
  /** a remark the secretariat has replied to no longer blocks */
  replied: boolean;
}

export interface RoundInput {
  rule: MinutesApprovalRule;
  days: number;
  draftedAt: Date;
  now: Date;
  /** persons who are to answer */
  members: readonly number[];
  answers: readonly RoundAnswer[];
}

/** The day and hour the members' answers are due: the draft plus the body's number of days. */
export function answerDeadline(draftedAt: Date, days: number): Date {
  return new Date(draftedAt.getTime() + days * DAY_MS);
}

/** Why the members' rule is not met yet, or null when the minutes may be approved now. */
export function membersRuleBlock(input: RoundInput): "chair_rule" | "open_remark" | "waiting" | null {
  if (input.rule === "chair") {
    return "chair_rule";
  }
  if (input.answers.some((a) => a.answer === "remark" && !a.replied)) {
    return "open_remark";
  }
  const approved = new Set(input.answers.filter((a) => a.answer === "approve").map((a) => a.personId));
  const everyone = input.members.length > 0 && input.members.every((p) => approved.has(p));
  if (everyone) {
    return null;
  }
  if (
    input.rule === "no_objection" &&
    input.now.getTime() >= answerDeadline(input.draftedAt, input.days).getTime()
  ) {
    return null;
  }
  return "waiting";
}

/** The persons who answer for the body today (active memberships in an answering role). */
export async function answeringMembers(db: DbOrTx, bodyId: number, now = new Date()): Promise<number[]> {
  const today = todayInDenmark(now);
  const rows = await db
    .selectDistinct({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.bodyId, bodyId),
        inArray(memberships.role, [...ANSWERING_ROLES]),
        or(isNull(memberships.from), lte(memberships.from, today)),
        or(isNull(memberships.to), gte(memberships.to, today)),
      ),
    );
  return rows.map((r) => r.personId);
}

/** The answers of the meeting's current draft round (none before the minutes are drafted). */
export async function roundAnswers(db: DbOrTx, meeting: MeetingRow) {
  if (!meeting.minutesDraftedAt) {
    return [];
  }
  return db
    .select()
    .from(minutesAnswers)
    .where(
      and(eq(minutesAnswers.meetingId, meeting.id), eq(minutesAnswers.draftedAt, meeting.minutesDraftedAt)),
    )
    .orderBy(minutesAnswers.answeredAt);
}

/** Gathers the round and applies the rule: null when the members' rule lets the minutes be approved now. */
export async function membersRuleBlockOf(
  db: DbOrTx,
  meeting: MeetingRow,
  body: { id: number; minutesApproval: MinutesApprovalRule; minutesApprovalDays: number },
  now: Date,
) {
  const [members, answers] = await Promise.all([
    answeringMembers(db, body.id, now),
    roundAnswers(db, meeting),
  ]);
  return membersRuleBlock({
    rule: body.minutesApproval,
    days: body.minutesApprovalDays,
    draftedAt: meeting.minutesDraftedAt ?? meeting.updatedAt,
    now,
    members,
    answers: answers.map((a) => ({ personId: a.personId, answer: a.answer, replied: a.repliedAt !== null })),
  });
}
