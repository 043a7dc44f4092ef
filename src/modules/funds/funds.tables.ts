import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { users } from "../auth/auth.tables.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { initiatives } from "../initiatives/initiatives.tables.ts";
import { agendaItems } from "../meetings/items.tables.ts";
import { parties } from "../parties/parties.tables.ts";

/** Amounts are integer øre (bigint): never floating point. */
const ore = (name: string) => bigint(name, { mode: "bigint" });

export const KEY_BASES = ["income_all_years", "income_year", "decided"] as const;
export const GRANT_STATUSES = ["pending", "approved", "rejected"] as const;
export const keyBasis = pgEnum("fund_key_basis", KEY_BASES);
export const grantStatus = pgEnum("grant_status", GRANT_STATUSES);

/** A fund (pulje, klyngemidler) of a body. */
export const funds = pgTable("funds", {
  id: idColumn(),
  bodyId: integer("body_id")
    .notNull()
    .references(() => bodies.id, { onDelete: "restrict" }),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  keyBasis: keyBasis("key_basis").notNull().default("income_all_years"),
  /** with key basis income_year: the year whose income makes the key */
  keyYear: integer("key_year"),
  ...rowMeta(),
});

/** The parties of a fund, in table order, and whether (with what decided weight) they are in the key. */
export const fundParties = pgTable(
  "fund_parties",
  {
    id: idColumn(),
    fundId: integer("fund_id")
      .notNull()
      .references(() => funds.id, { onDelete: "cascade" }),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
    inKey: boolean("in_key").notNull().default(true),
    keyWeight: bigint("key_weight", { mode: "bigint" }),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("fund_parties_uq").on(t.fundId, t.partyId)],
);

/** Income of a fund per party per year. */
export const fundIncome = pgTable(
  "fund_income",
  {
    id: idColumn(),
    fundId: integer("fund_id")
      .notNull()
      .references(() => funds.id, { onDelete: "cascade" }),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "restrict" }),
    year: integer("year").notNull(),
    amountOre: ore("amount_ore").notNull(),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("fund_income_uq").on(t.fundId, t.partyId, t.year)],
);

/** A grant to an initiative, approved at an agenda item (or pending until a named date). */
export const grants = pgTable(
  "grants",
  {
    id: idColumn(),
    fundId: integer("fund_id")
      .notNull()
      .references(() => funds.id, { onDelete: "cascade" }),
    initiativeId: integer("initiative_id").references(() => initiatives.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    status: grantStatus("status").notNull().default("pending"),
    approvedByBodyId: integer("approved_by_body_id").references(() => bodies.id, { onDelete: "set null" }),
    itemId: integer("item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    approvedOn: date("approved_on"),
    pendingUntil: date("pending_until"),
    /** the total as typed or imported; checked against the parts */
    declaredTotalOre: ore("declared_total_ore"),
    ...rowMeta(),
  },
  (t) => [index("grants_fund_idx").on(t.fundId), index("grants_initiative_idx").on(t.initiativeId)],
);

export const grantParts = pgTable(
  "grant_parts",
  {
    id: idColumn(),
    grantId: integer("grant_id")
      .notNull()
      .references(() => grants.id, { onDelete: "cascade" }),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "restrict" }),
    amountOre: ore("amount_ore").notNull(),
    byKey: boolean("by_key").notNull().default(false),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("grant_parts_uq").on(t.grantId, t.partyId)],
);

/** A decision to carry unspent money over to the next year, with the amounts per party. */
export const fundCarryOvers = pgTable(
  "fund_carry_overs",
  {
    id: idColumn(),
    fundId: integer("fund_id")
      .notNull()
      .references(() => funds.id, { onDelete: "cascade" }),
    fromYear: integer("from_year").notNull(),
    toYear: integer("to_year").notNull(),
    decidedOn: date("decided_on").notNull(),
    itemId: integer("item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    parts: jsonb("parts").$type<{ partyId: number; amountOre: string }[]>().notNull(),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("fund_carry_overs_uq").on(t.fundId, t.fromYear)],
);

/** The history of every change to a fund and its grants: who, when, before and after. */
export const fundHistory = pgTable(
  "fund_history",
  {
    id: idColumn(),
    fundId: integer("fund_id")
      .notNull()
      .references(() => funds.id, { onDelete: "cascade" }),
    /** fund, party, income, grant, carry_over */
    entity: text("entity").notNull(),
    entityId: integer("entity_id"),
    action: text("action").notNull(),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    ...rowMeta(),
  },
  (t) => [index("fund_history_fund_idx").on(t.fundId, t.at)],
);
