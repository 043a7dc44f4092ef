import { and, eq, gt, gte, ilike, isNotNull, isNull, lt, lte, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.ts";
import { deleteVersioned, getById, paginate, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { authorize, canChangeApprovalSetting, canEditBody, isPrivileged } from "../auth/policy.ts";
import { APPROVAL_SETTING_KEYS, type TBody, type TBodyInput } from "./bodies.schemas.ts";
import { isOrderedPeriod, type StructureStatus, structureStatus, structureToday } from "./bodies.status.ts";
import { bodies } from "./bodies.tables.ts";

type BodyRow = typeof bodies.$inferSelect;
const WHAT = "Forummet";

export function presentBody(row: BodyRow): TBody {
  return {
    ...presentMeta(row),
    name: row.name,
    shortName: row.shortName,
    kind: row.kind,
    region: row.region,
    cluster: row.cluster,
    reportsToId: row.reportsToId,
    mandate: {
      purpose: row.mandatePurpose,
      from: row.mandateFrom,
      to: row.mandateTo,
      status: row.mandateStatus,
    },
    validFrom: row.validFrom,
    validTo: row.validTo,
    status: structureStatus(row, structureToday()),
    drafterMayApprove: row.drafterMayApprove,
    minutesApproval: row.minutesApproval,
    minutesApprovalDays: row.minutesApprovalDays,
    agendaApproval: row.agendaApproval,
  };
}

/** SQL for "exists on this day" over any table with valid_from/valid_to (bodies, parties). */
type DatedColumns = { validFrom: AnyPgColumn; validTo: AnyPgColumn };

export function validOnWhere(t: DatedColumns, day: string) {
  return and(
    or(isNull(t.validFrom), lte(t.validFrom, day)),
    or(isNull(t.validTo), gte(t.validTo, day)),
  ) as SQL;
}

/** SQL for a status today, the same rule as structureStatus. */
export function statusWhere(t: DatedColumns, status: StructureStatus, day: string) {
  if (status === "being_set_up") {
    return and(isNotNull(t.validFrom), gt(t.validFrom, day)) as SQL;
  }
  if (status === "closed") {
    return and(isNotNull(t.validTo), lt(t.validTo, day)) as SQL;
  }
  return validOnWhere(t, day);
}

const invalid = (path: string, message: string) =>
  new AppError("validation_failed", message, [{ path, message }]);

/** A body may not report to itself or to one of its own descendants. */
async function checkReportsTo(db: DbOrTx, id: number | null, reportsToId: number | null | undefined) {
  if (reportsToId === null || reportsToId === undefined) {
    return;
  }
  const seen = new Set<number>();
  let current: number | null = reportsToId;
  while (current !== null) {
    if (current === id || seen.has(current)) {
      throw invalid("reportsToId", "Et forum kan ikke referere til sig selv eller til et forum under sig.");
    }
    seen.add(current);
    const parent: BodyRow = await getById<BodyRow>(db, bodies, current, "Det overordnede forum").catch(() => {
      throw invalid("reportsToId", "Det overordnede forum findes ikke.");
    });
    current = parent.reportsToId;
  }
}

function checkPeriod(from: string | null | undefined, to: string | null | undefined) {
  if (!isOrderedPeriod(from, to)) {
    throw invalid("mandateTo", "Kommissoriets slutdato ligger før startdatoen.");
  }
}

function checkValidity(from: string | null | undefined, to: string | null | undefined) {
  if (!isOrderedPeriod(from, to)) {
    throw invalid("validTo", "Forummets sidste dag ligger før dets første dag.");
  }
}

export async function listBodies(
  { db }: Ctx,
  f: Partial<{
    kind: TBody["kind"];
    region: string;
    cluster: string;
    reportsToId: number;
    mandateStatus: TBody["mandate"]["status"];
    q: string;
    validOn: string;
    status: StructureStatus;
    limit: number;
    cursor: string;
  }>,
) {
  const where = and(
    f.kind ? eq(bodies.kind, f.kind) : undefined,
    f.region ? eq(bodies.region, f.region) : undefined,
    f.cluster ? eq(bodies.cluster, f.cluster) : undefined,
    f.reportsToId ? eq(bodies.reportsToId, f.reportsToId) : undefined,
    f.mandateStatus ? eq(bodies.mandateStatus, f.mandateStatus) : undefined,
    f.q ? or(ilike(bodies.name, `%${f.q}%`), ilike(bodies.shortName, `%${f.q}%`)) : undefined,
    f.validOn ? validOnWhere(bodies, f.validOn) : undefined,
    f.status ? statusWhere(bodies, f.status, structureToday()) : undefined,
  );
  const page = await paginate<BodyRow>({ db, table: bodies, where, page: f });
  return { items: page.items.map(presentBody), nextCursor: page.nextCursor };
}

export async function getBody({ db }: Ctx, id: number) {
  return presentBody(await getById<BodyRow>(db, bodies, id, WHAT));
}

/** Finds a body by id, exact name or short name (used by the CLI and the importer). */
export async function findBody({ db }: Ctx, ref: string): Promise<TBody | null> {
  const id = /^\d+$/.test(ref) ? Number(ref) : -1;
  const [row] = await db
    .select()
    .from(bodies)
    .where(or(eq(bodies.id, id), ilike(bodies.name, ref), ilike(bodies.shortName, ref)))
    .limit(1);
  return row ? presentBody(row) : null;
}

export async function createBody({ db, actor }: Ctx, input: TBodyInput) {
  authorize(actor, isPrivileged(actor), "Kun administratorer kan oprette fora.");
  checkPeriod(input.mandateFrom, input.mandateTo);
  checkValidity(input.validFrom, input.validTo);
  await checkReportsTo(db, null, input.reportsToId);
  const [row] = await db.insert(bodies).values(input).returning();
  return presentBody(row as BodyRow);
}

export async function updateBody(
  { db, actor }: Ctx,
  id: number,
  input: Partial<TBodyInput> & { version: number },
) {
  // The approval settings alone are the chair's (or an admin's) to change; anything else is the secretariat's.
  const keys = Object.keys(input).filter(
    (k) => k !== "version" && input[k as keyof typeof input] !== undefined,
  );
  const onlySettings =
    keys.length > 0 && keys.every((k) => (APPROVAL_SETTING_KEYS as readonly string[]).includes(k));
  if (!onlySettings) {
    authorize(actor, canEditBody(actor, id), "Kun forummets sekretariat kan rette forummet.");
  }
  if (keys.some((k) => (APPROVAL_SETTING_KEYS as readonly string[]).includes(k))) {
    authorize(
      actor,
      canChangeApprovalSetting(actor, id),
      "Kun forummets formand eller en administrator kan ændre, hvem der godkender dagsorden og referat.",
    );
  }
  const { version, ...values } = input;
  const current = await getById<BodyRow>(db, bodies, id, WHAT);
  checkPeriod(values.mandateFrom ?? current.mandateFrom, values.mandateTo ?? current.mandateTo);
  checkValidity(
    values.validFrom !== undefined ? values.validFrom : current.validFrom,
    values.validTo !== undefined ? values.validTo : current.validTo,
  );
  await checkReportsTo(db, id, values.reportsToId);
  return presentBody(await updateVersioned<BodyRow>(db, bodies, id, version, values, WHAT));
}

export async function deleteBody({ db, actor }: Ctx, id: number, version: number | undefined) {
  authorize(actor, isPrivileged(actor), "Kun administratorer kan slette fora.");
  await deleteVersioned(db, bodies, id, version, WHAT);
}

export const bodyService = {
  list: listBodies,
  get: getBody,
  create: createBody,
  update: updateBody,
  remove: deleteBody,
};
