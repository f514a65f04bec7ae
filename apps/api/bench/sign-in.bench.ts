/**
 * Sign-ins under load (`pnpm bench:sign-in`): the real server process on a temporary data directory
 * with one evaluation of 2,000 generated enterprises; this process is the client.
 *
 *   lookups alone   GET /v1/evaluations/{id}/enterprises/{uscc} (bearer token), 8 in flight, 5 s.
 *   burst           the same lookups, and meanwhile 200 sign-ins sent at once (argon2id m=19 MiB, t=2,
 *                   p=1 per sign-in, at most HASH_CONCURRENCY at a time on the thread pool): how long
 *                   the 200 take (sign-ins/s), and the lookups' latency while they run.
 *
 * Options: --burst 200, --seconds 5, --size 2000.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedCsv, issueTokens, multipart } from '../../../tests/e2e/support/api-data.js';
import { startServer } from '../../../tests/e2e/support/api-server.js';
import { HASH_CONCURRENCY } from '../src/accounts/passwords.js';
import { createAccount } from '../src/ops/accounts.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';

const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '5' },
    size: { type: 'string', default: '2000' },
  },
});
const BURST = Number(values.burst);
const SECONDS = Number(values.seconds);
const SIZE = Number(values.size);
const PASSWORD = 'Bench#Password1';

function call(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string | number>,
  body?: Buffer,
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const dir = await mkdtemp(join(tmpdir(), 'mujun-sign-in-bench-'));
try {
  const [admin] = await issueTokens(dir, [{ role: 'admin', label: 'bench' }]);
  const store = openSqliteStore(dir);
  await createAccount(
    store,
    { role: 'town', town: '院桥镇', username: 'bench-town', password: PASSWORD },
    new Date().toISOString(),
  );
  store.close();
  const server = await startServer(dir, { LOG_LEVEL: 'warn' });
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  // The sign-ins on their own connections: sharing the lookups' pool would queue lookups behind them
  // in the client, which is not what is measured.
  const signInAgent = new Agent({ keepAlive: false });
  const auth = { authorization: `Bearer ${admin ?? ''}` };
  const year = generatedCsv(SIZE, 42);
  const upload = multipart([{ name: 'data', filename: 'bench.csv', type: 'text/csv', bytes: year.bytes }]);
  const created = await call(
    agent,
    server.port,
    'POST',
    '/v1/evaluations',
    { ...auth, 'content-type': upload.contentType },
    upload.body,
  );
  if (created.status !== 201) throw new Error(`upload: ${created.status} ${created.body.toString()}`);
  const id = (JSON.parse(created.body.toString()) as { id: string }).id;
  const usccs = year.records.map((record) => record.uscc);

  let k = 0;
  const lookups = async (until: () => boolean, latencies: number[]) => {
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (!until()) {
          const uscc = usccs[(k += 7919) % usccs.length] ?? '';
          const sent = performance.now();
          const answer = await call(
            agent,
            server.port,
            'GET',
            `/v1/evaluations/${id}/enterprises/${uscc}`,
            auth,
          );
          if (answer.status !== 200) throw new Error(`lookup ${answer.status}`);
          latencies.push(performance.now() - sent);
        }
      }),
    );
  };

  // Warm-up, then lookups alone.
  const warm: number[] = [];
  const warmEnd = performance.now() + 1000;
  await lookups(() => performance.now() > warmEnd, warm);
  const alone: number[] = [];
  const aloneEnd = performance.now() + SECONDS * 1000;
  const loadBefore = loadavg()[0] ?? Number.NaN;
  await lookups(() => performance.now() > aloneEnd, alone);

  // The burst: 200 sign-ins at once, with the lookups going on.
  const during: number[] = [];
  let burstDone = false;
  const background = lookups(() => burstDone, during);
  // The server's event loop, seen from outside: /healthz every 50 ms on a connection of its own.
  const health: number[] = [];
  const probeAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const bursting = () => !burstDone;
  const probe = (async () => {
    while (bursting()) {
      const sent = performance.now();
      const answer = await call(probeAgent, server.port, 'GET', '/healthz', {});
      if (answer.status !== 200) throw new Error(`healthz ${answer.status}`);
      health.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const body = Buffer.from(JSON.stringify({ account: 'bench-town', password: PASSWORD }));
  const started = performance.now();
  const signIns = await Promise.all(
    Array.from({ length: BURST }, async () => {
      const sent = performance.now();
      // Each sign-in on a connection of its own, as 200 people's browsers would be: on the lookups'
      // agent they queued in its pool, and a lookup behind them waited seconds in this process (the
      // "2.3 s stall" of the first measurement), never in the server.
      const answer = await call(
        signInAgent,
        server.port,
        'POST',
        '/v1/auth/sign-in',
        {
          'content-type': 'application/json',
          'content-length': body.length,
        },
        body,
      );
      return { status: answer.status, ms: performance.now() - sent };
    }),
  );
  const burstSeconds = (performance.now() - started) / 1000;
  burstDone = true;
  await background;
  await probe;
  probeAgent.destroy();
  health.sort((a, b) => a - b);
  const ok = signIns.filter((answer) => answer.status === 204).length;
  const signInMs = signIns.map((answer) => answer.ms).sort((a, b) => a - b);
  alone.sort((a, b) => a - b);
  during.sort((a, b) => a - b);
  const row = (name: string, list: number[], seconds: number) =>
    `| ${name} | ${(list.length / seconds).toFixed(0)} | ${percentile(list, 50).toFixed(1)} / ${percentile(list, 99).toFixed(1)} / ${(list.at(-1) ?? 0).toFixed(1)} ms |`;
  console.log(
    `cores ${availableParallelism()}, load ${loadBefore.toFixed(2)}, argon2id m=19456 KiB t=2 p=1, ${HASH_CONCURRENCY} hashes at a time\n`,
  );
  console.log('| phase | lookups/s | lookup p50 / p99 / max |');
  console.log('| --- | --- | --- |');
  console.log(row('lookups alone', alone, SECONDS));
  console.log(row(`during ${BURST} sign-ins`, during, burstSeconds));
  console.log(
    `\n${ok}/${BURST} sign-ins answered 204 in ${burstSeconds.toFixed(2)} s: ${(BURST / burstSeconds).toFixed(1)} sign-ins/s; ` +
      `a sign-in's latency p50 ${percentile(signInMs, 50).toFixed(0)} ms, p99 ${percentile(signInMs, 99).toFixed(0)} ms`,
  );
  console.log(
    `/healthz during the burst (every 50 ms, own connection): p50 ${percentile(health, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(health, 99).toFixed(1)} ms, max ${(health.at(-1) ?? 0).toFixed(1)} ms`,
  );
  agent.destroy();
  signInAgent.destroy();
  await server.stop('SIGTERM');
} finally {
  await rm(dir, { recursive: true, force: true });
}
