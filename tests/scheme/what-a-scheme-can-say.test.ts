// shared/spec/reference-method.md, "What else a scheme must be able to say": each item, written as scheme
// data only, graded through the public API.
import { grade, InvalidSchemeError, parseScheme } from '@mujun/scoring';
import type { EnterpriseResult, Grading, SchemeInput } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above, below, without } from '../support/records.js';
import { aboveIndicators, referenceWith } from '../support/schemes.js';

type IndicatorInput = SchemeInput['indicatorSets'][string][number];

const taxPerMu = (overrides: Partial<IndicatorInput> = {}): IndicatorInput => ({
  key: 'taxPerMu',
  label: '亩均税收',
  unit: '万元/亩',
  numerator: 'tax',
  denominator: 'landMu',
  weight: '100',
  benchmark: { method: 'aggregateRatio' },
  scoring: { method: 'ratio', cap: '2' },
  notApplicable: { method: 'cohortMean' },
  ...overrides,
});

function only(grading: Grading, uscc: string): EnterpriseResult {
  const result = grading.result(uscc);
  if (result === undefined) throw new Error(`no result for ${uscc}`);
  return result;
}

const three = [above(1, { tax: '10' }), above(2, { tax: '20' }), above(3, { tax: '60' })];

describe('benchmarks', () => {
  it('a fixed published value', () => {
    const grading = grade(three, aboveIndicators([taxPerMu({ benchmark: { method: 'fixed', value: '4' } })]));
    expect(grading.cohorts()['above']?.benchmarks['taxPerMu']).toBe('4.0000');
    expect(only(grading, three[0]?.uscc ?? '').indicators['taxPerMu']?.score).toBe('25.00');
  });

  it('k × last year’s figure (Huai’an: 2 × last year’s average)', () => {
    const scheme = aboveIndicators([
      taxPerMu({ benchmark: { method: 'fixed', value: '1.23455', multiplier: '2' } }),
    ]);
    expect(grade(three, scheme).cohorts()['above']?.benchmarks['taxPerMu']).toBe('2.4691');
  });

  it('the cohort aggregate ratio Σ tax / Σ land', () => {
    const records = [above(1, { tax: '10', landMu: '3' }), above(2, { tax: '20', landMu: '4' })];
    // 30 / 7 = 4.285714… → 4.2857
    expect(grade(records, aboveIndicators([taxPerMu()])).cohorts()['above']?.benchmarks['taxPerMu']).toBe(
      '4.2857',
    );
  });

  it('the cohort mean of values', () => {
    const records = [above(1, { tax: '10', landMu: '3' }), above(2, { tax: '20', landMu: '4' })];
    // (3.3333… + 5) / 2 = 4.1666… → 4.1667
    const scheme = aboveIndicators([taxPerMu({ benchmark: { method: 'meanOfValues' } })]);
    expect(grade(records, scheme).cohorts()['above']?.benchmarks['taxPerMu']).toBe('4.1667');
  });

  it('the cohort maximum', () => {
    const scheme = aboveIndicators([taxPerMu({ benchmark: { method: 'max' } })]);
    const grading = grade(three, scheme);
    expect(grading.cohorts()['above']?.benchmarks['taxPerMu']).toBe('6.0000');
    expect(only(grading, three[2]?.uscc ?? '').indicators['taxPerMu']?.score).toBe('100.00');
  });
});

describe('scoring', () => {
  it('ratio without a cap', () => {
    const grading = grade(three, aboveIndicators([taxPerMu({ scoring: { method: 'ratio', cap: null } })]));
    // benchmark 90 / 30 = 3; 6 / 3 × 100 = 200, more than twice the weight
    expect(only(grading, three[2]?.uscc ?? '').indicators['taxPerMu']?.score).toBe('200.00');
  });

  it('ratio with a cap', () => {
    const grading = grade(three, aboveIndicators([taxPerMu({ scoring: { method: 'ratio', cap: '1.2' } })]));
    expect(only(grading, three[2]?.uscc ?? '').indicators['taxPerMu']?.score).toBe('120.00');
  });

  it('min–max with a floor (Jingde: w × [20 + 80 × (x − min)/(max − min)] / 100)', () => {
    const scheme = aboveIndicators([taxPerMu({ weight: '30', scoring: { method: 'minMax', floor: '20' } })]);
    const grading = grade(three, scheme);
    // values 1, 2, 6: the lowest gets 30 × 20 / 100 = 6, the highest 30, the middle 30 × (20 + 80 × 1/5)/100 = 10.8
    expect(three.map((record) => only(grading, record.uscc).indicators['taxPerMu']?.score)).toEqual([
      '6.00',
      '10.80',
      '30.00',
    ]);
  });

  it('lower-is-better indicators (energy per 万元 of added value)', () => {
    const energyPerValue: IndicatorInput = {
      key: 'energyPerValue',
      label: '单位增加值能耗',
      unit: '吨标煤/万元',
      numerator: 'energyTce',
      denominator: 'addedValue',
      weight: '100',
      direction: 'lower',
      benchmark: { method: 'aggregateRatio' },
      scoring: { method: 'ratio', cap: '2' },
      notApplicable: { method: 'cohortMean' },
    };
    const records = [above(1, { energyTce: '50' }), above(2, { energyTce: '150' })];
    const grading = grade(records, aboveIndicators([energyPerValue]));
    // benchmark 200/1000 = 0.2; 0.1 → 100 × 0.2/0.1 = 200 (the cap); 0.3 → 100 × 0.2/0.3 = 66.67
    expect(records.map((record) => only(grading, record.uscc).indicators['energyPerValue']?.score)).toEqual([
      '200.00',
      '66.67',
    ]);
  });

  it('a lower-is-better ratio without a cap is refused, since a zero value has no score', () => {
    expect(() =>
      grade(
        three,
        aboveIndicators([taxPerMu({ direction: 'lower', scoring: { method: 'ratio', cap: null } })]),
      ),
    ).toThrow(InvalidSchemeError);
  });
});

describe('missing data', () => {
  const records = [
    above(1, { emissionsTon: '1', addedValue: '100' }),
    above(2, { emissionsTon: '1', addedValue: '201' }),
    above(3, { addedValue: '300' }),
  ];
  const emissions = (notApplicable: IndicatorInput['notApplicable']): IndicatorInput => ({
    key: 'addedValuePerEmission',
    label: '单位排放增加值',
    unit: '万元/吨',
    numerator: 'addedValue',
    denominator: 'emissionsTon',
    weight: '10',
    benchmark: { method: 'aggregateRatio' },
    scoring: { method: 'ratio', cap: '2' },
    notApplicable,
  });
  const withoutEmissions = without(above(3, { addedValue: '300' }), 'emissionsTon');
  const cohort = [...records.slice(0, 2), withoutEmissions];

  it('the cohort-average score', () => {
    const grading = grade(cohort, aboveIndicators([emissions({ method: 'cohortMean' })]));
    // benchmark 301 / 2 = 150.5; scores 6.64 and 13.36; mean 10.00
    expect(only(grading, withoutEmissions.uscc).indicators['addedValuePerEmission']).toMatchObject({
      applicable: false,
      value: null,
      score: '10.00',
    });
  });

  it('zero', () => {
    const grading = grade(cohort, aboveIndicators([emissions({ method: 'zero' })]));
    expect(only(grading, withoutEmissions.uscc).indicators['addedValuePerEmission']?.score).toBe('0.00');
  });

  it('a fixed penalty (−3)', () => {
    const grading = grade(cohort, aboveIndicators([emissions({ method: 'fixed', score: '-3' })]));
    expect(only(grading, withoutEmissions.uscc).indicators['addedValuePerEmission']?.score).toBe('-3.00');
    expect(only(grading, withoutEmissions.uscc).totalScore).toBe('-3.00');
  });
});

describe('classes', () => {
  const ten = Array.from({ length: 10 }, (_, i) => above(i + 1, { tax: String((i + 1) * 10) }));

  it('percentile bands with any shares', () => {
    const scheme = referenceWith((document) => {
      const above = document.cohorts[0];
      if (above) {
        above.classification = {
          bands: [
            { class: 'A', cumulativeShare: '0.3' },
            { class: 'B', cumulativeShare: '0.5' },
            { class: 'C', cumulativeShare: '0.9' },
          ],
        };
      }
      document.overrides = [];
    });
    expect(grade(ten, scheme).cohorts()['above']?.bandCounts).toEqual({ A: 3, B: 2, C: 4, D: 1 });
  });

  const thresholds = [
    { class: 'A', minScore: '90' },
    { class: 'B', minScore: '70' },
    { class: 'C', minScore: '50' },
  ];

  it('absolute score thresholds', () => {
    const scheme = referenceWith((document) => {
      document.indicatorSets['above'] = [taxPerMu({ benchmark: { method: 'fixed', value: '10' } })];
      const above = document.cohorts[0];
      if (above) above.classification = { thresholds };
      document.overrides = [];
    });
    const grading = grade(ten, scheme);
    // scores are tax / 10 × 100 / 10, capped at 200: 10, 20, … 100, 110 …
    expect(ten.map((record) => only(grading, record.uscc).bandClass).join('')).toBe('DDDDCCBBAA');
  });

  it('bands and thresholds together: the worse of the two', () => {
    const scheme = referenceWith((document) => {
      document.indicatorSets['above'] = [taxPerMu({ benchmark: { method: 'fixed', value: '10' } })];
      const above = document.cohorts[0];
      if (above) {
        above.classification = {
          bands: [
            { class: 'A', cumulativeShare: '0.5' },
            { class: 'B', cumulativeShare: '0.8' },
            { class: 'C', cumulativeShare: '0.9' },
          ],
          thresholds,
        };
      }
      document.overrides = [];
    });
    const grading = grade(ten, scheme);
    // by rank (best first) the bands give AAAAABBBCD; the thresholds AABBCCDDDD
    const byRank = [...ten].reverse().map((record) => only(grading, record.uscc).bandClass);
    expect(byRank.join('')).toBe('AABBCCDDDD');
  });

  it('per-industry-group cohorts (Wenling: bands within industry groups)', () => {
    const scheme = referenceWith((document) => {
      const reference = document.cohorts[0];
      if (!reference) return;
      document.cohorts = [
        {
          ...reference,
          id: 'textile',
          label: '纺织服装',
          when: { all: [{ scale: 'above' }, { industry: ['17', '18'] }] },
        },
        {
          ...reference,
          id: 'machinery',
          label: '机械装备',
          when: { all: [{ scale: 'above' }, { industry: ['C34', 'C35'] }] },
        },
        { ...reference, id: 'otherAbove', label: '其他规上', when: { scale: 'above' } },
        ...document.cohorts.slice(1),
      ];
      document.penalty.items = [];
    });
    const records = [
      above(1, { industryCode: 'C1711', tax: '10' }),
      above(2, { industryCode: '1810', tax: '20' }),
      above(3, { industryCode: 'C3412', tax: '30' }),
      above(4, { industryCode: '3510', tax: '40' }),
      above(5, { tax: '50' }),
    ];
    const grading = grade(records, scheme);
    expect(records.map((record) => only(grading, record.uscc).cohort)).toEqual([
      'textile',
      'textile',
      'machinery',
      'machinery',
      'otherAbove',
    ]);
    expect(grading.cohorts()['textile']?.benchmarks['taxPerMu']).toBe('1.5000');
    expect(only(grading, records[1]?.uscc ?? '').rank).toBe(1);
  });
});

describe('other indicators of the family', () => {
  const family: IndicatorInput[] = [
    { ...taxPerMu(), key: 'revenuePerMu', label: '亩均营业收入', numerator: 'revenue', weight: '25' },
    {
      ...taxPerMu(),
      key: 'revenuePerKwh',
      label: '单位用电营业收入',
      unit: '元/kWh',
      numerator: 'revenue',
      denominator: 'electricityKwh',
      factor: '10000',
      weight: '25',
    },
    {
      ...taxPerMu(),
      key: 'returnOnEquity',
      label: '净资产收益率',
      unit: '',
      numerator: 'netProfit',
      denominator: 'netAssets',
      weight: '25',
    },
    {
      ...taxPerMu(),
      key: 'techInvestmentPerMu',
      label: '亩均技改投资',
      numerator: 'techInvestment',
      weight: '25',
    },
  ];

  it('亩均营业收入, 单位用电营业收入, 净资产收益率 and 亩均技改投资 from the same figures', () => {
    const records = [
      above(1, { netProfit: '30', netAssets: '200', techInvestment: '15' }),
      above(2, { revenue: '4000', netProfit: '10', netAssets: '200', techInvestment: '5' }),
    ];
    const grading = grade(records, aboveIndicators(family));
    const first = only(grading, records[0]?.uscc ?? '');
    expect(first.indicators['revenuePerMu']?.value).toBe('200.0000');
    expect(first.indicators['revenuePerKwh']?.value).toBe('20.0000');
    expect(first.indicators['returnOnEquity']?.value).toBe('0.1500');
    expect(first.indicators['techInvestmentPerMu']?.value).toBe('1.5000');
    expect(grading.cohorts()['above']?.benchmarks).toEqual({
      revenuePerMu: '300.0000',
      revenuePerKwh: '30.0000',
      returnOnEquity: '0.1000',
      techInvestmentPerMu: '1.0000',
    });
  });
});

describe('other bonus, penalty, veto, protection and floor items', () => {
  it('own points, a bonus cap, a penalty cap and a 降档 item', () => {
    const scheme = referenceWith((document) => {
      document.bonus = {
        cap: '6',
        items: [
          { id: 'listed', label: '上市企业', when: { text: 'park', in: ['高新区'] }, points: '4' },
          { id: 'brand', label: '品牌', when: { flag: 'highTech' }, points: '3.5' },
        ],
      };
      document.penalty = {
        cap: '8',
        items: [
          {
            id: 'safety',
            label: '安全生产警告',
            when: { reason: 'vetoReasons' },
            points: '6',
            classShift: -1,
          },
          {
            id: 'sublet',
            label: '出租',
            points: { perCount: 'subletTenants', from: 1, base: '3', each: '1' },
          },
        ],
      };
      document.overrides = [{ kind: 'itemShift', id: 'shift', label: '提档/降档', maxSteps: 1 }];
    });
    const records = [
      above(1, { park: '高新区', highTech: true }),
      above(2, { vetoReasons: ['安全生产事故'], subletTenants: 3 }),
      above(3),
      above(4),
      above(5),
    ];
    const grading = grade(records, scheme);
    const bonused = only(grading, records[0]?.uscc ?? '');
    expect(bonused.bonusItems.map((item) => item.points)).toEqual(['4.00', '3.50']);
    expect(bonused.bonus).toBe('6.00');
    const penalised = only(grading, records[1]?.uscc ?? '');
    expect(penalised.penaltyItems.map((item) => item.points)).toEqual(['6.00', '5.00']);
    expect(penalised.penalty).toBe('8.00');
    expect(penalised.trace.some((entry) => entry.rule === 'penaltyCap')).toBe(true);
    // five in the cohort: ranks 1–3 B, 4 C, 5 D; the penalised one is last (D) and stays D at the bottom
    expect(penalised.finalClass).toBe('D');
    const fourth = [...grading.results()].find((result) => result.rank === 4);
    expect(fourth?.finalClass).toBe('C');
  });

  it('a 降档 moves a class down one step', () => {
    const scheme = referenceWith((document) => {
      document.overrides = [
        {
          kind: 'shift',
          id: 'demote',
          label: '环保警告降一档',
          when: { text: 'town', in: ['东城街道'] },
          steps: -1,
        },
      ];
    });
    const records = Array.from({ length: 5 }, (_, i) =>
      above(i + 1, { tax: String(100 + i), town: i === 4 ? '东城街道' : '西城' }),
    );
    const result = only(grade(records, scheme), records[4]?.uscc ?? '');
    // five in the cohort: floor(0.2 × 5) = 1 A, and the highest tax is in 东城街道
    expect(result.bandClass).toBe('A');
    expect(result.finalClass).toBe('B');
    expect(result.overrides).toEqual([
      expect.objectContaining({ step: 'demote', from: 'A', to: 'B', reason: '所属乡镇街道：东城街道' }),
    ]);
  });

  it('a floor on another indicator, a veto to D and protection to B', () => {
    const scheme = referenceWith((document) => {
      document.overrides = [
        {
          kind: 'set',
          id: 'energyFloor',
          label: '单位能耗增加值过低',
          when: { indicator: 'addedValuePerEnergy', op: 'lt', value: '2' },
          class: 'D',
        },
        { kind: 'atBest', id: 'veto', label: '一票否决为 D', when: { reason: 'vetoReasons' }, class: 'D' },
        {
          kind: 'atWorst',
          id: 'protect',
          label: '保护为 B',
          when: { reason: 'protectedReason' },
          class: 'B',
        },
      ];
    });
    const records = [
      above(1, { energyTce: '300' }),
      above(2, { vetoReasons: ['环境污染事故'] }),
      above(3, { protectedReason: ['新投产'], tax: '1' }),
      above(4, { tax: '500' }),
      above(5),
    ];
    const grading = grade(records, scheme);
    // the 500 万元 enterprise ranks first (A); the protected one, last by tax, is lifted from D to B
    expect(records.map((record) => only(grading, record.uscc).finalClass)).toEqual(['D', 'D', 'B', 'A', 'B']);
    expect(only(grading, records[2]?.uscc ?? '').bandClass).toBe('D');
  });
});

describe('scheme validation', () => {
  it('lists every problem with its path', () => {
    try {
      parseScheme({ id: 'x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidSchemeError);
      expect((error as InvalidSchemeError).issues.length).toBeGreaterThan(3);
    }
  });

  it('rejects a band naming an unknown class or an override naming an unknown indicator', () => {
    expect(() =>
      referenceWith((document) => {
        document.overrides = [
          { kind: 'set', id: 'f', label: 'f', when: { indicator: 'nope', op: 'lt', value: '1' }, class: 'D' },
        ];
      }),
    ).toThrow(/unknown indicator "nope"/);
    expect(() =>
      referenceWith((document) => {
        document.overrides = [
          { kind: 'atBest', id: 'v', label: 'v', when: { flag: 'highTech' }, class: 'E' },
        ];
      }),
    ).toThrow(/unknown class "E"/);
  });

  it('below-scale records follow the 规下 cohort of a custom scheme too', () => {
    const grading = grade(
      [below(1), below(2, { tax: '40' })],
      referenceWith(() => undefined),
    );
    expect(grading.cohorts()['below']?.rated).toBe(2);
  });
});
