import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import { usccCheckCharacter } from '../records/uscc.js';
import { parseScheme, presetScheme } from '../scheme/load.js';
import type { Scheme } from '../scheme/scheme.js';
import { grade } from './grade.js';

/** 规下 records with few distinct figures, so that totals, taxes and revenues tie often. */
function tiedRecords(count: number, taxScale: string): EnterpriseRecord[] {
  return Array.from({ length: count }, (_, n) => {
    const first17 = `91330100${String((n * 7919) % 100_003).padStart(9, '0')}`;
    const record: EnterpriseRecord = {
      uscc: first17 + usccCheckCharacter(first17),
      name: `企业${n}`,
      scale: 'below',
      landMu: ['5', '10', '20'][n % 3] as string,
      tax: new Dec(taxScale).times((n % 4) + 1).toFixed(),
      electricityKwh: '1000000',
      specialized: 'none',
      subletTenants: 0,
      powerAccounts: [],
      emergencySupplier: false,
      keyChainLink: false,
      highTech: false,
      vetoReasons: [],
      protectedReason: [],
      exemptReason: [],
    };
    return n % 5 === 0 ? record : { ...record, revenue: String(n % 2) };
  });
}

/** The reference method with published benchmarks and no cap, so totals grow with the tax. */
function uncapped(): Scheme {
  const document = structuredClone(presetScheme('reference'));
  for (const indicator of document.indicatorSets['below'] ?? []) {
    Object.assign(indicator, {
      benchmark: { method: 'fixed', value: '0.0001' },
      scoring: { method: 'ratio', cap: null },
    });
  }
  return parseScheme(document);
}

/** §7 with decimal.js: total, then tax, then revenue (missing 0) descending, then the code ascending. */
function inOrder(a: EnterpriseRecord, b: EnterpriseRecord, totalA: string, totalB: string): boolean {
  const keys: [string, string][] = [
    [totalA, totalB],
    [a.tax, b.tax],
    [a.revenue ?? '0', b.revenue ?? '0'],
  ];
  for (const [x, y] of keys) {
    const order = new Dec(x).comparedTo(new Dec(y));
    if (order !== 0) return order > 0;
  }
  return a.uscc < b.uscc;
}

/** Ranks the results by rank, checking each neighbour pair against the decimal.js order above. */
function expectRankOrder(records: readonly EnterpriseRecord[], scheme: Scheme): void {
  const byCode = new Map(records.map((record) => [record.uscc, record]));
  const results = [...grade(records, scheme).results()].filter((result) => result.status === 'rated');
  results.forEach((result, position) => {
    expect(result.rank).toBe(position + 1);
    const next = results[position + 1];
    if (next === undefined) return;
    const [a, b] = [byCode.get(result.uscc), byCode.get(next.uscc)] as [EnterpriseRecord, EnterpriseRecord];
    expect(inOrder(a, b, result.totalScore ?? '', next.totalScore ?? '')).toBe(true);
  });
}

/** The reference method with weights of 0.1, so totals crowd into a few points (sorted by counting). */
function narrow(): Scheme {
  const document = structuredClone(presetScheme('reference'));
  for (const indicator of document.indicatorSets['below'] ?? []) Object.assign(indicator, { weight: '0.1' });
  return parseScheme(document);
}

const SCHEMES = { narrow: narrow(), uncapped: uncapped() };

/** Whether a cohort's totals (score units) are close enough to be sorted by counting (rank.ts). */
function countable(totals: readonly Dec[]): boolean {
  return Dec.max(...totals)
    .minus(Dec.min(...totals))
    .lte(4 * totals.length + 1024);
}

describe('rank', () => {
  it.each([
    ['small totals (sorted by counting)', '1.5', 'narrow'],
    ['totals too spread out to count (one packed numeric sort)', '1.5', 'uncapped'],
    ['totals too large to pack (sorted by comparison)', '30000000', 'uncapped'],
  ] as const)('orders by total, tax, revenue and code: %s', (_, taxScale, scheme) => {
    const records = tiedRecords(60, taxScale);
    const results = [...grade(records, SCHEMES[scheme]).results()].filter(
      (result) => result.status === 'rated',
    );
    const units = results.map((result) => new Dec(result.totalScore ?? '0').times(100));
    // 60 slots pack into 6 bits: a total of 2^47 units or more cannot be packed below 2^53.
    const packable = units.every((total) => total.lt(2 ** 47));
    expect([countable(units), packable]).toEqual(
      scheme === 'narrow' ? [true, true] : taxScale === '1.5' ? [false, true] : [false, false],
    );
    expect(new Set(results.map((result) => result.totalScore)).size).toBeLessThan(results.length / 2);
    expectRankOrder(records, SCHEMES[scheme]);
  });

  // Counting, packing and comparison must give the one order §7 defines, whatever the ties: figures
  // with equal float images but different values (decided by decimal.js), missing revenues, runs of equal
  // totals longer and shorter than the insertion sort's limit.
  it('orders any cohort with many ties by total, tax, revenue and code, on every sort path', () => {
    const taxes = ['1.5', '3', '1.50000000000000001', '1.49999999999999999', '4.5', '30000000', '0'];
    const member = fc.record({
      tax: fc.constantFrom(...taxes),
      land: fc.constantFrom('5', '10', '20'),
      revenue: fc.option(fc.constantFrom('0', '1', '1.00000000000000001'), { nil: undefined }),
      sublet: fc.constantFrom(0, 0, 0, 1),
    });
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 1, maxLength: 120 }),
        fc.constantFrom('narrow', 'uncapped'),
        (members, scheme) => {
          const records = members.map(({ tax, land, revenue, sublet }, n) => {
            const base = tiedRecords(n + 1, '1')[n] as EnterpriseRecord;
            const record: EnterpriseRecord = { ...base, tax, landMu: land, subletTenants: sublet };
            delete (record as { revenue?: string }).revenue;
            return revenue === undefined ? record : { ...record, revenue };
          });
          expectRankOrder(records, SCHEMES[scheme]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
