import { parseScheme, presetDocument } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { checkInputs } from './self-check-inputs.js';
import { countyDocument } from './testing/county-scheme.js';

/** The county method, with one more declared figure that nothing reads. */
const countyScheme = () =>
  parseScheme(countyDocument([{ key: 'unusedArea', header: '闲置面积(亩)', kind: 'nonNegativeNumber' }]));

const summary = (inputs: ReturnType<typeof checkInputs>) =>
  inputs.map((input) => `${input.group}:${input.kind}:${input.label}`);

describe('the self-check form asks for what the scheme reads', () => {
  it('asks the reference method for its figures, flags, 专精特新, 出租户数 and 暂不评价事由', () => {
    const inputs = checkInputs(parseScheme(presetDocument('reference')));
    expect(summary(inputs)).toEqual([
      'enterprise:scale:企业规模',
      'figures:number:用地面积（亩）',
      'figures:number:用地面积（平方米）',
      'figures:number:税收实际贡献（万元）',
      'figures:number:工业增加值（万元）',
      'figures:number:营业收入（万元）',
      'figures:number:年平均职工人数（人）',
      'figures:number:综合能耗（吨标准煤）',
      'figures:number:主要污染物排放量（吨）',
      'figures:number:R&D经费支出（万元）',
      'figures:number:用电量（千瓦时）',
      'figures:number:出口交货值（万元）',
      'items:yesNo:应急医疗物资重点生产企业',
      'items:yesNo:产业链关键环节企业',
      'items:yesNo:国家高新技术企业',
      'items:specialized:专精特新',
      'items:count:出租户数',
      'items:reasons:暂不评价事由',
    ]);
  });

  it('asks a county method for every figure it declares and reads, by kind, and nothing only the class reads', () => {
    const inputs = checkInputs(countyScheme());
    expect(summary(inputs)).toEqual([
      'enterprise:date:投产日期',
      'figures:number:用地面积（亩）',
      'figures:number:用地面积（平方米）',
      'figures:number:税收实际贡献（万元）',
      'figures:number:工业增加值（万元）',
      'figures:number:营业收入（万元）',
      'figures:number:年平均职工人数（人）',
      'figures:number:综合能耗（吨标准煤）',
      'figures:number:用电量（千瓦时）',
      'figures:number:用水量（吨）',
      'figures:number:COD排放量（吨）',
      'figures:count:发明专利数（件）',
      'items:specialized:专精特新',
      'items:count:出租户数',
      'items:yesNo:安全生产事故',
      'items:reasons:暂不评价事由',
    ]);
    // Read by parseRecords under the county's own headers; the unread 闲置面积 and 一票否决 are not asked.
    expect(inputs.find((input) => input.key === 'waterTon')?.header).toBe('用水量(吨)');
    expect(inputs.some((input) => input.key === 'unusedArea' || input.key === 'vetoReasons')).toBe(false);
  });
});
