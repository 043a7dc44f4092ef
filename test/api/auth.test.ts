import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

describeEachDatabase("Authentication", (kind) => {
  const t = useTestApp(kind);
  let w: World;

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  async function login(email: string, password: string) {
    return t().request({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
  }

  it("logs in with a secure session cookie, knows who you are, and logs out", async () => {
    const res = await login("Medlem@Test.dk", "korrekt-hest-batteri");
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "tvaers_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const headers = { cookie: `tvaers_session=${cookie?.value}` };
    const me = await t().request({ method: "GET", url: "/api/v1/auth/me", headers });
    expect(me.json()).toMatchObject({
      email: "medlem@test.dk",
      roles: [{ bodyId: w.ssu.id, roles: ["member"] }],
    });
    const closed = await t().request({ method: "GET", url: `/api/v1/items/${w.items.closed.id}`, headers });
    expect(closed.json().redacted).toBe(false);
    expect((await t().request({ method: "POST", url: "/api/v1/auth/logout", headers })).statusCode).toBe(204);
    expect((await t().request({ method: "GET", url: "/api/v1/auth/me", headers })).statusCode).toBe(401);
  });

  it("refuses a wrong password and an unknown e-mail with the same answer", async () => {
    const wrong = await login("medlem@test.dk", "forkert-adgangskode");
    const unknown = await login("ingen@test.dk", "forkert-adgangskode");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.cookies).toHaveLength(0);
  });

  it("slows down password guessing: 429 after ten failures for one e-mail", async () => {
    for (let i = 0; i < 10; i++) {
      expect((await login("formand@test.dk", `gæt-nummer-${i}`)).statusCode).toBe(401);
    }
    const blocked = await login("formand@test.dk", "korrekt-hest-batteri");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("rate_limited");
    expect((await login("medlem@test.dk", "korrekt-hest-batteri")).statusCode).toBe(200);
  });

  it("refuses a cookie-authenticated write from another site", async () => {
    const res = await login("sekretaer@test.dk", "korrekt-hest-batteri");
    const cookie = res.cookies.find((c) => c.name === "tvaers_session")?.value;
    const foreign = await t().request({
      method: "POST",
      url: "/api/v1/persons",
      headers: { cookie: `tvaers_session=${cookie}`, origin: "https://ondt.example", host: "localhost:80" },
      payload: { name: "Indsmuglet" },
    });
    expect(foreign.statusCode).toBe(403);
    const own = await t().request({
      method: "POST",
      url: "/api/v1/persons",
      headers: { cookie: `tvaers_session=${cookie}`, origin: "http://localhost:80", host: "localhost:80" },
      payload: { name: "Lovlig" },
    });
    expect(own.statusCode).toBe(201);
  });

  it("issues, lists and revokes bearer tokens", async () => {
    const res = await login("sekretaer@test.dk", "korrekt-hest-batteri");
    const cookie = `tvaers_session=${res.cookies.find((c) => c.name === "tvaers_session")?.value}`;
    const created = await t().request({
      method: "POST",
      url: "/api/v1/tokens",
      headers: { cookie },
      payload: { name: "Import-script" },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^tvt_/);
    const me = await t().request({ method: "GET", url: "/api/v1/auth/me", token });
    expect(me.json().email).toBe("sekretaer@test.dk");
    const list = (await t().request({ method: "GET", url: "/api/v1/tokens", token })).json();
    expect(list.map((x: { name: string }) => x.name)).toContain("Import-script");
    expect(JSON.stringify(list)).not.toContain(token);
    expect(
      (await t().request({ method: "DELETE", url: `/api/v1/tokens/${id}`, headers: { cookie } })).statusCode,
    ).toBe(204);
    const after = await t().request({ method: "GET", url: "/api/v1/auth/me", token });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("unauthenticated");
  });

  it("stores passwords only as scrypt hashes", async () => {
    const { users } = await import("../../src/modules/auth/auth.tables.ts");
    const rows = await t().database.db.select({ hash: users.passwordHash }).from(users);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.hash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(row.hash).not.toContain("korrekt-hest-batteri");
    }
  });
});
