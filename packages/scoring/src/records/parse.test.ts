import { describe, expect, it } from 'vitest';
import type { RecordIssue } from '../errors/errors.js';
import { parseRecords, type RawTable } from './parse.js';

const CODE_A = '91350100M000100Y43';
const CODE_B = '91110000600037341L';
const CODE_C = '911100001000044477';

type Cells = Record<string, string | undefined>;

/** A sheet with the given headers; each row is given by header, rows numbered from 2 as in a spreadsheet. */
function sheet(headers: readonly string[], rows: readonly Cells[], file?: string): RawTable {
  const table: RawTable = {
    headers,
    rows: rows.map((cells, index) => ({ row: index + 2, cells: headers.map((header) => cells[header]) })),
  };
  return file === undefined ? table : { ...table, file };
}

const BASE_HEADERS = ['uscc', 'name', 'scale', 'landAreaMu', 'tax'] as const;
const base = (overrides: Cells = {}): Cells => ({
  uscc: CODE_A,
  name: '福州某某机械有限公司',
  scale: 'above',
  landAreaMu: '10',
  tax: '100',
  ...overrides,
});

/** Parses one row under the base headers plus `extra` columns. */
function one(overrides: Cells = {}, extra: readonly string[] = []) {
  return parseRecords(sheet([...BASE_HEADERS, ...extra], [base(overrides)]));
}

const where = (issues: readonly RecordIssue[]) => issues.map((issue) => `${issue.row}:${issue.column}`);

describe('parseRecords: a valid row', () => {
  it('gives a record with defaults for the empty optional columns, the other optional ones undefined', () => {
    const { records, issues, warnings } = one();
    expect(issues).toEqual([]);
    expect(warnings).toEqual([]);
    expect(records).toEqual([
      {
        uscc: CODE_A,
        name: '福州某某机械有限公司',
        scale: 'above',
        landMu: '10',
        tax: '100',
        specialized: 'none',
        subletTenants: 0,
        emergencySupplier: false,
        keyChainLink: false,
        highTech: false,
        vetoReasons: [],
        protectedReason: [],
        exemptReason: [],
        powerAccounts: [],
        source: { row: 2 },
      },
    ]);
  });

  it('reads Chinese headers, full-width or spaced, the same as English keys', () => {
    const chinese = sheet(
      [
        '统一社会信用代码',
        '企业名称',
        '企业规模',
        '用地面积（亩）',
        '税收实际贡献 (万元)',
        'Ｒ＆Ｄ经费支出（万元）',
        '所属乡镇街道',
      ],
      [
        {
          统一社会信用代码: CODE_A,
          企业名称: '甲公司',
          企业规模: '规上',
          '用地面积（亩）': '12.5',
          '税收实际贡献 (万元)': '80',
          'Ｒ＆Ｄ经费支出（万元）': '3.2',
          所属乡镇街道: '城关街道',
        },
      ],
    );
    const english = sheet(
      ['USCC', 'name', 'scale', 'landAreaMu', 'tax', 'rdExpense', 'town'],
      [
        {
          USCC: CODE_A,
          name: '甲公司',
          scale: 'above',
          landAreaMu: '12.5',
          tax: '80',
          rdExpense: '3.2',
          town: '城关街道',
        },
      ],
    );
    const fromChinese = parseRecords(chinese);
    expect(fromChinese.issues).toEqual([]);
    expect(fromChinese.warnings).toEqual([]);
    expect(fromChinese.records).toEqual(parseRecords(english).records);
    expect(fromChinese.records[0]).toMatchObject({ rdExpense: '3.2', town: '城关街道', landMu: '12.5' });
  });

  it('records the file on records, issues and warnings', () => {
    const table = sheet([...BASE_HEADERS, '备注'], [base(), base({ uscc: CODE_B, tax: 'x' })], 'tax.csv');
    const { records, issues, warnings } = parseRecords(table);
    expect(records[0]?.source).toEqual({ row: 2, file: 'tax.csv' });
    expect(issues[0]).toMatchObject({ row: 3, column: 'tax', file: 'tax.csv' });
    expect(warnings[0]).toMatchObject({ header: '备注', file: 'tax.csv' });
  });

  it('trims cells and treats blank ones as missing', () => {
    const { records, issues } = one(
      { name: '  甲公司 ', landAreaMu: ' 10 ', revenue: '   ', town: '\t城关街道 ' },
      ['revenue', 'town'],
    );
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({ name: '甲公司', landMu: '10', town: '城关街道' });
    expect(records[0]?.revenue).toBeUndefined();
  });

  it('stores figures as canonical decimal strings', () => {
    const cases: [string, string][] = [
      ['007.50', '7.5'],
      ['1234.5000', '1234.5'],
      ['0.0302', '0.0302'],
      ['-0', '0'],
      ['-00.50', '-0.5'],
      ['100', '100'],
      ['0.000', '0'],
      ['123456789012345678901234567890.123456789', '123456789012345678901234567890.123456789'],
    ];
    for (const [cell, stored] of cases) {
      const { records, issues } = one({ tax: cell, revenue: cell.replace('-', '') }, ['revenue']);
      expect(issues).toEqual([]);
      expect(records[0]?.tax).toBe(stored);
      expect(records[0]?.revenue).toBe(stored.replace('-', ''));
    }
  });

  it('gives every record the same keys in the same order, and JSON only the present ones', () => {
    const headers = [...BASE_HEADERS, 'revenue', 'town', 'highTech', 'specialized', 'exportValue'];
    const { records } = parseRecords(
      sheet(headers, [base(), base({ uscc: CODE_B, revenue: '5', town: '城关', exportValue: '1' })], 'a.csv'),
    );
    const [first, second] = records.map((record) => Object.keys(record));
    expect(second).toEqual(first);
    const json = JSON.parse(JSON.stringify(records[0])) as object;
    for (const value of Object.values(json)) expect(value).not.toBeUndefined();
    expect(Object.keys(json)).not.toContain('revenue');
    expect(Object.keys(json)).not.toContain('extra');
    expect(JSON.stringify(records[1])).toContain('"revenue":"5"');
  });

  it('skips rows whose cells are all empty', () => {
    const table = sheet(BASE_HEADERS, [base(), {}, { uscc: ' ', name: '' }, base({ uscc: CODE_B })]);
    const { records, issues } = parseRecords(table);
    expect(issues).toEqual([]);
    expect(records.map((record) => record.source?.row)).toEqual([2, 5]);
  });
});

describe('parseRecords: numbers', () => {
  it.each(['1,234', '12万', 'N/A', '1e3', '.5', '5.', '+3', '--1', '1 000', '１２', '0x10', 'Infinity'])(
    'rejects %j, naming row, column, value and reason',
    (cell) => {
      const { records, issues } = one({ '营业收入(万元)': cell }, ['营业收入(万元)']);
      expect(records).toEqual([]);
      expect(issues).toEqual([
        {
          row: 2,
          column: 'revenue',
          header: '营业收入(万元)',
          value: cell,
          reason: '不是有效数字 (not a plain decimal number: digits, optional minus and decimal point only)',
        },
      ]);
    },
  );

  it('rejects a negative figure in a non-negative column but allows it for tax and added value', () => {
    const negative = one({ revenue: '-3', tax: '-3', addedValue: '-1.5' }, ['revenue', 'addedValue']);
    expect(negative.issues).toEqual([
      {
        row: 2,
        column: 'revenue',
        header: 'revenue',
        value: '-3',
        reason: '不能为负数 (must not be negative)',
      },
    ]);
    const fine = one({ tax: '-3', addedValue: '-1.5', revenue: '-0.00' }, ['revenue', 'addedValue']);
    expect(fine.issues).toEqual([]);
    expect(fine.records[0]).toMatchObject({ tax: '-3', addedValue: '-1.5', revenue: '0' });
  });

  it('reads whole counts and rejects fractions and negatives', () => {
    expect(one({ subletTenants: '3' }, ['subletTenants']).records[0]?.subletTenants).toBe(3);
    expect(one({ subletTenants: '03.00' }, ['subletTenants']).records[0]?.subletTenants).toBe(3);
    expect(one({ subletTenants: '' }, ['subletTenants']).records[0]?.subletTenants).toBe(0);
    expect(one({ 出租户数: '1.5' }, ['出租户数']).issues).toEqual([
      {
        row: 2,
        column: 'subletTenants',
        header: '出租户数',
        value: '1.5',
        reason: '应为整数 (must be a whole number)',
      },
    ]);
    expect(one({ subletTenants: '-1' }, ['subletTenants']).issues[0]?.reason).toBe(
      '不能为负数 (must not be negative)',
    );
    expect(one({ subletTenants: 'two' }, ['subletTenants']).issues[0]?.reason).toMatch(/^不是有效数字/);
    expect(one({ subletTenants: '99999999999999999999' }, ['subletTenants']).issues[0]?.reason).toMatch(
      /too large/,
    );
  });
});

describe('parseRecords: booleans, enumerations and reasons', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['是', true],
    ['1', true],
    ['y', true],
    ['Y', true],
    ['false', false],
    ['False', false],
    ['否', false],
    ['0', false],
    ['n', false],
    ['', false],
  ])('reads the flag %j as %s', (cell, value) => {
    const { records, issues } = one({ highTech: cell }, ['highTech']);
    expect(issues).toEqual([]);
    expect(records[0]?.highTech).toBe(value);
  });

  it.each(['yes', 'on', '有', 'T', '2'])('rejects the flag %j', (cell) => {
    const { issues } = one({ 国家高新技术企业: cell }, ['国家高新技术企业']);
    expect(issues).toEqual([
      {
        row: 2,
        column: 'highTech',
        header: '国家高新技术企业',
        value: cell,
        reason: '应为 是/否、true/false、1/0 或 Y/N (must be a yes/no value)',
      },
    ]);
  });

  it.each([
    ['above', 'above'],
    ['ABOVE', 'above'],
    ['规上', 'above'],
    ['Below', 'below'],
    ['规下', 'below'],
  ])('reads the scale %j as %s', (cell, scale) => {
    expect(one({ scale: cell }).records[0]?.scale).toBe(scale);
  });

  it('rejects an unknown scale', () => {
    expect(one({ scale: '中型' }).issues).toEqual([
      {
        row: 2,
        column: 'scale',
        header: 'scale',
        value: '中型',
        reason: '应为 规上/规下 或 above/below (must be above or below)',
      },
    ]);
  });

  it.each([
    ['', 'none'],
    ['none', 'none'],
    ['无', 'none'],
    ['Province', 'province'],
    ['省级', 'province'],
    ['NATIONAL', 'national'],
    ['国家级', 'national'],
  ])('reads 专精特新 %j as %s', (cell, specialized) => {
    expect(one({ specialized: cell }, ['specialized']).records[0]?.specialized).toBe(specialized);
  });

  it('rejects an unknown 专精特新 level', () => {
    expect(one({ 专精特新: '市级' }, ['专精特新']).issues[0]).toMatchObject({
      column: 'specialized',
      header: '专精特新',
      value: '市级',
    });
  });

  it('splits reasons on either semicolon and drops items that mean nothing', () => {
    const { records, issues } = one(
      {
        vetoReasons: ' 环境违法；安全事故 ; / ;—; ',
        protectedReason: '无',
        exemptReason: '否',
        powerAccounts: '3300001;3300002；-',
      },
      ['vetoReasons', 'protectedReason', 'exemptReason', 'powerAccounts'],
    );
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({
      vetoReasons: ['环境违法', '安全事故'],
      protectedReason: [],
      exemptReason: [],
      powerAccounts: ['3300001', '3300002'],
    });
  });
});

describe('parseRecords: land', () => {
  const both = (mu: string, m2: string) => one({ landAreaMu: mu, landAreaM2: m2 }, ['landAreaM2']);
  const m2Only = (m2: string) => one({ landAreaMu: '', '用地面积（平方米）': m2 }, ['用地面积（平方米）']);

  it('converts 平方米 exactly at 1 亩 = 2000/3 m²', () => {
    expect(m2Only('2000').records[0]?.landMu).toBe('3');
    expect(m2Only('1000').records[0]?.landMu).toBe('1.5');
    expect(m2Only('1').records[0]?.landMu).toBe('0.0015');
    expect(m2Only('6666.67').records[0]?.landMu).toBe('10.000005');
    expect(m2Only('123456789.123').records[0]?.landMu).toBe('185185.1836845');
  });

  it('accepts both when 平方米 rounds half-up to 亩 at the precision 亩 was written with', () => {
    expect(both('3', '2000').records[0]?.landMu).toBe('3');
    expect(both('7.50', '5000').records[0]?.landMu).toBe('7.5');
    expect(both('0.67', '444').records[0]?.landMu).toBe('0.67'); // 0.666 → 0.67
    expect(both('0.002', '1').records[0]?.landMu).toBe('0.002'); // 0.0015 → 0.002, a tie rounded up
    expect(both('10', '6666.67').records[0]?.landMu).toBe('10');
  });

  it('rejects both when they disagree, naming both', () => {
    for (const [mu, m2] of [
      ['0.66', '444'],
      ['1', '1000'],
      ['0.001', '1'],
      ['3.0', '2100'],
    ] as const) {
      const { records, issues } = both(mu, m2);
      expect(records).toEqual([]);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ row: 2, column: 'landAreaMu', header: 'landAreaMu', value: mu });
      expect(issues[0]?.reason).toContain(`landAreaMu」${mu}`);
      expect(issues[0]?.reason).toContain(`landAreaM2」${m2}`);
    }
  });

  it('needs one of the two', () => {
    const { records, issues } = both('', ' ');
    expect(records).toEqual([]);
    expect(issues).toEqual([
      {
        row: 2,
        column: 'landAreaMu',
        header: 'landAreaMu',
        value: '',
        reason: '用地面积(亩) 与 用地面积(平方米) 均为空 (land area missing: give 亩 or 平方米)',
      },
    ]);
  });

  it('reports a bad land cell once, not also as missing', () => {
    const { issues } = both('', '1,000');
    expect(where(issues)).toEqual(['2:landAreaM2']);
  });

  it('rejects a negative area', () => {
    expect(m2Only('-2000').issues[0]?.reason).toBe('不能为负数 (must not be negative)');
  });
});

describe('parseRecords: required fields and codes', () => {
  it('reports each always-required field that is missing', () => {
    const { records, issues } = one({ uscc: '', name: ' ', scale: '', tax: '' });
    expect(records).toEqual([]);
    expect(issues).toEqual(
      ['uscc', 'name', 'scale', 'tax'].map((column) => ({
        row: 2,
        column,
        header: column,
        value: column === 'name' ? ' ' : '',
        reason: '必填项为空 (required value missing)',
      })),
    );
  });

  it('upper-cases codes and rejects a bad check character', () => {
    expect(one({ uscc: CODE_A.toLowerCase() }).records[0]?.uscc).toBe(CODE_A);
    expect(one({ uscc: '91350100m000100y44' }).issues).toEqual([
      {
        row: 2,
        column: 'uscc',
        header: 'uscc',
        value: '91350100m000100y44',
        reason: '校验位错误，应为 3 (check character mismatch: expected 3)',
      },
    ]);
  });

  it('reports every row of a duplicated code, naming the others, and grades none of them', () => {
    const table = sheet(BASE_HEADERS, [
      base(),
      base({ uscc: CODE_B }),
      base({ uscc: CODE_A.toLowerCase() }),
      base({ uscc: CODE_C }),
      base({ uscc: ` ${CODE_A}` }),
    ]);
    const { records, issues } = parseRecords(table);
    expect(records.map((record) => record.uscc)).toEqual([CODE_B, CODE_C]);
    expect(issues.map((issue) => [issue.row, issue.column, issue.value])).toEqual([
      [2, 'uscc', CODE_A],
      [4, 'uscc', CODE_A.toLowerCase()],
      [6, 'uscc', ` ${CODE_A}`],
    ]);
    expect(issues[0]?.reason).toBe(
      `统一社会信用代码 ${CODE_A} 与第 4、6 行重复 (duplicate code, also in row(s) 4, 6)`,
    );
    expect(issues[1]?.reason).toContain('与第 2、6 行重复');
    expect(issues[2]?.reason).toContain('also in row(s) 2, 4');
  });
});

describe('parseRecords: every bad cell at once', () => {
  it('reports all bad cells of all rows, in row order, and returns only the good rows', () => {
    const headers = [...BASE_HEADERS, '营业收入（万元）', 'highTech', 'specialized', 'subletTenants'];
    const table = sheet(headers, [
      { ...base({ uscc: '91350100M000100Y44', scale: 'big', tax: '1,000' }), highTech: 'maybe' },
      { ...base({ uscc: CODE_B }), '营业收入（万元）': '12万', subletTenants: '0.5' },
      { ...base({ uscc: CODE_C, name: '', landAreaMu: '' }), specialized: '市级' },
      { ...base({ uscc: '911100001000044478', tax: '' }), '营业收入（万元）': '-1' },
      base({ uscc: '91440300192203821' }),
    ]);
    const { records, issues } = parseRecords(table);
    expect(records).toEqual([]);
    expect(where(issues)).toEqual([
      '2:uscc',
      '2:scale',
      '2:tax',
      '2:highTech',
      '3:revenue',
      '3:subletTenants',
      '4:specialized',
      '4:name',
      '4:landAreaMu',
      '5:uscc',
      '5:revenue',
      '5:tax',
      '6:uscc',
    ]);
    expect(issues.find((issue) => issue.column === 'revenue' && issue.row === 3)).toEqual({
      row: 3,
      column: 'revenue',
      header: '营业收入（万元）',
      value: '12万',
      reason: '不是有效数字 (not a plain decimal number: digits, optional minus and decimal point only)',
    });
    expect(issues.at(-1)?.reason).toMatch(/长度应为 18 位/);
  });
});

describe('parseRecords: headers', () => {
  it('warns about an unknown column and still reads the rest', () => {
    const table = sheet([...BASE_HEADERS, '备注'], [{ ...base(), 备注: '老厂区' }]);
    const { records, issues, warnings } = parseRecords(table);
    expect(issues).toEqual([]);
    expect(records).toHaveLength(1);
    expect(warnings).toEqual([
      { header: '备注', message: '未知列「备注」(第 F 列) 已忽略 (unknown column, ignored)' },
    ]);
  });

  it('warns about data under a blank header or beyond the last header, once per column', () => {
    const table: RawTable = {
      headers: [...BASE_HEADERS, '', ' '],
      rows: [
        { row: 2, cells: [CODE_A, '甲', 'above', '1', '1', '', 'x', 'y'] },
        { row: 3, cells: [CODE_B, '乙', 'above', '1', '1', '', 'x', 'z'] },
      ],
    };
    const { records, warnings } = parseRecords(table);
    expect(records).toHaveLength(2);
    expect(warnings.map((warning) => warning.message)).toEqual([
      '第 G 列没有表头，其数据已忽略 (column without a header, first data in row 2, ignored)',
      '第 H 列没有表头，其数据已忽略 (column without a header, first data in row 2, ignored)',
    ]);
  });

  it('rejects two columns that name the same field, and grades nothing', () => {
    const table = sheet([...BASE_HEADERS, '税收实际贡献（万元）'], [base({ scale: 'x' })]);
    const { records, issues } = parseRecords(table);
    expect(records).toEqual([]);
    expect(issues).toEqual([
      {
        row: 1,
        column: 'tax',
        header: '税收实际贡献（万元）',
        value: '税收实际贡献（万元）',
        reason: '第 F 列与第 E 列「tax」重复 (duplicate column: both are tax)',
      },
      expect.objectContaining({ row: 2, column: 'scale' }),
    ]);
  });

  it('rejects a table without a required column, and grades nothing', () => {
    const table = sheet(['uscc', 'name', 'scale', 'tax'], [base()]);
    const { records, issues } = parseRecords(table);
    expect(records).toEqual([]);
    expect(issues).toEqual([
      {
        row: 1,
        column: 'landAreaMu',
        value: '',
        reason: '缺少用地面积列 (land area column missing: 用地面积(亩) or 用地面积(平方米))',
      },
    ]);
    expect(
      parseRecords(sheet(['uscc', 'name', 'landAreaMu'], [base()])).issues.map((issue) => issue.column),
    ).toEqual(['scale', 'tax']);
  });
});

describe('parseRecords: a column full of one code', () => {
  it('stays linear and names the first few other rows', () => {
    const rows = Array.from({ length: 3000 }, () => base());
    const { records, issues } = parseRecords(sheet(BASE_HEADERS, rows));
    expect(records).toEqual([]);
    expect(issues).toHaveLength(3000);
    expect(issues[0]?.reason).toBe(
      `统一社会信用代码 ${CODE_A} 与第 3、4、5、6、7、8、9、10、11、12 行等 2999 行重复 ` +
        '(duplicate code, also in row(s) 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 2999 rows in all)',
    );
  });
});
