import { markup, page } from '@mujun/reports';
import { shanghaiDate } from '../domain/clock.js';
import { reviewerName, valueText } from '../domain/contestable-fields.js';
import { attachment, PAGE_HEADERS } from '../http/files.js';
import { ContentDispositionHeader } from '../http/headers.js';
import { defineRoute } from '../http/route.js';
import type { Reply } from '../http/route.js';
import { ObjectionPath } from '../schemas/objection.js';
import type { Objection } from '../store/store.js';
import { visibleObjection } from './scope.js';

/**
 * The 异议申诉受理回执: what the enterprise filed, as the server received it, printable on A4. The
 * receipt number, the time, the enterprise, each contested figure with the value claimed and who
 * reviews it, and every 佐证材料 with its size and SHA-256, so that either side can later show which
 * file was filed.
 */

const FILED_BY = { admin: '评价工作主管部门代为提出', town: '乡镇街道代为提出', enterprise: '企业在线提出' };

/** 2025-06-04 10:00 (北京时间), from an instant. */
function beijingTime(instant: string): string {
  const at = new Date(Date.parse(instant) + 8 * 3600_000);
  const hh = String(at.getUTCHours()).padStart(2, '0');
  const mm = String(at.getUTCMinutes()).padStart(2, '0');
  return `${shanghaiDate(new Date(Date.parse(instant)))} ${hh}:${mm}（北京时间）`;
}

function bytes(size: number): string {
  if (size < 1024) return `${String(size)} 字节`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(2)} MB`;
}

export function renderReceipt(objection: Objection): string {
  const title = '异议申诉受理回执';
  return page(
    title,
    markup`<header>
<h1>${title}</h1>
<p class="subtitle">回执编号：<strong data-receipt="${objection.receiptNo}">${objection.receiptNo}</strong></p>
</header>
<main>
<table>
<caption>受理信息</caption>
<tbody>
<tr><th scope="row">企业名称</th><td>${objection.name}</td></tr>
<tr><th scope="row">统一社会信用代码</th><td>${objection.uscc}</td></tr>
<tr><th scope="row">所属乡镇街道</th><td>${objection.town ?? '—'}</td></tr>
<tr><th scope="row">提出时间</th><td>${beijingTime(objection.filedAt)}</td></tr>
<tr><th scope="row">提出方式</th><td>${FILED_BY[objection.filedBy]}</td></tr>
<tr><th scope="row">异议理由</th><td>${objection.reason}</td></tr>
</tbody>
</table>
<table>
<caption>异议事项 ${objection.items.length} 项</caption>
<thead><tr><th scope="col">序号</th><th scope="col">数据项</th><th scope="col">原数据</th><th scope="col">企业主张</th><th scope="col">核实部门</th></tr></thead>
<tbody>${objection.items.map(
      (item, i) =>
        markup`<tr><td class="center">${i + 1}</td><th scope="row">${item.header}</th><td class="num">${item.currentValue === null ? '—' : valueText(item.field, item.currentValue)}</td><td class="num">${valueText(item.field, item.claimedValue)}</td><td>${reviewerName(item.department)}</td></tr>`,
    )}</tbody>
</table>
<table>
<caption>佐证材料 ${objection.evidence.length} 份</caption>
<thead><tr><th scope="col">序号</th><th scope="col">文件名</th><th scope="col">大小</th><th scope="col">SHA-256 校验值</th></tr></thead>
<tbody>${objection.evidence.map(
      (file, i) =>
        markup`<tr><td class="center">${i + 1}</td><th scope="row">${file.filename}</th><td class="num">${bytes(file.size)}</td><td><code>${file.sha256}</code></td></tr>`,
    )}</tbody>
</table>
<p class="note">本回执证明上述异议申诉及佐证材料已于提出时间在线送达。各数据项由核实部门审核，处理结果可在系统中查看。请妥善保存本回执，查询时提供回执编号。</p>
</main>`,
  );
}

export const getObjectionReceipt = defineRoute({
  method: 'get',
  path: '/v1/objections/{id}/receipt',
  operationId: 'getObjectionReceipt',
  tag: 'Objections',
  summary: 'The printable receipt of an objection (异议申诉受理回执, HTML)',
  description:
    'The receipt number, the time filed, the enterprise, each contested figure with the value claimed, ' +
    'and every evidence file with its size and SHA-256. For whoever may read the whole objection: the ' +
    'enterprise, its town and the bureau (a department sees items, not the filing: 403).',
  access: ['admin', 'town', 'enterprise'],
  params: ObjectionPath,
  responses: {
    200: {
      description: 'the receipt, printable',
      contentType: 'text/html',
      headers: ContentDispositionHeader,
    },
  },
  async handle({ services, principal, params }): Promise<Reply> {
    const objection = visibleObjection(await services.store.getObjection(params.id), principal);
    return {
      status: 200,
      raw: renderReceipt(objection),
      contentType: 'text/html; charset=utf-8',
      headers: {
        ...PAGE_HEADERS,
        ...attachment(
          `receipt-${objection.receiptNo}.html`,
          `异议申诉受理回执（${objection.receiptNo}）.html`,
        ),
      },
    };
  },
});
