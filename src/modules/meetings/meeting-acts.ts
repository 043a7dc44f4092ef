/**
 * The domain acts of a meeting's life: each one checks who may do it and whether the meeting may take
 * the step, writes in one transaction, and announces what happened (`src/lib/domain-events.ts`), so that
 * frozen documents, the search index, caches and notifications follow for every caller alike — API,
 * workspace pages, importer, demo loader, CLI. See "How a status change flows" in docs/architecture.md.
 */
import { count, eq } from "drizzle-orm";
import { emitDomainEvent, type MeetingEvent } from "../../lib/domain-events.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import {
  authorize,
  canApprove,
  canApproveMinutes,
  canEditBody,
  canReadClosed,
  canRecordHistoricApproval,
} from "../auth/policy.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { agendaChangesSince } from "./agenda-supplements.service.ts";
import { agendaSupplements } from "./agenda-supplements.tables.ts";
import { agendaItems } from "./items.tables.ts";
import { type MeetingStatus, transitionError } from "./meetings.rules.ts";
import type { TAgendaApproval } from "./meetings.schemas.ts";
import {
  getMeetingRow,
  type MeetingRow,
  presentMeeting,
  updateMeetingRowUnchecked,
} from "./meetings.service.ts";
import { membersRuleBlockOf } from "./minutes-answers.rule.ts";

type Versioned = { version: number };

/** Runs `fn` in a transaction of its own (a savepoint when the caller already has one). */
function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ db: tx, actor: ctx.actor }));
}

/** Checks the step under the status rules, writes it, and announces it; the caller has authorized. */
async function step(
  tx: Ctx,
  meeting: MeetingRow,
  to: MeetingStatus,
  input: Versioned & { extra?: Partial<MeetingRow> },
  event: MeetingEvent | null,
  now: Date,
) {
  const [counted] = await tx.db
    .select({ n: count() })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id));
  const error = transitionError({
    from: meeting.status,
    to,
    cancelled: meeting.cancelled,
    start: meeting.start,
    now,
    itemCount: counted?.n ?? 0,
  });
  if (error) {
    throw new AppError("invalid_transition", error);
  }
  const row = await updateMeetingRowUnchecked(tx.db, meeting.id, input.version, {
    status: to,
    ...input.extra,
  });
  if (event) {
    await emitDomainEvent(tx, event);
  }
  return presentMeeting(row);
}

async function asSecretariat(ctx: Ctx, id: number, message: string) {
  const meeting = await getMeetingRow(ctx.db, id);
  authorize(ctx.actor, canEditBody(ctx.actor, meeting.bodyId), message);
  return meeting;
}

/**
 * Publishes the agenda: the public sees it, the documents are frozen, members are told. Where the body
 * requires the chair's approval (`bodies.agenda_approval`), only an approved agenda that has not changed
 * since the approval may be published (`agendaApprovalBlock`).
 */
export function publishAgenda(ctx: Ctx, id: number, input: Versioned, now = new Date()) {
  return inTransaction(ctx, async (tx) => {
    const meeting = await asSecretariat(tx, id, "Kun forummets sekretariat kan offentliggøre dagsordenen.");
    if (meeting.status === "planned" && (await requiresAgendaApproval(tx, meeting))) {
      const block = await agendaApprovalBlock(tx, meeting);
      if (block) {
        throw new AppError("invalid_transition", AGENDA_BLOCK_MESSAGE[block]);
      }
    }
    const extra = { agendaPublishedAt: now };
    const event = { kind: "agenda_published", meetingId: id } as const;
    return step(tx, meeting, "agenda_published", { ...input, extra }, event, now);
  });
}

/**
 * Publishes a supplementary agenda ("tillægsdagsorden"): the items added or changed since the agenda (or
 * the last supplement) was published become a change log on the agenda page and in a new frozen edition
 * of the documents, and the members are told with the note.
 */
export function publishSupplementaryAgenda(
  ctx: Ctx,
  id: number,
  input: Versioned & { note: string },
  now = new Date(),
) {
  return inTransaction(ctx, async (tx) => {
    const meeting = await asSecretariat(
      tx,
      id,
      "Kun forummets sekretariat kan offentliggøre en tillægsdagsorden.",
    );
    if (meeting.cancelled || meeting.status !== "agenda_published") {
      throw new AppError(
        "invalid_transition",
        "En tillægsdagsorden kan kun offentliggøres, når dagsordenen er offentliggjort og mødet ikke er holdt.",
      );
    }
    const since = meeting.agendaPublishedAt ?? meeting.updatedAt;
    const changes = await agendaChangesSince(tx.db, id, since);
    if (changes.length === 0) {
      throw new AppError(
        "invalid_transition",
        "Ingen punkter er tilføjet eller ændret, siden dagsordenen blev offentliggjort.",
      );
    }
    const row = await updateMeetingRowUnchecked(tx.db, id, input.version, { agendaPublishedAt: now });
    await tx.db
      .insert(agendaSupplements)
      .values({ meetingId: id, publishedAt: now, note: input.note, changes });
    await emitDomainEvent(tx, { kind: "supplementary_agenda_published", meetingId: id, note: input.note });
    return presentMeeting(row);
  });
}

/**
 * Takes a published agenda back to planning (published documents stay listed as they were). Where the
 * chair approves agendas, the approval is spent: the changed agenda goes to the chair again.
 */
export function withdrawAgenda(ctx: Ctx, id: number, input: Versioned, now = new Date()) {
  return inTransaction(ctx, async (tx) => {
    const meeting = await asSecretariat(tx, id, "Kun forummets sekretariat kan trække dagsordenen tilbage.");
    const extra = { agendaApprovalRequestedAt: null, agendaApprovedAt: null, agendaApprovedBy: null };
    return step(tx, meeting, "planned", { ...input, extra }, null, now);
  });
}

async function requiresAgendaApproval(tx: Ctx, meeting: MeetingRow): Promise<boolean> {
  const [body] = await tx.db
    .select({ agendaApproval: bodies.agendaApproval })
    .from(bodies)
    .where(eq(bodies.id, meeting.bodyId));
  return body?.agendaApproval === true;
}

/**
 * Why a planned agenda of a body that requires the chair's approval may not be published yet: never sent
 * for approval, waiting for the chair, or changed (an item added or edited) after the chair approved it.
 */
export async function agendaApprovalBlock(
  tx: Ctx,
  meeting: MeetingRow,
): Promise<"not_requested" | "waiting" | "changed" | null> {
  if (meeting.agendaApprovedAt) {
    const changes = await agendaChangesSince(tx.db, meeting.id, meeting.agendaApprovedAt);
    return changes.length > 0 ? "changed" : null;
  }
  return meeting.agendaApprovalRequestedAt ? "waiting" : "not_requested";
}

/** The agenda approval of a meeting as its members see it (404 to others: the draft is not theirs to know). */
export async function getAgendaApproval(ctx: Ctx, id: number): Promise<TAgendaApproval> {
  const meeting = await getMeetingRow(ctx.db, id);
  if (!canReadClosed(ctx.actor, meeting.bodyId)) {
    throw notFound("Mødet");
  }
  const required = await requiresAgendaApproval(ctx, meeting);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    required,
    requestedAt: iso(meeting.agendaApprovalRequestedAt),
    approvedAt: iso(meeting.agendaApprovedAt),
    approvedBy: meeting.agendaApprovedBy,
    returnComment: meeting.agendaReturnComment,
    returnedAt: iso(meeting.agendaReturnedAt),
    block: required && meeting.status === "planned" ? await agendaApprovalBlock(ctx, meeting) : null,
  };
}

const AGENDA_BLOCK_MESSAGE = {
  not_requested:
    "Forummets formandskab skal godkende dagsordenen, før den offentliggøres. Send den til godkendelse først.",
  waiting: "Dagsordenen venter på formandskabets godkendelse og kan ikke offentliggøres endnu.",
  changed:
    "Dagsordenen er ændret, efter formandskabet godkendte den. Send den til godkendelse igen, før den offentliggøres.",
} as const;

/** A planned, not cancelled meeting of a body whose chair approves agendas, with at least one item. */
async function plannedForApproval(tx: Ctx, meeting: MeetingRow) {
  if (meeting.cancelled || meeting.status !== "planned") {
    throw new AppError(
      "invalid_transition",
      "Kun dagsordenen til et kommende møde, der ikke er offentliggjort eller aflyst, kan godkendes.",
    );
  }
  if (!(await requiresAgendaApproval(tx, meeting))) {
    throw new AppError(
      "invalid_transition",
      "Forummet kræver ikke formandskabets godkendelse af dagsordenen; sekretariatet offentliggør den selv.",
    );
  }
}

/** The chair's answer needs a planned agenda that the secretariat sent and nobody has approved yet. */
async function waitingForChair(
  tx: Ctx,
  id: number,
  refusal: string,
  not: { approved: string; notSent: string },
): Promise<MeetingRow> {
  const meeting = await getMeetingRow(tx.db, id);
  authorize(tx.actor, canApprove(tx.actor, meeting.bodyId), refusal);
  await plannedForApproval(tx, meeting);
  if (meeting.agendaApprovedAt) {
    throw new AppError("invalid_transition", not.approved);
  }
  if (!meeting.agendaApprovalRequestedAt) {
    throw new AppError("invalid_transition", not.notSent);
  }
  return meeting;
}

/**
 * Sends the agenda to the chair and vice-chair for approval (the body requires it): they are told, and
 * an earlier approval or comment is replaced by the new round.
 */
export function requestAgendaApproval(ctx: Ctx, id: number, input: Versioned, now = new Date()) {
  return inTransaction(ctx, async (tx) => {
    const meeting = await asSecretariat(
      tx,
      id,
      "Kun forummets sekretariat kan sende dagsordenen til godkendelse.",
    );
    await plannedForApproval(tx, meeting);
    const [counted] = await tx.db
      .select({ n: count() })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, id));
    if ((counted?.n ?? 0) === 0) {
      throw new AppError("invalid_transition", "Dagsordenen har ingen punkter endnu.");
    }
    if (meeting.agendaApprovalRequestedAt && !meeting.agendaApprovedAt) {
      throw new AppError("invalid_transition", "Dagsordenen venter allerede på formandskabets godkendelse.");
    }
    const row = await updateMeetingRowUnchecked(tx.db, id, input.version, {
      agendaApprovalRequestedAt: now,
      agendaApprovedAt: null,
      agendaApprovedBy: null,
    });
    await emitDomainEvent(tx, { kind: "agenda_awaiting_approval", meetingId: id });
    return presentMeeting(row);
  });
}

/** The chair (or vice-chair) approves the agenda sent to them; the secretariat may then publish it. */
export function approveAgenda(ctx: Ctx, id: number, input: Versioned, now = new Date()) {
  return inTransaction(ctx, async (tx) => {
    await waitingForChair(tx, id, "Kun formandskabet kan godkende dagsordenen.", {
      approved: "Dagsordenen er allerede godkendt.",
      notSent: "Sekretariatet har ikke sendt dagsordenen til godkendelse.",
    });
    const row = await updateMeetingRowUnchecked(tx.db, id, input.version, {
      agendaApprovedAt: now,
      agendaApprovedBy: ctx.actor.name,
      agendaReturnComment: null,
      agendaReturnedAt: null,
    });
    await emitDomainEvent(tx, { kind: "agenda_approved", meetingId: id });
    return presentMeeting(row);
  });
}

/** The chair sends the agenda back to the secretariat with a comment, which the secretariat sees and is told. */
export function sendBackAgenda(
  ctx: Ctx,
  id: number,
  input: Versioned & { comment: string },
  now = new Date(),
) {
  return inTransaction(ctx, async (tx) => {
    const notWaiting = "Kun en dagsorden, der venter på godkendelse, kan sendes tilbage.";
    await waitingForChair(tx, id, "Kun formandskabet kan sende dagsordenen tilbage.", {
      approved: notWaiting,
      notSent: notWaiting,
    });
    const row = await updateMeetingRowUnchecked(tx.db, id, input.version, {
      agendaApprovalRequestedAt: null,
      agendaReturnComment: input.comment,
      agendaReturnedAt: now,
    });
    await emitDomainEvent(tx, { kind: "agenda_sent_back", meetingId: id, comment: input.comment });
    return presentMeeting(row);
  });
}

/** Marks the meeting as held (it must have begun). */
export function holdMeeting(ctx: Ctx, id: number, input: Versioned, now = new Date()) {
  return inTransaction(ctx, async (tx) => {
    const meeting = await asSecretariat(tx, id, "Kun forummets sekretariat kan markere mødet som afholdt.");
    return step(tx, meeting, "held", input, { kind: "meeting_held", meetingId: id }, now);
  });
}

/** Closes the minutes as a draft for approval; the chair is told they wait. */
export function draftMinutes(ctx: Ctx, id: number, input: Versioned, now = new Date()) {
  return inTransaction(ctx, async (tx) => {
    const meeting = await asSecretariat(tx, id, "Kun forummets sekretariat kan lave referatudkastet.");
    const event = { kind: "minutes_awaiting_approval", meetingId: id } as const;
    const extra = { minutesDraftedBy: ctx.actor.userId, minutesDraftedAt: now };
    return step(tx, meeting, "minutes_draft", { ...input, extra }, event, now);
  });
}

/** Reopens a draft for more work (minutes draft → held), e.g. when the chair sent it back. */
export function reopenMinutes(ctx: Ctx, id: number, input: Versioned, now = new Date()) {
  return inTransaction(ctx, async (tx) => {
    const meeting = await asSecretariat(tx, id, "Kun forummets sekretariat kan genåbne referatet.");
    return step(tx, meeting, "held", input, null, now);
  });
}

/**
 * Approves the minutes; from now on they change only by correction. By the body's rule
 * (`bodies.minutes_approval`): the chair or vice-chair approves (the default), or — where the members
 * approve — any member of the body (or the system's deadline task) once every member has approved, or no
 * remark is open when the deadline has passed (`minutes-answers.rule.ts`). The same act either way, so the
 * same effects follow.
 */
export function approveMinutes(ctx: Ctx, id: number, input: Versioned, now = new Date()) {
  return inTransaction(ctx, async (tx) => {
    const meeting = await getMeetingRow(tx.db, id);
    const [body] = await tx.db
      .select({
        id: bodies.id,
        drafterMayApprove: bodies.drafterMayApprove,
        minutesApproval: bodies.minutesApproval,
        minutesApprovalDays: bodies.minutesApprovalDays,
      })
      .from(bodies)
      .where(eq(bodies.id, meeting.bodyId));
    if (body && body.minutesApproval !== "chair") {
      authorize(
        ctx.actor,
        canReadClosed(ctx.actor, meeting.bodyId),
        "Kun forummets medlemmer kan godkende referatet.",
      );
      if (meeting.status === "minutes_draft") {
        const block = await membersRuleBlockOf(tx.db, meeting, body, now);
        if (block) {
          throw new AppError("invalid_transition", MEMBERS_BLOCK_MESSAGE[block]);
        }
      }
      const extra = { minutesApprovedAt: now, minutesApprovedBy: MEMBERS_APPROVED_BY[body.minutesApproval] };
      const event = { kind: "minutes_approved", meetingId: id } as const;
      return step(tx, meeting, "minutes_approved", { ...input, extra }, event, now);
    }
    authorize(ctx.actor, canApprove(ctx.actor, meeting.bodyId), "Kun formandskabet kan godkende referatet.");
    authorize(
      ctx.actor,
      body !== undefined && canApproveMinutes(ctx.actor, body, meeting),
      "Den, der har lavet referatudkastet, kan ikke selv godkende det; det gør en anden fra formandskabet.",
    );
    const extra = { minutesApprovedAt: now, minutesApprovedBy: ctx.actor.name };
    const event = { kind: "minutes_approved", meetingId: id } as const;
    return step(tx, meeting, "minutes_approved", { ...input, extra }, event, now);
  });
}

/** Recorded as who approved, when the members did (minutes_approved_by holds a name otherwise). */
const MEMBERS_APPROVED_BY = {
  all_members: "Forummets medlemmer (alle har godkendt)",
  no_objection: "Forummets medlemmer (ingen indsigelser inden fristen)",
} as const;

const MEMBERS_BLOCK_MESSAGE = {
  chair_rule: "Forummets formandskab godkender referatet.",
  open_remark:
    "Referatet kan ikke godkendes, mens en bemærkning fra et medlem venter på sekretariatets svar.",
  waiting: "Referatet er ikke godkendt endnu: forummets regel for medlemmernes godkendelse er ikke opfyldt.",
} as const;

/**
 * The chair sends the draft minutes back to the secretariat with a comment (minutes draft → held): the
 * secretariat sees the comment on its pages and is told; after changes it drafts the minutes again.
 */
export function sendBackMinutes(
  ctx: Ctx,
  id: number,
  input: Versioned & { comment: string },
  now = new Date(),
) {
  return inTransaction(ctx, async (tx) => {
    const meeting = await getMeetingRow(tx.db, id);
    authorize(
      ctx.actor,
      canApprove(ctx.actor, meeting.bodyId),
      "Kun formandskabet kan sende referatet tilbage.",
    );
    if (meeting.status !== "minutes_draft") {
      throw new AppError(
        "invalid_transition",
        "Kun et referatudkast, der venter på godkendelse, kan sendes tilbage.",
      );
    }
    const extra = { minutesReturnComment: input.comment, minutesReturnedAt: now };
    const event = { kind: "minutes_sent_back", meetingId: id, comment: input.comment } as const;
    return step(tx, meeting, "held", { version: input.version, extra }, event, now);
  });
}

/**
 * Records that historic minutes were approved outside Tværs (the importer bringing in an archive):
 * a named rule in the policy, not the chair's approval and not a borrowed authority.
 */
export function recordHistoricApproval(ctx: Ctx, id: number, input: Versioned, now = new Date()) {
  return inTransaction(ctx, async (tx) => {
    const meeting = await getMeetingRow(tx.db, id);
    authorize(
      ctx.actor,
      canRecordHistoricApproval(ctx.actor, meeting.bodyId),
      "Kun forummets sekretariat kan registrere et referat, der er godkendt uden for Tværs.",
    );
    if (meeting.start.getTime() > now.getTime()) {
      throw new AppError("invalid_transition", "Et referat af et kommende møde kan ikke være godkendt.");
    }
    const extra = { minutesApprovedAt: meeting.end ?? meeting.start, minutesApprovedBy: null };
    const event = { kind: "minutes_approved", meetingId: id } as const;
    return step(tx, meeting, "minutes_approved", { ...input, extra }, event, now);
  });
}

/** Publishes approved minutes: the public sees decisions, the documents are frozen, members are told. */
export function publishMinutes(ctx: Ctx, id: number, input: Versioned, now = new Date()) {
  return inTransaction(ctx, async (tx) => {
    const meeting = await asSecretariat(tx, id, "Kun forummets sekretariat kan offentliggøre referatet.");
    return step(tx, meeting, "minutes_published", input, { kind: "minutes_published", meetingId: id }, now);
  });
}

/** Cancels a meeting that has not been held; members are told with the reason. */
export function cancelMeeting(ctx: Ctx, id: number, input: Versioned & { reason: string }) {
  return inTransaction(ctx, async (tx) => {
    const meeting = await asSecretariat(tx, id, "Kun forummets sekretariat kan aflyse mødet.");
    if (meeting.cancelled || (meeting.status !== "planned" && meeting.status !== "agenda_published")) {
      throw new AppError("invalid_transition", "Kun et kommende møde, der ikke er aflyst, kan aflyses.");
    }
    const row = await updateMeetingRowUnchecked(tx.db, id, input.version, {
      cancelled: true,
      cancelReason: input.reason,
    });
    await emitDomainEvent(tx, { kind: "meeting_cancelled", meetingId: id, reason: input.reason });
    return presentMeeting(row);
  });
}

/** The act for each target status, for callers that name the status (the API's transition route). */
const ACT_FOR: Record<
  MeetingStatus,
  (ctx: Ctx, id: number, input: Versioned, now?: Date) => Promise<unknown>
> = {
  planned: withdrawAgenda,
  agenda_published: publishAgenda,
  held: holdMeeting,
  minutes_draft: draftMinutes,
  minutes_approved: approveMinutes,
  minutes_published: publishMinutes,
};

/**
 * Moves a meeting to the named status through its act. From "held" back from a draft the act is
 * `reopenMinutes`; everything else maps one to one.
 */
export async function transitionMeeting(
  ctx: Ctx,
  id: number,
  input: { to: MeetingStatus; version: number },
  now = new Date(),
) {
  const meeting = await getMeetingRow(ctx.db, id);
  const act = input.to === "held" && meeting.status === "minutes_draft" ? reopenMinutes : ACT_FOR[input.to];
  return (await act(ctx, id, { version: input.version }, now)) as ReturnType<typeof presentMeeting>;
}
