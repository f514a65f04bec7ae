import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, otpauthUri, verifyTotp } from './totp.js';

describe('TOTP', () => {
  // RFC 4226 appendix D: the secret "12345678901234567890", counters 0–9.
  it('gives RFC 4226’s HOTP values', () => {
    const key = Buffer.from('12345678901234567890');
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => hotp(key, BigInt(counter)))).toEqual(expected);
  });

  // RFC 6238 appendix B, SHA-1 column: 8 digits at the listed times.
  it('gives RFC 6238’s TOTP values (SHA-1)', () => {
    const key = Buffer.from('12345678901234567890');
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) expect(hotp(key, BigInt(Math.floor(seconds / 30)), 8)).toBe(code);
  });

  it('accepts the code of now and of one step either side, and nothing else', () => {
    const secret = base32Encode(Buffer.from('12345678901234567890'));
    expect(base32Decode(secret).toString()).toBe('12345678901234567890');
    const at = new Date(1111111109 * 1000);
    // 07081804 is the 8-digit code; the 6-digit one is its last six digits.
    expect(verifyTotp(secret, '081804', at)).toBe(true);
    expect(verifyTotp(secret, '081804', new Date(at.getTime() + 30_000))).toBe(true);
    expect(verifyTotp(secret, '081804', new Date(at.getTime() + 90_000))).toBe(false);
    expect(verifyTotp(secret, '081805', at)).toBe(false);
    expect(verifyTotp(secret, '08180', at)).toBe(false);
  });

  it('writes an otpauth URI with the secret and issuer', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'zhangsan')).toMatch(
      /^otpauth:\/\/totp\/mujun%20.*%3Azhangsan\?secret=JBSWY3DPEHPK3PXP&issuer=/,
    );
  });
});
