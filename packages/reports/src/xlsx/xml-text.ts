/**
 * Text as it may stand in SpreadsheetML, in element content and attribute values alike: the five markup
 * characters escaped, and the characters XML 1.0 cannot hold at all (C0 controls other than tab, line
 * feed and carriage return; DEL, as exceljs did; U+FFFE and U+FFFF) left out, since no escape exists for
 * them and a file holding one would not open.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what is left out
const NEEDS_WORK = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- as above
const MARKUP = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(MARKUP, (character) => ESCAPES[character] ?? '');
}

/** A 0-based column's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
