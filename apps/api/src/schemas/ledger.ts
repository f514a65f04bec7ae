import { z } from 'zod';
import { Decimal, Id, Instant, IsoDate, Uscc } from './common.js';
import { EvidenceMeta } from './objection.js';

/**
 * The 一企一档 rectification ledger (issue 16, part 3): a file per enterprise of the 低效企业 screening
 * list of an evaluation, kept by its town (measures, responsible person, deadline, progress notes with
 * attachments, status and outcome), read by the bureau by town and measure, with next year's class
 * beside each file.
 */

/** The four measures the work plan names; a county may write its own beside them. */
export const STANDARD_MEASURES = ['帮扶提升', '限期整改', '要素倒逼', '税务辅导'] as const;

export const LEDGER_STATUSES = ['pending', 'in_progress', 'completed'] as const;
export const LedgerStatus = z
  .enum(LEDGER_STATUSES)
  .meta({ description: 'pending 未开始, in_progress 整改中, completed 已完成' });

export const LedgerFilePath = z.object({ fileId: Id });
export const LedgerAttachmentPath = z.object({ fileId: Id, attachmentId: Id });

const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, '不能为空')
    .max(max, `不超过 ${String(max)} 个字`)
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), '含有控制字符');

export const CreateLedger = z
  .object({
    threshold: Decimal.refine((value) => !value.startsWith('-'), '不能为负数').meta({
      description: '亩均税收 line in 万元/亩: a rated enterprise below it gets a file',
    }),
    classD: z
      .boolean()
      .default(true)
      .meta({ description: 'also every enterprise whose final class is D (default true)' }),
  })
  .meta({ id: 'CreateLedger' });

export const LedgerEdit = z
  .object({
    measures: z
      .array(Text(50))
      .max(10)
      .meta({ description: `the measures: ${STANDARD_MEASURES.join('、')} or the county’s own (≤ 50 字)` }),
    responsible: Text(50).nullable().meta({ description: '责任人' }),
    deadline: IsoDate.nullable().meta({ description: '整改期限' }),
    status: LedgerStatus,
    outcome: Text(500).nullable().meta({ description: '整改成效' }),
  })
  .meta({ id: 'LedgerEdit' });

export const LedgerNoteForm = z.object({
  note: z.string().meta({ description: 'the progress note (1–2000 字)' }),
  attachment: z
    .array(z.string().meta({ format: 'binary' }))
    .optional()
    .meta({ description: '0–5 files, PDF, JPEG or PNG by content, ≤ 10 MB each' }),
});
export const LedgerNoteFields = z.object({ note: Text(2000) });

export const NextYear = z
  .object({
    year: z.int().nullable(),
    evaluationId: z.string().nullable(),
    outcome: z.enum(['pending', 'moved-up', 'still-below', 'exited', 'not-rated']).meta({
      description:
        'pending: no later final evaluation yet; moved-up: no longer on the screening list; still-below: ' +
        'on it again; exited: not in the later evaluation; not-rated: in it but exempt or out of scope',
    }),
    finalClass: z.string().nullable(),
    taxPerMu: Decimal.nullable(),
  })
  .meta({ id: 'LedgerNextYear' });

export const LedgerNote = z.object({
  id: z.string(),
  at: Instant,
  author: z.string(),
  authorRole: z.string(),
  text: z.string(),
  attachments: z.array(EvidenceMeta),
});

export const LedgerFile = z
  .object({
    id: z.string(),
    evaluationId: z.string(),
    year: z.int().nullable(),
    uscc: Uscc,
    name: z.string(),
    town: z.string().nullable(),
    industryCode: z.string().nullable(),
    taxPerMu: Decimal.nullable(),
    finalClass: z.string().nullable(),
    reasons: z.array(z.enum(['tax-per-mu', 'class-d'])),
    measures: z.array(z.string()),
    responsible: z.string().nullable(),
    deadline: z.string().nullable(),
    status: LedgerStatus,
    outcome: z.string().nullable(),
    version: z.int(),
    createdAt: Instant,
    updatedAt: Instant,
    notes: z.array(LedgerNote),
    nextYear: NextYear,
  })
  .meta({ id: 'LedgerFile' });

const Progress = z.object({
  group: z.string(),
  files: z.int(),
  pending: z.int(),
  in_progress: z.int(),
  completed: z.int(),
  movedUp: z.int(),
});

export const Ledger = z
  .object({
    evaluationId: z.string(),
    year: z.int().nullable(),
    criteria: z
      .object({ threshold: Decimal, classD: z.boolean(), createdAt: Instant, updatedAt: Instant })
      .nullable()
      .meta({ description: 'null until the bureau creates the ledger' }),
    files: z.array(LedgerFile),
    progress: z.object({ byTown: z.array(Progress), byMeasure: z.array(Progress) }).meta({
      description:
        'files per town and per measure (a file with two measures counts under each; 未指定 without one)',
    }),
  })
  .meta({ id: 'Ledger' });

export const LedgerCreated = z
  .object({ created: z.int(), existing: z.int(), files: z.int() })
  .meta({ id: 'LedgerCreated' });
