import { z } from 'zod';
import { Cursor, Decimal, Limit, Uscc, pageOf } from './common.js';

/** The wire form of @mujun/scoring's EnterpriseResult (engine/result.ts), trace included. */

const Status = z.enum(['rated', 'exempt', 'out_of_scope']);

const IndicatorResult = z.object({
  label: z.string(),
  unit: z.string(),
  value: Decimal.nullable(),
  applicable: z.boolean(),
  benchmark: Decimal.nullable(),
  weight: Decimal,
  score: Decimal,
});

const ItemResult = z.object({
  id: z.string(),
  label: z.string(),
  points: Decimal,
  classShift: z.int().optional(),
});

const OverrideResult = z.object({
  step: z.string(),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
});

export const TraceEntry = z
  .discriminatedUnion('rule', [
    z.object({ rule: z.literal('scope'), status: Status, ruleId: z.string().nullable(), detail: z.string() }),
    z.object({ rule: z.literal('cohort'), cohort: z.string(), detail: z.string() }),
    z.object({
      rule: z.literal('indicator'),
      indicator: z.string(),
      applicable: z.boolean(),
      score: Decimal,
      detail: z.string(),
    }),
    z.object({ rule: z.literal('bonus'), item: z.string(), points: Decimal, detail: z.string() }),
    z.object({ rule: z.literal('bonusCap'), cap: Decimal, detail: z.string() }),
    z.object({ rule: z.literal('penalty'), item: z.string(), points: Decimal, detail: z.string() }),
    z.object({ rule: z.literal('penaltyCap'), cap: Decimal, detail: z.string() }),
    z.object({ rule: z.literal('total'), totalScore: Decimal, detail: z.string() }),
    z.object({ rule: z.literal('rank'), rank: z.int(), of: z.int(), detail: z.string() }),
    z.object({ rule: z.literal('band'), class: z.string(), detail: z.string() }),
    z.object({
      rule: z.literal('override'),
      step: z.string(),
      from: z.string(),
      to: z.string(),
      detail: z.string(),
    }),
    z.object({ rule: z.literal('final'), class: z.string().nullable(), detail: z.string() }),
  ])
  .meta({ id: 'TraceEntry', description: 'one line of "why": the rule, what it compared, what it decided' });

const resultFields = {
  uscc: Uscc,
  name: z.string(),
  scale: z.enum(['above', 'below']),
  town: z.string().nullable(),
  park: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  status: Status,
  cohort: z.string().nullable(),
  indicators: z.record(z.string(), IndicatorResult),
  bonusItems: z.array(ItemResult),
  bonus: Decimal.nullable(),
  penaltyItems: z.array(ItemResult),
  penalty: Decimal.nullable(),
  totalScore: Decimal.nullable(),
  rank: z.int().nullable(),
  bandClass: z.string().nullable(),
  finalClass: z.string().nullable(),
  finalClassLabel: z.string().nullable(),
  overrides: z.array(OverrideResult),
};

/** One enterprise's result without its trace: the rows of a results list. */
export const ResultSummary = z.object(resultFields).meta({ id: 'ResultSummary' });

/** One enterprise's full result with the trace a clerk reads out. */
export const EnterpriseResult = z
  .object({ ...resultFields, trace: z.array(TraceEntry) })
  .meta({ id: 'EnterpriseResult' });

export const ResultsPage = pageOf(ResultSummary)
  .extend({
    total: z.int().meta({ description: 'how many results match the query, over every page' }),
  })
  .meta({ id: 'ResultsPage' });

/** What a results list is narrowed and ordered by; the export takes the same without the paging. */
const resultsFilters = {
  q: z
    .string()
    .max(100)
    .optional()
    .meta({ description: 'a fragment of the enterprise’s name or of its 统一社会信用代码' }),
  cohort: z.string().max(64).optional().meta({ description: 'cohort id, e.g. above (规上) or below (规下)' }),
  class: z.string().max(16).optional().meta({ description: 'final class, e.g. A, B, C, D or T' }),
  town: z.string().max(100).optional().meta({ description: '所属乡镇街道, exactly as in the data' }),
  industry: z
    .string()
    .regex(/^[A-Z]?[0-9]{2,4}$/)
    .optional()
    .meta({ description: 'GB/T 4754 code or its prefix: 36 (大类), 367, 3670 or C3670' }),
  status: Status.optional().meta({ description: 'rated (参评), exempt (暂不评价) or out_of_scope' }),
  sort: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/)
    .optional()
    .meta({
      description:
        'rank (default: each cohort by rank, then the unrated), total, name, code, or the key of one of ' +
        'the scheme’s indicators (e.g. taxPerMu) to sort by its value',
    }),
  order: z.enum(['asc', 'desc']).optional().meta({ description: 'asc (default) or desc' }),
};

export const ResultsQuery = z.object({ ...resultsFilters, limit: Limit, cursor: Cursor });

export const ResultsExportQuery = z.object(resultsFilters);

export const EvaluationPath = z.object({ id: z.string().max(100) });
export const EnterprisePath = z.object({ id: z.string().max(100), uscc: z.string().max(100) });

/** The scheme's indicators, each once, in the order of its cohorts: what the list may be sorted by. */
export const ResultIndicators = z
  .object({
    indicators: z.array(
      z.object({
        key: z.string().meta({ description: 'the value `sort` takes, e.g. taxPerMu' }),
        label: z.string().meta({ description: 'its Chinese name, e.g. 亩均税收' }),
        unit: z.string().meta({ description: 'e.g. 万元/亩; empty for a ratio' }),
      }),
    ),
  })
  .meta({ id: 'ResultIndicators' });
