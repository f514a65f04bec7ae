import { describe, expect, it } from 'vitest';
import { cellText } from './cell-text.js';

describe('cellText', () => {
  it('reads numbers from the stored value, text as text, empties as empty', () => {
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(' 12.50 ')).toBe(' 12.50 ');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });

  it('reads a formula as its cached result, and a cached error as something that is not a number', () => {
    expect(cellText({ formula: 'A1+A2', result: 1356.8 })).toBe('1356.8');
    expect(cellText({ sharedFormula: 'B2', result: '规上' })).toBe('规上');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText({ formula: 'A1/0', result: Number.NaN })).toBe('#公式错误');
  });

  it('joins rich text, keeps error codes, reads hyperlinks by their text', () => {
    expect(cellText({ richText: [{ text: '台州' }, { text: '恒力', font: { bold: true } }] })).toBe(
      '台州恒力',
    );
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText({ text: '浙江精诚', hyperlink: 'https://example.org' })).toBe('浙江精诚');
  });

  it('writes dates as ISO dates, with the time only when there is one', () => {
    expect(cellText(new Date(Date.UTC(2025, 2, 31)))).toBe('2025-03-31');
    expect(cellText(new Date(Date.UTC(2025, 2, 31, 8, 30)))).toBe('2025-03-31T08:30:00');
  });

  it('writes booleans as the words the data dictionary accepts', () => {
    expect(cellText(true)).toBe('true');
    expect(cellText(false)).toBe('false');
  });
});
