import { describe, expect, it } from 'vitest';
import { code, tinyCounty } from '../testing/tiny-county.js';
import { confirmationSheets } from './confirmation.js';

describe('一企一单', () => {
  const sheets = [...confirmationSheets(tinyCounty())];

  it('has one sheet per enterprise, by town then code', () => {
    expect(sheets.map((sheet) => sheet.uscc)).toEqual([
      code(1),
      code(4),
      code(7),
      code(8),
      code(2),
      code(5),
      code(6),
      code(3),
    ]);
  });

  it('shows a rated enterprise’s figures with names and units, and a scored figure it did not report', () => {
    const yi = sheets.find((sheet) => sheet.name === '乙公司');
    expect(yi?.figures.find((f) => f.key === 'landMu')).toEqual({
      key: 'landMu',
      label: '用地面积',
      unit: '亩',
      value: '20',
    });
    // 乙 reports no emissions, which its cohort scores: shown as missing, so it can still supply it.
    expect(yi?.figures.find((f) => f.key === 'emissionsTon')).toMatchObject({
      label: '主要污染物排放量',
      value: null,
    });
    // Electricity is not scored for 规上 and 乙 gives none: not shown.
    expect(yi?.figures.some((f) => f.key === 'electricityKwh')).toBe(false);
    const emission = yi?.indicators.find((i) => i.label === '单位排放增加值');
    expect(emission).toMatchObject({ applicable: false, value: null, benchmark: '58.0000' });
    expect(yi).toMatchObject({
      status: '参评',
      cohort: '规上工业企业',
      finalClass: 'B',
      bonus: '0.00',
      penalty: '0.00',
    });
    expect(yi?.totalScore).toMatch(/^\d+\.\d{2}$/);
  });

  it('says why an exempt enterprise is not rated, and shows the facts it confirms', () => {
    const ji = sheets.find((sheet) => sheet.name === '己公司');
    expect(ji).toMatchObject({ status: '暂不评价', finalClass: 'T', totalScore: null, indicators: [] });
    expect(ji?.scopeNote).toContain('停产；整体搬迁');
    expect(ji?.facts.find((f) => f.label === '暂不评价事由')?.value).toBe('停产；整体搬迁');
    expect(ji?.facts.find((f) => f.label === '国家高新技术企业')?.value).toBe('否');
  });
});
