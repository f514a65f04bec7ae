// The bundled data against itself and against the notices' own words (国务院办公厅关于XXXX年部分节假日安排的通知).
import { describe, expect, it } from 'vitest';
import { HOLIDAY_NAMES, calendarDocumentSchema } from '../calendar/schema.js';
import type { HolidayName } from '../calendar/schema.js';
import { fromEpochDay, isWeekend, toEpochDay } from '../dates/iso-date.js';
import document from './cn-holidays.json' with { type: 'json' };

const parsed = calendarDocumentSchema.parse(document);
const holidays = parsed.years.flatMap((block) =>
  block.holidays.map((holiday) => ({ year: block.year, ...holiday })),
);

function daysOff(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = toEpochDay(from); day <= toEpochDay(to); day++) days.push(fromEpochDay(day));
  return days;
}

const allOff = holidays.flatMap((holiday) => daysOff(holiday.from, holiday.to));
const allMakeUp = holidays.flatMap((holiday) => holiday.makeUp);
const festival = (year: number, name: HolidayName) =>
  holidays.find((holiday) => holiday.year === year && holiday.names.includes(name));
const makeUpIn = (year: number): string[] =>
  holidays.filter((holiday) => holiday.year === year).flatMap((holiday) => holiday.makeUp);

describe('cn-holidays.json', () => {
  it('covers 2020 through 2026, listed explicitly', () => {
    expect(parsed.coverage).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(parsed.years.map((block) => block.year)).toEqual(parsed.coverage);
  });

  it('has every make-up day on a Saturday or Sunday', () => {
    for (const date of allMakeUp)
      expect({ date, weekend: isWeekend(toEpochDay(date)) }).toEqual({ date, weekend: true });
  });

  it('has every day off once, every make-up day once, and no day both', () => {
    expect(new Set(allOff).size).toBe(allOff.length);
    expect(new Set(allMakeUp).size).toBe(allMakeUp.length);
    expect(allMakeUp.filter((date) => allOff.includes(date))).toEqual([]);
  });

  it('names all seven festivals each year, each on its notice', () => {
    for (const block of parsed.years) {
      expect(block.holidays.flatMap((holiday) => holiday.names).sort()).toEqual([...HOLIDAY_NAMES].sort());
      const numbers = block.notices.map((notice) => notice.number);
      for (const holiday of block.holidays) expect(numbers).toContain(holiday.notice);
    }
  });

  it('cites the notice numbers', () => {
    expect(parsed.years.map((block) => block.notices.map((notice) => notice.number))).toEqual([
      ['国办发明电〔2019〕16号', '国办发明电〔2020〕1号'],
      ['国办发明电〔2020〕27号'],
      ['国办发明电〔2021〕11号'],
      ['国办发明电〔2022〕16号'],
      ['国办发明电〔2023〕7号'],
      ['国办发明电〔2024〕12号'],
      ['国办发明电〔2025〕7号'],
    ]);
  });

  it('flags only the 2026 notice number as unconfirmed', () => {
    const flagged = parsed.years.flatMap((block) => [
      ...block.notices.filter((notice) => notice.verify === true).map((notice) => notice.number),
      ...block.holidays
        .filter((holiday) => holiday.verify === true)
        .map((holiday) => holiday.names.join('、')),
    ]);
    expect(flagged).toEqual(['国办发明电〔2025〕7号']);
  });

  it('2020 (国办发明电〔2020〕1号): 春节 runs to 2月2日 and 2月1日 is no longer worked', () => {
    expect(festival(2020, '春节')).toMatchObject({
      from: '2020-01-24',
      to: '2020-02-02',
      makeUp: ['2020-01-19'],
    });
    expect(festival(2020, '春节')?.amendedBy).toBe('国办发明电〔2020〕1号');
    expect(allMakeUp).not.toContain('2020-02-01');
  });

  it('2023 (国办发明电〔2022〕16号): the seven make-up days', () => {
    expect(makeUpIn(2023)).toEqual([
      '2023-01-28',
      '2023-01-29',
      '2023-04-23',
      '2023-05-06',
      '2023-06-25',
      '2023-10-07',
      '2023-10-08',
    ]);
  });

  it('2024 (国办发明电〔2023〕7号): 春节 2月10日–17日, worked 2月4日 and 2月18日', () => {
    expect(festival(2024, '春节')).toMatchObject({
      from: '2024-02-10',
      to: '2024-02-17',
      makeUp: ['2024-02-04', '2024-02-18'],
    });
  });

  it('2025 (国办发明电〔2024〕12号): the longer 春节 and 劳动节 of the 2024 revision', () => {
    const of = (name: HolidayName) => festival(2025, name);
    expect(of('春节')).toMatchObject({
      from: '2025-01-28',
      to: '2025-02-04',
      makeUp: ['2025-01-26', '2025-02-08'],
    });
    expect(of('劳动节')).toMatchObject({ from: '2025-05-01', to: '2025-05-05', makeUp: ['2025-04-27'] });
    expect(of('国庆节')).toMatchObject({
      from: '2025-10-01',
      to: '2025-10-08',
      makeUp: ['2025-09-28', '2025-10-11'],
    });
    expect(of('国庆节')).toBe(of('中秋节'));
  });

  it('2026 (国办发明电〔2025〕7号): as published on 4 November 2025', () => {
    expect(HOLIDAY_NAMES.map((name) => festival(2026, name))).toMatchObject([
      { from: '2026-01-01', to: '2026-01-03', days: 3, makeUp: ['2026-01-04'] },
      { from: '2026-02-15', to: '2026-02-23', days: 9, makeUp: ['2026-02-14', '2026-02-28'] },
      { from: '2026-04-04', to: '2026-04-06', days: 3, makeUp: [] },
      { from: '2026-05-01', to: '2026-05-05', days: 5, makeUp: ['2026-05-09'] },
      { from: '2026-06-19', to: '2026-06-21', days: 3, makeUp: [] },
      { from: '2026-09-25', to: '2026-09-27', days: 3, makeUp: [] },
      { from: '2026-10-01', to: '2026-10-07', days: 7, makeUp: ['2026-09-20', '2026-10-10'] },
    ]);
  });
});
