import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  migrateStore,
  openPostgresStore,
  openSqliteStore,
  StoreMigrationError,
} from '../../apps/api/src/index.js';
import { createTestDatabase, stopTestServer } from '../support/postgres.js';
import type { TestDatabase } from '../support/postgres.js';
import { IN_WINDOW, PUBLISHED_ON, SAMPLE, startApi } from './support/harness.js';
import { objectionForm, PDF } from './support/fixtures.js';
import { uploadedSample } from './support/uploads.js';

/**
 * `mujun store migrate`: a county's SQLite store (an evaluation, its results, a published list, an
 * objection with its PDF, the audit trail, tokens) moved into PostgreSQL, every table's digest equal,
 * and the same objection read back through the PostgreSQL store.
 */
describe('moving a SQLite store into PostgreSQL', () => {
  let dir = '';
  let database: TestDatabase | undefined;
  let objectionId = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mujun-migrate-'));
    const h = await startApi({ dataDir: dir });
    const evaluationId = await uploadedSample(h, { file: 'sample.csv' });
    h.clock.set('2025-06-02T02:00:00.000Z');
    const published = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id: evaluationId },
      body: { date: PUBLISHED_ON },
    });
    if (published.status !== 201) throw new Error(published.text);
    h.clock.set(IN_WINDOW);
    const filed = await h.api.call('post', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: evaluationId },
      headers: { 'idempotency-key': 'migrate-1' },
      body: objectionForm(
        { uscc: SAMPLE.floorD, reason: '用地面积有误', items: [{ field: 'landAreaMu', claimedValue: '30' }] },
        [{ name: '证明.pdf', bytes: PDF }],
      ),
    });
    if (filed.status !== 201) throw new Error(filed.text);
    objectionId = filed.body.id;
    await h.close();
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
    await stopTestServer();
  });

  it('copies every table, each digest equal, and the objection reads the same on PostgreSQL', async () => {
    if (database === undefined) throw new Error('no database');
    const digests = await migrateStore(dir, database.url);
    for (const entry of digests) expect(entry.postgres, entry.table).toBe(entry.sqlite);
    const rows = Object.fromEntries(digests.map((entry) => [entry.table, entry.rows]));
    expect(rows).toMatchObject({
      evaluations: 1,
      objections: 1,
      evidence: 1,
      evidence_totals: 1,
      evidence_evaluation_totals: 1,
      tokens: 10,
    });
    expect(rows['results']).toBeGreaterThan(0);
    expect(rows['audit']).toBeGreaterThan(2);
    const sqlite = openSqliteStore(dir);
    const postgres = await openPostgresStore(database.url);
    try {
      expect(await postgres.getObjection(objectionId)).toEqual(await sqlite.getObjection(objectionId));
      const audit = await postgres.listAudit({}, { limit: 100 });
      expect(audit.items).toEqual((await sqlite.listAudit({}, { limit: 100 })).items);
    } finally {
      await postgres.shutdown();
      sqlite.close();
    }
  });

  it('refuses to migrate into a database that is not empty', async () => {
    if (database === undefined) throw new Error('no database');
    await expect(migrateStore(dir, database.url)).rejects.toBeInstanceOf(StoreMigrationError);
  });
});
