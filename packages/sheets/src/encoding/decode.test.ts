import { describe, expect, it } from 'vitest';
import { SheetError } from '../errors.js';
import { decodeText, encodingNamed } from './decode.js';

/** "企业名称,规上" as Excel on a Chinese Windows saves it (GBK). */
const GBK = Buffer.from([0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb9, 0xe6, 0xc9, 0xcf, 0x0a]);
const TEXT = '企业名称,规上\n';

describe('decodeText', () => {
  it('reads UTF-8 with or without a BOM, and drops the BOM', () => {
    expect(decodeText(Buffer.from(TEXT), 'auto', 'x.csv')).toEqual({ text: TEXT, encoding: 'utf8' });
    expect(decodeText(Buffer.from(`\uFEFF${TEXT}`), 'auto', 'x.csv').text).toBe(TEXT);
    expect(decodeText(Buffer.from(`\uFEFF${TEXT}`), 'utf8', 'x.csv').text).toBe(TEXT);
  });

  it('detects GBK (as GB18030) when the bytes are not UTF-8', () => {
    expect(decodeText(GBK, 'auto', 'x.csv')).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('decodes GBK when it is named, under either name', () => {
    expect(decodeText(GBK, 'gb18030', 'x.csv').text).toBe(TEXT);
    expect(decodeText(GBK, 'gbk', 'x.csv').text).toBe(TEXT);
  });

  it('reads plain ASCII the same in every encoding', () => {
    for (const encoding of ['auto', 'utf8', 'gb18030', 'gbk'] as const) {
      expect(decodeText(Buffer.from('uscc,tax\n'), encoding, 'x.csv').text).toBe('uscc,tax\n');
    }
  });

  it('refuses bytes that are not UTF-8 when UTF-8 is named, naming the file and the way out', () => {
    expect(() => decodeText(GBK, 'utf8', 'gbk.csv')).toThrow(SheetError);
    expect(() => decodeText(GBK, 'utf8', 'gbk.csv')).toThrow(/gbk\.csv.*UTF-8.*--encoding gb18030/s);
  });
});

describe('encodingNamed', () => {
  it('accepts the usual spellings, in any case', () => {
    expect(encodingNamed('UTF-8')).toBe('utf8');
    expect(encodingNamed('GBK')).toBe('gbk');
    expect(encodingNamed('gb2312')).toBe('gbk');
    expect(encodingNamed(' auto ')).toBe('auto');
    expect(encodingNamed('latin1')).toBeUndefined();
  });
});
