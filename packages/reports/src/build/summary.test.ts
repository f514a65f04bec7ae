import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../testing/tiny-county.js';
import { summary } from './summary.js';

describe('summary: class counts and shares of the rated', () => {
  const result = summary(tinyCounty());

  it('counts each cohort’s final classes; shares are of the cohort’s rated, 2 decimals half-up', () => {
    // 规上: 甲 B, 乙 B, 丙 D → B 2/3 = 66.666…% → 66.67, D 1/3 = 33.333…% → 33.33.
    const [above, below] = result.byCohort.rows;
    expect(above?.label).toBe('规上工业企业');
    expect(above?.rated).toBe(3);
    expect(above?.classes).toEqual({
      A: { count: 0, percent: '0.00' },
      B: { count: 2, percent: '66.67' },
      C: { count: 0, percent: '0.00' },
      D: { count: 1, percent: '33.33' },
    });
    expect(above?.exempt).toBeNull();
    expect(below?.classes['B']).toEqual({ count: 2, percent: '66.67' });
    // The total by cohort is the rated only: 6, B 4/6 = 66.67%, D 2/6 = 33.33%.
    expect(result.byCohort.total.rated).toBe(6);
    expect(result.byCohort.total.classes['D']).toEqual({ count: 2, percent: '33.33' });
  });

  it('counts by town with exempt and out-of-scope beside the shares, the unnamed town last', () => {
    const rows = result.byTown.rows.map((row) => ({
      town: row.label,
      rated: row.rated,
      B: row.classes['B'],
      D: row.classes['D'],
      exempt: row.exempt,
      outOfScope: row.outOfScope,
    }));
    expect(rows).toEqual([
      // 东城: 甲 B, 丁 B rated; 己 exempt; 庚 out of scope. B = 2/2 = 100.00%.
      {
        town: '东城街道',
        rated: 2,
        B: { count: 2, percent: '100.00' },
        D: { count: 0, percent: '0.00' },
        exempt: 1,
        outOfScope: 1,
      },
      // 西城: 乙 B, A&B B, 戊 D.
      {
        town: '西城街道',
        rated: 3,
        B: { count: 2, percent: '66.67' },
        D: { count: 1, percent: '33.33' },
        exempt: 0,
        outOfScope: 0,
      },
      {
        town: '（未填）',
        rated: 1,
        B: { count: 0, percent: '0.00' },
        D: { count: 1, percent: '100.00' },
        exempt: 0,
        outOfScope: 0,
      },
    ]);
    expect(result.byTown.total).toMatchObject({ rated: 6, exempt: 1, outOfScope: 1 });
  });

  it('gives no share where a group has no rated enterprise', () => {
    // 庚厂 is out of scope and has no industry code: its group has no rated enterprise.
    const unknown = result.byIndustry.rows.at(-1);
    expect(unknown?.label).toBe('（未填或无法识别的行业代码）');
    expect(unknown?.rated).toBe(0);
    expect(unknown?.classes['A']).toEqual({ count: 0, percent: null });
    expect(unknown?.outOfScope).toBe(1);
  });

  it('groups industries by GB/T 4754 大类, with or without the 门类 letter', () => {
    // C2927 (丁) and 2927 (戊) are both 大类 29; C3484 (乙, A&B) 34; C3670 (甲, 丙, exempt 己) 36.
    expect(result.byIndustry.rows.map((row) => [row.label, row.rated, row.exempt])).toEqual([
      ['C29 橡胶和塑料制品业', 2, 0],
      ['C34 通用设备制造业', 2, 0],
      ['C36 汽车制造业', 2, 1],
      ['（未填或无法识别的行业代码）', 0, 0],
    ]);
  });

  it('counts by park, the enterprises without one together', () => {
    expect(result.byPark.rows.map((row) => [row.label, row.rated])).toEqual([
      ['开发区', 2],
      ['（未填）', 4],
    ]);
  });
});
