import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { OidcSettings } from '../../../apps/api/src/accounts/oidc.js';

/**
 * A real OpenID provider for the tests (the `oidc-provider` package, certified by the OpenID
 * Foundation), on a loopback port: its own development login page (any login name, any password),
 * signed ID tokens, PKCE required. The people it knows are the login names below, each with the
 * claims a province's provider would give: 浙政钉-like staff with a username, 浙里办-like legal persons
 * with a 统一社会信用代码.
 */

export const CLIENT_ID = 'mujun-test';
export const CLIENT_SECRET = 'a-client-secret-for-the-test-provider-only';

export const PEOPLE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  /** A town clerk of 院桥镇 whose account here is `yuanqiao`. */
  'clerk-001': { preferred_username: 'yuanqiao', name: '院桥镇 王某' },
  /** The legal person of SAMPLE.floorD (台州远东铸造有限公司). */
  'legal-001': { uscc: '91331003MA20CKPQ23', name: '台州远东铸造有限公司' },
  /** Someone the provider knows but who has no account here. */
  'stranger-001': { preferred_username: 'nobody-here', name: '陌生人' },
  /** An administrator here: refused by single sign-on. */
  'admin-001': { preferred_username: 'zhangsan', name: '经信局 张某' },
};

export interface TestProvider {
  readonly issuer: string;
  /** Our side's settings for this provider, the redirect URI left to the server's own address. */
  readonly settings: OidcSettings;
  /** Registers our callback (known once the app listens) and starts answering. */
  start(redirectUri: string): void;
  close(): Promise<void>;
}

/**
 * Listens first (the issuer needs the port); the provider itself is made once our callback is known.
 * `host: 'localhost'` names the provider by another site than the app's 127.0.0.1, as a province's
 * provider is (cookies' SameSite then behaves as in production); it listens on every loopback address
 * then, since a browser may reach localhost at ::1 or 127.0.0.1.
 */
export async function listenProvider(
  options: { host?: 'localhost'; rpInitiatedLogout?: boolean } = {},
): Promise<TestProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => unknown) | undefined;
  const server: Server = createServer((req, res) => {
    if (handler === undefined) {
      res.statusCode = 503;
      res.end();
      return;
    }
    void handler(req, res);
  });
  await new Promise<void>((resolve) => {
    if (options.host === 'localhost') server.listen(0, resolve);
    else server.listen(0, '127.0.0.1', resolve);
  });
  const issuer = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    settings: {
      issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUrl: null,
      scope: 'openid profile',
      usccClaim: 'uscc',
      usernameClaim: 'preferred_username',
      label: '政务服务账号登录',
    },
    start(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            redirect_uris: [redirectUri],
            // RP-initiated logout sends the browser back to the app's sign-in page.
            post_logout_redirect_uris: [new URL('/app/', redirectUri).href],
            response_types: ['code'],
            grant_types: ['authorization_code'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'uscc'] },
        findAccount: (_ctx: KoaContextWithOIDC, id: string) => ({
          accountId: id,
          claims: () => Promise.resolve({ sub: id, ...(PEOPLE[id] ?? {}) }),
        }),
        pkce: { required: () => true },
        // On by default (discovery then names end_session_endpoint); off for a provider without it.
        features: { rpInitiatedLogout: { enabled: options.rpInitiatedLogout ?? true } },
        cookies: { keys: ['test-provider-cookie-key'] },
        // Our system is a first-party client: no consent page, as a province's provider does for it.
        loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
          const { client, session, provider: p } = ctx.oidc;
          if (client === undefined || session?.accountId === undefined) return undefined;
          // The types say string; a session with no grant for the client answers undefined.
          const existing = session.grantIdFor(client.clientId) as string | undefined;
          if (existing !== undefined) return p.Grant.find(existing);
          const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
          grant.addOIDCScope('openid profile');
          grant.addOIDCClaims(['name', 'preferred_username', 'uscc']);
          await grant.save();
          return grant;
        },
      });
      handler = provider.callback();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

/** Cookies per origin, as a browser keeps them, for driving the flow with fetch. */
export class CookieJar {
  readonly #cookies = new Map<string, Map<string, string>>();

  header(url: string): string {
    const jar = this.#cookies.get(new URL(url).origin);
    return jar === undefined ? '' : [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  keep(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const jar = this.#cookies.get(origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0\b/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.#cookies.set(origin, jar);
  }

  get(url: string, name: string): string | undefined {
    return this.#cookies.get(new URL(url).origin)?.get(name);
  }
}

/** One request without following redirects, cookies from and into the jar. */
export async function step(
  jar: CookieJar,
  url: string,
  init: { method?: string; body?: URLSearchParams } = {},
): Promise<Response> {
  const cookie = jar.header(url);
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: {
      ...(cookie === '' ? {} : { cookie }),
      ...(init.body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
    },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  jar.keep(url, response);
  return response;
}

/**
 * Whether the provider sends the browser straight back to the client, without asking anyone to sign in
 * (its own session for this browser is alive): the authorization URL's redirects followed.
 */
export async function returnsWithoutLogin(jar: CookieJar, authorizationUrl: string): Promise<boolean> {
  const provider = new URL(authorizationUrl).origin;
  let next = authorizationUrl;
  for (let hops = 0; hops < 10; hops += 1) {
    if (/\/interaction\//.test(next)) return false;
    const response = await step(jar, next);
    const location = response.headers.get('location');
    if (location === null) throw new Error(`provider answered ${response.status} at ${next}`);
    next = new URL(location, next).href;
    if (new URL(next).origin !== provider) return true;
  }
  throw new Error('too many redirects at the provider');
}

/**
 * RP-initiated logout as a person goes through it: the provider's end-session page, its confirmation
 * form posted with "Yes, sign me out": where the provider sends the browser then.
 */
export async function confirmLogoutAtProvider(jar: CookieJar, endSessionUrl: string): Promise<string> {
  const page = await step(jar, endSessionUrl);
  if (page.status !== 200) throw new Error(`end session answered ${page.status}`);
  const html = await page.text();
  const action = /<form id="op\.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
  if (action === undefined || xsrf === undefined) throw new Error('no logout form at the provider');
  const target = new URL(action, endSessionUrl).href;
  const posted = await step(jar, target, {
    method: 'POST',
    body: new URLSearchParams({ xsrf, logout: 'yes' }),
  });
  let next = new URL(posted.headers.get('location') ?? '', target).href;
  // The provider may first show its own "signed out" step before sending the browser back.
  for (let hops = 0; hops < 5 && new URL(next).origin === new URL(endSessionUrl).origin; hops += 1) {
    const response = await step(jar, next);
    const location = response.headers.get('location');
    if (location === null) break;
    next = new URL(location, next).href;
  }
  return next;
}

/**
 * A person at the provider: the authorization request (perhaps tampered with by `alter`), the login
 * page's form posted with `login`, and the redirects followed until the provider sends the browser to
 * our callback: its URL.
 */
export async function signInAtProvider(
  jar: CookieJar,
  authorizationUrl: string,
  login: string,
  alter: (url: URL) => void = () => undefined,
): Promise<string> {
  const url = new URL(authorizationUrl);
  alter(url);
  let next = url.href;
  for (let hops = 0; hops < 10; hops += 1) {
    const response = await step(jar, next);
    const location = response.headers.get('location');
    if (response.status === 200 && /\/interaction\//.test(next)) {
      const posted = await step(jar, next, {
        method: 'POST',
        body: new URLSearchParams({ prompt: 'login', login, password: 'any' }),
      });
      next = new URL(posted.headers.get('location') ?? '', next).href;
      continue;
    }
    if (location === null) throw new Error(`provider answered ${response.status} at ${next}`);
    const target = new URL(location, next).href;
    if (new URL(target).origin !== url.origin) return target;
    next = target;
  }
  throw new Error('too many redirects at the provider');
}
