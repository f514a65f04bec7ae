import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUnits } from './exact.js';
import { fixedTemplate, joined, JsonBytes, jsonBytes, slot, template } from './json-bytes.js';

/** What a JsonBytes writes, decoded, with chunks of `chunk` bytes at most handed over in between. */
function written(write: (out: JsonBytes) => void): string {
  const decoder = new TextDecoder();
  let text = '';
  const out = new JsonBytes((bytes) => {
    text += decoder.decode(bytes, { stream: true });
  });
  write(out);
  out.flush();
  return text + decoder.decode();
}

describe('JsonBytes.fill with units', () => {
  // A value slot inside a string, a count slot as a number: as the result JSON's templates have them.
  const made = template(`{"value":"${slot(0)}","rank":"${slot(1)}","name":"${slot(2)}"}`, [1]);

  it('writes a number slot as formatUnits writes it, for any safe integer and any decimals', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1_000_000, max: 1_000_000 }),
          fc.maxSafeInteger(),
          fc.integer({ min: 0, max: 53 }).map((e) => 2 ** e - 1),
          fc.constantFrom(0, -0, 9, 10, 99, 100, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
        ),
        fc.integer({ min: 0, max: 20 }),
        fc.nat(),
        // A plain name keeps the fill on its fast path; any other goes through the checked one.
        fc.constantFrom('x', '1286.33', '名', 'a"b'),
        (units, dp, rank, name) => {
          const text = written((out) => {
            out.fill(made, [units, rank, name], [dp, 0, 0]);
          });
          expect(text).toBe(JSON.stringify({ value: formatUnits(units, dp), rank, name }));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses a units figure that is not a safe integer, as formatUnits does', () => {
    for (const units of [2 ** 53, 0.5, Number.NaN, Infinity]) {
      expect(() =>
        written((out) => {
          out.fill(made, [units, 1, ''], [2, 0, 0]);
        }),
      ).toThrow(RangeError);
      expect(() => formatUnits(units, 2)).toThrow(RangeError);
    }
  });
});

describe('JsonBytes.fields', () => {
  const keys = [jsonBytes('{"a":'), jsonBytes(',"b":'), jsonBytes(',"c":')];

  it('writes each text as JSON.stringify does, null and undefined as null', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('"', '\\', '\u0000', '\u001f', '\u007f', '\u2028', '\ud800', '\udfff', '台州'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(text, fc.constant(null), fc.constant(undefined)), { minLength: 3, maxLength: 3 }),
        (texts) => {
          const json = written((out) => {
            out.fields(keys, texts);
          });
          expect(json).toBe(
            JSON.stringify({ a: texts[0] ?? null, b: texts[1] ?? null, c: texts[2] ?? null }).slice(0, -1),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes texts longer than its buffer', () => {
    const long = '台'.repeat(100_000);
    const json = written((out) => {
      out.fields(keys, [long, 'x', null]);
    });
    expect(json).toBe(JSON.stringify({ a: long, b: 'x', c: null }).slice(0, -1));
  });
});

describe('JsonBytes chunks', () => {
  it('are whole characters, and together the text written, over more than one full chunk', () => {
    const made = template(`{"名称":"${slot(0)}","value":"${slot(1)}"}`);
    fc.assert(
      fc.property(
        // Enough rows to fill more than one chunk (256 KiB); plain names (fill's fast path) and others.
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.string({ unit: 'grapheme-ascii', minLength: 10, maxLength: 60 }),
              fc.string({ unit: 'grapheme', minLength: 10, maxLength: 60 }),
            ),
            fc.integer(),
          ),
          { minLength: 6000, maxLength: 8000 },
        ),
        (rows) => {
          // fatal: a chunk ending inside a character throws.
          const decoder = new TextDecoder('utf-8', { fatal: true });
          const chunks: string[] = [];
          const out = new JsonBytes((bytes) => chunks.push(decoder.decode(bytes)));
          for (const [name, units] of rows) out.fill(made, [name, units], [0, 2]);
          out.flush();
          const expected = rows
            .map(([name, units]) => JSON.stringify({ 名称: name, value: formatUnits(units, 2) }))
            .join('');
          expect(chunks.join('')).toBe(expected);
        },
      ),
      // No shrinking: a counterexample of thousands of rows takes minutes to shrink.
      { numRuns: 10, endOnFailure: true },
    );
  });
});

describe('joined templates', () => {
  const parts = [
    template(`{"a":"${slot(0)}","n":"${slot(1)}"`, [1]),
    fixedTemplate(`,"fixed":"${slot(0)}"`),
    template(`,"b":"${slot(0)}${slot(2)}"}`),
  ];
  const dps = [2, 0, 0];

  it('fill as the templates filled one after another, slots offset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.integer({ min: -1e9, max: 1e9 })), {
          minLength: 9,
          maxLength: 9,
        }),
        (values) => {
          // Number slots take numbers; the others, text.
          const filled = values.map((value, k) =>
            k % 3 === 1 ? (typeof value === 'number' ? value : 7) : String(value),
          );
          const one = written((out) => {
            out.fill(joined(parts, [0, 3, 6]), filled, [...dps, ...dps, ...dps]);
          });
          const apart = written((out) => {
            parts.forEach((made, t) => {
              out.fill(made, filled.slice(t * 3, t * 3 + 3), dps);
            });
          });
          expect(one).toBe(apart);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keep the text of a template made fixed as it is, markers included', () => {
    const text = written((out) => {
      out.fill(fixedTemplate(`"${slot(3)}"`), [], []);
    });
    expect(text).toBe(`"${slot(3)}"`);
  });
});
