import { describe, expect, it } from 'vitest';
import { cellText, isDateFormat } from './cell-text.js';
import type { RawCell } from './cell-text.js';

const SHARED = ['规上', '台州恒力'];

function text(cell: Partial<RawCell>, date1904 = false): string {
  const raw: RawCell = { type: undefined, value: undefined, inline: undefined, formula: false, date: false };
  return cellText({ ...raw, ...cell }, SHARED, date1904);
}

describe('cellText', () => {
  it('reads numbers from the stored value, strings by index or inline, empties as empty', () => {
    expect(text({ value: '0.30000000000000004' })).toBe('0.3');
    expect(text({ type: 'n', value: '1.2345678901234567E+20' })).toBe('123456789012346000000');
    expect(text({ type: 's', value: '1' })).toBe('台州恒力');
    expect(text({ type: 's', value: '9' })).toBe('');
    expect(text({ type: 'inlineStr', inline: ' 12.50 ' })).toBe(' 12.50 ');
    expect(text({})).toBe('');
    expect(text({ value: 'abc' })).toBe('abc');
  });

  it('reads a formula as its cached result, and a cached error as something that is not a number', () => {
    expect(text({ formula: true, value: '1356.8' })).toBe('1356.8');
    expect(text({ formula: true, type: 'str', value: '规上' })).toBe('规上');
    expect(text({ formula: true })).toBe('');
    expect(text({ formula: true, type: 'e', value: '#DIV/0!' })).toBe('#公式错误');
  });

  it('keeps error codes, which validation then reports', () => {
    expect(text({ type: 'e', value: '#N/A' })).toBe('#N/A');
  });

  it('writes dates as ISO dates, with the time only when there is one, in either date system', () => {
    expect(text({ value: '45747', date: true })).toBe('2025-03-31');
    expect(text({ value: '45747.354166666664', date: true })).toBe('2025-03-31T08:30:00');
    expect(text({ value: '44285', date: true }, true)).toBe('2025-03-31');
    expect(text({ type: 'd', value: '2025-03-31T00:00:00' })).toBe('2025-03-31');
    expect(text({ type: 'd', value: '2025-03-31T08:30:00Z' })).toBe('2025-03-31T08:30:00');
  });

  it('writes booleans as the words the data dictionary accepts', () => {
    expect(text({ type: 'b', value: '1' })).toBe('true');
    expect(text({ type: 'b', value: '0' })).toBe('false');
  });
});

describe('isDateFormat', () => {
  it('tells date formats from number formats, quoted text and brackets aside', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('[$-804]h:mm')).toBe(true);
    expect(isDateFormat('#,##0.00"万"')).toBe(false);
    expect(isDateFormat('0.00_);[Red]\\(0.00\\)')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('@')).toBe(false);
  });
});
