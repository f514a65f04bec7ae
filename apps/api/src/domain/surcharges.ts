import { parseScheme } from '@mujun/scoring';
import type { EnterpriseRecord, Scheme } from '@mujun/scoring';
import { historyFromResults, NoPolicyError, surchargeList, surchargeTable } from '@mujun/surcharges';
import type { ClassHistoryEntry, PreviousListRow, SurchargeList, SurchargeSubject } from '@mujun/surcharges';
import type { Evaluation, FinalClass, Store } from '../store/store.js';
import { shanghaiDate } from './clock.js';
import { DomainError, DomainErrorCode } from './errors.js';
import { assertFinal } from './lifecycle.js';
import { jsonLines } from '../store/utf8-text.js';

/**
 * The 差别化电价 list (reference-method.md §10) of a final evaluation, built by @mujun/surcharges from
 * what the store holds, so the server and `mujun surcharges` make the same list from the same classes:
 *
 * - this year's classes: the evaluation's final (recomputed) results, with the power accounts and any
 *   existing surcharge from its stored records (no objection can correct those: contestable-fields.ts);
 * - the year: the evaluation's data year, given at upload;
 * - the class history: the final results of the final evaluation of each earlier year in the store (of
 *   a year finalized twice, the later); a year with no final evaluation is a gap, which ends every run;
 * - the publication date: the day of finalization in Asia/Shanghai;
 * - last year's list: the list of the previous year's final evaluation, built the same way under its own
 *   scheme's policy, for the diff (新增 / 移出 / 加价变化); none when there is no such evaluation or its
 *   scheme had no electricity price policy.
 */

export interface SurchargeSources {
  readonly history: readonly { readonly year: number; readonly evaluationId: string }[];
  readonly previous: { readonly year: number; readonly evaluationId: string } | null;
}

export interface BuiltSurchargeList {
  readonly list: SurchargeList;
  readonly sources: SurchargeSources;
}

/** Each stored record with its final class: the list's subjects. */
export function subjectsOf(
  records: readonly EnterpriseRecord[],
  classes: readonly FinalClass[],
): SurchargeSubject[] {
  const classOf = classMap(classes);
  return records.map((record) => subjectOf(record, classOf));
}

function classMap(classes: readonly FinalClass[]): ReadonlyMap<string, string | null> {
  return new Map(classes.map((entry) => [entry.uscc, entry.finalClass]));
}

function subjectOf(record: EnterpriseRecord, classOf: ReadonlyMap<string, string | null>): SurchargeSubject {
  return {
    uscc: record.uscc,
    name: record.name,
    industryCode: record.industryCode ?? null,
    industryName: record.industryName ?? null,
    town: record.town ?? null,
    finalClass: classOf.get(record.uscc) ?? null,
    powerAccounts: record.powerAccounts,
    existingSurchargePerKwh: record.existingSurchargePerKwh ?? null,
  };
}

function dataYear(evaluation: Evaluation): number {
  if (evaluation.year === null) {
    throw new DomainError(
      DomainErrorCode.NoDataYear,
      '评价未登记评价年度，无法确定清单年度和连续D类年数；请在上传数据时填写 year ' +
        '(the evaluation was uploaded without its data year: give `year` when creating an evaluation)',
    );
  }
  return evaluation.year;
}

async function schemeOf(store: Store, evaluation: Evaluation): Promise<Scheme> {
  return parseScheme(JSON.parse(await store.schemeJson(evaluation.id)));
}

function publishedOn(evaluation: Evaluation): string {
  if (evaluation.finalizedAt === null)
    throw new Error(`final evaluation ${evaluation.id} has no finalizedAt`);
  return shanghaiDate(new Date(evaluation.finalizedAt));
}

/**
 * subjectsOf the stored records, read a chunk at a time: each record is dropped once its subject (a few
 * of its fields) is taken, so the county's records are never all parsed at once, nor in one turn of
 * the event loop.
 */
export async function subjectsFromStore(store: Store, evaluation: Evaluation): Promise<SurchargeSubject[]> {
  const [chunks, classes] = await Promise.all([
    store.recordChunks(evaluation.id),
    store.finalClasses(evaluation.id, 'recomputed'),
  ]);
  const classOf = classMap(classes);
  const subjects: SurchargeSubject[] = [];
  for (const chunk of chunks) {
    for (const json of jsonLines([chunk]))
      subjects.push(subjectOf(JSON.parse(json) as EnterpriseRecord, classOf));
    // A turn of the event loop between chunks: parsing a county's records at once held it for 0.5 s
    // at 20,000 (bench:api:memory --only surcharges --lookups 4).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return subjects;
}

/**
 * Last year's list as the diff reads it, or null when there was none: the previous year's final
 * evaluation under its own scheme (the policy then in force), its history the years before it.
 */
async function previousList(
  store: Store,
  evaluation: Evaluation,
  history: readonly ClassHistoryEntry[],
): Promise<PreviousListRow[] | null> {
  const scheme = await schemeOf(store, evaluation);
  try {
    surchargeTable(scheme, 'electricity');
  } catch (error) {
    if (error instanceof NoPolicyError) return null;
    throw error;
  }
  const year = dataYear(evaluation);
  const list = surchargeList({
    scheme,
    year,
    subjects: await subjectsFromStore(store, evaluation),
    history: history.filter((entry) => entry.year < year),
    publishedOn: publishedOn(evaluation),
    // Not compared: the diff reads the enterprise, the account and the price.
    documentNumber: `${String(year)} 年度清单`,
  });
  return list.rows.map((row, i) => ({
    uscc: row.uscc,
    name: row.name,
    account: row.account,
    price: row.price,
    source: { file: `evaluation ${evaluation.id}`, row: i + 1 },
  }));
}

/** The list of a final evaluation; 409 when it is not final, has no data year, or its scheme no policy. */
export async function buildSurchargeList(
  store: Store,
  evaluation: Evaluation,
  documentNumber: string,
): Promise<BuiltSurchargeList> {
  assertFinal(evaluation);
  const year = dataYear(evaluation);
  const scheme = await schemeOf(store, evaluation);
  surchargeTable(scheme, 'electricity');

  const earlier = await store.finalEvaluationsBefore(year);
  const history: ClassHistoryEntry[] = [];
  for (const before of earlier) {
    history.push(...historyFromResults(dataYear(before), await store.finalClasses(before.id, 'recomputed')));
  }
  const last = earlier.find((before) => before.year === year - 1);
  const previous = last === undefined ? null : await previousList(store, last, history);

  const list = surchargeList({
    scheme,
    year,
    subjects: await subjectsFromStore(store, evaluation),
    history,
    publishedOn: publishedOn(evaluation),
    documentNumber,
    previous,
  });
  return {
    list,
    sources: {
      history: earlier.map((before) => ({ year: dataYear(before), evaluationId: before.id })),
      previous: last === undefined || previous === null ? null : { year: year - 1, evaluationId: last.id },
    },
  };
}
