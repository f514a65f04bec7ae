import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../../apps/api/src/generated/openapi.generated.js';
import { exampleYear2027 } from '../../packages/calendar/src/testing/example-year.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';

/**
 * The bureau extends the holiday calendar: the bundled notices end with 2026, so a 公示 in 2027 is
 * refused until the bureau enters 2027's arrangement (here a made-up one of the notice's shape); then the
 * window follows it. Entering is admin-only, validated by the calendar's own schema, versioned and audited.
 */

let h: Harness;
let evaluationId: string;

beforeAll(async () => {
  h = await startApi({ now: '2027-09-20T02:00:00.000Z' });
  evaluationId = await uploadedSample(h, { file: 'sample-2026.csv', name: '2026年度', year: '2026' });
});
afterAll(() => h.close());

/** A body as sent: the fixture is the calendar package's type, the client takes the document's. */
const wire = (body: unknown) => body as components['schemas']['CalendarYear'];

const put = (body: unknown, ifMatch?: string, year = '2027') =>
  h.api.call('put', '/v1/calendar/{year}', {
    token: h.tokens.admin,
    params: { year },
    body: wire(body),
    ...(ifMatch === undefined ? {} : { headers: { 'if-match': ifMatch } }),
  });

const calendarAudit = async () =>
  (await h.store.listAudit({ entity: 'calendar-year' }, { limit: 100 })).items;

describe('the holiday calendar, extended by the bureau', () => {
  it('lists the bundled years, all marked bundled', async () => {
    const res = await h.api.call('get', '/v1/calendar', { token: h.tokens.admin });
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    expect(res.body.timeZone).toBe('Asia/Shanghai');
    expect(res.body.years.map((entry) => entry.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(new Set(res.body.years.map((entry) => entry.source))).toEqual(new Set(['bundled']));
  });

  it('refuses a 公示 in 2027 while no 2027 arrangement is known', async () => {
    const res = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id: evaluationId },
      body: { date: '2027-09-28' },
    });
    expect(res.status).toBe(422);
    expect(res.status === 422 && res.body.type).toBe('https://mujun.dev/problems/calendar-coverage');
  });

  it('refuses an arrangement the calendar schema refuses, listing every problem, and stores nothing', async () => {
    const broken = exampleYear2027();
    const spring = broken.holidays[1];
    if (spring === undefined) throw new Error('fixture moved');
    spring.days = 9;
    spring.makeUp = ['2027-02-15'];
    const res = await put(broken);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    if (res.status !== 422) return;
    expect(res.body.detail).toContain('2027 年的节假日安排有误');
    // Every problem in Chinese for the clerk, with a code for machines.
    expect(res.body.errors).toEqual([
      {
        pointer: '#/holidays/1/days',
        detail: '2027-02-06 至 2027-02-12 共 7 天，与填写的 9 天不符',
        code: 'days-mismatch',
      },
      {
        pointer: '#/holidays/1/makeUp/0',
        detail: '2027-02-15 不是星期六或星期日，不能作为调休上班日',
        code: 'make-up-weekday',
      },
    ]);
    expect(res.body.detail).not.toMatch(/[a-z]{3}/);
    // A festival missing is refused too (an omission would make a holiday a working day).
    const missing = exampleYear2027();
    missing.holidays.splice(4, 1);
    const res2 = await put(missing);
    expect(res2.status).toBe(422);
    expect(res2.status === 422 && res2.body.errors).toEqual([
      { pointer: '#/holidays', detail: '2027 年的端午节出现 0 次，应恰好出现一次', code: 'festival-count' },
    ]);
    expect(await calendarAudit()).toEqual([]);
    const listed = await h.api.call('get', '/v1/calendar', { token: h.tokens.admin });
    expect(listed.status === 200 && listed.body.years.at(-1)?.year).toBe(2026);
  });

  it('refuses a body whose year is not the path’s, and a shape that is not an arrangement', async () => {
    const wrongYear = await put(exampleYear2027(), undefined, '2028');
    expect(wrongYear.status).toBe(422);
    expect(wrongYear.status === 422 && wrongYear.body.errors).toEqual([
      { pointer: '#/year', detail: '应为 2028，与路径中的年度一致', code: 'year-mismatch' },
    ]);
    const shapeless = await put({ year: 2027, holidays: 'all of them' });
    expect(shapeless.status).toBe(400);
    // A date that is no day, refused by the body's schema: said in Chinese too.
    const badDate = exampleYear2027();
    const newYear = badDate.holidays[0];
    if (newYear === undefined) throw new Error('fixture moved');
    newYear.to = '2027-02-30';
    const refused = await put(badDate);
    expect(refused.status).toBe(400);
    expect(refused.status === 400 && refused.body.errors).toEqual([
      { pointer: '#/holidays/0/to', detail: '日历上没有这一天（填写的是“2027-02-30”）' },
    ]);
    expect(await calendarAudit()).toEqual([]);
  });

  it('enters 2027 (201, version 1, audited), lists it, and the 公示 window follows it', async () => {
    const res = await put(exampleYear2027());
    expect(res.status).toBe(201);
    if (res.status !== 201) return;
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({
      year: 2027,
      source: 'entered',
      replacesBundled: false,
      version: 1,
      enteredAt: '2027-09-20T02:00:00.000Z',
    });
    expect(res.body.arrangement).toEqual(exampleYear2027());

    const audit = await calendarAudit();
    expect(audit.map((entry) => [entry.entityId, entry.action, entry.before])).toEqual([
      ['2027', 'enter', null],
    ]);
    expect(audit[0]?.after).toEqual(exampleYear2027());

    const listed = await h.api.call('get', '/v1/calendar', { token: h.tokens.admin });
    expect(
      listed.status === 200 && listed.body.years.map((entry) => [entry.year, entry.source]).at(-1),
    ).toEqual([2027, 'entered']);

    // 国庆节 2027 (entered): 10-01 to 10-07 off, Saturday 10-09 worked.
    const published = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id: evaluationId },
      body: { date: '2027-09-28' },
    });
    expect(published.status).toBe(201);
    expect(published.status === 201 && published.body.publication?.window.days).toEqual([
      '2027-09-28',
      '2027-09-29',
      '2027-09-30',
      '2027-10-08',
      '2027-10-09',
    ]);
  });

  it('replaces an entered year only with its version: 428 without If-Match, 412 when stale', async () => {
    const amended = exampleYear2027();
    const dragonBoat = amended.holidays[4];
    if (dragonBoat === undefined) throw new Error('fixture moved');
    dragonBoat.to = '2027-06-11';
    dragonBoat.days = 3;

    const without = await put(amended);
    expect(without.status).toBe(428);
    expect(without.status === 428 && without.body.detail).toContain('已录入（版本 1）');
    const stale = await put(amended, '"7"');
    expect(stale.status).toBe(412);

    const replaced = await put(amended, '"1"');
    expect(replaced.status).toBe(200);
    expect(replaced.status === 200 && replaced.body.version).toBe(2);
    expect(replaced.headers.get('etag')).toBe('"2"');
    const audit = await calendarAudit();
    expect(audit.map((entry) => [entry.entityId, entry.action])).toEqual([
      ['2027', 'enter'],
      ['2027', 'replace'],
    ]);
    expect(audit[1]?.before).toEqual(exampleYear2027());
  });

  it('is the bureau’s alone', async () => {
    for (const token of [h.tokens.tax, h.tokens.town, h.tokens.enterprise]) {
      expect((await h.api.call('get', '/v1/calendar', { token })).status).toBe(403);
      const res = await h.api.call('put', '/v1/calendar/{year}', {
        token,
        params: { year: '2028' },
        body: wire({ ...exampleYear2027(), year: 2028 }),
      });
      expect(res.status).toBe(403);
    }
    expect(await calendarAudit()).toHaveLength(2);
  });
});
