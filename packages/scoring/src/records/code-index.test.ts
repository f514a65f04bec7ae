import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeIndex } from './code-index.js';

/** What a CodeIndex stands for: a Map keeping each code's first position. */
function byMap(codes: readonly string[]): Map<string, number> {
  const first = new Map<string, number>();
  codes.forEach((code, position) => {
    if (!first.has(code)) first.set(code, position);
  });
  return first;
}

describe('CodeIndex', () => {
  it('keeps the first position of each code, as a Map would, through its growth', () => {
    // Few distinct characters, so that codes repeat; up to 300 codes into a table sized for at most 40,
    // so that it grows several times with entries in it.
    const code = fc.stringMatching(/^[0-9A]{0,4}$/);
    fc.assert(
      fc.property(fc.array(code, { maxLength: 300 }), fc.nat(40), (codes, expected) => {
        const index = new CodeIndex(expected);
        const added = codes.map((text, position) => index.add(text, position));
        const first = byMap(codes);
        expect(added).toEqual(codes.map((text) => first.get(text)));
        expect([...index.entries()]).toEqual([...first.entries()]);
        expect(index.size).toBe(first.size);
        for (const text of ['', 'B', ...codes]) expect(index.positionOf(text)).toBe(first.get(text) ?? -1);
      }),
    );
  });

  it('tells apart 100,000 codes of one county, which differ only in their last characters', () => {
    const codes = Array.from({ length: 100_000 }, (_, n) => `91330382${String(n).padStart(10, '0')}`);
    const index = new CodeIndex(codes.length);
    expect(codes.map((code, position) => index.add(code, position))).toEqual(
      codes.map((_, position) => position),
    );
    expect(index.add(codes[4321] ?? '', 7)).toBe(4321);
    expect(index.positionOf('913303820000100000')).toBe(-1);
  });
});
