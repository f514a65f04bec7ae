import type { EnterpriseResult, OverrideResult, Scheme, TraceEntry } from '@mujun/scoring';

/**
 * Why an enterprise's class differs between two methods, read from the two traces: which step of the
 * method decided the difference, in the order the engine applies them.
 *
 * - `scope`: rated under one, exempt (暂不评价) or out of scope (不纳入评价) under the other;
 * - `cohort`: rated in a different cohort;
 * - `band`: another band class from its total score and rank (weights, benchmarks, items or band shares);
 * - `override`: an override step (亩均税收 floor, 提档, 一票否决, protection) acts under one method and not
 *   the other, or acts differently.
 */
export type SimulationRule = 'scope' | 'cohort' | 'band' | 'override';

export interface WhyMoved {
  readonly rules: readonly SimulationRule[];
  readonly reasons: readonly string[];
}

const STATUS_WORDS = { rated: '参评', exempt: '暂不评价', out_of_scope: '不纳入评价' } as const;

function scopeDetail(result: EnterpriseResult): string {
  const line = result.trace.find(
    (entry): entry is Extract<TraceEntry, { rule: 'scope' }> => entry.rule === 'scope',
  );
  return line?.detail ?? STATUS_WORDS[result.status];
}

function cohortLabel(scheme: Scheme, id: string | null): string {
  if (id === null) return '';
  return scheme.cohorts.find((cohort) => cohort.id === id)?.label ?? id;
}

function rankOf(result: EnterpriseResult): string {
  const line = result.trace.find(
    (entry): entry is Extract<TraceEntry, { rule: 'rank' }> => entry.rule === 'rank',
  );
  return line === undefined ? '' : `第 ${String(line.rank)}/${String(line.of)} 名`;
}

function overrideKey(o: OverrideResult): string {
  return `${o.step}|${o.from}|${o.to}`;
}

function overrideText(o: OverrideResult): string {
  return `「${o.label}」${o.reason === '' ? '' : `（${o.reason}）`}${o.from} → ${o.to}`;
}

export function whyMoved(
  current: EnterpriseResult,
  proposed: EnterpriseResult,
  currentScheme: Scheme,
  proposedScheme: Scheme,
): WhyMoved {
  const rules: SimulationRule[] = [];
  const reasons: string[] = [];
  if (current.status !== proposed.status) {
    rules.push('scope');
    reasons.push(
      `评价范围：现行办法${STATUS_WORDS[current.status]}（${scopeDetail(current)}），` +
        `拟议办法${STATUS_WORDS[proposed.status]}（${scopeDetail(proposed)}）`,
    );
    return { rules, reasons };
  }
  if (current.status !== 'rated') {
    // Both unrated with different classes: the schemes name the exempt class differently.
    rules.push('scope');
    reasons.push(
      `评价范围：两办法均${STATUS_WORDS[current.status]}，但类别名称不同（${current.finalClass ?? '无'} → ${proposed.finalClass ?? '无'}）`,
    );
    return { rules, reasons };
  }
  if (current.cohort !== proposed.cohort) {
    rules.push('cohort');
    reasons.push(
      `评价分组：现行办法为${cohortLabel(currentScheme, current.cohort)}，拟议办法为${cohortLabel(proposedScheme, proposed.cohort)}`,
    );
  }
  if (current.bandClass !== proposed.bandClass) {
    rules.push('band');
    reasons.push(
      `分档：现行办法综合得分 ${current.totalScore ?? '—'}、${rankOf(current)}，按比例划入 ${current.bandClass ?? '—'} 档；` +
        `拟议办法综合得分 ${proposed.totalScore ?? '—'}、${rankOf(proposed)}，划入 ${proposed.bandClass ?? '—'} 档`,
    );
  }
  const before = new Map(current.overrides.map((o) => [overrideKey(o), o]));
  const after = new Map(proposed.overrides.map((o) => [overrideKey(o), o]));
  const added = proposed.overrides.filter((o) => !before.has(overrideKey(o)));
  const dropped = current.overrides.filter((o) => !after.has(overrideKey(o)));
  if (added.length > 0 || dropped.length > 0) {
    rules.push('override');
    for (const o of added) reasons.push(`拟议办法调整类别：${overrideText(o)}`);
    for (const o of dropped) reasons.push(`现行办法的调整在拟议办法下不再发生：${overrideText(o)}`);
  }
  if (rules.length === 0) {
    // Same band and the same override steps, yet another class: the steps acted on another starting class.
    rules.push('override');
    reasons.push(
      `类别调整：现行办法 ${current.bandClass ?? '—'} 档经调整为 ${current.finalClass ?? '—'} 类，` +
        `拟议办法 ${proposed.bandClass ?? '—'} 档经调整为 ${proposed.finalClass ?? '—'} 类`,
    );
  }
  return { rules, reasons };
}
