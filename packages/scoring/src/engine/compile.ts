import { Dec, dec } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';
import { InvalidSchemeError } from '../errors/errors.js';
import { FIGURE_KEYS } from '../records/fields.js';
import type { Condition } from '../scheme/condition.js';
import type { Cohort, Indicator, Item, OverrideStep, Scheme, ScopeRule } from '../scheme/scheme.js';
import { figuresNamed } from './conditions.js';
import { approx } from './exact.js';
import { mul, rational, roundUnits } from './rational.js';
import type { Rational } from './rational.js';

/**
 * A scheme made ready to run: decimals turned into integer score units and class ids into class indices
 * once. Conditions stay data here; each run compiles them against its records' figures (conditions.ts).
 */

export interface CompiledIndicator {
  readonly indicator: Indicator;
  /** Float images of the factor, weight and cap, for estimates (exact.ts). */
  readonly factor: number;
  readonly weight: number;
  /** weight × cap in score units, or null without a cap. */
  readonly capUnits: number | null;
  readonly cap: number | null;
  /** The ratio's floor (0 unless the scheme says otherwise), or null for none; weight × floor in units. */
  readonly floor: number | null;
  readonly floorUnits: number | null;
  /** The same figures as exact rationals, for the exact paths (rational.ts). */
  readonly exact: {
    readonly factor: Rational;
    readonly weight: Rational;
    readonly cap: Rational | null;
    readonly floor: Rational | null;
  };
}

export interface CompiledItem {
  readonly item: Item;
  readonly bit: number;
  /** null: the item always applies (its points may still come to 0). */
  readonly when: Condition | null;
  readonly cohorts: ReadonlySet<string> | null;
  /** Fixed points in score units; null for points per count (items.ts). */
  readonly fixedUnits: number | null;
  /** For points per count: base and each in score units. */
  readonly baseUnits: number;
  readonly eachUnits: number;
  readonly classShift: number;
}

export interface CompiledCohort {
  readonly cohort: Cohort;
  readonly index: number;
  readonly indicators: readonly CompiledIndicator[];
  readonly indicatorMap: ReadonlyMap<string, Indicator>;
  readonly bands: readonly DecimalString[] | null;
  /** Each band boundary's rounding of share × n (floor unless the scheme says otherwise). */
  readonly bandRounding: readonly ('floor' | 'nearest' | 'ceil')[];
  readonly thresholdUnits: readonly number[] | null;
}

export interface CompiledOverride {
  readonly step: OverrideStep;
  readonly when: Condition | null;
  /** The class a set, atBest or atWorst step names, as an index (0 = best); -1 for the other kinds. */
  readonly classIndex: number;
}

export interface CompiledScheme {
  readonly scheme: Scheme;
  readonly scoreDp: number;
  readonly outOfScope: readonly ScopeRule[];
  readonly exempt: readonly ScopeRule[];
  readonly cohorts: readonly CompiledCohort[];
  readonly classIds: readonly string[];
  readonly bonus: readonly CompiledItem[];
  readonly penalty: readonly CompiledItem[];
  readonly bonusCapUnits: number | null;
  readonly penaltyCapUnits: number | null;
  readonly overrides: readonly CompiledOverride[];
  /** Every figure the run reads: indicators, tie-breaks, conditions, required fields. */
  readonly figureKeys: readonly string[];
}

/** Schemes are never changed once made, so one compiled per scheme object serves every grading with it. */
const compiledSchemes = new WeakMap<Scheme, CompiledScheme>();

export function compileScheme(scheme: Scheme): CompiledScheme {
  let compiled = compiledSchemes.get(scheme);
  if (compiled === undefined) compiledSchemes.set(scheme, (compiled = compileSchemeOnce(scheme)));
  return compiled;
}

function compileSchemeOnce(scheme: Scheme): CompiledScheme {
  const scoreDp = scheme.rounding.score;
  const problems: { path: string; message: string }[] = [];
  /** A scheme figure in score units; more decimals than scores have would need a rounding the method never names. */
  const toUnits = (value: DecimalString, path: string): number => {
    const scaled = dec(value).times(new Dec(10).pow(scoreDp));
    if (!scaled.isInteger()) problems.push({ path, message: `has more than ${scoreDp} decimals` });
    return scaled.round().toNumber();
  };
  const items = (list: readonly Item[], path: string): CompiledItem[] => {
    if (list.length > 30) problems.push({ path, message: 'at most 30 items' });
    return list.map((item, bit) => {
      const units = (value: DecimalString, name: string): number =>
        toUnits(value, `${path}.${item.id}.${name}`);
      const { points } = item;
      const perCount = typeof points === 'string' ? null : points;
      return {
        item,
        bit,
        when: item.when ?? null,
        cohorts: item.cohorts ? new Set(item.cohorts) : null,
        fixedUnits: typeof points === 'string' ? units(points, 'points') : null,
        baseUnits: perCount === null ? 0 : units(perCount.base, 'points.base'),
        eachUnits: perCount === null ? 0 : units(perCount.each, 'points.each'),
        classShift: item.classShift ?? 0,
      };
    });
  };

  const classIds = scheme.classes.map((c) => c.id);
  const cohorts = scheme.cohorts.map((cohort, index): CompiledCohort => {
    const set = scheme.indicatorSets[cohort.indicators] ?? [];
    const indicators = set.map((indicator): CompiledIndicator => {
      const cap = indicator.scoring.method === 'ratio' ? indicator.scoring.cap : null;
      // A ratio's floor is 0 when the scheme does not name one (every scheme before floors were a choice).
      const floor =
        indicator.scoring.method !== 'ratio'
          ? null
          : indicator.scoring.floor === undefined
            ? '0'
            : indicator.scoring.floor;
      if (cap !== null && floor !== null && dec(floor).gt(dec(cap))) {
        problems.push({ path: `indicator ${indicator.key}.scoring`, message: 'the floor is above the cap' });
      }
      const weight = rational(indicator.weight);
      if (indicator.direction === 'lower' && indicator.scoring.method === 'ratio' && cap === null) {
        problems.push({ path: `indicator ${indicator.key}`, message: 'a lower-is-better ratio needs a cap' });
      }
      if (!dec(indicator.weight).isPositive() || dec(indicator.weight).isZero()) {
        problems.push({ path: `indicator ${indicator.key}.weight`, message: 'must be positive' });
      }
      if (dec(indicator.factor).lte(0)) {
        problems.push({ path: `indicator ${indicator.key}.factor`, message: 'must be positive' });
      }
      if (indicator.notApplicable.method === 'fixed') {
        toUnits(indicator.notApplicable.score, `indicator ${indicator.key}.notApplicable.score`);
      }
      return {
        indicator,
        factor: approx(indicator.factor),
        weight: approx(indicator.weight),
        cap: cap === null ? null : approx(cap),
        capUnits: cap === null ? null : roundUnits(mul(weight, rational(cap)), scoreDp),
        floor: floor === null ? null : approx(floor),
        floorUnits: floor === null ? null : roundUnits(mul(weight, rational(floor)), scoreDp),
        exact: {
          factor: rational(indicator.factor),
          weight,
          cap: cap === null ? null : rational(cap),
          floor: floor === null ? null : rational(floor),
        },
      };
    });
    const { bands, thresholds } = cohort.classification;
    let previous = new Dec(0);
    for (const band of bands ?? []) {
      const share = dec(band.cumulativeShare);
      if (share.lt(previous) || share.gt(1)) {
        problems.push({
          path: `cohort ${cohort.id}.bands`,
          message: 'cumulative shares must rise and stay ≤ 1',
        });
      }
      previous = share;
    }
    return {
      cohort,
      index,
      indicators,
      indicatorMap: new Map(set.map((indicator) => [indicator.key, indicator])),
      bands: bands ? bands.map((band) => band.cumulativeShare) : null,
      bandRounding: (bands ?? []).map((band) => band.rounding ?? 'floor'),
      thresholdUnits: thresholds
        ? thresholds.map((threshold) => toUnits(threshold.minScore, `cohort ${cohort.id}.thresholds`))
        : null,
    };
  });

  const compiled: CompiledScheme = {
    scheme,
    scoreDp,
    outOfScope: scheme.scope.outOfScope,
    exempt: scheme.scope.exempt,
    cohorts,
    classIds,
    bonus: items(scheme.bonus.items, 'bonus.items'),
    penalty: items(scheme.penalty.items, 'penalty.items'),
    bonusCapUnits: scheme.bonus.cap === null ? null : toUnits(scheme.bonus.cap, 'bonus.cap'),
    penaltyCapUnits: scheme.penalty.cap === null ? null : toUnits(scheme.penalty.cap, 'penalty.cap'),
    overrides: scheme.overrides.map((step) => ({
      step,
      when: 'when' in step ? step.when : null,
      classIndex: 'class' in step ? classIds.indexOf(step.class) : -1,
    })),
    figureKeys: figureKeysOf(scheme, cohorts),
  };
  if (problems.length > 0) throw new InvalidSchemeError(problems);
  return compiled;
}

/** The figures a run reads, so that one pass over the records can turn them all into floats. */
function figureKeysOf(scheme: Scheme, cohorts: readonly CompiledCohort[]): string[] {
  const indicators = cohorts.flatMap((cohort) => cohort.indicators.map((compiled) => compiled.indicator));
  const conditions: Condition[] = [
    ...scheme.scope.outOfScope.map((rule) => rule.when),
    ...scheme.scope.exempt.map((rule) => rule.when),
    ...scheme.cohorts.map((cohort) => cohort.when),
    ...[...scheme.bonus.items, ...scheme.penalty.items].flatMap((item) => (item.when ? [item.when] : [])),
    ...scheme.overrides.flatMap((step) => ('when' in step ? [step.when] : [])),
  ];
  const figures: readonly string[] = FIGURE_KEYS;
  const keys = new Set<string>([
    ...indicators.flatMap((indicator) => [indicator.numerator, indicator.denominator]),
    ...scheme.tieBreak,
    ...conditions.flatMap((condition) => figuresNamed(condition, indicators)),
    ...scheme.cohorts.flatMap((cohort) => cohort.requiredFields).filter((key) => figures.includes(key)),
  ]);
  return [...keys];
}
