import { usccCheckCharacter } from '@mujun/scoring';
import type { SurchargeSubject } from '../list/subjects.js';

/** A valid 统一社会信用代码 for the n-th test enterprise. */
export function codeFor(n: number): string {
  const first17 = `91331003MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

/** An enterprise of the evaluation year in class D with one power account; `overrides` change it. */
export function subject(n: number, overrides: Partial<SurchargeSubject> = {}): SurchargeSubject {
  return {
    uscc: codeFor(n),
    name: `测试企业${String(n)}`,
    industryCode: 'C3391',
    industryName: '黑色金属铸造',
    town: '院桥镇',
    finalClass: 'D',
    powerAccounts: [`33100400${String(n).padStart(5, '0')}`],
    ...overrides,
  };
}
