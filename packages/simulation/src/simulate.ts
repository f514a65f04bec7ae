import { majorGroupLabel, majorGroupOf, UNSPECIFIED } from '@mujun/reports';
import { grade } from '@mujun/scoring';
import type {
  DecimalString,
  EnterpriseRecord,
  EnterpriseResult,
  Grading,
  Scheme,
  Status,
} from '@mujun/scoring';
import type { ClassHistoryEntry } from '@mujun/surcharges';
import { whyMoved } from './reasons.js';
import type { SimulationRule } from './reasons.js';
import { surchargeImpact } from './surcharge-impact.js';
import type { SurchargeImpact } from './surcharge-impact.js';

/**
 * Method simulation: the same records graded twice, under the method in force and a proposed one, and
 * compared enterprise by enterprise. Pure: two independent `grade` calls and a comparison, so what it
 * says of each enterprise is exactly what each grade says (the property test checks that).
 */

/** The class column of an enterprise with no class (out of scope). */
export const NO_CLASS = '—';

/** One enterprise under one method. */
export interface SimulationSide {
  readonly finalClass: string | null;
  readonly totalScore: DecimalString | null;
  readonly rank: number | null;
  readonly status: Status;
  readonly cohort: string | null;
  readonly bandClass: string | null;
}

/** Up or down the class order (A best); `changed` between classes the order cannot compare (T, none). */
export type Move = 'up' | 'down' | 'same' | 'changed';

export interface SimulatedEnterprise {
  readonly uscc: string;
  readonly name: string;
  readonly town: string | null;
  readonly industryCode: string | null;
  readonly current: SimulationSide;
  readonly proposed: SimulationSide;
  readonly move: Move;
  /** The rules that moved it (from the two traces); empty when its class did not change. */
  readonly rules: readonly SimulationRule[];
  /** The same in sentences a clerk can read out. */
  readonly reasons: readonly string[];
}

/** Counts by class under each method for one town or industry. */
export interface GroupDistribution {
  readonly group: string;
  readonly enterprises: number;
  readonly current: Readonly<Record<string, number>>;
  readonly proposed: Readonly<Record<string, number>>;
  readonly up: number;
  readonly down: number;
  readonly changed: number;
}

export interface RuleCount {
  readonly rule: SimulationRule;
  readonly label: string;
  readonly enterprises: number;
}

export interface Simulation {
  readonly current: { readonly id: string; readonly name: string };
  readonly proposed: { readonly id: string; readonly name: string };
  /** The 评价年度 the data is of, when known (it sets the 差别化电价 runs of D years). */
  readonly year: number | null;
  /** Row and column order of the matrix: both methods' rated classes, exempt classes, then none. */
  readonly classOrder: readonly string[];
  /** matrix[current][proposed]: how many enterprises. */
  readonly matrix: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly totals: {
    readonly enterprises: number;
    readonly moved: number;
    readonly up: number;
    readonly down: number;
    readonly changed: number;
    readonly same: number;
  };
  /** How many moved enterprises each rule took part in (one enterprise may count under several). */
  readonly byRule: readonly RuleCount[];
  readonly byTown: readonly GroupDistribution[];
  readonly byIndustry: readonly GroupDistribution[];
  /** Null when neither method has an electricity price policy. */
  readonly surcharges: SurchargeImpact | null;
  /** Every enterprise, in the current method's output order. */
  readonly enterprises: readonly SimulatedEnterprise[];
  readonly warnings: readonly string[];
}

export interface SimulationInput {
  readonly records: readonly EnterpriseRecord[];
  readonly current: Scheme;
  readonly proposed: Scheme;
  readonly year?: number | null;
  /** Final classes of earlier years, for the runs of D years the 差别化电价 tiers read. */
  readonly history?: readonly ClassHistoryEntry[];
}

export const RULE_LABELS: Readonly<Record<SimulationRule, string>> = {
  scope: '评价范围（参评、暂不评价、不纳入评价）',
  cohort: '评价分组',
  band: '得分、排名与分档比例',
  override: '类别调整规则（亩均税收底线、提档、一票否决、保护等）',
};

function side(result: EnterpriseResult): SimulationSide {
  return {
    finalClass: result.finalClass,
    totalScore: result.totalScore,
    rank: result.rank,
    status: result.status,
    cohort: result.cohort,
    bandClass: result.bandClass,
  };
}

function moveOf(order: readonly string[], from: string | null, to: string | null): Move {
  if (from === to) return 'same';
  const a = from === null ? -1 : order.indexOf(from);
  const b = to === null ? -1 : order.indexOf(to);
  if (a < 0 || b < 0) return 'changed';
  return b < a ? 'up' : 'down';
}

function emptyCounts(order: readonly string[]): Record<string, number> {
  return Object.fromEntries(order.map((id) => [id, 0]));
}

function industryGroup(code: string | null): string {
  if (code === null || code.trim() === '') return UNSPECIFIED;
  const group = majorGroupOf(code);
  return group === null ? code.trim() : majorGroupLabel(group);
}

const collator = new Intl.Collator('zh-CN', { numeric: true });
function compareGroups(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNSPECIFIED) return 1;
  if (b === UNSPECIFIED) return -1;
  return collator.compare(a, b) || (a < b ? -1 : 1);
}

function distribution(
  enterprises: readonly SimulatedEnterprise[],
  groupOf: (e: SimulatedEnterprise) => string,
  order: readonly string[],
): GroupDistribution[] {
  const groups = new Map<
    string,
    {
      enterprises: number;
      current: Record<string, number>;
      proposed: Record<string, number>;
      up: number;
      down: number;
      changed: number;
    }
  >();
  for (const e of enterprises) {
    const key = groupOf(e);
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        enterprises: 0,
        current: emptyCounts(order),
        proposed: emptyCounts(order),
        up: 0,
        down: 0,
        changed: 0,
      };
      groups.set(key, group);
    }
    group.enterprises++;
    const from = e.current.finalClass ?? NO_CLASS;
    const to = e.proposed.finalClass ?? NO_CLASS;
    group.current[from] = (group.current[from] ?? 0) + 1;
    group.proposed[to] = (group.proposed[to] ?? 0) + 1;
    if (e.move === 'up' || e.move === 'down' || e.move === 'changed') group[e.move]++;
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareGroups(a, b))
    .map(([group, counts]) => ({ group, ...counts }));
}

function classOrderOf(current: Scheme, proposed: Scheme, seen: ReadonlySet<string>): string[] {
  const order: string[] = [];
  const add = (id: string) => {
    if (!order.includes(id)) order.push(id);
  };
  for (const c of current.classes) add(c.id);
  for (const c of proposed.classes) add(c.id);
  add(current.exemptClass.id);
  add(proposed.exemptClass.id);
  for (const id of [...seen].sort()) if (id !== NO_CLASS) add(id);
  add(NO_CLASS);
  return order;
}

/** Grades the records under both methods and compares them. */
export function simulate(input: SimulationInput): Simulation {
  const current = grade(input.records, input.current);
  const proposed = grade(input.records, input.proposed);
  return compareGradings(input.records, current, proposed, input.year ?? null, input.history ?? []);
}

/** The comparison of two gradings of the same records (exposed so a caller may grade once and reuse). */
export function compareGradings(
  records: readonly EnterpriseRecord[],
  current: Grading,
  proposed: Grading,
  year: number | null,
  history: readonly ClassHistoryEntry[],
): Simulation {
  const rated = current.scheme.classes.map((c) => c.id);
  const enterprises: SimulatedEnterprise[] = [];
  const seen = new Set<string>();
  const pairs: [EnterpriseResult, EnterpriseResult][] = [];
  for (const now of current.results()) {
    const then = proposed.result(now.uscc);
    if (then === undefined) throw new Error(`the proposed grading lacks ${now.uscc}`);
    pairs.push([now, then]);
    seen.add(now.finalClass ?? NO_CLASS).add(then.finalClass ?? NO_CLASS);
  }
  const classOrder = classOrderOf(current.scheme, proposed.scheme, seen);
  const matrix = Object.fromEntries(classOrder.map((id) => [id, emptyCounts(classOrder)])) as Record<
    string,
    Record<string, number>
  >;
  const totals = { enterprises: 0, moved: 0, up: 0, down: 0, changed: 0, same: 0 };
  const ruleCounts = new Map<SimulationRule, number>();

  for (const [now, then] of pairs) {
    const move = moveOf(rated, now.finalClass, then.finalClass);
    const why =
      move === 'same' ? { rules: [], reasons: [] } : whyMoved(now, then, current.scheme, proposed.scheme);
    for (const rule of why.rules) ruleCounts.set(rule, (ruleCounts.get(rule) ?? 0) + 1);
    const from = now.finalClass ?? NO_CLASS;
    const to = then.finalClass ?? NO_CLASS;
    const row = matrix[from];
    if (row !== undefined) row[to] = (row[to] ?? 0) + 1;
    totals.enterprises++;
    totals[move]++;
    if (move !== 'same') totals.moved++;
    enterprises.push({
      uscc: now.uscc,
      name: now.name,
      town: now.town,
      industryCode: now.industryCode,
      current: side(now),
      proposed: side(then),
      move,
      rules: why.rules,
      reasons: why.reasons,
    });
  }

  const byRule = (Object.keys(RULE_LABELS) as SimulationRule[])
    .filter((rule) => (ruleCounts.get(rule) ?? 0) > 0)
    .map((rule) => ({ rule, label: RULE_LABELS[rule], enterprises: ruleCounts.get(rule) ?? 0 }));

  return {
    current: { id: current.scheme.id, name: current.scheme.name },
    proposed: { id: proposed.scheme.id, name: proposed.scheme.name },
    year,
    classOrder,
    matrix,
    totals,
    byRule,
    byTown: distribution(enterprises, (e) => e.town ?? UNSPECIFIED, classOrder),
    byIndustry: distribution(enterprises, (e) => industryGroup(e.industryCode), classOrder),
    surcharges: surchargeImpact({ records, current, proposed, year, history }),
    enterprises,
    warnings: [
      ...current.warnings.map((w) => `现行办法：${w}`),
      ...proposed.warnings.map((w) => `拟议办法：${w}`),
    ],
  };
}
