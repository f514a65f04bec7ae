import { z } from 'zod';
import { Decimal, IsoDate, Uscc } from './common.js';

/**
 * The wire form of @mujun/surcharges' SurchargeList (reference-method.md §10): the differentiated
 * electricity-price list of a final evaluation, with where its class history and last year's list
 * came from. Prices are decimal strings with the list's decimals (`0.30`).
 */

export const SURCHARGE_FORMATS = ['json', 'csv', 'xlsx', 'html'] as const;

export const SurchargesQuery = z.object({
  docNo: z.string().max(100).regex(/\S/, '依据文号不能为空 (the document number must not be blank)').meta({
    description: '依据文号, the decision the list executes, e.g. 黄经信〔2026〕12号 (the 依据文号 column)',
  }),
  format: z
    .enum(SURCHARGE_FORMATS)
    .optional()
    .meta({
      description:
        'json (default): the list as data; csv: the list for the grid company (UTF-8 with BOM, the §10 ' +
        'headers and 备注); xlsx: the same with numeric cells, the newly surcharged industries, the diff and ' +
        'notes; html: the publication page',
    }),
});

const PriceBasis = z
  .enum(['policy', 'existing'])
  .meta({ description: 'which surcharge is executed: this policy’s, or the higher one already paid' });

export const SurchargeRow = z
  .object({
    uscc: Uscc,
    name: z.string(),
    account: z.string().meta({ description: '电力户号; empty when the record names none (see noAccount)' }),
    noAccount: z.boolean(),
    industry: z.string().meta({ description: '行业: the industry name, else its code' }),
    town: z.string(),
    year: z.int().meta({ description: '评价年度' }),
    class: z.string().meta({ description: '类别, the final class' }),
    consecutiveDYears: z.int().meta({
      description: '连续D类年数: years in the worst class in a row, this year included; 0 for others',
    }),
    price: Decimal.meta({
      description: '加价标准 executed: the higher of the policy’s and the existing one',
    }),
    policyPrice: Decimal,
    existingPrice: Decimal.nullable(),
    basis: PriceBasis,
    start: IsoDate.meta({ description: '执行起始日期' }),
    end: IsoDate.meta({ description: '执行截止日期' }),
    documentNumber: z.string().meta({ description: '依据文号' }),
    note: z.string().meta({ description: '备注: no stacking, a missing power account' }),
  })
  .meta({ id: 'SurchargeRow', description: 'one power account (电力户号) of one surcharged enterprise' });

const SurchargedEnterprise = z.object({
  uscc: Uscc,
  name: z.string(),
  industryCode: z.string().nullable(),
  industry: z.string(),
  town: z.string(),
  class: z.string(),
  consecutiveYears: z.int().meta({ description: 'years in its class in a row, this year included' }),
  accounts: z.array(z.string()),
  price: Decimal,
  policyPrice: Decimal,
  existingPrice: Decimal.nullable(),
  basis: PriceBasis,
  newlySurcharged: z.boolean().meta({ description: 'not surcharged under this policy last year' }),
});

const NewIndustry = z.object({
  code: z.string().nullable().meta({ description: 'GB/T 4754 大类, e.g. C33; null when unspecified' }),
  label: z.string(),
  enterprises: z.array(
    z.object({
      uscc: Uscc,
      name: z.string(),
      town: z.string(),
      industryCode: z.string().nullable(),
      class: z.string(),
      price: Decimal,
    }),
  ),
  prices: z.array(Decimal),
});

const DiffEntry = z.object({ uscc: Uscc, name: z.string(), account: z.string(), price: Decimal });

const ListDiff = z.object({
  added: z.array(DiffEntry).meta({ description: '新增' }),
  removed: z.array(DiffEntry).meta({ description: '移出' }),
  changed: z
    .array(z.object({ uscc: Uscc, name: z.string(), account: z.string(), from: Decimal, to: Decimal }))
    .meta({ description: '加价变化' }),
  unchanged: z.int(),
});

const YearSource = z.object({
  year: z.int(),
  evaluationId: z.string(),
});

export const SurchargeList = z
  .object({
    evaluationId: z.string(),
    year: z.int().meta({ description: '评价年度: the evaluation’s data year' }),
    scheme: z.object({ id: z.string(), name: z.string() }),
    label: z.string().meta({ description: '差别化电价' }),
    unit: z.string().meta({ description: '元/kWh' }),
    priceDecimals: z.int(),
    policyClasses: z.array(z.object({ id: z.string(), label: z.string(), tiers: z.string() })),
    policySources: z.array(z.string()),
    worstClass: z.string().meta({ description: 'the class whose consecutive years are counted (D)' }),
    publishedOn: IsoDate.meta({ description: 'the finalization date in Asia/Shanghai' }),
    period: z.object({ start: IsoDate, end: IsoDate }),
    documentNumber: z.string(),
    rows: z.array(SurchargeRow),
    enterprises: z.array(SurchargedEnterprise),
    newIndustries: z.array(NewIndustry),
    diff: ListDiff.nullable().meta({
      description: 'against the list of the previous year’s final evaluation; null when there is none',
    }),
    warnings: z.array(z.string()),
    sources: z
      .object({
        history: z.array(YearSource).meta({
          description: 'the earlier years’ final evaluations the class history was taken from, newest first',
        }),
        previous: YearSource.nullable().meta({
          description: 'the previous year’s final evaluation, whose list the diff compares with',
        }),
      })
      .meta({ description: 'where the class history and last year’s list came from' }),
  })
  .meta({ id: 'SurchargeList' });
