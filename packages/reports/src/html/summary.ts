import type { AggregateRow, AggregateTable } from '../build/aggregates.js';
import type { FiveNumbers } from '../build/quantiles.js';
import type { ClassCountRow, ClassTable, Summary } from '../build/summary.js';
import type { YearOverYear } from '../build/year-over-year.js';
import type { SummaryReport } from '../xlsx/summary.js';
import { MOVE_LABEL } from '../xlsx/summary.js';
import { boxPlot, classBars } from './charts.js';
import type { Marker, StackedRow } from './charts.js';
import { markup } from './html.js';
import type { Html } from './html.js';
import { col, num, page } from './page.js';

/**
 * 评价汇总 page: the class distribution (charts, then the tables), the regional aggregates, the 亩均税收
 * distribution per town, and the year-over-year comparison when last year's result was given.
 */

export const SUMMARY_TITLE = '工业企业亩均效益综合评价汇总';

export interface SummaryPageOptions {
  /** The low-efficiency threshold, drawn on the distribution chart. */
  readonly lowThreshold?: string;
}

function stackedRows(rows: readonly ClassCountRow[], summary: Summary): StackedRow[] {
  return rows.map((row) => ({
    label: row.label,
    total: row.rated,
    segments: summary.classes.map((c) => ({
      id: c.id,
      count: row.classes[c.id]?.count ?? 0,
      percent: row.classes[c.id]?.percent ?? null,
    })),
  }));
}

function totalClass(total: boolean): Html | null {
  return total ? markup` class="total"` : null;
}

function classTable(table: ClassTable, summary: Summary, caption: string): Html {
  const unrated = table.total.exempt !== null;
  const line = (row: ClassCountRow, total: boolean): Html => {
    const shares = summary.classes.map((c) => {
      const share = row.classes[c.id];
      return markup`${num(share?.count)}${num(share?.percent, '%')}`;
    });
    const others = unrated ? markup`${num(row.exempt)}${num(row.outOfScope)}` : null;
    return markup`<tr${totalClass(total)}><th scope="row">${row.label}</th>${num(row.rated)}${shares}${others}</tr>`;
  };
  const classHeads = summary.classes.map(
    (c) => markup`${col(`${c.id}类`, 'center')}${col('占比', 'center')}`,
  );
  const otherHeads = unrated
    ? markup`${col(summary.exemptClass.label, 'center')}${col('不纳入评价', 'center')}`
    : null;
  return markup`<table>
<caption>${caption}</caption>
<thead><tr>${col(table.title)}${col('参评企业', 'center')}${classHeads}${otherHeads}</tr></thead>
<tbody>${table.rows.map((row) => line(row, false))}${line(table.total, true)}</tbody>
</table>`;
}

function aggregateTable(table: AggregateTable, report: SummaryReport, caption: string): Html {
  const { columns } = report.aggregates;
  const line = (row: AggregateRow, total: boolean): Html =>
    markup`<tr${totalClass(total)}><th scope="row">${row.label}</th>${num(row.rated)}${num(row.landMu)}${num(row.tax)}${columns.map((c) => num(row.indicators[c.key]?.value))}</tr>`;
  const heads = columns.map((c) =>
    col(c.unit === '' ? c.label : markup`${c.label}<br>(${c.unit})`, 'center'),
  );
  return markup`<table>
<caption>${caption}</caption>
<thead><tr>${col(table.title)}${col('参评企业', 'center')}${col('用地面积合计(亩)', 'center')}${col('税收合计(万元)', 'center')}${heads}</tr></thead>
<tbody>${table.rows.map((row) => line(row, false))}${line(table.total, true)}</tbody>
</table>`;
}

function spreadRow(label: string, s: FiveNumbers, total: boolean): Html {
  return markup`<tr${totalClass(total)}><th scope="row">${label}</th>${num(s.n)}${num(s.min)}${num(s.q1)}${num(s.median)}${num(s.q3)}${num(s.max)}</tr>`;
}

function yearOverYearSection(yoy: YearOverYear): Html {
  const moved = yoy.matched.filter((e) => e.previousClass !== e.currentClass);
  const columnTotal = (to: string): number =>
    yoy.classOrder.reduce((total, from) => total + (yoy.matrix[from]?.[to] ?? 0), 0);
  const { totals } = yoy;
  const matrixRows = yoy.classOrder.map((from) => {
    const counts = yoy.classOrder.map((to) => yoy.matrix[from]?.[to] ?? 0);
    return markup`<tr><th scope="row">${from}</th>${counts.map((n) => num(n))}${num(counts.reduce((a, b) => a + b, 0))}</tr>`;
  });
  const movedRows = moved.map(
    (e) =>
      markup`<tr><th scope="row">${e.name}</th><td>${e.town}</td><td class="center">${e.previousClass}</td><td class="center">${e.currentClass}</td><td class="center">${e.move === null ? '—' : MOVE_LABEL[e.move]}</td>${num(e.previousTaxPerMu)}${num(e.currentTaxPerMu)}${num(e.change)}${num(e.changePercent, '%')}</tr>`,
  );
  return markup`<section aria-labelledby="yoy">
<h2 id="yoy">与上年比较</h2>
<p>与上年结果（${yoy.previousScheme.name}）按统一社会信用代码匹配 ${totals.matched} 家：类别上升 ${totals.up} 家、下降 ${totals.down} 家、不变 ${totals.same} 家；亩均税收增加 ${totals.taxPerMuUp} 家、减少 ${totals.taxPerMuDown} 家、持平 ${totals.taxPerMuSame} 家。本年新增 ${yoy.added.length} 家，上年有本年无 ${yoy.dropped.length} 家。</p>
<table>
<caption>类别变动矩阵（行为上年类别，列为本年类别，单位：家）</caption>
<thead><tr>${col('上年＼本年')}${yoy.classOrder.map((id) => col(id, 'center'))}${col('合计', 'center')}</tr></thead>
<tbody>${matrixRows}<tr class="total"><th scope="row">合计</th>${yoy.classOrder.map((to) => num(columnTotal(to)))}${num(totals.matched)}</tr></tbody>
</table>
<table>
<caption>类别发生变动的企业（${moved.length} 家）</caption>
<thead><tr>${col('企业名称')}${col('所属乡镇街道')}${col('上年类别', 'center')}${col('本年类别', 'center')}${col('变动', 'center')}${col('上年亩均税收', 'center')}${col('本年亩均税收', 'center')}${col('增减', 'center')}${col('增减幅度', 'center')}</tr></thead>
<tbody>${movedRows}</tbody>
</table>
</section>`;
}

export function renderSummaryPage(report: SummaryReport, options: SummaryPageOptions = {}): string {
  const { summary, aggregates, distribution } = report;
  const cohortChart = classBars({
    id: 'chart-class-cohort',
    title: '各评价组最终类别分布',
    description: summary.byCohort.rows
      .map(
        (row) =>
          `${row.label}参评 ${String(row.rated)} 家：` +
          summary.classes.map((c) => `${c.id}类 ${String(row.classes[c.id]?.count ?? 0)} 家`).join('，'),
      )
      .join('；'),
    classes: summary.classes,
    rows: stackedRows([...summary.byCohort.rows, summary.byCohort.total], summary),
  });
  const townChart = classBars({
    id: 'chart-class-town',
    title: '各乡镇街道最终类别分布',
    description: `${String(summary.byTown.rows.length)} 个乡镇街道参评企业的类别构成，数据见下表`,
    classes: summary.classes,
    rows: stackedRows(summary.byTown.rows, summary),
  });
  const county = aggregates.byTown.total.indicators[aggregates.columns[0]?.key ?? '']?.value ?? null;
  const markers: Marker[] = [];
  if (options.lowThreshold !== undefined) {
    markers.push({ value: options.lowThreshold, label: '低效筛选标准', kind: 'threshold' });
  }
  if (county !== null) markers.push({ value: county, label: '全部参评企业 Σ税收/Σ用地', kind: 'reference' });
  const distributionChart =
    distribution.towns.length === 0
      ? markup`<p class="note">无参评企业。</p>`
      : boxPlot({
          id: 'chart-tax-per-mu-town',
          title: `各乡镇街道参评企业${distribution.label}分布`,
          description: `箱线图：每个乡镇街道一行，须线为最小值至最大值，箱为下四分位数至上四分位数，粗线为中位数，单位 ${distribution.unit}；数据见下表`,
          unit: distribution.unit,
          rows: distribution.towns.map((t) => ({ label: t.town, spread: t.spread })),
          markers,
        });
  const spreads = distribution.towns.map((t) => spreadRow(t.town, t.spread, false));
  const countySpread =
    distribution.county === null ? null : spreadRow('全部参评企业', distribution.county, true);
  const total = summary.byTown.total;
  return page(
    SUMMARY_TITLE,
    markup`<header>
<h1>${SUMMARY_TITLE}</h1>
<p class="subtitle">${report.schemeName}</p>
</header>
<main>
<p>参评企业 ${total.rated} 家，${summary.exemptClass.label} ${total.exempt ?? 0} 家，不纳入评价 ${total.outOfScope ?? 0} 家。占比均为占该组参评企业的比例（四舍五入保留两位小数）；汇总指标为各组 Σ分子 / Σ分母（如亩均税收 = 税收合计 / 用地面积合计），按适用企业计算。</p>
<section aria-labelledby="classes">
<h2 id="classes">类别分布</h2>
${cohortChart}
${classTable(summary.byCohort, summary, '各评价组最终类别（家）及占比')}
${townChart}
${classTable(summary.byTown, summary, '各乡镇街道最终类别（家）及占比')}
${classTable(summary.byPark, summary, '各园区最终类别（家）及占比')}
${classTable(summary.byIndustry, summary, '各行业大类（GB/T 4754）最终类别（家）及占比')}
</section>
<section aria-labelledby="aggregates">
<h2 id="aggregates">区域汇总指标</h2>
${aggregateTable(aggregates.byCohort, report, '各评价组汇总指标')}
${aggregateTable(aggregates.byTown, report, '各乡镇街道汇总指标')}
${aggregateTable(aggregates.byIndustry, report, '各行业大类汇总指标')}
</section>
<section aria-labelledby="distribution">
<h2 id="distribution">${distribution.label}分布</h2>
${distributionChart}
<table>
<caption>各乡镇街道参评企业${distribution.label}（${distribution.unit}）的分位数（线性插值，同 Excel QUARTILE.INC）</caption>
<thead><tr>${col('乡镇街道')}${col('企业数', 'center')}${col('最小值', 'center')}${col('下四分位数', 'center')}${col('中位数', 'center')}${col('上四分位数', 'center')}${col('最大值', 'center')}</tr></thead>
<tbody>${spreads}${countySpread}</tbody>
</table>
</section>
${report.yearOverYear === null ? null : yearOverYearSection(report.yearOverYear)}
</main>`,
  );
}
