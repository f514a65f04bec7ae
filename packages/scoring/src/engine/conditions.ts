import type { DecimalString } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Comparison, Condition } from '../scheme/condition.js';
import type { Indicator } from '../scheme/scheme.js';
import { approx, compareDecimals, compareEstimate, compareQuotient } from './exact.js';
import { flagOf, isBuiltInFlag, TRAIT } from './figures.js';
import type { FigureTable } from './figures.js';

/** What a condition reads: the records, their figures' float images, its cohort's indicators. */
export interface ConditionInput {
  readonly records: readonly EnterpriseRecord[];
  readonly figures: FigureTable;
  /** Empty before cohorts are known (scope rules, cohort conditions): an indicator condition is false. */
  readonly indicators: ReadonlyMap<string, Indicator>;
}

/**
 * Each comparison as the orders it accepts, one bit per order (bit order + 1 for −1, 0, 1): testing is a
 * shift and a mask, the same code for every comparison, so the loops below see no differing calls.
 */
const ACCEPTS: Record<Comparison, number> = {
  lt: 0b001,
  lte: 0b011,
  gt: 0b100,
  gte: 0b110,
  eq: 0b010,
  ne: 0b101,
};

/** 1 when the comparison accepts the order (−1, 0 or 1), else 0. */
function accepts(mask: number, order: -1 | 0 | 1): 0 | 1 {
  return ((mask >> (order + 1)) & 1) as 0 | 1;
}

/** GB/T 4754 codes are compared on their digits: `C3670` and `3670` are the same 小类. */
export function industryDigits(code: string): string {
  return code
    .trim()
    .toUpperCase()
    .replace(/^[A-Z]/, '');
}

/**
 * Evaluates a condition for many records at once: out[s] is 1 where it holds for record members[s], else
 * 0. One condition over every member in one small loop, rather than every condition per member: the loops
 * read the figure table's typed arrays (figures.ts) and compile quickly in a one-shot run. Conditions
 * have no effects, so the parts of `all` and `any` are all evaluated and combined.
 */
export function evaluateCondition(
  condition: Condition,
  input: ConditionInput,
  members: Int32Array,
  out: Uint8Array,
): void {
  const { records } = input;
  if ('flag' in condition) {
    const key = condition.flag;
    if (isBuiltInFlag(key)) traitTest(TRAIT[key], input, members, out);
    else recordTest((record) => flagOf(record, key), records, members, out);
  } else if ('date' in condition) {
    const { date: key, value } = condition;
    const mask = ACCEPTS[condition.op];
    recordTest(
      (record) => {
        const actual = record.extra?.[key];
        return actual !== undefined && accepts(mask, actual < value ? -1 : actual > value ? 1 : 0) === 1;
      },
      records,
      members,
      out,
    );
  } else if ('reason' in condition) {
    traitTest(TRAIT[condition.reason], input, members, out);
  } else if ('scale' in condition) {
    traitTest(TRAIT[condition.scale], input, members, out);
  } else if ('specialized' in condition) {
    const mask = condition.specialized.reduce((bits, level) => bits | TRAIT[level], 0);
    traitTest(mask, input, members, out);
  } else if ('figure' in condition) {
    figureTest(condition.figure, condition.op, condition.value, input, members, out);
  } else if ('ratio' in condition) {
    const [top, bottom] = condition.ratio;
    quotientTest(top, bottom, '1', condition.op, condition.value, input, members, out);
  } else if ('indicator' in condition) {
    const indicator = input.indicators.get(condition.indicator);
    if (indicator === undefined) out.fill(0, 0, members.length);
    else {
      const { numerator, denominator, factor } = indicator;
      quotientTest(numerator, denominator, factor, condition.op, condition.value, input, members, out);
    }
  } else if ('industry' in condition) {
    const prefixes = condition.industry.map(industryDigits);
    recordTest(
      (record) => {
        const code = record.industryCode;
        if (code === undefined) return false;
        const digits = industryDigits(code);
        return prefixes.some((prefix) => digits.startsWith(prefix));
      },
      records,
      members,
      out,
    );
  } else if ('text' in condition) {
    const { text: key } = condition;
    const values: readonly string[] = condition.in;
    recordTest(
      (record) => {
        const actual = record[key];
        return actual !== undefined && values.includes(actual);
      },
      records,
      members,
      out,
    );
  } else if ('all' in condition) combine(condition.all, 1, input, members, out);
  else if ('any' in condition) combine(condition.any, 0, input, members, out);
  else {
    evaluateCondition(condition.not, input, members, out);
    invert(out, members.length);
  }
}

/** Flips each of the first `size` results: a loop of its own, not one more compiled into evaluateCondition. */
function invert(out: Uint8Array, size: number): void {
  for (let s = 0; s < size; s++) out[s] = (out[s] as number) ^ 1;
}

/** Where any of the TRAIT bits in `mask` is set. */
function traitTest(mask: number, input: ConditionInput, members: Int32Array, out: Uint8Array): void {
  const { traits } = input.figures;
  for (let s = 0; s < members.length; s++)
    out[s] = ((traits[members[s] as number] as number) & mask) !== 0 ? 1 : 0;
}

/** A test on the record itself, for the rarer conditions the figure table holds nothing for. */
function recordTest(
  test: (record: EnterpriseRecord) => boolean,
  records: readonly EnterpriseRecord[],
  members: Int32Array,
  out: Uint8Array,
): void {
  for (let s = 0; s < members.length; s++)
    out[s] = test(records[members[s] as number] as EnterpriseRecord) ? 1 : 0;
}

/** `all` (start 1, and) or `any` (start 0, or) of the parts; an empty `all` holds, an empty `any` does not. */
function combine(
  parts: readonly Condition[],
  start: 0 | 1,
  input: ConditionInput,
  members: Int32Array,
  out: Uint8Array,
): void {
  const size = members.length;
  out.fill(start, 0, size);
  const part = new Uint8Array(size);
  for (const inner of parts) {
    evaluateCondition(inner, input, members, part);
    if (start === 1) andInto(out, part, size);
    else orInto(out, part, size);
  }
}

function andInto(out: Uint8Array, part: Uint8Array, size: number): void {
  for (let s = 0; s < size; s++) out[s] = (out[s] as number) & (part[s] as number);
}

function orInto(out: Uint8Array, part: Uint8Array, size: number): void {
  for (let s = 0; s < size; s++) out[s] = (out[s] as number) | (part[s] as number);
}

/** A condition over the members, or null (no condition: it always holds). */
export function conditionColumn(
  condition: Condition | null,
  input: ConditionInput,
  members: Int32Array,
): Uint8Array | null {
  if (condition === null) return null;
  const out = new Uint8Array(members.length);
  evaluateCondition(condition, input, members, out);
  return out;
}

/** A figure against a value; false when the figure is missing. */
function figureTest(
  key: string,
  op: Comparison,
  value: DecimalString,
  input: ConditionInput,
  members: Int32Array,
  out: Uint8Array,
): void {
  const column = input.figures.column(key);
  const target = approx(value);
  const mask = ACCEPTS[op];
  for (let s = 0; s < members.length; s++) {
    const i = members[s] as number;
    const image = column[i] as number;
    if (Number.isNaN(image)) out[s] = 0;
    // Float images are monotone (exact.ts), so distinct ones order like the figures; equal ones may not.
    else if (image !== target) out[s] = accepts(mask, image < target ? -1 : 1);
    else out[s] = accepts(mask, compareDecimals(input.figures.text(i, key) ?? '0', value));
  }
}

/** numerator × factor / denominator against a value; false when the denominator is missing or zero. */
function quotientTest(
  numeratorKey: string,
  denominatorKey: string,
  factor: DecimalString,
  op: Comparison,
  value: DecimalString,
  input: ConditionInput,
  members: Int32Array,
  out: Uint8Array,
): void {
  const { figures } = input;
  const numerators = figures.column(numeratorKey);
  const denominators = figures.column(denominatorKey);
  const factorImage = approx(factor);
  const target = approx(value);
  const mask = ACCEPTS[op];
  for (let s = 0; s < members.length; s++) {
    const i = members[s] as number;
    const numerator = numerators[i] as number;
    const denominator = denominators[i] as number;
    if (Number.isNaN(numerator) || !figures.isDivisor(i, denominatorKey, denominator)) {
      out[s] = 0;
      continue;
    }
    // The estimate decides only when it is clear of the value by far more than its float error.
    const order = compareEstimate((numerator * factorImage) / denominator, target);
    if (order !== undefined) out[s] = accepts(mask, order);
    else {
      const top = figures.text(i, numeratorKey) ?? '0';
      const bottom = figures.text(i, denominatorKey) ?? '1';
      out[s] = accepts(mask, compareQuotient(top, bottom, factor, value));
    }
  }
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
