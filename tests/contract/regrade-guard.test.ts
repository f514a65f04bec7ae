import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openConnection } from '../../apps/api/src/store/sqlite/database.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';

/**
 * A report grades the stored records again and checks the grading against the stored results, a page
 * of them at a time: a stored result that the records no longer give is a 500, never a workbook that
 * says something else than the results pages. The check is made once per grading in a
 * process (domain/regrade.ts keeps the checked grading), so the tampered store is read again by a new one.
 */
describe('a report whose grading no longer matches the stored results', () => {
  let h: Harness;
  let dir = '';
  let evaluationId = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mujun-regrade-guard-'));
    h = await startApi({ dataDir: dir });
    evaluationId = await uploadedSample(h, { file: 'sample-2025.csv', name: '2025年度' });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is written while they match, and refused with a 500 once one stored result differs', async () => {
    const workbook = () =>
      fetch(`${h.base}/v1/evaluations/${evaluationId}/workbook`, {
        headers: { authorization: `Bearer ${h.tokens.admin}` },
      });
    expect((await workbook()).status).toBe(200);
    const db = openConnection(join(dir, DATABASE_FILE));
    try {
      // Tampered with from outside (the API never changes a result): what the guard is for.
      db.exec('DROP TRIGGER results_immutable');
      const changed = db
        .prepare(
          `UPDATE results SET result_json = replace(result_json, '"uscc"', '"uscc" ')
           WHERE evaluation_id = ? AND phase = 'initial' AND ordinal = (
             SELECT MAX(ordinal) FROM results WHERE evaluation_id = ? AND phase = 'initial')`,
        )
        .run(evaluationId, evaluationId);
      expect(changed.changes).toBe(1);
    } finally {
      db.close();
    }
    // The grading checked before the change is kept for this version: the same workbook again.
    const kept = await workbook();
    expect(kept.status).toBe(200);
    // A new process (a new store: nothing kept) grades again and finds the difference.
    await h.close();
    h = await startApi({ dataDir: dir });
    const refused = await workbook();
    expect(refused.status).toBe(500);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
  });
});
