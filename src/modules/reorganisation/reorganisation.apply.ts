import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { actions } from "../actions/index.ts";
import { agreements } from "../agreements/index.ts";
import { bodies } from "../bodies/index.ts";
import { cases } from "../cases/index.ts";
import { grants, moveFundToBody } from "../funds/index.ts";
import { initiativeParties, initiatives } from "../initiatives/index.ts";
import { mandateVersions } from "../mandates/index.ts";
import { meetings } from "../meetings/index.ts";
import { parties } from "../parties/index.ts";
import { memberships } from "../people/index.ts";
import { savedSearches } from "../search/index.ts";
import type { ReorganisationMove } from "./reorganisation.tables.ts";

type Value = number | string | null;

/**
 * The columns a reorganisation may change, per entity: only references to the structure (which body
 * or party a row belongs to) and the end dates. Nothing else of a row is touched, so undo is exact.
 */
const COLUMNS: Record<string, { table: PgTable & { id: PgColumn }; columns: Record<string, PgColumn> }> = {
  action: { table: actions, columns: { body_id: actions.bodyId, due_body_id: actions.dueBodyId } },
  case: {
    table: cases,
    columns: { awaiting_body_id: cases.awaitingBodyId, deciding_body_id: cases.decidingBodyId },
  },
  initiative: { table: initiatives, columns: { owner_body_id: initiatives.ownerBodyId } },
  grant: { table: grants, columns: { approved_by_body_id: grants.approvedByBodyId } },
  agreement: { table: agreements, columns: { owner_body_id: agreements.ownerBodyId } },
  body: { table: bodies, columns: { reports_to_id: bodies.reportsToId, valid_to: bodies.validTo } },
  party: { table: parties, columns: { valid_to: parties.validTo } },
  mandate_version: {
    table: mandateVersions,
    columns: { reports_to_id: mandateVersions.reportsToId, approver_body_id: mandateVersions.approverBodyId },
  },
  meeting: { table: meetings, columns: { body_id: meetings.bodyId } },
  membership: { table: memberships, columns: { to_date: memberships.to, party_id: memberships.partyId } },
  initiative_party: { table: initiativeParties, columns: { party_id: initiativeParties.partyId } },
};

const changed = (what: string) =>
  new AppError(
    "conflict",
    `${what} er ændret, siden strukturændringen blev beregnet. Se forhåndsvisningen igen.`,
  );

/** Sets one column from `from` to `to`; the row must still hold `from` (else someone changed it). */
async function setOne(ctx: Ctx, m: ReorganisationMove, from: Value, to: Value) {
  if (m.entity === "fund") {
    const ok = await moveFundToBody(ctx, {
      fundId: m.id,
      fromBodyId: from as number,
      toBodyId: to as number,
    });
    if (!ok) {
      throw changed("En pulje");
    }
    return;
  }
  if (m.entity === "saved_search") {
    const key = m.column.split(".")[1] as string;
    const rows = await ctx.db
      .update(savedSearches)
      .set({ filters: sql`jsonb_set(${savedSearches.filters}, ${`{${key}}`}::text[], ${String(to)}::jsonb)` })
      .where(and(eq(savedSearches.id, m.id), sql`(${savedSearches.filters}->>${key}) = ${String(from)}`))
      .returning({ id: savedSearches.id });
    if (rows.length !== 1) {
      throw changed("En gemt søgning");
    }
    return;
  }
  const spec = COLUMNS[m.entity];
  const column = spec?.columns[m.column];
  if (!spec || !column) {
    throw new AppError("internal", `Ukendt række i strukturændringen: ${m.entity}.${m.column}`);
  }
  const prop = Object.entries(spec.table).find(([, v]) => v === column)?.[0] as string;
  const where: SQL = from === null ? isNull(column) : eq(column, from);
  // Rows with a version are bumped, so an editor holding the old version cannot write the old owner back.
  const meta =
    "version" in spec.table
      ? {
          updatedAt: new Date(),
          version: sql`${(spec.table as unknown as { version: PgColumn }).version} + 1`,
        }
      : {};
  const rows = await ctx.db
    .update(spec.table)
    .set({ [prop]: to, ...meta })
    .where(and(eq(spec.table.id, m.id), where))
    .returning({ id: spec.table.id });
  if (rows.length !== 1) {
    throw changed(`En række (${m.entity} ${m.id})`);
  }
}

/** Carries out the moves in order, each checked against the value the preview saw. */
export async function applyMoves(ctx: Ctx, moves: ReorganisationMove[]) {
  for (const m of moves) {
    await setOne(ctx, m, m.from, m.to);
  }
}

/** Puts every row back, last move first; a row changed since makes the undo fail whole. */
export async function revertMoves(ctx: Ctx, moves: ReorganisationMove[]) {
  for (const m of [...moves].reverse()) {
    await setOne(ctx, m, m.to, m.from);
  }
}
