import { z } from 'zod';
import { DECIMAL_STRING } from '../decimal/decimal.js';
import { FIGURE_KEYS, FLAG_KEYS, REASON_KEYS, TEXT_KEYS } from '../records/fields.js';
import type { FigureKey, FlagKey, ReasonKey, TextKey } from '../records/fields.js';

export const decimalString = z.string().regex(DECIMAL_STRING, 'must be a decimal string such as "12.5"');

export const COMPARISONS = ['lt', 'lte', 'gt', 'gte', 'eq', 'ne'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/**
 * A condition on one record, shared by scope rules, cohorts, bonus and penalty items and class overrides.
 * A comparison with a missing figure (or a ratio with a missing or zero denominator) is false.
 */
export type Condition =
  | { readonly flag: FlagKey }
  | { readonly reason: ReasonKey }
  | { readonly scale: 'above' | 'below' }
  | { readonly specialized: readonly ('none' | 'province' | 'national')[] }
  | { readonly figure: FigureKey; readonly op: Comparison; readonly value: string }
  | {
      readonly ratio: readonly [FigureKey, FigureKey];
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
    z.strictObject({ flag: z.enum(FLAG_KEYS) }),
    z.strictObject({ reason: z.enum(REASON_KEYS) }),
    z.strictObject({ scale: z.enum(['above', 'below']) }),
    z.strictObject({ specialized: z.array(z.enum(['none', 'province', 'national'])).min(1) }),
    z.strictObject({ figure: z.enum(FIGURE_KEYS), op: comparison, value: decimalString }),
    z.strictObject({
      ratio: z.tuple([z.enum(FIGURE_KEYS), z.enum(FIGURE_KEYS)]),
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

/** Every indicator key a condition names, so the scheme check can reject unknown ones. */
export function indicatorsNamed(condition: Condition): string[] {
  if ('indicator' in condition) return [condition.indicator];
  if ('all' in condition) return condition.all.flatMap(indicatorsNamed);
  if ('any' in condition) return condition.any.flatMap(indicatorsNamed);
  if ('not' in condition) return indicatorsNamed(condition.not);
  return [];
}
