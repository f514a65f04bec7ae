import { describe, expect, it } from 'vitest';
import { CalendarErrorCode, InvalidInstantError } from '../errors/errors.js';
import { toEpochMs } from './instant.js';

describe('ISO instants', () => {
  it('reads the offset, so the same instant written two ways is equal', () => {
    expect(toEpochMs('2024-10-10T00:00:00+08:00')).toBe(toEpochMs('2024-10-09T16:00:00.000Z'));
    expect(toEpochMs('2024-10-09T16:00Z')).toBe(Date.UTC(2024, 9, 9, 16));
    expect(toEpochMs('2024-10-09T10:30:00-05:30')).toBe(Date.UTC(2024, 9, 9, 16));
  });

  it('truncates fractions past the millisecond', () => {
    expect(toEpochMs('2024-10-09T15:59:59.9999999Z')).toBe(Date.UTC(2024, 9, 9, 15, 59, 59, 999));
    expect(toEpochMs('2024-10-09T15:59:59.5Z')).toBe(Date.UTC(2024, 9, 9, 15, 59, 59, 500));
  });

  it('refuses a local time without an offset, and impossible times', () => {
    for (const value of [
      '2024-10-09T23:59:59',
      '2024-10-09',
      '2024-10-09T24:00:00+08:00',
      '2023-02-29T00:00Z',
    ]) {
      expect(() => toEpochMs(value)).toThrow(InvalidInstantError);
    }
    try {
      toEpochMs('yesterday');
    } catch (error) {
      expect(error).toMatchObject({ code: CalendarErrorCode.InvalidInstant, value: 'yesterday' });
    }
  });
});
