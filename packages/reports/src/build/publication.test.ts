import { describe, expect, it } from 'vitest';
import { code, tinyCounty } from '../testing/tiny-county.js';
import { publicationList } from './publication.js';

describe('the 公示 list', () => {
  const data = tinyCounty();

  it('lists names by cohort and class, in 拼音 order, with no rank or score', () => {
    const list = publicationList(data);
    const above = list.cohorts[0];
    expect(above?.label).toBe('规上工业企业');
    expect(above?.classes.map((c) => [c.id, c.enterprises.map((e) => e.name)])).toEqual([
      ['A', []],
      // 甲 (jiǎ) before 乙 (yǐ) by 拼音; ranks were 1 and 2, but the list does not say so.
      ['B', ['甲公司', '乙公司']],
      ['C', []],
      ['D', ['丙公司']],
    ]);
    // The zh-CN collation puts Chinese names (by 拼音) before Latin ones: 丁厂 (dīng), then A&B <厂>.
    expect(list.cohorts[1]?.classes[1]?.enterprises.map((e) => e.name)).toEqual(['丁厂', 'A&B <厂>']);
    const listed = JSON.stringify(list);
    expect(listed).not.toMatch(/rank|score|totalScore/i);
  });

  it('can order by code instead', () => {
    const list = publicationList(data, 'code');
    expect(list.cohorts[1]?.classes[1]?.enterprises.map((e) => e.uscc)).toEqual([code(4), code(6)]);
  });

  it('has appendices: the exempt with their reasons, the protected with their class', () => {
    const list = publicationList(data);
    expect(list.exempt).toEqual([
      { uscc: code(7), name: '己公司', town: '东城街道', reasons: '停产；整体搬迁' },
    ]);
    expect(list.protected).toEqual([
      {
        uscc: code(6),
        name: 'A&B <厂>',
        town: '西城街道',
        cohortLabel: '规下工业企业',
        reasons: '新投产',
        finalClass: 'B',
        finalClassLabel: '鼓励提升类',
      },
    ]);
  });
});
