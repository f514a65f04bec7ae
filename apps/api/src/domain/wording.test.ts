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
