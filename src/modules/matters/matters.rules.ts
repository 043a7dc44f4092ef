/**
 * The rules of matters decided between meetings, as pure functions (docs/governance.md): the outcome of
 * a written procedure under each rule, when its result is due, and when the reminder is due.
 */
import type { MatterAnswerKind, MatterRule, MatterStatus } from "./matters.tables.ts";

/** A matter that was approved (with or without a remark): a decision others can be asked to follow up. */
export function isApprovedMatter(status: MatterStatus): boolean {
  return status === "approved" || status === "approved_with_remark";
}

/** The reminder goes out this long before the deadline, once, to those who have not answered. */
export const REMIND_BEFORE_MS = 24 * 60 * 60 * 1000;

export interface ProcedureInput {
  rule: MatterRule;
  /** the persons who are to answer */
  members: readonly number[];
  answers: readonly { personId: number; answer: MatterAnswerKind }[];
}

/**
 * The outcome once the procedure is over: "approved" or "rejected". A remark is an approval with a
 * remark (it does not object); only "reject" objects. Silence is no approval under unanimity and
 * majority, and no objection under "no objection".
 * - unanimity: every member approved (with or without a remark);
 * - majority: more than half of the members approved;
 * - no_objection: nobody rejected.
 */
export function procedureOutcome(input: ProcedureInput): "approved" | "rejected" {
  const members = new Set(input.members);
  const answers = input.answers.filter((a) => members.has(a.personId));
  const approving = answers.filter((a) => a.answer !== "reject").length;
  const rejecting = answers.length - approving;
  switch (input.rule) {
    case "unanimity":
      return members.size > 0 && approving === members.size ? "approved" : "rejected";
    case "majority":
      return approving * 2 > members.size ? "approved" : "rejected";
    case "no_objection":
      return rejecting === 0 ? "approved" : "rejected";
  }
}

/** The procedure is over: the deadline has passed, or every member has answered. */
export function procedureOver(
  input: Pick<ProcedureInput, "members" | "answers"> & { deadline: Date; now: Date },
): boolean {
  if (input.now.getTime() >= input.deadline.getTime()) {
    return true;
  }
  const answered = new Set(input.answers.map((a) => a.personId));
  return input.members.length > 0 && input.members.every((p) => answered.has(p));
}

/** The one reminder is due: not sent yet, within a day of the deadline, deadline not passed. */
export function reminderDue(m: { deadline: Date; remindedAt: Date | null }, now: Date): boolean {
  const left = m.deadline.getTime() - now.getTime();
  return m.remindedAt === null && left > 0 && left <= REMIND_BEFORE_MS;
}

/**
 * A chair decision under the rule "each" (every member of the chair group decides): rejected at the first
 * rejection; approved when every member has approved (with a remark when any of them made one); open
 * until then. Votes of persons outside the group do not count.
 */
export function chairGroupOutcome(
  group: readonly number[],
  votes: readonly { personId: number; answer: MatterAnswerKind }[],
): "open" | "approved" | "approved_with_remark" | "rejected" {
  const members = new Set(group);
  const counted = votes.filter((v) => members.has(v.personId));
  if (counted.some((v) => v.answer === "reject")) {
    return "rejected";
  }
  const voted = new Set(counted.map((v) => v.personId));
  if (members.size === 0 || [...members].some((p) => !voted.has(p))) {
    return "open";
  }
  return counted.some((v) => v.answer === "remark") ? "approved_with_remark" : "approved";
}

/** A member with the party they sit for (null: none) and their role's rank (0: chair, 1: vice, 2: member). */
export interface PartyMember {
  personId: number;
  partyId: number | null;
  rank: number;
}

/**
 * One representative per party: the highest-ranking member of each party (then the lowest person id); a
 * member who sits for no party represents only themselves.
 */
export function representativesOf(
  members: readonly PartyMember[],
): { personId: number; partyId: number | null }[] {
  const best = new Map<string, PartyMember>();
  for (const m of members) {
    const key = m.partyId === null ? `p${m.personId}` : `party${m.partyId}`;
    const held = best.get(key);
    if (!held || m.rank < held.rank || (m.rank === held.rank && m.personId < held.personId)) {
      best.set(key, m);
    }
  }
  return [...best.values()]
    .map((m) => ({ personId: m.personId, partyId: m.partyId }))
    .sort((a, b) => a.personId - b.personId);
}

/** The slot a person answers for: their party, or themselves when they sit for none (negative ids). */
export const slotOf = (personId: number, partyId: number | null): number =>
  partyId === null ? -personId : partyId;
