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

describe('rank', () => {
  it.each([
    ['small totals (one packed numeric sort)', '1.5', 'reference'],
    ['totals too large to pack (sorted by comparison)', '30000000', 'uncapped'],
  ])('orders by total, tax, revenue and code: %s', (_, taxScale, scheme) => {
    const records = tiedRecords(60, taxScale);
    const grading = grade(records, scheme === 'reference' ? presetScheme('reference') : uncapped());
    const byCode = new Map(records.map((record) => [record.uscc, record]));
    const results = [...grading.results()].filter((result) => result.status === 'rated');
    if (scheme === 'uncapped') {
      // 60 slots pack into 6 bits: a total of 2^47 units or more cannot be packed below 2^53.
      expect(results.some((result) => new Dec(result.totalScore ?? '0').times(100).gte(2 ** 47))).toBe(true);
    }
    expect(new Set(results.map((result) => result.totalScore)).size).toBeLessThan(results.length / 2);
    results.forEach((result, position) => {
      expect(result.rank).toBe(position + 1);
      const next = results[position + 1];
      if (next === undefined) return;
      const [a, b] = [byCode.get(result.uscc), byCode.get(next.uscc)] as [EnterpriseRecord, EnterpriseRecord];
      expect(inOrder(a, b, result.totalScore ?? '', next.totalScore ?? '')).toBe(true);
    });
  });
});
