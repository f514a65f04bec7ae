import { randomBytes } from 'node:crypto';

/** Server ids: a type prefix and 96 random bits, so an id says what it names and cannot be guessed. */
export function newId(
  prefix: 'ev' | 'obj' | 'itm' | 'evd' | 'tok' | 'acc' | 'ses' | 'led' | 'note' | 'att' | 'prop',
): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
