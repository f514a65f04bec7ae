import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Comparison, Condition } from '../scheme/condition.js';
import type { Indicator } from '../scheme/scheme.js';
import { evaluateCondition, figuresNamed } from './conditions.js';
import { FigureTable } from './figures.js';

/** One indicator, for `indicator` conditions: tax × 10 / landMu. */
const INDICATOR = { key: 'taxPer', numerator: 'tax', denominator: 'landMu', factor: '10' } as Indicator;

/** Figures with ties, zeros, signs and equal float images of different values. */
const figure = fc.constantFrom('0', '1', '2.5', '-3', '10', '0.1', '0.10000000000000001', '7');
const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
const op = fc.constantFrom<Comparison>('lt', 'lte', 'gt', 'gte', 'eq', 'ne');

const record = fc
  .record({
    scale: fc.constantFrom('above', 'below'),
    specialized: fc.constantFrom('none', 'province', 'national'),
    landMu: figure,
    tax: figure,
    revenue: maybe(figure),
    flags: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    reasons: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    industryCode: maybe(fc.constantFrom('C3670', '3611', 'c36', '2611')),
    town: maybe(fc.constantFrom('东城', '西城')),
    declaredFlag: maybe(fc.constantFrom('0', '1')),
    opened: maybe(fc.constantFrom('2022-12-31', '2023-01-01', '2024-06-30')),
  })
  .map(({ flags, reasons, revenue, industryCode, town, declaredFlag, opened, ...rest }) => {
    const extra: Record<string, string> = {};
    if (declaredFlag !== undefined) extra['certified'] = declaredFlag;
    if (opened !== undefined) extra['opened'] = opened;
    return {
      ...rest,
      uscc: '91330100000000000X',
      name: '企业',
      subletTenants: 0,
      powerAccounts: [],
      emergencySupplier: flags[0] === true,
      keyChainLink: flags[1] === true,
      highTech: flags[2] === true,
      vetoReasons: reasons[0] === true ? ['事故'] : [],
      protectedReason: reasons[1] === true ? ['保护'] : [],
      exemptReason: [],
      extra,
      ...(revenue === undefined ? {} : { revenue }),
      ...(industryCode === undefined ? {} : { industryCode }),
      ...(town === undefined ? {} : { town }),
    };
  });

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom('emergencySupplier', 'keyChainLink', 'highTech', 'certified').map((flag) => ({ flag })),
  fc.constantFrom('vetoReasons', 'protectedReason', 'exemptReason').map((reason) => ({ reason })),
  fc.constantFrom('above', 'below').map((scale) => ({ scale })),
  fc
    .uniqueArray(fc.constantFrom('none', 'province', 'national'), { minLength: 1 })
    .map((specialized) => ({ specialized })),
  fc.record({ figure: fc.constantFrom('tax', 'revenue', 'landMu'), op, value: figure }),
  fc.record({ date: fc.constant('opened'), op, value: fc.constantFrom('2023-01-01', '2024-06-30') }),
  fc.record({ ratio: fc.constant(['tax', 'landMu'] as const), op, value: figure }),
  fc.record({ indicator: fc.constantFrom('taxPer', 'unknown'), op, value: figure }),
  fc.uniqueArray(fc.constantFrom('36', 'C361', '26'), { minLength: 1 }).map((industry) => ({ industry })),
  fc
    .uniqueArray(fc.constantFrom('东城', '南城'), { minLength: 1 })
    .map((values) => ({ text: 'town' as const, in: values })),
);
const condition = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('condition').map((not) => ({ not })),
  ),
})).condition;

const ORDER: Record<Comparison, (order: number) => boolean> = {
  lt: (o) => o < 0,
  lte: (o) => o <= 0,
  gt: (o) => o > 0,
  gte: (o) => o >= 0,
  eq: (o) => o === 0,
  ne: (o) => o !== 0,
};

/** numerator × factor / denominator against value, exactly (false when either figure is missing or ÷ 0). */
function quotientHolds(
  top: string | undefined,
  bottom: string | undefined,
  factor: string,
  o: Comparison,
  value: string,
): boolean {
  if (top === undefined || bottom === undefined || new Dec(bottom).isZero()) return false;
  const order = new Dec(top).times(factor).comparedTo(new Dec(value).times(bottom));
  return ORDER[o](new Dec(bottom).isNegative() ? -order : order);
}

/** The condition on one record, read the plainest way: what the scheme document says. */
function holds(c: Condition, r: EnterpriseRecord): boolean {
  const figures = r as unknown as Record<string, string | undefined>;
  if ('flag' in c)
    return c.flag === 'certified' ? r.extra?.['certified'] === '1' : figures[c.flag] === (true as never);
  if ('reason' in c) return r[c.reason].length > 0;
  if ('scale' in c) return r.scale === c.scale;
  if ('specialized' in c) return c.specialized.includes(r.specialized);
  if ('figure' in c) {
    const actual = figures[c.figure];
    return actual !== undefined && ORDER[c.op](new Dec(actual).comparedTo(c.value));
  }
  if ('date' in c) {
    const actual = r.extra?.[c.date];
    return actual !== undefined && ORDER[c.op](actual < c.value ? -1 : actual > c.value ? 1 : 0);
  }
  if ('ratio' in c) return quotientHolds(figures[c.ratio[0]], figures[c.ratio[1]], '1', c.op, c.value);
  if ('indicator' in c)
    return c.indicator === 'taxPer' && quotientHolds(r.tax, r.landMu, '10', c.op, c.value);
  if ('industry' in c) {
    const digits = r.industryCode?.toUpperCase().replace(/^[A-Z]/, '');
    return digits !== undefined && c.industry.some((prefix) => digits.startsWith(prefix.replace(/^C/, '')));
  }
  if ('text' in c) return r[c.text] !== undefined && c.in.includes(r[c.text] as string);
  if ('all' in c) return c.all.every((part) => holds(part, r));
  if ('any' in c) return c.any.some((part) => holds(part, r));
  return !holds(c.not, r);
}

describe('evaluateCondition', () => {
  it('gives, for every member at once, what the condition says of each record alone', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), condition, (records, c) => {
        const keys = [...new Set(['tax', 'landMu', 'revenue', ...figuresNamed(c, [INDICATOR])])];
        const input = {
          records,
          figures: new FigureTable(records, keys),
          indicators: new Map([['taxPer', INDICATOR]]),
        };
        // Every other record, so that slots and record indices differ.
        const members = Int32Array.from(records.keys()).filter((i) => i % 2 === 1 || records.length === 1);
        const out = new Uint8Array(members.length);
        evaluateCondition(c, input, members, out);
        expect(Array.from(out, (bit) => bit === 1)).toEqual(
          Array.from(members, (i) => holds(c, records[i] as EnterpriseRecord)),
        );
      }),
      { numRuns: 400 },
    );
  });
});
