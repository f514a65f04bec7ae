import { dataset } from '../../packages/reports/src/dataset.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lettersOf } from '../../apps/api/src/domain/letters.js';
import { regrade } from '../../apps/api/src/domain/regrade.js';
import { ENGINES, stopTestServer } from '../support/postgres.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';

/**
 * The activation letters' dataset made one town at a time (domain/letters.ts) is the dataset the route
 * made before: the whole county's `dataset`, filtered to the town's codes. Any subset of codes, in any
 * order, with repeats and codes of no enterprise.
 */
describe.each(ENGINES)('letters a town at a time (%s)', (engine) => {
  let h: Harness;
  let id = '';

  beforeAll(async () => {
    h = await startApi({ engine });
    id = await uploadedSample(h, { file: 'sample-2025.csv', name: '2025年度' });
  });
  afterAll(() => h.close());

  it('equals the county dataset filtered to the codes', async () => {
    const { records, grading } = await regrade(h.store, id, 'initial');
    const whole = dataset(records, grading);
    const letters = await lettersOf(h.store, id, 'initial');
    const codes = whole.entries.map((entry) => entry.record.uscc);
    expect(codes.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...codes), fc.string()), { maxLength: 40 }), (asked) => {
        const set = new Set(asked);
        expect(letters(asked)).toEqual({
          ...whole,
          entries: whole.entries.filter((entry) => set.has(entry.record.uscc)),
        });
      }),
      { numRuns: 100 },
    );
    // The whole county, by town, as the route asks.
    for (const town of new Set(records.map((record) => record.town ?? null))) {
      const ofTown = records.filter((record) => (record.town ?? null) === town).map((record) => record.uscc);
      expect(letters(ofTown).entries).toEqual(
        whole.entries.filter((entry) => ofTown.includes(entry.record.uscc)),
      );
    }
  });
});

afterAll(async () => {
  await stopTestServer();
});
