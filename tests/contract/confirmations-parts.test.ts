import { confirmationSheets, dataset, renderConfirmationPage } from '@mujun/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeRecords } from '../../apps/api/src/domain/grading.js';
import { storedScheme } from '../../apps/api/src/domain/regrade.js';
import { CONFIRMATION_PART } from '../../apps/api/src/domain/regraded-jobs.js';
import { generatedCsv } from '../e2e/support/api-data.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';

/**
 * The county's 一企一单 page is rendered where the grading is held, CONFIRMATION_PART sheets at a time
 * (publications.ts): put together, the parts are the page `mujun publish` writes, byte for byte, the
 * sheets in their order (by town, then by code) across the parts' seams.
 */
describe('the county’s 一企一单 page, rendered a part at a time', () => {
  const COUNT = 2 * CONFIRMATION_PART + 50;
  let h: Harness;
  let id = '';

  beforeAll(async () => {
    h = await startApi();
    id = await uploadedSample(h, { file: 'county.csv', bytes: generatedCsv(COUNT, 7).bytes });
  }, 120_000);
  afterAll(() => h.close());

  it('is the whole page rendered at once', async () => {
    const answer = await fetch(`${h.base}/v1/evaluations/${id}/confirmations`, {
      headers: { authorization: `Bearer ${h.tokens.admin}` },
    });
    expect(answer.status).toBe(200);
    const page = await answer.text();
    const records = await h.store.records(id);
    const whole = [
      ...renderConfirmationPage(
        confirmationSheets(dataset(records, gradeRecords(records, await storedScheme(h.store, id)))),
      ),
    ].join('');
    expect(page.match(/<section class="sheet"/g)).toHaveLength(COUNT);
    expect(page).toBe(whole);
  });
});
