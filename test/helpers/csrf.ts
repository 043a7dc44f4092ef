import { CSRF_COOKIE, CSRF_SESSION_COOKIE, csrfFieldFor } from "../../src/web/csrf.ts";

/** The `_csrf` field a browser sending this Cookie header gets on its pages (bound to its session). */
export function csrfFor(cookieHeader: string): string {
  const get = (name: string) => new RegExp(`(?:^|;\\s*)${name}=([^;]*)`).exec(cookieHeader)?.[1];
  return csrfFieldFor(get(CSRF_COOKIE) ?? "", get(CSRF_SESSION_COOKIE));
}
