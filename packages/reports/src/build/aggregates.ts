import { figureValue } from '../figures.js';
import type { Dataset, Entry } from '../dataset.js';
import { cohortIndicators, indicatorColumns, taxPerMuOf } from '../dataset.js';
import { canonical, dec, ratio, sum, ZERO } from '../decimal.js';
import type { Dec, DecimalString } from '../decimal.js';
import type { Grouping } from './groups.js';
import { byCohort, byIndustry, byTown, groupEntries } from './groups.js';

/**
 * A region's figures the way the method computes a benchmark: Σ numerator × factor / Σ denominator over
 * the rated enterprises the indicator applies to (so a town's 亩均税收 is its total tax over its total
 * land, not the mean of its enterprises' ratios). Sums are exact; each ratio is rounded half-up once, to
 * the scheme's value decimals. For a cohort under an aggregate-ratio scheme this is the benchmark itself.
 */

export interface AggregateColumn {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
}

export interface IndicatorAggregate {
  /** How many rated enterprises it applies to. */
  readonly enterprises: number;
  /** Σ numerator × factor and Σ denominator, exact. */
  readonly numerator: DecimalString;
  readonly denominator: DecimalString;
  /** The ratio, rounded to the scheme's value decimals; null when it applies to none (or Σ is 0). */
  readonly value: DecimalString | null;
}

export interface AggregateRow {
  readonly key: string;
  readonly label: string;
  readonly rated: number;
  /** Σ land (亩) and Σ tax (万元) of the rated enterprises, exact. */
  readonly landMu: DecimalString;
  readonly tax: DecimalString;
  readonly indicators: Readonly<Record<string, IndicatorAggregate>>;
}

export interface AggregateTable {
  readonly grouping: Grouping['id'];
  readonly title: string;
  readonly rows: readonly AggregateRow[];
  readonly total: AggregateRow;
}

export interface Aggregates {
  /** 亩均税收 first (Σ tax / Σ land, whether or not the scheme scores it), then the scheme's other indicators. */
  readonly columns: readonly AggregateColumn[];
  readonly byCohort: AggregateTable;
  readonly byTown: AggregateTable;
  readonly byIndustry: AggregateTable;
}

interface Definition {
  readonly numerator: string;
  readonly denominator: string;
  readonly factor: Dec;
}

/** How a column is computed for an enterprise of a cohort (two cohorts may define a key alike or not). */
function definitions(
  data: Dataset,
  columns: readonly AggregateColumn[],
): Map<string, Map<string, Definition>> {
  const taxPerMu = columns[0]?.key ?? '';
  const byCohort = new Map<string, Map<string, Definition>>();
  for (const cohort of data.scheme.cohorts) {
    const own = new Map<string, Definition>([
      [taxPerMu, { numerator: 'tax', denominator: 'landMu', factor: dec('1') }],
    ]);
    for (const indicator of cohortIndicators(data.scheme, cohort.id)) {
      own.set(indicator.key, {
        // A data-dictionary figure or one the scheme declares (read from the record's `extra`).
        numerator: indicator.numerator,
        denominator: indicator.denominator,
        factor: dec(indicator.factor),
      });
    }
    byCohort.set(cohort.id, own);
  }
  return byCohort;
}

function aggregateRow(
  data: Dataset,
  columns: readonly AggregateColumn[],
  byCohortDefinitions: Map<string, Map<string, Definition>>,
  key: string,
  label: string,
  entries: readonly Entry[],
): AggregateRow {
  const rated = entries.filter((entry) => entry.result.status === 'rated');
  const indicators: Record<string, IndicatorAggregate> = {};
  for (const column of columns) {
    let numerator = ZERO;
    let denominator = ZERO;
    let enterprises = 0;
    for (const { record, result } of rated) {
      const definition = byCohortDefinitions.get(result.cohort ?? '')?.get(column.key);
      if (definition === undefined) continue;
      const n = figureValue(record, definition.numerator);
      const d = figureValue(record, definition.denominator);
      if (n === undefined || d === undefined) continue;
      // Applicable as the engine decided (a denominator missing or 0 is not); the same test where the
      // scheme does not score the column (亩均税收 under a scheme without it).
      const applicable = result.indicators[column.key]?.applicable ?? !dec(d).isZero();
      if (!applicable) continue;
      numerator = numerator.plus(dec(n).times(definition.factor));
      denominator = denominator.plus(dec(d));
      enterprises++;
    }
    indicators[column.key] = {
      enterprises,
      numerator: canonical(numerator),
      denominator: canonical(denominator),
      value: ratio(numerator, denominator, data.scheme.rounding.value),
    };
  }
  return {
    key,
    label,
    rated: rated.length,
    landMu: canonical(sum(rated.map((entry) => entry.record.landMu))),
    tax: canonical(sum(rated.map((entry) => entry.record.tax))),
    indicators,
  };
}

export function aggregateColumns(data: Dataset): AggregateColumn[] {
  const taxPerMu = taxPerMuOf(data.scheme);
  const others = indicatorColumns(data.scheme)
    .filter((indicator) => indicator.key !== taxPerMu.key)
    .map(({ key, label, unit }) => ({ key, label, unit }));
  return [taxPerMu, ...others];
}

export function aggregateTable(data: Dataset, grouping: Grouping): AggregateTable {
  const columns = aggregateColumns(data);
  const defs = definitions(data, columns);
  const rows = groupEntries(data.entries, grouping).map(([key, entries]) =>
    aggregateRow(data, columns, defs, key, grouping.labelOf(key), entries),
  );
  return {
    grouping: grouping.id,
    title: grouping.title,
    rows,
    total: aggregateRow(data, columns, defs, '', '合计', data.entries),
  };
}

export function aggregates(data: Dataset): Aggregates {
  return {
    columns: aggregateColumns(data),
    byCohort: aggregateTable(data, byCohort(data)),
    byTown: aggregateTable(data, byTown),
    byIndustry: aggregateTable(data, byIndustry()),
  };
}
