import { z } from 'zod';
import { decimalString } from './condition.js';

/**
 * The price policy that follows from the final classes (reference-method.md §10): surcharges on
 * electricity, water and gas by class and consecutive years in that class, and the share of the 城镇土地
 * 使用税 relieved by class. Data, like the rest of the scheme: a county's own table is a new file.
 */

/** A non-negative decimal string: a surcharge or a share is never below zero. */
const nonNegative = decimalString.refine((text) => !text.startsWith('-'), 'must not be negative');

/** 0 to 1 inclusive, written as a decimal string (`0`, `0.5`, `1`, `1.00`). */
const SHARE = /^(0(\.\d+)?|1(\.0+)?)$/;

const decimalsOf = (text: string): number => text.split('.')[1]?.length ?? 0;

const tierSchema = z.strictObject({
  /**
   * The tier applies from this consecutive year in the class on, this year included: 1 is the first year,
   * 3 the third. The years are consecutive evaluation years in the same class; a year missing from the
   * class history or in any other class (暂不评价 T included) starts the count again.
   */
  fromYear: z.number().int().min(1),
  /** The surcharge per unit (元/kWh, 元/m³), on top of the ordinary price. */
  perUnit: nonNegative,
});

const surchargeTableSchema = z
  .strictObject({
    /** 差别化电价, 差别化水价, … */
    label: z.string().min(1),
    /** 元/kWh, 元/m³: written after every price. */
    unit: z.string().min(1),
    /** Decimals every price of this table is written with (and the most any `perUnit` may have). */
    decimals: z.number().int().min(0).max(4).default(2),
    /** Tiers by final class, fromYear ascending and the first from year 1; a class not listed pays nothing. */
    byClass: z.record(z.string(), z.array(tierSchema).min(1)),
  })
  .superRefine((table, ctx) => {
    for (const [classId, tiers] of Object.entries(table.byClass)) {
      tiers.forEach((tier, i) => {
        const path = ['byClass', classId, i];
        if (i === 0 && tier.fromYear !== 1) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'fromYear'],
            message: 'the first tier must start at year 1',
          });
        }
        const before = tiers[i - 1];
        if (before !== undefined && tier.fromYear <= before.fromYear) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'fromYear'],
            message: 'tiers must be in ascending fromYear',
          });
        }
        if (decimalsOf(tier.perUnit) > table.decimals) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'perUnit'],
            message: `has more than the table's ${String(table.decimals)} decimals`,
          });
        }
      });
    }
  });

export const policySchema = z.strictObject({
  /** The documents the figures come from (鲁发改价格〔2022〕56号, …). */
  sources: z.array(z.string()).default([]),
  surcharges: z
    .strictObject({
      electricity: surchargeTableSchema.optional(),
      water: surchargeTableSchema.optional(),
      gas: surchargeTableSchema.optional(),
    })
    .default({}),
  /** The share of the 城镇土地使用税 relieved (0 to 1), by final class; a class not listed gets none. */
  landTaxRelief: z
    .record(
      z.string(),
      decimalString.refine((text) => SHARE.test(text), 'must be a share from 0 to 1, such as "0.5"'),
    )
    .optional(),
});

export const UTILITIES = ['electricity', 'water', 'gas'] as const;
export type Utility = (typeof UTILITIES)[number];

export type Policy = z.output<typeof policySchema>;
export type SurchargeTable = NonNullable<Policy['surcharges'][Utility]>;
export type SurchargeTier = SurchargeTable['byClass'][string][number];

/** Every class a policy names, with where, so the scheme check can reject a class the scheme lacks. */
export function policyClasses(policy: Policy): { readonly path: (string | number)[]; readonly id: string }[] {
  const named: { path: (string | number)[]; id: string }[] = [];
  for (const utility of UTILITIES) {
    for (const id of Object.keys(policy.surcharges[utility]?.byClass ?? {})) {
      named.push({ path: ['policy', 'surcharges', utility, 'byClass', id], id });
    }
  }
  for (const id of Object.keys(policy.landTaxRelief ?? {}))
    named.push({ path: ['policy', 'landTaxRelief', id], id });
  return named;
}
