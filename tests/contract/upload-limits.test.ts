import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidRowsCsv, repeatedCsv, zipBombXlsx } from '../../packages/sheets/bench/hostile-files.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { dataForm } from './support/fixtures.js';

/**
 * Data files over the read limits, uploaded: refused at once as problem+json naming the limit in Chinese
 * (413 for sizes, 422 for rows), issue lists capped, nothing stored.
 */
describe('uploads over the read limits', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(async () => {
    await h.close();
  });

  async function upload(name: string, bytes: Uint8Array) {
    return h.api.call('post', '/v1/evaluations', {
      token: h.tokens.admin,
      body: dataForm([{ name, bytes }]),
    });
  }

  it('answers a 1 MB workbook that unzips to 1 GiB with a 413 naming the limit', async () => {
    const res = await upload('bomb.xlsx', zipBombXlsx());
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = JSON.parse(res.text) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'https://mujun.dev/problems/file-too-large',
      title: '文件超过大小上限',
      status: 413,
      file: 'bomb.xlsx',
      limit: { name: 'maxEntryBytes', value: 256 * 1024 * 1024 },
    });
    expect(body['detail']).toContain('解压后超过 256 MB 上限');
  });

  it('answers 2,000,000 rows with a 422 naming the row limit', async () => {
    const res = await upload('big.csv', invalidRowsCsv(2_000_000));
    expect(res.status).toBe(422);
    const body = JSON.parse(res.text) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'https://mujun.dev/problems/file-over-limit',
      limit: { name: 'maxRows', value: 200_000 },
    });
    expect(body['detail']).toBe(
      'big.csv 超过行数上限（200,000 行） (the file exceeds the limit of 200,000 rows)',
    );
  });

  it('answers 50,000 rows of one code with a bounded list of issues, and stores nothing', async () => {
    const res = await upload('dup.csv', Buffer.from(repeatedCsv(50_000)));
    expect(res.status).toBe(422);
    expect(res.text.length).toBeLessThan(1024 * 1024);
    if (res.status !== 422) return;
    expect(res.body.type).toBe('https://mujun.dev/problems/invalid-data');
    expect(res.body.issues?.some((issue) => issue.reason.includes('另有 49,989 行使用同一代码'))).toBe(true);
    const list = await h.api.call('get', '/v1/evaluations', { token: h.tokens.admin });
    expect(list.status === 200 && list.body.data).toEqual([]);
  });
});
