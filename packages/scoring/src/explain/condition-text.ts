import type { Comparison, Condition } from '../scheme/condition.js';
import type { Scheme } from '../scheme/scheme.js';
import { headerOf } from '../engine/describe.js';

/**
 * A condition in Chinese words, with no record: what the scheme says, for `scheme explain`. The trace's
 * describeCondition (engine/describe.ts) says the same with one enterprise's figures filled in.
 */

const SYMBOL: Record<Comparison, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=', ne: '≠' };
const SPECIALIZED = { none: '无', province: '省级', national: '国家级' } as const;

/** How the scheme's keys read in Chinese: indicators by label, figures by header (declared ones too). */
export interface Words {
  /** An indicator's label; its key when the scheme has none. */
  readonly indicator: (key: string) => string;
  /** A figure's column header as the spreadsheet has it: `用地面积(亩)`, `用水量(吨)`. */
  readonly header: (key: string) => string;
  /** The header without its unit in brackets: `用地面积`. */
  readonly figure: (key: string) => string;
}

export function wordsOf(scheme: Scheme): Words {
  const labels = new Map(
    Object.values(scheme.indicatorSets).flatMap((set) => set.map((i) => [i.key, i.label] as const)),
  );
  const declared = new Map((scheme.figures ?? []).map((figure) => [figure.key, figure.header] as const));
  const header = (key: string): string => declared.get(key) ?? headerOf(key);
  return {
    indicator: (key) => labels.get(key) ?? key,
    header,
    figure: (key) => header(key).replace(/[(（][^)）]*[)）]$/, ''),
  };
}

function grouped(condition: Condition, words: Words): string {
  const text = conditionText(condition, words);
  return 'all' in condition || 'any' in condition ? `（${text}）` : text;
}

export function conditionText(condition: Condition, words: Words): string {
  if ('flag' in condition) return `${words.header(condition.flag)}为「是」`;
  if ('reason' in condition) return `填有${words.header(condition.reason)}`;
  if ('scale' in condition) return `企业规模为${condition.scale === 'above' ? '规上' : '规下'}`;
  if ('specialized' in condition)
    return `专精特新为${condition.specialized.map((s) => SPECIALIZED[s]).join('或')}`;
  if ('figure' in condition)
    return `${words.header(condition.figure)} ${SYMBOL[condition.op]} ${condition.value}`;
  if ('date' in condition)
    return `${words.header(condition.date)} ${SYMBOL[condition.op]} ${condition.value}（日期为空时不成立）`;
  if ('ratio' in condition) {
    const [top, bottom] = condition.ratio;
    return `${words.figure(top)} ÷ ${words.figure(bottom)} ${SYMBOL[condition.op]} ${condition.value}`;
  }
  if ('indicator' in condition) {
    return `${words.indicator(condition.indicator)}（未经四舍五入）${SYMBOL[condition.op]} ${condition.value}`;
  }
  if ('industry' in condition) return `行业代码以 ${condition.industry.join('、')} 开头`;
  if ('text' in condition) return `${words.header(condition.text)}为「${condition.in.join('」「')}」之一`;
  if ('all' in condition) return condition.all.map((part) => grouped(part, words)).join('，且');
  if ('any' in condition) return condition.any.map((part) => grouped(part, words)).join('，或');
  const inner = condition.not;
  if ('reason' in inner) return `未填${words.header(inner.reason)}`;
  if ('flag' in inner) return `${words.header(inner.flag)}不为「是」`;
  return `不满足（${conditionText(inner, words)}）`;
}
