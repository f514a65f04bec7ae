// Source: shared/spec/reference-method.md §10, the policy table:
//   | `shandong-2022` (Shandong) | 0 | +0.05 (1st), +0.10 (2nd) | +0.15 |
// (鲁发改价格〔2022〕56号), by "consecutive years in class D (from the enterprise's class history, this year
// included)". A gap year, or a year in class T, is not a year in D: the run starts again.
import { grade, presetScheme } from '@mujun/scoring';
import { subjectsFromGrading, surchargeList } from '@mujun/surcharges';
import type { ClassHistoryEntry } from '@mujun/surcharges';
import { describe, expect, it } from 'vitest';
import { below, codeFor } from '../support/records.js';

const shandong = presetScheme('shandong-2022');

const strong = [1, 2, 3].map((n) => below(n, { tax: '40' }));
const dCases: Record<number, { history: [year: number, cls: string][]; years: number; price: string }> = {
  11: { history: [], years: 1, price: '0.05' },
  12: { history: [[2024, 'D']], years: 2, price: '0.10' },
  13: {
    history: [
      [2023, 'D'],
      [2024, 'D'],
    ],
    years: 3,
    price: '0.15',
  },
  14: {
    history: [
      [2020, 'D'],
      [2021, 'D'],
      [2022, 'D'],
      [2023, 'D'],
      [2024, 'D'],
    ],
    years: 6,
    price: '0.15',
  },
  // A gap year (no class in 2024) breaks the run: D 2022 and 2023 count for nothing in 2025.
  15: {
    history: [
      [2022, 'D'],
      [2023, 'D'],
    ],
    years: 1,
    price: '0.05',
  },
  // A year in T (暂不评价) breaks it too.
  16: {
    history: [
      [2022, 'D'],
      [2023, 'D'],
      [2024, 'T'],
    ],
    years: 1,
    price: '0.05',
  },
  // A year in C breaks it; the run since then counts.
  17: {
    history: [
      [2022, 'D'],
      [2023, 'C'],
      [2024, 'D'],
    ],
    years: 2,
    price: '0.10',
  },
};

const codes = Object.keys(dCases).map(Number);
const records = [...strong, ...codes.map((n) => below(n, { tax: '5', powerAccounts: [`3710${String(n)}`] }))];
const history: ClassHistoryEntry[] = codes.flatMap((n) =>
  (dCases[n]?.history ?? []).map(([year, cls]) => ({ uscc: codeFor(n), year, class: cls })),
);
const list = surchargeList({
  scheme: shandong,
  year: 2025,
  subjects: subjectsFromGrading(records, grade(records, shandong)),
  history,
  publishedOn: '2026-03-15',
  documentNumber: '鲁经信〔2026〕5号',
});

describe('shandong-2022: D +0.05 in the 1st year, +0.10 in the 2nd, +0.15 from the 3rd', () => {
  it.each(codes.map((n) => [n, dCases[n]] as const))('enterprise %i', (n, expected) => {
    const row = list.rows.find((candidate) => candidate.uscc === codeFor(n));
    expect(row).toMatchObject({ class: 'D', consecutiveDYears: expected?.years, price: expected?.price });
  });

  it('the strong enterprises are not listed', () => {
    expect(list.rows).toHaveLength(codes.length);
  });

  it('the page and notes state the three tiers', () => {
    expect(list.policyClasses).toEqual([
      {
        id: 'D',
        label: '整治淘汰类',
        tiers: '连续第 1 年起 0.05 元/kWh；连续第 2 年起 0.10 元/kWh；连续第 3 年起 0.15 元/kWh',
      },
    ]);
  });
});
