/**
 * Compact JSON written straight into UTF-8 bytes, for results too many to build as objects and strings
 * first. At 100,000 enterprises the result JSON is about 250 MB, most of it the same labels and trace
 * wording on every line: building each result as objects, `JSON.stringify`-ing them (two-byte strings,
 * as the wording is Chinese) and encoding that to UTF-8 cost three times the grading itself. Here the
 * fixed parts are encoded once (templates) and copied; only a member's own figures and names are written.
 *
 * Every byte is what `JSON.stringify` would have written, encoded as UTF-8: text that needs escaping
 * (quotes, backslashes, control characters, lone surrogates) is handed to `JSON.stringify` itself.
 */
import { formatUnits } from './exact.js';

/** Flushed when full: large enough to keep the writes few (256 KiB measured faster than 64 KiB and 1 MiB). */
const CHUNK = 1 << 18;

const encoder = new TextEncoder();

/** Marks slot k in a template's source text: private-use characters, which no wording writes. */
const SLOT_BASE = 0xe000;
const SLOTS = 16;

export function slot(k: number): string {
  return String.fromCharCode(SLOT_BASE + k);
}

/**
 * JSON text with holes: `parts[0]`, slot `slots[0]`, `parts[1]`, … `parts[n]`. Made from the JSON of
 * an example whose figures are slot markers, so the fixed text and its escaping are JSON.stringify's.
 */
export interface Template {
  readonly parts: readonly Uint8Array[];
  readonly slots: readonly number[];
  /** The parts' bytes together. */
  readonly size: number;
}

/**
 * The template of `json`, in which `slot(k)` stands for value k. A number slot is written unquoted: give
 * it as `"${slot(k)}"` in the JSON (a string field holding only the marker) and list k in `numbers`.
 */
export function template(json: string, numbers: readonly number[] = []): Template {
  let text = json;
  for (const k of numbers) text = text.split(`"${slot(k)}"`).join(slot(k));
  const parts: Uint8Array[] = [];
  const slots: number[] = [];
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const k = text.charCodeAt(at) - SLOT_BASE;
    if (k < 0 || k >= SLOTS) continue;
    parts.push(encoder.encode(text.slice(start, at)));
    slots.push(k);
    start = at + 1;
  }
  parts.push(encoder.encode(text.slice(start)));
  return { parts, slots, size: parts.reduce((sum, part) => sum + part.length, 0) };
}

/** JSON text as a template without slots (any marker in it is text), to join with others. */
export function fixedTemplate(json: string): Template {
  const part = encoder.encode(json);
  return { parts: [part], slots: [], size: part.length };
}

/**
 * Templates written one after another as one template (one fill instead of many), template t's slot k
 * becoming slot `offsets[t] + k`.
 */
export function joined(templates: readonly Template[], offsets: readonly number[]): Template {
  const parts: Uint8Array[] = [];
  const slots: number[] = [];
  // The last part of each template and the first of the next are one part.
  let open: Uint8Array = new Uint8Array(0);
  templates.forEach((made, t) => {
    const first = made.parts[0] as Uint8Array;
    const merged = new Uint8Array(open.length + first.length);
    merged.set(open);
    merged.set(first, open.length);
    open = merged;
    made.slots.forEach((k, p) => {
      parts.push(open);
      slots.push((offsets[t] as number) + k);
      open = made.parts[p + 1] as Uint8Array;
    });
  });
  parts.push(open);
  return { parts, slots, size: parts.reduce((sum, part) => sum + part.length, 0) };
}

/** The UTF-8 of JSON text that is written often (a key and its fixed value). */
export function jsonBytes(json: string): Uint8Array {
  return encoder.encode(json);
}

/** Writes into a reused buffer and hands each full buffer to `sink` (which must use it before returning). */
export class JsonBytes {
  readonly #buffer = new Uint8Array(CHUNK);
  #used = 0;
  readonly #sink: (chunk: Uint8Array) => void;

  constructor(sink: (chunk: Uint8Array) => void) {
    this.#sink = sink;
  }

  flush(): void {
    if (this.#used === 0) return;
    this.#sink(this.#buffer.subarray(0, this.#used));
    this.#used = 0;
  }

  /** Fixed bytes (already JSON, already UTF-8). */
  bytes(bytes: Uint8Array): void {
    const length = bytes.length;
    if (this.#used + length > CHUNK) {
      this.flush();
      if (length > CHUNK) {
        this.#sink(bytes);
        return;
      }
    }
    const buffer = this.#buffer;
    let used = this.#used;
    // A short copy by hand: TypedArray#set costs more than the copy for a few bytes.
    if (length < 24) for (let i = 0; i < length; i++) buffer[used++] = bytes[i] as number;
    else {
      buffer.set(bytes, used);
      used += length;
    }
    this.#used = used;
  }

  /** JSON text as it is (already escaped): a small object's JSON.stringify. */
  json(text: string): void {
    if (this.#used + text.length * 3 > CHUNK) {
      this.flush();
      if (text.length * 3 > CHUNK) {
        this.#sink(encoder.encode(text));
        return;
      }
    }
    this.#used += encoder.encodeInto(text, this.#buffer.subarray(this.#used)).written;
  }

  /** A string as a JSON string literal. */
  string(text: string): void {
    this.#byte(0x22);
    this.inner(text);
    this.#byte(0x22);
  }

  /**
   * Strings or nulls as JSON, each after its key (`keys[f]`, fixed bytes): the fields of a record written
   * with one room check when every text is plain (no character JSON escapes), else one at a time.
   */
  fields(keys: readonly Uint8Array[], texts: readonly (string | null | undefined)[]): void {
    let need = 0;
    for (let f = 0; f < keys.length; f++) {
      const text = texts[f];
      need += (keys[f] as Uint8Array).length + (text == null ? 4 : text.length * 3 + 2);
    }
    if (this.#used + need > CHUNK) {
      this.flush();
      if (need > CHUNK) {
        this.#fieldsChecked(keys, texts);
        return;
      }
    }
    const buffer = this.#buffer;
    let used = this.#used;
    for (let f = 0; f < keys.length; f++) {
      const key = keys[f] as Uint8Array;
      for (let b = 0; b < key.length; b++) buffer[used++] = key[b] as number;
      const text = texts[f];
      if (text == null) {
        buffer[used++] = 0x6e; // null
        buffer[used++] = 0x75;
        buffer[used++] = 0x6c;
        buffer[used++] = 0x6c;
        continue;
      }
      buffer[used++] = 0x22;
      used = plainUtf8(text, buffer, used);
      if (used < 0) {
        this.#fieldsChecked(keys, texts);
        return;
      }
      buffer[used++] = 0x22;
    }
    this.#used = used;
  }

  /** `fields` one piece at a time (anything written since it began is dropped). */
  #fieldsChecked(keys: readonly Uint8Array[], texts: readonly (string | null | undefined)[]): void {
    for (let f = 0; f < keys.length; f++) {
      this.bytes(keys[f] as Uint8Array);
      this.nullable(texts[f] ?? null);
    }
  }

  /** A string or null, as JSON. */
  nullable(text: string | null): void {
    if (text === null) this.bytes(NULL);
    else this.string(text);
  }

  /**
   * A string's JSON escaping without its quotes (a figure inside a template's string). Plain text is
   * encoded here; anything JSON escapes goes through JSON.stringify, so the bytes are always its bytes.
   */
  inner(text: string): void {
    const length = text.length;
    if (this.#used + length * 3 > CHUNK) {
      this.flush();
      if (length * 3 > CHUNK) {
        this.#sink(encoder.encode(JSON.stringify(text).slice(1, -1)));
        return;
      }
    }
    const used = plainUtf8(text, this.#buffer, this.#used);
    if (used < 0) {
      this.#escaped(text);
      return;
    }
    this.#used = used;
  }

  /**
   * A template with its slots filled: strings are escaped as inside a JSON string; a number is a decimal
   * in units of 10^-dps[k] (slot k), written as `formatUnits` writes it (a count: dps[k] = 0).
   */
  fill(template: Template, values: readonly (string | number)[], dps: readonly number[]): void {
    const { parts, slots } = template;
    // Most fills are figures (plain ASCII) and fit: one room check, then plain copies (a fill per
    // indicator and trace entry is most of the result JSON's writing). Text that is not plain ASCII
    // (seen while copying) is written again through the checked path.
    let need = template.size;
    for (let p = 0; p < slots.length; p++) {
      const k = slots[p] as number;
      const value = values[k] as string | number;
      need += typeof value === 'number' ? UNITS_ROOM + (dps[k] as number) : value.length;
    }
    if (this.#used + need > CHUNK) {
      this.flush();
      if (need > CHUNK) {
        this.#fillChecked(template, values, dps);
        return;
      }
    }
    const buffer = this.#buffer;
    const start = this.#used;
    let used = start;
    for (let p = 0; ; p++) {
      const part = parts[p] as Uint8Array;
      if (part.length < SHORT_PART) for (let b = 0; b < part.length; b++) buffer[used++] = part[b] as number;
      else {
        buffer.set(part, used);
        used += part.length;
      }
      if (p === slots.length) break;
      const k = slots[p] as number;
      const value = values[k] as string | number;
      if (typeof value === 'number') {
        used = writeUnits(buffer, used, value, dps[k] as number);
        continue;
      }
      for (let c = 0; c < value.length; c++) {
        const code = value.charCodeAt(c);
        if (code < 0x20 || code > 0x7e || code === 0x22 || code === 0x5c) {
          this.#fillChecked(template, values, dps);
          return;
        }
        buffer[used++] = code;
      }
    }
    this.#used = used;
  }

  /** `fill` a piece at a time (any text, any size); anything written since the fill began is dropped. */
  #fillChecked(template: Template, values: readonly (string | number)[], dps: readonly number[]): void {
    const { parts, slots } = template;
    for (let p = 0; p < slots.length; p++) {
      this.bytes(parts[p] as Uint8Array);
      const k = slots[p] as number;
      const value = values[k] as string | number;
      this.inner(typeof value === 'number' ? formatUnits(value, dps[k] as number) : value);
    }
    this.bytes(parts[slots.length] as Uint8Array);
  }

  /** Text with a character JSON escapes (rare): JSON.stringify writes it, quotes dropped. */
  #escaped(text: string): void {
    this.json(JSON.stringify(text).slice(1, -1));
  }

  #byte(value: number): void {
    if (this.#used >= CHUNK) this.flush();
    this.#buffer[this.#used++] = value;
  }
}

const NULL = encoder.encode('null');

/**
 * A template part shorter than this is copied by hand, a longer one by TypedArray#set, whose call costs
 * more than a few bytes' copy: for the result JSON's templates 12 measured faster than 24, and 64
 * slower.
 */
const SHORT_PART = 12;
/** Room for a safe integer's digits, its sign and point (plus its decimals, counted apart). */
const UNITS_ROOM = 20;
/** A number's digits, last first (writeUnits). */
const DIGITS = new Uint8Array(32);

/**
 * `formatUnits(units, dp)` written as bytes at `at` (no string made); returns where it ended. Digit by
 * digit from the integer itself: every step is exact for a safe integer, and anything else is refused
 * exactly as formatUnits refuses it.
 */
function writeUnits(buffer: Uint8Array, at: number, units: number, dp: number): number {
  if (!Number.isSafeInteger(units) || dp > 16) {
    // formatUnits refuses an unsafe integer; many decimals (no scheme has them) take its text.
    const text = formatUnits(units, dp);
    for (let c = 0; c < text.length; c++) buffer[at + c] = text.charCodeAt(c);
    return at + text.length;
  }
  let rest = Math.abs(units);
  let count = 0;
  // Above 2^31 the remainder is a float64 one (slow: x87 fprem); below, 32-bit integer division.
  while (rest >= 0x80000000) {
    const digit = rest % 10;
    DIGITS[count++] = 0x30 + digit;
    rest = (rest - digit) / 10;
  }
  let small = rest | 0;
  do {
    const next = (small / 10) | 0;
    DIGITS[count++] = 0x30 + small - next * 10;
    small = next;
  } while (small > 0);
  while (count <= dp) DIGITS[count++] = 0x30;
  let used = at;
  if (units < 0) buffer[used++] = 0x2d;
  while (count > dp) buffer[used++] = DIGITS[--count] as number;
  if (dp > 0) {
    buffer[used++] = 0x2e;
    while (count > 0) buffer[used++] = DIGITS[--count] as number;
  }
  return used;
}

/**
 * Writes `text`'s UTF-8 into `buffer` from `at` (room for 3 bytes a UTF-16 unit is the caller's to
 * make) and answers where it ends; -1 when the text has a character JSON escapes (a control character,
 * `"`, `\`) or a surrogate, which the caller then writes through JSON.stringify.
 */
function plainUtf8(text: string, buffer: Uint8Array, at: number): number {
  let used = at;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20 || c === 0x22 || c === 0x5c) return -1;
      buffer[used++] = c;
    } else if (c < 0x800) {
      buffer[used++] = 0xc0 | (c >> 6);
      buffer[used++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c < 0xe000) {
      return -1;
    } else {
      buffer[used++] = 0xe0 | (c >> 12);
      buffer[used++] = 0x80 | ((c >> 6) & 0x3f);
      buffer[used++] = 0x80 | (c & 0x3f);
    }
  }
  return used;
}
