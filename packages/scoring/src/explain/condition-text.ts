import type { Comparison, Condition } from '../scheme/condition.js';
import { headerOf } from '../engine/describe.js';

/**
 * A condition in Chinese words, with no record: what the scheme says, for `scheme explain`. The trace's
 * describeCondition (engine/describe.ts) says the same with one enterprise's figures filled in.
 */

const SYMBOL: Record<Comparison, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=', ne: '≠' };
const SPECIALIZED = { none: '无', province: '省级', national: '国家级' } as const;

/** The Chinese name of an indicator key, from the scheme; the key itself when the scheme has none. */
export type IndicatorLabels = ReadonlyMap<string, string>;

/** A figure's header without its unit in brackets: `用地面积(亩)` → `用地面积`. */
export function figureName(key: string): string {
  return headerOf(key).replace(/[(（][^)）]*[)）]$/, '');
}

function grouped(condition: Condition, labels: IndicatorLabels): string {
  const text = conditionText(condition, labels);
  return 'all' in condition || 'any' in condition ? `（${text}）` : text;
}

export function conditionText(condition: Condition, labels: IndicatorLabels): string {
  if ('flag' in condition) return `${headerOf(condition.flag)}为「是」`;
  if ('reason' in condition) return `填有${headerOf(condition.reason)}`;
  if ('scale' in condition) return `企业规模为${condition.scale === 'above' ? '规上' : '规下'}`;
  if ('specialized' in condition)
    return `专精特新为${condition.specialized.map((s) => SPECIALIZED[s]).join('或')}`;
  if ('figure' in condition)
    return `${headerOf(condition.figure)} ${SYMBOL[condition.op]} ${condition.value}`;
  if ('ratio' in condition) {
    const [top, bottom] = condition.ratio;
    return `${figureName(top)} ÷ ${figureName(bottom)} ${SYMBOL[condition.op]} ${condition.value}`;
  }
  if ('indicator' in condition) {
    const label = labels.get(condition.indicator) ?? condition.indicator;
    return `${label}（未经四舍五入）${SYMBOL[condition.op]} ${condition.value}`;
  }
  if ('industry' in condition) return `行业代码以 ${condition.industry.join('、')} 开头`;
  if ('text' in condition) return `${headerOf(condition.text)}为「${condition.in.join('」「')}」之一`;
  if ('all' in condition) return condition.all.map((part) => grouped(part, labels)).join('，且');
  if ('any' in condition) return condition.any.map((part) => grouped(part, labels)).join('，或');
  const inner = condition.not;
  if ('reason' in inner) return `未填${headerOf(inner.reason)}`;
  if ('flag' in inner) return `${headerOf(inner.flag)}不为「是」`;
  return `不满足（${conditionText(inner, labels)}）`;
}
