import { describe, expect, it } from 'vitest';
import { plainTrace } from './wording.js';

describe('trace lines in sentences', () => {
  it('says the bands as places in the cohort', () => {
    expect(
      plainTrace(
        '第 19 名（A 类 floor(0.20 × 20) = 前 4 名，B 类 floor(0.75 × 20) = 前 15 名，C 类 floor(0.95 × 20) = 前 19 名，其余为 D 类），按名次和分数取 C 类',
      ),
    ).toBe(
      '第 19 名（本组参评 20 家，前 4 名为 A 类（20%，取整），前 15 名为 B 类（75%，取整），前 19 名为 C 类（95%，取整），其余为 D 类），按名次和分数取 C 类',
    );
  });

  it('says the score cap in words', () => {
    expect(plainTrace('得分 = 40 × min(max(1.2300 / 25.9986, 0), 2) = 1.89')).toBe(
      '得分 = 40 × 1.2300 ÷ 25.9986（比值低于 0 按 0 计、高于 2 按 2 计） = 1.89',
    );
  });

  it('leaves other lines as they are', () => {
    expect(plainTrace('本组 20 家参评企业中排第 19 名')).toBe('本组 20 家参评企业中排第 19 名');
    expect(plainTrace('A 类 floor(0.125 × 8) = 前 1 名')).toBe('A 类 floor(0.125 × 8) = 前 1 名');
  });
});

describe('indicator lines as officials write them', () => {
  // The engine's own lines for 台州远东铸造 (sample-2025.csv, reference method).
  it('says a ratio without a unit as a percentage, in the value, the benchmark and the score', () => {
    expect(
      plainTrace(
        'R&D经费支出占营业收入比重 = R&D经费支出(万元) 30 / 营业收入(万元) 7250 = 0.0041；基准值 0.0370；得分 = 10 × min(max(0.0041 / 0.0370, 0), 2) = 1.12',
      ),
    ).toBe(
      'R&D经费支出占营业收入比重 = R&D经费支出 30 万元 ÷ 营业收入 7,250 万元 = 0.41%；基准值 3.70%；得分 = 10 × 0.41% ÷ 3.70%（比值低于 0 按 0 计、高于 2 按 2 计） = 1.12',
    );
  });

  it('puts units after figures and separators in thousands', () => {
    expect(
      plainTrace(
        '单位排放增加值 = 工业增加值(万元) 10980 / 主要污染物排放量(吨) 4.6 = 2386.9565 万元/吨；基准值 554.1151；得分 = 10 × min(max(2386.9565 / 554.1151, 0), 2) = 20.00',
      ),
    ).toBe(
      '单位排放增加值 = 工业增加值 10,980 万元 ÷ 主要污染物排放量 4.6 吨 = 2,386.9565 万元/吨；基准值 554.1151 万元/吨；得分 = 10 × 2,386.9565 ÷ 554.1151（比值低于 0 按 0 计、高于 2 按 2 计） = 20.00',
    );
    expect(
      plainTrace(
        '全员劳动生产率 = 工业增加值(万元) 610 / 年平均职工人数 130 = 4.6923 万元/人；基准值 15.0802；得分 = 10 × min(max(4.6923 / 15.0802, 0), 2) = 3.11',
      ),
    ).toContain('工业增加值 610 万元 ÷ 年平均职工人数 130 人 = 4.6923 万元/人；基准值 15.0802 万元/人');
  });

  it('says a figure the scheme declares by its header and unit, half- or full-width brackets alike', () => {
    // The engine's line for Linhai's 单位用水量增加值, water being a figure the preset declares.
    const line = (water: string) =>
      `单位用水量增加值 = 工业增加值(万元) 4870 / ${water} 48700 = 0.1000 万元/吨；基准值 0.1000；得分 = 5 × max(0.1000 / 0.1000, 0) = 5.00`;
    const said =
      '单位用水量增加值 = 工业增加值 4,870 万元 ÷ 用水量 48,700 吨 = 0.1000 万元/吨；基准值 0.1000 万元/吨；得分 = 5 × 0.1000 ÷ 0.1000（比值低于 0 按 0 计） = 5.00';
    expect(plainTrace(line('用水量(吨)'))).toBe(said);
    expect(plainTrace(line('用水量（吨）'))).toBe(said);
  });

  it('says a benchmark divided by the value (lower is better) with the same figures', () => {
    expect(
      plainTrace(
        '单位增加值能耗 = 综合能耗(吨标准煤) 4300 / 工业增加值(万元) 610 = 7.0492 吨标煤/万元；基准值 1.2000；得分 = 10 × min(max(1.2000 / 7.0492, 0), 2) = 1.70',
      ),
    ).toBe(
      '单位增加值能耗 = 综合能耗 4,300 吨标准煤 ÷ 工业增加值 610 万元 = 7.0492 吨标煤/万元；基准值 1.2000 吨标煤/万元；得分 = 10 × 1.2000 ÷ 7.0492（比值低于 0 按 0 计、高于 2 按 2 计） = 1.70',
    );
  });
});
