import { describe, expect, it } from 'vitest';
import { sameValue } from './same-value.js';

describe('sameValue', () => {
  it('compares numbers by value', () => {
    expect(sameValue('tax', '12.50', '12.5')).toBe(true);
    expect(sameValue('tax', ' 012.5 ', '12.5')).toBe(true);
    expect(sameValue('tax', '-0', '0.00')).toBe(true);
    expect(sameValue('landAreaMu', '20', '20.0')).toBe(true);
    expect(sameValue('tax', '12.5', '12.51')).toBe(false);
    expect(sameValue('tax', '-12.5', '12.5')).toBe(false);
  });

  it('compares text that is not a number as text, so a bad cell is still a conflict', () => {
    expect(sameValue('tax', '12万', '120000')).toBe(false);
    expect(sameValue('tax', '1,234', '1,234')).toBe(true);
  });

  it('compares enumerations and flags by meaning', () => {
    expect(sameValue('scale', '规上', 'Above')).toBe(true);
    expect(sameValue('scale', '规上', '规下')).toBe(false);
    expect(sameValue('highTech', '是', 'Y')).toBe(true);
    expect(sameValue('specialized', '省级', 'province')).toBe(true);
  });

  it('compares reason lists item by item and names exactly', () => {
    expect(sameValue('vetoReasons', '环保处罚；欠税', '环保处罚;欠税')).toBe(true);
    expect(sameValue('name', '浙江精诚塑料制品有限公司', '浙江精诚塑料制品有限公司 ')).toBe(true);
    expect(sameValue('name', '浙江精诚塑料制品有限公司', '浙江精诚塑料有限公司')).toBe(false);
  });
});
