import { dec, fixed } from '@mujun/scoring';
import type { EnterpriseResult } from '@mujun/scoring';
import { majorGroupLabel, majorGroupOf, UNSPECIFIED } from '@mujun/reports';
import { classHistory, consecutiveYears } from '@mujun/surcharges';
import type { Evaluation, PastResultRow, Store } from '../store/store.js';

/**
 * History across years: each year's result of an enterprise, from the final evaluation of every year in
 * the store (of a year finalized twice, the later) and, for the years before the system, from the past
 * years the bureau imported; a year in both is the evaluation's. The run of consecutive D years is
 * counted as the 差别化电价 list counts it (@mujun/surcharges' consecutiveYears: a gap or another class
 * ends it).
 */

export interface HistoryIndicator {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly value: string | null;
}

export interface HistoryYear {
  readonly year: number;
  readonly source: 'evaluation' | 'imported';
  readonly evaluationId: string | null;
  readonly name: string;
  readonly town: string | null;
  readonly finalClass: string | null;
  readonly totalScore: string | null;
  readonly rank: number | null;
  readonly rated: number | null;
  /** rank / rated in percent, 1 decimal half-up: 前 12.5%. Null without both. */
  readonly percentile: string | null;
  readonly taxPerMu: string | null;
  readonly indicators: readonly HistoryIndicator[];
}

export interface EnterpriseHistory {
  readonly uscc: string;
  readonly name: string;
  readonly years: readonly HistoryYear[];
  /** Consecutive years in `class` ending with the latest year; 0 when the latest is another class. */
  readonly streak: { readonly class: string; readonly years: number };
}

const WORST = 'D';

function percentile(rank: number | null, rated: number | null): string | null {
  if (rank === null || rated === null || rated === 0) return null;
  return fixed(
    dec(String(rank))
      .times(100)
      .div(dec(String(rated))),
    1,
  );
}

/** The final evaluation of each year, newest first. */
export async function finalYears(store: Store): Promise<Evaluation[]> {
  return store.finalEvaluationsBefore(9999);
}

function imported(row: PastResultRow): HistoryYear {
  return {
    year: row.year,
    source: 'imported',
    evaluationId: null,
    name: row.name,
    town: row.town,
    finalClass: row.finalClass,
    totalScore: row.totalScore,
    rank: row.rank,
    rated: row.rated,
    percentile: percentile(row.rank, row.rated),
    taxPerMu: row.taxPerMu,
    indicators: [],
  };
}

function fromResult(evaluation: Evaluation, result: EnterpriseResult): HistoryYear {
  const rated = result.cohort === null ? null : (evaluation.summary.cohorts[result.cohort]?.rated ?? null);
  const indicators = Object.entries(result.indicators).map(([key, indicator]) => ({
    key,
    label: indicator.label,
    unit: indicator.unit,
    value: indicator.value,
  }));
  return {
    year: evaluation.year ?? 0,
    source: 'evaluation',
    evaluationId: evaluation.id,
    name: result.name,
    town: result.town,
    finalClass: result.finalClass,
    totalScore: result.totalScore,
    rank: result.rank,
    rated,
    percentile: percentile(result.rank, rated),
    taxPerMu: indicators.find((i) => i.label === '亩均税收')?.value ?? null,
    indicators,
  };
}

/** Undefined when the enterprise is in no final evaluation and no imported year. */
export async function enterpriseHistory(store: Store, uscc: string): Promise<EnterpriseHistory | undefined> {
  const years = new Map<number, HistoryYear>();
  for (const row of await store.pastResults({ uscc })) years.set(row.year, imported(row));
  for (const evaluation of await finalYears(store)) {
    if (evaluation.year === null) continue;
    const stored = await store.result(evaluation.id, 'recomputed', uscc);
    if (stored === undefined) continue;
    years.set(evaluation.year, fromResult(evaluation, JSON.parse(stored.resultJson) as EnterpriseResult));
  }
  const sorted = [...years.values()].sort((a, b) => a.year - b.year);
  const latest = sorted.at(-1);
  if (latest === undefined) return undefined;
  const history = classHistory(
    sorted.flatMap((y) => (y.finalClass === null ? [] : [{ uscc, year: y.year, class: y.finalClass }])),
  );
  return {
    uscc,
    name: latest.name,
    years: sorted,
    streak: {
      class: WORST,
      years: latest.finalClass === WORST ? consecutiveYears(history, uscc, latest.year, WORST) : 0,
    },
  };
}

export interface OverviewGroup {
  readonly group: string;
  readonly enterprises: number;
  readonly classes: Readonly<Record<string, number>>;
}

export interface OverviewYear {
  readonly year: number;
  readonly source: 'evaluation' | 'imported';
  readonly enterprises: number;
  readonly classes: Readonly<Record<string, number>>;
  readonly groups: readonly OverviewGroup[];
  /** Enterprises whose run of D years, ending this year, is at least 2. */
  readonly dStreaks: number;
}

interface Slim {
  readonly uscc: string;
  readonly town: string | null;
  readonly industryCode: string | null;
  readonly finalClass: string | null;
}

function groupOf(by: 'town' | 'industry', row: Slim): string {
  if (by === 'town') return row.town ?? UNSPECIFIED;
  if (row.industryCode === null || row.industryCode.trim() === '') return UNSPECIFIED;
  const group = majorGroupOf(row.industryCode);
  return group === null ? row.industryCode : majorGroupLabel(group);
}

/**
 * The bureau's year over year: per year (final evaluations and imported years), the class counts of the
 * county and of each town or GB/T 4754 大类, and how many enterprises are in their 2nd or later D year.
 */
export async function historyOverview(store: Store, by: 'town' | 'industry'): Promise<OverviewYear[]> {
  const byYear = new Map<number, { source: 'evaluation' | 'imported'; rows: Slim[] }>();
  for (const row of await store.pastResults({})) {
    const year = byYear.get(row.year) ?? { source: 'imported' as const, rows: [] };
    year.rows.push(row);
    byYear.set(row.year, year);
  }
  for (const evaluation of await finalYears(store)) {
    if (evaluation.year === null) continue;
    // A page of result JSON at a time, only the four fields kept: a year's documents are hundreds of MB.
    const rows: Slim[] = [];
    for await (const page of store.resultDocumentPages(evaluation.id, 'recomputed')) {
      for (const json of page) {
        const r = JSON.parse(json) as EnterpriseResult;
        rows.push({ uscc: r.uscc, town: r.town, industryCode: r.industryCode, finalClass: r.finalClass });
      }
    }
    byYear.set(evaluation.year, { source: 'evaluation', rows });
  }
  const history = classHistory(
    [...byYear.entries()].flatMap(([year, { rows }]) =>
      rows.flatMap((r) => (r.finalClass === null ? [] : [{ uscc: r.uscc, year, class: r.finalClass }])),
    ),
  );
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, { source, rows }]) => {
      const classes: Record<string, number> = {};
      const groups = new Map<string, { enterprises: number; classes: Record<string, number> }>();
      let dStreaks = 0;
      for (const row of rows) {
        const id = row.finalClass ?? '—';
        classes[id] = (classes[id] ?? 0) + 1;
        const key = groupOf(by, row);
        const group = groups.get(key) ?? { enterprises: 0, classes: {} };
        group.enterprises++;
        group.classes[id] = (group.classes[id] ?? 0) + 1;
        groups.set(key, group);
        if (row.finalClass === WORST && consecutiveYears(history, row.uscc, year, WORST) >= 2) dStreaks++;
      }
      return {
        year,
        source,
        enterprises: rows.length,
        classes,
        groups: [...groups.entries()]
          .sort(([a], [b]) => (a === UNSPECIFIED ? 1 : b === UNSPECIFIED ? -1 : collator.compare(a, b)))
          .map(([group, counts]) => ({ group, ...counts })),
        dStreaks,
      };
    });
}
