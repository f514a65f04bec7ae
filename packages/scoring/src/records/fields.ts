/**
 * The input record's columns, per shared/spec/data-dictionary.md: one table that the validator, the
 * header matcher, the CLI's spreadsheets and the templates all read, so a new column is one new row.
 */
export type FieldType =
  | 'uscc'
  | 'text'
  | 'scale'
  | 'decimal'
  | 'nonNegativeDecimal'
  | 'boolean'
  | 'specialized'
  | 'nonNegativeInteger'
  | 'reasons';

export interface FieldSpec {
  readonly key: string;
  readonly header: string;
  readonly type: FieldType;
  /** Needed on every record, whatever its status. */
  readonly alwaysRequired?: true;
  readonly unit?: string;
}

export const FIELDS = [
  { key: 'uscc', header: '统一社会信用代码', type: 'uscc', alwaysRequired: true },
  { key: 'name', header: '企业名称', type: 'text', alwaysRequired: true },
  { key: 'scale', header: '企业规模', type: 'scale', alwaysRequired: true },
  { key: 'industryCode', header: '行业代码', type: 'text' },
  { key: 'industryName', header: '行业名称', type: 'text' },
  { key: 'town', header: '所属乡镇街道', type: 'text' },
  { key: 'park', header: '所属园区', type: 'text' },
  { key: 'landAreaMu', header: '用地面积(亩)', type: 'nonNegativeDecimal', unit: '亩' },
  { key: 'landAreaM2', header: '用地面积(平方米)', type: 'nonNegativeDecimal', unit: '平方米' },
  { key: 'tax', header: '税收实际贡献(万元)', type: 'decimal', alwaysRequired: true, unit: '万元' },
  { key: 'addedValue', header: '工业增加值(万元)', type: 'decimal', unit: '万元' },
  { key: 'revenue', header: '营业收入(万元)', type: 'nonNegativeDecimal', unit: '万元' },
  { key: 'employees', header: '年平均职工人数', type: 'nonNegativeDecimal', unit: '人' },
  { key: 'energyTce', header: '综合能耗(吨标准煤)', type: 'nonNegativeDecimal', unit: '吨标准煤' },
  { key: 'emissionsTon', header: '主要污染物排放量(吨)', type: 'nonNegativeDecimal', unit: '吨' },
  { key: 'rdExpense', header: 'R&D经费支出(万元)', type: 'nonNegativeDecimal', unit: '万元' },
  { key: 'electricityKwh', header: '用电量(千瓦时)', type: 'nonNegativeDecimal', unit: '千瓦时' },
  { key: 'exportValue', header: '出口交货值(万元)', type: 'nonNegativeDecimal', unit: '万元' },
  // Optional figures for indicators other counties use (净资产收益率, 亩均技改投资); not in the reference method.
  { key: 'netProfit', header: '净利润(万元)', type: 'decimal', unit: '万元' },
  { key: 'netAssets', header: '净资产(万元)', type: 'decimal', unit: '万元' },
  { key: 'techInvestment', header: '技改投资(万元)', type: 'nonNegativeDecimal', unit: '万元' },
  { key: 'emergencySupplier', header: '应急医疗物资重点生产企业', type: 'boolean' },
  { key: 'keyChainLink', header: '产业链关键环节企业', type: 'boolean' },
  { key: 'highTech', header: '国家高新技术企业', type: 'boolean' },
  { key: 'specialized', header: '专精特新', type: 'specialized' },
  { key: 'subletTenants', header: '出租户数', type: 'nonNegativeInteger' },
  { key: 'vetoReasons', header: '一票否决事项', type: 'reasons' },
  { key: 'protectedReason', header: '保护事由', type: 'reasons' },
  { key: 'exemptReason', header: '暂不评价事由', type: 'reasons' },
  { key: 'powerAccounts', header: '电力户号', type: 'reasons' },
  {
    key: 'existingSurchargePerKwh',
    header: '已执行其他加价(元/千瓦时)',
    type: 'nonNegativeDecimal',
    unit: '元/千瓦时',
  },
] as const satisfies readonly FieldSpec[];

export type FieldKey = (typeof FIELDS)[number]['key'];

/** Figures an indicator, condition or tie-break can name. `landMu` is the resolved land area in 亩. */
export const FIGURE_KEYS = [
  'landMu',
  'tax',
  'addedValue',
  'revenue',
  'employees',
  'energyTce',
  'emissionsTon',
  'rdExpense',
  'electricityKwh',
  'exportValue',
  'netProfit',
  'netAssets',
  'techInvestment',
  'existingSurchargePerKwh',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FLAG_KEYS = ['emergencySupplier', 'keyChainLink', 'highTech'] as const;
export type FlagKey = (typeof FLAG_KEYS)[number];

export const REASON_KEYS = ['vetoReasons', 'protectedReason', 'exemptReason'] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

export const TEXT_KEYS = ['industryCode', 'industryName', 'town', 'park'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];
