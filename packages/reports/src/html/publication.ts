import type { PublicationList } from '../build/publication.js';
import { noticeParagraphs, noticeTitle } from '../build/notice.js';
import type { PublicationNotice } from '../build/notice.js';
import { PUBLICATION_TITLE } from '../xlsx/publication.js';
import { markup } from './html.js';
import type { Html } from './html.js';
import { col, page } from './page.js';

/**
 * The 公示 page: the enterprises of each cohort by class, names only, 排名不分先后; then the appendices.
 * Printable as it is (A4, headers repeated on every page).
 */

function classList(group: PublicationList['cohorts'][number]['classes'][number]): Html {
  const names =
    group.enterprises.length === 0
      ? markup`<p class="note">无</p>`
      : markup`<ol class="names">${group.enterprises.map((e) => markup`<li>${e.name} <span class="town">${e.town}</span></li>`)}</ol>`;
  return markup`<h3>${group.id} 类（${group.label}）：${group.enterprises.length} 家</h3>
${names}`;
}

export function renderPublicationPage(list: PublicationList, notice: PublicationNotice = {}): string {
  const cohorts = list.cohorts.map(
    (cohort) => markup`<section aria-labelledby="cohort-${cohort.id}">
<h2 id="cohort-${cohort.id}">${cohort.label}</h2>
${cohort.classes.map(classList)}
</section>`,
  );
  const exemptLabel = list.exemptClass.label;
  const exempt = markup`<section aria-labelledby="appendix-exempt">
<h2 id="appendix-exempt">附件1：${exemptLabel}企业名单</h2>
<table>
<caption>${exemptLabel}企业 ${list.exempt.length} 家及事由</caption>
<thead><tr>${col('序号', 'center')}${col('企业名称')}${col('所属乡镇街道')}${col(`${exemptLabel}事由`)}</tr></thead>
<tbody>${list.exempt.map(
    (e, i) =>
      markup`<tr><td class="center">${i + 1}</td><th scope="row">${e.name}</th><td>${e.town}</td><td>${e.reasons}</td></tr>`,
  )}</tbody>
</table>
</section>`;
  const protectedOnes = markup`<section aria-labelledby="appendix-protected">
<h2 id="appendix-protected">附件2：享受保护性政策企业名单</h2>
<table>
<caption>享受保护性政策企业 ${list.protected.length} 家、保护事由及评价类别</caption>
<thead><tr>${col('序号', 'center')}${col('企业名称')}${col('所属乡镇街道')}${col('评价组')}${col('保护事由')}${col('评价类别')}</tr></thead>
<tbody>${list.protected.map(
    (e, i) =>
      markup`<tr><td class="center">${i + 1}</td><th scope="row">${e.name}</th><td>${e.town}</td><td>${e.cohortLabel}</td><td>${e.reasons}</td><td class="center">${e.finalClass} 类 ${e.finalClassLabel}</td></tr>`,
  )}</tbody>
</table>
</section>`;
  const title = noticeTitle(PUBLICATION_TITLE, notice);
  const paragraphs = noticeParagraphs(list, notice).map((text) => markup`<p>${text}</p>`);
  return page(
    title,
    markup`<header>
<h1>${title}</h1>
<p class="subtitle">${list.schemeName}</p>
</header>
<main>
<section class="notice" aria-label="公示说明">
${paragraphs}
</section>
${cohorts}
${exempt}
${protectedOnes}
</main>`,
  );
}
