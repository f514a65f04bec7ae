import type { FigureKey } from '@mujun/scoring';
import type { Department } from './roles.js';

/**
 * The figures an enterprise may contest, and the department that owns each: the one routing table
 * (§11: the bureau routes each item to the department that owns the figure). Keys are the data
 * dictionary's; `record` is the EnterpriseRecord figure the correction replaces. 综合能耗 goes to
 * statistics: it is reported on the statistics bureau's energy returns (205-1 表), as are the other
 * 规上 figures; emissions to ecology (排污许可), electricity to the power company, land to natural resources.
 */
export const CONTESTABLE_FIELDS = {
  tax: { department: 'tax', record: 'tax', header: '税收实际贡献(万元)', nonNegative: false },
  addedValue: {
    department: 'statistics',
    record: 'addedValue',
    header: '工业增加值(万元)',
    nonNegative: false,
  },
  revenue: { department: 'statistics', record: 'revenue', header: '营业收入(万元)', nonNegative: true },
  employees: { department: 'statistics', record: 'employees', header: '年平均职工人数', nonNegative: true },
  energyTce: {
    department: 'statistics',
    record: 'energyTce',
    header: '综合能耗(吨标准煤)',
    nonNegative: true,
  },
  rdExpense: {
    department: 'statistics',
    record: 'rdExpense',
    header: 'R&D经费支出(万元)',
    nonNegative: true,
  },
  exportValue: {
    department: 'statistics',
    record: 'exportValue',
    header: '出口交货值(万元)',
    nonNegative: true,
  },
  emissionsTon: {
    department: 'ecology',
    record: 'emissionsTon',
    header: '主要污染物排放量(吨)',
    nonNegative: true,
  },
  electricityKwh: {
    department: 'power',
    record: 'electricityKwh',
    header: '用电量(千瓦时)',
    nonNegative: true,
  },
  landAreaMu: {
    department: 'natural-resources',
    record: 'landMu',
    header: '用地面积(亩)',
    nonNegative: true,
  },
} as const satisfies Readonly<
  Record<string, { department: Department; record: FigureKey; header: string; nonNegative: boolean }>
>;

export type ContestableField = keyof typeof CONTESTABLE_FIELDS;
export const CONTESTABLE_FIELD_KEYS = Object.keys(CONTESTABLE_FIELDS) as [
  ContestableField,
  ...ContestableField[],
];

export function departmentOf(field: ContestableField): Department {
  return CONTESTABLE_FIELDS[field].department;
}
