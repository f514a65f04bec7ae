// shared/spec/county-methods.md, "So the scheme language must also say" 2: figures a county adds
// (用水量 for Linhai, 投产日期 for Huai'an, 安全生产 flags, Wenling's 规下 tenants), declared by the scheme,
// read from spreadsheet columns, validated like the built-in ones, usable in indicators, conditions, items.
import { grade, InvalidSchemeError, parseRecords, parseScheme } from '@mujun/scoring';
import type { DeclaredFigure, EnterpriseRecord, SchemeInput } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import reference from '../../packages/scoring/src/scheme/presets/reference.json' with { type: 'json' };
import { above, codeFor } from '../support/records.js';

const FIGURES = [
  { key: 'waterTon', header: '用水量(吨)', unit: '吨', kind: 'nonNegativeNumber', filledBy: '水利局' },
  { key: 'productionStart', header: '投产日期', kind: 'date' },
  { key: 'safetyAward', header: '安全生产先进', kind: 'yesNo' },
  { key: 'belowTenants', header: '规下出租户数', kind: 'count', required: true },
] as const satisfies readonly DeclaredFigure[];

function county(): ReturnType<typeof parseScheme> {
  const document = structuredClone(reference) as SchemeInput;
  document.figures = [...FIGURES];
  document.indicatorSets['above'] = [
    {
      key: 'addedValuePerWater',
      label: '单位用水量增加值',
      unit: '万元/吨',
      numerator: 'addedValue',
      denominator: 'waterTon',
      weight: '100',
      benchmark: { method: 'fixed', value: '0.1' },
      scoring: { method: 'ratio', cap: null },
      notApplicable: { method: 'zero' },
    },
  ];
  document.scope.exempt.push({
    id: 'young',
    label: '投产不满2年',
    when: { date: 'productionStart', op: 'gt', value: '2023-01-01' },
  });
  document.bonus.items = [
    { id: 'safety', label: '安全生产先进', when: { flag: 'safetyAward' }, points: '2' },
  ];
  document.penalty.items = [
    {
      id: 'tenants',
      label: '出租给规下企业',
      points: { perCount: 'belowTenants', from: 1, base: '0', each: '5' },
    },
  ];
  return parseScheme(document);
}

const extra = (values: Record<string, string>): Pick<EnterpriseRecord, 'extra'> => ({ extra: values });

describe('figures a scheme declares', () => {
  it('are used in indicators, conditions, bonus and per-count penalty items', () => {
    const records = [
      above(1, { addedValue: '500', ...extra({ waterTon: '2500', safetyAward: '1', belowTenants: '3' }) }),
      above(2, { ...extra({ waterTon: '1000', productionStart: '2024-03-01', belowTenants: '0' }) }),
      above(3, { ...extra({ belowTenants: '0' }) }),
    ];
    const grading = grade(records, county());
    const first = grading.result(codeFor(1));
    // 500 / 2500 = 0.2; 0.2 / 0.1 × 100 = 200 (no cap); +2 safety; −5 × (3 − 1) = −10
    expect(first?.indicators['addedValuePerWater']?.score).toBe('200.00');
    expect(first?.bonus).toBe('2.00');
    expect(first?.penalty).toBe('10.00');
    expect(first?.totalScore).toBe('192.00');
    expect(grading.result(codeFor(2))?.status).toBe('exempt');
    expect(grading.result(codeFor(3))?.indicators['addedValuePerWater']?.applicable).toBe(false);
  });

  it('are named in the trace by their Chinese header and unit, never by their key', () => {
    const records = [
      above(1, { addedValue: '500', ...extra({ waterTon: '2500', belowTenants: '0' }) }),
      above(2, { ...extra({ productionStart: '2024-03-01', belowTenants: '0' }) }),
      above(3, { ...extra({ belowTenants: '0' }) }),
    ];
    const grading = grade(records, county());
    const details = (i: number) =>
      (grading.result(codeFor(i))?.trace ?? []).map((entry) => entry.detail).join('\n');
    expect(details(1)).toContain(
      '单位用水量增加值 = 工业增加值(万元) 500 / 用水量(吨) 2500 = 0.2000 万元/吨',
    );
    expect(details(2)).toContain('投产不满2年（投产日期 2024-03-01 > 2023-01-01）');
    expect(details(3)).toContain('单位用水量增加值不适用（用水量(吨)为空或 0），记 0 分');
    for (const i of [1, 2, 3]) expect(details(i)).not.toMatch(/waterTon|productionStart/);
  });

  it('are read from their spreadsheet columns and validated cell by cell', () => {
    const headers = ['统一社会信用代码', '企业名称', '企业规模', '用地面积(亩)', '税收实际贡献(万元)'];
    const declared = ['用水量（吨）', '投产日期', '安全生产先进', '规下出租户数'];
    const parsed = parseRecords(
      {
        headers: [...headers, ...declared],
        rows: [
          { row: 2, cells: [codeFor(1), '甲', '规上', '10', '100', '2500', '2023年5月1日', '是', '2'] },
          { row: 3, cells: [codeFor(2), '乙', '规上', '10', '100', '-1', '2023-02-30', '也许', ''] },
        ],
      },
      { figures: FIGURES },
    );
    expect(parsed.records.map((record) => record.extra)).toEqual([
      { waterTon: '2500', productionStart: '2023-05-01', safetyAward: '1', belowTenants: '2' },
    ]);
    expect(parsed.issues.map(({ row, column, value }) => ({ row, column, value }))).toEqual([
      { row: 3, column: 'waterTon', value: '-1' },
      { row: 3, column: 'productionStart', value: '2023-02-30' },
      { row: 3, column: 'safetyAward', value: '也许' },
      { row: 3, column: 'belowTenants', value: '' },
    ]);
    for (const found of parsed.issues) expect(found.reason).not.toBe('');
  });

  it('a required declared column that is missing is a header problem', () => {
    const parsed = parseRecords(
      {
        headers: ['统一社会信用代码', '企业名称', '企业规模', '用地面积(亩)', '税收实际贡献(万元)'],
        rows: [{ row: 2, cells: [codeFor(1), '甲', '规上', '10', '100'] }],
      },
      { figures: FIGURES },
    );
    expect(parsed.records).toEqual([]);
    expect(parsed.issues[0]?.column).toBe('belowTenants');
  });

  it('a scheme naming an undeclared figure, or one of the wrong kind, is refused', () => {
    const document = structuredClone(reference) as SchemeInput;
    document.bonus.items = [{ id: 'x', label: 'x', when: { flag: 'safetyAward' }, points: '1' }];
    expect(() => parseScheme(document)).toThrow(InvalidSchemeError);
    document.figures = [{ key: 'safetyAward', header: '安全生产先进', kind: 'number' }];
    expect(() => parseScheme(document)).toThrow(InvalidSchemeError);
    document.figures = [{ key: 'safetyAward', header: '安全生产先进', kind: 'yesNo' }];
    expect(() => parseScheme(document)).not.toThrow();
  });
});
