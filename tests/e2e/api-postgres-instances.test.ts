import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, openPostgresStore } from '../../apps/api/src/index.js';
import { generatedCsv, sha256, smallPdf } from './support/api-data.js';
import { startServer } from './support/api-server.js';
import type { ServerProcess } from './support/api-server.js';
import { createCluster } from './support/pg-cluster.js';
import type { Cluster } from './support/pg-cluster.js';

/**
 * Two server processes on one PostgreSQL database (issue 14's proof), on a cluster the test owns:
 * 400 filings, 16 at a time, spread over both instances; instance 1 is SIGKILLed after 120
 * acknowledgements and every acknowledged filing is read back whole (evidence hashed) through instance
 * 2. Then a second year's burst over both, with `pg_ctl stop -m immediate` after 120 acknowledgements
 * and a restart: no acknowledged filing lost, the instances answer again without being restarted, and
 * nothing but 503 (with Retry-After) is answered while the database is down.
 */

const ENTERPRISES = 200;
const FIELDS = ['tax', 'landAreaMu'] as const;
const FILINGS = ENTERPRISES * FIELDS.length;
const CONCURRENCY = 16;
const AFTER = 120;

interface Filing {
  readonly index: number;
  readonly key: string;
  readonly uscc: string;
  readonly field: string;
  readonly claimedValue: string;
  readonly reason: string;
  readonly evidence: Buffer;
}

interface Objection {
  readonly id: string;
  readonly reason: string;
  readonly items: readonly { field: string; claimedValue: string }[];
  readonly evidence: readonly { id: string; sha256: string }[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

describe('two instances on one PostgreSQL database, through kill -9 and a database crash', () => {
  let cluster: Cluster;
  let url = '';
  let admin = '';
  const servers: (ServerProcess | undefined)[] = [undefined, undefined];

  async function call(base: string, path: string, init: RequestInit = {}) {
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${admin}`, ...(init.headers as Record<string, string>) },
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  function server(index: number): ServerProcess {
    const found = servers[index];
    if (found === undefined) throw new Error(`instance ${index + 1} is not running`);
    return found;
  }

  async function evaluation(seed: number, year: number): Promise<{ id: string; filings: Filing[] }> {
    const data = generatedCsv(ENTERPRISES, seed);
    const form = new FormData();
    form.append('data', new Blob([data.bytes]), `generated-${seed}.csv`);
    form.append('name', `${year}年度 test`);
    form.append('year', String(year));
    const created = await call(server(0).base, '/v1/evaluations', { method: 'POST', body: form });
    expect(created.status, created.text).toBe(201);
    const id = (JSON.parse(created.text) as { id: string }).id;
    const published = await call(server(1).base, `/v1/evaluations/${id}/publication`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(published.status, published.text).toBe(201);
    const filings = Array.from({ length: FILINGS }, (_, index) => {
      const field = FIELDS[Math.floor(index / ENTERPRISES)] ?? 'tax';
      return {
        index,
        key: `pg-${seed}-${index}`,
        uscc: data.records[index % ENTERPRISES]?.uscc ?? '',
        field,
        claimedValue: field === 'tax' ? `${1000 + index}.5` : `${20 + index}.25`,
        reason: `异议 #${index}`,
        evidence: smallPdf(`pg ${seed} filing ${index}`),
      };
    });
    return { id, filings };
  }

  function file(base: string, evaluationId: string, request: Filing) {
    const form = new FormData();
    form.append(
      'objection',
      JSON.stringify({
        uscc: request.uscc,
        reason: request.reason,
        items: [{ field: request.field, claimedValue: request.claimedValue }],
      }),
    );
    form.append(
      'evidence',
      new Blob([request.evidence], { type: 'application/pdf' }),
      `证明-${request.index}.pdf`,
    );
    return call(base, `/v1/evaluations/${evaluationId}/objections`, {
      method: 'POST',
      headers: { 'idempotency-key': request.key },
      body: form,
    });
  }

  /** The acknowledged objection, read through `base`: the same, with the same evidence bytes. */
  async function expectIntact(base: string, answered: Objection, request: Filing): Promise<void> {
    const stored = await call(base, `/v1/objections/${answered.id}`);
    expect(stored.status).toBe(200);
    expect(JSON.parse(stored.text)).toEqual(answered);
    const evidence = answered.evidence[0];
    if (evidence === undefined) throw new Error('no evidence');
    expect(evidence.sha256).toBe(sha256(request.evidence));
    const bytes = await fetch(`${base}/v1/objections/${answered.id}/evidence/${evidence.id}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(bytes.status).toBe(200);
    expect(sha256(new Uint8Array(await bytes.arrayBuffer()))).toBe(sha256(request.evidence));
  }

  beforeAll(async () => {
    cluster = await createCluster(await freePort());
    const setup = new pg.Client({ connectionString: cluster.url });
    await setup.connect();
    await setup.query('CREATE DATABASE mujun');
    await setup.end();
    url = cluster.url.replace(/\/postgres$/, '/mujun');
    const store = await openPostgresStore(url);
    admin = (await createToken(store, { role: 'admin', label: 'pg test' }, new Date().toISOString())).token;
    await store.shutdown();
    const env = { MUJUN_DATABASE_URL: url, LOG_LEVEL: 'warn' };
    const [one, two] = await Promise.all([startServer(':unused:', env), startServer(':unused:', env)]);
    servers[0] = one;
    servers[1] = two;
  });

  afterAll(async () => {
    for (const running of servers) await running?.stop('SIGKILL');
    await cluster.destroy();
  });

  it(`keeps every filing acknowledged before instance 1 is SIGKILLed after ${AFTER}, read through instance 2`, async () => {
    const { id, filings } = await evaluation(11, 2025);
    const began = Date.now();
    const acknowledged = new Map<number, Objection>();
    const refused: string[] = [];
    let next = 0;
    let killed: Promise<number | null> | undefined;
    const worker = async () => {
      while (next < FILINGS) {
        const request = filings[next++];
        if (request === undefined) break;
        // Spread over both; after the kill, only the survivor is asked.
        const target = killed === undefined && request.index % 2 === 0 ? server(0) : server(1);
        let answer;
        try {
          answer = await file(target.base, id, request);
        } catch {
          continue; // instance 1 died with this request: its fate is unknown
        }
        if (answer.status !== 201) {
          refused.push(`#${request.index}: ${answer.status} ${answer.text}`);
          continue;
        }
        acknowledged.set(request.index, JSON.parse(answer.text) as Objection);
        if (acknowledged.size >= AFTER && killed === undefined) killed = server(0).stop('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    console.info(`burst over two instances: ${FILINGS} filings in ${Date.now() - began} ms`);
    expect(refused).toEqual([]);
    expect(await killed).toBeNull();
    servers[0] = undefined;
    for (const [index, answered] of acknowledged) {
      const request = filings[index];
      if (request === undefined) throw new Error(`no filing ${index}`);
      await expectIntact(server(1).base, answered, request);
    }
    console.info(`kill -9: ${acknowledged.size} acknowledged, all intact through instance 2`);
  }, 300_000);

  it('loses no acknowledged filing to pg_ctl stop -m immediate mid-burst; only 503s while it is down', async () => {
    servers[0] = await startServer(':unused:', { MUJUN_DATABASE_URL: url, LOG_LEVEL: 'warn' });
    const pids = servers.map((running) => running?.child.pid);
    const { id, filings } = await evaluation(12, 2024);
    const acknowledged = new Map<number, Objection>();
    const other: string[] = [];
    let unavailable = 0;
    let down: Promise<void> | undefined;
    let next = 0;
    const worker = async () => {
      while (next < FILINGS) {
        const request = filings[next++];
        if (request === undefined) break;
        // Each filing is retried with its key until it is acknowledged: a 503 means "not done, retry".
        for (let attempt = 0; ; attempt += 1) {
          const answer = await file(server(request.index % 2).base, id, request);
          if (answer.status === 201) {
            acknowledged.set(request.index, JSON.parse(answer.text) as Objection);
            break;
          }
          if (answer.status === 503 && down !== undefined) {
            unavailable += 1;
            expect(answer.headers.get('retry-after')).toBe('5');
            expect(answer.headers.get('content-type')).toContain('application/problem+json');
            expect((JSON.parse(answer.text) as { title: string }).title).toBe('数据库暂时无法访问');
            await new Promise((resolve) => setTimeout(resolve, 200));
            continue;
          }
          other.push(`#${request.index}: ${answer.status} ${answer.text.slice(0, 200)}`);
          break;
        }
        if (acknowledged.size >= AFTER && down === undefined) {
          down = (async () => {
            await cluster.crash();
            await new Promise((resolve) => setTimeout(resolve, 2_000));
            await cluster.start();
          })();
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await down;
    expect(other).toEqual([]);
    expect(unavailable).toBeGreaterThan(0);
    expect(acknowledged.size).toBe(FILINGS);
    // The same processes answer: they reconnected by themselves.
    expect(servers.map((running) => running?.child.pid)).toEqual(pids);
    for (const [index, answered] of acknowledged) {
      const request = filings[index];
      if (request === undefined) throw new Error(`no filing ${index}`);
      await expectIntact(server(index % 2 === 0 ? 1 : 0).base, answered, request);
    }
    const health = await fetch(`${server(0).base}/healthz`);
    expect(health.status).toBe(200);
    console.info(`pg_ctl stop -m immediate: ${acknowledged.size} acknowledged, ${unavailable} answers 503`);
  }, 300_000);
});
