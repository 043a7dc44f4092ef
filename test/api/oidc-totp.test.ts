import { Secret, TOTP } from "otpauth";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld } from "../helpers/factories.ts";
import { csrfOf, passwordLogin, useOidcApp, whoAmI } from "../helpers/oidc-app.ts";
import { CookieBrowser } from "../helpers/oidc-provider.ts";

const PASSWORD = "korrekt-hest-batteri";

/** The code an authenticator app shows for the secret, `steps` periods of 30 s from now. */
const codeFor = (secret: string, steps = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + steps * 30_000 });

const secretIn = (html: string) =>
  /id="totp-secret"[^>]*>([A-Z2-7 ]+)</.exec(html)?.[1]?.replaceAll(" ", "") ?? "";
const challengeIn = (html: string) => /name="challenge" value="([^"]+)"/.exec(html)?.[1] ?? "";

/**
 * TOTP after the password, with TVAERS_TOTP_REQUIRED on: admins and secretaries enrol at their next
 * login (the key shown for typing in), then give a code at each login; a wrong and a replayed code are
 * refused, on the pages and the API. Others may turn it on at /konto/totrin.
 */
describeEachDatabase("TOTP two-factor login", (kind) => {
  const t = useOidcApp(kind, { TVAERS_TOTP_REQUIRED: "1" });
  let secret = "";
  let used = "";

  it("arranges a world", async () => {
    await seedWorld(t().system);
  });

  it("a member without TOTP logs in with the password alone", async () => {
    const browser = new CookieBrowser();
    expect((await passwordLogin(browser, t().base, "medlem@test.dk", PASSWORD)).status).toBe(303);
    expect((await whoAmI(browser, t().base))?.email).toBe("medlem@test.dk");
  });

  it("a secretary must enrol at login: the key is shown, a wrong code refused, the first right code logs in", async () => {
    const browser = new CookieBrowser();
    const page = await passwordLogin(browser, t().base, "sekretaer@test.dk", PASSWORD);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("skal du bruge totrinsbekræftelse");
    expect(html).toContain("otpauth://totp/");
    secret = secretIn(html);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await whoAmI(browser, t().base)).toBeNull();
    const _csrf = await csrfOf(browser, `${t().base}/log-ind`);
    const challenge = challengeIn(html);
    const wrong = await browser.fetch(`${t().base}/log-ind/kode`, {
      form: { _csrf, challenge, code: "000000" },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("forkert eller allerede brugt");
    used = codeFor(secret, -1);
    const right = await browser.fetch(`${t().base}/log-ind/kode`, { form: { _csrf, challenge, code: used } });
    expect(right.status).toBe(303);
    expect((await whoAmI(browser, t().base))?.email).toBe("sekretaer@test.dk");
  });

  async function codeStep(code: string) {
    const browser = new CookieBrowser();
    const page = await passwordLogin(browser, t().base, "sekretaer@test.dk", PASSWORD);
    const html = await page.text();
    expect(html).toContain("Skriv den 6-cifrede kode");
    const _csrf = await csrfOf(browser, `${t().base}/log-ind`);
    const res = await browser.fetch(`${t().base}/log-ind/kode`, {
      form: { _csrf, challenge: challengeIn(html), code },
    });
    return { res, browser };
  }

  it("then asks for a code at each login: a wrong and a replayed code are refused, a new one accepted", async () => {
    expect((await codeStep("123456")).res.status).toBe(401);
    expect((await codeStep(used)).res.status).toBe(401);
    used = codeFor(secret, 0);
    const { res, browser } = await codeStep(used);
    expect(res.status).toBe(303);
    expect((await whoAmI(browser, t().base))?.email).toBe("sekretaer@test.dk");
    const again = await codeStep(used);
    expect(again.res.status).toBe(401);
    expect(await whoAmI(again.browser, t().base)).toBeNull();
  });

  it("the API asks for the code too, and refuses a replayed one", async () => {
    const login = (body: Record<string, string>) =>
      fetch(`${t().base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "sekretaer@test.dk", password: PASSWORD, ...body }),
      });
    const none = await login({});
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("second_factor_required");
    const replay = await login({ code: used });
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe("invalid_second_factor");
    expect((await login({ code: codeFor(secret, 1) })).status).toBe(200);
    // An admin who has not enrolled cannot get round it through the API.
    const admin = await fetch(`${t().base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@test.dk", password: PASSWORD }),
    });
    expect(((await admin.json()) as { error: { code: string } }).error.code).toBe("second_factor_required");
  });

  it("a member may turn TOTP on at /konto/totrin, and then needs a code", async () => {
    const browser = new CookieBrowser();
    await passwordLogin(browser, t().base, "medlem@test.dk", PASSWORD);
    const html = await (await browser.fetch(`${t().base}/konto/totrin`)).text();
    const own = secretIn(html);
    const _csrf = await csrfOf(browser, `${t().base}/konto/totrin`);
    expect(
      (await browser.fetch(`${t().base}/konto/totrin`, { form: { _csrf, code: "999999" } })).status,
    ).toBe(401);
    const ok = await browser.fetch(`${t().base}/konto/totrin`, { form: { _csrf, code: codeFor(own, 0) } });
    expect(ok.status).toBe(303);
    expect(await (await browser.fetch(`${t().base}/konto/totrin`)).text()).toContain(
      "slået til for din konto",
    );
    const next = await passwordLogin(new CookieBrowser(), t().base, "medlem@test.dk", PASSWORD);
    expect(next.status).toBe(200);
    expect(await next.text()).toContain("Skriv den 6-cifrede kode");
  });

  it("counts wrong codes as failed logins: after ten, even the right password is held back (429)", async () => {
    for (let round = 0; round < 2; round++) {
      const browser = new CookieBrowser();
      const html = await (await passwordLogin(browser, t().base, "medlem@test.dk", PASSWORD)).text();
      const _csrf = await csrfOf(browser, `${t().base}/log-ind`);
      for (let i = 0; i < 5; i++) {
        const res = await browser.fetch(`${t().base}/log-ind/kode`, {
          form: { _csrf, challenge: challengeIn(html), code: String(100000 + round * 10 + i) },
        });
        expect(res.status).toBe(401);
      }
    }
    const blocked = await passwordLogin(new CookieBrowser(), t().base, "medlem@test.dk", PASSWORD);
    expect(blocked.status).toBe(429);
  });
});
