import { canonical, dec } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import { DEPARTMENT_LABELS, DEPARTMENTS } from './roles.js';
import { contestedText } from './wording.js';

/**
 * Who reviews an item: the department that owns the figure, or the bureau itself (`bureau`, the admin)
 * for the bonus and penalty inputs no department reports: whether an enterprise is 国家高新技术企业 or
 * 专精特新, an 应急医疗物资 or 产业链关键环节 enterprise, and how many tenants (出租户数) sit on its land.
 */
export const REVIEWERS = [...DEPARTMENTS, 'bureau'] as const;
export type Reviewer = (typeof REVIEWERS)[number];

/** Who decided, in a sentence: 税务部门, 经信局. */
export function reviewerName(reviewer: Reviewer): string {
  return reviewer === 'bureau' ? '经信局' : `${DEPARTMENT_LABELS[reviewer]}部门`;
}

/**
 * How a contested value is written: a decimal figure; a yes/no (`true`/`false`); 专精特新's level
 * (`none`/`province`/`national`); a count (a whole number ≥ 0).
 */
export const VALUE_KINDS = ['figure', 'flag', 'specialized', 'count'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

type Spec = {
  readonly department: Reviewer;
  readonly record: keyof EnterpriseRecord;
  readonly header: string;
  readonly kind: ValueKind;
  readonly nonNegative: boolean;
};

/**
 * The figures and inputs an enterprise may contest, and who reviews each: the one routing table (§11:
 * the bureau routes each item to the department that owns the figure). Keys are the data dictionary's;
 * `record` is the EnterpriseRecord field the correction replaces. 综合能耗 goes to statistics: it is
 * reported on the statistics bureau's energy returns (205-1 表), as are the other 规上 figures; emissions
 * to ecology (排污许可), electricity to the power company, land to natural resources. The bonus and
 * penalty inputs of the reference method (§6) go to the bureau, which keeps those lists.
 */
export const CONTESTABLE_FIELDS = {
  tax: { department: 'tax', record: 'tax', header: '税收实际贡献(万元)', kind: 'figure', nonNegative: false },
  addedValue: {
    department: 'statistics',
    record: 'addedValue',
    header: '工业增加值(万元)',
    kind: 'figure',
    nonNegative: false,
  },
  revenue: {
    department: 'statistics',
    record: 'revenue',
    header: '营业收入(万元)',
    kind: 'figure',
    nonNegative: true,
  },
  employees: {
    department: 'statistics',
    record: 'employees',
    header: '年平均职工人数',
    kind: 'figure',
    nonNegative: true,
  },
  energyTce: {
    department: 'statistics',
    record: 'energyTce',
    header: '综合能耗(吨标准煤)',
    kind: 'figure',
    nonNegative: true,
  },
  rdExpense: {
    department: 'statistics',
    record: 'rdExpense',
    header: 'R&D经费支出(万元)',
    kind: 'figure',
    nonNegative: true,
  },
  exportValue: {
    department: 'statistics',
    record: 'exportValue',
    header: '出口交货值(万元)',
    kind: 'figure',
    nonNegative: true,
  },
  emissionsTon: {
    department: 'ecology',
    record: 'emissionsTon',
    header: '主要污染物排放量(吨)',
    kind: 'figure',
    nonNegative: true,
  },
  electricityKwh: {
    department: 'power',
    record: 'electricityKwh',
    header: '用电量(千瓦时)',
    kind: 'figure',
    nonNegative: true,
  },
  landAreaMu: {
    department: 'natural-resources',
    record: 'landMu',
    header: '用地面积(亩)',
    kind: 'figure',
    nonNegative: true,
  },
  highTech: {
    department: 'bureau',
    record: 'highTech',
    header: '国家高新技术企业',
    kind: 'flag',
    nonNegative: true,
  },
  specialized: {
    department: 'bureau',
    record: 'specialized',
    header: '专精特新',
    kind: 'specialized',
    nonNegative: true,
  },
  emergencySupplier: {
    department: 'bureau',
    record: 'emergencySupplier',
    header: '应急医疗物资重点生产企业',
    kind: 'flag',
    nonNegative: true,
  },
  keyChainLink: {
    department: 'bureau',
    record: 'keyChainLink',
    header: '产业链关键环节企业',
    kind: 'flag',
    nonNegative: true,
  },
  subletTenants: {
    department: 'bureau',
    record: 'subletTenants',
    header: '出租户数',
    kind: 'count',
    nonNegative: true,
  },
} as const satisfies Readonly<Record<string, Spec>>;

export type ContestableField = keyof typeof CONTESTABLE_FIELDS;
export const CONTESTABLE_FIELD_KEYS = Object.keys(CONTESTABLE_FIELDS) as [
  ContestableField,
  ...ContestableField[],
];

export function departmentOf(field: ContestableField): Reviewer {
  return CONTESTABLE_FIELDS[field].department;
}

const SPECIALIZED = { none: '无', province: '省级', national: '国家级' } as const;
const COUNT = /^(0|[1-9]\d{0,5})$/;

/** The record's value of a field as a contested value is written (`true`, `province`, `3`, `18.6`). */
export function recordValue(record: EnterpriseRecord, field: ContestableField): string | null {
  const value = record[CONTESTABLE_FIELDS[field].record] as unknown;
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : null;
}

/**
 * A claimed or corrected value in the form its field takes, or why not in Chinese: a figure canonical
 * (`12.50` → `12.5`) and never negative where it may not be; a yes/no `true`/`false`; 专精特新 one of
 * `none`/`province`/`national`; a count a whole number.
 */
export function contestedValue(
  field: ContestableField,
  value: string,
): { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string } {
  const spec = CONTESTABLE_FIELDS[field];
  switch (spec.kind) {
    case 'flag':
      return value === 'true' || value === 'false'
        ? { ok: true, value }
        : { ok: false, reason: `${spec.header}只能填“是”或“否”（true 或 false）` };
    case 'specialized':
      return value in SPECIALIZED
        ? { ok: true, value }
        : { ok: false, reason: `${spec.header}只能为无、省级或国家级（none、province 或 national）` };
    case 'count':
      return COUNT.test(value)
        ? { ok: true, value }
        : { ok: false, reason: `${spec.header}应为不小于 0 的整数` };
    case 'figure': {
      if (!/^-?(0|[1-9]\d*)(\.\d+)?$/.test(value))
        return { ok: false, reason: `${spec.header}应为数字，例如 12.5` };
      const normalized = canonical(dec(value));
      if (spec.nonNegative && normalized.startsWith('-'))
        return { ok: false, reason: `${spec.header}不能为负数` };
      return { ok: true, value: normalized };
    }
  }
}

/** The record's fields a corrected value replaces, typed as the record holds them. */
export function correctionOf(field: ContestableField, value: string): Partial<Record<string, unknown>> {
  const spec = CONTESTABLE_FIELDS[field];
  switch (spec.kind) {
    case 'flag':
      return { [spec.record]: value === 'true' };
    case 'count':
      return { [spec.record]: Number(value) };
    case 'figure':
    case 'specialized':
      return { [spec.record]: value };
  }
}

/** A contested value as a person reads it: 是/否, 省级, 3 户, 1,356.8 万元. */
export function valueText(field: ContestableField, value: string | null): string {
  const spec = CONTESTABLE_FIELDS[field];
  return contestedText(spec.kind, spec.header, value);
}
