import type { Writable } from 'node:stream';
import type { AggregateRow, AggregateTable, Aggregates } from '../build/aggregates.js';
import type { TaxPerMuDistribution } from '../build/distribution.js';
import type { ClassCountRow, ClassTable, Summary } from '../build/summary.js';
import type { YearOverYear } from '../build/year-over-year.js';
import type { Cell, Column } from './workbook.js';
import { decimal, EXACT, INTEGER, percentColumn, TEXT, XlsxWriter } from './workbook.js';

/**
 * 评价汇总 as a workbook: class counts and shares by cohort, town, park and industry; the regional
 * aggregates by cohort, town and industry; the 亩均税收 quantiles per town; and, given last year's result,
 * the year-over-year sheets (each enterprise's change, the class-move matrix, new and gone enterprises).
 */

export interface SummaryReport {
  readonly schemeName: string;
  readonly valueDp: number;
  readonly summary: Summary;
  readonly aggregates: Aggregates;
  readonly distribution: TaxPerMuDistribution;
  readonly yearOverYear: YearOverYear | null;
}

export const MOVE_LABEL = { up: '上升', down: '下降', same: '不变' } as const;

function writeClassTable(xlsx: XlsxWriter, name: string, table: ClassTable, summary: Summary): void {
  const unrated = table.total.exempt !== null;
  const columns: Column[] = [
    { header: table.title, width: 30, type: TEXT },
    { header: '参评企业(家)', width: 11, type: INTEGER },
    ...summary.classes.flatMap((c): Column[] => [
      { header: `${c.id}类(家)`, width: 9, type: INTEGER },
      { header: `${c.id}类占比`, width: 10, type: percentColumn(2) },
    ]),
    ...(unrated
      ? [
          { header: `${summary.exemptClass.label}(家)`, width: 11, type: INTEGER },
          { header: '不纳入评价(家)', width: 12, type: INTEGER },
        ]
      : []),
  ];
  const sheet = xlsx.sheet(name, columns, { freezeColumns: 1 });
  const cells = (row: ClassCountRow): Cell[] => [
    row.label,
    row.rated,
    ...summary.classes.flatMap((c) => [row.classes[c.id]?.count ?? 0, row.classes[c.id]?.percent ?? null]),
    ...(unrated ? [row.exempt, row.outOfScope] : []),
  ];
  for (const row of table.rows) sheet.row(cells(row));
  sheet.row(cells(table.total), 'total');
  sheet.commit();
}

function writeAggregateTable(
  xlsx: XlsxWriter,
  name: string,
  table: AggregateTable,
  report: SummaryReport,
): void {
  const { columns } = report.aggregates;
  const sheet = xlsx.sheet(
    name,
    [
      { header: table.title, width: 30, type: TEXT },
      { header: '参评企业(家)', width: 11, type: INTEGER },
      { header: '用地面积合计(亩)', width: 15, type: EXACT },
      { header: '税收实际贡献合计(万元)', width: 17, type: EXACT },
      ...columns.map((column) => ({
        header: column.unit === '' ? column.label : `${column.label}(${column.unit})`,
        width: 15,
        type: decimal(report.valueDp),
      })),
    ],
    { freezeColumns: 1 },
  );
  const cells = (row: AggregateRow): Cell[] => [
    row.label,
    row.rated,
    row.landMu,
    row.tax,
    ...columns.map((column) => row.indicators[column.key]?.value ?? null),
  ];
  for (const row of table.rows) sheet.row(cells(row));
  sheet.row(cells(table.total), 'total');
  sheet.commit();
}

function writeDistribution(xlsx: XlsxWriter, report: SummaryReport): void {
  const { distribution } = report;
  const value = decimal(report.valueDp);
  const sheet = xlsx.sheet(
    `${distribution.label}分布`,
    [
      { header: '乡镇街道', width: 18, type: TEXT },
      { header: '参评企业(家)', width: 11, type: INTEGER },
      { header: `最小值(${distribution.unit})`, width: 14, type: value },
      { header: '下四分位数', width: 12, type: value },
      { header: '中位数', width: 12, type: value },
      { header: '上四分位数', width: 12, type: value },
      { header: '最大值', width: 12, type: value },
    ],
    { freezeColumns: 1 },
  );
  const rows = [...distribution.towns.map((t) => [t.town, t.spread] as const)];
  if (distribution.county !== null) rows.push(['全部参评企业', distribution.county]);
  for (const [label, s] of rows) {
    sheet.row([label, s.n, s.min, s.q1, s.median, s.q3, s.max], label === '全部参评企业' ? 'total' : 'plain');
  }
  sheet.commit();
}

function writeYearOverYear(xlsx: XlsxWriter, yoy: YearOverYear, valueDp: number): void {
  const changes = xlsx.sheet(
    '同比变化',
    [
      { header: '统一社会信用代码', width: 22, type: TEXT },
      { header: '企业名称', width: 34, type: TEXT },
      { header: '所属乡镇街道', width: 14, type: TEXT },
      { header: '上年类别', width: 9, type: TEXT },
      { header: '本年类别', width: 9, type: TEXT },
      { header: '类别变动', width: 9, type: TEXT },
      { header: '上年亩均税收(万元/亩)', width: 16, type: decimal(valueDp) },
      { header: '本年亩均税收(万元/亩)', width: 16, type: decimal(valueDp) },
      { header: '增减(万元/亩)', width: 14, type: decimal(valueDp) },
      { header: '增减幅度', width: 11, type: percentColumn(2) },
    ],
    { freezeColumns: 2 },
  );
  for (const e of yoy.matched) {
    changes.row([
      e.uscc,
      e.name,
      e.town,
      e.previousClass,
      e.currentClass,
      e.move === null ? '—' : MOVE_LABEL[e.move],
      e.previousTaxPerMu,
      e.currentTaxPerMu,
      e.change,
      e.changePercent,
    ]);
  }
  changes.commit();

  const matrix = xlsx.sheet(
    '类别变动矩阵',
    [
      { header: '上年类别＼本年类别', width: 18, type: TEXT },
      ...yoy.classOrder.map((id) => ({ header: id, width: 8, type: INTEGER })),
      { header: '合计', width: 8, type: INTEGER },
    ],
    { freezeColumns: 1, landscape: false },
  );
  for (const from of yoy.classOrder) {
    const counts = yoy.classOrder.map((to) => yoy.matrix[from]?.[to] ?? 0);
    matrix.row([from, ...counts, counts.reduce((a, b) => a + b, 0)]);
  }
  const columnTotals = yoy.classOrder.map((to) =>
    yoy.classOrder.reduce((total, from) => total + (yoy.matrix[from]?.[to] ?? 0), 0),
  );
  matrix.row(['合计', ...columnTotals, yoy.totals.matched], 'total');
  matrix.commit();

  const enterpriseColumns = (classHeader: string): Column[] => [
    { header: '统一社会信用代码', width: 22, type: TEXT },
    { header: '企业名称', width: 34, type: TEXT },
    { header: '所属乡镇街道', width: 14, type: TEXT },
    { header: classHeader, width: 9, type: TEXT },
  ];
  const added = xlsx.sheet('本年新增企业', enterpriseColumns('本年类别'), { landscape: false });
  for (const e of yoy.added) added.row([e.uscc, e.name, e.town, e.currentClass]);
  added.commit();
  const dropped = xlsx.sheet('上年有本年无企业', enterpriseColumns('上年类别'), { landscape: false });
  for (const e of yoy.dropped) dropped.row([e.uscc, e.name, e.town, e.previousClass]);
  dropped.commit();
}

export async function writeSummaryWorkbook(report: SummaryReport, stream: Writable): Promise<void> {
  const xlsx = new XlsxWriter(stream);
  const { summary, aggregates } = report;
  writeClassTable(xlsx, '类别分布-评价组', summary.byCohort, summary);
  writeClassTable(xlsx, '类别分布-乡镇街道', summary.byTown, summary);
  writeClassTable(xlsx, '类别分布-园区', summary.byPark, summary);
  writeClassTable(xlsx, '类别分布-行业', summary.byIndustry, summary);
  writeAggregateTable(xlsx, '指标汇总-评价组', aggregates.byCohort, report);
  writeAggregateTable(xlsx, '指标汇总-乡镇街道', aggregates.byTown, report);
  writeAggregateTable(xlsx, '指标汇总-行业', aggregates.byIndustry, report);
  writeDistribution(xlsx, report);
  if (report.yearOverYear !== null) writeYearOverYear(xlsx, report.yearOverYear, report.valueDp);
  await xlsx.commit();
}
