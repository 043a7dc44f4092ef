import { randomBytes } from "node:crypto";

const TTL_MS = 5 * 60 * 1000;
const MAX_ATTEMPTS = 5;
const MAX_OPEN = 10_000;

export interface Challenge {
  userId: number;
  /** the e-mail typed at the password step (the login throttle's key) */
  email: string;
  next: string;
  /** the user must enrol (TVAERS_TOTP_REQUIRED) rather than give a code */
  enrol: boolean;
  expiresAt: number;
  attempts: number;
}

/**
 * Logins waiting for their second step: the password was right, the code is still to come. Kept in
 * the server's memory for five minutes and five tries (a restart only means typing the password again);
 * the browser holds only a random token in the form.
 */
export class ChallengeStore {
  private readonly open = new Map<string, Challenge>();

  create(entry: Omit<Challenge, "expiresAt" | "attempts">): string {
    const now = Date.now();
    for (const [token, c] of this.open) {
      if (c.expiresAt <= now || this.open.size >= MAX_OPEN) {
        this.open.delete(token);
      }
    }
    const token = randomBytes(24).toString("base64url");
    this.open.set(token, { ...entry, expiresAt: now + TTL_MS, attempts: 0 });
    return token;
  }

  /** The challenge for another try, or null when unknown, expired or tried too often. */
  attempt(token: unknown): Challenge | null {
    const c = typeof token === "string" ? this.open.get(token) : undefined;
    if (!c || typeof token !== "string") {
      return null;
    }
    c.attempts += 1;
    if (c.expiresAt <= Date.now() || c.attempts > MAX_ATTEMPTS) {
      this.open.delete(token);
      return null;
    }
    return c;
  }

  finish(token: string): void {
    this.open.delete(token);
  }
}
