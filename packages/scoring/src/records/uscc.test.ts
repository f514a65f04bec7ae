import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUpperUscc, USCC_CHARSET, usccCheckCharacter, usccProblem } from './uscc.js';

// Published codes (business licences of 福建/北京/中国 companies), checked by hand against the weights.
const PUBLISHED = ['91350100M000100Y43', '91110000600037341L', '911100001000044477'];

describe('usccCheckCharacter', () => {
  it('computes the published check characters', () => {
    for (const code of PUBLISHED) expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.slice(17));
  });

  it('writes a remainder of 31 as 0', () => {
    // Vary the 17th character until Σ mod 31 is 0, where 31 − 0 = 31 must become "0".
    const prefixes = Array.from(
      { length: 31 },
      (_, value) => `9135010000000000${USCC_CHARSET.charAt(value)}`,
    );
    const zeros = prefixes.filter((prefix) => usccCheckCharacter(prefix) === '0');
    expect(zeros).toHaveLength(1);
    expect(usccProblem(`${zeros[0] ?? ''}0`)).toBeUndefined();
  });

  it('rejects input that is not 17 characters of the alphabet', () => {
    expect(() => usccCheckCharacter('9135010')).toThrow(RangeError);
    expect(() => usccCheckCharacter('91350100M000100I4')).toThrow(/illegal/);
  });
});

describe('usccProblem', () => {
  it('accepts published codes, in either case', () => {
    for (const code of PUBLISHED) {
      expect(usccProblem(code)).toBeUndefined();
      expect(usccProblem(code.toLowerCase())).toBeUndefined();
    }
  });

  it('names the expected check character of a mutated code', () => {
    expect(usccProblem('91350100M000100Y44')).toBe(
      '校验位错误，应为 3 (check character mismatch: expected 3)',
    );
    // One changed character in the body breaks the check too.
    expect(usccProblem('91350100M000200Y43')).toMatch(/^校验位错误，应为 /);
  });

  it('reports a wrong length', () => {
    expect(usccProblem('91350100M000100Y4')).toMatch(/长度应为 18 位，实为 17 位/);
    expect(usccProblem('')).toMatch(/got 0/);
  });

  it('reports the first illegal character and its position', () => {
    for (const bad of ['I', 'O', 'S', 'V', 'Z', '-', '０']) {
      const problem = usccProblem(`9135010${bad}M000100Y43`);
      expect(problem).toContain('第 8 位含非法字符');
      expect(problem).toContain(JSON.stringify(bad));
    }
  });
});

describe('isUpperUscc', () => {
  // Valid codes, then some of them changed: a character replaced (case, an illegal one, another of the
  // alphabet), cut short or made longer.
  const valid = fc
    .array(fc.constantFrom(...USCC_CHARSET.split('')), { minLength: 17, maxLength: 17 })
    .map((characters) => characters.join(''))
    .map((first17) => first17 + usccCheckCharacter(first17));
  const changed = fc
    .tuple(valid, fc.nat(18), fc.constantFrom('a', 'y', 'I', 'O', 'Z', '０', '0', 'A', 'Y', '', '00'))
    .map(([code, at, piece]) => code.slice(0, at) + piece + code.slice(at + 1));

  it('is usccProblem finding nothing in a code that is upper-case already', () => {
    fc.assert(
      fc.property(fc.oneof(valid, changed), (code) => {
        expect(isUpperUscc(code)).toBe(code === code.toUpperCase() && usccProblem(code) === undefined);
      }),
      { numRuns: 5000 },
    );
  });
});
