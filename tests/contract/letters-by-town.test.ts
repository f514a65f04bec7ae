import { inflateRawSync } from 'node:zlib';
import { confirmationSheets, renderConfirmationPage } from '../../packages/reports/src/index.js';
import type { ActivationNotice, Dataset } from '../../packages/reports/src/index.js';
import { dataset } from '../../packages/reports/src/dataset.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeRecords } from '../../apps/api/src/domain/grading.js';
import { lettersOf } from '../../apps/api/src/domain/letters.js';
import { storedScheme } from '../../apps/api/src/domain/regrade.js';
import { ENGINES, stopTestServer } from '../support/postgres.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';

/**
 * The activation letters made one town at a time where the grading is held (domain/letters.ts) are the
 * letters the route made before: the page of the whole county's `dataset` filtered to the town's codes,
 * with their notices. Any subset of codes, in any order, with repeats and codes of no enterprise.
 */
describe.each(ENGINES)('letters a town at a time (%s)', (engine) => {
  let h: Harness;
  let id = '';

  beforeAll(async () => {
    h = await startApi({ engine });
    id = await uploadedSample(h, { file: 'sample-2025.csv', name: '2025年度' });
  });
  afterAll(() => h.close());

  it('equals the page of the county dataset filtered to the codes', async () => {
    const records = await h.store.records(id);
    const whole = dataset(records, gradeRecords(records, await storedScheme(h.store, id)));
    const letters = await lettersOf(h.store, h.work.gradings, id, 'initial');
    const codes = whole.entries.map((entry) => entry.record.uscc);
    expect(codes.length).toBeGreaterThan(20);
    const notices = new Map<string, ActivationNotice>(
      codes.map((uscc, i) => [uscc, { code: `CODE${String(i)}`, until: '2026-07-01', url: null }]),
    );
    const page = (data: Dataset) => [...renderConfirmationPage(confirmationSheets(data), notices)].join('');
    const made = async (asked: readonly string[]) =>
      inflateRawSync((await letters(asked, notices)).data).toString('utf8');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...codes), fc.string()), { maxLength: 40 }),
        async (asked) => {
          const set = new Set(asked);
          expect(await made(asked)).toBe(
            page({ ...whole, entries: whole.entries.filter((entry) => set.has(entry.record.uscc)) }),
          );
        },
      ),
      { numRuns: 50 },
    );
    // The whole county, by town, as the route asks.
    for (const town of new Set(records.map((record) => record.town ?? null))) {
      const ofTown = records.filter((record) => (record.town ?? null) === town).map((record) => record.uscc);
      expect(await made(ofTown)).toBe(
        page({ ...whole, entries: whole.entries.filter((entry) => ofTown.includes(entry.record.uscc)) }),
      );
    }
  });
});

afterAll(async () => {
  await stopTestServer();
});
