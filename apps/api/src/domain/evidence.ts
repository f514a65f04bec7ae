/** Evidence files: what a stamped written proof may be (§11), told by content, never by name or header. */
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const MAX_EVIDENCE_FILES = 10;
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * The media type the bytes really are, or undefined. The client's Content-Type and file name are
 * ignored: a scan saved as `证明.pdf` that is really a PNG is accepted, as the PNG it is; a text file
 * named `.pdf` is refused.
 */
export function sniffEvidence(bytes: Uint8Array): EvidenceType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  return undefined;
}

/** The extension a file of each type is stored and served with, whatever name it came with. */
export const EVIDENCE_EXTENSIONS: Readonly<Record<EvidenceType, string>> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};

/**
 * How much evidence may be stored, in bytes: per enterprise in one evaluation (over all its
 * objections), and per evaluation (over all enterprises). Checked inside the filing's transaction.
 */
export interface EvidenceQuota {
  readonly perEnterprise: number;
  readonly perEvaluation: number;
}

export const DEFAULT_EVIDENCE_QUOTA: EvidenceQuota = {
  perEnterprise: 100 * 1024 * 1024,
  perEvaluation: 5 * 1024 * 1024 * 1024,
};

/** Control characters, bidi and zero-width formatting, and what Windows forbids in a file name. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff<>:"|?*]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** A file name's bytes, extension included, stay within what every file system takes (255). */
const MAX_BASE_BYTES = 200;
const DEFAULT_BASE = '证明材料';

/**
 * The name an evidence file is stored and served under: the client's name without any path
 * (`../../x.html` → `x`), control and formatting characters or characters Windows forbids, leading
 * dots or a trailing extension, cut to 200 bytes, then the extension of the type its bytes are
 * (`x.pdf`). The Chinese base name is kept as it is.
 */
export function evidenceFilename(clientName: string, mediaType: EvidenceType): string {
  const extension = EVIDENCE_EXTENSIONS[mediaType];
  const last = clientName.split(/[/\\]/).pop() ?? '';
  let base = last.normalize('NFC').replace(UNSAFE, '').trim();
  base = base.replace(/\.[A-Za-z0-9]{1,10}$/, '');
  base = base.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (base.toLowerCase().endsWith(extension)) base = base.slice(0, -extension.length);
  while (Buffer.byteLength(base) > MAX_BASE_BYTES) base = Array.from(base).slice(0, -1).join('');
  if (base === '') base = DEFAULT_BASE;
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  return `${base}${extension}`;
}
