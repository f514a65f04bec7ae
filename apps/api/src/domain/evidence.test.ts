import { describe, expect, it } from 'vitest';
import { sniffEvidence } from './evidence.js';

describe('evidence is told by its bytes', () => {
  it('knows PDF, PNG and JPEG by their signatures', () => {
    expect(sniffEvidence(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffEvidence(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffEvidence(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
  });

  it('refuses text, truncated signatures and look-alikes', () => {
    expect(sniffEvidence(Buffer.from('this is not a pdf'))).toBeUndefined();
    expect(sniffEvidence(Buffer.from('%PDF'))).toBeUndefined();
    expect(sniffEvidence(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
    expect(sniffEvidence(Buffer.from([0xff, 0xd8]))).toBeUndefined();
    expect(sniffEvidence(Buffer.alloc(0))).toBeUndefined();
    expect(sniffEvidence(Buffer.from(' %PDF-1.7'))).toBeUndefined();
  });
});
