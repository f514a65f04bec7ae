import type { ConfirmationSheet } from '../build/confirmation.js';
import { markup } from './html.js';
import type { Html } from './html.js';
import { col, num, PAGE_FOOT, pageHead } from './page.js';

/**
 * 一企一单: one A4 page per enterprise (CSS `break-after: page`), for it to check its figures and sign
 * before the results are published. Rendered one sheet at a time, so a county's thousand sheets stream to
 * the file without being held together.
 */

export const CONFIRMATION_TITLE = '工业企业亩均效益综合评价数据确认单';

function figureTable(sheet: ConfirmationSheet): Html {
  const half = Math.ceil(sheet.figures.length / 2);
  const part = (figures: ConfirmationSheet['figures'], n: number): Html => markup`<table>
<caption>企业数据（${n}）</caption>
<thead><tr>${col('项目')}${col('数值', 'center')}${col('单位', 'center')}</tr></thead>
<tbody>${figures.map(
    (f) =>
      markup`<tr><th scope="row">${f.label}</th>${f.value === null ? markup`<td class="num">未填报</td>` : num(f.value)}<td class="center">${f.unit}</td></tr>`,
  )}</tbody></table>`;
  return markup`<div class="figures">${part(sheet.figures.slice(0, half), 1)}${part(sheet.figures.slice(half), 2)}</div>`;
}

function factsTable(sheet: ConfirmationSheet): Html {
  const rows = Array.from({ length: Math.ceil(sheet.facts.length / 2) }, (_, i) => {
    const [a, b] = [sheet.facts[2 * i], sheet.facts[2 * i + 1]];
    return markup`<tr><th scope="row">${a?.label}</th><td>${a?.value}</td><th scope="row">${b?.label}</th><td>${b?.value}</td></tr>`;
  });
  return markup`<table>
<caption>加减分及类别调整相关事项</caption>
<thead><tr>${col('事项')}${col('情况')}${col('事项')}${col('情况')}</tr></thead>
<tbody>${rows}</tbody></table>`;
}

function scoreTable(sheet: ConfirmationSheet): Html | null {
  if (sheet.indicators.length === 0) return null;
  const items = (list: ConfirmationSheet['bonusItems']): string =>
    list.length === 0 ? '无' : list.map((item) => `${item.label}（${item.points}）`).join('；');
  const indicators = sheet.indicators.map(
    (i) =>
      markup`<tr><th scope="row">${i.label}</th><td class="center">${i.unit}</td>${i.applicable ? num(i.value) : markup`<td class="num">不适用</td>`}${num(i.benchmark)}${num(i.weight)}${num(i.score)}</tr>`,
  );
  return markup`<table>
<caption>评价指标与得分（${sheet.cohort}）</caption>
<thead><tr>${col('指标')}${col('单位', 'center')}${col('指标值', 'center')}${col('基准值', 'center')}${col('权重', 'center')}${col('得分', 'center')}</tr></thead>
<tbody>${indicators}
<tr><th scope="row">加分</th><td colspan="4">${items(sheet.bonusItems)}</td>${num(sheet.bonus)}</tr>
<tr><th scope="row">减分</th><td colspan="4">${items(sheet.penaltyItems)}</td>${num(sheet.penalty)}</tr>
<tr class="total"><th scope="row">总分</th><td colspan="4"></td>${num(sheet.totalScore)}</tr>
</tbody></table>`;
}

function outcome(sheet: ConfirmationSheet): Html {
  if (sheet.scopeNote !== null) {
    const finalClass =
      sheet.finalClass === null ? null : markup`（${sheet.finalClass} 类 ${sheet.finalClassLabel}）`;
    return markup`<p><strong>评价状态：${sheet.status}</strong>${finalClass}。${sheet.scopeNote}。</p>`;
  }
  const moved = sheet.overrides.length === 0 ? '' : '，经以下调整';
  const moves =
    sheet.overrides.length === 0
      ? null
      : markup`<ul>${sheet.overrides.map((o) => markup`<li>${o.label}：${o.reason}（${o.from} → ${o.to}）</li>`)}</ul>`;
  return markup`<p><strong>初评类别：<span class="class-badge">${sheet.finalClass} 类 ${sheet.finalClassLabel}</span></strong>（按名次分档 ${sheet.bandClass} 类${moved}）</p>${moves}`;
}

/**
 * An enterprise's activation code, printed on its sheet when the bureau issues codes (the code exists
 * in plain text only then: the server keeps a hash).
 */
export interface ActivationNotice {
  readonly code: string;
  /** 有效期至, a date as the person reads it (2025-08-01). */
  readonly until: string;
  /** Where to activate, e.g. https://mujun.example.gov.cn/app/#/activate; null: "本系统登录页". */
  readonly url: string | null;
}

function activationBlock(notice: ActivationNotice): Html {
  const where = notice.url === null ? '本系统登录页' : notice.url;
  return markup`<div class="activation">
<p><strong>企业账号激活码：<span class="code">${notice.code}</span></strong>（有效期至 ${notice.until}，仅限本企业使用一次，请妥善保管）</p>
<p>请在 ${where} 选择“企业首次使用：用激活码激活账号”，填写统一社会信用代码和本激活码，设置登录密码后即可在线查看评价结果、提出异议。激活码遗失或过期，请向所在乡镇街道申请重新发放。</p>
</div>`;
}

export function renderConfirmationSheet(sheet: ConfirmationSheet, activation?: ActivationNotice): Html {
  return markup`<section class="sheet" aria-label="${sheet.name} 数据确认单">
<h1>${CONFIRMATION_TITLE}</h1>
<table>
<caption>企业基本信息</caption>
<tbody>
<tr><th scope="row">企业名称</th><td colspan="3"><strong>${sheet.name}</strong></td></tr>
<tr><th scope="row">统一社会信用代码</th><td>${sheet.uscc}</td><th scope="row">企业规模</th><td>${sheet.scale}</td></tr>
<tr><th scope="row">所属乡镇街道</th><td>${sheet.town}</td><th scope="row">所属园区</th><td>${sheet.park ?? '—'}</td></tr>
<tr><th scope="row">行业</th><td>${sheet.industry ?? '—'}</td><th scope="row">评价状态</th><td>${sheet.status}</td></tr>
</tbody></table>
${figureTable(sheet)}
${factsTable(sheet)}
${scoreTable(sheet)}
${outcome(sheet)}
${activation === undefined ? null : activationBlock(activation)}
<p class="note">请核对以上数据。如有误，请在确认期限内提供书面证明材料；无误请签章确认。本单所列类别为公示前初评结果，以最终公示为准。</p>
<div class="signature">
<p>企业（盖章）：<span class="blank"></span></p>
<p>法定代表人或授权人（签字）：<span class="blank"></span></p>
<p>联系电话：<span class="blank"></span></p>
<p>确认日期：<span class="blank"></span></p>
</div>
</section>
`;
}

/**
 * The whole page, piece by piece: the head, one sheet per enterprise, the foot; with `activation`, each
 * enterprise it names gets its code printed on its sheet.
 */
export function* renderConfirmationPage(
  sheets: Iterable<ConfirmationSheet>,
  activation?: ReadonlyMap<string, ActivationNotice>,
): Generator<string> {
  const frame = confirmationPageFrame();
  yield frame.open;
  for (const sheet of sheets) yield renderConfirmationSheet(sheet, activation?.get(sheet.uscc)).text;
  yield frame.close;
}

/** The page before and after its sheets, for a page whose sheets are rendered elsewhere, a part at a time. */
export function confirmationPageFrame(): { readonly open: string; readonly close: string } {
  return { open: `${pageHead(CONFIRMATION_TITLE).text}<main>\n`, close: `</main>\n${PAGE_FOOT}` };
}
