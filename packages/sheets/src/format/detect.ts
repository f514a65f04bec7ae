/** What a file is, judged by its first bytes: a name ending in `.csv` may well hold a workbook. */
export type FileFormat = 'xlsx' | 'legacy' | 'text';

/** Every zip (and so every .xlsx) starts with a local file header, `PK\x03\x04`. */
const ZIP = [0x50, 0x4b, 0x03, 0x04] as const;
/** OLE compound files: the old binary .xls, and .xlsx files saved with a password. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

export function detectFormat(bytes: Uint8Array): FileFormat {
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE)) return 'legacy';
  return 'text';
}
