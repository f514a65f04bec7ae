import { describe, expect, it } from 'vitest';
import { defaultCalendar as calendar } from '../calendar/load.js';
import { CalendarCoverageError, InvalidArgumentError, InvalidInstantError } from '../errors/errors.js';
import { isWindowOpen, publicationWindow } from './publication-window.js';

describe('publicationWindow', () => {
  it('on an ordinary week: Monday to Friday, closing at 24:00 Friday Asia/Shanghai', () => {
    expect(publicationWindow(calendar, '2024-03-11')).toEqual({
      publishedOn: '2024-03-11',
      workingDays: 5,
      firstDay: '2024-03-11',
      lastDay: '2024-03-15',
      days: ['2024-03-11', '2024-03-12', '2024-03-13', '2024-03-14', '2024-03-15'],
      opensAt: '2024-03-10T16:00:00.000Z',
      closesAt: '2024-03-15T16:00:00.000Z',
    });
  });

  it('published on an ordinary Saturday: day 1 is Monday', () => {
    expect(publicationWindow(calendar, '2024-03-16')).toMatchObject({
      firstDay: '2024-03-18',
      lastDay: '2024-03-22',
    });
  });

  it('takes another number of working days', () => {
    expect(publicationWindow(calendar, '2024-03-11', 7).lastDay).toBe('2024-03-19');
    expect(publicationWindow(calendar, '2024-03-16', 1).days).toEqual(['2024-03-18']);
    for (const bad of [0, -5, 2.5, Number.NaN]) {
      expect(() => publicationWindow(calendar, '2024-03-11', bad)).toThrow(InvalidArgumentError);
    }
  });

  it('throws rather than guess when the window runs past the calendar', () => {
    expect(() => publicationWindow(calendar, '2026-12-21')).toThrow(CalendarCoverageError);
    expect(() => publicationWindow(calendar, '2019-12-30')).toThrow(CalendarCoverageError);
  });
});

describe('isWindowOpen', () => {
  const window = publicationWindow(calendar, '2024-09-27');

  it('is open until 23:59:59.999 of the last day in Shanghai and closed at 24:00', () => {
    expect(isWindowOpen(window, '2024-10-09T23:59:59.999+08:00')).toBe(true);
    expect(isWindowOpen(window, '2024-10-09T15:59:59.999Z')).toBe(true);
    expect(isWindowOpen(window, '2024-10-10T00:00:00+08:00')).toBe(false);
    expect(isWindowOpen(window, '2024-10-09T16:00:00Z')).toBe(false);
  });

  it('compares instants, whatever offset they are written in', () => {
    // 2024-10-09 20:00 in New York is 2024-10-10 08:00 in Shanghai: too late.
    expect(isWindowOpen(window, '2024-10-09T20:00:00-04:00')).toBe(false);
    expect(isWindowOpen(window, '2024-10-09T11:00:00-04:00')).toBe(true);
  });

  it('is open from the start of the publication date, through the holiday', () => {
    expect(isWindowOpen(window, '2024-09-26T23:59:59+08:00')).toBe(false);
    expect(isWindowOpen(window, '2024-09-27T00:00:00+08:00')).toBe(true);
    expect(isWindowOpen(window, '2024-10-03T10:00:00+08:00')).toBe(true);
  });

  it('refuses an instant without an offset', () => {
    expect(() => isWindowOpen(window, '2024-10-09T23:00:00')).toThrow(InvalidInstantError);
  });
});
