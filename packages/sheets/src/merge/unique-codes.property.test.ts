import { parseRecords } from '@mujun/scoring';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GridRow } from '../table/grid.js';
import { sourceTable } from '../table/source-table.js';
import { mergeTables } from './merge.js';

const A = '91331003MA209HKA5H';
const B = '91331003MA209NM963';

/** Codes as clerks spell them: repeated, lower-case, padded, empty, malformed, a wrong check character. */
const code = fc.constantFrom(A, A, B, A.toLowerCase(), ` ${B} `, '', '  ', 'BAD', '91331003MA209HKA5X');
const cell = fc.constantFrom('', '1', '2.50', '-3', 'x', ' 7 ');
const scale = fc.constantFrom('规上', '规下', 'above', '', '大');
const row = fc.tuple(code, fc.constantFrom('恒力', '', '精诚'), scale, cell, cell);
const file = fc.array(row, { maxLength: 8 });

describe('a merged table and parseRecords', () => {
  it('finds no repeated code that the merge left: skipping the look-out (uniqueCodes) changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 3 }), async (files) => {
        const tables = await Promise.all(
          files.map((lines, f) => {
            const header = ['uscc', 'name', 'scale', 'tax', 'landAreaMu'];
            const rows = [header, ...lines].map((cells, i): GridRow => ({ row: i + 1, cells }));
            return sourceTable(rows, { file: `${String(f)}.csv` });
          }),
        );
        const merged = mergeTables(tables);
        expect(merged.table.uniqueCodes).toBe(true);
        expect(parseRecords(merged.table)).toEqual(parseRecords({ ...merged.table, uniqueCodes: false }));
      }),
      { numRuns: 1000 },
    );
  });
});
