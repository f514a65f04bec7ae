import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, openPostgresStore } from '../../apps/api/src/index.js';
import { createTestDatabase, ENGINES, stopTestServer } from '../support/postgres.js';
import type { EngineName, TestDatabase } from '../support/postgres.js';
import { generatedCsv, issueTokens, sha256, smallPdf } from './support/api-data.js';
import { startServer } from './support/api-server.js';
import type { ServerProcess } from './support/api-server.js';
import { tempDirectory } from './support/mujun.js';
import { count, openReadonly } from './support/sqlite-readonly.js';

/**
 * Durability under kill -9 (issue 4, proof 1). The real server process grades a generated year of 200
 * enterprises and publishes it; then a burst of 400 distinct objections (one per enterprise and field,
 * each with its own PDF and Idempotency-Key) is fired 16 at a time, and the process is SIGKILLed as
 * soon as 120 of them have been answered 201. Restarted on the same data directory, the server must
 * hold every acknowledged objection exactly as it was answered (fields, items, evidence bytes), hold
 * nothing half-written, replay each acknowledged key, and complete the unanswered filings exactly once
 * when they are retried with their keys. The kill point is a count of acknowledgements, not a time.
 * On both engines (issue 14): SQLite in the data directory, and PostgreSQL (MUJUN_DATABASE_URL, a
 * database of its own on the test server), whose server stays up while ours is killed.
 */

const ENTERPRISES = 200;
const SEED = 4;
/** Two contestable figures every generated record has: 2 × 200 distinct (enterprise, field) filings. */
const FIELDS = ['tax', 'landAreaMu'] as const;
const FILINGS = ENTERPRISES * FIELDS.length;
const CONCURRENCY = 16;
const KILL_AFTER = 120;

interface Filing {
  readonly index: number;
  readonly key: string;
  readonly uscc: string;
  readonly field: (typeof FIELDS)[number];
  readonly claimedValue: string;
  readonly reason: string;
  readonly filename: string;
  readonly evidence: Buffer;
}

interface Objection {
  readonly id: string;
  readonly evaluationId: string;
  readonly uscc: string;
  readonly reason: string;
  readonly status: string;
  readonly items: readonly { field: string; claimedValue: string; status: string }[];
  readonly evidence: readonly { id: string; filename: string; size: number; sha256: string }[];
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** The server's database looked at under the API, on either engine: counts, and its own integrity check. */
interface Underneath {
  /** A `SELECT COUNT(*)`-style query (`?` placeholders): the one number it answers. */
  count(sql: string, ...params: unknown[]): Promise<number>;
  /** SQLite: integrity_check and foreign_key_check; PostgreSQL enforces foreign keys at every statement. */
  checkIntegrity(): Promise<void>;
  close(): Promise<void>;
}

function sqliteUnderneath(dataDir: string): Underneath {
  const db = openReadonly(dataDir);
  return {
    count: (sql, ...params) => Promise.resolve(count(db, sql, ...params)),
    checkIntegrity: () => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      return Promise.resolve();
    },
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}

async function postgresUnderneath(url: string): Promise<Underneath> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    count: async (sql, ...params) => {
      let n = 0;
      const result = await client.query(
        sql.replace(/\?/g, () => `$${String((n += 1))}`),
        params,
      );
      const value = Object.values((result.rows[0] ?? {}) as Record<string, unknown>)[0];
      // COUNT(*) is a bigint, which node-postgres answers as text.
      if (typeof value !== 'number' && typeof value !== 'string')
        throw new Error(`${sql} answered no number`);
      return Number(value);
    },
    checkIntegrity: () => Promise.resolve(),
    close: () => client.end(),
  };
}

afterAll(async () => {
  await stopTestServer();
});

describe.each(ENGINES)(
  'objections filed in a burst survive kill -9 of the server process (%s)',
  (engine: EngineName) => {
    let dir: { path: string; cleanup: () => Promise<void> };
    let dataDir = '';
    /** PostgreSQL: the database the server runs on (dropped after), and the server's setting for it. */
    let database: TestDatabase | undefined;
    let env: Record<string, string> = {};
    let server: ServerProcess | undefined;
    let admin = '';
    let evaluationId = '';
    let filings: Filing[] = [];
    /** What the burst saw: filings sent, and those answered 201 with their bodies. */
    const sent = new Set<number>();
    const acknowledged = new Map<number, Objection>();

    function filing(index: number, uscc: string): Filing {
      const field = FIELDS[Math.floor(index / ENTERPRISES)] ?? 'tax';
      return {
        index,
        key: `crash-burst-${index}`,
        uscc,
        field,
        claimedValue: field === 'tax' ? `${1000 + index}.5` : `${20 + index}.25`,
        reason: `异议 #${index}：${field} 数据有误`,
        filename: `证明-${index}.pdf`,
        evidence: smallPdf(`filing ${index}`),
      };
    }

    function file(base: string, request: Filing): Promise<Answer> {
      const form = new FormData();
      form.append(
        'objection',
        JSON.stringify({
          uscc: request.uscc,
          reason: request.reason,
          items: [{ field: request.field, claimedValue: request.claimedValue }],
        }),
      );
      form.append('evidence', new Blob([request.evidence], { type: 'application/pdf' }), request.filename);
      return call(base, `/v1/evaluations/${evaluationId}/objections`, {
        method: 'POST',
        headers: { 'idempotency-key': request.key },
        body: form,
      });
    }

    async function call(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
      const response = await fetch(`${base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${admin}`, ...(init.headers as Record<string, string>) },
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    }

    function running(): ServerProcess {
      if (server === undefined) throw new Error('no server');
      return server;
    }

    /** The filing an objection came from, by the number in its reason. */
    function filingOf(objection: Objection): Filing {
      const index = Number(/^异议 #(\d+)：/.exec(objection.reason)?.[1]);
      const found = filings[index];
      if (found === undefined) throw new Error(`objection ${objection.id} comes from no filing`);
      return found;
    }

    /** The objection answers what its filing asked, with one item and its one evidence file. */
    function expectMatches(objection: Objection, request: Filing): void {
      expect(objection.evaluationId).toBe(evaluationId);
      expect(objection.uscc).toBe(request.uscc);
      expect(objection.reason).toBe(request.reason);
      expect(objection.status).toBe('under_review');
      expect(objection.items).toHaveLength(1);
      expect(objection.items[0]).toMatchObject({
        field: request.field,
        claimedValue: request.claimedValue,
        status: 'pending',
      });
      expect(objection.evidence).toHaveLength(1);
      expect(objection.evidence[0]).toMatchObject({
        filename: request.filename,
        size: request.evidence.length,
        sha256: sha256(request.evidence),
      });
    }

    async function expectEvidenceBytes(objection: Objection, request: Filing): Promise<void> {
      const evidence = objection.evidence[0];
      if (evidence === undefined) throw new Error(`objection ${objection.id} has no evidence`);
      const response = await fetch(
        `${running().base}/v1/objections/${objection.id}/evidence/${evidence.id}`,
        {
          headers: { authorization: `Bearer ${admin}` },
        },
      );
      expect(response.status).toBe(200);
      expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(request.evidence));
    }

    async function listed(): Promise<Objection[]> {
      const all: Objection[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
        const page = await call(
          running().base,
          `/v1/evaluations/${evaluationId}/objections?limit=100${query}`,
        );
        expect(page.status).toBe(200);
        const body = JSON.parse(page.text) as { data: Objection[]; next_cursor: string | null };
        all.push(...body.data);
        cursor = body.next_cursor;
      } while (cursor !== null);
      return all;
    }

    /** Under the API: every objection whole, nothing orphaned, every write of a filing there or none. */
    async function expectConsistentTables(objections: number): Promise<void> {
      const db = database === undefined ? sqliteUnderneath(dataDir) : await postgresUnderneath(database.url);
      try {
        await db.checkIntegrity();
        expect(await db.count('SELECT COUNT(*) FROM objections')).toBe(objections);
        expect(await db.count('SELECT COUNT(*) FROM objection_items')).toBe(objections);
        expect(await db.count('SELECT COUNT(*) FROM evidence')).toBe(objections);
        expect(
          await db.count(
            'SELECT COUNT(*) FROM objections o WHERE NOT EXISTS (SELECT 1 FROM objection_items i WHERE i.objection_id = o.id)',
          ),
        ).toBe(0);
        expect(
          await db.count(
            'SELECT COUNT(*) FROM objections o WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.objection_id = o.id)',
          ),
        ).toBe(0);
        expect(
          await db.count('SELECT COUNT(*) FROM evidence e WHERE length(e.content) <> e.size OR e.size = 0'),
        ).toBe(0);
        // The stored response and the audit line are written in the filing's transaction too.
        expect(await db.count('SELECT COUNT(*) FROM idempotency')).toBe(objections + 1);
        expect(
          await db.count("SELECT COUNT(*) FROM audit WHERE entity = 'objection' AND action = 'file'"),
        ).toBe(objections);
        // Created at 1, published (+1), and +1 per filing.
        expect(await db.count('SELECT version FROM evaluations WHERE id = ?', evaluationId)).toBe(
          2 + objections,
        );
      } finally {
        await db.close();
      }
    }

    beforeAll(async () => {
      dir = await tempDirectory();
      dataDir = join(dir.path, 'data');
      if (engine === 'postgres') {
        database = await createTestDatabase();
        env = { MUJUN_DATABASE_URL: database.url };
        const store = await openPostgresStore(database.url);
        try {
          admin = (await createToken(store, { role: 'admin', label: 'crash test' }, new Date().toISOString()))
            .token;
        } finally {
          await store.shutdown();
        }
      } else [admin = ''] = await issueTokens(dataDir, [{ role: 'admin', label: 'crash test' }]);
    });

    afterAll(async () => {
      await server?.stop('SIGKILL');
      await dir.cleanup();
      await database?.drop();
    });

    it('grades and publishes a generated year of 200 enterprises on the real server', async () => {
      server = await startServer(dataDir, { LOG_LEVEL: 'warn', ...env });
      const year = generatedCsv(ENTERPRISES, SEED);
      const form = new FormData();
      form.append('data', new Blob([year.bytes]), 'generated-200.csv');
      form.append('name', 'crash test year');
      const created = await call(server.base, '/v1/evaluations', {
        method: 'POST',
        headers: { 'idempotency-key': 'crash-create' },
        body: form,
      });
      expect(created.status, created.text).toBe(201);
      const evaluation = JSON.parse(created.text) as { id: string; enterprises: number };
      expect(evaluation.enterprises).toBe(ENTERPRISES);
      evaluationId = evaluation.id;
      // Published today (Asia/Shanghai) on the server's clock, SERVER_CLOCK: the 公示 window is open from
      // 00:00 today, so filing works now.
      const published = await call(server.base, `/v1/evaluations/${evaluationId}/publication`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(published.status, published.text).toBe(201);
      filings = Array.from({ length: FILINGS }, (_, index) =>
        filing(index, year.records[index % ENTERPRISES]?.uscc ?? ''),
      );
      expect(new Set(filings.map((f) => `${f.uscc} ${f.field}`)).size).toBe(FILINGS);
    }, 300_000);

    it(`is SIGKILLed mid-burst, once ${KILL_AFTER} filings are acknowledged`, async () => {
      const base = running().base;
      let next = 0;
      let exited: Promise<number | null> | undefined;
      const killed = () => exited !== undefined;
      const refused: string[] = [];
      const worker = async () => {
        while (!killed() && next < FILINGS) {
          const request = filings[next++];
          if (request === undefined) break;
          sent.add(request.index);
          let answer: Answer;
          try {
            answer = await file(base, request);
          } catch {
            continue; // the connection died with the server: this filing's fate is unknown
          }
          if (answer.status !== 201) {
            refused.push(`#${request.index}: ${answer.status} ${answer.text}`);
            continue;
          }
          acknowledged.set(request.index, JSON.parse(answer.text) as Objection);
          if (acknowledged.size >= KILL_AFTER && !killed()) exited = running().stop('SIGKILL');
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      expect(refused).toEqual([]);
      expect(killed()).toBe(true);
      expect(await exited).toBeNull(); // killed by the signal, not exited
      expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
      // The burst was cut short: filings were still to be sent when the process died.
      expect(sent.size).toBeLessThan(FILINGS);
      const unanswered = [...sent].filter((index) => !acknowledged.has(index)).length;
      console.info(
        `burst: ${sent.size} sent, ${acknowledged.size} acknowledged, ${unanswered} in flight at the kill`,
      );
    }, 300_000);

    it('restarts on the same database with every acknowledged objection intact', async () => {
      server = await startServer(dataDir, { LOG_LEVEL: 'warn', ...env });
      for (const [index, answered] of acknowledged) {
        const request = filings[index];
        if (request === undefined) throw new Error(`no filing ${index}`);
        expectMatches(answered, request);
        const stored = await call(server.base, `/v1/objections/${answered.id}`);
        expect(stored.status).toBe(200);
        expect(JSON.parse(stored.text)).toEqual(answered);
        await expectEvidenceBytes(answered, request);
      }
    }, 300_000);

    it('holds no half-written objection: each is whole, and the tables agree with the API', async () => {
      const objections = await listed();
      const ids = new Set(objections.map((objection) => objection.id));
      expect(ids.size).toBe(objections.length);
      for (const answered of acknowledged.values()) expect(ids.has(answered.id)).toBe(true);
      for (const objection of objections) {
        const request = filingOf(objection);
        // Only what was sent can be there; an unanswered one may be, whole.
        expect(sent.has(request.index)).toBe(true);
        expectMatches(objection, request);
      }
      expect(objections.length).toBeGreaterThanOrEqual(acknowledged.size);
      expect(objections.length).toBeLessThanOrEqual(sent.size);
      console.info(
        `after the restart: ${objections.length} objections, ${objections.length - acknowledged.size} of them ` +
          `from the ${sent.size - acknowledged.size} filings unanswered at the kill`,
      );
      await expectConsistentTables(objections.length);
    }, 300_000);

    it('replays each acknowledged Idempotency-Key with the same objection', async () => {
      const base = running().base;
      for (const [index, answered] of acknowledged) {
        const request = filings[index];
        if (request === undefined) throw new Error(`no filing ${index}`);
        const again = await file(base, request);
        expect(again.status, again.text).toBe(201);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
        expect(again.headers.get('location')).toBe(`/v1/objections/${answered.id}`);
        expect(JSON.parse(again.text)).toEqual(answered);
      }
    }, 300_000);

    it('completes the unanswered filings exactly once when they are retried with their keys', async () => {
      const base = running().base;
      const unanswered = [...sent].filter((index) => !acknowledged.has(index));
      /** PostgreSQL: keys the killed process had claimed and not committed, still claimed in the database. */
      const claimed: Filing[] = [];
      for (const index of unanswered) {
        const request = filings[index];
        if (request === undefined) throw new Error(`no filing ${index}`);
        const retried = await file(base, request);
        if (database !== undefined && retried.status === 409) {
          // Another instance may still be running it, for all this one knows: 409 until the claim is
          // stale (10 minutes). Nothing of it was stored, or the stored response would be replayed.
          const problem = JSON.parse(retried.text) as { type: string };
          expect(problem.type).toMatch(/idempotency-in-flight$/);
          claimed.push(request);
          continue;
        }
        // 201 either way: replayed if it had committed before the kill, filed now if it had not.
        expect(retried.status, retried.text).toBe(201);
        expectMatches(JSON.parse(retried.text) as Objection, request);
      }
      if (database !== undefined && claimed.length > 0) {
        const held = new Set((await listed()).map((objection) => filingOf(objection).index));
        expect(claimed.filter((request) => held.has(request.index))).toEqual([]);
        // Ten minutes on: the server's clock for claims is the real one, so the claims are made older.
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          const older = new Date(Date.now() - 11 * 60_000).toISOString();
          const moved = await client.query(
            'UPDATE idempotency_claims SET claimed_at = $1 WHERE key = ANY($2)',
            [older, claimed.map((request) => request.key)],
          );
          expect(moved.rowCount).toBe(claimed.length);
        } finally {
          await client.end();
        }
        for (const request of claimed) {
          const retried = await file(base, request);
          expect(retried.status, retried.text).toBe(201);
          expect(retried.headers.get('idempotent-replayed')).toBeNull();
          expectMatches(JSON.parse(retried.text) as Objection, request);
        }
      }
      console.info(
        `retried: ${unanswered.length}, of them ${claimed.length} held by the dead process’s claim`,
      );
      const objections = await listed();
      expect(objections).toHaveLength(sent.size);
      expect(new Set(objections.map((objection) => filingOf(objection).index))).toEqual(sent);
      await expectConsistentTables(sent.size);
    }, 300_000);
  },
);
