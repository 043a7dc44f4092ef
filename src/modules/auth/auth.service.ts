import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { pgErrorCode } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { type Actor, loadRoles } from "./actor.ts";
import { apiTokens, sessions, users } from "./auth.tables.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { assertPasswordAcceptable } from "./password-policy.ts";
import { authorize, isPrivileged } from "./policy.ts";
import { assertSecondFactor } from "./totp.service.ts";

type UserRow = typeof users.$inferSelect;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const newSecret = (prefix: string) => `${prefix}_${randomBytes(32).toString("base64url")}`;
const normalizeEmail = (email: string) => email.trim().toLowerCase();

export { MIN_PASSWORD_LENGTH } from "./password-policy.ts";

// A hash of a random password, checked when the e-mail is unknown so both paths take as long.
const dummyHash = hashPassword(randomBytes(16).toString("hex"));

export function presentUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.isAdmin,
    active: row.active,
    personId: row.personId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Creates a user; used by the CLI (first admin), the demo and admins through the API. */
export async function createUser(
  { db, actor }: Ctx,
  input: { email: string; name: string; password: string; isAdmin?: boolean; personId?: number | null },
) {
  authorize(actor, isPrivileged(actor), "Kun administratorer kan oprette brugere.");
  assertPasswordAcceptable(input.password, input);
  try {
    const [row] = await db
      .insert(users)
      .values({
        email: normalizeEmail(input.email),
        name: input.name,
        passwordHash: await hashPassword(input.password),
        isAdmin: input.isAdmin ?? false,
        personId: input.personId ?? null,
      })
      .returning();
    return presentUser(row as UserRow);
  } catch (err) {
    if (pgErrorCode(err) === "23505") {
      throw new AppError("conflict", "Der findes allerede en bruger med den e-mailadresse.", [
        { path: "email", message: "Findes allerede." },
      ]);
    }
    throw err;
  }
}

/** The active user with this e-mail and password; the same error for a wrong password and an unknown e-mail. */
export async function checkPassword(db: DbOrTx, email: string, password: string): Promise<UserRow> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (!user || !ok || !user.active) {
    throw new AppError("invalid_credentials", "Forkert e-mail eller adgangskode.");
  }
  return user;
}

/** Opens a session for a user who has proved who they are; returns the cookie value (shown once). */
export async function openSession(db: DbOrTx, user: UserRow, sessionHours: number) {
  const token = newSecret("tvs");
  const expiresAt = new Date(Date.now() + sessionHours * 3600_000);
  await db.insert(sessions).values({ id: sha256(token), userId: user.id, expiresAt });
  // Expired sessions are cleaned up at each login instead of by a scheduled job.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { token, sessionId: sha256(token), expiresAt, user: presentUser(user) };
}

/**
 * Checks e-mail and password (and the TOTP code when the user has or must have one) and opens a
 * session; returns the cookie value (shown once).
 */
export async function login(
  db: DbOrTx,
  email: string,
  password: string,
  sessionHours: number,
  secondFactor: { code?: string | undefined; totpRequired?: boolean } = {},
) {
  const user = await checkPassword(db, email, password);
  await assertSecondFactor(db, user, secondFactor);
  return openSession(db, user, sessionHours);
}

export async function logout(db: DbOrTx, token: string) {
  await db.delete(sessions).where(eq(sessions.id, sha256(token)));
}

/** Revokes the API token a request was made with (logout with a bearer token ends that token). */
export async function revokeBearerToken(db: DbOrTx, token: string): Promise<boolean> {
  const gone = await db
    .delete(apiTokens)
    .where(eq(apiTokens.tokenHash, sha256(token)))
    .returning({ id: apiTokens.id });
  return gone.length > 0;
}

async function actorFor(db: DbOrTx, user: UserRow): Promise<Actor> {
  return {
    userId: user.id,
    name: user.name,
    isAdmin: user.isAdmin,
    system: false,
    roles: await loadRoles(db, user.personId),
    locale: user.locale,
  };
}

/** Remembers the language a logged-in user chose for the pages. */
export async function setUserLocale(db: DbOrTx, userId: number, locale: "da" | "en"): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
  });
}

/** The actor behind a session cookie, or null when the session is unknown or expired. */
export async function actorFromSession(db: DbOrTx, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, new Date()), eq(users.active, true)))
    .limit(1);
  return row ? actorFor(db, row.user) : null;
}

/** The actor behind a bearer token, or null. */
export async function actorFromToken(db: DbOrTx, token: string): Promise<Actor | null> {
  const now = new Date();
  const [row] = await db
    .select({ user: users, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) {
    return null;
  }
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  return actorFor(db, row.user);
}

function requireUser(actor: Actor): number {
  if (actor.userId === null) {
    throw new AppError("unauthenticated", "Du skal være logget ind for at gøre dette.");
  }
  return actor.userId;
}

export async function getCurrentUser({ db, actor }: Ctx) {
  const userId = requireUser(actor);
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) {
    throw notFound("Brugeren");
  }
  const roles = [...actor.roles].map(([bodyId, set]) => ({ bodyId, roles: [...set].sort() }));
  return { ...presentUser(row), roles };
}

/** Issues a bearer token for the current user; the secret is returned once and stored only hashed. */
export async function createApiToken(
  { db, actor }: Ctx,
  input: { name: string; expiresAt?: Date | undefined },
) {
  const userId = requireUser(actor);
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    const message = "Udløbstidspunktet ligger i fortiden. Vælg et tidspunkt efter nu, eller udelad det.";
    throw new AppError("validation_failed", message, [{ path: "expiresAt", message }]);
  }
  const token = newSecret("tvt");
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name: input.name, tokenHash: sha256(token), expiresAt: input.expiresAt ?? null })
    .returning();
  return { ...presentToken(row as typeof apiTokens.$inferSelect), token };
}

function presentToken(row: typeof apiTokens.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

export async function listApiTokens({ db, actor }: Ctx) {
  const userId = requireUser(actor);
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(apiTokens.id);
  return rows.map(presentToken);
}

export async function revokeApiToken({ db, actor }: Ctx, id: number) {
  const userId = requireUser(actor);
  const rows = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id });
  if (rows.length === 0) {
    throw notFound("Nøglen");
  }
}
