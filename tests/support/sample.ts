import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseRecords } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';

/**
 * The CLI's sample year (apps/cli/samples/sample-2025.csv) as records. The file has no quoted cells, so a
 * plain split reads it; the spreadsheet readers have their own tests.
 */
export function sampleRecords(): EnterpriseRecord[] {
  const path = fileURLToPath(new URL('../../apps/cli/samples/sample-2025.csv', import.meta.url));
  const [header = '', ...lines] = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((text) => text.trim() !== '');
  const parsed = parseRecords({
    file: 'sample-2025.csv',
    headers: header.split(','),
    rows: lines.map((text, k) => ({ row: k + 2, cells: text.split(',') })),
  });
  if (parsed.issues.length > 0) throw new Error(`the sample has problems: ${JSON.stringify(parsed.issues)}`);
  return parsed.records;
}
