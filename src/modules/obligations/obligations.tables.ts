import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { users } from "../auth/auth.tables.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { storedFiles } from "../files/files.tables.ts";
import { matters } from "../matters/matters.tables.ts";
import { agendaItems } from "../meetings/items.tables.ts";
import { parties } from "../parties/parties.tables.ts";

/** What must come back from each addressee. */
export const OBLIGATION_RETURNS = ["document", "answer", "status"] as const;
/** Where one addressee stands: not yet answered, done, not relevant (with a reason), asked for more time. */
export const ADDRESSEE_STATES = ["open", "done", "not_relevant", "more_time"] as const;
export type AddresseeState = (typeof ADDRESSEE_STATES)[number];
/** An obligation to do something, or a feedback request (tilbagemelding): a report or question to answer. */
export const OBLIGATION_KINDS = ["obligation", "feedback"] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export const obligationReturn = pgEnum("obligation_return", OBLIGATION_RETURNS);
export const addresseeState = pgEnum("obligation_addressee_state", ADDRESSEE_STATES);

/**
 * An obligation (forpligtelse) fanned out from one decision — an agenda item's, or a matter's decided between
 * meetings: one text, one deadline, what must come back.
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
    /** the chair decision or written procedure it was fanned out from (instead of an agenda item) */
    matterId: integer("matter_id").references(() => matters.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    deadline: date("deadline").notNull(),
    returns: obligationReturn("returns").notNull(),
    kind: text("kind", { enum: OBLIGATION_KINDS }).notNull().default("obligation"),
    /** the report sent along (a feedback request's report), stored in the shared file store */
    reportSha256: text("report_sha256").references(() => storedFiles.sha256, { onDelete: "restrict" }),
    reportFileName: text("report_file_name"),
    reportMimeType: text("report_mime_type"),
    reportSize: bigint("report_size", { mode: "number" }),
    /** the generated "Status for opfølgning hos …" item on the deciding body's agenda, once made */
    statusItemId: integer("status_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [
    index("obligations_body_idx").on(t.bodyId),
    index("obligations_item_idx").on(t.itemId),
    index("obligations_matter_idx").on(t.matterId),
  ],
);

/** One addressee of an obligation, a body or a party (exactly one of them), and its answer. */
export const obligationAddressees = pgTable(
  "obligation_addressees",
  {
    id: idColumn(),
    obligationId: integer("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
    bodyId: integer("body_id").references(() => bodies.id, { onDelete: "restrict" }),
    partyId: integer("party_id").references(() => parties.id, { onDelete: "restrict" }),
    state: addresseeState("state").notNull().default("open"),
    answerText: text("answer_text"),
    link: text("link"),
    /** why it is not relevant */
    reason: text("reason"),
    /** the later date asked for (state more_time); it becomes this addressee's deadline */
    newDeadline: date("new_deadline"),
    /** an answer's uploaded file (done with a file) */
    sha256: text("sha256").references(() => storedFiles.sha256, { onDelete: "restrict" }),
    fileName: text("file_name"),
    mimeType: text("mime_type"),
    size: bigint("size", { mode: "number" }),
    /** when the addressee's answerers were reminded of its deadline (once) */
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: integer("answered_by").references(() => users.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex("obligation_addressees_uq").on(t.obligationId, t.bodyId),
    uniqueIndex("obligation_addressees_party_uq").on(t.obligationId, t.partyId),
    index("obligation_addressees_body_idx").on(t.bodyId),
    index("obligation_addressees_party_idx").on(t.partyId),
    check("obligation_addressees_body_or_party", sql`(${t.bodyId} is null) <> (${t.partyId} is null)`),
  ],
);
