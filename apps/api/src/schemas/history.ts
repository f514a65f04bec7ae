import { z } from 'zod';
import { DataIssue, Decimal, Instant, Uscc } from './common.js';

/** History across years: an enterprise's years, the bureau's year over year, and imported past years. */

export const EnterpriseHistoryPath = z.object({ uscc: z.string().max(100) });
export const PastYearPath = z.object({
  year: z.string().regex(/^(19|20)[0-9]{2}$/, '应为四位数字年份，如 2022 (a four-digit year such as 2022)'),
});

export const HistoryOverviewQuery = z.object({
  by: z
    .enum(['town', 'industry'])
    .optional()
    .meta({ description: 'town (default): 所属乡镇街道; industry: GB/T 4754 大类' }),
});

export const PastYearForm = z.object({
  data: z.string().meta({ format: 'binary', description: 'the year’s results, CSV or XLSX' }),
  sheet: z.string().max(31).optional().meta({ description: 'a workbook’s sheet; default the first' }),
});
export const PastYearFields = PastYearForm.omit({ data: true });

const HistoryYear = z.object({
  year: z.int(),
  source: z.enum(['evaluation', 'imported']),
  evaluationId: z.string().nullable(),
  name: z.string(),
  town: z.string().nullable(),
  finalClass: z.string().nullable(),
  totalScore: Decimal.nullable(),
  rank: z.int().nullable(),
  rated: z.int().nullable(),
  percentile: Decimal.nullable().meta({ description: 'rank / rated × 100, 1 decimal: 前 x%' }),
  taxPerMu: Decimal.nullable(),
  indicators: z.array(
    z.object({ key: z.string(), label: z.string(), unit: z.string(), value: Decimal.nullable() }),
  ),
});

export const EnterpriseHistory = z
  .object({
    uscc: Uscc,
    name: z.string(),
    years: z.array(HistoryYear),
    streak: z.object({ class: z.string(), years: z.int() }).meta({
      description: 'consecutive years in class D ending with the latest year (as the 差别化电价 list counts)',
    }),
  })
  .meta({ id: 'EnterpriseHistory' });

const Counts = z.record(z.string(), z.int());

export const HistoryOverview = z
  .object({
    by: z.enum(['town', 'industry']),
    years: z.array(
      z.object({
        year: z.int(),
        source: z.enum(['evaluation', 'imported']),
        enterprises: z.int(),
        classes: Counts,
        groups: z.array(z.object({ group: z.string(), enterprises: z.int(), classes: Counts })),
        dStreaks: z.int().meta({ description: 'enterprises in their 2nd or later consecutive D year' }),
      }),
    ),
  })
  .meta({ id: 'HistoryOverview' });

export const PastYear = z
  .object({ year: z.int(), enterprises: z.int(), sourceFile: z.string(), importedAt: Instant })
  .meta({ id: 'PastYear' });

export const PastYears = z.object({ data: z.array(PastYear) }).meta({ id: 'PastYears' });

export const PastYearImported = PastYear.extend({
  warnings: z.array(z.string()),
}).meta({ id: 'PastYearImported' });

export { DataIssue };
