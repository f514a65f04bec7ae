import { describe, expect, it } from 'vitest';
import { InvalidDateError, SurchargeErrorCode } from '../errors.js';
import { executionPeriod, parseIsoDate } from './period.js';

describe('the execution period', () => {
  it('runs from the first day of the next month to the day before the same date 12 months later', () => {
    expect(executionPeriod('2026-03-15')).toEqual({ start: '2026-04-01', end: '2027-03-31' });
  });

  it('a December publication starts in January of the next year', () => {
    expect(executionPeriod('2026-12-20')).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    expect(executionPeriod('2026-12-31')).toEqual({ start: '2027-01-01', end: '2027-12-31' });
  });

  it('a publication on the 1st still starts the month after', () => {
    expect(executionPeriod('2026-03-01')).toEqual({ start: '2026-04-01', end: '2027-03-31' });
  });

  it('ends on the last day of February, 28 or 29, when it starts in March', () => {
    expect(executionPeriod('2027-02-10')).toEqual({ start: '2027-03-01', end: '2028-02-29' });
    expect(executionPeriod('2028-02-29')).toEqual({ start: '2028-03-01', end: '2029-02-28' });
  });

  it('a January publication ends in January of the next year', () => {
    expect(executionPeriod('2026-01-31')).toEqual({ start: '2026-02-01', end: '2027-01-31' });
  });

  it('refuses what is not a real YYYY-MM-DD day, saying why', () => {
    for (const value of [
      '2026-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-3-15',
      '2026/03/15',
      '',
      '20260315',
    ]) {
      expect(() => executionPeriod(value), value).toThrow(InvalidDateError);
    }
    expect(() => parseIsoDate('2026-02-29')).toThrow(/no such day/);
    try {
      parseIsoDate('15.03.2026');
    } catch (error) {
      expect(error).toMatchObject({ code: SurchargeErrorCode.InvalidDate, value: '15.03.2026' });
    }
  });
});
