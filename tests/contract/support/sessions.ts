import { createAccount } from '../../../apps/api/src/index.js';
import type { AccountRequest } from '../../../apps/api/src/index.js';
import { hashPassword } from '../../../apps/api/src/accounts/passwords.js';
import { totpAt } from '../../../apps/api/src/accounts/totp.js';
import { SAMPLE } from './harness.js';
import type { Harness } from './harness.js';

/** Sessions for the contract tests: accounts made as `mujun account create` makes them, signed in over HTTP. */

export interface SignInAnswer {
  readonly status: number;
  readonly body: Record<string, unknown> | undefined;
  readonly headers: Headers;
  /** `mujun_session=…` when a session cookie was set. */
  readonly cookie: string | undefined;
}

export async function post(
  h: Harness,
  path: string,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): Promise<SignInAnswer> {
  const response = await fetch(`${h.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = /^(mujun_session=[A-Za-z0-9_-]{43});/.exec(setCookie)?.[1];
  return {
    status: response.status,
    body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
    cookie,
  };
}

export function signIn(h: Harness, account: string, password: string, otp?: string): Promise<SignInAnswer> {
  return post(h, '/v1/auth/sign-in', { account, password, ...(otp === undefined ? {} : { otp }) });
}

/** The last TOTP step each secret's code was used for, so the next sign-in gets a code not yet used. */
const usedSteps = new Map<string, number>();
const STEP_MS = 30_000;

/**
 * A code from the authenticator the server has not accepted yet: a code is good once (replay
 * protection), so after the current step and the next (which the server allows for drift) are used,
 * the test clock moves on a step, as a person waits for the next code.
 */
export function freshOtp(h: Harness, secret: string): string {
  const now = Math.floor(h.clock.now().getTime() / STEP_MS);
  const step = Math.max(now, (usedSteps.get(secret) ?? now - 1) + 1);
  if (step > now + 1) h.clock.set(new Date((step - 1) * STEP_MS).toISOString());
  usedSteps.set(secret, step);
  return totpAt(secret, new Date(step * STEP_MS));
}

/** Binds an authenticator for an admin account and answers its TOTP secret and recovery codes. */
export async function enrolTotp(
  h: Harness,
  account: string,
  password: string,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const enrolled = await post(h, '/v1/auth/totp/enroll', { account, password });
  if (enrolled.status !== 200) throw new Error(`enrol: ${JSON.stringify(enrolled.body)}`);
  const secret = String(enrolled.body?.['secret']);
  const confirmed = await post(h, '/v1/auth/totp/confirm', { account, password, otp: freshOtp(h, secret) });
  if (confirmed.status !== 200) throw new Error(`confirm: ${JSON.stringify(confirmed.body)}`);
  return { secret, recoveryCodes: confirmed.body?.['recoveryCodes'] as string[] };
}

/** A staff account with this password, signed in (an admin enrolled in TOTP first): its session cookie. */
export async function staffSession(
  h: Harness,
  request: AccountRequest & { readonly password: string },
): Promise<string> {
  await createAccount(h.store, request, h.clock.now().toISOString());
  let otp: string | undefined;
  if (request.role === 'admin') {
    const { secret } = await enrolTotp(h, request.username, request.password);
    otp = freshOtp(h, secret);
  }
  const answer = await signIn(h, request.username, request.password, otp);
  if (answer.cookie === undefined)
    throw new Error(`sign-in: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.cookie;
}

/**
 * A signed-in session for each of the harness's tokens: the same role and scope, by account and
 * password (enterprises as activated accounts), so every route can be walked both ways.
 */
export async function sessionsLikeTokens(h: Harness): Promise<Record<keyof Harness['tokens'], string>> {
  const password = 'Session#Walk2025';
  const staff = async (request: AccountRequest) => staffSession(h, { ...request, password });
  const enterprise = async (uscc: string) => {
    await h.store.createAccount(
      {
        id: `acc_${uscc}`,
        name: uscc,
        role: 'enterprise',
        uscc,
        passwordHash: await hashPassword(password),
        mustChange: false,
      },
      {
        actor: { id: 'test', role: 'system' },
        at: h.clock.now().toISOString(),
        address: null,
        userAgent: null,
      },
    );
    const answer = await signIn(h, uscc, password);
    if (answer.cookie === undefined) throw new Error(`sign-in: ${JSON.stringify(answer.body)}`);
    return answer.cookie;
  };
  return {
    admin: await staff({ role: 'admin', username: 'walk-admin' }),
    tax: await staff({ role: 'department', department: 'tax', username: 'walk-tax' }),
    statistics: await staff({ role: 'department', department: 'statistics', username: 'walk-statistics' }),
    naturalResources: await staff({
      role: 'department',
      department: 'natural-resources',
      username: 'walk-land',
    }),
    power: await staff({ role: 'department', department: 'power', username: 'walk-power' }),
    ecology: await staff({ role: 'department', department: 'ecology', username: 'walk-ecology' }),
    town: await staff({ role: 'town', town: SAMPLE.townOfFloorD, username: 'walk-town' }),
    otherTown: await staff({ role: 'town', town: '北城街道', username: 'walk-other-town' }),
    enterprise: await enterprise(SAMPLE.floorD),
    otherEnterprise: await enterprise(SAMPLE.beicheng),
  };
}
