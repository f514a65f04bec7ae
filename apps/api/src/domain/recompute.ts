import type { EnterpriseRecord, EnterpriseResult, Grading } from '@mujun/scoring';
import type { DecidedItem, Evaluation, Recomputation } from '../store/store.js';
import type { ContestableField } from './contestable-fields.js';
import { CONTESTABLE_FIELDS, correctionOf, reviewerName, valueText } from './contestable-fields.js';
import { plainTrace } from './wording.js';

type Correction = Recomputation['changes'][number]['corrections'][number];

/**
 * The records with every upheld item's corrected value in place of the figure it contested, and the
 * corrections per enterprise. Rejected items change nothing. Records are copied, never mutated.
 */
export function correctRecords(
  records: readonly EnterpriseRecord[],
  items: readonly DecidedItem[],
): { readonly records: EnterpriseRecord[]; readonly corrections: Map<string, Correction[]> } {
  const corrections = new Map<string, Correction[]>();
  const changes = new Map<string, Partial<Record<string, unknown>>>();
  for (const item of items) {
    if (item.status !== 'upheld' || item.correctedValue === null) continue;
    const spec = CONTESTABLE_FIELDS[item.field];
    changes.set(item.uscc, { ...changes.get(item.uscc), ...correctionOf(item.field, item.correctedValue) });
    const list = corrections.get(item.uscc) ?? [];
    list.push({
      field: item.field,
      header: spec.header,
      department: spec.department,
      from: item.currentValue,
      to: item.correctedValue,
      objectionId: item.objectionId,
      itemId: item.itemId,
    });
    corrections.set(item.uscc, list);
  }
  const corrected = records.map((record) => {
    const change = changes.get(record.uscc);
    return change === undefined ? record : { ...record, ...change };
  });
  return { records: corrected, corrections };
}

function benchmarkChanges(
  before: Evaluation['summary'],
  after: Evaluation['summary'],
): Recomputation['benchmarks'] {
  const changed: Recomputation['benchmarks'] = {};
  for (const [cohort, summary] of Object.entries(after.cohorts)) {
    const previous = before.cohorts[cohort]?.benchmarks ?? {};
    const entries = Object.entries(summary.benchmarks)
      .filter(([key, value]) => (previous[key] ?? null) !== value)
      .map(([key, value]) => [key, { before: previous[key] ?? null, after: value }] as const);
    if (entries.length > 0) changed[cohort] = Object.fromEntries(entries);
  }
  return changed;
}

/** Why an enterprise changed, in the words of the trace: its own corrections, then what the new grading says. */
function reasons(
  before: EnterpriseResult,
  after: EnterpriseResult,
  own: readonly Correction[],
  benchmarksMoved: boolean,
): string[] {
  const why = own.map((correction) => {
    const field = correction.field as ContestableField;
    const name = correction.header.replace(/\([^()]*\)$/, '');
    return `${name} ${valueText(field, correction.from)} → ${valueText(field, correction.to)}（异议经${reviewerName(correction.department)}核实采纳）`;
  });
  if (own.length === 0 && benchmarksMoved) why.push('本组基准值因其他企业的数据更正而变化，得分随之变化');
  if (before.totalScore !== after.totalScore)
    why.push(`总分 ${before.totalScore ?? '—'} → ${after.totalScore ?? '—'}`);
  if (before.rank !== after.rank) why.push(`名次 ${before.rank ?? '—'} → ${after.rank ?? '—'}`);
  if (before.finalClass !== after.finalClass) {
    for (const entry of after.trace) {
      if (entry.rule === 'band' || entry.rule === 'override' || entry.rule === 'scope')
        why.push(plainTrace(entry.detail));
    }
    why.push(`类别 ${before.finalClass ?? '—'} → ${after.finalClass ?? '—'}`);
  }
  return why;
}

/** The diff between the published grading and the recomputed one: every enterprise that changed, and why. */
export function recomputation(
  evaluationId: string,
  at: string,
  before: { readonly summary: Evaluation['summary']; readonly results: readonly EnterpriseResult[] },
  after: { readonly summary: Evaluation['summary']; readonly grading: Grading },
  corrections: ReadonlyMap<string, readonly Correction[]>,
): Recomputation {
  const benchmarks = benchmarkChanges(before.summary, after.summary);
  const previous = new Map(before.results.map((result) => [result.uscc, result]));
  const changes: Recomputation['changes'] = [];
  let applied = 0;
  let scoreOnly = 0;
  for (const result of after.grading.results()) {
    const old = previous.get(result.uscc);
    const own = corrections.get(result.uscc) ?? [];
    applied += own.length;
    if (old === undefined) continue;
    // Listed: whoever was corrected, or moved class, rank or cohort. A score that only followed the
    // cohort's new benchmarks is counted, not listed: nothing about it needs announcing.
    const listed =
      own.length > 0 ||
      old.finalClass !== result.finalClass ||
      old.rank !== result.rank ||
      old.cohort !== result.cohort;
    if (!listed) {
      if (old.totalScore !== result.totalScore) scoreOnly++;
      continue;
    }
    const benchmarksMoved = result.cohort !== null && benchmarks[result.cohort] !== undefined;
    changes.push({
      uscc: result.uscc,
      name: result.name,
      town: result.town,
      cohortBefore: old.cohort,
      cohortAfter: result.cohort,
      classBefore: old.finalClass,
      classAfter: result.finalClass,
      scoreBefore: old.totalScore,
      scoreAfter: result.totalScore,
      rankBefore: old.rank,
      rankAfter: result.rank,
      movedClass: old.finalClass !== result.finalClass,
      corrections: [...own],
      why: reasons(old, result, own, benchmarksMoved),
    });
  }
  // Movers first: they are what the bureau has to announce.
  changes.sort((a, b) => Number(b.movedClass) - Number(a.movedClass));
  return {
    evaluationId,
    recomputedAt: at,
    corrections: applied,
    benchmarks,
    changes,
    scoreOnly,
    summary: after.summary,
  };
}
