import type { DecimalString } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Comparison, Condition } from '../scheme/condition.js';
import type { Indicator } from '../scheme/scheme.js';
import { approx, compareDecimals, compareEstimate, compareQuotient } from './exact.js';
import { flagOf } from './figures.js';
import type { FigureTable } from './figures.js';

/** A compiled condition on the record at index i of a run. */
export type RowTest = (i: number) => boolean;

/** What a compiled condition reads: the records, their figures' float images, its cohort's indicators. */
export interface ConditionInput {
  readonly records: readonly EnterpriseRecord[];
  readonly figures: FigureTable;
  /** Empty before cohorts are known (scope rules, cohort conditions): an indicator condition is false. */
  readonly indicators: ReadonlyMap<string, Indicator>;
}

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

export function compileCondition(condition: Condition, input: ConditionInput): RowTest {
  const { records } = input;
  if ('flag' in condition) {
    const key = condition.flag;
    return (i) => flagOf(records[i] as EnterpriseRecord, key);
  }
  if ('date' in condition) {
    const { date: key, value } = condition;
    const test = holds[condition.op];
    return (i) => {
      const actual = (records[i] as EnterpriseRecord).extra?.[key];
      if (actual === undefined) return false;
      return test(actual < value ? -1 : actual > value ? 1 : 0);
    };
  }
  if ('reason' in condition) {
    const key = condition.reason;
    return (i) => (records[i] as EnterpriseRecord)[key].length > 0;
  }
  if ('scale' in condition) {
    const scale = condition.scale;
    return (i) => (records[i] as EnterpriseRecord).scale === scale;
  }
  if ('specialized' in condition) {
    const levels: readonly string[] = condition.specialized;
    return (i) => levels.includes((records[i] as EnterpriseRecord).specialized);
  }
  if ('figure' in condition) return figureTest(condition.figure, condition.op, condition.value, input);
  if ('ratio' in condition) {
    const [top, bottom] = condition.ratio;
    return quotientTest(top, bottom, '1', condition.op, condition.value, input);
  }
  if ('indicator' in condition) {
    const indicator = input.indicators.get(condition.indicator);
    if (indicator === undefined) return () => false;
    const { numerator, denominator, factor } = indicator;
    return quotientTest(numerator, denominator, factor, condition.op, condition.value, input);
  }
  if ('industry' in condition) {
    const prefixes = condition.industry.map(industryDigits);
    return (i) => {
      const code = (records[i] as EnterpriseRecord).industryCode;
      if (code === undefined) return false;
      const digits = industryDigits(code);
      return prefixes.some((prefix) => digits.startsWith(prefix));
    };
  }
  if ('text' in condition) {
    const { text: key } = condition;
    const values: readonly string[] = condition.in;
    return (i) => {
      const actual = (records[i] as EnterpriseRecord)[key];
      return actual !== undefined && values.includes(actual);
    };
  }
  if ('all' in condition) {
    const parts = condition.all.map((part) => compileCondition(part, input));
    return (i) => {
      for (const part of parts) if (!part(i)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((part) => compileCondition(part, input));
    return (i) => {
      for (const part of parts) if (part(i)) return true;
      return false;
    };
  }
  const inner = compileCondition(condition.not, input);
  return (i) => !inner(i);
}

/** A figure against a value; false when the figure is missing. */
function figureTest(key: string, op: Comparison, value: DecimalString, input: ConditionInput): RowTest {
  const column = input.figures.column(key);
  const target = approx(value);
  const test = holds[op];
  return (i) => {
    const image = column[i] as number;
    if (Number.isNaN(image)) return false;
    // Float images are monotone (exact.ts), so distinct ones order like the figures; equal ones may not.
    if (image !== target) return test(image < target ? -1 : 1);
    return test(compareDecimals(input.figures.text(i, key) ?? '0', value));
  };
}

/** numerator × factor / denominator against a value; false when the denominator is missing or zero. */
function quotientTest(
  numeratorKey: string,
  denominatorKey: string,
  factor: DecimalString,
  op: Comparison,
  value: DecimalString,
  input: ConditionInput,
): RowTest {
  const { figures } = input;
  const numerators = figures.column(numeratorKey);
  const denominators = figures.column(denominatorKey);
  const factorImage = approx(factor);
  const target = approx(value);
  const test = holds[op];
  return (i) => {
    const numerator = numerators[i] as number;
    const denominator = denominators[i] as number;
    if (Number.isNaN(numerator) || !figures.isDivisor(i, denominatorKey, denominator)) return false;
    // The estimate decides only when it is clear of the value by far more than its float error.
    const order = compareEstimate((numerator * factorImage) / denominator, target);
    if (order !== undefined) return test(order);
    const top = figures.text(i, numeratorKey) ?? '0';
    const bottom = figures.text(i, denominatorKey) ?? '1';
    return test(compareQuotient(top, bottom, factor, value));
  };
}

/** Every figure key a condition reads (an indicator condition reads the cohort indicator's figures). */
export function figuresNamed(condition: Condition, indicators: readonly Indicator[]): string[] {
  if ('figure' in condition) return [condition.figure];
  if ('ratio' in condition) return [...condition.ratio];
  if ('indicator' in condition) {
    return indicators
      .filter((indicator) => indicator.key === condition.indicator)
      .flatMap((indicator) => [indicator.numerator, indicator.denominator]);
  }
  if ('all' in condition) return condition.all.flatMap((part) => figuresNamed(part, indicators));
  if ('any' in condition) return condition.any.flatMap((part) => figuresNamed(part, indicators));
  if ('not' in condition) return figuresNamed(condition.not, indicators);
  return [];
}
