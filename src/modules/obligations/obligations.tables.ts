import { date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { users } from "../auth/auth.tables.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { agendaItems } from "../meetings/items.tables.ts";

/** What must come back from each addressee. */
export const OBLIGATION_RETURNS = ["document", "answer", "status"] as const;
/** Where one addressee stands: not yet answered, done, not relevant (with a reason), asked for more time. */
export const ADDRESSEE_STATES = ["open", "done", "not_relevant", "more_time"] as const;
export type AddresseeState = (typeof ADDRESSEE_STATES)[number];

export const obligationReturn = pgEnum("obligation_return", OBLIGATION_RETURNS);
export const addresseeState = pgEnum("obligation_addressee_state", ADDRESSEE_STATES);

/**
 * An obligation (forpligtelse) fanned out from one decision: one text, one deadline, what must come back.
 * `bodyId` is the deciding body; the addressees are rows of `obligation_addressees`.
 */
export const obligations = pgTable(
  "obligations",
  {
    id: idColumn(),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "restrict" }),
    itemId: integer("item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    deadline: date("deadline").notNull(),
    returns: obligationReturn("returns").notNull(),
    /** the generated "Status for opfølgning hos …" item on the deciding body's agenda, once made */
    statusItemId: integer("status_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [index("obligations_body_idx").on(t.bodyId), index("obligations_item_idx").on(t.itemId)],
);

/** One addressee body of an obligation and its answer. */
export const obligationAddressees = pgTable(
  "obligation_addressees",
  {
    id: idColumn(),
    obligationId: integer("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "restrict" }),
    state: addresseeState("state").notNull().default("open"),
    answerText: text("answer_text"),
    link: text("link"),
    /** why it is not relevant */
    reason: text("reason"),
    /** the later date asked for (state more_time); it becomes this addressee's deadline */
    newDeadline: date("new_deadline"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: integer("answered_by").references(() => users.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex("obligation_addressees_uq").on(t.obligationId, t.bodyId),
    index("obligation_addressees_body_idx").on(t.bodyId),
  ],
);
