import type { ConformanceApp } from "./app.ts";

/** One conformance check: a name and a run that returns what it found, or throws what failed. */
export interface Check {
  name: string;
  run(ctx: ConformanceContext): Promise<string>;
}

export interface ConformanceContext {
  demo: ConformanceApp;
  /** fetch against the running app; `path` may be absolute or start with "/" */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** a session cookie of the demo administrator (logged in on first use) */
  adminCookie(): Promise<string>;
}

/** A failed check: its message is the detail printed after FAIL. */
export class CheckFailed extends Error {}

/** Throws CheckFailed with the problems (at most a few shown) when there are any. */
export function failIf(problems: string[], what: string): void {
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join("; ");
    throw new CheckFailed(`${problems.length} ${what}: ${shown}${problems.length > 3 ? " …" : ""}`);
  }
}
