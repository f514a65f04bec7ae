import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prettyJson } from './pretty-json.js';

/** Strings with what JSON must escape: quotes, backslashes, controls, lone and paired surrogates. */
const awkwardString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('"', '\\', '\u0000', '\u001f', '\u2028', '\ud800', '\udfff', '😀', '亩均', '__proto__'),
);

/** Plain data as results hold it, plus what JSON.stringify leaves out or writes as null. */
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    awkwardString,
    fc.double(),
    fc.integer(),
    fc.constantFrom(-0, true, false, null, undefined, Number.NaN, Infinity),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(awkwardString, tie('value'), { maxKeys: 5 }),
    fc.date({ noInvalidDate: true }),
  ),
})).value;

describe('prettyJson', () => {
  it('writes what JSON.stringify(value, null, 2) writes', () => {
    fc.assert(
      fc.property(value, (data) => {
        expect(prettyJson(data)).toBe(JSON.stringify(data, null, 2));
      }),
      { numRuns: 2000 },
    );
  });

  it('indents as the value would be indented at its depth inside a document', () => {
    fc.assert(
      fc.property(value, (data) => {
        const whole = JSON.stringify({ a: [data] }, null, 2);
        const inside = prettyJson(data, 2);
        if (inside === undefined) expect(whole).toContain('null');
        else expect(whole).toBe(`{\n  "a": [\n    ${inside}\n  ]\n}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves the errors to JSON.stringify', () => {
    expect(() => prettyJson({ big: 1n })).toThrow(TypeError);
  });
});
