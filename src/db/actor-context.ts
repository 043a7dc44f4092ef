import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who is acting in the current request or command, as a short label for the audit log
 * ("user:12 sara@region.dk", "public", "cli:import"). Set once per request by the auth plugin and
 * once per CLI command; read by the database layer when it opens a transaction.
 */
const store = new AsyncLocalStorage<{ label: string }>();

export function runAs<T>(label: string, fn: () => T): T {
  return store.run({ label }, fn);
}

/** Sets the label for the rest of the current asynchronous flow (CLI entry points). */
export function enterAs(label: string): void {
  store.enterWith({ label });
}

export function currentActorLabel(): string | undefined {
  return store.getStore()?.label;
}
