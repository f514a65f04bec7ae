import { SheetError, SheetErrorCode } from '../errors.js';

/**
 * The encodings a CSV arrives in. Excel on a Chinese Windows saves "CSV" in the ANSI code page (GBK, of
 * which GB18030 is the superset); "CSV UTF-8" and most other tools write UTF-8, often with a BOM.
 */
export const ENCODINGS = ['auto', 'utf8', 'gb18030', 'gbk'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Also accepted on the command line: the spellings people type. */
const ALIASES: Readonly<Record<string, Encoding>> = {
  auto: 'auto',
  utf8: 'utf8',
  'utf-8': 'utf8',
  gb18030: 'gb18030',
  gbk: 'gbk',
  gb2312: 'gbk',
  cp936: 'gbk',
};

/** The encoding an `--encoding` value names, or undefined for one we do not read. */
export function encodingNamed(name: string): Encoding | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

export interface DecodedText {
  readonly text: string;
  /** What the bytes turned out to be: never `auto`. */
  readonly encoding: Exclude<Encoding, 'auto'>;
}

const BOM = '\uFEFF';

function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a text file. `auto` takes the bytes as UTF-8 when they are valid UTF-8 (any real GBK text with
 * Chinese in it is not) and as GB18030 otherwise; GB18030 decodes every byte sequence, so auto never
 * fails. A BOM is dropped. Named `utf8` on bytes that are not UTF-8 is an error, not mojibake.
 */
export function decodeText(bytes: Uint8Array, encoding: Encoding, file: string): DecodedText {
  if (encoding === 'gb18030' || encoding === 'gbk') {
    // The WHATWG decoders (built into Node) treat gbk as gb18030, which is a superset of it.
    return { text: stripBom(new TextDecoder('gb18030', { ignoreBOM: true }).decode(bytes)), encoding };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return { text: stripBom(utf8), encoding: 'utf8' };
  if (encoding === 'utf8') {
    throw new SheetError(
      SheetErrorCode.InvalidEncoding,
      file,
      `${file} 不是 UTF-8 编码；若是 Excel 另存的“CSV(逗号分隔)”，请用 --encoding gb18030 或 auto ` +
        `(the file is not UTF-8; for an Excel "CSV" saved on Chinese Windows use --encoding gb18030 or auto)`,
    );
  }
  return decodeText(bytes, 'gb18030', file);
}
