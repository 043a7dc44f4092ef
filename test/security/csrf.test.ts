import { expect, it } from "vitest";
import { SESSION_COOKIE } from "../../src/modules/auth/index.ts";
import { CSRF_SESSION_COOKIE } from "../../src/web/csrf.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const PASSWORD = "korrekt-hest-batteri";
const form = "application/x-www-form-urlencoded";
const cookieOf = (res: { headers: Record<string, unknown> }, name: string) =>
  [res.headers["set-cookie"] ?? []]
    .flat()
    .map((c) => new RegExp(`^${name}=([^;]*)`).exec(String(c))?.[1])
    .find(Boolean);
const fieldOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

/**
 * Issue 18.9 and 18.10: the CSRF token is bound to the session, so a cookie/field pair from another
 * browser is refused; logout with a bearer token revokes it; a token cannot expire in the past; a
 * draft agreement's version answers like a missing one; GET /log-ud shows the logout button.
 */
describeEachDatabase("CSRF bound to the session, tokens, existence oracles", (kind) => {
  const t = useTestApp(kind);
  let w: World;

  /** A browser: GET /log-ind for its CSRF cookie, then the form log-in; returns its cookie header. */
  async function browserLogin(email: string) {
    const page = await t().request({ method: "GET", url: "/log-ind", headers: { accept: "text/html" } });
    const csrf = cookieOf(page, "tvaers_csrf") as string;
    const res = await t().request({
      method: "POST",
      url: "/log-ind",
      headers: { accept: "text/html", cookie: `tvaers_csrf=${csrf}`, "content-type": form },
      payload: new URLSearchParams({
        email,
        password: PASSWORD,
        _csrf: fieldOf(page.body),
        next: "/",
      }).toString(),
    });
    expect(res.statusCode).toBe(303);
    return { csrf, cookie: `tvaers_csrf=${csrf}; tvaers_session=${cookieOf(res, "tvaers_session")}` };
  }
  const logoutForm = async (cookie: string) =>
    fieldOf(
      (await t().request({ method: "GET", url: "/log-ud", headers: { accept: "text/html", cookie } })).body,
    );
  const postLogout = (cookie: string, field: string) =>
    t().request({
      method: "POST",
      url: "/log-ud",
      headers: { accept: "text/html", cookie, "content-type": form },
      payload: new URLSearchParams({ _csrf: field }).toString(),
    });

  it("arranges a world", { timeout: 120_000 }, async () => {
    w = await seedWorld(t().system);
    expect(CSRF_SESSION_COOKIE).toBe(SESSION_COOKIE);
  });

  it("refuses an equal cookie/field pair of the browser's own CSRF cookie once logged in (the audit's case)", async () => {
    const victim = await browserLogin("medlem@test.dk");
    const equalPair = await postLogout(victim.cookie, victim.csrf);
    expect(equalPair.statusCode).toBe(403);
    const me = await t().request({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: victim.cookie },
    });
    expect(me.statusCode).toBe(200);
  });

  it("refuses a pair planted from another browser, and accepts the session's own token", async () => {
    const victim = await browserLogin("medlem@test.dk");
    const attacker = await browserLogin("udenfor@test.dk");
    const attackerField = await logoutForm(attacker.cookie);
    // Cookie injection: the attacker's CSRF cookie (and its field) in the victim's browser.
    const victimSession = /tvaers_session=([^;]*)/.exec(victim.cookie)?.[1];
    const planted = `tvaers_csrf=${attacker.csrf}; tvaers_session=${victimSession}`;
    expect((await postLogout(planted, attackerField)).statusCode).toBe(403);
    expect((await postLogout(planted, attacker.csrf)).statusCode).toBe(403);
    const own = await logoutForm(victim.cookie);
    expect(own).not.toBe(victim.csrf);
    expect((await postLogout(victim.cookie, own)).statusCode).toBe(303);
    const me = await t().request({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: victim.cookie },
    });
    expect(me.statusCode).toBe(401);
  });

  it("revokes the bearer token that logs out", async () => {
    const made = await t().request({
      method: "POST",
      url: "/api/v1/tokens",
      token: w.users.member.token,
      payload: { name: "skript" },
    });
    expect(made.statusCode).toBe(201);
    const token = made.json().token as string;
    expect((await t().request({ method: "GET", url: "/api/v1/auth/me", token })).statusCode).toBe(200);
    expect((await t().request({ method: "POST", url: "/api/v1/auth/logout", token })).statusCode).toBe(204);
    expect((await t().request({ method: "GET", url: "/api/v1/auth/me", token })).statusCode).toBe(401);
    expect(
      (await t().request({ method: "GET", url: "/api/v1/auth/me", token: w.users.member.token })).statusCode,
    ).toBe(200);
  });

  it("refuses a token whose expiry has passed", async () => {
    const res = await t().request({
      method: "POST",
      url: "/api/v1/tokens",
      token: w.users.member.token,
      payload: { name: "gammel", expiresAt: "2020-01-01T00:00:00Z" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe("expiresAt");
  });

  it("answers a draft agreement's version exactly like a missing one", async () => {
    const made = await t().request({
      method: "POST",
      url: "/api/v1/agreements",
      token: w.users.secretary.token,
      payload: {
        title: "Udkast til aftale",
        kind: "cooperation_agreement",
        theme: "Test",
        summary: "Kladde.",
        ownerBodyId: w.ssu.id,
        firstVersion: { label: "Udkast", text: `# Aftale\n\n${SECRET}` },
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const versionId = made.json().versions[0].id as number;
    const draft = await t().request({
      method: "GET",
      url: `/api/v1/agreement-versions/${versionId}/content`,
    });
    const missing = await t().request({ method: "GET", url: `/api/v1/agreement-versions/999999/content` });
    expect(draft.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(draft.json().error).toEqual(missing.json().error);
  });

  it("shows a page with the logout button at GET /log-ud", async () => {
    const victim = await browserLogin("formand@test.dk");
    const page = await t().request({
      method: "GET",
      url: "/log-ud",
      headers: { accept: "text/html", cookie: victim.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<form[^>]*method="post"[^>]*action="\/log-ud"/);
    expect(page.body).toMatch(/<button[^>]*type="submit"/);
  });
});
