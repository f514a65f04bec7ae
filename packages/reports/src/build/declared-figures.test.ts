import { grade, parseScheme, presetDocument, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { dataset } from '../dataset.js';
import { code } from '../testing/tiny-county.js';
import { aggregates } from './aggregates.js';
import { confirmationSheets } from './confirmation.js';

/**
 * Linhai's preset declares 用水量 and COD排放量, figures the data dictionary lacks: the publications read
 * them from the record's `extra` like the built-in ones, in the aggregates and on the 一企一单.
 */
function record(
  n: number,
  name: string,
  addedValue: string,
  extra: Record<string, string>,
): EnterpriseRecord {
  return {
    uscc: code(n),
    name,
    scale: 'above',
    town: '古城街道',
    landMu: '10',
    tax: '150',
    revenue: '3000',
    addedValue,
    energyTce: '100',
    employees: '20',
    specialized: 'none',
    subletTenants: 0,
    powerAccounts: [],
    emergencySupplier: false,
    keyChainLink: false,
    highTech: false,
    vetoReasons: [],
    protectedReason: [],
    exemptReason: [],
    extra,
  };
}

const RECORDS = [
  record(1, '甲公司', '300', { waterTon: '3000', codTon: '0.6' }),
  record(2, '乙公司', '600', { waterTon: '2000', codTon: '1.4' }),
  // 丙 reports no water: its 单位用水量增加值 does not apply, and its sheet asks for the figure.
  record(3, '丙公司', '100', { codTon: '0.5' }),
];
const data = dataset(RECORDS, grade(RECORDS, presetScheme('linhai')));

describe('figures a scheme declares, in the publications', () => {
  it('enter the aggregates as sums over the enterprises that report them', () => {
    const large = aggregates(data).byCohort.rows.find((row) => row.key === 'large');
    // 用水量: (300 + 600) / (3000 + 2000) = 0.18, 丙 without water left out
    expect(large?.indicators['addedValuePerWater']).toMatchObject({
      enterprises: 2,
      numerator: '900',
      denominator: '5000',
      value: '0.1800',
    });
    // COD: (300 + 600 + 100) / (0.6 + 1.4 + 0.5) = 1000 / 2.5 = 400
    expect(large?.indicators['addedValuePerCod']).toMatchObject({ enterprises: 3, value: '400.0000' });
  });

  it('are listed on the 一企一单 with their names and units, a scored one not reported as missing', () => {
    const sheets = [...confirmationSheets(data)];
    const jia = sheets.find((sheet) => sheet.name === '甲公司');
    expect(jia?.figures.find((figure) => figure.key === 'waterTon')).toEqual({
      key: 'waterTon',
      label: '用水量',
      unit: '吨',
      value: '3000',
    });
    expect(jia?.figures.find((figure) => figure.key === 'codTon')).toMatchObject({
      label: 'COD排放量',
      value: '0.6',
    });
    const bing = sheets.find((sheet) => sheet.name === '丙公司');
    expect(bing?.figures.find((figure) => figure.key === 'waterTon')).toMatchObject({ value: null });
  });

  it('shows a declared yes/no or date among the facts the enterprise confirms', () => {
    const document = structuredClone(presetDocument('linhai')) as { figures: unknown[] };
    document.figures.push(
      { key: 'safetyAward', header: '安全生产先进', kind: 'yesNo' },
      { key: 'productionStart', header: '投产日期', kind: 'date' },
    );
    const records = [
      record(1, '甲公司', '300', { waterTon: '3000', codTon: '0.6', safetyAward: '1' }),
      record(2, '乙公司', '600', { waterTon: '2000', codTon: '1.4', productionStart: '2024-03-01' }),
    ];
    const sheets = [...confirmationSheets(dataset(records, grade(records, parseScheme(document))))];
    const facts = (name: string) => sheets.find((sheet) => sheet.name === name)?.facts ?? [];
    expect(facts('甲公司')).toContainEqual({ label: '安全生产先进', value: '是' });
    expect(facts('甲公司')).toContainEqual({ label: '投产日期', value: '未填报' });
    expect(facts('乙公司')).toContainEqual({ label: '安全生产先进', value: '否' });
    expect(facts('乙公司')).toContainEqual({ label: '投产日期', value: '2024-03-01' });
    expect(sheets[0]?.figures.some((figure) => figure.key === 'safetyAward')).toBe(false);
  });
});
