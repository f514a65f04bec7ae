import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { mujun, ROOT } from './mujun.js';
import type { Run } from './mujun.js';

/** The spreadsheet fixtures (tests/fixtures/sheets/make-fixtures.ts writes them). */
export const SHEETS = 'tests/fixtures/sheets';

/** The same eight enterprises as a plain UTF-8 CSV: what every other shape of them must grade like. */
export const PLAIN = `${SHEETS}/enterprises.csv`;

/** Runs `mujun grade` with the given arguments into `out`, expects success and returns the result bytes. */
export async function gradeBytes(out: string, ...args: string[]): Promise<{ bytes: Buffer; run: Run }> {
  const run = await mujun('grade', ...args, '--out', out);
  expect(run.code, run.stderr).toBe(0);
  return { bytes: await readFile(out), run };
}

/** A workbook's sheets as rows of cell values (empty cells as ''), read with exceljs's full reader. */
export async function workbookRows(path: string): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.startsWith('/') ? path : join(ROOT, path));
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (value) => value ?? '')));
    sheets[sheet.name] = rows;
  }
  return sheets;
}
