import { z } from "zod";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** One organisation's OpenID Provider, as configured in TVAERS_OIDC_PROVIDERS. */
const ZOidcProvider = z
  .object({
    /** short name used in addresses (/log-ind/oidc/<id>) and stored with each identity */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "id: små bogstaver, tal og bindestreg (højst 32 tegn)"),
    /** the button reads "Log ind med <label>" */
    label: z.string().trim().min(2, "label mangler").max(80),
    issuer: z.url("issuer skal være en URL"),
    clientId: z.string().min(1, "clientId mangler"),
    clientSecret: z.string().min(1, "clientSecret mangler"),
    scopes: z.string().default("openid email profile"),
    /** an unknown person's first login: a pending account that an admin or secretariat confirms, or refused */
    onUnknown: z.enum(["pending", "refuse"]).default("pending"),
    /** the ID token claim holding the person's groups */
    groupsClaim: z.string().min(1).default("groups"),
    /** provider group → Tværs party id (shown to whoever confirms, stored with the identity) */
    groupParties: z.record(z.string(), z.number().int().positive()).default({}),
  })
  .strict()
  .superRefine((p, ctx) => {
    const url = new URL(p.issuer);
    // Plain http only on this machine (a local test provider); elsewhere codes and tokens would travel in clear.
    if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
      ctx.addIssue({
        code: "custom",
        path: ["issuer"],
        message: "issuer skal bruge https (http kun på 127.0.0.1/localhost)",
      });
    }
    if (!p.scopes.split(/\s+/).includes("openid")) {
      ctx.addIssue({ code: "custom", path: ["scopes"], message: "scopes skal indeholde openid" });
    }
  });

export type OidcProviderSetting = z.output<typeof ZOidcProvider>;

/** TVAERS_OIDC_PROVIDERS: a JSON list of providers with unique ids. */
export const ZOidcProviders = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'skal være en JSON-liste af udbydere, fx [{"id":"rm", …}]' });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(ZOidcProvider).superRefine((list, ctx) => {
      const seen = new Set<string>();
      for (const [i, p] of list.entries()) {
        if (seen.has(p.id)) {
          ctx.addIssue({ code: "custom", path: [i, "id"], message: `id "${p.id}" bruges to gange` });
        }
        seen.add(p.id);
      }
    }),
  );
