import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Small inputs: the CLI's sample, and evidence files made of their signatures. */

export const SAMPLE_CSV = readFileSync(
  fileURLToPath(new URL('../../../apps/cli/samples/sample-2025.csv', import.meta.url)),
);

/** A minimal PDF: the header is what the server checks. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
export const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
export const TEXT = Buffer.from('this is not a pdf\n', 'utf8');

export function dataForm(
  files: readonly { name: string; bytes: Uint8Array }[],
  fields: Readonly<Record<string, string>> = {},
): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append('data', new Blob([file.bytes]), file.name);
  return form;
}

export function objectionForm(
  objection: unknown,
  evidence: readonly { name: string; bytes: Uint8Array; type?: string }[] = [
    { name: '证明.pdf', bytes: PDF },
  ],
): FormData {
  const form = new FormData();
  form.append('objection', JSON.stringify(objection));
  for (const file of evidence)
    form.append('evidence', new Blob([file.bytes], { type: file.type ?? 'application/pdf' }), file.name);
  return form;
}

/** The sample with one cell broken in each of two rows: tax `12万` and land `-3`. */
export function brokenCsv(): Buffer {
  const lines = SAMPLE_CSV.toString('utf8').split('\n');
  lines[1] = (lines[1] ?? '').replace(',1356.80,', ',12万,');
  lines[2] = (lines[2] ?? '').replace(',38,612.50,', ',-3,612.50,');
  return Buffer.from(lines.join('\n'), 'utf8');
}
