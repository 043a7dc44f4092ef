import { AppError } from "../../server/errors.ts";
import { COMMON_PASSWORDS } from "./common-passwords.ts";

export const MIN_PASSWORD_LENGTH = 10;
const COMMON = new Set(COMMON_PASSWORDS.map((p) => p.normalize("NFC")));

/** Parts of the e-mail address and name a password must not be built from (three letters or more). */
function personalWords(email: string, name: string): string[] {
  const local = email.trim().toLowerCase().split("@")[0] ?? "";
  const words = [email.trim().toLowerCase(), local, ...local.split(/[^\p{L}\p{N}]+/u)];
  words.push(...name.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return [...new Set(words.filter((w) => w.length >= 3))];
}

/** Why a password is not good enough, in Danish; null when it is. Pure: no database, no clock. */
export function passwordProblem(password: string, who: { email: string; name: string }): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Adgangskoden skal have mindst ${MIN_PASSWORD_LENGTH} tegn.`;
  }
  const lower = password.normalize("NFC").toLowerCase();
  const stem = lower.replace(/[\d\s\p{P}\p{S}]+$/u, "").replace(/^[\d\s\p{P}\p{S}]+/u, "");
  if (COMMON.has(lower) || COMMON.has(stem) || COMMON.has(lower.replace(/\s+/g, ""))) {
    return "Adgangskoden er for almindelig og gættes let. Vælg en anden, gerne nogle tilfældige ord.";
  }
  if (new Set(lower).size <= 2) {
    return "Adgangskoden består af for få forskellige tegn.";
  }
  const personal = personalWords(who.email, who.name).find(
    (w) => lower.includes(w) && w.length * 2 >= lower.length - 4,
  );
  if (personal || lower === who.email.trim().toLowerCase()) {
    return "Adgangskoden må ikke bygge på din e-mailadresse eller dit navn.";
  }
  return null;
}

/** Throws 400 validation_failed (field `password`) when the password breaks the policy. */
export function assertPasswordAcceptable(password: string, who: { email: string; name: string }): void {
  const problem = passwordProblem(password, who);
  if (problem) {
    throw new AppError("validation_failed", problem, [{ path: "password", message: problem }]);
  }
}
