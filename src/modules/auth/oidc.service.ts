import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { IDToken } from "openid-client";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, forbidden, notFound } from "../../server/errors.ts";
import { parties } from "../parties/parties.tables.ts";
import { memberships, persons } from "../people/people.tables.ts";
import type { Actor } from "./actor.ts";
import { openSession } from "./auth.service.ts";
import { sessions, users } from "./auth.tables.ts";
import type { OidcProviderSetting } from "./oidc.settings.ts";
import { oidcIdentities, oidcSessions } from "./oidc.tables.ts";
import { hashPassword } from "./password.ts";
import { authorize, isAnySecretary, isPrivileged } from "./policy.ts";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export type ProviderLogin =
  | { kind: "session"; token: string; expiresAt: Date }
  | { kind: "pending" }
  | { kind: "refused" };

/** What a provider tells about a person; e-mail only when the provider marks it verified. */
export function identityFromClaims(p: OidcProviderSetting, claims: IDToken) {
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  const joined = [str(claims.given_name), str(claims.family_name)].filter(Boolean).join(" ");
  const name = str(claims.name) ?? (joined || undefined) ?? str(claims.preferred_username) ?? claims.sub;
  const email = claims.email_verified === true ? str(claims.email)?.toLowerCase() : undefined;
  const groups = claims[p.groupsClaim];
  const groupList = Array.isArray(groups) ? groups.filter((g): g is string => typeof g === "string") : [];
  const partyIds = groupList.map((g) => p.groupParties[g]).filter((id): id is number => id !== undefined);
  return {
    issuer: claims.iss,
    subject: claims.sub,
    name: name.slice(0, 200),
    email: email ?? null,
    partyIds,
  };
}

/**
 * A login through a provider: the identity is found by issuer + subject. A known, confirmed identity
 * gets a session (remembered with the provider's sid and ID token, for logout); an unknown one becomes
 * pending or is refused, by the provider's setting. Name and verified e-mail are refreshed each time.
 */
export async function signInWithProvider(
  db: DbOrTx,
  p: OidcProviderSetting,
  login: { claims: IDToken; idToken: string },
  sessionHours: number,
): Promise<ProviderLogin> {
  const who = identityFromClaims(p, login.claims);
  return db.transaction(async (tx) => {
    const known = who.partyIds.length
      ? await tx.select({ id: parties.id }).from(parties).where(inArray(parties.id, who.partyIds))
      : [];
    const partyId = who.partyIds.find((id) => known.some((k) => k.id === id)) ?? null;
    const [found] = await tx
      .select()
      .from(oidcIdentities)
      .where(and(eq(oidcIdentities.issuer, who.issuer), eq(oidcIdentities.subject, who.subject)))
      .for("update");
    if (!found) {
      if (p.onUnknown === "refuse") {
        return { kind: "refused" };
      }
      await tx.insert(oidcIdentities).values({ provider: p.id, ...pick(who), partyId });
      return { kind: "pending" };
    }
    await tx
      .update(oidcIdentities)
      .set({ ...pick(who), partyId, lastLoginAt: new Date(), updatedAt: new Date() })
      .where(eq(oidcIdentities.id, found.id));
    if (found.status !== "confirmed" || found.userId === null) {
      return { kind: found.status === "refused" ? "refused" : "pending" };
    }
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, found.userId), eq(users.active, true)));
    if (!user) {
      return { kind: "refused" };
    }
    const session = await openSession(tx, user, sessionHours);
    const sid = typeof login.claims.sid === "string" ? login.claims.sid : null;
    await tx
      .insert(oidcSessions)
      .values({ sessionId: session.sessionId, identityId: found.id, sid, idToken: login.idToken });
    return { kind: "session", token: session.token, expiresAt: session.expiresAt };
  });
}

const pick = (who: ReturnType<typeof identityFromClaims>) => ({
  issuer: who.issuer,
  subject: who.subject,
  name: who.name,
  email: who.email,
});

/** The provider login behind a session cookie (for RP-initiated logout), or null. */
export async function findProviderSession(db: DbOrTx, sessionToken: string) {
  const [row] = await db
    .select({ provider: oidcIdentities.provider, idToken: oidcSessions.idToken })
    .from(oidcSessions)
    .innerJoin(oidcIdentities, eq(oidcIdentities.id, oidcSessions.identityId))
    .where(eq(oidcSessions.sessionId, sha256(sessionToken)));
  return row ?? null;
}

/**
 * Back-channel logout: ends the Tværs sessions of the provider's session `sid` (when given) or of every
 * session of the subject. Returns how many ended.
 */
export async function endProviderSessions(
  db: DbOrTx,
  logout: { issuer: string; sub?: string; sid?: string },
) {
  const conditions = [eq(oidcIdentities.issuer, logout.issuer)];
  if (logout.sid) {
    conditions.push(eq(oidcSessions.sid, logout.sid));
  }
  if (logout.sub) {
    conditions.push(eq(oidcIdentities.subject, logout.sub));
  }
  const targets = db
    .select({ id: oidcSessions.sessionId })
    .from(oidcSessions)
    .innerJoin(oidcIdentities, eq(oidcIdentities.id, oidcSessions.identityId))
    .where(and(...conditions));
  const ended = await db.delete(sessions).where(inArray(sessions.id, targets)).returning({ id: sessions.id });
  return ended.length;
}

/** Body ids where the actor is secretary. */
const secretaryBodies = (actor: Actor) =>
  [...actor.roles.entries()].filter(([, roles]) => roles.has("secretary")).map(([bodyId]) => bodyId);

/** Persons a confirmer may link an identity to: an admin any person; a secretary members of their bodies without a login. */
async function linkablePersons(db: DbOrTx, actor: Actor) {
  if (isPrivileged(actor)) {
    return db
      .select({ id: persons.id, name: persons.name, email: persons.email })
      .from(persons)
      .orderBy(asc(persons.name), asc(persons.id))
      .limit(2000);
  }
  const bodies = secretaryBodies(actor);
  if (bodies.length === 0) {
    return [];
  }
  return db
    .selectDistinct({ id: persons.id, name: persons.name, email: persons.email })
    .from(persons)
    .innerJoin(memberships, eq(memberships.personId, persons.id))
    .leftJoin(users, eq(users.personId, persons.id))
    .where(and(inArray(memberships.bodyId, bodies), isNull(users.id)))
    .orderBy(asc(persons.name), asc(persons.id));
}

/** Pending provider logins, with the persons the actor may link them to. */
export async function listPendingIdentities({ db, actor }: Ctx) {
  authorize(actor, isAnySecretary(actor), "Kun administratorer og sekretariater kan godkende nye brugere.");
  const pending = await db
    .select({
      id: oidcIdentities.id,
      provider: oidcIdentities.provider,
      name: oidcIdentities.name,
      email: oidcIdentities.email,
      party: parties.name,
      firstSeen: oidcIdentities.createdAt,
    })
    .from(oidcIdentities)
    .leftJoin(parties, eq(parties.id, oidcIdentities.partyId))
    .where(eq(oidcIdentities.status, "pending"))
    .orderBy(asc(oidcIdentities.createdAt), asc(oidcIdentities.id));
  return { pending, persons: await linkablePersons(db, actor) };
}

/**
 * Confirms a pending identity and links it to a user: the person's user when there is one, else the
 * user with the provider's verified e-mail, else a new user (no usable password) for the person.
 * A secretary must name a member of their own bodies who has no login yet, and may not link an
 * identity to an existing user; an admin may.
 */
export async function confirmIdentity(
  { db, actor }: Ctx,
  input: { identityId: number; personId: number | null },
) {
  authorize(actor, isAnySecretary(actor), "Kun administratorer og sekretariater kan godkende nye brugere.");
  const admin = isPrivileged(actor);
  if (!admin && input.personId === null) {
    throw new AppError("validation_failed", "Vælg den person, kontoen hører til.", [
      { path: "personId", message: "Vælg en person." },
    ]);
  }
  if (!admin && !(await linkablePersons(db, actor)).some((p) => p.id === input.personId)) {
    throw forbidden("Du kan kun knytte kontoen til et medlem af dine egne fora, som ikke har en bruger.");
  }
  await db.transaction(async (tx) => {
    const identity = await lockPending(tx, input.identityId);
    const [existing] = await tx
      .select()
      .from(users)
      .where(
        or(
          input.personId === null ? sql`false` : eq(users.personId, input.personId),
          identity.email === null ? sql`false` : eq(users.email, identity.email),
        ),
      )
      .orderBy(asc(users.id))
      .limit(1);
    if (existing && !admin) {
      throw forbidden(
        "Der findes allerede en bruger for personen eller e-mailadressen; en administrator skal godkende.",
      );
    }
    const userId =
      existing?.id ??
      (
        await tx
          .insert(users)
          .values({
            email: identity.email ?? `${identity.provider}-${identity.id}@oidc.invalid`,
            name: identity.name,
            passwordHash: await hashPassword(randomBytes(32).toString("base64url")),
            personId: input.personId,
          })
          .returning({ id: users.id })
      )[0]?.id;
    await tx
      .update(oidcIdentities)
      .set({ status: "confirmed", userId, decidedBy: actor.userId, updatedAt: new Date() })
      .where(eq(oidcIdentities.id, identity.id));
  });
}

/** Refuses a pending identity: its logins stay refused. */
export async function refuseIdentity({ db, actor }: Ctx, identityId: number) {
  // Refusing reaches beyond one's own bodies (the login may belong to anyone), so it is the admin's;
  // a secretariat approves the logins of its own members (confirmIdentity).
  authorize(actor, isPrivileged(actor), "Kun en administrator kan afvise en ny bruger.");
  await db.transaction(async (tx) => {
    const identity = await lockPending(tx, identityId);
    await tx
      .update(oidcIdentities)
      .set({ status: "refused", decidedBy: actor.userId, updatedAt: new Date() })
      .where(eq(oidcIdentities.id, identity.id));
  });
}

async function lockPending(tx: DbOrTx, id: number) {
  const [identity] = await tx.select().from(oidcIdentities).where(eq(oidcIdentities.id, id)).for("update");
  if (!identity) {
    throw notFound("Anmodningen");
  }
  if (identity.status !== "pending") {
    throw new AppError("conflict", "Anmodningen er allerede afgjort.");
  }
  return identity;
}
