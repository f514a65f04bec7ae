/**
 * `Content-Disposition: attachment` for a file name in any script (RFC 6266 with RFC 8187's
 * `filename*`): an ASCII `filename` for old clients, of safe characters only, and the UTF-8 name
 * percent-encoded for the others.
 */

/** RFC 8187 attr-char: what may stand unencoded in `filename*` (encodeURIComponent leaves `'()*` too). */
function encodeAttrValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `name` reduced to safe ASCII for the plain `filename`, its extension kept; `fallback` when nothing is left. */
export function asciiFilename(name: string, fallback: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const base = (dot > 0 ? name.slice(0, dot) : name)
    .replace(/[^A-Za-z0-9._ -]/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return `${base === '' ? fallback : base}${extension}`;
}

export function attachmentDisposition(name: string, ascii: string = asciiFilename(name, 'download')): string {
  const plain = ascii.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeAttrValue(name)}`;
}
