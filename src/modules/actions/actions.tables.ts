import { date, index, integer, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { users } from "../auth/auth.tables.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { cases } from "../cases/cases.tables.ts";
import { agendaItems } from "../meetings/items.tables.ts";
import { persons } from "../people/people.tables.ts";

export const ACTION_STATUSES = ["open", "done", "cancelled"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const actionStatus = pgEnum("action_status", ACTION_STATUSES);

/**
 * A follow-up (opfølgning) on a decision: an owner, a due date or "the next meeting of a body", a
 * status. `itemId` links back to the decision; `sourceKey` names that item stably (body:date:number).
 */
export const actions = pgTable(
  "actions",
  {
    id: idColumn(),
    /** the body whose decision (or secretariat) the action belongs to */
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "restrict" }),
    itemId: integer("item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    sourceKey: text("source_key"),
    caseId: integer("case_id").references(() => cases.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    ownerPersonId: integer("owner_person_id").references(() => persons.id, { onDelete: "set null" }),
    ownerText: text("owner_text"),
    dueDate: date("due_date"),
    /** due at the next meeting of this body (resolved to a date when the meeting is known) */
    dueBodyId: integer("due_body_id").references(() => bodies.id, { onDelete: "set null" }),
    status: actionStatus("status").notNull().default("open"),
    /** the due date a reminder was last sent for; a new due date gets a new reminder */
    remindedFor: date("reminded_for"),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [
    index("actions_body_status_idx").on(t.bodyId, t.status),
    index("actions_owner_idx").on(t.ownerPersonId),
    index("actions_due_body_idx").on(t.dueBodyId),
    index("actions_item_idx").on(t.itemId),
  ],
);
