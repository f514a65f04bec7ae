import { dec, parseScheme, presetScheme } from '@mujun/scoring';
import type { Scheme, SchemeInput } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { NoPolicyError, SurchargeErrorCode } from '../errors.js';
import {
  describeTiers,
  formatPrice,
  landTaxReliefShare,
  surchargedClasses,
  surchargePerUnit,
  surchargeTable,
  tierFor,
} from './policy.js';

const reference = presetScheme('reference');
const shandong = presetScheme('shandong-2022');

function referenceWithPolicy(policy: NonNullable<SchemeInput['policy']>): Scheme {
  return parseScheme({ extends: 'reference', policy });
}

const price = (scheme: Scheme, classId: string, years: number) => {
  const table = surchargeTable(scheme);
  return formatPrice(table, surchargePerUnit(table, classId, years));
};

describe('the tiers by class and consecutive years', () => {
  it('reference: D 0.30 in the 1st and 2nd year, 0.40 from the 3rd; C and the rest nothing', () => {
    expect([1, 2, 3, 4, 10].map((years) => price(reference, 'D', years))).toEqual([
      '0.30',
      '0.30',
      '0.40',
      '0.40',
      '0.40',
    ]);
    expect(['A', 'B', 'C', 'T'].map((c) => price(reference, c, 3))).toEqual(['0.00', '0.00', '0.00', '0.00']);
  });

  it('shandong-2022: D 0.05, 0.10, then 0.15 from the 3rd year on', () => {
    expect([1, 2, 3, 4].map((years) => price(shandong, 'D', years))).toEqual([
      '0.05',
      '0.10',
      '0.15',
      '0.15',
    ]);
    expect(price(shandong, 'C', 1)).toBe('0.00');
  });

  it('names the tier that applies, null for a class the table does not list', () => {
    const table = surchargeTable(shandong);
    expect(tierFor(table, 'D', 2)).toEqual({ fromYear: 2, perUnit: '0.10' });
    expect(tierFor(table, 'A', 5)).toBeNull();
  });

  it('says the tiers in words, and which classes pay anything', () => {
    expect(describeTiers(surchargeTable(reference), 'D')).toBe(
      '连续第 1 年起 0.30 元/kWh；连续第 3 年起 0.40 元/kWh',
    );
    expect(surchargedClasses(reference, surchargeTable(reference))).toEqual(['D']);
  });

  it('a scheme without a policy has no table: NoPolicyError', () => {
    expect(() => surchargeTable(presetScheme('huangyan-2022'))).toThrow(NoPolicyError);
    try {
      surchargeTable(presetScheme('huangyan-2022'));
    } catch (error) {
      expect(error).toMatchObject({ code: SurchargeErrorCode.NoPolicy, schemeId: 'huangyan-2022' });
    }
  });
});

describe('water, gas and the land-use-tax relief have the same shape', () => {
  const scheme = referenceWithPolicy({
    surcharges: {
      electricity: { label: '差别化电价', unit: '元/kWh', byClass: { D: [{ fromYear: 1, perUnit: '0.3' }] } },
      water: {
        label: '差别化水价',
        unit: '元/m³',
        decimals: 1,
        byClass: {
          C: [{ fromYear: 1, perUnit: '0.5' }],
          D: [
            { fromYear: 1, perUnit: '1' },
            { fromYear: 2, perUnit: '2.5' },
          ],
        },
      },
      gas: { label: '差别化气价', unit: '元/m³', byClass: { D: [{ fromYear: 1, perUnit: '0.25' }] } },
    },
    landTaxRelief: { A: '1', B: '0.5' },
  });

  it('prices water and gas by class and years with their own decimals', () => {
    const water = surchargeTable(scheme, 'water');
    expect(formatPrice(water, surchargePerUnit(water, 'D', 2))).toBe('2.5');
    expect(formatPrice(water, surchargePerUnit(water, 'C', 1))).toBe('0.5');
    const gas = surchargeTable(scheme, 'gas');
    expect(formatPrice(gas, surchargePerUnit(gas, 'D', 1))).toBe('0.25');
    expect(surchargedClasses(scheme, water)).toEqual(['C', 'D']);
  });

  it('relieves the land-use tax by class, none for a class not listed', () => {
    expect(['A', 'B', 'C', 'D'].map((c) => landTaxReliefShare(scheme, c))).toEqual(['1', '0.5', '0', '0']);
    expect(dec(landTaxReliefShare(reference, 'A')).isZero()).toBe(true);
  });
});
