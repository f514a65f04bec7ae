import { classBars, col, markup, num, page } from '@mujun/reports';
import type { Html, StackedRow } from '@mujun/reports';
import type { GroupDistribution, Simulation } from './simulate.js';
import { NO_CLASS } from './simulate.js';
import type { ImpactRow } from './surcharge-impact.js';
import { MOVE_WORDS, simulationTitle } from './xlsx.js';

/**
 * The simulation as a printable page, the attachment of a method change's 起草说明: every name and figure
 * goes through the reports' escaping template tag, so an enterprise named `<script>` is text.
 */

function shareRow(
  label: string,
  counts: Readonly<Record<string, number>>,
  order: readonly string[],
): StackedRow {
  const total = order.reduce((sum, id) => sum + (counts[id] ?? 0), 0);
  return {
    label,
    total,
    segments: order
      .filter((id) => (counts[id] ?? 0) > 0)
      .map((id) => ({
        id,
        count: counts[id] ?? 0,
        percent: total === 0 ? null : ((100 * (counts[id] ?? 0)) / total).toFixed(1),
      })),
  };
}

function columnTotals(simulation: Simulation, which: 'current' | 'proposed'): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of simulation.enterprises) {
    const id = e[which].finalClass ?? NO_CLASS;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

function distributionTable(
  caption: string,
  header: string,
  groups: readonly GroupDistribution[],
  order: readonly string[],
): Html {
  return markup`<table><caption>${caption}</caption><thead><tr>${col(header)}${col('企业数')}${order.map((id) => col(`现行 ${id}`, 'center'))}${order.map((id) => col(`拟议 ${id}`, 'center'))}${col('上升')}${col('下降')}${col('其他变化')}</tr></thead><tbody>${groups.map(
    (g) =>
      markup`<tr><th scope="row">${g.group}</th>${num(g.enterprises)}${order.map((id) => num(g.current[id] ?? 0))}${order.map((id) => num(g.proposed[id] ?? 0))}${num(g.up)}${num(g.down)}${num(g.changed)}</tr>`,
  )}</tbody></table>`;
}

function impactTable(caption: string, rows: readonly ImpactRow[], unit: string): Html {
  if (rows.length === 0) return markup`<p class="note">${caption}：无。</p>`;
  return markup`<table><caption>${caption}（${rows.length} 家）</caption><thead><tr>${col('统一社会信用代码')}${col('企业名称')}${col('所属乡镇街道')}${col('电力户号')}${col('现行类别')}${col('拟议类别')}${col(`现行加价(${unit})`)}${col(`拟议加价(${unit})`)}${col('用电量(千瓦时)')}${col('现行金额(元)')}${col('拟议金额(元)')}${col('增减(元)')}</tr></thead><tbody>${rows.map(
    (r) =>
      markup`<tr><td>${r.uscc}</td><th scope="row">${r.name}</th><td>${r.town ?? ''}</td><td>${r.accounts.length === 0 ? '（未提供）' : r.accounts.join('、')}</td><td class="center">${r.currentClass ?? NO_CLASS}</td><td class="center">${r.proposedClass ?? NO_CLASS}</td>${num(r.currentPrice)}${num(r.proposedPrice)}${num(r.electricityKwh)}${num(r.currentAmount)}${num(r.proposedAmount)}${num(r.change)}</tr>`,
  )}</tbody></table>`;
}

export function renderSimulationPage(simulation: Simulation): string {
  const order = simulation.classOrder;
  const { totals } = simulation;
  const title = simulationTitle(simulation);
  const movers = simulation.enterprises.filter((e) => e.move !== 'same');
  const impact = simulation.surcharges;
  const chartClasses = order.map((id) => ({ id, label: '' }));
  const chart = classBars({
    id: 'simulation-classes',
    title: '现行办法与拟议办法的类别构成',
    description: `两种办法下各类别企业数：现行 ${order.map((id) => `${id} ${String(columnTotals(simulation, 'current')[id] ?? 0)}`).join('，')}；拟议 ${order.map((id) => `${id} ${String(columnTotals(simulation, 'proposed')[id] ?? 0)}`).join('，')}`,
    classes: chartClasses,
    rows: [
      shareRow('现行办法', columnTotals(simulation, 'current'), order),
      shareRow('拟议办法', columnTotals(simulation, 'proposed'), order),
    ],
  });
  const body = markup`<h1>${title}</h1>
<p class="subtitle">起草说明附件：同一数据分别按现行办法和拟议办法评价的结果对比${simulation.year === null ? '' : `（${String(simulation.year)} 年度数据）`}</p>
<h2>一、概况</h2>
<p>参加测算企业 ${totals.enterprises} 家，其中类别发生变动 ${totals.moved} 家：上升 ${totals.up} 家，下降 ${totals.down} 家，其他变化（暂不评价、不纳入评价）${totals.changed} 家；类别不变 ${totals.same} 家。</p>
${simulation.byRule.length === 0 ? null : markup`<ul>${simulation.byRule.map((r) => markup`<li>涉及${r.label}：${r.enterprises} 家</li>`)}</ul>`}
${chart}
${simulation.warnings.length === 0 ? null : markup`<ul class="note">${simulation.warnings.map((w) => markup`<li>${w}</li>`)}</ul>`}
<h2>二、类别变动矩阵</h2>
<table><caption>行为现行办法类别，列为拟议办法类别</caption><thead><tr>${col('现行 \\ 拟议')}${order.map((id) => col(id, 'center'))}${col('合计')}</tr></thead><tbody>${order.map(
    (from) => {
      const row = simulation.matrix[from] ?? {};
      const cells = order.map((to) => row[to] ?? 0);
      return markup`<tr><th scope="row">${from}</th>${cells.map((n) => num(n))}${num(cells.reduce((a, b) => a + b, 0))}</tr>`;
    },
  )}</tbody></table>
<h2>三、类别变动企业及原因</h2>
${
  movers.length === 0
    ? markup`<p>没有企业的类别发生变动。</p>`
    : markup`<table><caption>类别变动企业（${movers.length} 家）</caption><thead><tr>${col('统一社会信用代码')}${col('企业名称')}${col('所属乡镇街道')}${col('现行得分')}${col('现行排名')}${col('现行类别')}${col('拟议得分')}${col('拟议排名')}${col('拟议类别')}${col('变动')}${col('原因')}</tr></thead><tbody>${movers.map(
        (e) =>
          markup`<tr><td>${e.uscc}</td><th scope="row">${e.name}</th><td>${e.town ?? ''}</td>${num(e.current.totalScore)}${num(e.current.rank)}<td class="center">${e.current.finalClass ?? NO_CLASS}</td>${num(e.proposed.totalScore)}${num(e.proposed.rank)}<td class="center">${e.proposed.finalClass ?? NO_CLASS}</td><td>${MOVE_WORDS[e.move]}</td><td>${e.reasons.map((r) => markup`<p>${r}</p>`)}</td></tr>`,
      )}</tbody></table>`
}
<h2>四、按乡镇街道和行业分布</h2>
${distributionTable('按乡镇街道', '所属乡镇街道', simulation.byTown, order)}
${distributionTable('按行业（GB/T 4754 大类）', '行业', simulation.byIndustry, order)}
<h2>五、差别化电价影响</h2>
${
  impact === null
    ? markup`<p>两种办法均未设差别化电价标准，不测算。</p>`
    : markup`<p>现行办法（${impact.currentPolicy}标准）加价 ${impact.current.enterprises} 家、${impact.current.accounts} 个电力户号，按评价年度用电量测算加价 ${impact.current.amount} 元；拟议办法（${impact.proposedPolicy}标准）加价 ${impact.proposed.enterprises} 家、${impact.proposed.accounts} 个户号，${impact.proposed.amount} 元。新增加价 ${impact.newlyTotals.enterprises} 家（${impact.newlyTotals.accounts} 户，${impact.newlyTotals.amount} 元），不再加价 ${impact.relievedTotals.enterprises} 家（${impact.relievedTotals.accounts} 户，${impact.relievedTotals.amount} 元）。</p>
${impact.notes.map((n) => markup`<p class="note">${n}</p>`)}
${impactTable('新增加价', impact.newlySurcharged, impact.unit)}
${impactTable('不再加价', impact.relieved, impact.unit)}
${impactTable('加价标准变化', impact.changed, impact.unit)}`
}`;
  return page(title, body);
}
