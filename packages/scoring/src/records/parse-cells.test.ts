import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldType } from './fields.js';
import { cellBySchema, cellValue, trimmed } from './parse.js';

const TYPES: readonly FieldType[] = [
  'uscc',
  'text',
  'scale',
  'decimal',
  'nonNegativeDecimal',
  'boolean',
  'specialized',
  'nonNegativeInteger',
  'reasons',
];

/** Pieces that sit on the edges of the fast checks: signs, zeros, points, case, full width, codes. */
const PIECES = [
  '0',
  '1',
  '7',
  '9',
  '00',
  '-',
  '-0',
  '.',
  '.5',
  '5.',
  '.0',
  'e',
  'E',
  '1e3',
  '+',
  ' ',
  ',',
  '９',
  '是',
  '否',
  'Y',
  'n',
  'TRUE',
  'False',
  'y',
  '规上',
  '规下',
  'Above',
  'BELOW',
  '无',
  '省级',
  '国家级',
  'National',
  'none',
  ';',
  '；',
  '／',
  '—',
  'x',
  '91330100000000005Q',
  '91330100000000005q',
  '9133010000000000',
  'O',
  'I',
  '9007199254740993',
  '12345678901234567890',
];

const cellText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')),
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.double({ noNaN: true }).map(String),
  fc.integer().map(String),
);

describe('cell reading without zod', () => {
  it('gives, for every cell and field type, exactly what the field’s zod schema gives', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), cellText, (type, text) => {
        const trimmed = text.trim();
        fc.pre(trimmed !== '');
        expect(cellValue(type, trimmed)).toEqual(cellBySchema(type, trimmed));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees on the spellings a bureau’s file holds', () => {
    const cells: readonly [FieldType, string][] = [
      ['uscc', '91330100000000005q'],
      ['decimal', '-007.50'],
      ['decimal', '-0'],
      ['nonNegativeDecimal', '-0.00'],
      ['nonNegativeDecimal', '-0.01'],
      ['nonNegativeInteger', '3.000'],
      ['nonNegativeInteger', '-0'],
      ['nonNegativeInteger', '99999999999999999999'],
      ['boolean', 'Y'],
      ['scale', 'Above'],
      ['specialized', '国家级'],
      ['reasons', '无；停产; '],
    ];
    for (const [type, text] of cells) expect(cellValue(type, text)).toEqual(cellBySchema(type, text));
  });
});

describe('trimmed', () => {
  /** White space of every kind String.prototype.trim removes, and characters just beside the ASCII test. */
  const edge = fc.constantFrom(
    ' ',
    '\t',
    '\n',
    '\v',
    '\f',
    '\r',
    '\u00a0',
    '\u1680',
    '\u2000',
    '\u2028',
    '\u3000',
    '\ufeff',
    '\u001f',
    '!',
    '~',
    '\u007f',
    '\u0080',
    'a',
    '中',
    '😀',
  );
  const text = fc
    .array(fc.oneof(edge, fc.string({ maxLength: 3, unit: 'grapheme' })), { maxLength: 6 })
    .map((parts) => parts.join(''));

  it('is String.prototype.trim, white space of every kind, one character or none', () => {
    fc.assert(
      fc.property(text, (cell) => {
        expect(trimmed(cell)).toBe(cell.trim());
      }),
      { numRuns: 5000 },
    );
  });
});
