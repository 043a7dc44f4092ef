import { and, arrayContains, asc, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { deleteVersioned, getById, paginate, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { authorize, canEditBody, isPrivileged, todayInDenmark } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { parties } from "../parties/index.ts";
import type { TInitiative, TInitiativeInput } from "./initiatives.schemas.ts";
import { initiativeParties, initiativeStatusChanges, initiatives } from "./initiatives.tables.ts";
import { statusReasonError } from "./overview.ts";

export type InitiativeRow = typeof initiatives.$inferSelect;
const WHAT = "Indsatsen";

export const invalid = (path: string, message: string) =>
  new AppError("validation_failed", message, [{ path, message }]);

export function presentInitiative(row: InitiativeRow, partyIds: number[]): TInitiative {
  return {
    ...presentMeta(row),
    title: row.title,
    description: row.description,
    agreement: row.agreement,
    focusArea: row.focusArea,
    scope: row.scope,
    ownerBodyId: row.ownerBodyId,
    region: row.region,
    clusters: row.clusters,
    partyIds,
    targetGroup: row.targetGroup,
    theme: row.theme,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    evaluationPlan: row.evaluationPlan,
    phase: row.phase,
    rag: row.rag,
    ragReason: row.ragReason,
  };
}

async function partyIdsOf(db: DbOrTx, ids: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) {
    return out;
  }
  const rows = await db
    .select()
    .from(initiativeParties)
    .where(inArray(initiativeParties.initiativeId, ids))
    .orderBy(asc(initiativeParties.partyId));
  for (const r of rows) {
    out.get(r.initiativeId)?.push(r.partyId);
  }
  return out;
}

export async function presentRows(db: DbOrTx, rows: InitiativeRow[]): Promise<TInitiative[]> {
  const p = await partyIdsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentInitiative(r, p.get(r.id) ?? []));
}

export type InitiativeFilter = Partial<{
  agreement: string;
  region: string;
  cluster: string;
  targetGroup: string;
  theme: string;
  phase: InitiativeRow["phase"];
  rag: InitiativeRow["rag"];
  ownerBodyId: number;
  partyId: number;
  q: string;
}>;

function whereOf(f: InitiativeFilter): SQL | undefined {
  return and(
    f.agreement ? eq(initiatives.agreement, f.agreement) : undefined,
    f.region ? eq(initiatives.region, f.region) : undefined,
    f.cluster ? arrayContains(initiatives.clusters, [f.cluster]) : undefined,
    f.targetGroup ? eq(initiatives.targetGroup, f.targetGroup) : undefined,
    f.theme ? eq(initiatives.theme, f.theme) : undefined,
    f.phase ? eq(initiatives.phase, f.phase) : undefined,
    f.rag ? eq(initiatives.rag, f.rag) : undefined,
    f.ownerBodyId ? eq(initiatives.ownerBodyId, f.ownerBodyId) : undefined,
    f.partyId
      ? inArray(
          initiatives.id,
          sql`(select ${initiativeParties.initiativeId} from ${initiativeParties} where ${initiativeParties.partyId} = ${f.partyId})`,
        )
      : undefined,
    f.q ? ilike(initiatives.title, `%${f.q.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
  );
}

export async function listInitiatives(ctx: Ctx, f: InitiativeFilter & { limit?: number; cursor?: string }) {
  const page = await paginate<InitiativeRow>({ db: ctx.db, table: initiatives, where: whereOf(f), page: f });
  return { items: await presentRows(ctx.db, page.items), nextCursor: page.nextCursor };
}

/** Every initiative matching the filter, by focus area and title (for the overview, the map and the table). */
export async function listAllInitiatives(ctx: Ctx, f: InitiativeFilter): Promise<TInitiative[]> {
  const rows = await ctx.db
    .select()
    .from(initiatives)
    .where(whereOf(f))
    .orderBy(asc(initiatives.focusArea), asc(initiatives.title), asc(initiatives.id));
  return presentRows(ctx.db, rows);
}

export async function getInitiative(ctx: Ctx, id: number): Promise<TInitiative> {
  const row = await getById<InitiativeRow>(ctx.db, initiatives, id, WHAT);
  return (await presentRows(ctx.db, [row]))[0] as TInitiative;
}

/** The owner body's secretariat, or an admin: may change the initiative, its status and its documents. */
export function mayEdit(ctx: Pick<Ctx, "actor">, ownerBodyId: number | null | undefined): boolean {
  return isPrivileged(ctx.actor) || (ownerBodyId != null && canEditBody(ctx.actor, ownerBodyId));
}

async function checkInput(db: DbOrTx, input: Partial<TInitiativeInput>) {
  if (input.ownerBodyId) {
    const [b] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.id, input.ownerBodyId));
    if (!b) {
      throw invalid("ownerBodyId", "Forummet findes ikke.");
    }
  }
  if (input.partyIds?.length) {
    const found = await db
      .select({ id: parties.id })
      .from(parties)
      .where(inArray(parties.id, input.partyIds));
    const known = new Set(found.map((p) => p.id));
    const i = input.partyIds.findIndex((id) => !known.has(id));
    if (i >= 0) {
      throw invalid(`partyIds.${i}`, "Parten findes ikke.");
    }
  }
  if (input.periodFrom && input.periodTo && input.periodTo < input.periodFrom) {
    throw invalid("periodTo", "Perioden slutter før, den begynder.");
  }
  if (input.scope === "pilot" && input.clusters && input.clusters.length > 1) {
    throw invalid("clusters", "En prøvehandling foregår i én klynge.");
  }
}

async function setParties(db: DbOrTx, id: number, partyIds: number[]) {
  await db.delete(initiativeParties).where(eq(initiativeParties.initiativeId, id));
  const unique = [...new Set(partyIds)];
  if (unique.length > 0) {
    await db.insert(initiativeParties).values(unique.map((partyId) => ({ initiativeId: id, partyId })));
  }
}

export async function createInitiative(ctx: Ctx, input: TInitiativeInput): Promise<TInitiative> {
  authorize(
    ctx.actor,
    mayEdit(ctx, input.ownerBodyId),
    "Kun det ejende forums sekretariat kan oprette indsatsen.",
  );
  await checkInput(ctx.db, input);
  const phase = input.phase ?? "idea";
  const rag = input.rag ?? "green";
  const reasonError = statusReasonError({ phase, rag, reason: input.ragReason });
  if (reasonError) {
    throw invalid("ragReason", reasonError);
  }
  const { partyIds, ...values } = input;
  const [row] = await ctx.db
    .insert(initiatives)
    .values({ ...values, phase, rag })
    .returning();
  const created = row as InitiativeRow;
  await setParties(ctx.db, created.id, partyIds ?? []);
  await ctx.db.insert(initiativeStatusChanges).values({
    initiativeId: created.id,
    phase,
    rag,
    reason: input.ragReason ?? null,
    effectiveOn:
      input.periodFrom && input.periodFrom < todayInDenmark() ? input.periodFrom : todayInDenmark(),
    userId: ctx.actor.userId,
  });
  return presentInitiative(
    created,
    [...new Set(partyIds ?? [])].sort((a, b) => a - b),
  );
}

export async function updateInitiative(
  ctx: Ctx,
  id: number,
  input: Partial<Omit<TInitiativeInput, "phase" | "rag" | "ragReason">> & { version: number },
): Promise<TInitiative> {
  const current = await getById<InitiativeRow>(ctx.db, initiatives, id, WHAT);
  authorize(
    ctx.actor,
    mayEdit(ctx, current.ownerBodyId),
    "Kun det ejende forums sekretariat kan rette indsatsen.",
  );
  if (input.ownerBodyId !== undefined && input.ownerBodyId !== current.ownerBodyId) {
    authorize(ctx.actor, mayEdit(ctx, input.ownerBodyId), "Du kan ikke flytte indsatsen til det forum.");
  }
  await checkInput(ctx.db, {
    ...input,
    periodFrom: input.periodFrom !== undefined ? input.periodFrom : current.periodFrom,
    periodTo: input.periodTo !== undefined ? input.periodTo : current.periodTo,
    scope: input.scope ?? current.scope,
  });
  const { version, partyIds, ...values } = input;
  const row = await updateVersioned<InitiativeRow>(ctx.db, initiatives, id, version, values, WHAT);
  if (partyIds) {
    await setParties(ctx.db, id, partyIds);
  }
  return getInitiative(ctx, row.id);
}

export async function deleteInitiative(ctx: Ctx, id: number, version: number | undefined) {
  const current = await getById<InitiativeRow>(ctx.db, initiatives, id, WHAT);
  authorize(
    ctx.actor,
    mayEdit(ctx, current.ownerBodyId),
    "Kun det ejende forums sekretariat kan slette indsatsen.",
  );
  await deleteVersioned(ctx.db, initiatives, id, version, WHAT);
}

export const initiativeService = {
  list: listInitiatives,
  get: getInitiative,
  create: createInitiative,
  update: updateInitiative,
  remove: deleteInitiative,
};

/** The values the filters offer: regions, clusters, target groups, themes, agreements (sorted, Danish). */
export async function initiativeFacets(ctx: Ctx) {
  const rows = await ctx.db
    .select({
      region: initiatives.region,
      clusters: initiatives.clusters,
      targetGroup: initiatives.targetGroup,
      theme: initiatives.theme,
      agreement: initiatives.agreement,
    })
    .from(initiatives);
  const sorted = (values: (string | null)[]) =>
    [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b, "da"));
  return {
    regions: sorted(rows.map((r) => r.region)),
    clusters: sorted(rows.flatMap((r) => r.clusters)),
    targetGroups: sorted(rows.map((r) => r.targetGroup)),
    themes: sorted(rows.map((r) => r.theme)),
    agreements: sorted(rows.map((r) => r.agreement)),
  };
}
