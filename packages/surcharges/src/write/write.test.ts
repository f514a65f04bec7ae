import { presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { surchargeList } from '../list/build.js';
import { codeFor, subject } from '../testing/subjects.js';
import { surchargeCsv } from './csv.js';
import { renderSurchargePage } from './html.js';

const HOSTILE = '<script>alert("x")</script>, "有限" 公司';

const list = surchargeList({
  scheme: presetScheme('reference'),
  year: 2025,
  subjects: [
    subject(1, { name: HOSTILE, powerAccounts: ['3310040070001', '3310040070002'] }),
    subject(2, { powerAccounts: [], existingSurchargePerKwh: '0.5' }),
  ],
  history: [{ uscc: codeFor(1), year: 2024, class: 'D' }],
  publishedOn: '2026-12-15',
  documentNumber: '海经信〔2026〕12号',
  previous: [
    {
      uscc: codeFor(3),
      name: '已移出企业',
      account: '3310040070099',
      price: '0.30',
      source: { file: 'p', row: 2 },
    },
  ],
});

describe('the CSV for the grid company', () => {
  const csv = surchargeCsv(list);

  it('is UTF-8 with a BOM, CRLF, the §10 headers in Chinese and then 备注', () => {
    expect(
      csv.startsWith(
        '\uFEFF统一社会信用代码,企业名称,电力户号,行业,乡镇街道,评价年度,类别,连续D类年数,加价标准(元/kWh),执行起始日期,执行截止日期,依据文号,备注\r\n',
      ),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(list.rows.length + 2);
  });

  it('writes dates as YYYY-MM-DD, prices with the policy’s decimals, and quotes what needs it', () => {
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(
      `${codeFor(1)},"<script>alert(""x"")</script>, ""有限"" 公司",3310040070001,黑色金属铸造,院桥镇,2025,D,2,0.30,2027-01-01,2027-12-31,海经信〔2026〕12号,`,
    );
    expect(lines[3]).toContain(',,黑色金属铸造,');
    expect(lines[3]).toContain(',0.50,2027-01-01,2027-12-31,');
  });
});

describe('the publication page', () => {
  const page = renderSurchargePage(list);

  it('escapes every text from the data', () => {
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('says what it executes, then the list, the new industries and the diff', () => {
    expect(page).toContain('<title>2025 年度工业企业差别化电价执行名单</title>');
    expect(page).toContain('依据文号：海经信〔2026〕12号');
    expect(page).toContain('执行期间：2027-01-01 至 2027-12-31');
    expect(page).toContain('连续第 1 年起 0.30 元/kWh；连续第 3 年起 0.40 元/kWh');
    const order = ['一、执行名单', '二、新纳入加价的行业及加价标准', '三、与上年名单对比'].map((h) =>
      page.indexOf(h),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
    expect(page).toContain('（未提供）');
    expect(page).toContain('新增 3、移出 1、加价变化 0、未变化 0 个电力户号');
    expect(page).toContain('已移出企业');
  });

  it('without a previous list it says there was nothing to compare with', () => {
    const alone = renderSurchargePage({ ...list, diff: null });
    expect(alone).toContain('未提供上年名单，未作对比');
  });
});
