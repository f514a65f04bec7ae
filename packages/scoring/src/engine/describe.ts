import { canonical, Dec, dec } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';
import { FIELDS } from '../records/fields.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Comparison, Condition } from '../scheme/condition.js';
import type { Indicator, Scheme } from '../scheme/scheme.js';
import { approx, floorEstimate, formatUnits } from './exact.js';
import { figureOf, flagOf } from './figures.js';

/** Chinese wording of conditions with the record's own figures, for the trace a clerk reads out. */

const SYMBOL: Record<Comparison, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=', ne: '≠' };
const HEADER = new Map<string, string>([
  ...FIELDS.map((field) => [field.key, field.header] as const),
  ['landMu', '用地面积(亩)'],
]);
const SPECIALIZED = { none: '无', province: '省级', national: '国家级' } as const;

/**
 * A value as the rules compare it: unrounded, cut to 10 decimals downwards. Flooring keeps the printed
 * figure on the same side of any threshold with ≤ 10 decimals, so "0.99995 < 1" never prints as "1.0000 < 1".
 * The float estimate decides the cut when it is clear of the 10-decimal grid (exact.ts), else decimal.js.
 */
function unrounded(numerator: DecimalString, denominator: DecimalString, factor: DecimalString): string {
  const estimate = ((approx(numerator) * approx(factor)) / approx(denominator)) * 1e10;
  const units = floorEstimate(estimate);
  if (units !== undefined) return formatUnits(units, 10).replace(/\.?0+$/, '');
  return canonical(
    dec(numerator).times(dec(factor)).div(dec(denominator)).toDecimalPlaces(10, Dec.ROUND_FLOOR),
  );
}

/** A scheme's declared figures by key, each as its column header with its unit: `用水量(吨)`. */
export type DeclaredHeaders = ReadonlyMap<string, string>;
const NO_DECLARED: DeclaredHeaders = new Map();

/** The headers of the figures a scheme declares; the unit is added when the header does not carry it. */
export function declaredHeaders(scheme: Pick<Scheme, 'figures'>): DeclaredHeaders {
  const figures = scheme.figures ?? [];
  if (figures.length === 0) return NO_DECLARED;
  return new Map(
    figures.map((figure) => {
      const { unit, header } = figure;
      const withUnit =
        unit === undefined || unit === '' || header.includes(unit) ? header : `${header}(${unit})`;
      return [figure.key, withUnit] as const;
    }),
  );
}

/** A field's or declared figure's Chinese header; the key itself only for a name nobody declared. */
export function headerOf(key: string, declared: DeclaredHeaders = NO_DECLARED): string {
  return HEADER.get(key) ?? declared.get(key) ?? key;
}

export function describeCondition(
  condition: Condition,
  record: EnterpriseRecord,
  indicators: ReadonlyMap<string, Indicator>,
  declared: DeclaredHeaders = NO_DECLARED,
): string {
  const header = (key: string): string => headerOf(key, declared);
  if ('flag' in condition)
    return `${header(condition.flag)}：${flagOf(record, condition.flag) ? '是' : '否'}`;
  if ('date' in condition) {
    const actual = record.extra?.[condition.date] ?? '（空）';
    return `${header(condition.date)} ${actual} ${SYMBOL[condition.op]} ${condition.value}`;
  }
  if ('reason' in condition) {
    const items = record[condition.reason];
    return `${header(condition.reason)}：${items.length > 0 ? items.join('；') : '无'}`;
  }
  if ('scale' in condition) return `企业规模：${record.scale === 'above' ? '规上' : '规下'}`;
  if ('specialized' in condition) return `专精特新：${SPECIALIZED[record.specialized]}`;
  if ('figure' in condition) {
    const actual = figureOf(record, condition.figure) ?? '（空）';
    return `${header(condition.figure)} ${actual} ${SYMBOL[condition.op]} ${condition.value}`;
  }
  if ('ratio' in condition) {
    const [top, bottom] = condition.ratio;
    const numerator = figureOf(record, top);
    const denominator = figureOf(record, bottom);
    const actual =
      numerator === undefined || denominator === undefined || denominator === '0'
        ? '不适用'
        : unrounded(numerator, denominator, '1');
    return `${header(top)}/${header(bottom)} = ${actual} ${SYMBOL[condition.op]} ${condition.value}`;
  }
  if ('indicator' in condition) {
    const indicator = indicators.get(condition.indicator);
    if (indicator === undefined) return `${condition.indicator}：本组无此指标`;
    const numerator = figureOf(record, indicator.numerator);
    const denominator = figureOf(record, indicator.denominator);
    const actual =
      numerator === undefined || denominator === undefined || denominator === '0'
        ? '不适用'
        : `${unrounded(numerator, denominator, indicator.factor)}${indicator.unit === '' ? '' : ` ${indicator.unit}`}`;
    return `${indicator.label} ${actual} ${SYMBOL[condition.op]} ${condition.value}`;
  }
  if ('industry' in condition)
    return `行业代码 ${record.industryCode ?? '（空）'} 属于 ${condition.industry.join('、')}`;
  if ('text' in condition) return `${header(condition.text)}：${record[condition.text] ?? '（空）'}`;
  if ('all' in condition)
    return condition.all.map((part) => describeCondition(part, record, indicators, declared)).join('，且');
  if ('any' in condition)
    return condition.any.map((part) => describeCondition(part, record, indicators, declared)).join('，或');
  const inner = condition.not;
  if ('reason' in inner && record[inner.reason].length === 0) return `无${header(inner.reason)}`;
  if ('flag' in inner && !flagOf(record, inner.flag)) return `非${header(inner.flag)}`;
  return `不满足（${describeCondition(inner, record, indicators, declared)}）`;
}
