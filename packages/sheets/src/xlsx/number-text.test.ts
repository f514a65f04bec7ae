import { describe, expect, it } from 'vitest';
import { numberText } from './number-text.js';

describe('numberText', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [1e-7, '0.0000001'],
    [1.5e-10, '0.00000000015'],
    [-0, '0'],
    [0, '0'],
    [12.5, '12.5'],
    [-3, '-3'],
    [-0.0302, '-0.0302'],
    [1356.8, '1356.8'],
    [4000000, '4000000'],
    [1e21, '1000000000000000000000'],
    [123456789012345680000, '123456789012346000000'],
    [913310030000000000, '913310030000000000'],
    [2.675, '2.675'],
    [0.00012345678901234567, '0.000123456789012346'],
    [99999999999999.9, '99999999999999.9'],
    [999999999999999.9, '1000000000000000'],
    [1 / 3, '0.333333333333333'],
    [-2 / 3, '-0.666666666666667'],
  ])('%s reads %s', (value, text) => {
    expect(numberText(value)).toBe(text);
  });

  it('never writes an exponent and always matches the data dictionary number pattern', () => {
    for (let exponent = -20; exponent <= 25; exponent += 1) {
      for (const mantissa of [1, 1.25, 9.999999999999998, 7.000000000000001]) {
        const text = numberText(mantissa * 10 ** exponent);
        expect(text).toMatch(/^(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/);
      }
    }
  });
});
