import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import * as client from 'openid-client';
import { HttpProblem } from '../http/problem.js';
import type { OidcFlow } from '../store/store.js';

/**
 * OpenID Connect single sign-on (authorization code with PKCE, RFC 7636) through openid-client: the
 * province's identity provider (浙里办 for legal persons, 浙政钉 for staff, or any conforming one)
 * proves who the person is; the claim it carries names an account that must already exist here.
 */

export interface OidcSettings {
  /** The provider's issuer identifier (its discovery document is read from there). */
  readonly issuer: string;
  readonly clientId: string;
  /** Null: a public client (PKCE alone, token endpoint auth `none`). */
  readonly clientSecret: string | null;
  /** Registered at the provider; null: this server's own address (MUJUN_PUBLIC_URL or the request's). */
  readonly redirectUrl: string | null;
  readonly scope: string;
  /** The claim that carries a legal person's 统一社会信用代码. */
  readonly usccClaim: string;
  /** The claim that carries a staff member's username here. */
  readonly usernameClaim: string;
  /** What the sign-in page's button says. */
  readonly label: string;
}

export const OIDC_CALLBACK_PATH = '/v1/auth/oidc/callback';
/** The browser's half of a flow under way: sent back only to the callback, for 10 minutes. */
export const OIDC_COOKIE = 'mujun_oidc';
export const OIDC_FLOW_MS = 10 * 60_000;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** Why a callback was refused: the sign-in page says it in Chinese (web/client/sign-in.ts). */
export type OidcRefusal =
  | 'expired' // no flow for this browser (cookie missing, flow used or older than 10 minutes)
  | 'state-mismatch'
  | 'denied' // the provider answered with an error (the person cancelled, or it refused)
  | 'failed' // the code exchange or the ID token's checks (signature, issuer, audience, nonce) failed
  | 'no-account' // no claim naming an account, or no such account here, or a disabled one
  | 'locked' // locked by failed sign-ins (password, activation code, 动态口令) until it runs out or is lifted
  | 'admin'; // administrators sign in with password and 动态口令 only

export class OidcRefused extends Error {
  constructor(
    readonly reason: OidcRefusal,
    readonly detail: string,
    readonly subject: string | null = null,
  ) {
    super(`single sign-on refused: ${reason} (${detail})`);
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The flow secret the request's cookie carries, if any well-formed one. */
export function flowSecret(req: Request): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== OIDC_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (SECRET.test(value)) return value;
  }
  return undefined;
}

/**
 * SameSite=Lax, not Strict: the provider sends the browser back to the callback by a top-level
 * navigation from its own site, and a Strict cookie would stay behind. Path limits it to the callback.
 */
export function flowCookie(secret: string, secure: boolean): string {
  return `${OIDC_COOKIE}=${secret}; Path=/v1/auth/oidc; Max-Age=${OIDC_FLOW_MS / 1000}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function clearedFlowCookie(secure: boolean): string {
  return `${OIDC_COOKIE}=; Path=/v1/auth/oidc; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** The provider's discovery and the code exchange; configuration is discovered once, on first use. */
export class OidcClient {
  #configuration: Promise<client.Configuration> | undefined;

  constructor(
    readonly settings: OidcSettings,
    private readonly publicOrigin: string | null,
  ) {}

  #config(): Promise<client.Configuration> {
    this.#configuration ??= (async () => {
      const issuer = new URL(this.settings.issuer);
      const secret = this.settings.clientSecret;
      return client.discovery(
        issuer,
        this.settings.clientId,
        secret ?? undefined,
        secret === null ? client.None() : client.ClientSecretBasic(secret),
        // Plain HTTP only to a provider on this machine (a test's, a development one); env.ts refuses others.
        // openid-client marks the option deprecated only to make it stand out; this is the use it names.
        issuer.protocol === 'http:' && isLoopback(issuer)
          ? // eslint-disable-next-line @typescript-eslint/no-deprecated
            { execute: [client.allowInsecureRequests], timeout: 10 }
          : { timeout: 10 },
      );
    })().catch((error: unknown) => {
      // Try again on the next sign-in: the provider may be back.
      this.#configuration = undefined;
      throw error;
    });
    return this.#configuration;
  }

  /** Where the provider sends the browser back: configured, or this server's own address. */
  redirectUrl(req: Request): string {
    if (this.settings.redirectUrl !== null) return this.settings.redirectUrl;
    const origin = this.publicOrigin ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    return `${origin}${OIDC_CALLBACK_PATH}`;
  }

  /** A new flow: its state, nonce and PKCE verifier, and the provider's authorization address. */
  async start(req: Request): Promise<{ flow: OidcFlow; location: string }> {
    const config = await this.#available();
    const flow: OidcFlow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
    };
    const location = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUrl(req),
      scope: this.settings.scope,
      response_type: 'code',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    return { flow, location: location.href };
  }

  /**
   * The callback: the state must be the flow's; the code is exchanged with the PKCE verifier, and the
   * ID token checked (signature, issuer, audience, expiry, nonce) by openid-client; then the claims of
   * the ID token and of the userinfo endpoint (whose subject must be the token's). The ID token itself
   * only when the provider offers RP-initiated logout (it is then the sign-out's id_token_hint).
   */
  async finish(
    req: Request,
    flow: OidcFlow,
  ): Promise<{ claims: Record<string, unknown>; idToken: string | null }> {
    const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
    if (query.get('state') !== flow.state)
      throw new OidcRefused('state-mismatch', 'state differs from the flow’s');
    const error = query.get('error');
    if (error !== null) throw new OidcRefused('denied', `${error}: ${query.get('error_description') ?? ''}`);
    const config = await this.#available();
    const current = new URL(this.redirectUrl(req));
    current.search = query.toString();
    let claims: Record<string, unknown>;
    let idToken: string | null = null;
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const token = tokens.claims();
      if (token === undefined) throw new Error('no ID token');
      claims = { ...token };
      if (config.serverMetadata().userinfo_endpoint !== undefined) {
        const info = await client.fetchUserInfo(config, tokens.access_token, token.sub);
        claims = { ...claims, ...info, sub: token.sub };
      }
      if (config.serverMetadata().end_session_endpoint !== undefined) idToken = tokens.id_token ?? null;
    } catch (failure) {
      throw new OidcRefused('failed', describe(failure));
    }
    return { claims, idToken };
  }

  /** Where the provider sends the browser after it has ended its own session: the sign-in page. */
  postLogoutUrl(req: Request): string {
    return new URL('/app/', this.redirectUrl(req)).href;
  }

  /**
   * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): the provider's end_session_endpoint
   * with the session's ID token as id_token_hint and our sign-in page as post_logout_redirect_uri
   * (registered at the provider beside the callback). Null when the provider offers none, or cannot
   * be reached now: signing out here must not wait on it.
   */
  async endSessionUrl(req: Request, idToken: string): Promise<string | null> {
    let config: client.Configuration;
    try {
      config = await this.#config();
    } catch {
      return null;
    }
    if (config.serverMetadata().end_session_endpoint === undefined) return null;
    return client.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: this.postLogoutUrl(req),
    }).href;
  }

  async #available(): Promise<client.Configuration> {
    try {
      return await this.#config();
    } catch {
      throw new HttpProblem(
        503,
        'sso-unavailable',
        '统一身份认证暂不可用',
        '暂时无法连接统一身份认证平台，请稍后再试，或使用账号密码登录。',
        {},
        { 'Retry-After': '30' },
      );
    }
  }
}

/** What failed, for the audit: openid-client wraps oauth4webapi's error, which names the claim. */
function describe(failure: unknown): string {
  if (!(failure instanceof Error)) return String(failure);
  return failure.cause instanceof Error ? `${failure.message}: ${failure.cause.message}` : failure.message;
}

/** A new flow secret for the browser's cookie (the store keeps its SHA-256). */
export function newFlowSecret(): string {
  return randomBytes(32).toString('base64url');
}
