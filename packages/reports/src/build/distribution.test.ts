import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../testing/tiny-county.js';
import { taxPerMuDistribution } from './distribution.js';

describe('亩均税收 distribution per town', () => {
  it('takes each rated enterprise’s published value, by town', () => {
    const result = taxPerMuDistribution(tinyCounty());
    expect(result.towns.map((town) => [town.town, town.spread])).toEqual([
      // 东城: 甲 50/10 = 5, 丁 20/5 = 4 (exempt 己 and out-of-scope 庚 are not rated).
      ['东城街道', { n: 2, min: '4.0000', q1: '4.2500', median: '4.5000', q3: '4.7500', max: '5.0000' }],
      // 西城: 乙 30/20 = 1.5, 戊 3/4 = 0.75, A&B 12/6 = 2.
      ['西城街道', { n: 3, min: '0.7500', q1: '1.1250', median: '1.5000', q3: '1.7500', max: '2.0000' }],
      // 丙 4/30 = 0.13333… → 0.1333.
      ['（未填）', { n: 1, min: '0.1333', q1: '0.1333', median: '0.1333', q3: '0.1333', max: '0.1333' }],
    ]);
    // County: 0.1333, 0.75, 1.5, 2, 4, 5; median h = 2.5 → 1.5 + 0.5 × 0.5 = 1.75.
    expect(result.county).toMatchObject({ n: 6, min: '0.1333', median: '1.7500', max: '5.0000' });
  });
});
