import { describe, expect, it } from 'vitest';
import { evidenceFilename, sniffEvidence } from './evidence.js';

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

describe('an evidence file is named by its type, not by the name it came with', () => {
  it('drops paths, control and formatting characters, and takes the extension of its bytes', () => {
    expect(evidenceFilename('../../x.html', 'application/pdf')).toBe('x.pdf');
    expect(evidenceFilename('C:\\Users\\张三\\营业执照.PDF', 'image/png')).toBe('营业执照.png');
    expect(evidenceFilename('证明\u0000\u001b\u202e材料.jpeg', 'image/jpeg')).toBe('证明材料.jpg');
    expect(evidenceFilename('报告.pdf.exe', 'application/pdf')).toBe('报告.pdf');
    expect(evidenceFilename('.bashrc', 'application/pdf')).toBe('证明材料.pdf');
    expect(evidenceFilename('. 名单 .', 'application/pdf')).toBe('名单.pdf');
  });

  it('gives a name when none is left, avoids device names and stays within 255 bytes', () => {
    expect(evidenceFilename('../../', 'application/pdf')).toBe('证明材料.pdf');
    expect(evidenceFilename('...', 'image/png')).toBe('证明材料.png');
    expect(evidenceFilename('CON.pdf', 'application/pdf')).toBe('_CON.pdf');
    const long = evidenceFilename(`${'很长的名字'.repeat(100)}.pdf`, 'application/pdf');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(long.startsWith('很长的名字')).toBe(true);
  });
});
