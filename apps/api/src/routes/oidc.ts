import { sessionCookie } from '../accounts/cookies.js';
import { clearedFlowCookie, flowCookie, OIDC_CALLBACK_PATH, OidcRefused } from '../accounts/oidc.js';
import { HttpProblem } from '../http/problem.js';
import { LocationHeader } from '../http/headers.js';
import { defineRoute } from '../http/route.js';
import type { Reply } from '../http/route.js';
import { OidcCallbackQuery, SignInMethods } from '../schemas/auth.js';

/**
 * OpenID Connect single sign-on for people (authorization code with PKCE): the sign-in page learns
 * whether it is offered, the browser is sent to the identity provider and comes back to the callback,
 * which signs in the account the provider's claim names, with the same session as a password gives.
 */

export const OIDC_START_PATH = '/v1/auth/oidc/start';

const redirect = (
  location: string,
  headers: Readonly<Record<string, string | readonly string[]>> = {},
): Reply => ({
  status: 303,
  raw: '',
  contentType: 'text/plain',
  headers: { Location: location, 'Cache-Control': 'no-store', ...headers },
});

export const getSignInMethods = defineRoute({
  method: 'get',
  path: '/v1/auth/methods',
  operationId: 'getSignInMethods',
  tag: 'Sign-in',
  summary: 'How one may sign in here: password always, single sign-on when configured',
  description:
    'The sign-in page offers the single sign-on button (labelled by MUJUN_OIDC_LABEL, 政务服务账号登录 ' +
    'by default) only when MUJUN_OIDC_ISSUER and MUJUN_OIDC_CLIENT_ID are set.',
  access: 'public',
  responses: { 200: { description: 'the methods', schema: SignInMethods } },
  handle({ services }) {
    const oidc = services.auth.oidc;
    return Promise.resolve({
      status: 200,
      json: {
        password: true,
        sso: oidc === null ? null : { label: oidc.settings.label, start: OIDC_START_PATH },
      },
    });
  },
});

export const startOidc = defineRoute({
  method: 'get',
  path: OIDC_START_PATH,
  operationId: 'startOidcSignIn',
  tag: 'Sign-in',
  summary: 'Begin single sign-on: to the identity provider, with state, nonce and a PKCE challenge',
  description:
    'A browser navigation, not a call: answers 303 to the provider’s authorization endpoint. The state, ' +
    'nonce and PKCE verifier stay on the server, under the SHA-256 of a random secret the browser holds ' +
    'in the cookie mujun_oidc (HttpOnly; SameSite=Lax, since the provider sends the browser back by a ' +
    'cross-site navigation; Path=/v1/auth/oidc; 10 minutes). 404 when single sign-on is not configured; ' +
    '503 when the provider cannot be reached.',
  access: 'public',
  problems: [503],
  responses: {
    303: { description: 'to the identity provider', headers: LocationHeader },
  },
  async handle({ services, req }) {
    const { secret, location } = await services.auth.oidcStart(req);
    return redirect(location, { 'Set-Cookie': flowCookie(secret, services.auth.settings.secureCookies) });
  },
});

export const finishOidc = defineRoute({
  method: 'get',
  path: OIDC_CALLBACK_PATH,
  operationId: 'finishOidcSignIn',
  tag: 'Sign-in',
  summary: 'Where the identity provider sends the browser back: the account its claim names is signed in',
  description:
    'The flow this browser started (its mujun_oidc cookie) is used once; `state` must be its state; the ' +
    'code is exchanged with the PKCE verifier and the ID token checked (signature, issuer, audience, ' +
    'expiry, nonce). The claim MUJUN_OIDC_USCC_CLAIM (uscc) names an enterprise account by its ' +
    '统一社会信用代码, otherwise MUJUN_OIDC_USERNAME_CLAIM (preferred_username) a staff account by its ' +
    'username; the account must exist here, not be disabled, and not be locked by failed sign-ins (a ' +
    'locked account is locked whatever the door, until the lock runs out or is lifted). Administrators are refused: they sign ' +
    'in with password and 动态口令. Signed in: 303 to /app/ with the same session cookie as a password ' +
    'sign-in, audited as a sign-in with method oidc. Whatever the outcome, the mujun_oidc cookie is ' +
    'cleared (a second Set-Cookie, Max-Age=0). Refused: 303 to /app/?sso=<reason> (expired, ' +
    'state-mismatch, denied, failed, no-account, locked, admin), where the sign-in page says why in Chinese; the ' +
    'refusal is audited, and does not count towards the password lockout.',
  access: 'public',
  query: OidcCallbackQuery,
  problems: [503],
  responses: {
    303: { description: 'signed in (to /app/), or refused (to /app/?sso=…)', headers: LocationHeader },
  },
  async handle({ services, req }) {
    // The flow is used once whatever comes of it: the browser's half of it goes too.
    const cleared = clearedFlowCookie(services.auth.settings.secureCookies);
    try {
      const secret = await services.auth.oidcCallback(req);
      return redirect('/app/', { 'Set-Cookie': [sessionCookie(secret, services.auth.settings), cleared] });
    } catch (error) {
      if (error instanceof OidcRefused) {
        services.logger.info({ reason: error.reason, detail: error.detail }, 'single sign-on refused');
        return redirect(`/app/?sso=${error.reason}`, { 'Set-Cookie': cleared });
      }
      if (error instanceof HttpProblem) {
        throw new HttpProblem(error.status, error.slug, error.title, error.message, error.extensions, {
          ...error.headers,
          'Set-Cookie': cleared,
        });
      }
      throw error;
    }
  },
});

export const OIDC_ROUTES = [getSignInMethods, startOidc, finishOidc];
