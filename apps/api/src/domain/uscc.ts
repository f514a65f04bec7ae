import { usccProblem } from '@mujun/scoring';

/** 18 characters of GB 32100-2015's alphabet; the check character is checked by usccProblem. */
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function isValidUscc(code: string): boolean {
  return USCC_PATTERN.test(code) && usccProblem(code) === undefined;
}
