import { z } from 'zod';
import { FIELDS, FIGURE_KEYS } from '../records/fields.js';
import { conditionSchema, decimalString, indicatorsNamed } from './condition.js';
import type { Condition } from './condition.js';
import { policyClasses, policySchema } from './policy.js';

/**
 * A county's 评价办法 as data. Everything the engine does that a county could choose differently lives
 * here; the engine has no county-specific branch. Presets are files of this shape.
 */

const id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'letters, digits, "_" or "-", starting with a letter');
const dp = z.number().int().min(0).max(8);

const benchmarkSchema = z.discriminatedUnion('method', [
  /** Σ numerator × factor / Σ denominator over the cohort's rated enterprises it applies to. */
  z.strictObject({ method: z.literal('aggregateRatio') }),
  /** The mean of the applicable enterprises' values. */
  z.strictObject({ method: z.literal('meanOfValues') }),
  /** The cohort's largest value. */
  z.strictObject({ method: z.literal('max') }),
  /** A published figure, optionally scaled (Huai'an: 2 × last year's average). */
  z.strictObject({ method: z.literal('fixed'), value: decimalString, multiplier: decimalString.optional() }),
]);

const scoringSchema = z.discriminatedUnion('method', [
  /** weight × min(max(value / benchmark, floor), cap); lower-is-better uses benchmark / value. */
  z.strictObject({
    method: z.literal('ratio'),
    cap: decimalString
      .nullable()
      .describe('The highest ratio scored (2: at most twice the weight); null for no cap (Huangyan).'),
    floor: decimalString
      .nullable()
      .optional()
      .describe(
        'The lowest ratio scored. Absent: 0, so a net refund or a loss scores 0. null: no floor, so a ' +
          'negative value scores negative (Huangyan publishes no floor). A floor applies to a ' +
          'higher-is-better indicator; a lower-is-better one scores its cap at a value ≤ 0.',
      ),
  }),
  /** weight × [floor + (100 − floor) × (x − min)/(max − min)] / 100 (Jingde). */
  z.strictObject({ method: z.literal('minMax'), floor: decimalString }),
]);

const notApplicableSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('cohortMean') }),
  z.strictObject({ method: z.literal('zero') }),
  z.strictObject({ method: z.literal('fixed'), score: decimalString }),
]);

const indicatorSchema = z.strictObject({
  key: id,
  label: z.string().min(1),
  unit: z.string(),
  numerator: z.enum(FIGURE_KEYS),
  denominator: z.enum(FIGURE_KEYS),
  /** Unit factor on the numerator (单位电耗税收: 万元 → 元 is 10000). */
  factor: decimalString.default('1'),
  weight: decimalString,
  direction: z.enum(['higher', 'lower']).default('higher'),
  benchmark: benchmarkSchema,
  scoring: scoringSchema,
  notApplicable: notApplicableSchema,
});

const classificationSchema = z
  .strictObject({
    /** Cumulative shares by rank for every class but the last: A 0.20, B 0.75, C 0.95 → D the rest. */
    bands: z.array(z.strictObject({ class: id, cumulativeShare: decimalString })).optional(),
    /** Lowest total score for every class but the last. */
    thresholds: z.array(z.strictObject({ class: id, minScore: decimalString })).optional(),
  })
  .refine((c) => c.bands !== undefined || c.thresholds !== undefined, 'give bands, thresholds or both');

const cohortSchema = z.strictObject({
  id,
  label: z.string().min(1),
  when: conditionSchema,
  indicators: z.string().min(1),
  /** Figures a record must carry to be rated in this cohort (the data dictionary's "required"). */
  requiredFields: z.array(z.enum(FIELDS.map((f) => f.key) as [string, ...string[]])).default([]),
  classification: classificationSchema,
});

const pointsSchema = z.union([
  decimalString,
  /** base + each × (count − from) when count ≥ from, else 0 (Wenling's sub-letting penalty). */
  z.strictObject({
    perCount: z.literal('subletTenants'),
    from: z.number().int().min(0),
    base: decimalString,
    each: decimalString,
  }),
]);

const itemSchema = z.strictObject({
  id,
  label: z.string().min(1),
  /** Limits the item to these cohorts; all when absent. */
  cohorts: z.array(id).optional(),
  /** Always applies when absent (points may still come to 0, as with perCount). */
  when: conditionSchema.optional(),
  points: pointsSchema,
  /** 提档 (+1) or 降档 (−1), applied by an `itemShift` override step. */
  classShift: z.number().int().min(-3).max(3).optional(),
});

const overrideSchema = z.discriminatedUnion('kind', [
  /** The class becomes `class` (the 亩均税收 floor → D). */
  z.strictObject({ kind: z.literal('set'), id, label: z.string(), when: conditionSchema, class: id }),
  /** The class is at best `class` (一票否决 → at best C). */
  z.strictObject({ kind: z.literal('atBest'), id, label: z.string(), when: conditionSchema, class: id }),
  /** The class is at worst `class` (protection: D → C). */
  z.strictObject({ kind: z.literal('atWorst'), id, label: z.string(), when: conditionSchema, class: id }),
  /** Moves `steps` classes (+ up, − down) when the condition holds. */
  z.strictObject({
    kind: z.literal('shift'),
    id,
    label: z.string(),
    when: conditionSchema,
    steps: z.number().int(),
  }),
  /** Moves by the applied items' classShift, summed and then limited to ±maxSteps (提档 at most one class). */
  z.strictObject({ kind: z.literal('itemShift'), id, label: z.string(), maxSteps: z.number().int().min(1) }),
]);

const scopeRuleSchema = z.strictObject({ id, label: z.string().min(1), when: conditionSchema });

export const schemeSchema = z
  .strictObject({
    id,
    name: z.string().min(1),
    description: z.string().optional(),
    sources: z.array(z.string()).default([]),
    /** What the file takes on trust because its sources do not say it (an example scheme's guessed weights). */
    assumptions: z.array(z.string().min(1)).default([]),
    rounding: z.strictObject({ value: dp, benchmark: dp, score: z.number().int().min(0).max(4) }),
    scope: z.strictObject({
      /** 不纳入评价: tried first; the first match decides. */
      outOfScope: z.array(scopeRuleSchema),
      /** 暂不评价 (class `exemptClass`). */
      exempt: z.array(scopeRuleSchema),
    }),
    /** Best first. */
    classes: z.array(z.strictObject({ id, label: z.string() })).min(2),
    exemptClass: z.strictObject({ id, label: z.string() }),
    indicatorSets: z.record(z.string(), z.array(indicatorSchema).min(1)),
    /** Tried in order; the first whose condition holds takes the record. */
    cohorts: z.array(cohortSchema).min(1),
    bonus: z.strictObject({ cap: decimalString.nullable(), items: z.array(itemSchema) }),
    penalty: z.strictObject({ cap: decimalString.nullable(), items: z.array(itemSchema) }),
    /** After the total score, before the code: figures compared descending (missing counts as 0). */
    tieBreak: z.array(z.enum(FIGURE_KEYS)),
    /** Applied in order to the band class. */
    overrides: z.array(overrideSchema),
    /** The price policy by final class (差别化电价 and the like, §10); absent when the scheme sets none. */
    policy: policySchema.optional(),
  })
  .superRefine((scheme, ctx) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const classIds = new Set(scheme.classes.map((c) => c.id));
    const itemIds = [...scheme.bonus.items, ...scheme.penalty.items].map((item) => item.id);
    if (new Set(itemIds).size !== itemIds.length)
      issue(['bonus'], 'bonus and penalty item ids must be unique');
    const cohortIds = scheme.cohorts.map((c) => c.id);
    if (new Set(cohortIds).size !== cohortIds.length) issue(['cohorts'], 'cohort ids must be unique');
    const allIndicatorKeys = new Set<string>();
    for (const [name, set] of Object.entries(scheme.indicatorSets)) {
      const keys = set.map((indicator) => indicator.key);
      if (new Set(keys).size !== keys.length) issue(['indicatorSets', name], 'indicator keys must be unique');
      keys.forEach((key) => allIndicatorKeys.add(key));
    }
    const checkConditionIndicators = (condition: Condition, path: (string | number)[]): void => {
      for (const key of indicatorsNamed(condition)) {
        if (!allIndicatorKeys.has(key)) issue(path, `unknown indicator "${key}"`);
      }
    };
    scheme.cohorts.forEach((cohort, i) => {
      if (!(cohort.indicators in scheme.indicatorSets)) {
        issue(['cohorts', i, 'indicators'], `unknown indicator set "${cohort.indicators}"`);
      }
      const { bands, thresholds } = cohort.classification;
      const expected = scheme.classes.slice(0, -1).map((c) => c.id);
      if (bands && bands.map((b) => b.class).join() !== expected.join()) {
        issue(['cohorts', i, 'classification', 'bands'], `bands must name ${expected.join(', ')} in order`);
      }
      if (thresholds && thresholds.map((t) => t.class).join() !== expected.join()) {
        issue(
          ['cohorts', i, 'classification', 'thresholds'],
          `thresholds must name ${expected.join(', ')} in order`,
        );
      }
    });
    [...scheme.bonus.items, ...scheme.penalty.items].forEach((item) => {
      for (const cohort of item.cohorts ?? []) {
        if (!cohortIds.includes(cohort)) issue(['items', item.id], `unknown cohort "${cohort}"`);
      }
      if (item.when) checkConditionIndicators(item.when, ['items', item.id, 'when']);
    });
    scheme.overrides.forEach((step, i) => {
      if ('class' in step && !classIds.has(step.class)) {
        issue(['overrides', i, 'class'], `unknown class "${step.class}"`);
      }
      if ('when' in step) checkConditionIndicators(step.when, ['overrides', i, 'when']);
    });
    if (classIds.has(scheme.exemptClass.id))
      issue(['exemptClass'], 'the exempt class must differ from the classes');
    if (scheme.policy !== undefined) {
      for (const { path, id: classId } of policyClasses(scheme.policy)) {
        if (!classIds.has(classId))
          issue(path, `unknown class "${classId}" (one of the classes, not ${scheme.exemptClass.id})`);
      }
    }
  });

export type Scheme = z.output<typeof schemeSchema>;
export type SchemeInput = z.input<typeof schemeSchema>;
export type Indicator = Scheme['indicatorSets'][string][number];
export type Cohort = Scheme['cohorts'][number];
export type Item = Scheme['bonus']['items'][number];
export type OverrideStep = Scheme['overrides'][number];
export type Points = Item['points'];
export type ScopeRule = Scheme['scope']['exempt'][number];
export type { Policy, SurchargeTable, SurchargeTier, Utility } from './policy.js';
export { UTILITIES } from './policy.js';
