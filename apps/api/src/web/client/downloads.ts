import { all, ApiError, download } from './api.js';
import type { Evaluation, Objection, Session } from './api.js';
import { h, uid } from './dom.js';

/**
 * The documents a county publishes, as each role may download them: the bureau the 评价汇总 (with its
 * charts), the 低效企业 list, the 用地面积 notice and the 一企一单 of a town or the county; a town its own
 * enterprises' documents and the 公示名单; an enterprise its 一企一单 and the 公示名单. Saved through
 * api.ts (the token never goes in a URL), under the name the server gives them: the year, the title,
 * whose, and which grading (`2025年度一企一单（院桥镇）.html`).
 */

function section(label: string, error: HTMLElement, buttons: readonly HTMLElement[]): HTMLElement {
  return h(
    'section',
    { 'aria-label': label, 'data-section': 'publications' },
    h('h3', {}, label),
    error,
    h('div', { class: 'actions' }, ...buttons),
  );
}

function errorBox(): HTMLElement {
  return h('div', { class: 'error', role: 'alert', tabindex: '-1', 'data-error': 'download' });
}

/**
 * A button that saves `path` under the name the server gives it (the last one saved is kept in
 * `data-download`); a failure is shown in `error`, in Chinese.
 */
export function downloadButton(label: string, path: string | (() => string), error: HTMLElement) {
  const node = h('button', { type: 'button', class: 'secondary', 'data-download': '' }, label);
  node.addEventListener('click', () => {
    error.replaceChildren();
    download(typeof path === 'string' ? path : path()).then(
      (name) => {
        node.setAttribute('data-download', name);
      },
      (failure: unknown) => {
        const message = failure instanceof ApiError ? failure.message : '下载失败，请稍后重试。';
        error.replaceChildren(h('p', {}, message));
        error.focus();
      },
    );
  });
  return node;
}
const button = downloadButton;

/** The bureau's, on an evaluation's page: the county's documents, and a town's 一企一单. */
export function bureauDownloads(evaluation: Evaluation): HTMLElement {
  const base = `/v1/evaluations/${encodeURIComponent(evaluation.id)}`;
  const error = errorBox();
  const town = h('input', {
    id: uid('confirmation-town'),
    type: 'text',
    value: '',
    placeholder: '例如 院桥镇',
  });
  const townName = () => town.value.trim();
  const buttons = [
    button('评价汇总（网页，含图表）', `${base}/summary?format=html`, error),
    button('评价汇总（XLSX）', `${base}/summary?format=xlsx`, error),
    button('低效企业筛选（XLSX）', `${base}/low-efficiency`, error),
    button('用地面积公示（XLSX）', `${base}/land-notice`, error),
  ];
  const confirmations = button(
    '一企一单（可打印网页）',
    () =>
      townName() === ''
        ? `${base}/confirmations`
        : `${base}/confirmations?town=${encodeURIComponent(townName())}`,
    error,
  );
  return section('评价文件下载', error, [
    ...buttons,
    h('div', { class: 'field' }, h('label', { for: town.id }, '一企一单的乡镇街道（留空为全部企业）'), town),
    confirmations,
  ]);
}

/** The 公示名单 both ways, once published. */
function publicationList(evaluation: Evaluation, error: HTMLElement): HTMLElement[] {
  if (evaluation.publication === null) return [];
  const base = `/v1/evaluations/${encodeURIComponent(evaluation.id)}`;
  return [
    button('公示名单（XLSX）', `${base}/publication-list?format=xlsx`, error),
    button('公示名单（可打印网页）', `${base}/publication-list?format=html`, error),
  ];
}

/** A town's, on its page: its own enterprises' documents and the county's 公示名单. */
function townDownloads(evaluation: Evaluation): HTMLElement {
  const base = `/v1/evaluations/${encodeURIComponent(evaluation.id)}`;
  const error = errorBox();
  return section('公示文件下载', error, [
    ...publicationList(evaluation, error),
    button('本乡镇街道一企一单（可打印网页）', `${base}/confirmations`, error),
    button('本乡镇街道低效企业筛选（XLSX）', `${base}/low-efficiency`, error),
    button('本乡镇街道用地面积公示（XLSX）', `${base}/land-notice`, error),
  ]);
}

/**
 * The section for `current` on an evaluation's page (bureau, town) or an enterprise's page (`enterprise`:
 * the one shown); null when the role has nothing to download there.
 */
export function publicationDownloads(
  evaluation: Evaluation,
  current: Session,
  enterprise: { readonly uscc: string; readonly name: string } | null = null,
): HTMLElement | null {
  if (enterprise === null) {
    if (current.role === 'admin') return bureauDownloads(evaluation);
    if (current.role === 'town') return townDownloads(evaluation);
    return null;
  }
  if (current.role === 'department') return null;
  const base = `/v1/evaluations/${encodeURIComponent(evaluation.id)}`;
  const error = errorBox();
  const sheet = button(
    current.role === 'enterprise' ? '本企业一企一单（可打印网页）' : '该企业一企一单（可打印网页）',
    `${base}/confirmations?uscc=${encodeURIComponent(enterprise.uscc)}`,
    error,
  );
  return section('公示文件下载', error, [
    sheet,
    ...(current.role === 'enterprise' ? publicationList(evaluation, error) : []),
    receipts(evaluation, enterprise.uscc, error),
  ]);
}

/**
 * The 异议申诉受理回执 of the enterprise's objections: listed when asked for (so one filed a moment ago
 * is there), each a printable page with its receipt number, the claimed values and the 佐证材料's SHA-256.
 */
function receipts(evaluation: Evaluation, uscc: string, error: HTMLElement): HTMLElement {
  const list = h('ul', { class: 'cards', 'data-list': 'receipts' });
  const show = h('button', { type: 'button', class: 'secondary' }, '异议申诉受理回执');
  show.addEventListener('click', () => {
    error.replaceChildren();
    all<Objection>(`/v1/evaluations/${encodeURIComponent(evaluation.id)}/objections`)
      .then((objections) => {
        const own = objections.filter((objection) => objection.uscc === uscc);
        list.replaceChildren(
          ...(own.length === 0
            ? [h('li', {}, '尚未提出异议申诉。')]
            : own.map((objection) =>
                h(
                  'li',
                  {},
                  button(
                    `回执 ${objection.receiptNo}（可打印网页）`,
                    `/v1/objections/${encodeURIComponent(objection.id)}/receipt`,
                    error,
                  ),
                ),
              )),
        );
      })
      .catch((failure: unknown) => {
        error.replaceChildren(
          h('p', {}, failure instanceof ApiError ? failure.message : '读取失败，请稍后重试。'),
        );
      });
  });
  return h('div', {}, show, list);
}
