import { dec, fixed } from '@mujun/scoring';
import type { EnterpriseRecord, EnterpriseResult, Grading } from '@mujun/scoring';
import type { Evaluation, LedgerFile, LedgerReason, NewLedgerFile, Store } from '../store/store.js';
import { newId } from './ids.js';
import { regraded } from './regrade.js';
import type { HeldGradings, Regraded } from './regrade.js';

/**
 * The 一企一档 rectification ledger (issue 16, part 3). The screening list is the 低效企业 list
 * @mujun/reports writes (a rated enterprise whose 亩均税收, tax / land unrounded, is under the line:
 * decided as tax < line × land, no division) and, if the bureau asks, every enterprise of final class D.
 * Next year's outcome is read from the next final evaluation of a later year in the store, the same
 * final years the history across years reads (domain/history.ts).
 */

const WORST = 'D';

interface Screened {
  readonly record: EnterpriseRecord;
  readonly result: EnterpriseResult;
}

/** Below the line, exactly: tax < line × land (an enterprise without land is never below). */
function below(record: EnterpriseRecord, line: string): boolean {
  const land = dec(record.landMu);
  return !land.isZero() && dec(record.tax).lessThan(dec(line).times(land));
}

function taxPerMu(record: EnterpriseRecord, dp: number): string | null {
  const land = dec(record.landMu);
  return land.isZero() ? null : fixed(dec(record.tax).div(land), dp);
}

function joined(records: readonly EnterpriseRecord[], grading: Grading): Screened[] {
  const byCode = new Map(records.map((record) => [record.uscc, record]));
  const rows: Screened[] = [];
  for (const result of grading.results()) {
    const record = byCode.get(result.uscc);
    if (record !== undefined) rows.push({ record, result });
  }
  return rows;
}

/** The files the screening list of a grading asks for: one per enterprise on it. */
export function screeningFiles(
  records: readonly EnterpriseRecord[],
  grading: Grading,
  line: string,
  classD: boolean,
): NewLedgerFile[] {
  const dp = grading.scheme.rounding.value;
  const files: NewLedgerFile[] = [];
  for (const { record, result } of joined(records, grading)) {
    if (result.status !== 'rated') continue;
    const reasons: LedgerReason[] = [];
    if (below(record, line)) reasons.push('tax-per-mu');
    if (classD && result.finalClass === WORST) reasons.push('class-d');
    if (reasons.length === 0) continue;
    files.push({
      id: newId('led'),
      uscc: result.uscc,
      name: result.name,
      town: result.town,
      industryCode: result.industryCode,
      taxPerMu: taxPerMu(record, dp),
      finalClass: result.finalClass,
      reasons,
    });
  }
  return files;
}

export type NextOutcome = 'pending' | 'moved-up' | 'still-below' | 'exited' | 'not-rated';

export interface NextYear {
  readonly year: number | null;
  readonly evaluationId: string | null;
  readonly outcome: NextOutcome;
  readonly finalClass: string | null;
  readonly taxPerMu: string | null;
}

export const PENDING: NextYear = {
  year: null,
  evaluationId: null,
  outcome: 'pending',
  finalClass: null,
  taxPerMu: null,
};

/**
 * Each file's enterprise in the first final evaluation of a later year: still on the screening list by
 * the same line (still-below), off it (moved-up), in it but not rated (not-rated), or not in it at all
 * (exited). Pending while no later year is final.
 */
export async function nextYears(
  store: Store,
  work: HeldGradings,
  evaluation: Evaluation,
  files: readonly LedgerFile[],
  line: string,
  classD: boolean,
): Promise<Map<string, NextYear>> {
  const answers = new Map<string, NextYear>();
  if (evaluation.year === null || files.length === 0) return answers;
  const later = (await store.finalEvaluationsBefore(9999))
    .filter((e) => e.year !== null && e.year > (evaluation.year ?? 0))
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0))[0];
  if (later === undefined) return answers;
  const base = { year: later.year, evaluationId: later.id };
  const outcomes = await regraded(store, work, later.id, 'recomputed', 'nextOutcomes', {
    usccs: files.map((file) => file.uscc),
    line,
    classD,
  });
  for (const [uscc, outcome] of outcomes) answers.set(uscc, { ...base, ...outcome });
  return answers;
}

/** Each enterprise's outcome in a later grading (see nextYears), where that grading is held. */
export type NextOutcomeOf = Omit<NextYear, 'year' | 'evaluationId'>;

export function nextOutcomes(
  { records, grading }: Regraded,
  request: { readonly usccs: readonly string[]; readonly line: string; readonly classD: boolean },
): [string, NextOutcomeOf][] {
  const dp = grading.scheme.rounding.value;
  // Only the files' enterprises are written out: every result of the county, each with its trace, is
  // seconds of CPU on every page load.
  const recordOf = new Map(records.map((record) => [record.uscc, record]));
  return request.usccs.map((uscc): [string, NextOutcomeOf] => {
    const record = recordOf.get(uscc);
    const result = record === undefined ? undefined : grading.result(uscc);
    if (record === undefined || result === undefined) {
      return [uscc, { outcome: 'exited', finalClass: null, taxPerMu: null }];
    }
    const still = below(record, request.line) || (request.classD && result.finalClass === WORST);
    return [
      uscc,
      {
        outcome: result.status !== 'rated' ? 'not-rated' : still ? 'still-below' : 'moved-up',
        finalClass: result.finalClass,
        taxPerMu: taxPerMu(record, dp),
      },
    ];
  });
}

/** The files the screening list asks for, of the final grading once there is one, else the published one. */
export function screeningOf(
  store: Store,
  work: HeldGradings,
  evaluation: Evaluation,
  request: { readonly line: string; readonly classD: boolean },
): Promise<NewLedgerFile[]> {
  const phase = evaluation.state === 'recomputed' || evaluation.state === 'final' ? 'recomputed' : 'initial';
  return regraded(store, work, evaluation.id, phase, 'screening', request);
}

export interface ProgressRow {
  readonly group: string;
  readonly files: number;
  readonly pending: number;
  readonly in_progress: number;
  readonly completed: number;
  readonly movedUp: number;
}

export const UNASSIGNED = '未指定';
const NO_TOWN = '未填乡镇街道';

/** Files per town and per measure, by status, with how many moved up next year. */
export function progress(
  files: readonly LedgerFile[],
  next: ReadonlyMap<string, NextYear>,
): { byTown: ProgressRow[]; byMeasure: ProgressRow[] } {
  const tally = (groups: Map<string, ProgressRow>, group: string, file: LedgerFile) => {
    const row = groups.get(group) ?? {
      group,
      files: 0,
      pending: 0,
      in_progress: 0,
      completed: 0,
      movedUp: 0,
    };
    groups.set(group, {
      ...row,
      files: row.files + 1,
      [file.status]: row[file.status] + 1,
      movedUp: row.movedUp + (next.get(file.uscc)?.outcome === 'moved-up' ? 1 : 0),
    });
  };
  const towns = new Map<string, ProgressRow>();
  const measures = new Map<string, ProgressRow>();
  for (const file of files) {
    tally(towns, file.town ?? NO_TOWN, file);
    const list = file.measures.length === 0 ? [UNASSIGNED] : file.measures;
    for (const measure of new Set(list)) tally(measures, measure, file);
  }
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const STANDARD = ['帮扶提升', '限期整改', '要素倒逼', '税务辅导'];
  const measureOrder = (a: string, b: string) => {
    const rank = (m: string) => (m === UNASSIGNED ? 99 : STANDARD.includes(m) ? STANDARD.indexOf(m) : 50);
    return rank(a) - rank(b) || collator.compare(a, b);
  };
  return {
    byTown: [...towns.values()].sort((a, b) => collator.compare(a.group, b.group)),
    byMeasure: [...measures.values()].sort((a, b) => measureOrder(a.group, b.group)),
  };
}
