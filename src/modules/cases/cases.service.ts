import { and, asc, eq, ilike, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { deleteVersioned, getById, paginate, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { notFound } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { authorize, canEditBody, isAnySecretary } from "../auth/index.ts";
import { canEditCase, canSeeCase, visibleCasesWhere } from "./cases.access.ts";
import type { TCase, TCaseInput } from "./cases.schemas.ts";
import { type ArchiveSystem, caseNumbers, cases, consultations } from "./cases.tables.ts";
import { archiveSystemOf } from "./phrases.ts";

export type CaseRow = typeof cases.$inferSelect;
type NumberRow = typeof caseNumbers.$inferSelect;
const WHAT = "Sagen";

export function presentCase(row: CaseRow, numbers: Pick<NumberRow, "number" | "system">[]): TCase {
  return {
    ...presentMeta(row),
    title: row.title,
    theme: row.theme,
    access: row.access,
    decidingBodyId: row.decidingBodyId,
    awaitingBodyId: row.awaitingBodyId,
    numbers: numbers.map((n) => ({ number: n.number, system: n.system })),
  };
}

/** Case numbers of many cases in one query. */
export async function numbersOf(db: DbOrTx, caseIds: number[]) {
  const byCase = new Map<number, NumberRow[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) {
    return byCase;
  }
  const rows = await db
    .select()
    .from(caseNumbers)
    .where(inArray(caseNumbers.caseId, caseIds))
    .orderBy(asc(caseNumbers.id));
  for (const r of rows) {
    byCase.get(r.caseId)?.push(r);
  }
  return byCase;
}

async function consultationBodies(db: DbOrTx, caseId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ bodyId: consultations.bodyId })
    .from(consultations)
    .where(eq(consultations.caseId, caseId));
  return rows.map((r) => r.bodyId);
}

/** Loads a case the actor may know of (404 otherwise), with the bodies of its consultations. */
export async function loadCase(ctx: Ctx, id: number): Promise<{ row: CaseRow; bodyIds: number[] }> {
  const row = await getById<CaseRow>(ctx.db, cases, id, WHAT);
  const bodyIds = await consultationBodies(ctx.db, id);
  if (!canSeeCase(ctx.actor, row, bodyIds)) {
    throw notFound(WHAT);
  }
  return { row, bodyIds };
}

/** Loads a case the actor may change. */
export async function loadEditableCase(ctx: Ctx, id: number) {
  const loaded = await loadCase(ctx, id);
  authorize(
    ctx.actor,
    canEditCase(ctx.actor, loaded.row, loaded.bodyIds),
    "Kun sekretariatet for et forum, der behandler sagen, kan ændre den.",
  );
  return loaded;
}

/** Adds case numbers (skipping ones the case has); the archive system is guessed when not given. */
export async function addNumbers(
  db: DbOrTx,
  caseId: number,
  numbers: { number: string; system?: ArchiveSystem | undefined }[],
) {
  for (const n of numbers) {
    await db
      .insert(caseNumbers)
      .values({ caseId, number: n.number, system: n.system ?? archiveSystemOf(n.number) })
      .onConflictDoNothing();
  }
}

export async function getCase(ctx: Ctx, id: number): Promise<TCase> {
  const { row } = await loadCase(ctx, id);
  const numbers = await numbersOf(ctx.db, [id]);
  return presentCase(row, numbers.get(id) ?? []);
}

export async function listCases(
  ctx: Ctx,
  f: Partial<{ q: string; bodyId: number; caseNumber: string; limit: number; cursor: string }>,
) {
  const where = and(
    visibleCasesWhere(ctx.actor),
    f.q ? ilike(cases.title, `%${f.q}%`) : undefined,
    f.bodyId
      ? sql`(${cases.decidingBodyId} = ${f.bodyId} or ${cases.awaitingBodyId} = ${f.bodyId} or ${cases.id} in (select ${consultations.caseId} from ${consultations} where ${consultations.bodyId} = ${f.bodyId}))`
      : undefined,
    f.caseNumber
      ? inArray(
          cases.id,
          sql`(select ${caseNumbers.caseId} from ${caseNumbers} where ${caseNumbers.number} = ${f.caseNumber})`,
        )
      : undefined,
  );
  const page = await paginate<CaseRow>({ db: ctx.db, table: cases, where, page: f });
  const numbers = await numbersOf(
    ctx.db,
    page.items.map((r) => r.id),
  );
  return {
    items: page.items.map((r) => presentCase(r, numbers.get(r.id) ?? [])),
    nextCursor: page.nextCursor,
  };
}

export async function createCase(ctx: Ctx, input: TCaseInput, access: "open" | "closed" = "open") {
  const bodies = [input.decidingBodyId, input.awaitingBodyId].filter(
    (b): b is number => typeof b === "number",
  );
  authorize(
    ctx.actor,
    bodies.length > 0 ? bodies.some((b) => canEditBody(ctx.actor, b)) : isAnySecretary(ctx.actor),
    "Kun et forums sekretariat kan oprette sager.",
  );
  const { numbers, ...values } = input;
  const [row] = await ctx.db
    .insert(cases)
    .values({ ...values, access, createdBy: ctx.actor.userId })
    .returning();
  const created = row as CaseRow;
  await addNumbers(ctx.db, created.id, numbers ?? []);
  const stored = await numbersOf(ctx.db, [created.id]);
  return presentCase(created, stored.get(created.id) ?? []);
}

export async function updateCase(ctx: Ctx, id: number, input: Partial<TCaseInput> & { version: number }) {
  await loadEditableCase(ctx, id);
  const { version, numbers, ...values } = input;
  await updateVersioned<CaseRow>(ctx.db, cases, id, version, values, WHAT);
  if (numbers) {
    await ctx.db.delete(caseNumbers).where(eq(caseNumbers.caseId, id));
    await addNumbers(ctx.db, id, numbers);
  }
  return getCase(ctx, id);
}

export async function deleteCase(ctx: Ctx, id: number, version: number | undefined) {
  await loadEditableCase(ctx, id);
  await deleteVersioned(ctx.db, cases, id, version, WHAT);
}

export const caseService = {
  list: listCases,
  get: getCase,
  create: (ctx: Ctx, input: TCaseInput) => createCase(ctx, input),
  update: updateCase,
  remove: deleteCase,
};
