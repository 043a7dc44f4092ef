/**
 * Counts failed logins per key (e-mail + client address) in a sliding window, so that passwords
 * cannot be guessed at full speed. In memory: one process, reset at restart, which is enough here.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length === 0) {
      this.failures.delete(key);
    } else {
      this.failures.set(key, kept);
    }
    return kept;
  }

  /** True when the key has used up its failures in the window. */
  isBlocked(key: string, now = Date.now()): boolean {
    return this.recent(key, now).length >= this.maxFailures;
  }

  recordFailure(key: string, now = Date.now()): void {
    this.failures.set(key, [...this.recent(key, now), now]);
    // Bound memory under a flood of distinct keys.
    if (this.failures.size > 100_000) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) {
        this.failures.delete(oldest);
      }
    }
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}

/**
 * The one login policy of the API and the login page: 10 failures per e-mail from one address, 30 per
 * e-mail from anywhere (the account is locked for the window: guessing spread over many addresses), and
 * 50 per address across e-mails (one address trying many accounts), each in a 15-minute window.
 */
export class LoginPolicy {
  private readonly pair = new LoginThrottle(10);
  private readonly account = new LoginThrottle(30);
  private readonly address = new LoginThrottle(50);

  private keys(ip: string, email: string) {
    const e = email.trim().toLowerCase();
    return { pair: `${ip}|${e}`, account: e, address: ip };
  }

  /** True when this address may not try this e-mail now. */
  isBlocked(ip: string, email: string, now = Date.now()): boolean {
    const k = this.keys(ip, email);
    return (
      this.pair.isBlocked(k.pair, now) ||
      this.account.isBlocked(k.account, now) ||
      this.address.isBlocked(k.address, now)
    );
  }

  recordFailure(ip: string, email: string, now = Date.now()): void {
    const k = this.keys(ip, email);
    this.pair.recordFailure(k.pair, now);
    this.account.recordFailure(k.account, now);
    this.address.recordFailure(k.address, now);
  }

  /** A successful login forgets the e-mail's failures (not the address's failures on other e-mails). */
  reset(ip: string, email: string): void {
    const k = this.keys(ip, email);
    this.pair.reset(k.pair);
    this.account.reset(k.account);
  }
}

const policies = new WeakMap<object, LoginPolicy>();

/** The login policy of one installation (keyed by its database), shared by the API and the pages. */
export function loginPolicyFor(owner: object): LoginPolicy {
  let policy = policies.get(owner);
  if (!policy) {
    policy = new LoginPolicy();
    policies.set(owner, policy);
  }
  return policy;
}

export const RATE_LIMITED_MESSAGE = "For mange mislykkede forsøg. Vent et kvarter, og prøv igen.";
