import { describe, expect, it } from 'vitest';
import { FIELDS } from './fields.js';
import { fieldForHeader } from './headers.js';

describe('fieldForHeader', () => {
  it('knows every column by its English key and by its Chinese header', () => {
    for (const field of FIELDS) {
      expect(fieldForHeader(field.key)).toBe(field.key);
      expect(fieldForHeader(field.header)).toBe(field.key);
    }
  });

  it('matches English keys whatever their case', () => {
    expect(fieldForHeader('USCC')).toBe('uscc');
    expect(fieldForHeader('LandAreaMu')).toBe('landAreaMu');
    expect(fieldForHeader(' tax ')).toBe('tax');
  });

  it('matches Chinese headers after NFKC with all whitespace removed', () => {
    expect(fieldForHeader('用地面积（亩）')).toBe('landAreaMu');
    expect(fieldForHeader('用地面积 (亩)')).toBe('landAreaMu');
    expect(fieldForHeader('用地面积　（平方米）')).toBe('landAreaM2');
    expect(fieldForHeader('Ｒ＆Ｄ经费支出（万元）')).toBe('rdExpense');
    expect(fieldForHeader('统一社会 信用代码\n')).toBe('uscc');
    expect(fieldForHeader('\uFEFF统一社会信用代码')).toBe('uscc');
    expect(fieldForHeader('已执行其他加价（元／千瓦时）')).toBe('existingSurchargePerKwh');
  });

  it('knows nothing else', () => {
    expect(fieldForHeader('备注')).toBeUndefined();
    expect(fieldForHeader('')).toBeUndefined();
    expect(fieldForHeader('用地面积')).toBeUndefined();
    expect(fieldForHeader('landMu')).toBeUndefined();
  });
});
