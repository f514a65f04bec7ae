import { DECIMAL_STRING } from '@mujun/scoring';
import { z } from 'zod';

/** Wire building blocks. Figures are decimal strings (never JSON numbers), per the house style. */

export const Decimal = z
  .string()
  .regex(
    DECIMAL_STRING,
    '应为数字，如 1234.5 或 -3，不带千分位逗号 (a decimal string such as 1234.5 or -3, no exponent, no thousands separator)',
  )
  .meta({ id: 'Decimal', format: 'decimal', examples: ['1356.8'] });

export const Uscc = z
  .string()
  .regex(
    /^[0-9A-HJ-NPQRTUWXY]{18}$/,
    '统一社会信用代码应为 18 位数字或大写字母 (18 characters of GB 32100-2015, upper case)',
  )
  .meta({ id: 'Uscc', description: '统一社会信用代码', examples: ['91331003MA209HKA5H'] });

export const IsoDate = z.iso.date().meta({ description: 'A day in Asia/Shanghai, YYYY-MM-DD' });
export const Instant = z.string().meta({ format: 'date-time', description: 'An ISO 8601 instant' });

/** Opaque server ids with a type prefix (`ev_…`, `obj_…`). */
export const Id = z
  .string()
  .regex(/^[a-z]+_[A-Za-z0-9_-]{1,64}$/, '编号格式不对，应形如 ev_… (an id such as ev_…)');

export const ProblemError = z.object({
  pointer: z.string().meta({ description: 'JSON Pointer (RFC 6901) into the request, as `#/path`' }),
  detail: z.string().meta({ description: 'what is wrong there, in Chinese' }),
  code: z
    .string()
    .optional()
    .meta({ description: 'a stable code for machines, where the problem has one (e.g. make-up-weekday)' }),
});

/** A bad cell of an uploaded data file, as `mujun validate` reports it. */
export const DataIssue = z
  .object({
    file: z.string().optional(),
    sheet: z.string().optional(),
    row: z.int(),
    column: z.string().meta({ description: 'the English key of the column' }),
    header: z.string().optional(),
    cell: z.string().optional().meta({ description: 'Excel reference such as F12' }),
    value: z.string(),
    reason: z.string(),
  })
  .meta({ id: 'DataIssue' });

/** RFC 9457 problem details; extension members are allowed. */
export const Problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string().optional(),
    traceId: z.string().optional(),
    errors: z.array(ProblemError).optional(),
    issues: z.array(DataIssue).optional(),
  })
  .meta({ id: 'Problem' });

export const Limit = z
  .string()
  .regex(/^(100|[1-9][0-9]?)$/, '应为 1 到 100 之间的整数 (an integer from 1 to 100)')
  .optional()
  .meta({ description: 'page size, 1–100 (default 50)' });
export const Cursor = z
  .string()
  .max(200)
  .optional()
  .meta({ description: 'the `next_cursor` of the previous page' });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    next_cursor: z.string().nullable().meta({ description: 'null on the last page' }),
  });
}

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string().meta({ description: 'the running release, e.g. 0.1.0', example: '0.1.0' }),
});

export const Ready = z.object({
  status: z.literal('ready'),
  schema: z.number().int().meta({ description: "the store's schema version (its newest migration)" }),
});
