import { describe, expect, it } from 'vitest';
import { parseScheme, presetDocument, presetScheme, PRESET_IDS } from '../scheme/load.js';
import type { SchemeInput } from '../scheme/scheme.js';
import { explainScheme } from './explain.js';
import { explanationMarkdown, explanationText } from './render.js';

function referenceWith(edit: (document: SchemeInput) => void): ReturnType<typeof parseScheme> {
  const document = structuredClone(presetDocument('reference')) as SchemeInput;
  edit(document);
  return parseScheme(document);
}

const textOf = (id: string): string => explanationText(explainScheme(presetScheme(id)));

describe('scheme explain', () => {
  it('writes the huangyan-2022 preset formula as the county publishes its 计算说明', () => {
    // 黄岩区 2022 评价结果公示 (shared/spec/county-methods.md): 亩均税收 ÷ 24.097 × 30 + 亩均增加值 ÷ 136.16 × 20
    // + 单位能耗增加值 ÷ 2.694 × 20 + 单位排放增加值 ÷ 4929.81 × 10 + 全员劳动生产率 ÷ 18.14 × 10 + R&D经费支出占
    // 主营业务收入之比 ÷ 0.0302 × 10; 规下 ÷ 11.5932 × 50 + ÷ 0.2352 × 50; no cap and no floor at 0.
    const text = textOf('huangyan-2022');
    expect(text).toContain(
      '规上工业企业：亩均税收 ÷ 24.097 × 30 + 亩均增加值 ÷ 136.16 × 20 + 单位能耗增加值 ÷ 2.694 × 20 + 单位排放增加值 ÷ 4929.81 × 10 + 全员劳动生产率 ÷ 18.14 × 10 + R&D经费支出占主营业务收入之比 ÷ 0.0302 × 10（每项不封顶，可为负）',
    );
    expect(text).toContain(
      '规下工业企业：亩均税收 ÷ 11.5932 × 50 + 单位用电税收 ÷ 0.2352 × 50（每项不封顶，可为负）',
    );
    expect(text).toContain(
      '「主营业务收入(万元)」（mainBusinessRevenue）：数字（不能为负），单位万元，由统计局提供',
    );
    expect(text).toContain('R&D经费支出占主营业务收入之比 = R&D经费支出 ÷ 主营业务收入，权重 10');
  });

  it.each(PRESET_IDS)(
    'names every rule of %s: scope, cohorts, indicators, items, overrides, classes',
    (id) => {
      const scheme = presetScheme(id);
      const text = explanationText(explainScheme(scheme));
      const labels = [
        ...scheme.scope.outOfScope.map((r) => r.label),
        ...scheme.scope.exempt.map((r) => r.label),
        ...scheme.cohorts.map((c) => c.label),
        ...Object.values(scheme.indicatorSets).flatMap((set) => set.map((i) => i.label)),
        ...scheme.bonus.items.map((i) => i.label),
        ...scheme.penalty.items.map((i) => i.label),
        ...scheme.overrides.map((o) => o.label),
        ...scheme.classes.map((c) => c.label),
      ];
      for (const label of labels) expect(text, label).toContain(label);
    },
  );

  it('says whether a ratio score is capped, and the cohort benchmark it is divided by', () => {
    const capped = explanationText(explainScheme(presetScheme('reference')));
    expect(capped).toContain('40 × min(max(亩均税收 ÷ 基准值, 0), 2)（低于 0 记 0，最高 80 分）');
    expect(capped).toContain('本组适用企业 合计税收实际贡献 ÷ 合计用地面积，四舍五入到 4 位小数');
    const uncapped = referenceWith((document) => {
      for (const indicator of document.indicatorSets['above'] ?? []) {
        indicator.scoring = { method: 'ratio', cap: null };
      }
    });
    const text = explanationText(explainScheme(uncapped));
    expect(text).toContain('规上工业企业：亩均税收 ÷ 基准值 × 40 + ');
    expect(text).toContain('（每项不封顶，低于 0 记 0）');
    expect(text).toContain('40 × max(亩均税收 ÷ 基准值, 0)（低于 0 记 0，不封顶）');
  });

  it('says a score without floor or cap is neither capped nor kept from going negative (Huangyan)', () => {
    const open = referenceWith((document) => {
      for (const indicator of document.indicatorSets['below'] ?? []) {
        indicator.scoring = { method: 'ratio', cap: null, floor: null };
      }
      const [tax] = document.indicatorSets['above'] ?? [];
      if (tax === undefined) throw new Error('reference 规上 indicators');
      tax.scoring = { method: 'ratio', cap: '1.5', floor: '0.2' };
    });
    const text = explanationText(explainScheme(open));
    expect(text).toContain(
      '规下工业企业：亩均税收 ÷ 基准值 × 50 + 单位电耗税收 ÷ 基准值 × 50（每项不封顶，可为负）',
    );
    expect(text).toContain('50 × 亩均税收 ÷ 基准值（不设下限，指标值为负时得分为负，不封顶）');
    expect(text).toContain('40 × min(max(亩均税收 ÷ 基准值, 0.2), 1.5)（最低 8 分，最高 60 分）');
    expect(text).toContain('（各项上下限见下）');
  });

  it('writes min–max with its floor (Jingde) and a lower-is-better ratio', () => {
    const scheme = referenceWith((document) => {
      const above = document.indicatorSets['above'];
      if (above?.[0] === undefined || above[1] === undefined) throw new Error('reference 规上 indicators');
      above[0].scoring = { method: 'minMax', floor: '20' };
      above[1].direction = 'lower';
      above[1].benchmark = { method: 'fixed', value: '2', multiplier: '2' };
    });
    const text = explanationText(explainScheme(scheme));
    expect(text).toContain(
      '40 × [20 + 80 × (亩均税收 − 最小值) ÷ (最大值 − 最小值)] ÷ 100 + (2 × 2) ÷ 亩均增加值 × 20',
    );
    expect(text).toContain('（各项上下限见下）');
    expect(text).toContain('基准值：固定 2 × 2 = 4（按 4 位小数使用）');
    expect(text).toContain('亩均增加值（万元/亩） = 工业增加值 ÷ 用地面积，权重 20，越低越好');
  });

  it('says the new constructs: declared figures, a date condition, a pool, last year’s benchmark, count rounding', () => {
    const scheme = referenceWith((document) => {
      document.figures = [
        { key: 'productionStart', header: '投产日期', kind: 'date' },
        { key: 'tenantsBelow', header: '出租给规下企业户数', unit: '户', kind: 'count', required: true },
      ];
      document.scope.exempt.push({
        id: 'young',
        label: '投产不满 2 年',
        when: { date: 'productionStart', op: 'gt', value: '2022-12-31' },
      });
      const [above, below] = document.cohorts;
      if (above === undefined || below === undefined) throw new Error('reference cohorts');
      document.cohorts = [
        {
          ...above,
          id: 'aboveTextile',
          pool: 'county',
          when: { all: [{ scale: 'above' }, { industry: ['17'] }] },
        },
        {
          ...above,
          id: 'aboveOther',
          pool: 'county',
          classification: {
            bands: [
              { class: 'A', cumulativeShare: '0.20', rounding: 'nearest' },
              { class: 'B', cumulativeShare: '0.75' },
              { class: 'C', cumulativeShare: '0.95', rounding: 'ceil' },
            ],
            sparesLastClassBelow: 5,
          },
        },
        below,
      ];
      const [tax] = document.indicatorSets['below'] ?? [];
      if (tax === undefined) throw new Error('reference 规下 indicators');
      tax.benchmark = { method: 'previousYear', statistic: 'meanOfValues', multiplier: '2' };
      const [subletAbove] = document.penalty.items;
      if (subletAbove !== undefined && typeof subletAbove.points !== 'string') {
        subletAbove.points = { ...subletAbove.points, perCount: 'tenantsBelow' };
        subletAbove.cohorts = ['aboveTextile', 'aboveOther'];
      }
    });
    const text = explanationText(explainScheme(scheme));
    expect(text).toContain('「出租给规下企业户数」（tenantsBelow）：整数个数，单位户，每家企业必填');
    expect(text).toContain('投产不满 2 年：投产日期 > 2022-12-31（日期为空时不成立）');
    expect(text).toContain('基准池 county：规上工业企业、规上工业企业共用一个基准池');
    expect(text).toContain('规下工业企业不在基准池中，单独计算基准值');
    expect(text).toContain('亩均税收 ÷ (2 × 上年平均值) × 50');
    expect(text).toContain('2 × 上年同一组同一指标适用企业公布的指标值的平均值');
    expect(text).toContain(
      'A 类为前 round(20% × n) 名，B 类为前 floor(75% × n) 名，C 类为前 ceil(95% × n) 名，其余为 D 类（round 为四舍五入，floor 为向下取整，ceil 为向上取整）',
    );
    expect(text).toContain('本组参评企业不足 5 家时，不按名次评 D 类');
    expect(text).toContain('出租给规下企业户数（记为 n）≥ 2 时 5 + 5 × (n − 2) 分');
  });

  it('lists the file’s assumptions first, so a county sees what it must check', () => {
    const scheme = referenceWith((document) => {
      document.assumptions = ['各指标权重来源未给出，按 30/20/… 假设'];
    });
    const [about] = explainScheme(scheme).sections;
    expect(about?.lines.map((l) => l.text)).toContain(
      '以下内容来源未给出，本文件作了假设，须按本县办法核对：',
    );
    expect(about?.lines.map((l) => l.text)).toContain('各指标权重来源未给出，按 30/20/… 假设');
  });

  it('writes thresholds next to bands and says the worse class wins', () => {
    const scheme = referenceWith((document) => {
      const [above] = document.cohorts;
      if (above === undefined) throw new Error('reference cohorts');
      above.classification = {
        ...above.classification,
        thresholds: [
          { class: 'A', minScore: '90' },
          { class: 'B', minScore: '70' },
          { class: 'C', minScore: '50' },
        ],
      };
    });
    const text = explanationText(explainScheme(scheme));
    expect(text).toContain('按分数：A 类总分 ≥ 90，B 类总分 ≥ 70，C 类总分 ≥ 50，其余为 D 类');
    expect(text).toContain('两者都给出时，取名次和分数所得类别中较差的一个');
  });

  it('writes Markdown with headings and lists, escaping what Markdown would read', () => {
    const markdown = explanationMarkdown(explainScheme(presetScheme('reference')));
    expect(markdown.startsWith('# 参考评价办法')).toBe(true);
    expect(markdown).toContain('\n## 五、计分公式\n');
    expect(markdown).toContain('亩均税收（未经四舍五入）\\< 1');
    expect(markdown).toMatch(/\n- 规上工业企业（above）/);
    expect(markdown).toMatch(/\n {2}- 必填：/);
  });
});
