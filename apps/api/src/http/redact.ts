import { TOKEN_PREFIX } from '../domain/tokens.js';

/**
 * What a log line must never carry: a bearer token, wherever a client put it (a header, the query
 * string, the path, a body quoted in an error message). The request log redacts by name (query
 * parameters and headers that hold secrets) and the logger's destination scrubs by shape (anything
 * that looks like a mujun token or a Bearer credential) on every line, whatever wrote it.
 */

export const REDACTED = '[redacted]';

/** Query parameters and headers whose value is a secret, by name. */
const SECRET_NAME = /token|secret|passw|auth|api[-_]?key|^key$|sig|session|cookie|credential|code/i;

/** A mujun token (`mjt_` and its base64url) or any Bearer/Basic credential, wherever it appears in text. */
const SECRET_SHAPE = new RegExp(
  `${TOKEN_PREFIX}[A-Za-z0-9_%-]+|\\b(Bearer|Basic)(\\s|%20|\\+)+[A-Za-z0-9._~+/%=-]+`,
  'gi',
);

/** `text` with every token-shaped run replaced. */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_SHAPE, (match, scheme?: string) =>
    scheme === undefined ? `${TOKEN_PREFIX}${REDACTED}` : `${scheme} ${REDACTED}`,
  );
}

/**
 * A request URL as it may be logged: the path kept, each query parameter with a secret's name
 * (`access_token`, `token`, `api_key`, …) or a token-shaped value replaced by [redacted]. The
 * query is handled as raw text, so even a malformed one cannot make this throw or keep a secret.
 */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  const path = scrubSecrets(mark < 0 ? url : url.slice(0, mark));
  if (mark < 0) return path;
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals < 0 ? pair : pair.slice(0, equals);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replaceAll('+', ' '));
      } catch {
        // a malformed escape: judge the raw name
      }
      if (equals >= 0 && SECRET_NAME.test(name)) return `${scrubSecrets(rawName)}=${REDACTED}`;
      return scrubSecrets(pair);
    })
    .join('&');
  return `${path}?${query}`;
}

/** Request headers as they may be logged: secrets by name redacted, URLs (Referer) redacted as URLs. */
export function redactHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string | string[]> {
  const logged: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (SECRET_NAME.test(name) && name !== 'idempotency-key') logged[name] = REDACTED;
    else if (name === 'referer' || name === 'origin' || name === 'location') {
      logged[name] = Array.isArray(value) ? value.map(redactUrl) : redactUrl(value);
    } else logged[name] = Array.isArray(value) ? value.map(scrubSecrets) : scrubSecrets(value);
  }
  return logged;
}
