import { Dec, grade, parseRecords, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CSV } from './support/fixtures.js';
import { SAMPLE, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { publishedSample } from '../e2e/support/web.js';

/**
 * GET …/enterprises/{uscc}/next-class: the enterprise's way up as the server states it, checked by grading
 * the sample again with the stated increase of 税收 (a better class, the stated one) and with 0.01 less
 * (not better).
 */

let h: Harness;
let evaluationId = '';
let records: EnterpriseRecord[] = [];

beforeAll(async () => {
  h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
  evaluationId = await publishedSample(h, { file: 'sample.csv' });
  const [header, ...lines] = SAMPLE_CSV.toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  records = parseRecords({
    headers: (header ?? '').split(','),
    rows: lines.map((line, k) => ({ row: k + 2, cells: line.split(',') })),
  }).records;
}, 120_000);
afterAll(async () => {
  await h.close();
});

function classWithTax(uscc: string, increase: string): string | null {
  const moved = records.map((record) =>
    record.uscc === uscc ? { ...record, tax: new Dec(record.tax).plus(increase).toFixed() } : record,
  );
  return grade(moved, presetScheme('reference')).result(uscc)?.finalClass ?? null;
}

describe('the enterprise’s way up, from the server', () => {
  it('states the smallest increase of 税收 that moves it up, as grading again confirms', async () => {
    const answer = await fetch(
      `${h.base}/v1/evaluations/${evaluationId}/enterprises/${SAMPLE.floorD}/next-class`,
      {
        headers: { authorization: `Bearer ${h.tokens.enterprise}` },
      },
    );
    expect(answer.status).toBe(200);
    const { toNextClass } = (await answer.json()) as {
      toNextClass: { class: string; taxIncrease: string; unanswered: string | null } | null;
    };
    const now = grade(records, presetScheme('reference')).result(SAMPLE.floorD)?.finalClass ?? '';
    expect(toNextClass).not.toBeNull();
    const way = toNextClass as { class: string; taxIncrease: string; unanswered: string | null };
    // Every search finished within its bound: the answers are whole.
    expect(way.unanswered).toBeNull();
    const reached = classWithTax(SAMPLE.floorD, way.taxIncrease);
    expect(reached).toBe(way.class);
    expect((reached ?? 'Z') < now).toBe(true);
    const less = classWithTax(SAMPLE.floorD, new Dec(way.taxIncrease).minus('0.01').toFixed());
    expect((less ?? 'Z') < now).toBe(false);
  });

  it('answers 404 to another enterprise', async () => {
    const other = await fetch(
      `${h.base}/v1/evaluations/${evaluationId}/enterprises/${SAMPLE.floorD}/next-class`,
      {
        headers: { authorization: `Bearer ${h.tokens.otherEnterprise}` },
      },
    );
    expect(other.status).toBe(404);
  });
});
