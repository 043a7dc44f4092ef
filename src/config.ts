import path from "node:path";
import { z } from "zod";
import { type OidcProviderSetting, ZOidcProviders } from "./modules/auth/oidc.settings.ts";

const ZBool = z
  .enum(["0", "1", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  DATABASE_URL: z.string().url().optional(),
  TVAERS_DATA_DIR: z.string().min(1).default("./data"),
  TVAERS_DEMO: ZBool.default(true),
  TVAERS_TEMPLATE_DIR: z.string().min(1).optional(),
  TVAERS_SECURE_COOKIES: ZBool.default(false),
  TVAERS_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  TVAERS_MAX_BODY_KB: z.coerce
    .number()
    .int()
    .min(16)
    .max(1024 * 64)
    .default(1024),
  TVAERS_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(50),
  TVAERS_IMPORT_MAX_PDF_PAGES: z.coerce.number().int().min(1).max(100_000).default(2000),
  TVAERS_PUBLIC_URL: z.url().optional(),
  TVAERS_DATA_LICENSE: z.url().default("https://creativecommons.org/licenses/by/4.0/"),
  TVAERS_CONTACT_EMAIL: z.email().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TVAERS_SMTP_URL: z.string().url().optional(),
  TVAERS_MAIL_FROM: z.string().min(3).default("Tværs <noreply@tvaers.invalid>"),
  TVAERS_ALERT_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(15),
  TVAERS_OIDC_PROVIDERS: ZOidcProviders.optional(),
  TVAERS_TOTP_REQUIRED: ZBool.default(false),
});

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; when undefined, embedded PGlite in dataDir */
  databaseUrl: string | undefined;
  /** absolute path of the PGlite data folder; "memory://" for an in-memory database */
  dataDir: string;
  demo: boolean;
  /** the install's database templates (undefined: node_modules/.cache/tvaers; null: never use them) */
  templateDir: string | null | undefined;
  secureCookies: boolean;
  sessionHours: number;
  maxBodyBytes: number;
  maxUploadBytes: number;
  /** pages a PDF may have to be imported or have its text extracted (the importer's page limit) */
  importMaxPdfPages: number;
  logLevel: string;
  /** the site's public origin (e.g. https://tvaers.regionvestkyst.dk) for absolute links; else from the request */
  publicUrl: string | undefined;
  /** the licence of the public data (OParl System and Body `license`) */
  dataLicense: string;
  /** whom to write about the public data (OParl `contactEmail`); unset = not stated */
  contactEmail: string | undefined;
  /** SMTP server for e-mail (smtp://user:pass@host:port or smtps://…); unset = no e-mail */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** minutes between search alert runs in the server; 0 = never (use `tvaers alerts send`) */
  alertMinutes: number;
  /** organisations' OpenID Providers, one login button each (docs/login.md) */
  oidcProviders: OidcProviderSetting[];
  /** admins and secretaries must use a TOTP code after their password */
  totpRequired: boolean;
}

/** Parses every setting once at boot; throws a readable message on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most tools.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = ZEnv.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Ugyldig konfiguration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.TVAERS_DATA_DIR === "memory://" ? "memory://" : path.resolve(e.TVAERS_DATA_DIR),
    demo: e.TVAERS_DEMO,
    templateDir:
      e.TVAERS_TEMPLATE_DIR === "off"
        ? null
        : e.TVAERS_TEMPLATE_DIR
          ? path.resolve(e.TVAERS_TEMPLATE_DIR)
          : undefined,
    secureCookies: e.TVAERS_SECURE_COOKIES,
    sessionHours: e.TVAERS_SESSION_HOURS,
    maxBodyBytes: e.TVAERS_MAX_BODY_KB * 1024,
    maxUploadBytes: e.TVAERS_MAX_UPLOAD_MB * 1024 * 1024,
    importMaxPdfPages: e.TVAERS_IMPORT_MAX_PDF_PAGES,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.TVAERS_PUBLIC_URL?.replace(/\/+$/, ""),
    dataLicense: e.TVAERS_DATA_LICENSE,
    contactEmail: e.TVAERS_CONTACT_EMAIL,
    smtpUrl: e.TVAERS_SMTP_URL,
    mailFrom: e.TVAERS_MAIL_FROM,
    alertMinutes: e.TVAERS_ALERT_MINUTES,
    oidcProviders: e.TVAERS_OIDC_PROVIDERS ?? [],
    totpRequired: e.TVAERS_TOTP_REQUIRED,
  };
}

/** A config for tests: in-memory database, no demo, quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ TVAERS_DATA_DIR: "memory://", TVAERS_DEMO: "0", LOG_LEVEL: "silent" }),
    ...overrides,
  };
}
