import { and, asc, eq, exists, gte, ilike, inArray, isNull, lte, or } from "drizzle-orm";
import { deleteVersioned, getById, paginate, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import type { Actor } from "../auth/actor.ts";
import { authorize, canEditBody, isAnySecretary } from "../auth/policy.ts";
import type { TMembership, TMembershipInput, TPerson, TPersonInput } from "./people.schemas.ts";
import { memberships, persons } from "./people.tables.ts";

type PersonRow = typeof persons.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect;

/** E-mail addresses are personal data: only secretariats and admins see them. */
export function presentPerson(row: PersonRow, actor: Actor): TPerson {
  return {
    ...presentMeta(row),
    name: row.name,
    title: row.title,
    email: isAnySecretary(actor) ? row.email : null,
  };
}

export function presentMembership(row: MembershipRow): TMembership {
  return {
    ...presentMeta(row),
    personId: row.personId,
    bodyId: row.bodyId,
    partyId: row.partyId,
    role: row.role,
    from: row.from,
    to: row.to,
  };
}

export async function listPersons(
  { db, actor }: Ctx,
  f: { q?: string; bodyId?: number; limit?: number; cursor?: string },
) {
  const where = and(
    f.q ? ilike(persons.name, `%${f.q}%`) : undefined,
    f.bodyId
      ? exists(
          db
            .select({ one: memberships.id })
            .from(memberships)
            .where(and(eq(memberships.personId, persons.id), eq(memberships.bodyId, f.bodyId))),
        )
      : undefined,
  );
  const page = await paginate<PersonRow>({ db, table: persons, where, page: f });
  return { items: page.items.map((r) => presentPerson(r, actor)), nextCursor: page.nextCursor };
}

/** Persons by id, for names in attendance lists and on pages (unknown ids are left out). */
export async function listPersonsByIds({ db, actor }: Ctx, ids: number[]) {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db
    .select()
    .from(persons)
    .where(inArray(persons.id, [...new Set(ids)]))
    .orderBy(asc(persons.name));
  return rows.map((r) => presentPerson(r, actor));
}

export async function getPerson({ db, actor }: Ctx, id: number) {
  return presentPerson(await getById<PersonRow>(db, persons, id, "Personen"), actor);
}

export async function createPerson({ db, actor }: Ctx, input: TPersonInput) {
  authorize(actor, isAnySecretary(actor), "Kun sekretariater kan oprette personer.");
  const [row] = await db.insert(persons).values(input).returning();
  return presentPerson(row as PersonRow, actor);
}

export async function updatePerson(
  { db, actor }: Ctx,
  id: number,
  input: Partial<TPersonInput> & { version: number },
) {
  authorize(actor, isAnySecretary(actor), "Kun sekretariater kan rette personer.");
  const { version, ...values } = input;
  return presentPerson(await updateVersioned<PersonRow>(db, persons, id, version, values, "Personen"), actor);
}

export async function deletePerson({ db, actor }: Ctx, id: number, version: number | undefined) {
  authorize(actor, isAnySecretary(actor), "Kun sekretariater kan slette personer.");
  await deleteVersioned(db, persons, id, version, "Personen");
}

function checkPeriod(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from) {
    throw new AppError("validation_failed", "Medlemskabets slutdato ligger før startdatoen.", [
      { path: "to", message: "Slutdatoen ligger før startdatoen." },
    ]);
  }
}

export async function listMemberships(
  { db }: Ctx,
  f: Partial<{
    personId: number;
    bodyId: number;
    partyId: number;
    role: TMembership["role"];
    activeOn: string;
    limit: number;
    cursor: string;
  }>,
) {
  const where = and(
    f.personId ? eq(memberships.personId, f.personId) : undefined,
    f.bodyId ? eq(memberships.bodyId, f.bodyId) : undefined,
    f.partyId ? eq(memberships.partyId, f.partyId) : undefined,
    f.role ? eq(memberships.role, f.role) : undefined,
    f.activeOn
      ? and(
          or(isNull(memberships.from), lte(memberships.from, f.activeOn)),
          or(isNull(memberships.to), gte(memberships.to, f.activeOn)),
        )
      : undefined,
  );
  const page = await paginate<MembershipRow>({ db, table: memberships, where, page: f });
  return { items: page.items.map(presentMembership), nextCursor: page.nextCursor };
}

export async function getMembership({ db }: Ctx, id: number) {
  return presentMembership(await getById<MembershipRow>(db, memberships, id, "Medlemskabet"));
}

export async function createMembership({ db, actor }: Ctx, input: TMembershipInput) {
  authorize(actor, canEditBody(actor, input.bodyId), "Kun forummets sekretariat kan tilføje medlemmer.");
  checkPeriod(input.from, input.to);
  const [row] = await db.insert(memberships).values(input).returning();
  return presentMembership(row as MembershipRow);
}

export async function updateMembership(
  { db, actor }: Ctx,
  id: number,
  input: Partial<TMembershipInput> & { version: number },
) {
  const current = await getById<MembershipRow>(db, memberships, id, "Medlemskabet");
  const allowed = canEditBody(actor, current.bodyId) && (!input.bodyId || canEditBody(actor, input.bodyId));
  authorize(actor, allowed, "Kun forummets sekretariat kan rette medlemskaber.");
  const { version, ...values } = input;
  checkPeriod(
    values.from !== undefined ? values.from : current.from,
    values.to !== undefined ? values.to : current.to,
  );
  return presentMembership(
    await updateVersioned<MembershipRow>(db, memberships, id, version, values, "Medlemskabet"),
  );
}

export async function deleteMembership({ db, actor }: Ctx, id: number, version: number | undefined) {
  const current = await getById<MembershipRow>(db, memberships, id, "Medlemskabet");
  authorize(actor, canEditBody(actor, current.bodyId), "Kun forummets sekretariat kan fjerne medlemmer.");
  await deleteVersioned(db, memberships, id, version, "Medlemskabet");
}

export const personService = {
  list: listPersons,
  get: getPerson,
  create: createPerson,
  update: updatePerson,
  remove: deletePerson,
};
export const membershipService = {
  list: listMemberships,
  get: getMembership,
  create: createMembership,
  update: updateMembership,
  remove: deleteMembership,
};
