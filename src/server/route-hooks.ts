/**
 * Helpers for hooks that belong to some routes only (attached in an `onRoute` hook), so that requests
 * which cannot need them never pay for them: the write hooks in app.ts, the CSRF check in
 * web/web.plugin.ts, the page cache in web/page-cache.ts (bench/api.bench.ts).
 */

/** Could a request with this method have written anything (every method but the safe ones)? */
export function isWrite(method: string): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
}

/** Does this route answer any method that may write? */
export function routeMayWrite(method: string | string[]): boolean {
  return Array.isArray(method) ? method.some(isWrite) : isWrite(method);
}

/** A route option that holds one hook, several or none, as a list. */
export function hooksOf<T>(hooks: T | T[] | undefined): T[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
}
