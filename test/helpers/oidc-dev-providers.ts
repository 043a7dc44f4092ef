/**
 * Two local OpenID Providers for trying "Log ind med …" by hand (docs/login.md):
 *
 *   node --import tsx test/helpers/oidc-dev-providers.ts [http://localhost:3000]
 *
 * "Region Vestkyst" on 127.0.0.1:4101 and "Kystby Kommune" on 127.0.0.1:4102, with the same test
 * provider the tests use: any login name is accepted and becomes the subject (sub), with the e-mail
 * <name>@<organisation>.test marked as verified. Prints the TVAERS_OIDC_PROVIDERS line to start Tværs with.
 */
import { TestProvider } from "./oidc-provider.ts";

const appBase = (process.argv[2] ?? "http://localhost:3000").replace(/\/+$/, "");
const setups = [
  { id: "rv", label: "Region Vestkyst", port: 4101, domain: "regionvestkyst.test", onUnknown: "pending" },
  { id: "kk", label: "Kystby Kommune", port: 4102, domain: "kystby.test", onUnknown: "pending" },
];

const settings = [];
for (const s of setups) {
  const provider = await TestProvider.start(s.port);
  const clientSecret = `lokal-${s.id}-hemmelighed`;
  provider.anyAccount = (sub) => ({ name: sub, email: `${sub}@${s.domain}`, email_verified: true });
  await provider.register({ clientId: `tvaers-${s.id}`, clientSecret, appBase, providerId: s.id });
  settings.push({
    id: s.id,
    label: s.label,
    issuer: provider.issuer,
    clientId: `tvaers-${s.id}`,
    clientSecret,
    onUnknown: s.onUnknown,
  });
  console.log(`${s.label}: ${provider.issuer}`);
}
console.log(
  `\nStart Tværs (${appBase}) with:\n\nTVAERS_OIDC_PROVIDERS='${JSON.stringify(settings)}' npm start\n`,
);
