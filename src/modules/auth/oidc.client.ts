import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import * as oidc from "openid-client";
import type { OidcProviderSetting } from "./oidc.settings.ts";

/** How long a provider's discovery document is kept before it is fetched again. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
/** A provider that does not answer within this is "down" (a login page must not hang). */
const TIMEOUT_MS = 5000;
const BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";

/** The provider could not be reached (network, timeout, a 5xx or a broken discovery document). */
export class ProviderUnavailableError extends Error {}

interface Entry {
  config: oidc.Configuration;
  fetchedAt: number;
  /** the provider's keys for logout tokens (jose refetches on an unknown key id, at most every 30 s) */
  jwks: ReturnType<typeof createRemoteJWKSet>;
}

export interface LoginStart {
  url: string;
  /** kept in the browser's flow cookie until the callback */
  state: string;
  nonce: string;
  verifier: string;
}

export interface LoginResult {
  claims: oidc.IDToken;
  idToken: string;
}

const timedFetch: oidc.CustomFetch = (url, options) =>
  fetch(url, { ...options, signal: AbortSignal.timeout(TIMEOUT_MS) } as RequestInit);

/**
 * The configured providers through openid-client: discovery kept for an hour (and the JWKS with it,
 * which openid-client refetches when an ID token names a key it does not know — key rotation), the
 * authorization code flow with PKCE, state and nonce, and ID token signatures checked
 * (enableNonRepudiationChecks) besides issuer, audience, expiry and nonce.
 */
export class OidcDirectory {
  readonly providers: readonly OidcProviderSetting[];
  private readonly entries = new Map<string, Promise<Entry>>();

  constructor(providers: readonly OidcProviderSetting[]) {
    this.providers = providers;
  }

  find(id: string): OidcProviderSetting | undefined {
    return this.providers.find((p) => p.id === id);
  }

  private async entry(p: OidcProviderSetting): Promise<Entry> {
    const cached = this.entries.get(p.id);
    if (cached) {
      const entry = await cached.catch(() => null);
      if (entry && Date.now() - entry.fetchedAt < DISCOVERY_TTL_MS) {
        return entry;
      }
    }
    const loading = discover(p);
    this.entries.set(p.id, loading);
    // A failed discovery is not kept: the next login asks again.
    loading.catch(() => this.entries.delete(p.id));
    return loading;
  }

  /** The address of the provider's login page, and the secrets the callback must match. */
  async startLogin(p: OidcProviderSetting, redirectUri: string): Promise<LoginStart> {
    const { config } = await this.entry(p);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: p.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return { url: url.href, state, nonce, verifier };
  }

  /** Exchanges the code: state, nonce, PKCE, the ID token's signature and claims are all checked. */
  async finishLogin(
    p: OidcProviderSetting,
    currentUrl: URL,
    expected: { state: string; nonce: string; verifier: string },
  ): Promise<LoginResult> {
    const { config } = await this.entry(p);
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: expected.verifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) {
      throw new Error("no ID token");
    }
    return { claims, idToken: tokens.id_token };
  }

  /** The provider's end-session address (RP-initiated logout), or null when it has none. */
  async endSessionUrl(p: OidcProviderSetting, idToken: string, postLogoutRedirectUri: string) {
    const { config } = await this.entry(p);
    if (!config.serverMetadata().end_session_endpoint) {
      return null;
    }
    return oidc.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: postLogoutRedirectUri,
    }).href;
  }

  /**
   * Verifies a back-channel logout token (OpenID Connect Back-Channel Logout 1.0, section 2.6) with
   * jose against the provider's keys: signature, issuer, audience, age, the logout event, sub or sid,
   * and no nonce. Returns the subject and session id it names.
   */
  async verifyLogoutToken(
    p: OidcProviderSetting,
    token: string,
  ): Promise<{ issuer: string; sub?: string; sid?: string }> {
    const { config, jwks } = await this.entry(p);
    const meta = config.serverMetadata();
    const { payload } = await jwtVerify(token, jwks, {
      issuer: meta.issuer,
      audience: p.clientId,
      maxTokenAge: "5 minutes",
      requiredClaims: ["iat", "jti"],
    });
    const events = payload.events as Record<string, unknown> | undefined;
    if (!events || typeof events[BACKCHANNEL_EVENT] !== "object" || "nonce" in payload) {
      throw new Error("not a logout token");
    }
    const sub = stringClaim(payload, "sub");
    const sid = stringClaim(payload, "sid");
    if (!sub && !sid) {
      throw new Error("logout token names neither sub nor sid");
    }
    return { issuer: meta.issuer, ...(sub ? { sub } : {}), ...(sid ? { sid } : {}) };
  }
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === "string" && value ? value : undefined;
}

async function discover(p: OidcProviderSetting): Promise<Entry> {
  const issuer = new URL(p.issuer);
  const execute = [oidc.enableNonRepudiationChecks];
  if (issuer.protocol === "http:") {
    // Only loopback issuers may be plain http (checked in oidc.settings.ts): a local test provider.
    execute.push(oidc.allowInsecureRequests);
  }
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(issuer, p.clientId, undefined, oidc.ClientSecretBasic(p.clientSecret), {
      execute,
      [oidc.customFetch]: timedFetch,
    });
  } catch (err) {
    throw new ProviderUnavailableError(`discovery of ${p.issuer} failed`, { cause: err });
  }
  const jwksUri = config.serverMetadata().jwks_uri;
  if (!jwksUri) {
    throw new ProviderUnavailableError(`${p.issuer} publishes no jwks_uri`);
  }
  return {
    config,
    fetchedAt: Date.now(),
    jwks: createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: TIMEOUT_MS }),
  };
}

/** Was this failure the provider being unreachable (rather than a bad or forged answer)? */
export function isUnreachable(err: unknown): boolean {
  if (err instanceof ProviderUnavailableError) {
    return true;
  }
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (
      e.name === "TimeoutError" ||
      e.name === "AbortError" ||
      (e instanceof TypeError && e.message === "fetch failed")
    ) {
      return true;
    }
  }
  return false;
}
