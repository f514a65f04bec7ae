import { usccCheckCharacter } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';

/** A valid 统一社会信用代码 for the n-th test enterprise (registration-code digits from n). */
export function codeFor(n: number): string {
  const first17 = `91330100${String(n).padStart(9, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

type Figures = Partial<Omit<EnterpriseRecord, 'uscc' | 'name'>>;

/** A 规上 record with every figure the reference method requires; `figures` override. */
export function above(n: number, figures: Figures = {}): EnterpriseRecord {
  return {
    uscc: codeFor(n),
    name: `测试规上企业${n}`,
    scale: 'above',
    landMu: '10',
    tax: '100',
    addedValue: '500',
    revenue: '2000',
    employees: '50',
    energyTce: '100',
    emissionsTon: '2',
    rdExpense: '60',
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
    ...figures,
  };
}

/** A 规下 record with land, tax and electricity; `figures` override. */
export function below(n: number, figures: Figures = {}): EnterpriseRecord {
  return {
    uscc: codeFor(n),
    name: `测试规下企业${n}`,
    scale: 'below',
    landMu: '10',
    tax: '20',
    electricityKwh: '500000',
    specialized: 'none',
    subletTenants: 0,
    powerAccounts: [],
    emergencySupplier: false,
    keyChainLink: false,
    highTech: false,
    vetoReasons: [],
    protectedReason: [],
    exemptReason: [],
    ...figures,
  };
}

/** The record without one optional figure (a firm that reports no emissions, say). */
export function without(record: EnterpriseRecord, key: keyof EnterpriseRecord): EnterpriseRecord {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key)) as EnterpriseRecord;
}
