import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CliError } from './errors.js';
import { INPUT_OPTIONS, inputSpecs } from './inputs.js';

function specs(...args: string[]) {
  const { tokens } = parseArgs({ args, options: INPUT_OPTIONS, strict: true, tokens: true });
  return inputSpecs({ tokens }, 'grade');
}

describe('inputSpecs', () => {
  it('reads every --input in order, CSV encoding detected by default', () => {
    expect(specs('--input', 'a.xlsx', '-i', 'b.csv')).toEqual([
      { path: 'a.xlsx', encoding: 'auto' },
      { path: 'b.csv', encoding: 'auto' },
    ]);
  });

  it('gives a --sheet or --encoding after an --input to that file only', () => {
    expect(
      specs('--input', 'tax.xlsx', '--sheet', '税务', '--input', 'land.csv', '--encoding', 'GBK'),
    ).toEqual([
      { path: 'tax.xlsx', sheet: '税务', encoding: 'auto' },
      { path: 'land.csv', encoding: 'gbk' },
    ]);
  });

  it('gives one before the first --input to every file, unless a file has its own', () => {
    expect(
      specs('--encoding', 'gb18030', '--input', 'a.csv', '--input', 'b.csv', '--encoding', 'utf-8'),
    ).toEqual([
      { path: 'a.csv', encoding: 'gb18030' },
      { path: 'b.csv', encoding: 'utf8' },
    ]);
  });

  it('refuses no input, an unknown encoding and an option given twice for one file', () => {
    expect(() => specs('--sheet', 'x')).toThrow(/--input/);
    expect(() => specs('--input', 'a.csv', '--encoding', 'latin1')).toThrow(CliError);
    expect(() => specs('--input', 'a.xlsx', '--sheet', 'x', '--sheet', 'y')).toThrow(/两次/);
  });
});
