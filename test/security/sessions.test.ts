import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { testConfig } from "../../src/config.ts";
import { sessions } from "../../src/modules/auth/auth.tables.ts";
import { passwordProblem } from "../../src/modules/auth/password-policy.ts";
import { uploadProblem } from "../../src/modules/files/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

const PASSWORD = "korrekt-hest-batteri";

describeEachDatabase("Sessions, log-in policy, passwords, headers and uploads", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const apiLogin = (email: string, password: string, cookie?: string) =>
    t().request({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email, password },
      headers: cookie ? { cookie } : {},
    });
  const sessionOf = (res: { cookies: { name: string; value: string }[] }) =>
    res.cookies.find((c) => c.name === "tvaers_session")?.value;
  const me = (session: string | undefined) =>
    t().request({ method: "GET", url: "/api/v1/auth/me", headers: { cookie: `tvaers_session=${session}` } });

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  it("sets an HttpOnly, SameSite, expiring session cookie; Secure and HSTS behind TLS", async () => {
    const res = await apiLogin("medlem@test.dk", PASSWORD);
    const cookie = res.cookies.find((c) => c.name === "tvaers_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    expect(Number(cookie?.expires) - Date.now()).toBeGreaterThan(13 * 24 * 3600_000);
    expect(res.headers["strict-transport-security"]).toBeUndefined();
    const secure = await buildApp({
      config: { ...testConfig(), secureCookies: true },
      database: t().database,
    });
    try {
      const over = await secure.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "medlem@test.dk", password: PASSWORD },
      });
      expect(over.cookies.find((c) => c.name === "tvaers_session")?.secure).toBe(true);
      expect(over.headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
      const page = await secure.inject({ method: "GET", url: "/log-ind" });
      expect(page.cookies.find((c) => c.name === "tvaers_csrf")?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it("gives a new session id at every log-in and ends the old one", async () => {
    const first = sessionOf(await apiLogin("medlem@test.dk", PASSWORD));
    expect((await me(first)).statusCode).toBe(200);
    const second = sessionOf(await apiLogin("medlem@test.dk", PASSWORD, `tvaers_session=${first}`));
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
    // The page log-in rotates too.
    const form = await t().request({ method: "GET", url: "/log-ind" });
    const csrf = form.cookies.find((c) => c.name === "tvaers_csrf")?.value;
    const page = await t().request({
      method: "POST",
      url: "/log-ind",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `tvaers_csrf=${csrf}; tvaers_session=${second}`,
      },
      // the form's token is bound to the session the browser came with (issue 18.9)
      payload: `email=medlem%40test.dk&password=${PASSWORD}&_csrf=${csrfFor(`tvaers_csrf=${csrf}; tvaers_session=${second}`)}`,
    });
    expect(page.statusCode).toBe(303);
    const third = sessionOf(page);
    expect(third).not.toBe(second);
    expect((await me(second)).statusCode).toBe(401);
    expect((await me(third)).statusCode).toBe(200);
  });

  it("refuses an expired session", async () => {
    const session = sessionOf(await apiLogin("formand@test.dk", PASSWORD));
    expect((await me(session)).statusCode).toBe(200);
    await t()
      .database.db.update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, w.users.chair.user.id));
    expect((await me(session)).statusCode).toBe(401);
  });

  it("refuses a page form without the CSRF field or with another one", async () => {
    const form = await t().request({ method: "GET", url: "/log-ind" });
    const csrf = form.cookies.find((c) => c.name === "tvaers_csrf")?.value;
    const post = (cookie: string, field: string) =>
      t().request({
        method: "POST",
        url: "/log-ind",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        payload: `email=medlem%40test.dk&password=${PASSWORD}${field}`,
      });
    expect((await post(`tvaers_csrf=${csrf}`, "")).statusCode).toBe(403);
    const forged = await post(`tvaers_csrf=${csrf}`, `&_csrf=${"x".repeat(32)}`);
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain("</html>");
    expect(sessionOf(forged)).toBeUndefined();
    expect((await post(`tvaers_csrf=${csrf}`, `&_csrf=${csrf}`)).statusCode).toBe(303);
  });

  it("counts failures of the API and the page log-in together and locks the account", async () => {
    const form = await t().request({ method: "GET", url: "/log-ind" });
    const csrf = form.cookies.find((c) => c.name === "tvaers_csrf")?.value;
    const pageLogin = (password: string) =>
      t().request({
        method: "POST",
        url: "/log-ind",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: `tvaers_csrf=${csrf}` },
        payload: `email=sekretaer%40test.dk&password=${password}&_csrf=${csrf}`,
      });
    for (let i = 0; i < 5; i++) {
      expect((await apiLogin("sekretaer@test.dk", `gæt-${i}-forkert`)).statusCode).toBe(401);
      expect((await pageLogin(`gæt-${i}-forkert`)).statusCode).toBe(401);
    }
    const api = await apiLogin("sekretaer@test.dk", PASSWORD);
    expect(api.statusCode).toBe(429);
    expect(api.json().error.message).toContain("For mange mislykkede forsøg");
    const page = await pageLogin(PASSWORD);
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain("For mange mislykkede forsøg");
    // From many addresses: after 30 failures the account itself is locked.
    for (let i = 0; i < 30; i++) {
      await t().request({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: `10.0.${i}.1`,
        payload: { email: "admin@test.dk", password: "forkert-forkert" },
      });
    }
    const locked = await t().request({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: "10.9.9.9",
      payload: { email: "admin@test.dk", password: PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
  });

  it("refuses common passwords and passwords built from the e-mail or name, in Danish", async () => {
    const who = { email: "sara.jensen@region.dk", name: "Sara Jensen" };
    expect(passwordProblem("kort", who)).toContain("mindst 10 tegn");
    for (const bad of ["1234567890", "Password123!", "Sommer2024!!", "adgangskode", "qwertyuiop"]) {
      expect(passwordProblem(bad, who), bad).toContain("for almindelig");
    }
    expect(passwordProblem("sara.jensen1", who)).toContain("e-mailadresse eller dit navn");
    expect(passwordProblem("aaaaaaaaaaaa", who)).toContain("for få forskellige tegn");
    expect(passwordProblem("blå-cykel-under-æbletræet", who)).toBeNull();
    const res = await t().request({
      method: "POST",
      url: "/api/v1/users",
      token: w.users.admin.token,
      payload: { email: "ny@test.dk", name: "Ny Bruger", password: "Velkommen123" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: "password", message: expect.stringContaining("almindelig") },
    ]);
    const ok = await t().request({
      method: "POST",
      url: "/api/v1/users",
      token: w.users.admin.token,
      payload: { email: "ny@test.dk", name: "Ny Bruger", password: "blå-cykel-under-æbletræet" },
    });
    expect(ok.statusCode).toBe(201);
    const change = await t().request({
      method: "PATCH",
      url: `/api/v1/users/${ok.json().id}`,
      token: w.users.admin.token,
      payload: { version: ok.json().version, password: "ny@test.dk" },
    });
    expect(change.statusCode).toBe(400);
  });

  it("sends the security headers on every kind of response", async () => {
    const urls = [
      "/",
      "/log-ind",
      "/findes-ikke",
      "/api/v1/bodies",
      "/api/v1/findes-ikke",
      "/oparl/v1.1",
      "/nyt.atom",
      "/sitemap.xml",
      "/api/docs/",
      "/healthz",
    ];
    for (const url of urls) {
      const res = await t().request({ method: "GET", url, headers: { accept: "text/html" } });
      const csp = String(res.headers["content-security-policy"]);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toContain("unsafe-inline");
      expect(csp, url).not.toContain("unsafe-eval");
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers["referrer-policy"], url).toBe("same-origin");
      expect(res.headers["x-frame-options"], url).toBe("DENY");
    }
    const page = await t().request({ method: "GET", url: "/" });
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    const json = await t().request({ method: "GET", url: "/api/v1/bodies" });
    expect(json.headers["content-security-policy"]).toContain("default-src 'none'");
    const docs = await t().request({ method: "GET", url: "/api/docs/" });
    expect(docs.headers["content-security-policy"]).toContain("connect-src 'self'");
  });

  it("checks uploads by content and size and serves files as downloads", async () => {
    expect(uploadProblem(new TextEncoder().encode("hej"), "application/pdf")).toContain("ikke en PDF");
    expect(uploadProblem(new TextEncoder().encode("%PDF-1.7\n"), "image/png")).toContain("ikke en PNG");
    expect(uploadProblem(Uint8Array.from([0x4d, 0x5a, 0x90, 0]), "application/octet-stream")).toContain(
      "program",
    );
    expect(uploadProblem(Uint8Array.from([0, 1, 2]), "text/plain")).toContain("tekst");
    expect(uploadProblem(new TextEncoder().encode("%PDF-1.7\n"), "application/pdf")).toBeNull();
    const create = await t().request({
      method: "POST",
      url: `/api/v1/items/${w.items.open.id}/attachments`,
      token: w.users.admin.token,
      payload: { title: "Upload" },
    });
    // The minutes are approved, so the item's attachments are locked: use a fresh meeting's item.
    expect(create.statusCode).toBe(409);
    const meeting = await t().request({
      method: "POST",
      url: "/api/v1/meetings",
      token: w.users.secretary.token,
      payload: { bodyId: w.ssu.id, start: "2026-10-01T10:00" },
    });
    const item = await t().request({
      method: "POST",
      url: `/api/v1/meetings/${meeting.json().id}/items`,
      token: w.users.secretary.token,
      payload: { title: "Punkt" },
    });
    const file = await t().request({
      method: "POST",
      url: `/api/v1/items/${item.json().id}/attachments`,
      token: w.users.secretary.token,
      payload: { title: "Bilag" },
    });
    const put = (bytes: Uint8Array | string, type: string, version = file.json().version) =>
      t().request({
        method: "PUT",
        url: `/api/v1/attachments/${file.json().id}/content?version=${version}&fileName=bilag.pdf`,
        token: w.users.secretary.token,
        headers: { "content-type": type },
        payload: Buffer.from(bytes),
      });
    const fake = await put("<script>alert(1)</script>", "application/pdf");
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.message).toContain("ikke en PDF");
    const exe = await put(Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0]), "application/octet-stream");
    expect(exe.statusCode).toBe(400);
    const big = await put(new Uint8Array(51 * 1024 * 1024), "application/octet-stream");
    expect(big.statusCode).toBe(413);
    const good = await put("%PDF-1.7\n%%EOF\n", "application/pdf");
    expect(good.statusCode).toBe(200);
    const served = await t().request({
      method: "GET",
      url: `/api/v1/attachments/${file.json().id}/content`,
      token: w.users.secretary.token,
    });
    expect(served.headers["content-disposition"]).toMatch(/^attachment; filename="bilag.pdf"/);
    expect(served.headers["content-type"]).toBe("application/pdf");
    expect(served.headers["x-content-type-options"]).toBe("nosniff");
  });
});
