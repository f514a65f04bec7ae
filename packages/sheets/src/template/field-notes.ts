import type { FieldKey } from '@mujun/scoring';

/** What the 说明 sheet says of a column, from shared/spec/data-dictionary.md. */
export interface FieldNote {
  /** The value's type as a clerk reads it. */
  readonly type: string;
  /** 必填, 选填 or 二选一, for 规上 and 规下 enterprises. */
  readonly above: string;
  readonly below: string;
  readonly notes: string;
}

const REQUIRED = '必填';
const OPTIONAL = '选填';
const EITHER = '二选一';
/** Required only of rated enterprises (an exempt or out-of-scope one need not give it). */
const RATED = '必填（参评企业）';
const DECIMAL = '数字';
const NON_NEGATIVE = '数字，≥ 0';
const YES_NO = '是/否';
const YES_NO_NOTE = '是/否、true/false、1/0 或 Y/N；不填即“否”';
const LIST_NOTE = '多项用 ; 或 ； 分隔；填“无”或不填即没有';

/**
 * One note per column of the record (FIELDS): a new column fails to compile until it is described here,
 * so the template never lacks a field the grader reads.
 */
export const FIELD_NOTES = {
  uscc: {
    type: '文本，18 位',
    above: REQUIRED,
    below: REQUIRED,
    notes:
      'GB 32100-2015：数字和大写字母（不含 I、O、Z、S、V），末位为校验码；各部门文件按此合并，同一文件内不得重复',
  },
  name: { type: '文本', above: REQUIRED, below: REQUIRED, notes: '' },
  scale: { type: '规上/规下', above: REQUIRED, below: REQUIRED, notes: '也可填 above/below' },
  industryCode: { type: '文本', above: OPTIONAL, below: OPTIONAL, notes: 'GB/T 4754-2017，如 C3670 或 3670' },
  industryName: { type: '文本', above: OPTIONAL, below: OPTIONAL, notes: '' },
  town: { type: '文本', above: OPTIONAL, below: OPTIONAL, notes: '' },
  park: { type: '文本', above: OPTIONAL, below: OPTIONAL, notes: '' },
  landAreaMu: {
    type: NON_NEGATIVE,
    above: EITHER,
    below: EITHER,
    notes: '核定的评价用地面积；与“用地面积(平方米)”至少填一项',
  },
  landAreaM2: {
    type: NON_NEGATIVE,
    above: EITHER,
    below: EITHER,
    notes: '按 1 亩 = 2000/3 平方米折算；两项都填时，平方米 × 3 / 2000 按亩的小数位四舍五入后须等于亩数',
  },
  tax: { type: DECIMAL, above: REQUIRED, below: REQUIRED, notes: '可为负数（净退税）' },
  addedValue: { type: DECIMAL, above: RATED, below: OPTIONAL, notes: '' },
  revenue: { type: NON_NEGATIVE, above: RATED, below: OPTIONAL, notes: '' },
  employees: { type: NON_NEGATIVE, above: RATED, below: OPTIONAL, notes: '' },
  energyTce: { type: NON_NEGATIVE, above: RATED, below: OPTIONAL, notes: '' },
  emissionsTon: {
    type: NON_NEGATIVE,
    above: OPTIONAL,
    below: OPTIONAL,
    notes: '不填或为 0 时，单位排放增加值指标不适用',
  },
  rdExpense: { type: NON_NEGATIVE, above: RATED, below: OPTIONAL, notes: '' },
  electricityKwh: { type: NON_NEGATIVE, above: OPTIONAL, below: RATED, notes: '' },
  exportValue: { type: NON_NEGATIVE, above: OPTIONAL, below: OPTIONAL, notes: '' },
  netProfit: { type: DECIMAL, above: OPTIONAL, below: OPTIONAL, notes: '部分地区办法的净资产收益率指标使用' },
  netAssets: { type: DECIMAL, above: OPTIONAL, below: OPTIONAL, notes: '部分地区办法的净资产收益率指标使用' },
  techInvestment: {
    type: NON_NEGATIVE,
    above: OPTIONAL,
    below: OPTIONAL,
    notes: '部分地区办法的亩均技改投资指标使用',
  },
  emergencySupplier: { type: YES_NO, above: OPTIONAL, below: OPTIONAL, notes: YES_NO_NOTE },
  keyChainLink: { type: YES_NO, above: OPTIONAL, below: OPTIONAL, notes: YES_NO_NOTE },
  highTech: { type: YES_NO, above: OPTIONAL, below: OPTIONAL, notes: YES_NO_NOTE },
  specialized: {
    type: '无/省级/国家级',
    above: OPTIONAL,
    below: OPTIONAL,
    notes: '也可填 none/province/national；不填即“无”',
  },
  subletTenants: { type: '整数，≥ 0', above: OPTIONAL, below: OPTIONAL, notes: '' },
  vetoReasons: { type: '文本', above: OPTIONAL, below: OPTIONAL, notes: LIST_NOTE },
  protectedReason: { type: '文本', above: OPTIONAL, below: OPTIONAL, notes: '' },
  exemptReason: { type: '文本', above: OPTIONAL, below: OPTIONAL, notes: '' },
  powerAccounts: { type: '文本', above: OPTIONAL, below: OPTIONAL, notes: LIST_NOTE },
  existingSurchargePerKwh: { type: NON_NEGATIVE, above: OPTIONAL, below: OPTIONAL, notes: '' },
} as const satisfies Record<FieldKey, FieldNote>;
