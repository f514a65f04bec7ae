import { grade, presetScheme, usccCheckCharacter } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import type { Dataset } from '../dataset.js';
import { dataset } from '../dataset.js';

/**
 * A county small enough to check by hand (reference method), used by the builders' tests:
 *
 * | code | name          | cohort | town     | park   | industry | land | tax | notes                          |
 * |------|---------------|--------|----------|--------|----------|------|-----|--------------------------------|
 * | 1    | 甲公司        | 规上   | 东城街道 | 开发区 | C3670    | 10   | 50  | av 200, emissions 2            |
 * | 2    | 乙公司        | 规上   | 西城街道 | 开发区 | C3484    | 20   | 30  | av 150, no emissions figure    |
 * | 3    | 丙公司        | 规上   | (none)   | (none) | C3670    | 30   | 4   | 亩均税收 0.1333 < 1 → D          |
 * | 4    | 丁厂          | 规下   | 东城街道 | (none) | C2927    | 5    | 20  | 100000 kWh                     |
 * | 5    | 戊厂          | 规下   | 西城街道 | (none) | 2927     | 4    | 3   | 50000 kWh, 亩均税收 0.75 → D     |
 * | 6    | A&B <厂>      | 规下   | 西城街道 | (none) | C3484    | 6    | 12  | 80000 kWh, protected (新投产)  |
 * | 7    | 己公司        | 规上   | 东城街道 | (none) | C3670    | 8    | 1   | exempt: 停产；整体搬迁          |
 * | 8    | 庚厂          | 规下   | 东城街道 | (none) | (none)   | 2    | 1   | < 3 亩: out of scope            |
 *
 * Ranks: 规上 甲 1, 乙 2, 丙 3; 规下 丁 1, A&B 2, 戊 3. With n = 3 the bands are floor(0.6) = 0 A,
 * floor(2.25) = 2 (so ranks 1–2 B), floor(2.85) = 2 (no C), rank 3 D. Final: 甲 B, 乙 B, 丙 D, 丁 B,
 * A&B B (protection leaves a B alone), 戊 D.
 */

export function code(n: number): string {
  const first17 = `91330100${String(n).padStart(9, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

const BASE = {
  specialized: 'none',
  subletTenants: 0,
  powerAccounts: [],
  emergencySupplier: false,
  keyChainLink: false,
  highTech: false,
  vetoReasons: [],
  protectedReason: [],
  exemptReason: [],
} as const;

export const TINY_RECORDS: readonly EnterpriseRecord[] = [
  {
    ...BASE,
    uscc: code(1),
    name: '甲公司',
    scale: 'above',
    town: '东城街道',
    park: '开发区',
    industryCode: 'C3670',
    industryName: '汽车零部件及配件制造',
    landMu: '10',
    tax: '50',
    addedValue: '200',
    revenue: '1000',
    employees: '20',
    energyTce: '100',
    emissionsTon: '2',
    rdExpense: '30',
  },
  {
    ...BASE,
    uscc: code(2),
    name: '乙公司',
    scale: 'above',
    town: '西城街道',
    park: '开发区',
    industryCode: 'C3484',
    landMu: '20',
    tax: '30',
    addedValue: '150',
    revenue: '600',
    employees: '15',
    energyTce: '50',
    rdExpense: '12',
  },
  {
    ...BASE,
    uscc: code(3),
    name: '丙公司',
    scale: 'above',
    industryCode: 'C3670',
    landMu: '30',
    tax: '4',
    addedValue: '90',
    revenue: '500',
    employees: '18',
    energyTce: '60',
    emissionsTon: '3',
    rdExpense: '5',
  },
  {
    ...BASE,
    uscc: code(4),
    name: '丁厂',
    scale: 'below',
    town: '东城街道',
    industryCode: 'C2927',
    landMu: '5',
    tax: '20',
    electricityKwh: '100000',
  },
  {
    ...BASE,
    uscc: code(5),
    name: '戊厂',
    scale: 'below',
    town: '西城街道',
    industryCode: '2927',
    landMu: '4',
    tax: '3',
    electricityKwh: '50000',
  },
  {
    ...BASE,
    uscc: code(6),
    name: 'A&B <厂>',
    scale: 'below',
    town: '西城街道',
    industryCode: 'C3484',
    landMu: '6',
    tax: '12',
    electricityKwh: '80000',
    protectedReason: ['新投产'],
  },
  {
    ...BASE,
    uscc: code(7),
    name: '己公司',
    scale: 'above',
    town: '东城街道',
    industryCode: 'C3670',
    landMu: '8',
    tax: '1',
    exemptReason: ['停产', '整体搬迁'],
  },
  {
    ...BASE,
    uscc: code(8),
    name: '庚厂',
    scale: 'below',
    town: '东城街道',
    landMu: '2',
    tax: '1',
    electricityKwh: '1000',
  },
];

export function tinyCounty(): Dataset {
  return dataset(TINY_RECORDS, grade(TINY_RECORDS, presetScheme('reference')));
}
