import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * TOTP (RFC 6238) over HOTP (RFC 4226): HMAC-SHA1, 30-second steps, 6 digits, as every authenticator
 * app (Google Authenticator, Microsoft Authenticator, 阿里云 App, FreeOTP) reads from an otpauth URI.
 */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes one step either side of now are accepted too (a phone's clock a little off). */
const DRIFT_STEPS = 1;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32.charAt((value << (5 - bits)) & 31);
  return out;
}

export function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** HOTP(K, C) with dynamic truncation, `digits` long. */
export function hotp(key: Buffer, counter: bigint, digits = TOTP_DIGITS, algorithm = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(counter);
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totpAt(secret: string, at: Date, digits = TOTP_DIGITS): string {
  return hotp(base32Decode(secret), BigInt(Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS)), digits);
}

/**
 * The time step (RFC 6238's T) whose code `code` is, for `secret` at `at` or one step either side;
 * null when none. Every candidate is compared, in constant time, whichever matches.
 */
export function totpStep(secret: string, code: string, at: Date): number | null {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const key = base32Decode(secret);
  const now = Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
  let matched: number | null = null;
  for (let drift = -DRIFT_STEPS; drift <= DRIFT_STEPS; drift += 1) {
    const expected = Buffer.from(hotp(key, BigInt(now + drift)));
    if (timingSafeEqual(expected, Buffer.from(code))) matched = now + drift;
  }
  return matched;
}

/** Whether `code` is the TOTP of `secret` at `at`, or one step either side. */
export function verifyTotp(secret: string, code: string, at: Date): boolean {
  return totpStep(secret, code, at) !== null;
}

/** The otpauth URI an authenticator app scans (as a QR code) or takes typed in. */
export function otpauthUri(secret: string, account: string, issuer = 'mujun 亩均论英雄'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const params = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
