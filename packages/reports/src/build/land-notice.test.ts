import { describe, expect, it } from 'vitest';
import { code, tinyCounty } from '../testing/tiny-county.js';
import { landNotice } from './land-notice.js';

describe('用地面积公示', () => {
  it('lists every enterprise, exempt and out of scope too, by town then code, with exact totals', () => {
    const notice = landNotice(tinyCounty());
    expect(notice.rows.map((row) => [row.town, row.uscc, row.landMu])).toEqual([
      ['东城街道', code(1), '10'],
      ['东城街道', code(4), '5'],
      ['东城街道', code(7), '8'],
      ['东城街道', code(8), '2'],
      ['西城街道', code(2), '20'],
      ['西城街道', code(5), '4'],
      ['西城街道', code(6), '6'],
      ['（未填）', code(3), '30'],
    ]);
    // 东城 10 + 5 + 8 + 2 = 25; 西城 20 + 4 + 6 = 30; 丙 30; all 85.
    expect(notice.towns).toEqual([
      { town: '东城街道', enterprises: 4, landMu: '25' },
      { town: '西城街道', enterprises: 3, landMu: '30' },
      { town: '（未填）', enterprises: 1, landMu: '30' },
    ]);
    expect(notice.totalLandMu).toBe('85');
  });
});
