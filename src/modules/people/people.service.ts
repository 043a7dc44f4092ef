import { and, asc, eq, exists, gte, ilike, inArray, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { deleteVersioned, getById, paginate, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import type { Actor } from "../auth/actor.ts";
import { users } from "../auth/auth.tables.ts";
import {
  authorize,
  canChangeMembership,
  canEditPerson,
  isAnySecretary,
  isPrivileged,
} from "../auth/policy.ts";
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

/** The bodies of all the person's memberships, past and present (who may edit the person). */
export async function personBodyIds(db: DbOrTx, personId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ bodyId: memberships.bodyId })
    .from(memberships)
    .where(eq(memberships.personId, personId));
  return rows.map((r) => r.bodyId);
}

const EDIT_REFUSED = "Kun sekretariatet i et forum, som personen er medlem af, kan rette personen.";

export async function updatePerson(
  { db, actor }: Ctx,
  id: number,
  input: Partial<TPersonInput> & { version: number },
) {
  authorize(actor, isAnySecretary(actor), "Kun sekretariater kan rette personer.");
  const current = await getById<PersonRow>(db, persons, id, "Personen");
  authorize(actor, canEditPerson(actor, await personBodyIds(db, id)), EDIT_REFUSED);
  const { version, ...values } = input;
  if (values.email && values.email !== current.email && !isPrivileged(actor)) {
    const message =
      "En ny e-mailadresse skal bekræftes fra den nye adresse: brug »Skift e-mail« (POST /api/v1/persons/{id}/email). En administrator kan ændre den direkte.";
    throw new AppError("validation_failed", message, [{ path: "email", message }]);
  }
  return presentPerson(await updateVersioned<PersonRow>(db, persons, id, version, values, "Personen"), actor);
}

export async function deletePerson({ db, actor }: Ctx, id: number, version: number | undefined) {
  authorize(actor, isAnySecretary(actor), "Kun sekretariater kan slette personer.");
  await getById<PersonRow>(db, persons, id, "Personen");
  authorize(actor, canEditPerson(actor, await personBodyIds(db, id)), EDIT_REFUSED);
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

/** The person behind the actor's user, or null (the public, the system, a user without a person). */
export async function actorPersonId(db: DbOrTx, actor: Actor): Promise<number | null> {
  if (actor.userId === null) {
    return null;
  }
  const [row] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, actor.userId));
  return row?.personId ?? null;
}

const ROLE_REFUSED =
  "Formand, næstformand og sekretariat udpeges af forummets formand eller en administrator, og ingen kan give sig selv en rolle.";
const MEMBER_REFUSED =
  "Kun forummets sekretariat kan tilføje medlemmer, og ingen kan give sig selv en rolle.";

export async function createMembership({ db, actor }: Ctx, input: TMembershipInput) {
  const role = input.role ?? "member";
  const own = (await actorPersonId(db, actor)) === input.personId;
  const allowed = canChangeMembership(actor, { bodyId: input.bodyId, roles: [role], own });
  authorize(
    actor,
    allowed,
    role === "member" || role === "observer" || role === "substitute" ? MEMBER_REFUSED : ROLE_REFUSED,
  );
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
  const me = await actorPersonId(db, actor);
  const own = me !== null && (current.personId === me || input.personId === me);
  const roles = [current.role, input.role ?? current.role];
  const allowed =
    canChangeMembership(actor, { bodyId: current.bodyId, roles, own }) &&
    (!input.bodyId || canChangeMembership(actor, { bodyId: input.bodyId, roles, own }));
  authorize(actor, allowed, ROLE_REFUSED);
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
  // Stepping down is not granting: removing one's own membership is not "own" here.
  const allowed = canChangeMembership(actor, { bodyId: current.bodyId, roles: [current.role], own: false });
  authorize(actor, allowed, ROLE_REFUSED);
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
