import { and, eq, ilike } from "drizzle-orm";
import { deleteVersioned, getById, paginate, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { authorize, isPrivileged } from "../auth/policy.ts";
import { validOnWhere } from "../bodies/bodies.service.ts";
import { isOrderedPeriod, structureStatus, structureToday } from "../bodies/bodies.status.ts";
import type { TCreateParty, TParty } from "./parties.schemas.ts";
import { parties } from "./parties.tables.ts";

type PartyRow = typeof parties.$inferSelect;
const WHAT = "Parten";

export function presentParty(row: PartyRow): TParty {
  return {
    ...presentMeta(row),
    type: row.type,
    name: row.name,
    region: row.region,
    municipalityCode: row.municipalityCode,
    validFrom: row.validFrom,
    validTo: row.validTo,
    status: structureStatus(row, structureToday()),
  };
}

function checkRules(input: Partial<TCreateParty>, current?: PartyRow): void {
  const type = input.type ?? current?.type;
  const code = input.municipalityCode !== undefined ? input.municipalityCode : current?.municipalityCode;
  if (code && type !== "municipality") {
    throw new AppError("validation_failed", "Kun kommuner har en kommunekode.", [
      { path: "municipalityCode", message: "Kun kommuner har en kommunekode." },
    ]);
  }
  const from = input.validFrom !== undefined ? input.validFrom : current?.validFrom;
  const to = input.validTo !== undefined ? input.validTo : current?.validTo;
  if (!isOrderedPeriod(from, to)) {
    throw new AppError("validation_failed", "Partens sidste dag ligger før dens første dag.", [
      { path: "validTo", message: "Partens sidste dag ligger før dens første dag." },
    ]);
  }
}

/** Lists parties, filtered by type, region or a name fragment. */
export async function listParties(
  { db }: Ctx,
  f: {
    type?: TParty["type"];
    region?: string;
    q?: string;
    validOn?: string;
    limit?: number;
    cursor?: string;
  },
) {
  const where = and(
    f.type ? eq(parties.type, f.type) : undefined,
    f.region ? eq(parties.region, f.region) : undefined,
    f.q ? ilike(parties.name, `%${f.q}%`) : undefined,
    f.validOn ? validOnWhere(parties, f.validOn) : undefined,
  );
  const page = await paginate<PartyRow>({ db, table: parties, where, page: f });
  return { items: page.items.map(presentParty), nextCursor: page.nextCursor };
}

export async function getParty({ db }: Ctx, id: number) {
  return presentParty(await getById<PartyRow>(db, parties, id, WHAT));
}

export async function createParty({ db, actor }: Ctx, input: TCreateParty) {
  authorize(actor, isPrivileged(actor), "Kun administratorer kan oprette parter.");
  checkRules(input);
  const [row] = await db.insert(parties).values(input).returning();
  return presentParty(row as PartyRow);
}

export async function updateParty(
  { db, actor }: Ctx,
  id: number,
  input: Partial<TCreateParty> & { version: number },
) {
  authorize(actor, isPrivileged(actor), "Kun administratorer kan rette parter.");
  const { version, ...values } = input;
  checkRules(values, await getById<PartyRow>(db, parties, id, WHAT));
  return presentParty(await updateVersioned<PartyRow>(db, parties, id, version, values, WHAT));
}

export async function deleteParty({ db, actor }: Ctx, id: number, version: number | undefined) {
  authorize(actor, isPrivileged(actor), "Kun administratorer kan slette parter.");
  await deleteVersioned(db, parties, id, version, WHAT);
}

export const partyService = {
  list: listParties,
  get: getParty,
  create: createParty,
  update: updateParty,
  remove: deleteParty,
};
