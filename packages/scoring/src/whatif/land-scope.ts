import { Dec, canonical, dec } from '../decimal/decimal.js';
import type { CompiledScheme } from '../engine/compile.js';
import { figureOf } from '../engine/figures.js';
import { STATUS } from '../engine/run-state.js';
import { placeRecords } from '../engine/status.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Condition } from '../scheme/condition.js';

/**
 * How far toNextClass may search a land reduction: the largest whole-cent reduction r ≤ `upTo` such that
 * every reduction of 0.01 … r/100 亩 leaves the record rated in the cohort it is graded in (0: not even
 * 0.01 does).
 *
 * Why: land below a scope limit takes an enterprise out of scope (reference method: 规下 under 3 亩) or into
 * another cohort (linhai: 3 亩), where a probe counts as "not better". Its class is then not monotone in
 * land, and a search that probed past the limit (the largest change first, or a gallop) could step over a
 * smaller reduction that works and answer "none can". Kept to this range, the search only sees reductions
 * the grading of its cohort answers.
 *
 * The limit is found with the engine's own scope rules and cohort conditions (status.ts), not a copy of
 * them: a rule on land changes its truth only where land crosses one of its values (a `landMu` comparison,
 * or a ratio with land on one side), so between those points the placement is the same for every cent,
 * and the record is placed at the first cents after each point (a few cents either side, against decimal
 * error in a quotient) and at 0.01; the first one placed elsewhere ends the range just before it.
 */
export function landScopeCents(
  compiled: CompiledScheme,
  record: EnterpriseRecord,
  cohort: number,
  upTo: number,
): number {
  const land = dec(record.landMu);
  const conditions: Condition[] = [
    ...compiled.outOfScope.map((rule) => rule.when),
    ...compiled.exempt.map((rule) => rule.when),
    ...compiled.cohorts.map((c) => c.cohort.when),
  ];
  const candidates = new Set<number>([1]);
  for (const at of conditions.flatMap((condition) => landPoints(condition, record))) {
    // The reduction (cents) that brings land to `at`; the placement may change there and just past it.
    const cents = land.minus(at).times(100).floor();
    // Only points inside the range (past it, cents may be beyond whole floats: 10^18 亩 of land).
    if (cents.lt(-2) || cents.gt(upTo)) continue;
    const near = cents.toNumber();
    for (let c = near - 1; c <= near + 2; c++) if (c >= 1 && c <= upTo) candidates.add(c);
  }
  const sorted = [...candidates].filter((c) => c <= upTo).sort((a, b) => a - b);
  const variants = sorted.map((c) => ({ ...record, landMu: canonical(land.minus(new Dec(c).div(100))) }));
  const placed = placeRecords(compiled, variants);
  for (let k = 0; k < sorted.length; k++) {
    const at = placed[k];
    if (at?.status !== STATUS.rated || at.cohort !== cohort) return (sorted[k] as number) - 1;
  }
  return upTo;
}

/** The land values (亩) at which a condition's truth may change, for this record's other figures. */
function landPoints(condition: Condition, record: EnterpriseRecord): Dec[] {
  if ('figure' in condition) return condition.figure === 'landMu' ? [dec(condition.value)] : [];
  if ('ratio' in condition) {
    const [top, bottom] = condition.ratio;
    if ((top === 'landMu') === (bottom === 'landMu')) return [];
    const value = dec(condition.value);
    const other = figureOf(record, top === 'landMu' ? bottom : top);
    if (other === undefined) return [];
    // top / bottom = value: land = value × bottom, or land = top / value.
    if (top === 'landMu') return [value.times(dec(other))];
    return value.isZero() ? [] : [dec(other).div(value)];
  }
  if ('all' in condition) return condition.all.flatMap((part) => landPoints(part, record));
  if ('any' in condition) return condition.any.flatMap((part) => landPoints(part, record));
  if ('not' in condition) return landPoints(condition.not, record);
  // Indicator conditions are false before cohorts are known; the others do not read land.
  return [];
}
