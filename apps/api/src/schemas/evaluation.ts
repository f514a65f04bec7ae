import { ENCODINGS } from '@mujun/sheets';
import { z } from 'zod';
import { REVIEWERS } from '../domain/contestable-fields.js';
import { Cursor, Decimal, Instant, IsoDate, Limit, Uscc, pageOf } from './common.js';
import { ContestedValue } from './objection.js';

export const EvaluationState = z.enum(['draft', 'published', 'recomputed', 'final']).meta({
  id: 'EvaluationState',
  description: 'draft → published (公示 window) → recomputed (objections decided) → final (frozen)',
});

const CohortSummary = z.object({
  id: z.string(),
  label: z.string(),
  rated: z.int(),
  benchmarks: z.record(z.string(), Decimal.nullable()),
  bandLimits: z.record(z.string(), z.int()),
  bandCounts: z.record(z.string(), z.int()),
  finalCounts: z.record(z.string(), z.int()),
});

export const GradingSummary = z
  .object({
    counts: z.object({ rated: z.int(), exempt: z.int(), outOfScope: z.int() }),
    cohorts: z.record(z.string(), CohortSummary),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'GradingSummary' });

export const PublicationWindow = z.object({
  workingDays: z.int(),
  firstDay: IsoDate,
  lastDay: IsoDate,
  days: z.array(IsoDate),
  opensAt: Instant,
  closesAt: Instant.meta({ description: '24:00 Asia/Shanghai at the end of the last working day' }),
});

export const Publication = z
  .object({
    evaluationId: z.string(),
    publishedOn: IsoDate,
    publishedAt: Instant,
    window: PublicationWindow,
    snapshotEtag: z.string().meta({ description: 'the strong ETag of the published snapshot' }),
  })
  .meta({ id: 'Publication' });

export const Correction = z.object({
  field: z.string(),
  header: z.string(),
  department: z.enum(REVIEWERS),
  from: ContestedValue.nullable(),
  to: ContestedValue,
  objectionId: z.string(),
  itemId: z.string(),
});

export const ResultChange = z.object({
  uscc: Uscc,
  name: z.string(),
  town: z.string().nullable(),
  cohortBefore: z.string().nullable(),
  cohortAfter: z.string().nullable(),
  classBefore: z.string().nullable(),
  classAfter: z.string().nullable(),
  scoreBefore: Decimal.nullable(),
  scoreAfter: Decimal.nullable(),
  rankBefore: z.int().nullable(),
  rankAfter: z.int().nullable(),
  movedClass: z.boolean(),
  corrections: z.array(Correction).meta({ description: 'the upheld corrections to this enterprise' }),
  why: z.array(z.string()).meta({ description: 'why it changed, in a clerk’s words' }),
});

export const Recomputation = z
  .object({
    evaluationId: z.string(),
    recomputedAt: Instant,
    corrections: z.int().meta({ description: 'upheld objection items applied' }),
    benchmarks: z
      .record(
        z.string(),
        z.record(z.string(), z.object({ before: Decimal.nullable(), after: Decimal.nullable() })),
      )
      .meta({ description: 'per cohort, the benchmarks that changed' }),
    changes: z.array(ResultChange).meta({
      description: 'every enterprise corrected, or whose class, rank or cohort changed; movers first',
    }),
    scoreOnly: z.int().meta({
      description:
        'how many other enterprises’ scores moved with their cohort’s benchmarks while class and rank stayed',
    }),
    summary: GradingSummary,
  })
  .meta({ id: 'Recomputation' });

export const Evaluation = z
  .object({
    id: z.string(),
    name: z.string(),
    year: z.int().nullable().meta({
      description: '评价年度, the data year graded (e.g. 2025); null when the upload did not give one',
    }),
    state: EvaluationState,
    version: z.int(),
    scheme: z.object({ id: z.string(), name: z.string() }),
    createdAt: Instant,
    enterprises: z.int(),
    summary: GradingSummary,
    publication: Publication.nullable(),
    recomputedAt: Instant.nullable(),
    finalizedAt: Instant.nullable(),
    finalEtag: z.string().nullable(),
    today: IsoDate.optional().meta({
      description:
        'the server’s date in Asia/Shanghai when it answered (reads of the evaluation): with the window, ' +
        'whether the 公示 has yet to open, is open or has closed',
    }),
  })
  .meta({ id: 'Evaluation' });

export const EvaluationsPage = pageOf(Evaluation).meta({ id: 'EvaluationsPage' });
export const EvaluationsQuery = z.object({ limit: Limit, cursor: Cursor });

/** The multipart form of POST /v1/evaluations (documented; the fields are read by http/upload.ts). */
export const CreateEvaluationForm = z.object({
  data: z
    .array(z.string().meta({ format: 'binary' }))
    .min(1)
    .meta({ description: 'CSV or XLSX files, one per department, merged by 统一社会信用代码' }),
  scheme: z.string().optional().meta({
    description: 'a preset id (reference, huangyan-2022) or a scheme JSON document; default reference',
  }),
  name: z.string().max(200).optional().meta({ description: 'e.g. 2025年度亩均效益评价' }),
  year: z
    .string()
    .regex(/^(19|20)[0-9]{2}$/, '应为四位数字年份，如 2025 (a four-digit year such as 2025)')
    .optional()
    .meta({
      description:
        '评价年度, the data year graded, e.g. 2025. Needed for the 差别化电价 list, which also takes the ' +
        'class history from the final evaluations of earlier years',
    }),
  sheet: z
    .string()
    .max(100)
    .optional()
    .meta({ description: 'the workbook sheet, default the first visible' }),
  encoding: z.enum(ENCODINGS).optional().meta({ description: 'CSV encoding; auto (default) detects' }),
});

/** The text fields of that form, validated after the files are read. */
export const CreateEvaluationFields = CreateEvaluationForm.omit({ data: true });

export const PublishRequest = z
  .strictObject({
    date: IsoDate.optional().meta({ description: 'the publication date; default today in Asia/Shanghai' }),
  })
  .meta({ id: 'PublishRequest' });
