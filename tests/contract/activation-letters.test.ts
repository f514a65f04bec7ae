import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { ON_PUBLICATION_DAY, PUBLISHED_ON, SAMPLE, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { post } from './support/sessions.js';
import { uploadedSample } from './support/uploads.js';

/**
 * Activation codes printed on each enterprise's 一企一单: the codes exist in plain text only in the
 * answer that issues them, so that answer (format=zip) carries the town's workbook and the letters
 * together; and a town's unlock and reissue for its enterprises that never had an account.
 */

const PASSWORD = 'Qiye#Huangyan1';

async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const archive = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  for await (const entry of archive.eachEntry()) {
    const stream = await archive.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    files.set(entry.fileName, Buffer.concat(chunks));
  }
  return files;
}

async function workbookCodes(bytes: Buffer): Promise<Map<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const codes = new Map<string, string>();
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row, n) => {
      if (n > 1) codes.set(row.getCell(1).text, row.getCell(4).text);
    });
  }
  return codes;
}

/** Each sheet of the letters: its 统一社会信用代码 and the code printed on it. */
function letterCodes(html: string): Map<string, string> {
  const codes = new Map<string, string>();
  for (const sheet of html.split('<section class="sheet"').slice(1)) {
    const uscc = /<th scope="row">统一社会信用代码<\/th><td>([0-9A-Z]{18})<\/td>/.exec(sheet)?.[1];
    const code = /<span class="code">([0-9A-Z-]+)<\/span>/.exec(sheet)?.[1];
    if (uscc !== undefined && code !== undefined) codes.set(uscc, code);
  }
  return codes;
}

describe('activation codes on the 一企一单', () => {
  let h: Harness;
  let evaluationId = '';
  let files = new Map<string, Buffer>();

  beforeAll(async () => {
    h = await startApi({
      now: '2025-06-02T02:00:00.000Z',
      notice: { publicUrl: 'https://mujun.example.gov.cn' },
    });
    evaluationId = await uploadedSample(h, { file: 'sample.csv' });
    const issued = await fetch(
      `${h.base}/v1/evaluations/${evaluationId}/activation-codes?town=${encodeURIComponent('院桥镇')}&format=zip`,
      { method: 'POST', headers: { authorization: `Bearer ${h.tokens.admin}` } },
    );
    expect(issued.status).toBe(201);
    expect(issued.headers.get('content-type')).toBe('application/zip');
    expect(decodeURIComponent(issued.headers.get('content-disposition') ?? '')).toContain(
      '企业激活码与一企一单-院桥镇.zip',
    );
    files = await unzip(Buffer.from(await issued.arrayBuffer()));
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('answers the town’s workbook and its 一企一单 with each enterprise’s own code on its own sheet', async () => {
    expect([...files.keys()]).toEqual(['企业激活码-院桥镇.xlsx', '一企一单（含激活码）-院桥镇.html']);
    const inWorkbook = await workbookCodes(files.get('企业激活码-院桥镇.xlsx') ?? Buffer.alloc(0));
    const html = files.get('一企一单（含激活码）-院桥镇.html')?.toString('utf8') ?? '';
    const onLetters = letterCodes(html);
    expect(inWorkbook.size).toBeGreaterThan(1);
    expect(inWorkbook.has(SAMPLE.floorD)).toBe(true);
    // Every enterprise of the town: one sheet, carrying the same code as the workbook's row.
    expect(onLetters).toEqual(inWorkbook);
    expect(html.split('<section class="sheet"').length - 1).toBe(inWorkbook.size);
    expect(html).toContain('https://mujun.example.gov.cn/app/#/activate');
    // Only codes: no enterprise of another town is in the town's letters.
    expect(html).not.toContain(SAMPLE.beicheng);
  });

  it('lets an enterprise activate with the code printed on its letter', async () => {
    const html = files.get('一企一单（含激活码）-院桥镇.html')?.toString('utf8') ?? '';
    const code = letterCodes(html).get(SAMPLE.floorD) ?? '';
    const activated = await post(h, '/v1/auth/activate', { uscc: SAMPLE.floorD, code, password: PASSWORD });
    expect(activated.status).toBe(204);
  });

  it('lets a town unlock and reissue for its enterprise that never had an account', async () => {
    h.clock.set(ON_PUBLICATION_DAY);
    const published = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id: evaluationId },
      body: { date: PUBLISHED_ON },
    });
    expect(published.status).toBe(201);
    // 北城街道 had no codes issued: its enterprise has no account, yet failed tries lock its name.
    expect(await h.store.account(SAMPLE.beicheng)).toBeUndefined();
    for (let i = 0; i < 5; i += 1)
      await post(h, '/v1/auth/activate', { uscc: SAMPLE.beicheng, code: 'AAAAA-AAAAA', password: PASSWORD });
    const locked = await post(h, '/v1/auth/activate', {
      uscc: SAMPLE.beicheng,
      code: 'AAAAA-AAAAA',
      password: PASSWORD,
    });
    expect(locked.status).toBe(429);
    const unlock = (token: string) =>
      post(h, `/v1/accounts/${SAMPLE.beicheng}/unlock`, {}, { authorization: `Bearer ${token}` });
    // Another town cannot; its own town can.
    expect((await unlock(h.tokens.town)).status).toBe(404);
    expect((await unlock(h.tokens.otherTown)).status).toBe(204);
    expect(await h.store.throttle(SAMPLE.beicheng)).toBeUndefined();
    const reissued = await post(
      h,
      `/v1/evaluations/${evaluationId}/enterprises/${SAMPLE.beicheng}/activation-code`,
      {},
      { authorization: `Bearer ${h.tokens.otherTown}` },
    );
    expect(reissued.status).toBe(201);
    const code = String(reissued.body?.['code']);
    expect(
      (await post(h, '/v1/auth/activate', { uscc: SAMPLE.beicheng, code, password: PASSWORD })).status,
    ).toBe(204);
  });
});
