/**
 * After the commit: turns each recorded event into one mail per reader, in the reader's language and
 * with only what that reader may see (visibility.ts through the meetings index), into the outbox.
 * One transaction per event; the dedupe key makes a second run write nothing.
 */
import { randomBytes } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.ts";
import type { DomainEvent } from "../../lib/domain-events.ts";
import { bodies } from "../bodies/index.ts";
import { agendaItems, canSeeItem, meetingPath, meetings, visibilityOf } from "../meetings/index.ts";
import { type ComposedMail, composeMail, type MailFacts } from "./compose.ts";
import { notificationEvents, notificationOutbox, notificationProfiles } from "./notifications.tables.ts";
import {
  actionOwner,
  answerersOfAddressee,
  type Recipient,
  subscribersOfBody,
  usersOfBody,
} from "./recipients.ts";
import { rowsOf } from "./rows.ts";
import { type Message, modeOf, type Route, routeOf, settingKey } from "./topics.ts";

type MeetingRow = typeof meetings.$inferSelect;

/**
 * Mails that ask the reader to act link to the workspace page where they act (the chair's approval, the
 * secretariat's agenda or minutes, an addressee's answer to an obligation); the others link to the
 * meeting's page. The argument is the meeting's id, or the obligation's for the obligation mails.
 */
const WORKSPACE_PAGE: Partial<Record<Message, (id: number) => string>> = {
  agendaApproval: (id) => `/arbejdsrum/moeder/${id}/dagsorden-godkendelse`,
  agendaApproved: (id) => `/arbejdsrum/moeder/${id}`,
  agendaSentBack: (id) => `/arbejdsrum/moeder/${id}`,
  minutesApproval: (id) => `/arbejdsrum/moeder/${id}/referat`,
  sentBack: (id) => `/arbejdsrum/moeder/${id}/referat`,
  obligationArrived: (id) => `/arbejdsrum/forpligtelser/${id}`,
  obligationReminder: (id) => `/arbejdsrum/forpligtelser/${id}`,
};

/** What one event is about, loaded once for all its readers. */
export interface Subject {
  bodyId: number;
  bodyName: string;
  url: string;
  meeting: MeetingRow | null;
  /** the facts each reader gets, given what they may see */
  factsFor(r: Recipient): MailFacts;
}

const INSERT_CHUNK = 200;

export const newToken = () => randomBytes(24).toString("base64url");

async function bodyOf(db: DbOrTx, id: number) {
  const [b] = await db.select().from(bodies).where(eq(bodies.id, id));
  return b ?? null;
}

export async function meetingSubject(
  db: DbOrTx,
  route: Route,
  event: DomainEvent & { meetingId: number },
  baseUrl: string,
): Promise<Subject | null> {
  const [m] = await db.select().from(meetings).where(eq(meetings.id, event.meetingId));
  const body = m ? await bodyOf(db, m.bodyId) : null;
  if (!m || !body) {
    return null;
  }
  const items = await db
    .select({ number: agendaItems.number, title: agendaItems.title, access: agendaItems.access })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, m.id))
    .orderBy(asc(agendaItems.position));
  const listsItems = ["agenda", "supplementary", "minutes"].includes(route.message);
  const url = `${baseUrl}${WORKSPACE_PAGE[route.message]?.(m.id) ?? meetingPath(m, body)}`;
  return {
    bodyId: body.id,
    bodyName: body.name,
    url,
    meeting: m,
    factsFor(r) {
      const v = visibilityOf(r.actor, m);
      return {
        message: route.message,
        bodyName: body.name,
        start: m.start,
        url,
        previousStart:
          event.kind === "meeting_changed" && event.previousStart ? new Date(event.previousStart) : null,
        reason: event.kind === "meeting_cancelled" ? event.reason || m.cancelReason : null,
        note: event.kind === "supplementary_agenda_published" && v.member ? event.note : null,
        comment:
          (event.kind === "minutes_sent_back" || event.kind === "agenda_sent_back") && v.member
            ? event.comment
            : null,
        items:
          listsItems && v.agenda
            ? items.map((i) => ({ number: i.number, title: canSeeItem(v, i.access) ? i.title : null }))
            : [],
      };
    },
  };
}

async function referralSubject(
  db: DbOrTx,
  event: Extract<DomainEvent, { kind: "case_referred" }>,
  baseUrl: string,
): Promise<Subject | null> {
  const body = await bodyOf(db, event.toBodyId);
  if (!body) {
    return null;
  }
  const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, event.itemId));
  const [source] = item ? await db.select().from(meetings).where(eq(meetings.id, item.meetingId)) : [];
  const [target] = event.toMeetingId
    ? await db.select().from(meetings).where(eq(meetings.id, event.toMeetingId))
    : [];
  const url = target ? `${baseUrl}${meetingPath(target, body)}` : `${baseUrl}/organer/${body.id}`;
  return {
    bodyId: body.id,
    bodyName: body.name,
    url,
    meeting: target ?? null,
    factsFor(r) {
      // The item's title only when this reader may read it where it comes from.
      const visible = item && source && canSeeItem(visibilityOf(r.actor, source), item.access);
      return {
        message: "caseReferred",
        bodyName: body.name,
        start: target?.start ?? null,
        url,
        itemTitle: visible ? item.title : null,
      };
    },
  };
}

export async function actionSubject(
  db: DbOrTx,
  actionId: number,
  baseUrl: string,
  message: Message = "actionAssigned",
): Promise<Subject | null> {
  const [a] = rowsOf<{ bodyId: number; text: string; dueDate: string | null; itemAccess: string | null }>(
    await db.execute(sql`select a.body_id as "bodyId", a.text, a.due_date::text as "dueDate", i.access::text as "itemAccess"
      from actions a left join agenda_items i on i.id = a.item_id where a.id = ${actionId}`),
  );
  const body = a ? await bodyOf(db, a.bodyId) : null;
  if (!a || !body) {
    return null;
  }
  const url = `${baseUrl}/arbejdsrum`;
  return {
    bodyId: body.id,
    bodyName: body.name,
    url,
    meeting: null,
    factsFor(r) {
      // The text of an action on a closed item only to an owner who may read the closed item.
      const member = r.actor.isAdmin || (r.actor.roles.get(body.id)?.size ?? 0) > 0;
      return {
        message,
        bodyName: body.name,
        start: null,
        url,
        actionText: a.itemAccess === "closed" && !member ? null : a.text,
        dueDate: a.dueDate,
      };
    },
  };
}

/**
 * An obligation that reached an addressee (or its reminder): from the deciding body, with the addressee's
 * own deadline. The text only when the item or matter it came from is not closed: a mail leaves Tværs, so a closed
 * decision's words stay behind the login (issue 22.6); the link leads to the page where they answer.
 */
export async function obligationSubject(
  db: DbOrTx,
  route: Route,
  event: Extract<DomainEvent, { kind: "obligation_arrived" | "obligation_reminder" }>,
  baseUrl: string,
): Promise<Subject | null> {
  const [o] = rowsOf<{
    bodyId: number;
    bodyName: string;
    text: string;
    due: string;
    closed: boolean;
    addresseeBodyId: number | null;
  }>(
    await db.execute(sql`select o.body_id as "bodyId", b.name as "bodyName", o.text,
        (case when a.state = 'more_time' and a.new_deadline is not null then a.new_deadline else o.deadline end)::text as due,
        ((o.item_id is not null and coalesce(i.access::text, 'closed') = 'closed')
          or (o.matter_id is not null and coalesce(m.access::text, 'closed') = 'closed')) as closed,
        a.body_id as "addresseeBodyId"
      from obligations o join bodies b on b.id = o.body_id
      join obligation_addressees a on a.obligation_id = o.id and a.id = ${event.addresseeId}
      left join agenda_items i on i.id = o.item_id
      left join matters m on m.id = o.matter_id
      where o.id = ${event.obligationId}`),
  );
  if (!o) {
    return null;
  }
  const url = `${baseUrl}${WORKSPACE_PAGE[route.message]?.(event.obligationId) ?? "/arbejdsrum"}`;
  return {
    // a body's secretaries are told under that body's settings; a party's representatives under the decider's
    bodyId: o.addresseeBodyId ?? o.bodyId,
    bodyName: o.bodyName,
    url,
    meeting: null,
    factsFor() {
      return {
        message: route.message,
        bodyName: o.bodyName,
        start: null,
        url,
        obligationText: o.closed ? null : o.text,
        dueDate: o.due,
      };
    },
  };
}

async function subjectOf(db: DbOrTx, route: Route, event: DomainEvent, baseUrl: string) {
  if (event.kind === "obligation_arrived" || event.kind === "obligation_reminder") {
    return obligationSubject(db, route, event, baseUrl);
  }
  if (event.kind === "case_referred") {
    return referralSubject(db, event, baseUrl);
  }
  if (event.kind === "action_assigned") {
    return actionSubject(db, event.actionId, baseUrl);
  }
  return meetingSubject(db, route, event, baseUrl);
}

export async function recipientsOf(db: DbOrTx, route: Route, event: DomainEvent, bodyId: number) {
  if (route.audience === "addressee") {
    return "addresseeId" in event ? answerersOfAddressee(db, event.addresseeId) : [];
  }
  if (route.audience === "owner") {
    const owner = event.kind === "action_assigned" ? await actionOwner(db, event.actionId) : null;
    if (owner?.userId) {
      // The owner's roles decide what of a closed item they may read.
      const roles = (await usersOfBody(db, bodyId, "members")).find((u) => u.userId === owner.userId);
      return [roles ? { ...owner, actor: roles.actor } : owner];
    }
    return owner ? [owner] : [];
  }
  const users = await usersOfBody(db, bodyId, route.audience);
  return route.subscribers ? [...users, ...(await subscribersOfBody(db, bodyId))] : users;
}

/** Makes sure each user reader has a profile (and so an unsubscribe token). */
export async function withTokens(db: DbOrTx, readers: Recipient[]): Promise<Recipient[]> {
  const out: Recipient[] = [];
  for (const r of readers) {
    if (r.userId === null || r.token !== "") {
      out.push(r);
      continue;
    }
    await db
      .insert(notificationProfiles)
      .values({ userId: r.userId, unsubscribeToken: newToken() })
      .onConflictDoNothing();
    const [p] = await db.select().from(notificationProfiles).where(eq(notificationProfiles.userId, r.userId));
    out.push({ ...r, token: p?.unsubscribeToken ?? "" });
  }
  return out;
}

/** The footer's addresses for one reader. */
export function footerFor(r: Recipient, scope: string | null, bodyName: string, baseUrl: string) {
  const query = scope ? `?emne=${encodeURIComponent(scope)}` : "";
  return {
    footer: {
      settingsUrl: r.userId !== null ? `${baseUrl}/mine-notifikationer` : undefined,
      unsubscribeUrl: r.token ? `${baseUrl}/afmeld/${r.token}${query}` : undefined,
      subscriberOf: r.subscriptionId !== null ? bodyName : undefined,
      memberOf: r.userId !== null && scope !== "actions" ? bodyName : undefined,
    },
    oneClick: r.token ? `${baseUrl}/api/v1/notifications/unsubscribe/${r.token}${query}` : null,
  };
}

/** What the mails of one event or reminder are about; the dedupe key's stem makes each mail once. */
export interface Occasion {
  subject: Subject;
  topic: Route["topic"];
  /** the dedupe key of a reader's mail: `<stem>:<address>` */
  stem: string;
  eventId: number | null;
  /** the user who did the act is not told about it */
  actorUserId: number | null;
}

/** One outbox row per reader (in their language, with what they may see), as their settings say. */
export function outboxRows(readers: Recipient[], o: Occasion, baseUrl: string) {
  const rows: Array<typeof notificationOutbox.$inferInsert> = [];
  const seen = new Set<string>();
  for (const r of readers) {
    const address = r.address.trim().toLowerCase();
    if (seen.has(address) || (r.userId !== null && r.userId === o.actorUserId)) {
      continue;
    }
    seen.add(address);
    const mode = r.userId !== null ? modeOf(r.settings, o.subject.bodyId, o.topic) : "immediate";
    if (mode === "off") {
      continue;
    }
    const scope = r.userId !== null ? settingKey(o.subject.bodyId, o.topic) : null;
    const { footer, oneClick } = footerFor(r, scope, o.subject.bodyName, baseUrl);
    const mail: ComposedMail = composeMail(r.locale, o.subject.factsFor(r), footer);
    rows.push({
      dedupeKey: `${o.stem}:${address}`,
      eventId: o.eventId,
      userId: r.userId,
      subscriptionId: r.subscriptionId,
      toAddress: r.address,
      locale: r.locale,
      topic: o.topic,
      bodyId: o.subject.bodyId,
      ...mail,
      url: o.subject.url,
      unsubscribeUrl: oneClick,
      state: mode === "digest" ? "held" : "pending",
    });
  }
  return rows;
}

/** Writes outbox rows; a row whose dedupe key exists is skipped (so nothing is queued twice). */
export async function insertOutboxRows(
  tx: DbOrTx,
  rows: Array<typeof notificationOutbox.$inferInsert>,
): Promise<number> {
  let inserted = 0;
  // Many readers (a body's public subscribers): a few multi-row inserts rather than one per mail.
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const done = await tx
      .insert(notificationOutbox)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflictDoNothing()
      .returning({ id: notificationOutbox.id });
    inserted += done.length;
  }
  return inserted;
}

async function expandOne(tx: DbOrTx, row: typeof notificationEvents.$inferSelect, baseUrl: string) {
  const event = { kind: row.kind, ...row.payload } as DomainEvent;
  const route = routeOf(event);
  const subject = route ? await subjectOf(tx, route, event, baseUrl) : null;
  let rows: Array<typeof notificationOutbox.$inferInsert> = [];
  if (route && subject) {
    const readers = await withTokens(tx, await recipientsOf(tx, route, event, subject.bodyId));
    const occasion = {
      subject,
      topic: route.topic,
      stem: `e${row.id}`,
      eventId: row.id,
      actorUserId: row.actorUserId,
    };
    rows = outboxRows(readers, occasion, baseUrl);
  }
  await insertOutboxRows(tx, rows);
  await tx
    .update(notificationEvents)
    .set({ expandedAt: new Date() })
    .where(eq(notificationEvents.id, row.id));
  return rows.length;
}

/** Expands every recorded event not yet expanded; returns the number of mails queued. */
export async function expandEvents(
  db: Db,
  opts: { baseUrl: string; onError?: (eventId: number, err: unknown) => void },
): Promise<number> {
  let queued = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const [row] = rowsOf<{ id: number }>(
        await tx.execute(sql`select id from notification_events where expanded_at is null
          order by id limit 1 for update skip locked`),
      );
      if (!row) {
        return true;
      }
      const [event] = await tx.select().from(notificationEvents).where(eq(notificationEvents.id, row.id));
      if (!event) {
        return false;
      }
      try {
        // A savepoint: an event that cannot be expanded is set aside (and logged), not retried forever.
        queued += await tx.transaction((sp) => expandOne(sp, event, opts.baseUrl));
      } catch (err) {
        opts.onError?.(event.id, err);
        await tx
          .update(notificationEvents)
          .set({ expandedAt: new Date() })
          .where(eq(notificationEvents.id, event.id));
      }
      return false;
    });
    if (done) {
      return queued;
    }
  }
}
