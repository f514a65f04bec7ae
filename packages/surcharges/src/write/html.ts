import { col, markup, num, page } from '@mujun/reports';
import type { Html } from '@mujun/reports';
import type { ListDiff } from '../diff/diff.js';
import type { SurchargeList } from '../list/build.js';
import { listHeaders } from './columns.js';

/** The page title: `2025 年度工业企业差别化电价执行名单`. */
export function surchargePageTitle(list: Pick<SurchargeList, 'year' | 'label'>): string {
  return `${String(list.year)} 年度工业企业${list.label}执行名单`;
}

function listTable(list: SurchargeList): Html {
  const headers = listHeaders(list);
  return markup`<table>
<caption>${list.label}执行名单：${list.enterprises.length} 家企业，${list.rows.length} 个电力户号</caption>
<thead><tr>${col('序号', 'center')}${headers.map((header) => col(header))}</tr></thead>
<tbody>${list.rows.map(
    (row, i) =>
      markup`<tr><td class="center">${i + 1}</td><td>${row.uscc}</td><th scope="row">${row.name}</th><td>${row.account === '' ? '（未提供）' : row.account}</td><td>${row.industry}</td><td>${row.town}</td><td class="center">${row.year}</td><td class="center">${row.class}</td>${num(row.consecutiveDYears)}${num(row.price)}<td>${row.start}</td><td>${row.end}</td><td>${row.documentNumber}</td><td>${row.note}</td></tr>`,
  )}</tbody>
</table>`;
}

function newIndustriesTable(list: SurchargeList): Html {
  if (list.newIndustries.length === 0) return markup`<p class="note">本年度没有新纳入加价的企业。</p>`;
  return markup`<table>
<caption>新纳入${list.label}的行业 ${list.newIndustries.length} 个</caption>
<thead><tr>${col('行业（GB/T 4754 大类）')}${col('企业数', 'center')}${col('企业名称')}${col(`加价标准(${list.unit})`)}</tr></thead>
<tbody>${list.newIndustries.map(
    (industry) =>
      markup`<tr><th scope="row">${industry.label}</th>${num(industry.enterprises.length)}<td>${industry.enterprises.map((e) => e.name).join('、')}</td>${num(industry.prices.join('、'))}</tr>`,
  )}</tbody>
</table>`;
}

function diffSection(list: SurchargeList, diff: ListDiff | null): Html {
  if (diff === null) return markup`<p class="note">未提供上年名单，未作对比。</p>`;
  const unit = list.unit;
  const table = (caption: string, head: Html, rows: Html[]) =>
    rows.length === 0
      ? markup`<p class="note">${caption}：无。</p>`
      : markup`<table><caption>${caption}：${rows.length} 个电力户号</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  const who = (e: { readonly name: string; readonly uscc: string; readonly account: string }) =>
    markup`<th scope="row">${e.name}</th><td>${e.uscc}</td><td>${e.account === '' ? '（未提供）' : e.account}</td>`;
  const base = markup`${col('企业名称')}${col('统一社会信用代码')}${col('电力户号')}`;
  return markup`<p>与上年名单相比：新增 ${diff.added.length}、移出 ${diff.removed.length}、加价变化 ${diff.changed.length}、未变化 ${diff.unchanged} 个电力户号。</p>
${table(
  '新增',
  markup`${base}${col(`加价标准(${unit})`)}`,
  diff.added.map((e) => markup`<tr>${who(e)}${num(e.price)}</tr>`),
)}
${table(
  '移出',
  markup`${base}${col(`上年加价标准(${unit})`)}`,
  diff.removed.map((e) => markup`<tr>${who(e)}${num(e.price)}</tr>`),
)}
${table(
  '加价变化',
  markup`${base}${col(`上年(${unit})`)}${col(`本年(${unit})`)}`,
  diff.changed.map((e) => markup`<tr>${who(e)}${num(e.from)}${num(e.to)}</tr>`),
)}`;
}

/**
 * The publication page: what the list executes (文号, period, tiers, no stacking), the list, the
 * industries newly under surcharge with their prices, and the diff against last year's list. Every text
 * from the data goes through the reports' escaping `markup` tag; printable on A4 as the other pages are.
 */
export function renderSurchargePage(list: SurchargeList): string {
  const title = surchargePageTitle(list);
  const tiers = markup`<table>
<caption>${list.label}加价标准</caption>
<thead><tr>${col('类别')}${col(`加价标准（按连续处于该类别的年数，含本年度）`)}</tr></thead>
<tbody>${list.policyClasses.map((c) => markup`<tr><th scope="row">${c.id} 类（${c.label}）</th><td>${c.tiers}</td></tr>`)}</tbody>
</table>`;
  const sources =
    list.policySources.length === 0
      ? null
      : markup`<p class="note">政策依据：${list.policySources.join('；')}</p>`;
  return page(
    title,
    markup`<header>
<h1>${title}</h1>
<p class="subtitle">依据文号：${list.documentNumber}；执行期间：${list.period.start} 至 ${list.period.end}</p>
</header>
<main>
<p>根据${list.schemeName}，对 ${list.year} 年度亩均效益综合评价结果中应执行${list.label}的企业，自 ${list.period.start} 起至 ${list.period.end} 止执行下列加价标准。已执行其他差别化或惩罚性电价的企业，按较高标准执行，不叠加（见备注）。</p>
${tiers}
${sources}
<section aria-labelledby="list">
<h2 id="list">一、执行名单</h2>
${listTable(list)}
</section>
<section aria-labelledby="new">
<h2 id="new">二、新纳入加价的行业及加价标准</h2>
${newIndustriesTable(list)}
</section>
<section aria-labelledby="diff">
<h2 id="diff">三、与上年名单对比</h2>
${diffSection(list, list.diff)}
</section>
</main>`,
  );
}
