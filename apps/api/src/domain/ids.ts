import { randomFillSync } from 'node:crypto';

/**
 * Random bytes for ids, drawn from the system's CSPRNG 4 KiB at a time rather than 12 bytes per call
 * (a filing makes three ids; each call into the generator cost more than the id). Each byte is used
 * once, as Node's own randomUUID draws from its pool.
 */
const POOL_BYTES = 4096;
const ID_BYTES = 12;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

/** Server ids: a type prefix and 96 random bits, so an id says what it names and cannot be guessed. */
export function newId(
  prefix: 'ev' | 'obj' | 'itm' | 'evd' | 'tok' | 'acc' | 'ses' | 'led' | 'note' | 'att' | 'prop',
): string {
  if (used + ID_BYTES > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const id = pool.toString('base64url', used, used + ID_BYTES);
  used += ID_BYTES;
  return `${prefix}_${id}`;
}
