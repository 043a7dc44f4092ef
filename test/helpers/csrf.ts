import { CSRF_COOKIE, CSRF_SESSION_COOKIE, csrfFieldFor } from "../../src/web/csrf.ts";

/** The `_csrf` field a browser sending this Cookie header gets on its pages (bound to its session). */
export function csrfFor(cookieHeader: string): string {
  const get = (name: string) => new RegExp(`(?:^|;\\s*)${name}=([^;]*)`).exec(cookieHeader)?.[1];
  return csrfFieldFor(get(CSRF_COOKIE) ?? "", get(CSRF_SESSION_COOKIE));
}

type Inject = (opts: {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  payload?: string;
}) => Promise<{ headers: Record<string, string | string[] | number | undefined> }>;

const cookieOf = (set: unknown, name: string) =>
  [set ?? []]
    .flat()
    .map((c) => new RegExp(`^${name}=([^;]*)`).exec(String(c))?.[1])
    .find(Boolean);

/** Logs in through the login page as a browser would; returns the Cookie header to send afterwards. */
export async function pageLogin(inject: Inject, email: string, password: string): Promise<string> {
  const html = { accept: "text/html" };
  const form = await inject({ method: "GET", url: "/log-ind", headers: html });
  const csrf = cookieOf(form.headers["set-cookie"], CSRF_COOKIE) as string;
  const login = await inject({
    method: "POST",
    url: "/log-ind",
    headers: {
      ...html,
      cookie: `${CSRF_COOKIE}=${csrf}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    payload: new URLSearchParams({ email, password, _csrf: csrf, next: "/" }).toString(),
  });
  return `${CSRF_COOKIE}=${csrf}; tvaers_session=${cookieOf(login.headers["set-cookie"], "tvaers_session")}`;
}
