import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedCsv } from '../e2e/support/api-data.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { post, signIn } from './support/sessions.js';
import { uploadedSample } from './support/uploads.js';

/** Activation codes for a county's enterprises: issued at once, handed out by town, used once. */

const COUNT = 3_000;
const PASSWORD = 'Qiye#Huangyan1';

interface Row {
  uscc: string;
  name: string;
  town: string;
  code: string;
  until: string;
}

describe('activation codes for 3,000 enterprises', () => {
  let h: Harness;
  let evaluationId = '';
  let rows: Row[] = [];
  let sheets: string[] = [];
  const year = generatedCsv(COUNT, 11);

  beforeAll(async () => {
    h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
    evaluationId = await uploadedSample(h, { file: 'county.csv', bytes: year.bytes });
    const started = performance.now();
    const issued = await fetch(`${h.base}/v1/evaluations/${evaluationId}/activation-codes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.admin}` },
    });
    const elapsed = performance.now() - started;
    expect(issued.status).toBe(201);
    expect(issued.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = await issued.arrayBuffer();
    console.log(
      `issued ${COUNT} activation codes in one request: ${elapsed.toFixed(0)} ms, workbook ${bytes.byteLength} bytes`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    sheets = workbook.worksheets.map((sheet) => sheet.name);
    rows = workbook.worksheets.flatMap((sheet) =>
      sheet
        .getSheetValues()
        .slice(2)
        .filter((values) => Array.isArray(values))
        .map((values) => {
          const [uscc, name, town, code, until] = (values as unknown[]).slice(1).map(String);
          return {
            uscc: uscc ?? '',
            name: name ?? '',
            town: town ?? '',
            code: code ?? '',
            until: until ?? '',
          };
        }),
    );
  }, 300_000);
  afterAll(async () => {
    await h.close();
  });

  it('gives every enterprise one distinct code, on its town’s sheet, with the expiry date', () => {
    expect(rows).toHaveLength(COUNT);
    expect(new Set(rows.map((row) => row.uscc)).size).toBe(COUNT);
    expect(new Set(rows.map((row) => row.code)).size).toBe(COUNT);
    for (const row of rows)
      expect(row.code).toMatch(/^[234679ACDEFGHJKMNPQRTUVWXYZ]{5}-[234679ACDEFGHJKMNPQRTUVWXYZ]{5}$/);
    const towns = new Set(year.records.map((record) => record.town ?? ''));
    expect(sheets.length).toBe(towns.size);
    const townOf = new Map(year.records.map((record) => [record.uscc, record.town ?? '']));
    for (const row of rows) expect(row.town).toBe(townOf.get(row.uscc));
    // A sheet per town, each town's rows together, the towns in code-point order (no town first); the
    // rows were read a page at a time (more pages than one at 3,000).
    const runs = rows.map((row) => row.town).filter((town, i, all) => i === 0 || all[i - 1] !== town);
    expect(runs).toEqual([...new Set(runs)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    // 60 days after 2025-06-02 10:00 in Shanghai.
    expect(new Set(rows.map((row) => row.until))).toEqual(new Set(['2025-08-01']));
  });

  it('activates an enterprise once with its code and a strong password, then it signs in', async () => {
    const row = rows.find((candidate) => candidate.town !== '');
    if (row === undefined) throw new Error('no rows');
    const other = rows[1]?.code ?? '';
    expect(
      (await post(h, '/v1/auth/activate', { uscc: row.uscc, code: other, password: PASSWORD })).status,
    ).toBe(401);
    const weak = await post(h, '/v1/auth/activate', { uscc: row.uscc, code: row.code, password: 'password' });
    expect(weak.status).toBe(422);
    const typed = row.code.toLowerCase().replace('-', ' ');
    expect(
      (await post(h, '/v1/auth/activate', { uscc: row.uscc, code: typed, password: PASSWORD })).status,
    ).toBe(204);
    expect(
      (await post(h, '/v1/auth/activate', { uscc: row.uscc, code: row.code, password: PASSWORD })).status,
    ).toBe(401);
    const signedIn = await signIn(h, row.uscc.toLowerCase(), PASSWORD);
    expect(signedIn.status).toBe(204);
    const me = await fetch(`${h.base}/v1/session`, { headers: { cookie: signedIn.cookie ?? '' } });
    expect(await me.json()).toMatchObject({ role: 'enterprise', uscc: row.uscc });
  });

  it('shows each town its enterprises’ status, reissues a code for its own enterprises only', async () => {
    const activated = rows.find((candidate) => candidate.town !== '');
    const town = activated?.town ?? '';
    const mine = rows.find((row) => row.town === town && row !== activated);
    const foreign = rows.find((row) => row.town !== town && row.town !== '');
    if (mine === undefined || foreign === undefined) throw new Error('fixture');
    h.clock.set('2025-06-03T02:00:00.000Z');
    await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id: evaluationId },
      body: { date: '2025-06-03' },
    });
    const { createToken } = await import('../../apps/api/src/index.js');
    const townToken = (await createToken(h.store, { role: 'town', town }, h.clock.now().toISOString())).token;
    const status = await fetch(`${h.base}/v1/evaluations/${evaluationId}/activation-status`, {
      headers: { authorization: `Bearer ${townToken}` },
    });
    const body = (await status.json()) as {
      towns: {
        town: string;
        activated: number;
        notYet: number;
        locked: number;
        enterprises: { uscc: string; status: string }[];
      }[];
    };
    expect(body.towns.map((t) => t.town)).toEqual([town]);
    const expected = rows.filter((row) => row.town === town).length;
    expect(body.towns[0]).toMatchObject({ activated: 1, notYet: expected - 1, locked: 0 });

    const reissue = (uscc: string) =>
      post(
        h,
        `/v1/evaluations/${evaluationId}/enterprises/${uscc}/activation-code`,
        {},
        {
          authorization: `Bearer ${townToken}`,
        },
      );
    expect((await reissue(foreign.uscc)).status).toBe(404);
    const fresh = await reissue(mine.uscc);
    expect(fresh.status).toBe(201);
    const code = String(fresh.body?.['code']);
    expect(code).not.toBe(mine.code);
    expect(
      (await post(h, '/v1/auth/activate', { uscc: mine.uscc, code: mine.code, password: PASSWORD })).status,
    ).toBe(401);
    expect((await post(h, '/v1/auth/activate', { uscc: mine.uscc, code, password: PASSWORD })).status).toBe(
      204,
    );

    // Five wrong codes lock the enterprise: the town sees it, and unlocks it.
    for (let i = 0; i < 5; i += 1)
      await post(h, '/v1/auth/activate', { uscc: foreign.uscc, code: 'AAAAA-AAAAA', password: PASSWORD });
    const admin = await fetch(
      `${h.base}/v1/evaluations/${evaluationId}/activation-status?town=${encodeURIComponent(foreign.town)}`,
      {
        headers: { authorization: `Bearer ${h.tokens.admin}` },
      },
    );
    const adminBody = (await admin.json()) as typeof body;
    expect(adminBody.towns[0]?.enterprises.find((e) => e.uscc === foreign.uscc)?.status).toBe('locked');
    expect(
      (await post(h, `/v1/accounts/${foreign.uscc}/unlock`, {}, { authorization: `Bearer ${townToken}` }))
        .status,
    ).toBe(404);
    expect(
      (
        await post(
          h,
          `/v1/accounts/${foreign.uscc}/unlock`,
          {},
          { authorization: `Bearer ${h.tokens.admin}` },
        )
      ).status,
    ).toBe(204);
    expect(
      (await post(h, '/v1/auth/activate', { uscc: foreign.uscc, code: foreign.code, password: PASSWORD }))
        .status,
    ).toBe(204);
  });
});
