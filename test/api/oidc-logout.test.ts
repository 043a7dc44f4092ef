import { exportJWK, generateKeyPair, importJWK, SignJWT } from "jose";
import { expect, it } from "vitest";
import { confirmIdentity } from "../../src/modules/auth/oidc.service.ts";
import { oidcIdentities } from "../../src/modules/auth/oidc.tables.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";
import { csrfOf, passwordLogin, useOidcApp, whoAmI } from "../helpers/oidc-app.ts";
import { CookieBrowser, loginThroughProvider, logoutAtProvider } from "../helpers/oidc-provider.ts";

/**
 * Logout of a provider login against a real OpenID Provider: Tværs' own logout ends the session and
 * offers the provider's end_session_endpoint (RP-initiated logout); the provider's back-channel logout
 * ends the Tværs sessions of that provider session; a logout token not signed by the provider is refused.
 */
describeEachDatabase("OpenID Connect logout", (kind) => {
  const t = useOidcApp(kind);
  let w: World;

  it("arranges a member whose provider identity is confirmed", async () => {
    w = await seedWorld(t().system);
    t().rv.accounts.set("mette", { name: "Mette Medlem", email: "medlem@test.dk", email_verified: true });
    const first = await loginThroughProvider(new CookieBrowser(), t().base, "rv", "mette");
    expect(first.status).toBe(403);
    const [identity] = await t().database.db.select().from(oidcIdentities);
    await confirmIdentity(t().system, { identityId: identity?.id ?? 0, personId: w.people.member.id });
  });

  async function loggedIn() {
    const browser = new CookieBrowser();
    expect((await loginThroughProvider(browser, t().base, "rv", "mette")).status).toBe(303);
    expect((await whoAmI(browser, t().base))?.email).toBe("medlem@test.dk");
    return browser;
  }

  it("logs out of Tværs and links to the provider's logout, which ends the provider's session", async () => {
    const browser = await loggedIn();
    const _csrf = await csrfOf(browser, `${t().base}/log-ud`);
    const res = await browser.fetch(`${t().base}/log-ud`, { form: { _csrf } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Log også ud hos Region Vestkyst");
    expect(await whoAmI(browser, t().base)).toBeNull();
    const link = /href="([^"]*\/session\/end[^"]*)"/.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? "";
    const endSession = new URL(link);
    expect(endSession.origin).toBe(t().rv.issuer);
    expect(endSession.searchParams.get("id_token_hint")).toBeTruthy();
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe(`${t().base}/`);
    const done = await logoutAtProvider(browser, endSession.href);
    let location = done.headers.get("location") ?? "";
    for (let hop = 0; location && !location.startsWith(t().base) && hop < 5; hop++) {
      location = (await browser.fetch(new URL(location, t().rv.issuer))).headers.get("location") ?? "";
    }
    expect(location).toBe(`${t().base}/`);
    // The provider's session is gone: the next login asks for the login name again.
    const again = await browser.fetch(`${t().base}/log-ind/oidc/rv`);
    const atProvider = await browser.fetch(again.headers.get("location") ?? "");
    const page = await browser.fetch(new URL(atProvider.headers.get("location") ?? "", t().rv.issuer));
    expect(await page.text()).toContain('name="login"');
  });

  it("a password login's logout simply ends the session", async () => {
    const browser = new CookieBrowser();
    expect((await passwordLogin(browser, t().base, "formand@test.dk", "korrekt-hest-batteri")).status).toBe(
      303,
    );
    const _csrf = await csrfOf(browser, `${t().base}/log-ud`);
    const res = await browser.fetch(`${t().base}/log-ud`, { form: { _csrf } });
    expect(res.status).toBe(303);
    expect(await whoAmI(browser, t().base)).toBeNull();
  });

  it("ends the Tværs session when the provider sends a back-channel logout", async () => {
    const browser = await loggedIn();
    const other = await loggedIn();
    await logoutAtProvider(browser, `${t().rv.issuer}/session/end`);
    expect(await whoAmI(browser, t().base)).toBeNull();
    // Another provider session of the same person (another browser) lives on: the token names the sid.
    expect((await whoAmI(other, t().base))?.email).toBe("medlem@test.dk");
  });

  it("refuses a logout token that the provider did not sign, or that is not a logout token", async () => {
    const browser = await loggedIn();
    const url = `${t().base}/api/v1/auth/oidc/rv/backchannel-logout`;
    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    const claims = {
      iss: t().rv.issuer,
      aud: "tvaers-rv",
      sub: "mette",
      jti: "x1",
      events: { "http://schemas.openid.net/event/backchannel-logout": {} },
    };
    const kid = t().rv.keys[0]?.kid ?? "";
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid })
      .setIssuedAt()
      .sign(privateKey);
    const post = (token: string) =>
      fetch(url, { method: "POST", body: new URLSearchParams({ logout_token: token }) }).then(
        (r) => r.status,
      );
    expect(await post(forged)).toBe(400);
    // Signed by the provider's own key, but an ID token (no logout event) or carrying a nonce: refused.
    const key = await importJWK(t().rv.keys[0] ?? {}, "RS256");
    const sign = (c: Record<string, unknown>) =>
      new SignJWT(c).setProtectedHeader({ alg: "RS256", kid }).setIssuedAt().sign(key);
    expect(await post(await sign({ ...claims, events: undefined }))).toBe(400);
    expect(await post(await sign({ ...claims, nonce: "n" }))).toBe(400);
    expect(await post(await sign({ ...claims, aud: "someone-else" }))).toBe(400);
    expect((await whoAmI(browser, t().base))?.email).toBe("medlem@test.dk");
    // The same claims, rightly signed: every session of the subject ends.
    expect(await post(await sign(claims))).toBe(200);
    expect(await whoAmI(browser, t().base)).toBeNull();
    expect(await exportJWK(privateKey)).toBeTruthy();
  });
});
