import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import reference from '../../packages/scoring/src/scheme/presets/reference.json' with { type: 'json' };
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { dataForm } from './support/fixtures.js';

/**
 * Issue 13 on the server: a scheme that declares its own figure (Linhai's 用水量) is uploaded with the
 * data; the column is read and validated like a data-dictionary column, scored with, and kept with the
 * stored records so that every later grading of them (the workbook download grades again) agrees.
 */
const HEADER =
  '统一社会信用代码,企业名称,企业规模,用地面积(亩),税收实际贡献(万元),用电量(千瓦时),用水量（吨）';
const JIA = '91331003MA209HKA5H';

const SCHEME = JSON.stringify({
  ...reference,
  id: 'water-county',
  figures: [{ key: 'waterTon', header: '用水量(吨)', unit: '吨', kind: 'nonNegativeNumber' }],
  indicatorSets: {
    ...reference.indicatorSets,
    below: [
      {
        key: 'taxPerWater',
        label: '单位用水量税收',
        unit: '万元/吨',
        numerator: 'tax',
        denominator: 'waterTon',
        weight: '100',
        benchmark: { method: 'fixed', value: '0.1' },
        scoring: { method: 'ratio', cap: null, floor: null },
        notApplicable: { method: 'zero' },
      },
    ],
  },
});

describe('an upload under a scheme that declares a figure', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(() => h.close());

  const upload = (csv: string) =>
    h.api.call('post', '/v1/evaluations', {
      token: h.tokens.admin,
      body: dataForm([{ name: 'water.csv', bytes: Buffer.from(csv) }], { year: '2025', scheme: SCHEME }),
    });

  it('refuses a bad cell in the declared column with a 422 naming row, column, value and reason', async () => {
    const res = await upload(
      `${HEADER}\n${JIA},甲,规下,10,-20,500000,400\n91331003MA209NM963,乙,规下,10,20,500000,-3\n`,
    );
    expect(res.status).toBe(422);
    if (res.status !== 422) return;
    expect(res.body.type).toBe('https://mujun.dev/problems/invalid-data');
    const issue = res.body.issues?.find((found) => found.column === 'waterTon');
    expect(issue).toMatchObject({ file: 'water.csv', row: 3, header: '用水量（吨）', value: '-3' });
    expect(issue?.reason).not.toBe('');
    expect(res.body.issues).toHaveLength(1);
  });

  it('scores with the declared column and keeps it with the stored records', async () => {
    const res = await upload(`${HEADER}\n${JIA},甲,规下,10,-20,500000,400\n`);
    expect(res.status, res.text).toBe(201);
    if (res.status !== 201) return;
    const id = res.body.id;
    const detail = await fetch(`${h.base}/v1/evaluations/${id}/enterprises/${JIA}`, {
      headers: { authorization: `Bearer ${h.tokens.admin}` },
    });
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as {
      indicators: Record<string, { value: string | null; score: string | null }>;
    };
    // −20 ÷ 400 = −0.05 万元/吨; no floor: −0.05 ÷ 0.1 × 100 = −50
    expect(body.indicators['taxPerWater']).toMatchObject({ value: '-0.0500', score: '-50.00' });
    // The workbook grades the stored records again and refuses if they no longer give the stored results.
    const workbook = await fetch(`${h.base}/v1/evaluations/${id}/workbook`, {
      headers: { authorization: `Bearer ${h.tokens.admin}` },
    });
    expect(workbook.status).toBe(200);
  });
});
