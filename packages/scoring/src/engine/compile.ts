import { Dec, dec } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';
import { InvalidSchemeError } from '../errors/errors.js';
import type { Cohort, Indicator, Item, OverrideStep, Scheme, ScopeRule } from '../scheme/scheme.js';
import { compileCondition } from './conditions.js';
import type { Predicate } from './conditions.js';
import { approx } from './exact.js';

/** A scheme made ready to run: conditions compiled, decimals turned into integer score units once. */

const always: Predicate = () => true;

export interface CompiledIndicator {
  readonly indicator: Indicator;
  readonly factor: number;
  readonly weight: number;
  /** weight × cap in score units, or null without a cap. */
  readonly capUnits: number | null;
  readonly cap: number | null;
}

export interface CompiledItem {
  readonly item: Item;
  readonly bit: number;
  readonly when: Predicate;
  readonly cohorts: ReadonlySet<string> | null;
}

export interface CompiledCohort {
  readonly cohort: Cohort;
  readonly index: number;
  readonly when: Predicate;
  readonly indicators: readonly CompiledIndicator[];
  readonly indicatorMap: ReadonlyMap<string, Indicator>;
  readonly bands: readonly DecimalString[] | null;
  readonly thresholdUnits: readonly number[] | null;
}

export interface CompiledScopeRule {
  readonly rule: ScopeRule;
  readonly test: Predicate;
}

export interface CompiledScheme {
  readonly scheme: Scheme;
  readonly scoreDp: number;
  readonly outOfScope: readonly CompiledScopeRule[];
  readonly exempt: readonly CompiledScopeRule[];
  readonly cohorts: readonly CompiledCohort[];
  readonly classIds: readonly string[];
  readonly bonus: readonly CompiledItem[];
  readonly penalty: readonly CompiledItem[];
  readonly bonusCapUnits: number | null;
  readonly penaltyCapUnits: number | null;
  readonly overrides: readonly { readonly step: OverrideStep; readonly when: Predicate | null }[];
}

export function compileScheme(scheme: Scheme): CompiledScheme {
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
      if (typeof item.points === 'string') toUnits(item.points, `${path}.${item.id}.points`);
      else {
        toUnits(item.points.base, `${path}.${item.id}.points.base`);
        toUnits(item.points.each, `${path}.${item.id}.points.each`);
      }
      return {
        item,
        bit,
        when: item.when ? compileCondition(item.when) : always,
        cohorts: item.cohorts ? new Set(item.cohorts) : null,
      };
    });
  };

  const cohorts = scheme.cohorts.map((cohort, index): CompiledCohort => {
    const set = scheme.indicatorSets[cohort.indicators] ?? [];
    const indicators = set.map((indicator): CompiledIndicator => {
      const cap = indicator.scoring.method === 'ratio' ? indicator.scoring.cap : null;
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
        capUnits:
          cap === null
            ? null
            : dec(indicator.weight).times(dec(cap)).times(new Dec(10).pow(scoreDp)).round().toNumber(),
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
      when: compileCondition(cohort.when),
      indicators,
      indicatorMap: new Map(set.map((indicator) => [indicator.key, indicator])),
      bands: bands ? bands.map((band) => band.cumulativeShare) : null,
      thresholdUnits: thresholds
        ? thresholds.map((threshold) => toUnits(threshold.minScore, `cohort ${cohort.id}.thresholds`))
        : null,
    };
  });

  const compiled: CompiledScheme = {
    scheme,
    scoreDp,
    outOfScope: scheme.scope.outOfScope.map((rule) => ({ rule, test: compileCondition(rule.when) })),
    exempt: scheme.scope.exempt.map((rule) => ({ rule, test: compileCondition(rule.when) })),
    cohorts,
    classIds: scheme.classes.map((c) => c.id),
    bonus: items(scheme.bonus.items, 'bonus.items'),
    penalty: items(scheme.penalty.items, 'penalty.items'),
    bonusCapUnits: scheme.bonus.cap === null ? null : toUnits(scheme.bonus.cap, 'bonus.cap'),
    penaltyCapUnits: scheme.penalty.cap === null ? null : toUnits(scheme.penalty.cap, 'penalty.cap'),
    overrides: scheme.overrides.map((step) => ({
      step,
      when: 'when' in step ? compileCondition(step.when) : null,
    })),
  };
  if (problems.length > 0) throw new InvalidSchemeError(problems);
  return compiled;
}
