// Source: shared/spec/reference-method.md §10: "One row per power account (电力户号) of each surcharged
//   enterprise: 统一社会信用代码, 企业名称, 电力户号, 行业, 乡镇街道, 评价年度, 类别, 连续D类年数, 加价标准(元/kWh),
//   执行起始日期, 执行截止日期, 依据文号."
// and data-dictionary.md: `powerAccounts` 电力户号, "several separated by `;` or `；`".
import { grade, parseRecords, presetScheme } from '@mujun/scoring';
import { subjectsFromGrading, surchargeCsv, surchargeList } from '@mujun/surcharges';
import { describe, expect, it } from 'vitest';
import { below, codeFor } from '../support/records.js';

const reference = presetScheme('reference');

// The power department's accounts as the bureau's file writes them, read by the record parser.
const parsed = parseRecords({
  headers: [
    '统一社会信用代码',
    '企业名称',
    '企业规模',
    '行业代码',
    '行业名称',
    '所属乡镇街道',
    '用地面积(亩)',
    '税收实际贡献(万元)',
    '用电量(千瓦时)',
    '电力户号',
  ],
  rows: [
    {
      row: 2,
      cells: [
        codeFor(11),
        '台州远东铸造厂',
        '规下',
        'C3391',
        '黑色金属铸造',
        '院桥镇',
        '20',
        '10',
        '2400000',
        '3310040012851；3310040012852;3310040012853',
      ],
    },
    {
      row: 3,
      cells: [
        codeFor(12),
        '黄岩新华纸品厂',
        '规下',
        'C2231',
        '纸和纸板容器制造',
        '南城街道',
        '10',
        '6',
        '900000',
        '3310040045520',
      ],
    },
    {
      row: 4,
      cells: [
        codeFor(13),
        '台州明光五金厂',
        '规下',
        'C3311',
        '金属结构制造',
        '沙埠镇',
        '8',
        '4',
        '600000',
        '',
      ],
    },
  ],
});
const records = [...[1, 2, 3].map((n) => below(n, { tax: '40' })), ...parsed.records];
const list = surchargeList({
  scheme: reference,
  year: 2025,
  subjects: subjectsFromGrading(records, grade(records, reference)),
  history: [{ uscc: codeFor(11), year: 2024, class: 'D' }],
  publishedOn: '2026-03-15',
  documentNumber: '黄经信〔2026〕12号',
});

describe('one row per power account, with the §10 columns', () => {
  it('the records parsed', () => {
    expect(parsed.issues).toEqual([]);
  });

  it('three accounts, three rows, each carrying the whole enterprise', () => {
    const rows = list.rows.filter((row) => row.uscc === codeFor(11));
    expect(rows.map((row) => row.account)).toEqual(['3310040012851', '3310040012852', '3310040012853']);
    for (const row of rows) {
      expect(row).toMatchObject({
        name: '台州远东铸造厂',
        industry: '黑色金属铸造',
        town: '院桥镇',
        year: 2025,
        class: 'D',
        consecutiveDYears: 2,
        price: '0.30',
        start: '2026-04-01',
        end: '2027-03-31',
        documentNumber: '黄经信〔2026〕12号',
      });
    }
  });

  it('one account, one row', () => {
    expect(list.rows.filter((row) => row.uscc === codeFor(12)).map((row) => row.account)).toEqual([
      '3310040045520',
    ]);
  });

  it('no account: still one row, 电力户号 empty, flagged in 备注, and a warning for the clerk', () => {
    const rows = list.rows.filter((row) => row.uscc === codeFor(13));
    expect(rows.map((row) => [row.account, row.note])).toEqual([
      ['', '未提供电力户号，请供电企业核实户号后执行'],
    ]);
    expect(list.warnings.filter((warning) => warning.includes(codeFor(13)))).toHaveLength(1);
  });

  it('the CSV has the §10 headers in order, 备注 after them, and five data rows', () => {
    const lines = surchargeCsv(list).split('\r\n');
    expect(lines[0]?.replace('\uFEFF', '').split(',')).toEqual([
      '统一社会信用代码',
      '企业名称',
      '电力户号',
      '行业',
      '乡镇街道',
      '评价年度',
      '类别',
      '连续D类年数',
      '加价标准(元/kWh)',
      '执行起始日期',
      '执行截止日期',
      '依据文号',
      '备注',
    ]);
    expect(lines.slice(1).filter((line) => line !== '')).toHaveLength(5);
    expect(list.enterprises).toHaveLength(3);
  });
});
