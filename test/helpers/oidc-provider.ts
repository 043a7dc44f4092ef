import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import Provider from "oidc-provider";

/** What the test provider knows about a person (the ID token's claims besides sub). */
export interface TestAccount {
  name?: string;
  email?: string;
  email_verified?: boolean;
  groups?: string[];
}

export interface ClientSetup {
  clientId: string;
  clientSecret: string;
  /** the Tværs origin, e.g. http://127.0.0.1:41234 */
  appBase: string;
  /** the provider's id in TVAERS_OIDC_PROVIDERS */
  providerId: string;
}

async function signingKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString("hex"), alg: "RS256", use: "sig" };
}

/**
 * A real OpenID Provider (the oidc-provider package) on 127.0.0.1, for tests: its own login and
 * consent pages (devInteractions: any login name is accepted as the subject), RP-initiated and
 * back-channel logout, PKCE required. The port is taken at start, the client registered later (once
 * Tværs listens), keys can be rotated, and `tamper` may rewrite the ID token of token responses.
 */
export class TestProvider {
  readonly accounts = new Map<string, TestAccount>();
  /** rewrites the ID token in the token endpoint's answer (forged or expired tokens) */
  tamper: ((idToken: string) => Promise<string>) | null = null;
  /** the claims of a login name not in `accounts` (undefined: such a login fails) */
  anyAccount: ((sub: string) => TestAccount) | null = null;
  keys: JWK[] = [];
  private provider: Provider | null = null;
  private client: ClientSetup | null = null;
  private readonly cookieKeys = [randomBytes(16).toString("hex")];

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  /** Starts listening on 127.0.0.1 (a free port unless one is given). */
  static async start(port = 0): Promise<TestProvider> {
    let self: TestProvider | null = null;
    const server = createServer((req, res) => self?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    const address = server.address() as AddressInfo;
    self = new TestProvider(server, `http://127.0.0.1:${address.port}`);
    return self;
  }

  /** Registers Tværs as the client; the provider answers from now on. */
  async register(client: ClientSetup): Promise<void> {
    this.client = client;
    this.keys = [await signingKey()];
    this.build();
  }

  /** A new signing key, published first (so it signs from now on); the old one stays published. */
  async rotateKeys(): Promise<void> {
    this.keys = [await signingKey(), ...this.keys];
    this.build();
  }

  private build() {
    const client = this.client;
    if (!client) {
      throw new Error("register() first");
    }
    const accounts = this.accounts;
    const anyAccount = () => this.anyAccount;
    this.provider = new Provider(this.issuer, {
      clients: [
        {
          client_id: client.clientId,
          client_secret: client.clientSecret,
          redirect_uris: [`${client.appBase}/log-ind/oidc/${client.providerId}/callback`],
          post_logout_redirect_uris: [`${client.appBase}/`],
          backchannel_logout_uri: `${client.appBase}/api/v1/auth/oidc/${client.providerId}/backchannel-logout`,
          backchannel_logout_session_required: true,
        },
      ],
      jwks: { keys: this.keys },
      cookies: { keys: this.cookieKeys },
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
      scopes: ["openid", "email", "profile", "groups"],
      conformIdTokenClaims: false,
      features: {
        devInteractions: { enabled: true },
        backchannelLogout: { enabled: true },
        rpInitiatedLogout: { enabled: true },
      },
      pkce: { required: () => true },
      findAccount: async (_ctx, sub) => {
        const account = accounts.get(sub) ?? anyAccount()?.(sub);
        return account ? { accountId: sub, claims: async () => ({ sub, ...account }) } : undefined;
      },
      // Its guard against requests to special-use addresses would stop the back-channel logout to
      // Tværs on 127.0.0.1; a provider on the internet keeps it.
      fetch: (url, options) => globalThis.fetch(url, { ...options, dispatcher: undefined } as RequestInit),
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const provider = this.provider;
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    const tamper = this.tamper;
    if (tamper && req.method === "POST" && req.url?.startsWith("/token")) {
      // Catch the token response and swap its ID token before it leaves.
      const end = res.end.bind(res);
      res.end = ((chunk?: unknown) => {
        const body = JSON.parse(String(chunk)) as { id_token?: string };
        void (async () => {
          if (body.id_token) {
            body.id_token = await tamper(body.id_token);
          }
          const text = JSON.stringify(body);
          res.setHeader("content-length", Buffer.byteLength(text));
          end(text);
        })();
        return res;
      }) as typeof res.end;
    }
    provider.callback()(req, res);
  }

  /** The provider goes away (the port stays taken by nothing: connections are refused). */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A cookie-keeping fetch: the "browser" of the API tests (cookies per origin, paths ignored). */
export class CookieBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  jar(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) {
      jar = new Map();
      this.jars.set(origin, jar);
    }
    return jar;
  }

  async fetch(
    url: string | URL,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const target = new URL(url);
    const jar = this.jar(target.origin);
    const headers: Record<string, string> = {};
    if (jar.size) {
      headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    }
    let body: string | undefined;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(target, {
      method: init.method ?? (body ? "POST" : "GET"),
      headers,
      body,
      redirect: "manual",
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (gone || value === "") {
        jar.delete(name);
      } else {
        jar.set(name, value);
      }
    }
    return res;
  }
}

const attr = (html: string, re: RegExp) => re.exec(html)?.[1]?.replaceAll("&amp;", "&");

/**
 * Logs in through the provider as `login` (its own login and consent pages, posted like a browser
 * would), starting at Tværs' button. Stops at Tværs' callback: `beforeCallback` may change the browser
 * or the address first (wrong state, nonce); returns Tværs' answer to the callback.
 */
export async function loginThroughProvider(
  browser: CookieBrowser,
  appBase: string,
  providerId: string,
  login: string,
  beforeCallback?: (callback: URL) => URL,
): Promise<Response> {
  let res = await browser.fetch(`${appBase}/log-ind/oidc/${providerId}`);
  for (let hop = 0; hop < 20; hop++) {
    const location = res.headers.get("location");
    if (location) {
      const next = new URL(location, res.url);
      if (next.href.startsWith(`${appBase}/log-ind/oidc/${providerId}/callback`)) {
        return browser.fetch(beforeCallback ? beforeCallback(next) : next);
      }
      res = await browser.fetch(next);
      continue;
    }
    const html = await res.text();
    const action = attr(html, /<form[^>]*action="([^"]+)"/);
    if (!action || res.url.startsWith(appBase)) {
      return new Response(html, { status: res.status });
    }
    const submit = new URL(action, res.url);
    res = html.includes('name="login"')
      ? await browser.fetch(submit, { form: { prompt: "login", login, password: "hvad-som-helst" } })
      : await browser.fetch(submit, { form: { prompt: "consent" } });
  }
  throw new Error("loginThroughProvider: too many hops");
}

/** Ends the browser's session at the provider (its logout page, "yes"), which sends back-channel logouts. */
export async function logoutAtProvider(browser: CookieBrowser, url: string): Promise<Response> {
  const page = await browser.fetch(url);
  const html = await page.text();
  const action = attr(html, /<form[^>]*action="([^"]+)"/);
  const xsrf = attr(html, /name="xsrf" value="([^"]+)"/);
  if (!action || !xsrf) {
    throw new Error(`logoutAtProvider: no logout form (${page.status})`);
  }
  return browser.fetch(new URL(action, url), { form: { xsrf, logout: "yes" } });
}
