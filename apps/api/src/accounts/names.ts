/** Account names: staff usernames in lower case, enterprises by their 统一社会信用代码 in upper case. */

export const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;
const USCC_LIKE = /^[0-9A-Za-z]{18}$/;

/** The stored form of what a person types: trimmed; an 18-character code upper-cased, else lower-cased. */
export function normalizeAccountName(typed: string): string {
  const trimmed = typed.trim();
  return USCC_LIKE.test(trimmed) ? trimmed.toUpperCase() : trimmed.toLowerCase();
}
