// §11: the window always holds exactly `workingDays` working days, day 1 is the first working day on or after
// publication, and it closes after the publication date ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar as calendar } from '../calendar/load.js';
import { fromEpochDay, toEpochDay } from '../dates/iso-date.js';
import { toEpochMs } from '../dates/instant.js';
import { isWindowOpen, publicationWindow } from './publication-window.js';

// Every date from which a window of up to 20 working days stays inside 2020–2026 (and off 2026's last week).
const date = fc
  .integer({ min: toEpochDay('2020-01-01'), max: toEpochDay('2026-11-20') })
  .map((day) => fromEpochDay(day));

describe('publicationWindow laws', () => {
  it('has exactly 5 working days, and closes after the publication date', () => {
    fc.assert(
      fc.property(date, (publishedOn) => {
        const window = publicationWindow(calendar, publishedOn);
        expect(window.days).toHaveLength(5);
        expect(window.days.every((day) => calendar.isWorkingDay(day))).toBe(true);
        expect(calendar.workingDaysBetween(window.firstDay, window.lastDay)).toBe(5);
        // Nothing between publication and day 1 is a working day.
        expect(calendar.workingDaysBetween(publishedOn, window.firstDay)).toBe(1);
        expect(window.firstDay >= publishedOn).toBe(true);
        expect(toEpochMs(window.closesAt)).toBeGreaterThan(toEpochMs(`${publishedOn}T23:59:59.999+08:00`));
        expect(isWindowOpen(window, `${publishedOn}T12:00:00+08:00`)).toBe(true);
        expect(isWindowOpen(window, `${window.lastDay}T23:59:59.999+08:00`)).toBe(true);
        expect(isWindowOpen(window, window.closesAt)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('has exactly n working days for any n', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 20 }), (publishedOn, n) => {
        const window = publicationWindow(calendar, publishedOn, n);
        expect(new Set(window.days).size).toBe(n);
        expect(calendar.workingDaysBetween(window.firstDay, window.lastDay)).toBe(n);
        expect(window.closesAt).toBe(`${window.lastDay}T16:00:00.000Z`);
      }),
    );
  });
});

describe('addWorkingDays and workingDaysBetween agree', () => {
  it('from a working day, n steps forward span n + 1 working days, and n steps back return', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 20 }), (start, n) => {
        const from = calendar.workingDayOnOrAfter(start);
        const to = calendar.addWorkingDays(from, n);
        expect(calendar.workingDaysBetween(from, to)).toBe(n + 1);
        expect(calendar.addWorkingDays(to, -n)).toBe(from);
      }),
    );
  });
});
