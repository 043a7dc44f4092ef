import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";

const base = { TVAERS_DATA_DIR: "memory://" };
const one = {
  id: "rv",
  label: "Region Vestkyst",
  issuer: "https://login.rv.dk",
  clientId: "c",
  clientSecret: "s",
};
const load = (providers: unknown) =>
  loadConfig({
    ...base,
    TVAERS_OIDC_PROVIDERS: typeof providers === "string" ? providers : JSON.stringify(providers),
  });

/** TVAERS_OIDC_PROVIDERS is checked at start, with messages that name the setting and the field. */
describe("OpenID provider settings", () => {
  it("takes a list with defaults for scopes, the unknown-person policy and groups", () => {
    expect(loadConfig(base).oidcProviders).toEqual([]);
    expect(load([one]).oidcProviders).toEqual([
      {
        ...one,
        scopes: "openid email profile",
        onUnknown: "pending",
        groupsClaim: "groups",
        groupParties: {},
      },
    ]);
    expect(load([{ ...one, issuer: "http://127.0.0.1:4000" }]).oidcProviders[0]?.issuer).toBe(
      "http://127.0.0.1:4000",
    );
  });

  it.each([
    ["[{", "TVAERS_OIDC_PROVIDERS: skal være en JSON-liste"],
    [[{ ...one, issuer: "http://login.rv.dk" }], "TVAERS_OIDC_PROVIDERS.0.issuer: issuer skal bruge https"],
    [[{ ...one, clientSecret: "" }], "TVAERS_OIDC_PROVIDERS.0.clientSecret: clientSecret mangler"],
    [[{ ...one, scopes: "email" }], "TVAERS_OIDC_PROVIDERS.0.scopes: scopes skal indeholde openid"],
    [[{ ...one, onUnknown: "create" }], "TVAERS_OIDC_PROVIDERS.0.onUnknown"],
    [[{ ...one, id: "Region RV" }], "TVAERS_OIDC_PROVIDERS.0.id: id: små bogstaver"],
    [[{ ...one, clientid: "x" }], "TVAERS_OIDC_PROVIDERS.0"],
    [[one, one], 'TVAERS_OIDC_PROVIDERS.1.id: id "rv" bruges to gange'],
    [[{ ...one, groupParties: { a: "Region" } }], "TVAERS_OIDC_PROVIDERS.0.groupParties.a"],
  ])("refuses %j", (value, message) => {
    expect(() => load(value)).toThrow(message);
  });

  it("reads TVAERS_TOTP_REQUIRED", () => {
    expect(loadConfig(base).totpRequired).toBe(false);
    expect(loadConfig({ ...base, TVAERS_TOTP_REQUIRED: "1" }).totpRequired).toBe(true);
    expect(() => loadConfig({ ...base, TVAERS_TOTP_REQUIRED: "måske" })).toThrow("TVAERS_TOTP_REQUIRED");
  });
});
