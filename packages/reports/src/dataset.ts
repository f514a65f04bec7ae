import type {
  CohortSummary,
  EnterpriseRecord,
  EnterpriseResult,
  Grading,
  Indicator,
  Scheme,
} from '@mujun/scoring';

/**
 * One grading run joined with the records it graded: what every report is built from. The result's trace
 * is dropped (the reports quote its one scope line, kept as `scopeNote`), so a county's run stays small.
 */

export type LeanResult = Omit<EnterpriseResult, 'trace'>;

export interface Entry {
  readonly record: EnterpriseRecord;
  readonly result: LeanResult;
  /** Why an exempt or out-of-scope enterprise is not rated, in the engine's words; null when rated. */
  readonly scopeNote: string | null;
}

export interface Dataset {
  readonly scheme: Scheme;
  readonly cohorts: Readonly<Record<string, CohortSummary>>;
  /** In the run's output order: each cohort by rank, then the exempt, then the out-of-scope, by code. */
  readonly entries: readonly Entry[];
}

export function dataset(records: readonly EnterpriseRecord[], grading: Grading): Dataset {
  const byCode = new Map(records.map((record) => [record.uscc, record]));
  const entries: Entry[] = [];
  for (const result of grading.results()) {
    const record = byCode.get(result.uscc);
    if (record === undefined) {
      throw new Error(`the grading has an enterprise the records do not: ${result.uscc}`);
    }
    entries.push(datasetEntry(record, result));
  }
  return { scheme: grading.scheme, cohorts: grading.cohorts(), entries };
}

/**
 * One enterprise's entry of `dataset`, for a report of a few enterprises of a county (one town's letters)
 * that need not hold the whole county's entries.
 */
export function datasetEntry(record: EnterpriseRecord, { trace, ...result }: EnterpriseResult): Entry {
  const scope = result.status === 'rated' ? undefined : trace.find((line) => line.rule === 'scope');
  return { record, result, scopeNote: scope?.detail ?? null };
}

/** The label of a cohort id, or the id itself. */
export function cohortLabel(scheme: Scheme, id: string | null): string {
  if (id === null) return '';
  return scheme.cohorts.find((cohort) => cohort.id === id)?.label ?? id;
}

/** The indicators a cohort is scored on, in scheme order. */
export function cohortIndicators(scheme: Scheme, cohortId: string): readonly Indicator[] {
  const cohort = scheme.cohorts.find((candidate) => candidate.id === cohortId);
  return cohort === undefined ? [] : (scheme.indicatorSets[cohort.indicators] ?? []);
}

/** Every indicator key of the scheme once, in scheme order, with the first definition's label and unit. */
export function indicatorColumns(scheme: Scheme): readonly Indicator[] {
  const columns = new Map<string, Indicator>();
  for (const cohort of scheme.cohorts) {
    for (const indicator of scheme.indicatorSets[cohort.indicators] ?? []) {
      if (!columns.has(indicator.key)) columns.set(indicator.key, indicator);
    }
  }
  return [...columns.values()];
}

/** What 亩均税收 is: tax / land, 万元/亩, whether or not a scheme scores it. */
export interface TaxPerMu {
  /** The scheme's indicator key when a scheme indicator is exactly tax / landMu, else `taxPerMu`. */
  readonly key: string;
  readonly label: string;
  readonly unit: string;
}

export function taxPerMuOf(scheme: Scheme): TaxPerMu {
  for (const indicator of indicatorColumns(scheme)) {
    if (indicator.numerator === 'tax' && indicator.denominator === 'landMu' && indicator.factor === '1') {
      return { key: indicator.key, label: indicator.label, unit: indicator.unit };
    }
  }
  return { key: 'taxPerMu', label: '亩均税收', unit: '万元/亩' };
}

/** The name a missing town, park or industry is listed under. */
export const UNSPECIFIED = '（未填）';

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Chinese names in 拼音 order (the zh-CN collation), the unspecified group last, then by code point so that
 * the order is total and the same on every machine with the same ICU.
 */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNSPECIFIED) return 1;
  if (b === UNSPECIFIED) return -1;
  return collator.compare(a, b) || (a < b ? -1 : 1);
}

export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function townOf(entry: Entry): string {
  return entry.record.town ?? UNSPECIFIED;
}
