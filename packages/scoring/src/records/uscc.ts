/**
 * GB 32100-2015 统一社会信用代码 (unified social credit code): 18 characters from `0-9 A-H J-N P-R T U W-Y`,
 * the last one a check character over the first 17.
 */

/** The code's alphabet; a character's value is its index (0..30). I, O, S, V and Z are never used. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Character code → value, −1 for a character outside the alphabet. */
const VALUE_OF = new Int8Array(128).fill(-1);
for (let value = 0; value < USCC_CHARSET.length; value += 1) VALUE_OF[USCC_CHARSET.charCodeAt(value)] = value;

function valueAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (VALUE_OF[code] ?? -1) : -1;
}

/** Weighted sum of the first 17 characters, or the index of the first illegal character as `-(index + 1)`. */
function weightedSum(first17: string): number {
  let sum = 0;
  for (let index = 0; index < WEIGHTS.length; index += 1) {
    const value = valueAt(first17, index);
    if (value < 0) return -(index + 1);
    sum += value * (WEIGHTS[index] ?? 0);
  }
  return sum;
}

function checkFor(sum: number): string {
  // 31 − (Σ mod 31), where 31 itself is written as 0.
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * The check character for the first 17 characters of a code (upper-case). Throws a RangeError when the
 * input is not 17 characters of the alphabet.
 */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`expected the first 17 characters of a USCC, got ${first17.length}`);
  }
  const sum = weightedSum(first17);
  if (sum < 0) {
    throw new RangeError(`illegal USCC character ${JSON.stringify(first17.charAt(-sum - 1))}`);
  }
  return checkFor(sum);
}

/**
 * Whether a code is a valid 统一社会信用代码 as it stands, upper-case: usccProblem's checks without
 * upper-casing it first or wording a problem (a file's codes nearly all are).
 */
export function isUpperUscc(code: string): boolean {
  if (code.length !== 18) return false;
  const sum = weightedSum(code);
  return sum >= 0 && code.charCodeAt(17) === USCC_CHARSET.charCodeAt((31 - (sum % 31)) % 31);
}

/**
 * Why a code is not a valid 统一社会信用代码, or undefined when it is. The code is upper-cased first.
 */
export function usccProblem(code: string): string | undefined {
  const upper = code.toUpperCase();
  if (upper.length !== 18) {
    return `长度应为 18 位，实为 ${upper.length} 位 (must be 18 characters, got ${upper.length})`;
  }
  for (let index = 0; index < 18; index += 1) {
    if (valueAt(upper, index) < 0) {
      const char = JSON.stringify(upper.charAt(index));
      return (
        `第 ${index + 1} 位含非法字符 ${char} ` +
        `(illegal character ${char} at position ${index + 1}; allowed: 0-9 A-H J-N P-R T U W-Y)`
      );
    }
  }
  const expected = checkFor(weightedSum(upper));
  if (upper.charAt(17) !== expected) {
    return `校验位错误，应为 ${expected} (check character mismatch: expected ${expected})`;
  }
  return undefined;
}
