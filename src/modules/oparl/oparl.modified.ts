import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { bodies } from "../bodies/index.ts";
import { cases, consultations } from "../cases/index.ts";
import { publishedDocuments } from "../documents/index.ts";
import { agendaItems, attachments, meetings } from "../meetings/index.ts";
import { memberships, persons } from "../people/index.ts";
import { deletedObjects } from "./oparl.tables.ts";

/**
 * When an OParl object last changed, embedded objects included (spec 2-08): the latest of its own
 * `updated_at`, its children's `updated_at` and the deletion times of children that went. Read here,
 * in the read model, so no other module's tables need triggers. Each expression is correlated to the
 * parent table's row, for the `modified_since` filters and for the `modified` the objects show.
 */
const gone = (table: string, parentKey: string, parentId: SQL | PgColumn) =>
  sql`(select max(${deletedObjects.deletedAt}) from ${deletedObjects} where ${deletedObjects.tableName} = ${table} and ${deletedObjects.parents} @> jsonb_build_object(${parentKey}::text, ${parentId}))`;

const latest = (own: PgColumn, ...others: SQL[]): SQL<Date> =>
  sql`greatest(${own}, ${sql.join(others, sql`, `)})`.mapWith(own) as SQL<Date>;

const itemsOfMeeting = sql`(select ${agendaItems.id} from ${agendaItems} where ${agendaItems.meetingId} = ${meetings.id})`;

/** Persons embed their memberships. */
export const personModified = () =>
  latest(
    persons.updatedAt,
    sql`(select max(${memberships.updatedAt}) from ${memberships} where ${memberships.personId} = ${persons.id})`,
    gone("memberships", "person_id", persons.id),
  );

/** Organizations list their memberships. */
export const organizationModified = () =>
  latest(
    bodies.updatedAt,
    sql`(select max(${memberships.updatedAt}) from ${memberships} where ${memberships.bodyId} = ${bodies.id})`,
    gone("memberships", "body_id", bodies.id),
  );

/** Meetings embed their agenda items, the items' files and the published agenda and minutes. */
export const meetingModified = () =>
  latest(
    meetings.updatedAt,
    sql`(select max(${agendaItems.updatedAt}) from ${agendaItems} where ${agendaItems.meetingId} = ${meetings.id})`,
    sql`(select max(${attachments.updatedAt}) from ${attachments} where ${attachments.itemId} in ${itemsOfMeeting})`,
    sql`(select max(${publishedDocuments.createdAt}) from ${publishedDocuments} where ${publishedDocuments.meetingId} = ${meetings.id})`,
    gone("agenda_items", "meeting_id", meetings.id),
    sql`(select max(${deletedObjects.deletedAt}) from ${deletedObjects} where ${deletedObjects.tableName} = 'attachments' and (${deletedObjects.parents} ->> 'item_id')::int in ${itemsOfMeeting})`,
  );

/** Agenda items embed their files; what the public sees of them follows the meeting's status. */
export const agendaItemModified = () =>
  latest(
    agendaItems.updatedAt,
    sql`(select ${meetings.updatedAt} from ${meetings} where ${meetings.id} = ${agendaItems.meetingId})`,
    sql`(select max(${attachments.updatedAt}) from ${attachments} where ${attachments.itemId} = ${agendaItems.id})`,
    gone("attachments", "item_id", agendaItems.id),
  );

/** A file is public while its item and meeting are: their changes may change it (queried joined to both). */
export const fileModified = () =>
  latest(attachments.updatedAt, sql`${agendaItems.updatedAt}`, sql`${meetings.updatedAt}`);

/** Papers embed their consultations. */
export const paperModified = () =>
  latest(
    cases.updatedAt,
    sql`(select max(${consultations.updatedAt}) from ${consultations} where ${consultations.caseId} = ${cases.id})`,
    gone("consultations", "case_id", cases.id),
  );
