import { z } from 'zod';
import { FIELDS, FIGURE_KEYS, FLAG_KEYS } from '../records/fields.js';
import { conditionSchema, decimalString, figureKey, figuresIn, indicatorsNamed } from './condition.js';
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
  /** Computed from last year's result, which the run is given (`mujun grade --previous result.json`). */
  z
    .strictObject({
      method: z.literal('previousYear'),
      statistic: z
        .enum(['benchmark', 'meanOfValues'])
        .describe(
          "benchmark: last year's published benchmark of the indicator; meanOfValues: the mean of last " +
            "year's published values over the cohort's rated enterprises it applied to (Huai'an: average).",
        ),
      cohort: z.string().optional().describe("Last year's cohort id; absent: the same id as this cohort."),
      indicator: z
        .string()
        .optional()
        .describe("Last year's indicator key; absent: the same key as this indicator."),
      multiplier: decimalString.optional().describe("k in k × last year's figure (Huai'an: 2)."),
    })
    .describe("k × last year's benchmark or average, rounded like any benchmark (Huai'an: 2 × average)."),
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
  /** A record figure (FIGURE_KEYS) or a number the scheme declares under `figures`. */
  numerator: figureKey,
  denominator: figureKey,
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
    bands: z
      .array(
        z.strictObject({
          class: id,
          cumulativeShare: decimalString,
          rounding: z
            .enum(['floor', 'nearest', 'ceil'])
            .optional()
            .describe(
              'How share × n becomes a count of ranks at this boundary: floor (absent; keeps A at most ' +
                'its share and D at least its share), nearest (half-up) or ceil.',
            ),
        }),
      )
      .optional(),
    sparesLastClassBelow: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        'A cohort (or banding group) with fewer rated enterprises than this puts nobody in the last ' +
          'class by rank (a county sparing tiny groups a D); thresholds and overrides still apply.',
      ),
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
  requiredFields: z
    .array(z.string().min(1))
    .default([])
    .describe('Record fields (the data dictionary) or declared figures a rated enterprise here must carry.'),
  classification: classificationSchema,
  pool: id
    .optional()
    .describe(
      'Cohorts naming the same pool share benchmarks, min–max ranges and missing-data means, computed ' +
        'over all their rated members; each cohort still ranks and bands only its own (Wenling: scores ' +
        'county-wide, class shares within five industry groups). They must use the same indicator set.',
    ),
});

const pointsSchema = z.union([
  decimalString,
  /** base + each × (count − from) when count ≥ from, else 0 (Wenling's sub-letting penalty). */
  z.strictObject({
    perCount: figureKey.describe('subletTenants or a declared count figure (Wenling: 规下 tenants).'),
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

/**
 * A figure the county adds to the record (用水量, COD, 主营业务收入, 投产日期, 安全生产 flags …): read from
 * the spreadsheet column `header`, validated like the built-in ones, and usable by its key in indicators,
 * conditions, items, tie-breaks and required fields.
 */
const declaredFigureSchema = z.strictObject({
  key: figureKey.describe('How the scheme names it; must differ from every built-in field.'),
  header: z.string().min(1).describe('The spreadsheet column header, as the county writes it: 用水量(吨).'),
  unit: z.string().optional().describe('吨, 万元 …: shown with the figure.'),
  kind: z
    .enum(['number', 'nonNegativeNumber', 'count', 'yesNo', 'date'])
    .describe(
      'number: a decimal (may be negative); nonNegativeNumber: ≥ 0; count: a whole number ≥ 0; yesNo: ' +
        '是/否 (a condition `{ "flag": key }`); date: 2023-05-01, 2023/5/1 or 2023年5月1日 ' +
        '(a condition `{ "date": key, "op": …, "value": "YYYY-MM-DD" }`).',
    ),
  required: z
    .boolean()
    .optional()
    .describe(
      "true: the column must be there and filled on every row; else list it in a cohort's requiredFields.",
    ),
  filledBy: z
    .string()
    .optional()
    .describe('Who supplies it (水利局, 生态环境局 …), for templates and objections.'),
});

const scopeRuleSchema = z.strictObject({ id, label: z.string().min(1), when: conditionSchema });

export const schemeSchema = z
  .strictObject({
    id,
    name: z.string().min(1),
    description: z.string().optional(),
    sources: z.array(z.string()).default([]),
    /** What the file takes on trust because its sources do not say it (an example scheme's guessed weights). */
    assumptions: z.array(z.string().min(1)).default([]),
    /** Figures the county adds to the record; none when absent. */
    figures: z.array(declaredFigureSchema).optional(),
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
    tieBreak: z.array(figureKey),
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
    const declared = new Map((scheme.figures ?? []).map((figure) => [figure.key, figure.kind]));
    const fieldKeys = new Set<string>([...FIELDS.map((f) => f.key), 'landMu']);
    (scheme.figures ?? []).forEach((figure, i) => {
      if (fieldKeys.has(figure.key)) issue(['figures', i, 'key'], `"${figure.key}" is a built-in field`);
    });
    if (declared.size !== (scheme.figures ?? []).length)
      issue(['figures'], 'declared figure keys must be unique');
    const builtInNumbers = new Set<string>(FIGURE_KEYS);
    const builtInFlags = new Set<string>(FLAG_KEYS);
    const isNumber = (key: string): boolean => {
      const kind = declared.get(key);
      return builtInNumbers.has(key) || kind === 'number' || kind === 'nonNegativeNumber' || kind === 'count';
    };
    const checkFigure = (
      key: string,
      kind: 'number' | 'yesNo' | 'date' | 'count',
      path: (string | number)[],
    ) => {
      const ok =
        kind === 'number'
          ? isNumber(key)
          : kind === 'yesNo'
            ? builtInFlags.has(key) || declared.get(key) === 'yesNo'
            : kind === 'count'
              ? key === 'subletTenants' || declared.get(key) === 'count'
              : declared.get(key) === 'date';
      if (!ok) issue(path, `unknown ${kind === 'number' ? 'figure' : kind} figure "${key}"`);
    };
    const checkConditionFigures = (condition: Condition, path: (string | number)[]): void => {
      for (const { key, kind } of figuresIn(condition)) checkFigure(key, kind, path);
    };
    for (const [name, set] of Object.entries(scheme.indicatorSets)) {
      set.forEach((indicator, k) => {
        checkFigure(indicator.numerator, 'number', ['indicatorSets', name, k, 'numerator']);
        checkFigure(indicator.denominator, 'number', ['indicatorSets', name, k, 'denominator']);
      });
    }
    scheme.tieBreak.forEach((key, k) => {
      checkFigure(key, 'number', ['tieBreak', k]);
    });
    scheme.scope.outOfScope.forEach((rule, k) => {
      checkConditionFigures(rule.when, ['scope', 'outOfScope', k]);
    });
    scheme.scope.exempt.forEach((rule, k) => {
      checkConditionFigures(rule.when, ['scope', 'exempt', k]);
    });
    scheme.cohorts.forEach((cohort, k) => {
      checkConditionFigures(cohort.when, ['cohorts', k, 'when']);
      cohort.requiredFields.forEach((key, f) => {
        if (!fieldKeys.has(key) && !declared.has(key)) {
          issue(['cohorts', k, 'requiredFields', f], `unknown field "${key}"`);
        }
      });
    });
    [...scheme.bonus.items, ...scheme.penalty.items].forEach((item) => {
      if (item.when) checkConditionFigures(item.when, ['items', item.id, 'when']);
      if (typeof item.points !== 'string')
        checkFigure(item.points.perCount, 'count', ['items', item.id, 'points']);
    });
    scheme.overrides.forEach((step, k) => {
      if ('when' in step) checkConditionFigures(step.when, ['overrides', k, 'when']);
    });
    const pools = new Map<string, string>();
    scheme.cohorts.forEach((cohort, k) => {
      if (cohort.pool === undefined) return;
      const set = pools.get(cohort.pool);
      if (set === undefined) pools.set(cohort.pool, cohort.indicators);
      else if (set !== cohort.indicators) {
        issue(['cohorts', k, 'pool'], `cohorts of pool "${cohort.pool}" must use one indicator set`);
      }
    });
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
export type DeclaredFigure = NonNullable<Scheme['figures']>[number];
export type { Policy, SurchargeTable, SurchargeTier, Utility } from './policy.js';
export { UTILITIES } from './policy.js';
