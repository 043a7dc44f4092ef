import { eq } from "drizzle-orm";
import { decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT } from "jose";
import { expect, it, vi } from "vitest";
import { oidcIdentities } from "../../src/modules/auth/oidc.tables.ts";
import { createMembership, createPerson } from "../../src/modules/people/index.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";
import { csrfOf, passwordLogin, useOidcApp, whoAmI } from "../helpers/oidc-app.ts";
import { CookieBrowser, loginThroughProvider } from "../helpers/oidc-provider.ts";

/**
 * Logging in with an organisation's own provider, against two real OpenID Providers (oidc-provider on
 * 127.0.0.1) and one that is down: first login pending then confirmed by the secretariat, matching by
 * subject, forged and expired ID tokens, wrong state and nonce, key rotation. Logout: oidc-logout.test.ts.
 */
describeEachDatabase("OpenID Connect login", (kind) => {
  const t = useOidcApp(kind);
  let w: World;
  let piaPerson: number;

  it("arranges a world: Pia, a member of SSU without a login", async () => {
    w = await seedWorld(t().system);
    const pia = await createPerson(t().system, { name: "Pia Praktiserende", email: "pia@laegehuset.dk" });
    await createMembership(t().system, { personId: pia.id, bodyId: w.ssu.id, role: "member" });
    piaPerson = pia.id;
    t().rv.accounts.set("pia-001", {
      name: "Pia Praktiserende",
      email: "pia@laegehuset.dk",
      email_verified: true,
    });
  });

  it("shows a button per provider on /log-ind", async () => {
    const html = await (await new CookieBrowser().fetch(`${t().base}/log-ind`)).text();
    expect(html).toContain('href="/log-ind/oidc/rv"');
    expect(html).toContain("Log ind med Region Vestkyst");
    expect(html).toContain("Log ind med Kystby Kommune");
  });

  it("first login is pending; the secretariat links it to Pia; then Pia is logged in and reads the closed item", async () => {
    const pia = new CookieBrowser();
    const first = await loginThroughProvider(pia, t().base, "rv", "pia-001");
    expect(first.status).toBe(403);
    expect(await first.text()).toContain("afventer godkendelse");
    expect(await whoAmI(pia, t().base)).toBeNull();
    const [pending] = await t()
      .database.db.select()
      .from(oidcIdentities)
      .where(eq(oidcIdentities.subject, "pia-001"));
    expect(pending).toMatchObject({
      status: "pending",
      email: "pia@laegehuset.dk",
      userId: null,
      provider: "rv",
    });

    // The secretariat of SSU sees the request and may link it only to members of SSU without a login.
    const secretary = new CookieBrowser();
    expect(
      (await passwordLogin(secretary, t().base, "sekretaer@test.dk", "korrekt-hest-batteri")).status,
    ).toBe(303);
    const page = await (await secretary.fetch(`${t().base}/adgang/afventende`)).text();
    expect(page).toContain("Pia Praktiserende");
    expect(page).toContain(`value="${piaPerson}" selected`);
    expect(page).not.toContain(`value="${w.people.member.id}"`);
    const _csrf = await csrfOf(secretary, `${t().base}/adgang/afventende`);
    const url = `${t().base}/adgang/afventende/${pending?.id}/godkend`;
    const stranger = await secretary.fetch(url, { form: { _csrf, personId: String(w.people.member.id) } });
    expect(stranger.status).toBe(403);
    expect((await secretary.fetch(url, { form: { _csrf, personId: String(piaPerson) } })).status).toBe(303);

    const second = await loginThroughProvider(pia, t().base, "rv", "pia-001");
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe("/arbejdsrum");
    const me = await whoAmI(pia, t().base);
    expect(me?.email).toBe("pia@laegehuset.dk");
    const closed = await pia.fetch(`${t().base}/api/v1/items/${w.items.closed.id}`);
    expect(((await closed.json()) as { redacted: boolean }).redacted).toBe(false);
  });

  it("matches by issuer and subject, not e-mail: a changed (and an unverified) e-mail is the same user", async () => {
    const before = await whoAmI(await loggedIn("pia-001"), t().base);
    t().rv.accounts.set("pia-001", {
      name: "Pia P. Hansen",
      email: "pia.hansen@nyt.dk",
      email_verified: false,
    });
    const after = await whoAmI(await loggedIn("pia-001"), t().base);
    expect(after?.id).toBe(before?.id);
    const rows = await t()
      .database.db.select()
      .from(oidcIdentities)
      .where(eq(oidcIdentities.subject, "pia-001"));
    expect(rows).toHaveLength(1);
    // The unverified address is not kept; the name is refreshed.
    expect(rows[0]).toMatchObject({ email: null, name: "Pia P. Hansen" });
    // Another provider's person with the same subject is someone else (refused there: unknown).
    t().kk.accounts.set("pia-001", {
      name: "Pia fra kommunen",
      email: "pia@laegehuset.dk",
      email_verified: true,
    });
    const other = await loginThroughProvider(new CookieBrowser(), t().base, "kk", "pia-001");
    expect(other.status).toBe(403);
    expect(await other.text()).toContain("giver ikke adgang");
    expect(
      await t().database.db.select().from(oidcIdentities).where(eq(oidcIdentities.issuer, t().kk.issuer)),
    ).toHaveLength(0);
  });

  async function loggedIn(sub: string) {
    const browser = new CookieBrowser();
    expect((await loginThroughProvider(browser, t().base, "rv", sub)).status).toBe(303);
    return browser;
  }

  async function refused(browser: CookieBrowser, res: Response) {
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Log ind hos Region Vestkyst lykkedes ikke");
    expect(await whoAmI(browser, t().base)).toBeNull();
  }

  it("refuses a forged ID token: claims changed after signing, or signed with another key under the right kid", async () => {
    try {
      t().rv.tamper = async (token) => {
        const [head, , sig] = token.split(".");
        const claims = { ...decodeJwt(token), sub: "pia-001" };
        return `${head}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${sig}`;
      };
      t().rv.accounts.set("mallory", { name: "Mallory" });
      let browser = new CookieBrowser();
      await refused(browser, await loginThroughProvider(browser, t().base, "rv", "mallory"));
      const { privateKey } = await generateKeyPair("RS256", { extractable: true });
      const kid = t().rv.keys[0]?.kid ?? "";
      t().rv.tamper = async (token) =>
        new SignJWT({ ...decodeJwt(token), sub: "pia-001" })
          .setProtectedHeader({ alg: "RS256", kid })
          .sign(privateKey);
      browser = new CookieBrowser();
      await refused(browser, await loginThroughProvider(browser, t().base, "rv", "mallory"));
      expect(await exportJWK(privateKey)).toBeTruthy();
    } finally {
      t().rv.tamper = null;
    }
  });

  it("refuses an expired ID token signed with the provider's own key", async () => {
    try {
      const jwk = t().rv.keys[0];
      const key = await importJWK(jwk ?? {}, "RS256");
      const now = Math.floor(Date.now() / 1000);
      t().rv.tamper = async (token) =>
        new SignJWT({ ...decodeJwt(token), iat: now - 7200, exp: now - 3600 })
          .setProtectedHeader({ alg: "RS256", kid: jwk?.kid ?? "" })
          .sign(key);
      const browser = new CookieBrowser();
      await refused(browser, await loginThroughProvider(browser, t().base, "rv", "pia-001"));
    } finally {
      t().rv.tamper = null;
    }
  });

  it("refuses a wrong state and a wrong nonce", async () => {
    let browser = new CookieBrowser();
    const wrongState = await loginThroughProvider(browser, t().base, "rv", "pia-001", (url) => {
      url.searchParams.set("state", "en-anden-tilstand");
      return url;
    });
    await refused(browser, wrongState);
    browser = new CookieBrowser();
    const wrongNonce = await loginThroughProvider(browser, t().base, "rv", "pia-001", (url) => {
      const jar = browser.jar(t().base);
      const flow = JSON.parse(Buffer.from(jar.get("tvaers_oidc") ?? "", "base64url").toString()) as {
        n: string;
      };
      jar.set(
        "tvaers_oidc",
        Buffer.from(JSON.stringify({ ...flow, n: "en-anden-nonce" })).toString("base64url"),
      );
      return url;
    });
    await refused(browser, wrongNonce);
    // Without the flow cookie (another browser, or too late) the answer is refused too.
    browser = new CookieBrowser();
    const noFlow = await loginThroughProvider(browser, t().base, "rv", "pia-001", (url) => {
      browser.jar(t().base).delete("tvaers_oidc");
      return url;
    });
    expect(noFlow.status).toBe(400);
    expect(await noFlow.text()).toContain("Prøv igen");
  });

  it("follows the provider's key rotation (a new key, once the cached key set is a minute old)", async () => {
    await t().rv.rotateKeys();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000, shouldAdvanceTime: true });
    try {
      const browser = new CookieBrowser();
      const res = await loginThroughProvider(browser, t().base, "rv", "pia-001");
      expect(res.status).toBe(303);
      expect((await whoAmI(browser, t().base))?.email).toBe("pia@laegehuset.dk");
    } finally {
      vi.useRealTimers();
    }
  });

  it("says so in Danish when a provider is down; password login still works", async () => {
    const browser = new CookieBrowser();
    const res = await browser.fetch(`${t().base}/log-ind/oidc/nede`);
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(html).toContain("Region Nede svarer ikke lige nu");
    expect(html).toContain('name="password"');
    expect((await passwordLogin(browser, t().base, "medlem@test.dk", "korrekt-hest-batteri")).status).toBe(
      303,
    );
    expect((await whoAmI(browser, t().base))?.email).toBe("medlem@test.dk");
  });
});
