import type { Writable } from 'node:stream';
import { EXACT, INTEGER, TEXT, XlsxWriter, decimal } from '@mujun/reports';
import type { Column } from '@mujun/reports';
import type { GroupDistribution, Move, Simulation } from './simulate.js';
import { NO_CLASS } from './simulate.js';
import type { ImpactRow } from './surcharge-impact.js';

/**
 * The simulation as a workbook, through the reports' streaming writer (names are string cells, never
 * formulas): 概况, 类别变动矩阵, 变动企业 (who and why), 乡镇分布, 行业分布, 差别化电价影响 and 全部企业.
 */

export const MOVE_WORDS: Readonly<Record<Move, string>> = {
  up: '上升',
  down: '下降',
  changed: '变化',
  same: '不变',
};

const STATUS_WORDS = { rated: '参评', exempt: '暂不评价', out_of_scope: '不纳入评价' } as const;

export function simulationTitle(simulation: Simulation): string {
  return `评价办法修订模拟测算：${simulation.current.name} → ${simulation.proposed.name}`;
}

function distributionSheet(
  xlsx: XlsxWriter,
  name: string,
  header: string,
  groups: readonly GroupDistribution[],
  order: readonly string[],
): void {
  const columns: Column[] = [
    { header, width: 28, type: TEXT },
    { header: '企业数', width: 9, type: INTEGER },
    ...order.map((id) => ({ header: `现行 ${id}`, width: 8, type: INTEGER })),
    ...order.map((id) => ({ header: `拟议 ${id}`, width: 8, type: INTEGER })),
    { header: '上升', width: 8, type: INTEGER },
    { header: '下降', width: 8, type: INTEGER },
    { header: '其他变化', width: 9, type: INTEGER },
  ];
  const sheet = xlsx.sheet(name, columns, { title: `类别分布（${header}）`, freezeColumns: 1 });
  for (const g of groups) {
    sheet.row([
      g.group,
      g.enterprises,
      ...order.map((id) => g.current[id] ?? 0),
      ...order.map((id) => g.proposed[id] ?? 0),
      g.up,
      g.down,
      g.changed,
    ]);
  }
  sheet.commit();
}

function impactRows(label: string, rows: readonly ImpactRow[]): (string | number | null)[][] {
  return rows.map((r) => [
    label,
    r.uscc,
    r.name,
    r.town ?? '',
    r.accounts.join('、'),
    r.accounts.length,
    r.currentClass ?? NO_CLASS,
    r.proposedClass ?? NO_CLASS,
    r.currentPrice,
    r.proposedPrice,
    r.electricityKwh,
    r.currentAmount,
    r.proposedAmount,
    r.change,
  ]);
}

export async function writeSimulationWorkbook(simulation: Simulation, stream: Writable): Promise<void> {
  const xlsx = new XlsxWriter(stream);
  const order = simulation.classOrder;
  const { totals } = simulation;

  const overview = xlsx.sheet(
    '概况',
    [
      { header: '项目', width: 36, type: TEXT },
      { header: '内容', width: 60, type: TEXT },
    ],
    { title: simulationTitle(simulation), landscape: false },
  );
  overview.row(['现行办法', simulation.current.name]);
  overview.row(['拟议办法', simulation.proposed.name]);
  overview.row(['评价年度', simulation.year === null ? '未提供' : String(simulation.year)]);
  overview.row(['企业数', String(totals.enterprises)]);
  overview.row(['类别变动企业', String(totals.moved)]);
  overview.row(['其中上升', String(totals.up)]);
  overview.row(['其中下降', String(totals.down)]);
  overview.row(['其中其他变化（暂不评价、不纳入评价）', String(totals.changed)]);
  for (const rule of simulation.byRule)
    overview.row([`涉及：${rule.label}`, `${String(rule.enterprises)} 家`]);
  const impact = simulation.surcharges;
  if (impact !== null) {
    overview.row([
      `${impact.label}：现行办法加价企业（户号）`,
      `${String(impact.current.enterprises)} 家（${String(impact.current.accounts)} 户），${impact.current.amount} 元`,
    ]);
    overview.row([
      `${impact.label}：拟议办法加价企业（户号）`,
      `${String(impact.proposed.enterprises)} 家（${String(impact.proposed.accounts)} 户），${impact.proposed.amount} 元`,
    ]);
    overview.row([
      '新增加价',
      `${String(impact.newlyTotals.enterprises)} 家（${String(impact.newlyTotals.accounts)} 户），${impact.newlyTotals.amount} 元`,
    ]);
    overview.row([
      '不再加价',
      `${String(impact.relievedTotals.enterprises)} 家（${String(impact.relievedTotals.accounts)} 户），${impact.relievedTotals.amount} 元`,
    ]);
    for (const note of impact.notes) overview.row(['说明', note]);
  }
  for (const warning of simulation.warnings) overview.row(['提示', warning]);
  overview.commit();

  const matrix = xlsx.sheet(
    '类别变动矩阵',
    [
      { header: '现行 \\ 拟议', width: 12, type: TEXT },
      ...order.map((id) => ({ header: id, width: 8, type: INTEGER })),
      { header: '合计', width: 8, type: INTEGER },
    ],
    { title: '类别变动矩阵（行：现行办法类别；列：拟议办法类别）' },
  );
  for (const from of order) {
    const row = simulation.matrix[from] ?? {};
    const cells = order.map((to) => row[to] ?? 0);
    matrix.row([from, ...cells, cells.reduce((a, b) => a + b, 0)]);
  }
  matrix.commit();

  const enterpriseColumns: Column[] = [
    { header: '统一社会信用代码', width: 22, type: TEXT },
    { header: '企业名称', width: 36, type: TEXT },
    { header: '所属乡镇街道', width: 14, type: TEXT },
    { header: '行业代码', width: 10, type: TEXT },
    { header: '现行评价状态', width: 11, type: TEXT },
    { header: '现行综合得分', width: 11, type: decimal(2) },
    { header: '现行排名', width: 8, type: INTEGER },
    { header: '现行类别', width: 8, type: TEXT },
    { header: '拟议评价状态', width: 11, type: TEXT },
    { header: '拟议综合得分', width: 11, type: decimal(2) },
    { header: '拟议排名', width: 8, type: INTEGER },
    { header: '拟议类别', width: 8, type: TEXT },
    { header: '变动', width: 8, type: TEXT },
    { header: '原因', width: 80, type: TEXT },
  ];
  const movers = xlsx.sheet('变动企业', enterpriseColumns, {
    title: `类别变动企业（${String(totals.moved)} 家）及原因`,
    freezeColumns: 2,
  });
  const enterpriseRow = (e: Simulation['enterprises'][number]) => [
    e.uscc,
    e.name,
    e.town ?? '',
    e.industryCode ?? '',
    STATUS_WORDS[e.current.status],
    e.current.totalScore,
    e.current.rank,
    e.current.finalClass ?? NO_CLASS,
    STATUS_WORDS[e.proposed.status],
    e.proposed.totalScore,
    e.proposed.rank,
    e.proposed.finalClass ?? NO_CLASS,
    MOVE_WORDS[e.move],
    e.reasons.join('；'),
  ];
  for (const e of simulation.enterprises) if (e.move !== 'same') movers.row(enterpriseRow(e));
  movers.commit();

  distributionSheet(xlsx, '乡镇分布', '所属乡镇街道', simulation.byTown, order);
  distributionSheet(xlsx, '行业分布', '行业（GB/T 4754 大类）', simulation.byIndustry, order);

  if (impact !== null) {
    const sheet = xlsx.sheet(
      '差别化电价影响',
      [
        { header: '变化', width: 10, type: TEXT },
        { header: '统一社会信用代码', width: 22, type: TEXT },
        { header: '企业名称', width: 36, type: TEXT },
        { header: '所属乡镇街道', width: 14, type: TEXT },
        { header: '电力户号', width: 24, type: TEXT },
        { header: '户号数', width: 8, type: INTEGER },
        { header: '现行类别', width: 8, type: TEXT },
        { header: '拟议类别', width: 8, type: TEXT },
        { header: `现行加价(${impact.unit})`, width: 12, type: decimal(impact.priceDecimals) },
        { header: `拟议加价(${impact.unit})`, width: 12, type: decimal(impact.priceDecimals) },
        { header: '用电量(千瓦时)', width: 14, type: EXACT },
        { header: '现行加价金额(元)', width: 14, type: decimal(2) },
        { header: '拟议加价金额(元)', width: 14, type: decimal(2) },
        { header: '增减(元)', width: 14, type: decimal(2) },
      ],
      { title: `${impact.label}影响（按评价年度用电量测算）`, freezeColumns: 3 },
    );
    for (const row of [
      ...impactRows('新增加价', impact.newlySurcharged),
      ...impactRows('不再加价', impact.relieved),
      ...impactRows('加价变化', impact.changed),
    ]) {
      sheet.row(row);
    }
    sheet.commit();
  }

  const all = xlsx.sheet('全部企业', enterpriseColumns, {
    title: `全部企业（${String(totals.enterprises)} 家）`,
    freezeColumns: 2,
  });
  for (const e of simulation.enterprises) all.row(enterpriseRow(e));
  all.commit();
  await xlsx.commit();
}
