import { clearedCookie, sessionCookie } from '../accounts/cookies.js';
import { normalizeAccountName } from '../accounts/names.js';
import { HttpProblem } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import type { Reply } from '../http/route.js';
import {
  AccountPath,
  Activation,
  PasswordChange,
  RecoveryCodes,
  SetCookieHeader,
  SignedOut,
  SignIn,
  TotpEnrolment,
} from '../schemas/auth.js';

/**
 * Sign-in for people: accounts with passwords, server-side sessions in an HttpOnly cookie, activation
 * of enterprise accounts with a code, TOTP for administrators. Bearer tokens stay for machine clients.
 */

const noContent = (headers: Readonly<Record<string, string>> = {}): Reply => ({
  status: 204,
  raw: '',
  contentType: 'text/plain',
  headers,
});

export const signIn = defineRoute({
  method: 'post',
  path: '/v1/auth/sign-in',
  operationId: 'signIn',
  tag: 'Sign-in',
  summary: 'Sign in with an account and password (and 动态口令 for administrators): a session cookie',
  description:
    'Answers 204 with the session cookie. The session ends after MUJUN_SESSION_IDLE_MINUTES (30) without ' +
    'a request and MUJUN_SESSION_MAX_HOURS (12) after sign-in. A wrong password and an unknown account ' +
    'get the same 401 sign-in-failed, after the same work. MUJUN_LOCKOUT_FAILURES (5) failures within ' +
    'MUJUN_LOCKOUT_MINUTES (15) lock the account name for as long: 429 with Retry-After, the right ' +
    'password refused until then. 403 password-change-required: a temporary password, to be changed ' +
    'through /v1/auth/password first. Administrators: 403 totp-enrolment-required until they enrol ' +
    '(/v1/auth/totp/enroll), then 401 otp-required or otp-invalid without a right `otp`. A request ' +
    'whose Origin is another site’s is refused (403 cross-site-request), as on every credential route.',
  access: 'public',
  body: { kind: 'json', schema: SignIn },
  problems: [401, 403, 429, 503],
  responses: { 204: { description: 'signed in', headers: SetCookieHeader } },
  async handle({ services, body, req }) {
    const secret = await services.auth.signIn(body, req);
    return noContent({ 'Set-Cookie': sessionCookie(secret, services.auth.settings) });
  },
});

export const signOut = defineRoute({
  method: 'post',
  path: '/v1/auth/sign-out',
  operationId: 'signOut',
  tag: 'Sign-in',
  summary: 'Sign out: the session ends on the server and the cookie is cleared',
  description:
    'Without a live session, it only clears the cookie. From another site: 403. A session signed in by ' +
    'single sign-on, when the provider’s discovery names an end_session_endpoint, is ended here and ' +
    'answered 200 with that address (RP-initiated logout: id_token_hint, post_logout_redirect_uri ' +
    '/app/), for the page to send the browser there, so that the next single sign-on asks again.',
  access: 'public',
  problems: [403],
  responses: {
    200: {
      description: 'signed out here; the provider’s session to end next',
      schema: SignedOut,
      headers: SetCookieHeader,
    },
    204: { description: 'signed out', headers: SetCookieHeader },
  },
  async handle({ services, req }) {
    const endSession = await services.auth.signOut(req);
    const headers = { 'Set-Cookie': clearedCookie(services.auth.settings) };
    if (endSession !== null) return { status: 200, json: { endSession }, headers };
    return noContent(headers);
  },
});

export const signOutEverywhere = defineRoute({
  method: 'post',
  path: '/v1/auth/sign-out-everywhere',
  operationId: 'signOutEverywhere',
  tag: 'Sign-in',
  summary: 'Sign out every session of the signed-in account, on every device',
  description: 'For a session only: a bearer token answers 400 not-a-session (tokens are revoked instead).',
  access: ['admin', 'department', 'town', 'enterprise'],
  responses: { 204: { description: 'every session ended', headers: SetCookieHeader } },
  async handle({ services, principal, req }) {
    await services.auth.signOutEverywhere(principal, req);
    return noContent({ 'Set-Cookie': clearedCookie(services.auth.settings) });
  },
});

export const changePassword = defineRoute({
  method: 'post',
  path: '/v1/auth/password',
  operationId: 'changePassword',
  tag: 'Sign-in',
  summary: 'Change a password (the current one proves it), e.g. a temporary one before first sign-in',
  description:
    'Signed in: the session’s account; otherwise `account` names it. The current password is checked ' +
    'and throttled as at sign-in. The new one: at least 8 characters from 3 of upper, lower, digit, ' +
    'symbol, not containing the account name (422 weak-password says which rule). Every session of ' +
    'the account then ends: sign in again with the new password.',
  access: 'public',
  body: { kind: 'json', schema: PasswordChange },
  problems: [401, 403, 422, 429, 503],
  responses: { 204: { description: 'changed; every session ended', headers: SetCookieHeader } },
  async handle({ services, body, req }) {
    await services.auth.changePassword(body, req);
    return noContent({ 'Set-Cookie': clearedCookie(services.auth.settings) });
  },
});

export const activateAccount = defineRoute({
  method: 'post',
  path: '/v1/auth/activate',
  operationId: 'activateAccount',
  tag: 'Sign-in',
  summary: 'Activate an enterprise’s account with its code and a password of its choosing',
  description:
    'The code is one-time and expires (MUJUN_ACTIVATION_DAYS, 60); a reissued code replaces the old. ' +
    'A wrong code counts as a failed sign-in of the enterprise (and locks it likewise). Activating again ' +
    'with a new code sets a new password (the way back from a forgotten one).',
  access: 'public',
  body: { kind: 'json', schema: Activation },
  problems: [401, 422, 429, 503],
  responses: { 204: { description: 'activated: sign in with the code and the new password' } },
  async handle({ services, body, req }) {
    await services.auth.activate(body, req);
    return noContent();
  },
});

export const enrollTotp = defineRoute({
  method: 'post',
  path: '/v1/auth/totp/enroll',
  operationId: 'enrollTotp',
  tag: 'Sign-in',
  summary: 'Start binding an authenticator app (TOTP): a new secret and its otpauth URI',
  description:
    'Proved by the account’s password (and, to replace a confirmed authenticator, its current `otp`). ' +
    'The secret works once confirmed with a first code (/v1/auth/totp/confirm).',
  access: 'public',
  body: { kind: 'json', schema: SignIn },
  problems: [401, 429, 503],
  responses: { 200: { description: 'the secret', schema: TotpEnrolment } },
  async handle({ services, body, req }) {
    return { status: 200, json: await services.auth.enrollTotp(body, req) };
  },
});

export const confirmTotp = defineRoute({
  method: 'post',
  path: '/v1/auth/totp/confirm',
  operationId: 'confirmTotp',
  tag: 'Sign-in',
  summary: 'Confirm the authenticator with its first code: 10 recovery codes, shown once',
  access: 'public',
  body: { kind: 'json', schema: SignIn },
  problems: [401, 409, 429, 503],
  responses: { 200: { description: 'bound', schema: RecoveryCodes } },
  async handle({ services, body, req }) {
    return { status: 200, json: { recoveryCodes: await services.auth.confirmTotp(body, req) } };
  },
});

export const unlockAccount = defineRoute({
  method: 'post',
  path: '/v1/accounts/{account}/unlock',
  operationId: 'unlockAccount',
  tag: 'Sign-in',
  summary: 'Lift the lock that failed sign-ins put on an account',
  description:
    'The bureau any account name; a town its own enterprises only, with an account or not yet (those it ' +
    'is graded under in some evaluation); others: 404. Answers 204 whether ' +
    'or not the account was locked; 404 for a name with neither an account nor a lock.',
  access: ['admin', 'town'],
  params: AccountPath,
  responses: { 204: { description: 'not locked (any more)' } },
  async handle({ services, principal, params, req }) {
    const name = normalizeAccountName(params.account);
    const account = await services.store.account(name);
    if (principal.role === 'town') {
      // Its own enterprises: by the account's town, or, for one never issued a code (no account yet,
      // though failed activations lock its name all the same), by the town it is graded under.
      const ours =
        account === undefined
          ? (await services.store.enterpriseTowns(name)).includes(principal.town)
          : account.role === 'enterprise' && account.town === principal.town;
      if (!ours) throw new HttpProblem(404, 'not-found', '未找到', '本乡镇街道没有该企业。');
    }
    const context = services.auth.context(req, { id: principal.tokenId, role: principal.role });
    const lifted = await services.store.unlock(name, context);
    // A name without an account may still be locked (failures are counted for any name typed).
    if (!lifted && account === undefined)
      throw new HttpProblem(404, 'not-found', '未找到', '没有该账号，也没有该名称的锁定。');
    return noContent();
  },
});

export const AUTH_ROUTES = [
  signIn,
  signOut,
  signOutEverywhere,
  changePassword,
  activateAccount,
  enrollTotp,
  confirmTotp,
  unlockAccount,
];
