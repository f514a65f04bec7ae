/**
 * A tiny HTML template tag, `markup`, that escapes by default: every interpolated string (an enterprise's
 * name is user data) is escaped for both text and quoted attribute values; only an `Html` value, which this
 * module or the tag itself made, goes in as it is. Arrays are joined. Numbers are written with String()
 * (they are counts and SVG coordinates; figures travel as decimal strings). null and undefined write
 * nothing. Never interpolate into an unquoted attribute, a URL, a <script> or a <style>: none of the pages
 * do.
 *
 * The tag is not called `html`: Prettier formats templates tagged `html` as HTML documents, re-indenting
 * them and moving markup around, which changes (and once broke) what the pages say.
 */

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlValue = Html | string | number | null | undefined | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Html) return value.text;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(render).join('');
}

export function markup(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    text += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(text);
}

/** Markup written by this package's own code (a stylesheet), never from data. */
export function trusted(text: string): Html {
  return new Html(text);
}
