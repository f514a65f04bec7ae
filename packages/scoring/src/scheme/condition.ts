import { z } from 'zod';
import { DECIMAL_STRING } from '../decimal/decimal.js';
import { REASON_KEYS, TEXT_KEYS } from '../records/fields.js';
import type { ReasonKey, TextKey } from '../records/fields.js';

export const decimalString = z.string().regex(DECIMAL_STRING, 'must be a decimal string such as "12.5"');

/**
 * A figure's key: one of the record's own figures (FIGURE_KEYS, FLAG_KEYS) or one the scheme declares
 * under `figures`. The scheme check refuses a key that is neither, or one of the wrong kind.
 */
export const figureKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a figure key: letters, digits or "_", starting with a letter');

/** A calendar date as the scheme writes it. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

export const COMPARISONS = ['lt', 'lte', 'gt', 'gte', 'eq', 'ne'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/**
 * A condition on one record, shared by scope rules, cohorts, bonus and penalty items and class overrides.
 * A comparison with a missing figure (or a ratio with a missing or zero denominator) is false.
 */
export type Condition =
  /** A yes/no figure (built-in or declared) is yes. */
  | { readonly flag: string }
  | { readonly reason: ReasonKey }
  | { readonly scale: 'above' | 'below' }
  | { readonly specialized: readonly ('none' | 'province' | 'national')[] }
  | { readonly figure: string; readonly op: Comparison; readonly value: string }
  /** A declared date figure against a date (投产日期 after 2023-01-01); false when the date is missing. */
  | { readonly date: string; readonly op: Comparison; readonly value: string }
  | {
      readonly ratio: readonly [string, string];
      readonly op: Comparison;
      readonly value: string;
    }
  /** An indicator's unrounded value; false when the indicator does not apply. */
  | { readonly indicator: string; readonly op: Comparison; readonly value: string }
  /** GB/T 4754 code prefixes on the digits (`"36"` is 大类 36; `"C36"` is accepted too). */
  | { readonly industry: readonly string[] }
  | { readonly text: TextKey; readonly in: readonly string[] }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

const comparison = z.enum(COMPARISONS);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ flag: figureKey }),
    z.strictObject({ reason: z.enum(REASON_KEYS) }),
    z.strictObject({ scale: z.enum(['above', 'below']) }),
    z.strictObject({ specialized: z.array(z.enum(['none', 'province', 'national'])).min(1) }),
    z.strictObject({ figure: figureKey, op: comparison, value: decimalString }),
    z.strictObject({ date: figureKey, op: comparison, value: isoDate }),
    z.strictObject({
      ratio: z.tuple([figureKey, figureKey]),
      op: comparison,
      value: decimalString,
    }),
    z.strictObject({ indicator: z.string().min(1), op: comparison, value: decimalString }),
    z.strictObject({ industry: z.array(z.string().regex(/^[A-Za-z]?\d{1,4}$/)).min(1) }),
    z.strictObject({ text: z.enum(TEXT_KEYS), in: z.array(z.string()).min(1) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

/** Every figure a condition names, by the kind it must have. */
export function figuresIn(condition: Condition): { key: string; kind: 'number' | 'yesNo' | 'date' }[] {
  if ('flag' in condition) return [{ key: condition.flag, kind: 'yesNo' }];
  if ('figure' in condition) return [{ key: condition.figure, kind: 'number' }];
  if ('date' in condition) return [{ key: condition.date, kind: 'date' }];
  if ('ratio' in condition) return condition.ratio.map((key) => ({ key, kind: 'number' as const }));
  if ('all' in condition) return condition.all.flatMap(figuresIn);
  if ('any' in condition) return condition.any.flatMap(figuresIn);
  if ('not' in condition) return figuresIn(condition.not);
  return [];
}

/** Every indicator key a condition names, so the scheme check can reject unknown ones. */
export function indicatorsNamed(condition: Condition): string[] {
  if ('indicator' in condition) return [condition.indicator];
  if ('all' in condition) return condition.all.flatMap(indicatorsNamed);
  if ('any' in condition) return condition.any.flatMap(indicatorsNamed);
  if ('not' in condition) return indicatorsNamed(condition.not);
  return [];
}
