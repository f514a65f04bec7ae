import { describe, expect, it } from 'vitest';
import bundled from '../data/cn-holidays.json' with { type: 'json' };
import { CalendarErrorCode, InvalidCalendarError } from '../errors/errors.js';
import { defaultCalendar, loadCalendar } from './load.js';
import type { CalendarDocumentInput } from './schema.js';

type Edit = (document: CalendarDocumentInput) => void;

/** The bundled document with one edit; `years[4]` is 2024 (国办发明电〔2023〕7号), `years[3]` 2023. */
function edited(edit: Edit): CalendarDocumentInput {
  const document = structuredClone(bundled) as CalendarDocumentInput;
  edit(document);
  return document;
}

function issuesOf(edit: Edit): string[] {
  try {
    loadCalendar(edited(edit));
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCalendarError);
    expect((error as InvalidCalendarError).code).toBe(CalendarErrorCode.InvalidCalendar);
    return (error as InvalidCalendarError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  throw new Error('expected the calendar to be refused');
}

const y2024 = (document: CalendarDocumentInput) => {
  const block = document.years[4];
  if (block?.year !== 2024) throw new Error('fixture moved');
  return block;
};
const holiday = (document: CalendarDocumentInput, index: number) => {
  const entry = y2024(document).holidays[index];
  if (entry === undefined) throw new Error('fixture moved');
  return entry;
};

describe('loadCalendar', () => {
  it('loads the bundled document, as parsed JSON or as text, to the same answers', () => {
    const fromText = loadCalendar(JSON.stringify(bundled));
    expect(fromText.coverage).toEqual(defaultCalendar.coverage);
    for (const date of ['2024-09-29', '2024-10-01', '2020-02-01', '2023-01-02', '2026-02-28']) {
      expect(fromText.isWorkingDay(date)).toBe(defaultCalendar.isWorkingDay(date));
    }
    expect(defaultCalendar.unverified).toEqual(['2026 国办发明电〔2025〕7号']);
  });

  it('loads a bureau document covering only 2027, without a code change', () => {
    const calendar = loadCalendar({
      title: 'test: a made-up 2027',
      timeZone: 'Asia/Shanghai',
      coverage: [2027],
      years: [
        {
          year: 2027,
          notices: [{ number: 'test-1', title: 'made up for the test', issued: '2026-11-01' }],
          holidays: [
            { names: ['元旦'], from: '2027-01-01', to: '2027-01-03', days: 3, makeUp: [], notice: 'test-1' },
            {
              names: ['春节'],
              from: '2027-02-05',
              to: '2027-02-12',
              days: 8,
              makeUp: ['2027-02-14'],
              notice: 'test-1',
            },
            {
              names: ['清明节'],
              from: '2027-04-05',
              to: '2027-04-05',
              days: 1,
              makeUp: [],
              notice: 'test-1',
            },
            {
              names: ['劳动节'],
              from: '2027-05-01',
              to: '2027-05-05',
              days: 5,
              makeUp: [],
              notice: 'test-1',
            },
            {
              names: ['端午节'],
              from: '2027-06-09',
              to: '2027-06-09',
              days: 1,
              makeUp: [],
              notice: 'test-1',
            },
            {
              names: ['中秋节'],
              from: '2027-09-15',
              to: '2027-09-15',
              days: 1,
              makeUp: [],
              notice: 'test-1',
            },
            {
              names: ['国庆节'],
              from: '2027-10-01',
              to: '2027-10-07',
              days: 7,
              makeUp: [],
              notice: 'test-1',
            },
          ],
        },
      ],
    });
    expect(calendar.isWorkingDay('2027-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false);
    expect(() => calendar.isWorkingDay('2026-12-31')).toThrow(/2026/);
  });

  it('refuses text that is not JSON', () => {
    expect(() => loadCalendar('{ "coverage": ')).toThrow(/\(root\)：不是有效的 JSON/);
  });

  it('refuses dates that are not YYYY-MM-DD days', () => {
    expect(issuesOf((d) => (holiday(d, 1).from = '2024-2-10'))).toEqual([
      'years.4.holidays.1.from: 日期应写作 YYYY-MM-DD，例如 2027-02-06（填写的是“2024-2-10”）',
    ]);
    expect(issuesOf((d) => (holiday(d, 1).makeUp = ['2024-02-30']))).toEqual([
      'years.4.holidays.1.makeUp.0: 日历上没有这一天（填写的是“2024-02-30”）',
    ]);
  });

  it('refuses a make-up day on a weekday', () => {
    expect(issuesOf((d) => (holiday(d, 1).makeUp = ['2024-02-05', '2024-02-18']))).toEqual([
      'years.4.holidays.1.makeUp.0: 2024-02-05 不是星期六或星期日，不能作为调休上班日',
    ]);
  });

  it('refuses a day both off and worked, and a day off twice', () => {
    expect(issuesOf((d) => holiday(d, 2).makeUp.push('2024-02-11'))).toContain(
      'years: 2024-02-11 既是调休上班日（清明节 2024）又是放假日（春节 2024）',
    );
    expect(issuesOf((d) => (holiday(d, 2).makeUp = ['2024-02-18']))).toContain(
      'years.4.holidays.2.makeUp.0: 2024-02-18 已是调休上班日（春节 2024）',
    );
    const overlap = issuesOf((d) => {
      holiday(d, 6).from = '2024-09-17';
      holiday(d, 6).days = 21;
    });
    expect(overlap).toContain('years.4.holidays.6.from: 2024-09-17 已是放假日（中秋节 2024）');
  });

  it("refuses a range that disagrees with the notice's 共N天", () => {
    expect(issuesOf((d) => (holiday(d, 1).days = 7))).toEqual([
      'years.4.holidays.1.days: 2024-02-10 至 2024-02-17 共 8 天，与填写的 7 天不符',
    ]);
  });

  it('refuses holidays outside their year, except 元旦 reaching back into late December', () => {
    expect(issuesOf((d) => (holiday(d, 6).to = '2025-01-01'))).toContain(
      'years.4.holidays.6.to: 2025-01-01 应在 2024 年内',
    );
    expect(issuesOf((d) => (holiday(d, 1).makeUp = ['2023-12-30']))).toContain(
      'years.4.holidays.1.makeUp.0: 2023-12-30 应在 2024 年内',
    );
    // 2023's own notice starts 元旦 on 2022-12-31; further back than the last week is refused.
    expect(
      issuesOf((d) => {
        const newYear = d.years[3]?.holidays[0];
        if (newYear === undefined) throw new Error('fixture moved');
        newYear.from = '2022-12-17';
        newYear.days = 17;
      }),
    ).toEqual(['years.3.holidays.0.from: 2022-12-17 应在 2023 年内（元旦可自 2022-12-25 起）']);
  });

  it('refuses a year with a festival missing, since it would become working days', () => {
    expect(issuesOf((d) => y2024(d).holidays.splice(4, 1))).toEqual([
      'years.4.holidays: 2024 年的端午节出现 0 次，应恰好出现一次',
    ]);
  });

  it('refuses coverage that does not match the years given', () => {
    expect(issuesOf((d) => d.coverage.push(2027))).toEqual([
      'coverage: 2027 年列入了覆盖年度，但没有该年的节假日安排',
    ]);
    expect(issuesOf((d) => (d.coverage = [2020, 2021, 2022, 2023, 2025, 2024, 2026]))).toEqual([
      'coverage.5: 覆盖年度须按升序排列且每年只列一次（2024 排在 2025 之后）',
    ]);
    expect(issuesOf((d) => d.coverage.pop())).toEqual(['years.6.year: 2026 年未列入覆盖年度（coverage）']);
  });

  it('refuses a holiday citing a notice the year does not list, and unknown keys', () => {
    expect(issuesOf((d) => (holiday(d, 0).notice = '国办发明电〔2023〕8号'))).toEqual([
      'years.4.holidays.0.notice: 国办发明电〔2023〕8号 不在 2024 年所列的通知中',
    ]);
    expect(issuesOf((d) => Object.assign(holiday(d, 0), { off: [] }))[0]).toMatch(/^years\.4\.holidays\.0: /);
  });
});
