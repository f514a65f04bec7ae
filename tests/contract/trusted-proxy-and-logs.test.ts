import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccount, createLogger } from '../../apps/api/src/index.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { post, signIn } from './support/sessions.js';

/**
 * Behind nginx the socket's address is the proxy's. MUJUN_TRUST_PROXY says the proxy is trusted: then
 * the client's address in the log, the audit trail and the per-address sign-in brake comes from
 * X-Forwarded-For; unset, that header is ignored (anyone can send it). And whatever a request carries,
 * no secret reaches a log line: passwords, activation codes, cookies, Authorization.
 */

const T0 = '2025-06-02T02:00:00.000Z';
const PASSWORD = 'Taizhou#2025a';
const CLIENT = '203.0.113.7';
const OTHER = '198.51.100.9';

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** A logger writing JSON lines into `lines`, at every level. */
function capturingLogger(lines: string[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line !== ''),
      );
      done();
    },
  });
  return createLogger('trace', sink);
}

async function started(trustProxy: string | undefined, lines: string[]) {
  h = await startApi({
    now: T0,
    auth: { addressFailures: 3 },
    logger: capturingLogger(lines),
    ...(trustProxy === undefined ? {} : { trustProxy }),
  });
  await createAccount(
    h.store,
    { role: 'town', town: '院桥镇', username: 'yuanqiao', password: PASSWORD },
    T0,
  );
}

const from = (address: string) => ({ 'x-forwarded-for': address });

async function signInFrom(address: string, account: string, password: string) {
  return post(h, '/v1/auth/sign-in', { account, password }, from(address));
}

async function signInAddresses(): Promise<(string | null)[]> {
  const audit = await h.store.listAudit({ entity: 'sign-in' }, { limit: 50 });
  return audit.items.map((entry) => (entry.after as { address: string | null }).address);
}

function loggedAddresses(lines: readonly string[]): unknown[] {
  return lines
    .map((line) => JSON.parse(line) as { msg?: string; req?: { url?: string; remoteAddress?: unknown } })
    .filter((entry) => entry.msg === 'request completed' && entry.req?.url === '/v1/auth/sign-in')
    .map((entry) => entry.req?.remoteAddress);
}

describe('the client address behind a proxy', () => {
  it('ignores X-Forwarded-For when no proxy is trusted: log, audit and the address brake see the socket', async () => {
    const lines: string[] = [];
    await started(undefined, lines);
    expect((await signInFrom(CLIENT, 'yuanqiao', PASSWORD)).status).toBe(204);
    expect(await signInAddresses()).toEqual(['127.0.0.1']);
    expect(loggedAddresses(lines)).toEqual(['127.0.0.1']);
    // Three failures "from" three forged addresses are one address's: the fourth attempt is refused.
    for (const forged of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      expect((await signInFrom(forged, `ghost${forged}`, 'Wrong#1xyz')).status).toBe(401);
    }
    expect((await signInFrom(OTHER, 'yuanqiao', PASSWORD)).status).toBe(429);
  });

  it('takes the client from X-Forwarded-For when MUJUN_TRUST_PROXY trusts one hop', async () => {
    const lines: string[] = [];
    await started('1', lines);
    // A client's own X-Forwarded-For is kept by nginx ($proxy_add_x_forwarded_for appends): the last hop counts.
    expect((await signInFrom(`10.9.9.9, ${CLIENT}`, 'yuanqiao', PASSWORD)).status).toBe(204);
    expect(await signInAddresses()).toEqual([CLIENT]);
    expect(loggedAddresses(lines)).toEqual([CLIENT]);
    // One client's failures brake that client, not everyone behind the proxy.
    for (let i = 0; i < 3; i += 1) {
      expect((await signInFrom(CLIENT, `ghost${i}`, 'Wrong#1xyz')).status).toBe(401);
    }
    expect((await signInFrom(CLIENT, 'yuanqiao', PASSWORD)).status).toBe(429);
    expect((await signInFrom(OTHER, 'yuanqiao', PASSWORD)).status).toBe(204);
  });

  it('trusts the loopback proxy by name (MUJUN_TRUST_PROXY=loopback)', async () => {
    const lines: string[] = [];
    await started('loopback', lines);
    expect((await signInFrom(CLIENT, 'yuanqiao', PASSWORD)).status).toBe(204);
    expect(await signInAddresses()).toEqual([CLIENT]);
  });
});

describe('secrets in the logs', () => {
  it('writes no password, activation code, cookie or bearer token in any line', async () => {
    const lines: string[] = [];
    await started('1', lines);
    const signedIn = await signIn(h, 'yuanqiao', PASSWORD);
    expect(signedIn.status).toBe(204);
    const cookie = signedIn.cookie ?? '';
    const cookieSecret = cookie.slice('mujun_session='.length);
    expect(cookieSecret).toHaveLength(43);
    // A failed sign-in with a near-miss password, an activation with a code, a session and a token.
    await signIn(h, 'yuanqiao', 'Secret#Guess99');
    const code = 'ZQ7KX-M4RTW';
    await post(h, '/v1/auth/activate', {
      uscc: '91331003MA20CKPQ23',
      code,
      password: 'Activate#2025z',
    });
    await fetch(`${h.base}/v1/session`, { headers: { cookie, 'x-request-id': 'trace-me-1' } });
    await fetch(`${h.base}/v1/evaluations`, {
      headers: { authorization: `Bearer ${h.tokens.admin}`, 'x-request-id': 'trace-me-2' },
    });
    await fetch(`${h.base}/v1/evaluations?access_token=${h.tokens.admin}`);
    await post(h, '/v1/auth/password', { current: PASSWORD, password: 'Changed#2025q' }, { cookie });
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [
      PASSWORD,
      'Secret#Guess99',
      'Activate#2025z',
      'Changed#2025q',
      code,
      code.replace('-', ''),
      cookieSecret,
      h.tokens.admin,
      h.tokens.admin.slice(4),
    ]) {
      expect(all).not.toContain(secret);
    }
    // Every line is JSON, and a request's line carries its id (X-Request-Id, echoed).
    const entries = lines.map((line) => JSON.parse(line) as { req?: { id?: string; headers?: object } });
    const traced = entries.find((entry) => entry.req?.id === 'trace-me-1');
    expect(traced?.req?.headers).toMatchObject({ cookie: '[redacted]' });
    expect(entries.find((entry) => entry.req?.id === 'trace-me-2')?.req?.headers).toMatchObject({
      authorization: '[redacted]',
    });
  });
});
