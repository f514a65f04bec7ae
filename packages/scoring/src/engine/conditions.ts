import type { DecimalString } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Comparison, Condition } from '../scheme/condition.js';
import type { Indicator } from '../scheme/scheme.js';
import { compareDecimals, compareQuotient } from './exact.js';

/** A compiled condition: the record, and the indicators of its cohort (empty before cohorts are known). */
export type Predicate = (record: EnterpriseRecord, indicators: ReadonlyMap<string, Indicator>) => boolean;

const holds: Record<Comparison, (order: -1 | 0 | 1) => boolean> = {
  lt: (order) => order < 0,
  lte: (order) => order <= 0,
  gt: (order) => order > 0,
  gte: (order) => order >= 0,
  eq: (order) => order === 0,
  ne: (order) => order !== 0,
};

/** GB/T 4754 codes are compared on their digits: `C3670` and `3670` are the same 小类. */
export function industryDigits(code: string): string {
  return code
    .trim()
    .toUpperCase()
    .replace(/^[A-Z]/, '');
}

export function figureOf(record: EnterpriseRecord, key: string): DecimalString | undefined {
  return (record as unknown as Record<string, DecimalString | undefined>)[key];
}

/** The indicator's exact value compared with a target; undefined when the indicator does not apply. */
export function compareIndicator(
  record: EnterpriseRecord,
  indicator: Indicator,
  target: DecimalString,
): -1 | 0 | 1 | undefined {
  const numerator = figureOf(record, indicator.numerator);
  const denominator = figureOf(record, indicator.denominator);
  if (numerator === undefined || denominator === undefined || denominator === '0') return undefined;
  return compareQuotient(numerator, denominator, indicator.factor, target);
}

export function compileCondition(condition: Condition): Predicate {
  if ('flag' in condition) {
    const key = condition.flag;
    return (record) => record[key];
  }
  if ('reason' in condition) {
    const key = condition.reason;
    return (record) => record[key].length > 0;
  }
  if ('scale' in condition) {
    const scale = condition.scale;
    return (record) => record.scale === scale;
  }
  if ('specialized' in condition) {
    const levels: readonly string[] = condition.specialized;
    return (record) => levels.includes(record.specialized);
  }
  if ('figure' in condition) {
    const { figure, value } = condition;
    const test = holds[condition.op];
    return (record) => {
      const actual = figureOf(record, figure);
      return actual !== undefined && test(compareDecimals(actual, value));
    };
  }
  if ('ratio' in condition) {
    const [top, bottom] = condition.ratio;
    const { value } = condition;
    const test = holds[condition.op];
    return (record) => {
      const numerator = figureOf(record, top);
      const denominator = figureOf(record, bottom);
      if (numerator === undefined || denominator === undefined || denominator === '0') return false;
      return test(compareQuotient(numerator, denominator, '1', value));
    };
  }
  if ('indicator' in condition) {
    const { indicator: key, value } = condition;
    const test = holds[condition.op];
    return (record, indicators) => {
      const indicator = indicators.get(key);
      if (indicator === undefined) return false;
      const order = compareIndicator(record, indicator, value);
      return order !== undefined && test(order);
    };
  }
  if ('industry' in condition) {
    const prefixes = condition.industry.map(industryDigits);
    return (record) => {
      const code = record.industryCode;
      if (code === undefined) return false;
      const digits = industryDigits(code);
      return prefixes.some((prefix) => digits.startsWith(prefix));
    };
  }
  if ('text' in condition) {
    const { text: key } = condition;
    const values: readonly string[] = condition.in;
    return (record) => {
      const actual = record[key];
      return actual !== undefined && values.includes(actual);
    };
  }
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (record, indicators) => parts.every((part) => part(record, indicators));
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return (record, indicators) => parts.some((part) => part(record, indicators));
  }
  const inner = compileCondition(condition.not);
  return (record, indicators) => !inner(record, indicators);
}
