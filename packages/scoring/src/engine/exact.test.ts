import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, fixed } from '../decimal/decimal.js';
import { presetScheme } from '../scheme/load.js';
import { compileScheme } from './compile.js';
import type { CompiledIndicator } from './compile.js';
import {
  approx,
  compareQuotient,
  floorEstimate,
  divideHalfUp,
  formatUnits,
  quotientString,
  roundEstimate,
} from './exact.js';
import { ratioScoreUnits } from './score.js';

const taxPerMu = compileScheme(presetScheme('reference')).cohorts[0]?.indicators[0] as CompiledIndicator;

/** Decimal strings with 0–6 decimals, the shapes spreadsheets send. */
const decimalText = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.integer({ min: 0, max: 6 }))
    .map(([units, dp]) => new Dec(units).div(new Dec(10).pow(dp)).toFixed());

describe('approx', () => {
  it('is the float Number() gives, on short and long figures of both signs', () => {
    const digits = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 24 })
      .map((list) => list.join(''));
    const figure = fc
      .tuple(fc.boolean(), digits, fc.option(digits, { nil: undefined }))
      .map(([negative, whole, fraction]) => {
        const text = `${whole.replace(/^0+(?=\d)/, '')}${fraction === undefined ? '' : `.${fraction}`}`;
        return negative && /[1-9]/.test(text) ? `-${text}` : text;
      });
    fc.assert(
      fc.property(figure, (text) => {
        expect(Object.is(approx(text), Number(text))).toBe(true);
      }),
      { seed: 3, numRuns: 20000 },
    );
  });

  it('reads figures beyond float range as Number() does', () => {
    for (const text of ['1' + '0'.repeat(400), '0.' + '0'.repeat(400) + '1', '9007199254740993', '0.1']) {
      expect(approx(text)).toBe(Number(text));
    }
  });
});

describe('roundEstimate', () => {
  it('rounds half away from zero when clear of the tie', () => {
    expect(roundEstimate(2.4)).toBe(2);
    expect(roundEstimate(2.6)).toBe(3);
    expect(roundEstimate(-2.6)).toBe(-3);
    expect(roundEstimate(-0.2)).toBe(0);
    expect(Object.is(roundEstimate(-0.2), -0)).toBe(false);
  });

  it('refuses to decide near a tie, beyond the safe range, or on NaN', () => {
    expect(roundEstimate(2.5)).toBeUndefined();
    expect(roundEstimate(2.5000000000001)).toBeUndefined();
    expect(roundEstimate(2 ** 60)).toBeUndefined();
    expect(roundEstimate(Number.NaN)).toBeUndefined();
  });
});

describe('floorEstimate', () => {
  it('rounds down, towards −∞, when clear of the integers', () => {
    expect(floorEstimate(2.7)).toBe(2);
    expect(floorEstimate(-2.3)).toBe(-3);
    expect(floorEstimate(0.4)).toBe(0);
  });

  it('refuses to decide next to an integer, beyond the safe range, or on NaN', () => {
    expect(floorEstimate(3)).toBeUndefined();
    expect(floorEstimate(2.9999999999999996)).toBeUndefined();
    expect(floorEstimate(-1.0000000000000002)).toBeUndefined();
    expect(floorEstimate(2 ** 60 + 0.5)).toBeUndefined();
    expect(floorEstimate(Number.NaN)).toBeUndefined();
  });
});

describe('formatUnits and divideHalfUp', () => {
  it('writes units with exactly dp decimals and never -0', () => {
    expect(formatUnits(12345, 2)).toBe('123.45');
    expect(formatUnits(-5, 4)).toBe('-0.0005');
    expect(formatUnits(0, 2)).toBe('0.00');
    expect(formatUnits(7, 0)).toBe('7');
    expect(formatUnits(-7, 0)).toBe('-7');
    expect(formatUnits(2 ** 53 - 1, 4)).toBe('900719925474.0991');
    expect(() => formatUnits(2 ** 53, 2)).toThrow(RangeError);
  });

  it('rounds integer quotients half away from zero on both signs', () => {
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(-5, 2)).toBe(-3);
    expect(divideHalfUp(7, 3)).toBe(2);
    expect(divideHalfUp(-1, 3)).toBe(0);
  });
});

describe('the float estimate never changes a result', () => {
  it('quotientString equals decimal.js on random figures', () => {
    fc.assert(
      fc.property(decimalText(-(10 ** 9), 10 ** 9), decimalText(1, 10 ** 9), (numerator, denominator) => {
        const exact = fixed(new Dec(numerator).div(new Dec(denominator)), 4);
        expect(quotientString(numerator, denominator, '1', 4)).toBe(exact);
      }),
      { seed: 1, numRuns: 2000 },
    );
  });

  it('quotientString rounds exact ties half-up on both signs', () => {
    expect(quotientString('1', '20000', '1', 4)).toBe('0.0001');
    expect(quotientString('-1', '20000', '1', 4)).toBe('-0.0001');
    expect(quotientString('-1', '200000', '1', 4)).toBe('0.0000');
    expect(quotientString('123456789.00005', '1', '1', 4)).toBe('123456789.0001');
  });

  it('compareQuotient decides equality exactly', () => {
    expect(compareQuotient('3', '3', '1', '1')).toBe(0);
    expect(compareQuotient('0.99999999999999999', '1', '1', '1')).toBe(-1);
    expect(compareQuotient('1.00000000000000001', '1', '1', '1')).toBe(1);
    expect(compareQuotient('1', '3', '3', '1')).toBe(0);
  });

  it('ratio scores equal the exact-only path, ties included', () => {
    const tie = fc
      .tuple(fc.integer({ min: 1, max: 9999999 }), fc.integer({ min: 0, max: 7999 }))
      .map(([benchmarkUnits, k]) => {
        // 40 × value / benchmark = (2k + 1) / 200 exactly: a score on a .xx5 tie.
        const benchmark = new Dec(benchmarkUnits).div(10000);
        const value = benchmark.times(2 * k + 1).div(8000);
        return { benchmark: benchmark.toFixed(4), numerator: value.toFixed(), denominator: '1' };
      });
    const random = fc.record({
      benchmark: decimalText(1, 10 ** 8).filter((text) => text !== '0'),
      numerator: decimalText(-(10 ** 8), 10 ** 9),
      denominator: decimalText(1, 10 ** 7),
    });
    fc.assert(
      fc.property(fc.oneof(tie, random), ({ benchmark, numerator, denominator }) => {
        const published = { text: benchmark, approx: Number(benchmark) };
        const fast = ratioScoreUnits(taxPerMu, published, numerator, denominator, 2);
        const exact = ratioScoreUnits(taxPerMu, published, numerator, denominator, 2, true);
        expect(fast).toBe(exact);
      }),
      { seed: 7, numRuns: 5000 },
    );
  });

  it('a score exactly on a tie rounds up', () => {
    // 40 × 0.000125 / 1 = 0.005 → 0.01
    expect(ratioScoreUnits(taxPerMu, { text: '1.0000', approx: 1 }, '0.000125', '1', 2)).toBe(1);
    // 40 × 2 is the cap: 80.00
    expect(ratioScoreUnits(taxPerMu, { text: '1.0000', approx: 1 }, '2', '1', 2)).toBe(8000);
    expect(ratioScoreUnits(taxPerMu, { text: '1.0000', approx: 1 }, '-3', '1', 2)).toBe(0);
  });
});
