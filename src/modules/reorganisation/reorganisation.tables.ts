import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";

/** What an admin does to the structure on an effective date ("Strukturændring"). */
export const REORGANISATION_KINDS = ["merge", "split", "rename", "close", "succession"] as const;
/** A reorganisation is carried out at once (rows move, predecessors get their end date) and can be undone before its date. */
export const REORGANISATION_STATUSES = ["carried_out", "undone"] as const;
/** The two kinds of node of the structure that can close and have successors. */
export const STRUCTURE_NODE_KINDS = ["body", "party"] as const;

export const reorganisationKind = pgEnum("reorganisation_kind", REORGANISATION_KINDS);
export const reorganisationStatus = pgEnum("reorganisation_status", REORGANISATION_STATUSES);
export const structureNodeKind = pgEnum("structure_node_kind", STRUCTURE_NODE_KINDS);

/** One row moved by a reorganisation: enough to put it back on undo. */
export type ReorganisationMove = {
  entity: string;
  id: number;
  column: string;
  from: number | string | null;
  to: number | string | null;
};

export const reorganisations = pgTable(
  "reorganisations",
  {
    id: idColumn(),
    kind: reorganisationKind("kind").notNull(),
    title: text("title").notNull(),
    note: text("note"),
    /** The first day of the new structure; predecessors end the day before. */
    effectiveDate: date("effective_date").notNull(),
    status: reorganisationStatus("status").notNull().default("carried_out"),
    /** The preview as it was carried out (counts and sums), shown in the history. */
    summary: jsonb("summary").$type<Record<string, unknown>>().notNull(),
    /** Every row that moved, with its old and new value, for undo. */
    moves: jsonb("moves").$type<ReorganisationMove[]>().notNull(),
    carriedOutBy: integer("carried_out_by"),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    undoneBy: integer("undone_by"),
    ...rowMeta(),
  },
  (t) => [index("reorganisations_effective_idx").on(t.effectiveDate)],
);

/** A predecessor → successor link (many → many), from a reorganisation or recorded by hand. */
export const structureSuccessions = pgTable(
  "structure_successions",
  {
    id: idColumn(),
    reorganisationId: integer("reorganisation_id").references(() => reorganisations.id, {
      onDelete: "cascade",
    }),
    predecessorKind: structureNodeKind("predecessor_kind").notNull(),
    predecessorId: integer("predecessor_id").notNull(),
    successorKind: structureNodeKind("successor_kind").notNull(),
    successorId: integer("successor_id").notNull(),
    effectiveDate: date("effective_date").notNull(),
    ...rowMeta(),
  },
  (t) => [
    index("structure_successions_pred_idx").on(t.predecessorKind, t.predecessorId),
    index("structure_successions_succ_idx").on(t.successorKind, t.successorId),
  ],
);
