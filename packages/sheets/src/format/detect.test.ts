import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.js';

describe('detectFormat', () => {
  it('knows a workbook by its zip header, whatever the file is called', () => {
    expect(detectFormat(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('xlsx');
  });

  it('tells an old .xls (or a password-protected workbook) apart', () => {
    expect(detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('legacy');
  });

  it('takes anything else as text, empty files and a lone "PK" included', () => {
    expect(detectFormat(Buffer.from('uscc,name\n'))).toBe('text');
    expect(detectFormat(Buffer.from('PK,x\n'))).toBe('text');
    expect(detectFormat(new Uint8Array())).toBe('text');
  });
});
