import type { Writable } from 'node:stream';
import { decimal, INTEGER, TEXT, XlsxWriter } from '@mujun/reports';
import type { Column } from '@mujun/reports';
import type { SurchargeList } from '../list/build.js';
import { listCells, listHeaders } from './columns.js';

export const LIST_SHEET = '差别化电价执行清单';
export const NEW_SHEET = '新纳入加价行业';
export const DIFF_SHEET = '与上年清单对比';
export const NOTES_SHEET = '说明';

const WIDTHS = [22, 36, 18, 22, 14, 10, 7, 12, 14, 13, 13, 24, 48] as const;

/**
 * The list as a workbook for the grid company: the list itself first (the §10 columns and 备注, no title
 * row, so it imports as it is; the year and the count are integers and the price a number formatted to
 * the policy's decimals), then the industries newly under surcharge, the diff against last year's list
 * and a sheet of what the list executes (文号, period, tiers). Streamed with the reports' XlsxWriter.
 */
export async function writeSurchargeWorkbook(list: SurchargeList, stream: Writable): Promise<void> {
  const xlsx = new XlsxWriter(stream);
  const price = decimal(list.priceDecimals);
  const kinds = [TEXT, TEXT, TEXT, TEXT, TEXT, INTEGER, TEXT, INTEGER, price, TEXT, TEXT, TEXT, TEXT];
  const columns: Column[] = listHeaders(list).map((header, i) => ({
    header,
    width: WIDTHS[i] ?? 12,
    type: kinds[i] ?? TEXT,
  }));
  const sheet = xlsx.sheet(LIST_SHEET, columns, { freezeColumns: 2 });
  for (const row of list.rows) sheet.row(listCells(row));
  sheet.commit();

  const fresh = xlsx.sheet(
    NEW_SHEET,
    [
      { header: '行业', width: 30, type: TEXT },
      { header: '统一社会信用代码', width: 22, type: TEXT },
      { header: '企业名称', width: 36, type: TEXT },
      { header: '乡镇街道', width: 14, type: TEXT },
      { header: '类别', width: 7, type: TEXT },
      { header: `加价标准(${list.unit})`, width: 14, type: price },
    ],
    { title: `${String(list.year)} 年度新纳入${list.label}的行业及加价标准` },
  );
  for (const industry of list.newIndustries) {
    fresh.row(
      [
        `${industry.label}（${String(industry.enterprises.length)} 家，${industry.prices.join('、')} ${list.unit}）`,
      ],
      'group',
    );
    for (const e of industry.enterprises)
      fresh.row([industry.label, e.uscc, e.name, e.town, e.class, e.price]);
  }
  if (list.newIndustries.length === 0) fresh.row(['本年度没有新纳入加价的企业']);
  fresh.commit();

  const diff = xlsx.sheet(
    DIFF_SHEET,
    [
      { header: '变化', width: 10, type: TEXT },
      { header: '统一社会信用代码', width: 22, type: TEXT },
      { header: '企业名称', width: 36, type: TEXT },
      { header: '电力户号', width: 18, type: TEXT },
      { header: `上年加价标准(${list.unit})`, width: 16, type: price },
      { header: `本年加价标准(${list.unit})`, width: 16, type: price },
    ],
    { title: `与上年${list.label}清单对比` },
  );
  if (list.diff === null) {
    diff.row(['未提供上年清单，未作对比']);
  } else {
    for (const e of list.diff.added) diff.row(['新增', e.uscc, e.name, e.account, null, e.price]);
    for (const e of list.diff.removed) diff.row(['移出', e.uscc, e.name, e.account, e.price, null]);
    for (const e of list.diff.changed) diff.row(['加价变化', e.uscc, e.name, e.account, e.from, e.to]);
    diff.row([`未变化 ${String(list.diff.unchanged)} 行`], 'total');
  }
  diff.commit();

  const notes = xlsx.sheet(
    NOTES_SHEET,
    [
      { header: '项目', width: 16, type: TEXT },
      { header: '内容', width: 90, type: TEXT },
    ],
    { landscape: false },
  );
  const lines: [string, string][] = [
    ['评价年度', String(list.year)],
    ['依据文号', list.documentNumber],
    ['公布日期', list.publishedOn],
    ['执行期间', `${list.period.start} 至 ${list.period.end}`],
    ['评价办法', list.schemeName],
    ...list.policyClasses.map((c): [string, string] => [`${c.id} 类${list.label}`, c.tiers]),
    ['不叠加', '已执行其他差别化或惩罚性电价的，按较高标准执行，不叠加（见备注）'],
    ...list.policySources.map((source): [string, string] => ['政策依据', source]),
  ];
  for (const line of lines) notes.row(line);
  notes.commit();
  await xlsx.commit();
}
