import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, stopTestServer } from '../support/postgres.js';
import { startApi } from './support/harness.js';
import type { Harness, Tokens } from './support/harness.js';
import { PDF, PNG, TEXT } from './support/fixtures.js';
import { finalizedEvaluation } from './support/years.js';

/**
 * The 一企一档 rectification ledger's life cycle through the API (issue 16, part 3), on the county of
 * tests/fixtures/surcharges: 2024 finalized, its ledger made from the screening list (亩均税收 < 1
 * 万元/亩, or D), kept by 院桥镇 (the harness's town) for 台州远东铸造厂; then 2025 finalized, with
 * 黄岩新华纸品厂 left out of the upload, so next year's column shows all three outcomes: 远东 still
 * below (0.5 万元/亩 again), 永丰 moved up (0.5 → 6), 新华 exited.
 */
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/surcharges/${name}`, import.meta.url)));
const YUANDONG = '91331003MA2FTC0015';
const YONGFENG = '91331003MA2FTC005H';
const XINHUA = '91331003MA2FTC0028';

interface File {
  id: string;
  uscc: string;
  town: string;
  version: number;
  measures: string[];
  status: string;
  outcome: string | null;
  reasons: string[];
  taxPerMu: string | null;
  notes: { text: string; attachments: { id: string; filename: string; sha256: string; size: number }[] }[];
  nextYear: { year: number | null; outcome: string; finalClass: string | null; taxPerMu: string | null };
}
interface Ledger {
  criteria: { threshold: string; classD: boolean } | null;
  files: File[];
  progress: {
    byTown: { group: string; files: number; completed: number; movedUp: number }[];
    byMeasure: { group: string; files: number; in_progress: number; completed: number }[];
  };
}

async function finalEvaluation(h: Harness, name: string, bytes: Uint8Array, year: string, on: string) {
  return finalizedEvaluation(h, [{ name, bytes }], { year }, on, `${on.slice(0, 4)}-03-15T02:00:00.000Z`);
}

describe.each(ENGINES)('the 一企一档 rectification ledger (%s)', (engine) => {
  let h: Harness;
  let evaluation: string;
  const call = (
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${h.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
    });
  const ledger = async (token: string = h.tokens.admin): Promise<Ledger> => {
    const response = await call('GET', `/v1/evaluations/${evaluation}/ledger`, token);
    expect(response.status).toBe(200);
    return (await response.json()) as Ledger;
  };
  const fileOf = async (uscc: string): Promise<File> => {
    const found = (await ledger()).files.find((f) => f.uscc === uscc);
    if (found === undefined) throw new Error(`no file for ${uscc}`);
    return found;
  };
  const edit = {
    measures: ['帮扶提升', '税务辅导', '腾笼换鸟专项'],
    responsible: '王建国',
    deadline: '2025-12-31',
    status: 'in_progress',
    outcome: null,
  };

  beforeAll(async () => {
    h = await startApi({ engine });
    evaluation = await finalEvaluation(h, 'data-2024.csv', fixture('data-2024.csv'), '2024', '2025-03-03');
  });
  afterAll(() => h.close());

  it('is empty until the bureau makes it, and refused to the roles it is not for', async () => {
    expect((await ledger()).criteria).toBeNull();
    const refusals: [keyof Tokens, string, number][] = [
      ['tax', 'GET', 403],
      ['enterprise', 'GET', 403],
      ['town', 'POST', 403],
      ['enterprise', 'POST', 403],
    ];
    for (const [who, method, status] of refusals) {
      const response = await call(
        method,
        `/v1/evaluations/${evaluation}/ledger`,
        h.tokens[who],
        method === 'POST' ? { threshold: '1' } : undefined,
      );
      expect(response.status, `${who} ${method}`).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as { title: string }).title).toMatch(/[\u4e00-\u9fff]/);
    }
    const bad = await call('POST', `/v1/evaluations/${evaluation}/ledger`, h.tokens.admin, {
      threshold: 'x',
    });
    expect(bad.status).toBe(400);
  });

  it('opens a file for each enterprise of the screening list, once', async () => {
    const made = await call('POST', `/v1/evaluations/${evaluation}/ledger`, h.tokens.admin, {
      threshold: '1',
    });
    expect(made.status).toBe(200);
    const first = (await made.json()) as { created: number; existing: number; files: number };
    expect(first.created).toBe(first.files);
    expect(first.created).toBeGreaterThanOrEqual(3);
    const again = await call('POST', `/v1/evaluations/${evaluation}/ledger`, h.tokens.admin, {
      threshold: '1',
    });
    expect(await again.json()).toEqual({ created: 0, existing: first.files, files: first.files });
    const all = await ledger();
    expect(all.criteria).toMatchObject({ threshold: '1', classD: true });
    expect(all.files.map((f) => f.uscc)).toEqual(expect.arrayContaining([YUANDONG, YONGFENG, XINHUA]));
    expect(all.files.find((f) => f.uscc === YUANDONG)).toMatchObject({
      town: '院桥镇',
      taxPerMu: '0.5000',
      status: 'pending',
      version: 1,
      reasons: expect.arrayContaining(['tax-per-mu']) as string[],
      nextYear: { outcome: 'pending', year: null },
    });
    // A town sees its own enterprises' files only.
    expect((await ledger(h.tokens.town)).files.map((f) => f.uscc)).toEqual([YUANDONG]);
    expect((await ledger(h.tokens.otherTown)).files.map((f) => f.uscc)).toEqual([YONGFENG]);
  });

  it('lets the town assign measures under If-Match, and no one else', async () => {
    const file = await fileOf(YUANDONG);
    const path = `/v1/ledger-files/${file.id}`;
    expect((await call('PUT', path, h.tokens.town, edit)).status).toBe(428);
    expect((await call('PUT', path, h.tokens.admin, edit, { 'if-match': '"1"' })).status).toBe(403);
    expect((await call('PUT', path, h.tokens.otherTown, edit, { 'if-match': '"1"' })).status).toBe(404);
    expect((await call('GET', path, h.tokens.otherTown)).status).toBe(404);
    expect((await call('GET', path, h.tokens.enterprise)).status).toBe(403);
    const saved = await call('PUT', path, h.tokens.town, edit, { 'if-match': '"1"' });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"2"');
    expect(await saved.json()).toMatchObject({ ...edit, version: 2 });
    const stale = await call(
      'PUT',
      path,
      h.tokens.town,
      { ...edit, status: 'completed' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { detail: string }).detail).toContain('版本');
    const badMeasure = await call(
      'PUT',
      path,
      h.tokens.town,
      { ...edit, measures: [''] },
      { 'if-match': '"2"' },
    );
    expect(badMeasure.status).toBe(400);
  });

  it('keeps progress notes with attachments checked by content and hashed', async () => {
    const file = await fileOf(YUANDONG);
    const path = `/v1/ledger-files/${file.id}/notes`;
    const form = (note: string, files: { name: string; bytes: Uint8Array }[]) => {
      const data = new FormData();
      data.append('note', note);
      for (const f of files) data.append('attachment', new Blob([f.bytes]), f.name);
      return data;
    };
    const refused = await call('POST', path, h.tokens.town, form('走访', [{ name: 'x.pdf', bytes: TEXT }]), {
      'if-match': `"${String(file.version)}"`,
    });
    expect(refused.status).toBe(415);
    const note = '=HYPERLINK("http://evil.example","点我") 已上门走访，企业承诺年底前完成技改';
    const added = await call(
      'POST',
      path,
      h.tokens.town,
      form(note, [
        { name: '../../走访记录.html', bytes: PDF },
        { name: '现场照片.png', bytes: PNG },
      ]),
      { 'if-match': `"${String(file.version)}"` },
    );
    expect(added.status).toBe(201);
    const body = (await added.json()) as File;
    expect(body.version).toBe(file.version + 1);
    const [attachment, photo] = body.notes[0]?.attachments ?? [];
    expect(attachment).toMatchObject({
      filename: '走访记录.pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    expect(photo?.filename).toBe('现场照片.png');
    // The same note sent again on the old version is refused, not stored twice.
    const twice = await call('POST', path, h.tokens.town, form(note, []), {
      'if-match': `"${String(file.version)}"`,
    });
    expect(twice.status).toBe(412);
    const download = await call(
      'GET',
      `/v1/ledger-files/${file.id}/attachments/${attachment?.id ?? ''}`,
      h.tokens.admin,
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect(
      (
        await call(
          'GET',
          `/v1/ledger-files/${file.id}/attachments/${attachment?.id ?? ''}`,
          h.tokens.otherTown,
        )
      ).status,
    ).toBe(404);
  });

  it('sets the outcome, and the bureau sees progress by town and measure', async () => {
    const file = await fileOf(YUANDONG);
    const done = await call(
      'PUT',
      `/v1/ledger-files/${file.id}`,
      h.tokens.town,
      { ...edit, status: 'completed', outcome: '完成熔炼设备技改，腾退低效用地 5 亩' },
      { 'if-match': `"${String(file.version)}"` },
    );
    expect(done.status).toBe(200);
    const { progress } = await ledger();
    expect(progress.byTown.find((r) => r.group === '院桥镇')).toMatchObject({ files: 1, completed: 1 });
    expect(progress.byMeasure.map((r) => r.group).slice(0, 2)).toEqual(['帮扶提升', '税务辅导']);
    expect(progress.byMeasure.find((r) => r.group === '腾笼换鸟专项')).toMatchObject({
      files: 1,
      completed: 1,
    });
    expect(progress.byMeasure.find((r) => r.group === '未指定')?.files).toBeGreaterThanOrEqual(2);
  });

  it('shows next year’s class beside each file once a later year is final', async () => {
    const without = fixture('data-2025.csv')
      .toString('utf8')
      .split('\n')
      .filter((line) => !line.startsWith(XINHUA))
      .join('\n');
    await finalEvaluation(h, 'data-2025.csv', Buffer.from(without, 'utf8'), '2025', '2026-03-02');
    const files = (await ledger()).files;
    const next = (uscc: string) => files.find((f) => f.uscc === uscc)?.nextYear;
    expect(next(YUANDONG)).toMatchObject({ year: 2025, outcome: 'still-below', taxPerMu: '0.5000' });
    expect(next(YONGFENG)).toMatchObject({ year: 2025, outcome: 'moved-up', taxPerMu: '6.0000' });
    expect(next(XINHUA)).toMatchObject({ year: 2025, outcome: 'exited', finalClass: null });
    expect((await ledger()).progress.byTown.find((r) => r.group === '北城街道')?.movedUp).toBe(1);
  });

  it('exports the county’s ledger workbook, every typed text a string cell', async () => {
    const response = await call('GET', `/v1/evaluations/${evaluation}/ledger/workbook`, h.tokens.admin);
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain(
      '一企一档整改台账',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '整改台账',
      '按乡镇进展',
      '按措施进展',
      '整改记录',
    ]);
    const sheet = workbook.getWorksheet('整改台账');
    const header = (sheet?.getRow(2).values as unknown[]).slice(1);
    const rows: Record<string, unknown>[] = [];
    sheet?.eachRow((row, n) => {
      if (n <= 2) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(header.map((name, i) => [String(name), values[i]])));
    });
    const yuandong = rows.find((r) => r['统一社会信用代码'] === YUANDONG);
    expect(yuandong).toMatchObject({
      所属乡镇街道: '院桥镇',
      '亩均税收(万元/亩)': 0.5,
      整改措施: '帮扶提升、税务辅导、腾笼换鸟专项',
      责任人: '王建国',
      整改期限: '2025-12-31',
      整改状态: '已完成',
      整改成效: '完成熔炼设备技改，腾退低效用地 5 亩',
      进展记录数: 1,
      次年评价: '2025：仍在名单',
    });
    expect(rows.find((r) => r['统一社会信用代码'] === YONGFENG)?.['次年评价']).toBe('2025：已脱低');
    expect(rows.find((r) => r['统一社会信用代码'] === XINHUA)?.['次年评价']).toBe(
      '2025：已退出（次年未参评）',
    );
    const notes = workbook.getWorksheet('整改记录');
    const cell = notes?.getRow(2).getCell(6);
    expect(cell?.formula).toBeUndefined();
    expect(typeof cell?.value === 'string' ? cell.value : '').toMatch(/^=HYPERLINK/);
    expect(notes?.getRow(2).getCell(7).value).toBe('走访记录.pdf、现场照片.png');
    // The town's copy is its own files only; departments and enterprises have none.
    const town = await call('GET', `/v1/evaluations/${evaluation}/ledger/workbook`, h.tokens.town);
    const townBook = new ExcelJS.Workbook();
    await townBook.xlsx.load(await town.arrayBuffer());
    expect(townBook.getWorksheet('整改台账')?.rowCount).toBe(3);
    expect((await call('GET', `/v1/evaluations/${evaluation}/ledger/workbook`, h.tokens.power)).status).toBe(
      403,
    );
  });

  it('audits every change', async () => {
    const audit = await h.api.call('get', '/v1/audit', {
      token: h.tokens.admin,
      query: { entity: 'ledger-file' },
    });
    if (audit.status !== 200) throw new Error(audit.text);
    const actions = audit.body.data.map((entry) => entry.action);
    expect(actions.filter((a) => a === 'edit')).toHaveLength(2);
    expect(actions.filter((a) => a === 'note')).toHaveLength(1);
    expect(actions.filter((a) => a === 'create').length).toBeGreaterThanOrEqual(3);
    const ledgers = await h.api.call('get', '/v1/audit', {
      token: h.tokens.admin,
      query: { entity: 'ledger' },
    });
    if (ledgers.status !== 200) throw new Error(ledgers.text);
    expect(ledgers.body.data.map((entry) => entry.action)).toEqual(['create', 'extend']);
  });
});

afterAll(async () => {
  await stopTestServer();
});
