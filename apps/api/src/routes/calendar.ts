import type { z } from 'zod';
import { checkEnteredYears, currentCalendar } from '../domain/calendar.js';
import { DomainError, DomainErrorCode } from '../domain/errors.js';
import { actorOf } from '../domain/roles.js';
import { HttpProblem } from '../http/problem.js';
import { requiredVersion, versionEtag } from '../http/preconditions.js';
import { defineRoute } from '../http/route.js';
import { EtagHeader } from '../http/headers.js';
import {
  CalendarListing,
  CalendarYear,
  CalendarYearEntry,
  CalendarYearPath,
  OptionalIfMatchHeader,
} from '../schemas/calendar.js';
import type { Services } from '../services.js';
import type { EnteredCalendarYear } from '../store/store.js';

type Entry = z.output<typeof CalendarYearEntry>;

function entered(row: EnteredCalendarYear, bundled: ReadonlySet<number>): Entry {
  return {
    year: row.year,
    source: 'entered',
    replacesBundled: bundled.has(row.year),
    version: row.version,
    enteredAt: row.enteredAt,
    enteredBy: row.enteredBy,
    arrangement: row.arrangement,
  };
}

async function listing(services: Services): Promise<z.output<typeof CalendarListing>> {
  const rows = await services.store.enteredCalendarYears();
  const bundled = new Set(services.calendar.coverage);
  const byYear = new Map<number, Entry>();
  for (const block of services.calendar.document.years) {
    byYear.set(block.year, {
      year: block.year,
      source: 'bundled',
      replacesBundled: false,
      version: null,
      enteredAt: null,
      enteredBy: null,
      arrangement: block,
    });
  }
  for (const row of rows) byYear.set(row.year, entered(row, bundled));
  return { timeZone: 'Asia/Shanghai', years: [...byYear.values()].sort((a, b) => a.year - b.year) };
}

export const getCalendar = defineRoute({
  method: 'get',
  path: '/v1/calendar',
  operationId: 'getCalendar',
  tag: '公示',
  summary: 'The holiday calendar the 公示 window is computed with: bundled and entered years',
  description:
    'Every year the calendar decides, ascending: the bundled State Council notices (the default) and ' +
    'the arrangements the bureau entered (PUT /v1/calendar/{year}), an entered year taking the place of ' +
    'a bundled one of the same year.',
  access: ['admin'],
  responses: { 200: { description: 'the calendar', schema: CalendarListing } },
  async handle({ services }) {
    return { status: 200, json: await listing(services) };
  },
});

export const putCalendarYear = defineRoute({
  method: 'put',
  path: '/v1/calendar/{year}',
  operationId: 'putCalendarYear',
  problems: [409, 412, 415, 422, 428],
  tag: '公示',
  summary: 'Enter (or replace) a year’s holiday arrangement from the State Council’s notice',
  description:
    'So that a 公示 in a year the bundled calendar does not cover (2027 once its notice is out) gets its ' +
    'window, or a notice amended after the release is followed. The body is one year of the bundled ' +
    'file’s shape, checked by the same schema together with the rest of the calendar (every festival ' +
    'once, `days` equal to the range, make-up days on weekends, no date both off and worked, a 元旦 ' +
    'reaching back into December at most from the 25th): 422 listing every problem. Entering a year: no ' +
    'If-Match, 201. Replacing an entered year: If-Match with its version (428 without, 412 when stale), ' +
    '200. Publications already made keep the window they were given. Audited (entity calendar-year).',
  access: ['admin'],
  params: CalendarYearPath,
  headers: OptionalIfMatchHeader,
  body: { kind: 'json', schema: CalendarYear },
  responses: {
    200: { description: 'the entered year, replaced', schema: CalendarYearEntry, headers: EtagHeader },
    201: { description: 'the entered year', schema: CalendarYearEntry, headers: EtagHeader },
  },
  async handle({ services, principal, params, body, req }) {
    const year = Number(params.year);
    if (body.year !== year) {
      throw new DomainError(
        DomainErrorCode.InvalidValue,
        `路径中的年度 ${year} 与安排中的年度 ${body.year} 不一致`,
        {
          errors: [{ pointer: '#/year', detail: `应为 ${year}，与路径中的年度一致`, code: 'year-mismatch' }],
        },
      );
    }
    const existing = (await services.store.enteredCalendarYears()).find((row) => row.year === year);
    const replacing = req.get('if-match') !== undefined;
    if (existing !== undefined && !replacing) {
      throw new HttpProblem(
        428,
        'precondition-required',
        '需要 If-Match',
        `${year} 年的节假日安排已录入（版本 ${existing.version}），替换时请带上 If-Match: "${existing.version}"`,
      );
    }
    const version = replacing ? requiredVersion(req) : null;
    const saved = await services.store.putCalendarYear(
      body,
      version,
      (years) => {
        checkEnteredYears(services.calendar, body, years);
      },
      { actor: actorOf(principal), at: services.clock.now().toISOString() },
    );
    // The merged calendar is checked again as publication will read it.
    await currentCalendar(services.calendar, services.store);
    return {
      status: version === null ? 201 : 200,
      json: entered(saved, new Set(services.calendar.coverage)),
      etag: versionEtag(saved.version),
    };
  },
});

export const CALENDAR_ROUTES = [getCalendar, putCalendarYear];
