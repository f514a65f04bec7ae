import { createHash, randomBytes } from 'node:crypto';

/** Bearer tokens look like `mjt_…`, so a leaked one is recognisable (and greppable) as a mujun token. */
export const TOKEN_PREFIX = 'mjt_';

/** 32 random bytes, base64url: printed once at creation; only its hash is kept. */
export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 is enough for a 256-bit random secret: there is nothing to brute-force, so no slow hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
