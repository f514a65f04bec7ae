import { describe, expect, it } from 'vitest';
import { dec } from '../decimal.js';
import { fiveNumbers, quantile } from './quantiles.js';

describe('quantiles (type 7, as Excel’s QUARTILE.INC)', () => {
  it('interpolates between order statistics exactly', () => {
    // Sorted 0.75, 1.5, 2: h = 2p. Q1: h = 0.5 → 0.75 + 0.5 × 0.75 = 1.125; Q3: h = 1.5 → 1.5 + 0.5 × 0.5 = 1.75.
    expect(fiveNumbers(['1.5', '0.75', '2'], 4)).toEqual({
      n: 3,
      min: '0.7500',
      q1: '1.1250',
      median: '1.5000',
      q3: '1.7500',
      max: '2.0000',
    });
  });

  it('rounds half-up once, at the end', () => {
    // 0.0001 and 0.0002: median = 0.00015 exactly → 0.0002 at 4 decimals (half-up, not to even).
    expect(fiveNumbers(['0.0001', '0.0002'], 4)?.median).toBe('0.0002');
    // Q1 of 1, 2, 3, 4: h = 0.75 → 1.75; Q3: h = 2.25 → 3.25. With 1 decimal: 1.8 and 3.3 (3.25 → 3.3).
    expect(fiveNumbers(['4', '3', '2', '1'], 1)).toMatchObject({ q1: '1.8', median: '2.5', q3: '3.3' });
    // Negative ties round away from zero: −0.00015 → −0.0002.
    expect(fiveNumbers(['-0.0001', '-0.0002'], 4)?.median).toBe('-0.0002');
  });

  it('has no float error where float64 has (0.1 + 0.2)', () => {
    expect(quantile([dec('0.1'), dec('0.2'), dec('0.3')], dec('0.25')).toFixed()).toBe('0.15');
    expect(quantile([dec('0.1'), dec('0.7')], dec('0.5')).toFixed()).toBe('0.4');
  });

  it('gives one value as every quantile, and null for none', () => {
    expect(fiveNumbers(['-3.5'], 2)).toEqual({
      n: 1,
      min: '-3.50',
      q1: '-3.50',
      median: '-3.50',
      q3: '-3.50',
      max: '-3.50',
    });
    expect(fiveNumbers([], 4)).toBeNull();
  });
});
