import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import type { DbOrTx } from "../../db/client.ts";
import { AppError } from "../../server/errors.ts";
import { loadRoles } from "./actor.ts";
import { users as usersTable } from "./auth.tables.ts";
import { totpSecrets } from "./totp.tables.ts";

type UserRow = typeof usersTable.$inferSelect;

/** RFC 6238 as every authenticator app expects it: SHA-1, 6 digits, 30 s; one step either side for clock drift. */
const PERIOD = 30;
const WINDOW = 1;

function totpOf(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: "Tværs",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** What a user must do after the password: nothing, give a code, or enrol first. */
export type SecondFactorNeed = "none" | "code" | "enrol";

/** Admins and secretaries must use TOTP when the setting says so; anyone who enrolled always does. */
export async function secondFactorNeed(
  db: DbOrTx,
  user: Pick<UserRow, "id" | "isAdmin" | "personId">,
  totpRequired: boolean,
): Promise<SecondFactorNeed> {
  const [enrolled] = await db
    .select({ id: totpSecrets.id })
    .from(totpSecrets)
    .where(and(eq(totpSecrets.userId, user.id), isNotNull(totpSecrets.confirmedAt)));
  if (enrolled) {
    return "code";
  }
  if (!totpRequired) {
    return "none";
  }
  if (user.isAdmin) {
    return "enrol";
  }
  const roles = await loadRoles(db, user.personId);
  return [...roles.values()].some((r) => r.has("secretary")) ? "enrol" : "none";
}

/**
 * Checks a code against the user's confirmed secret. A code is accepted once: the step it belongs to
 * is stored, and a code of that step or an earlier one is refused (a replayed or an older code).
 */
export async function verifyTotpCode(db: DbOrTx, userId: number, code: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(totpSecrets)
      .where(and(eq(totpSecrets.userId, userId), isNotNull(totpSecrets.confirmedAt)))
      .for("update");
    if (!row) {
      return false;
    }
    const step = acceptedStep(row.secret, code);
    if (step === null || (row.lastStep !== null && step <= row.lastStep)) {
      return false;
    }
    await tx
      .update(totpSecrets)
      .set({ lastStep: step, updatedAt: new Date() })
      .where(eq(totpSecrets.id, row.id));
    return true;
  });
}

/** The time step a right code belongs to, or null. */
function acceptedStep(secret: string, code: string): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) {
    return null;
  }
  const totp = totpOf(secret, "");
  const delta = totp.validate({ token, window: WINDOW });
  return delta === null ? null : totp.counter() + delta;
}

/** Throws unless the user gave a right, unused code (when they have or must have TOTP). */
export async function assertSecondFactor(
  db: DbOrTx,
  user: UserRow,
  opts: { code?: string | undefined; totpRequired?: boolean },
): Promise<void> {
  const need = await secondFactorNeed(db, user, opts.totpRequired ?? false);
  if (need === "none") {
    return;
  }
  if (need === "enrol") {
    throw new AppError(
      "second_factor_required",
      "Totrinsbekræftelse er påkrævet. Log ind i browseren på /log-ind for at tilmelde dig.",
    );
  }
  if (!opts.code) {
    throw new AppError("second_factor_required", "Skriv koden fra din godkendelses-app.", [
      { path: "code", message: "Mangler." },
    ]);
  }
  if (!(await verifyTotpCode(db, user.id, opts.code))) {
    throw new AppError("invalid_second_factor", "Koden er forkert eller allerede brugt.", [
      { path: "code", message: "Forkert eller brugt." },
    ]);
  }
}

/** Starts (or restarts) enrolment: a new secret, not yet confirmed. Refused when TOTP is already on. */
export async function startTotpEnrolment(db: DbOrTx, userId: number) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: usersTable.id, email: usersTable.email })
      .from(usersTable)
      .where(eq(usersTable.id, userId));
    if (!user) {
      throw new AppError("not_found", "Brugeren findes ikke.");
    }
    const [existing] = await tx
      .select()
      .from(totpSecrets)
      .where(eq(totpSecrets.userId, user.id))
      .for("update");
    if (existing?.confirmedAt) {
      throw new AppError("conflict", "Totrinsbekræftelse er allerede slået til.");
    }
    const secret = existing?.secret ?? new Secret({ size: 20 }).base32;
    if (!existing) {
      await tx.insert(totpSecrets).values({ userId: user.id, secret });
    }
    return { secret, uri: totpOf(secret, user.email).toString() };
  });
}

/** Confirms enrolment with the first right code (which then counts as used). */
export async function confirmTotpEnrolment(db: DbOrTx, userId: number, code: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(totpSecrets)
      .where(and(eq(totpSecrets.userId, userId), isNull(totpSecrets.confirmedAt)))
      .for("update");
    const step = row ? acceptedStep(row.secret, code) : null;
    if (!row || step === null) {
      return false;
    }
    await tx
      .update(totpSecrets)
      .set({ confirmedAt: new Date(), lastStep: step, updatedAt: new Date() })
      .where(eq(totpSecrets.id, row.id));
    return true;
  });
}

/** Has the user a confirmed TOTP secret? */
export async function hasTotp(db: DbOrTx, userId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: totpSecrets.id })
    .from(totpSecrets)
    .where(and(eq(totpSecrets.userId, userId), isNotNull(totpSecrets.confirmedAt)));
  return Boolean(row);
}

/**
 * The second step of a password login: a right code (or, while enrolling, the first right code that
 * confirms the new secret) gives back the active user; anything else null.
 */
export async function completeSecondFactor(
  db: DbOrTx,
  step: { userId: number; enrol: boolean },
  code: string,
): Promise<UserRow | null> {
  const ok = step.enrol
    ? await confirmTotpEnrolment(db, step.userId, code)
    : await verifyTotpCode(db, step.userId, code);
  if (!ok) {
    return null;
  }
  const [user] = await db
    .select()
    .from(usersTable)
    .where(and(eq(usersTable.id, step.userId), eq(usersTable.active, true)));
  return user ?? null;
}
