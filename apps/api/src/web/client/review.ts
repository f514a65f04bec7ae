import { all, ApiError, download, fetchBlob, getJson, sendJson } from './api.js';
import type { Objection, ReviewItem, Schemas, Session } from './api.js';
import { contestedText } from '../../domain/wording.js';
import { confirmStep } from './confirm.js';
import { claimedInput, claimProblem } from './objections.js';
import { h, show, table, uid } from './dom.js';
import { bytes, deadline, fieldName, instant, ITEM_STATUS_LABELS } from './format.js';

type ItemEvent = Schemas['ItemEvent'];

/**
 * A department's review: each item on its figures with everything needed to decide it in front of the
 * reviewer (the enterprise and its code, its reason, the claimed value beside the current one with the
 * unit, every 佐证材料 viewable here and downloadable, the item's history and the deadline), and a
 * confirmation that names the effect before 采纳 or 不采纳.
 */

export async function departmentPage(
  main: HTMLElement,
  current: Session,
  /** What was just decided: said at the top once the list is redrawn, since the card it was on is gone. */
  notice?: string,
): Promise<void> {
  const [pending, decided] = await Promise.all([
    all<ReviewItem>('/v1/review-items?status=pending'),
    all<ReviewItem>('/v1/review-items?status=decided'),
  ]);
  show(
    main,
    h('h2', {}, `${current.departmentLabel ?? ''} · 异议审核`),
    h(
      'p',
      {},
      '以下为企业对本部门所提供数据提出的异议。请查看企业的理由和佐证材料后办理：采纳须填写核实后的数值，不采纳须说明理由。',
    ),
    notice === undefined
      ? null
      : h('p', { class: 'status', role: 'status', tabindex: '-1', 'data-status': 'decided' }, notice),
    ...(await reviewBlocks(pending, decided, (said) => {
      void departmentPage(main, current, said);
    })),
  );
  const said = main.querySelector('[data-status="decided"]');
  if (said instanceof HTMLElement) said.focus();
}

/**
 * The bureau's own review, on an evaluation's page: the items routed to it (the bonus and penalty
 * inputs: 国家高新技术企业, 专精特新, 出租户数 …), decided as a department decides its figures.
 */
export async function bureauReview(evaluationId: string, done: () => void): Promise<HTMLElement> {
  const query = `evaluation=${encodeURIComponent(evaluationId)}`;
  const mine = (item: ReviewItem) => item.department === 'bureau';
  const [pending, decided] = await Promise.all([
    all<ReviewItem>(`/v1/review-items?status=pending&${query}`),
    all<ReviewItem>(`/v1/review-items?status=decided&${query}`),
  ]);
  return h(
    'section',
    { 'aria-labelledby': 'bureau-review', 'data-review-by': 'bureau' },
    h('h3', { id: 'bureau-review' }, '由经信局审核的异议事项（加减分事项）'),
    h(
      'p',
      {},
      '国家高新技术企业、专精特新、应急医疗物资重点生产企业、产业链关键环节企业和出租户数不由各部门报送，企业对其提出的异议由经信局核实办理。',
    ),
    ...(await reviewBlocks(pending.filter(mine), decided.filter(mine), done)),
  );
}

async function reviewBlocks(
  pending: readonly ReviewItem[],
  decided: readonly ReviewItem[],
  done: (said: string) => void,
): Promise<(HTMLElement | null)[]> {
  const objections = new Map<string, Objection>();
  for (const id of new Set(pending.map((item) => item.objectionId)))
    objections.set(id, await getJson<Objection>(`/v1/objections/${encodeURIComponent(id)}`));
  const histories = new Map<string, readonly ItemEvent[]>();
  await Promise.all(
    pending.map(async (item) => {
      const path = `/v1/objections/${encodeURIComponent(item.objectionId)}/items/${encodeURIComponent(item.id)}/history`;
      histories.set(item.id, (await getJson<{ data: ItemEvent[] }>(path)).data);
    }),
  );
  return [
    pending.length === 0
      ? h('p', { 'data-review': 'empty' }, '暂无待审核的异议事项。')
      : h(
          'div',
          { 'data-review': 'pending' },
          h('h3', {}, `待审核（${pending.length} 项）`),
          ...pending.map((item) =>
            reviewCard(item, objections.get(item.objectionId), histories.get(item.id) ?? [], done),
          ),
        ),
    decided.length === 0
      ? null
      : table(
          '已审核事项',
          ['企业', '统一社会信用代码', '数据项', '原值', '申报值', '结论', '更正值', '理由', '审核时间'],
          decided.map((item) => [
            item.name,
            item.uscc,
            fieldName(item.header),
            contestedText(item.kind, item.header, item.currentValue),
            contestedText(item.kind, item.header, item.claimedValue),
            ITEM_STATUS_LABELS[item.status] ?? item.status,
            item.status === 'upheld' ? contestedText(item.kind, item.header, item.correctedValue) : '—',
            item.decisionReason ?? '—',
            instant(item.decidedAt),
          ]),
          { 'data-table': 'decided' },
        ),
  ];
}

/** One evidence file: 查看 shows it here (an image inline, a PDF in a frame), 新标签页 and 下载 beside. */
function evidenceEntry(objectionId: string, file: Objection['evidence'][number]): HTMLElement {
  const path = `/v1/objections/${encodeURIComponent(objectionId)}/evidence/${encodeURIComponent(file.id)}`;
  const kind = file.mediaType === 'application/pdf' ? 'PDF' : '图片';
  const view = h('div', { class: 'evidence-view', 'data-evidence-view': file.id });
  const error = h('span', { class: 'error', 'aria-live': 'polite' });
  const show = h(
    'button',
    { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'data-evidence': file.id },
    `查看 ${file.filename}`,
  );
  const tab = h('button', { type: 'button', class: 'link' }, '在新标签页打开');
  const save = h('button', { type: 'button', class: 'link' }, '下载');
  let url: string | null = null;
  const blobUrl = async (): Promise<string> => {
    url ??= URL.createObjectURL(await fetchBlob(path));
    return url;
  };
  const failed = (failure: unknown) => {
    error.textContent = failure instanceof ApiError ? failure.message : '文件读取失败，请稍后重试。';
  };
  show.addEventListener('click', () => {
    if (show.getAttribute('aria-expanded') === 'true') {
      view.replaceChildren();
      show.setAttribute('aria-expanded', 'false');
      show.textContent = `查看 ${file.filename}`;
      return;
    }
    blobUrl().then((src) => {
      view.replaceChildren(
        file.mediaType === 'application/pdf'
          ? h('iframe', { src, title: `佐证材料：${file.filename}` })
          : h('img', { src, alt: `佐证材料：${file.filename}` }),
      );
      show.setAttribute('aria-expanded', 'true');
      show.textContent = `收起 ${file.filename}`;
    }, failed);
  });
  tab.addEventListener('click', () => {
    blobUrl().then((src) => {
      window.open(src, '_blank', 'noopener');
    }, failed);
  });
  save.addEventListener('click', () => {
    download(path, file.filename).catch(failed);
  });
  return h(
    'li',
    {},
    h('span', {}, `${file.filename}（${kind}，${bytes(file.size)}）`),
    h('div', { class: 'actions' }, show, ' ', tab, ' ', save),
    error,
    view,
  );
}

function reviewCard(
  item: ReviewItem,
  objection: Objection | undefined,
  history: readonly ItemEvent[],
  done: (said: string) => void,
): HTMLElement {
  const error = h('div', { class: 'error', role: 'alert', tabindex: '-1' });
  const name = fieldName(item.header);
  const corrected = claimedInput(item, uid('corrected'), item.claimedValue, true);
  const text = (value: string | null) => contestedText(item.kind, item.header, value);
  const reason = h('textarea', { id: uid('decision-reason'), rows: '2', maxlength: '4000' });
  const decide = async (decision: 'upheld' | 'rejected') => {
    error.replaceChildren();
    const said = reason.value.trim();
    const value = corrected.value.trim().replace(/,/g, '');
    if (decision === 'rejected' && said === '') {
      error.replaceChildren(h('p', {}, '不采纳时须填写理由，企业会看到这一理由。'));
      reason.focus();
      return;
    }
    const problem =
      decision === 'upheld'
        ? claimProblem({ kind: item.kind, header: name, nonNegative: false }, value)
        : null;
    if (problem !== null) {
      error.replaceChildren(h('p', {}, `请填写核实后的情况：${problem}`));
      corrected.focus();
      return;
    }
    const confirmed =
      decision === 'upheld'
        ? await confirmStep(
            '确认采纳',
            [
              `采纳后${name}将由 ${text(item.currentValue)} 改为 ${text(value)}，重新计算时生效。`,
              `${item.name}将在经信局复核重算后看到新的评价结果。`,
            ],
            '确认采纳',
          )
        : await confirmStep(
            '确认不采纳',
            [
              `不采纳后${name}仍为 ${text(item.currentValue)}，评价结果不因此项改变。`,
              // A reason that ends its own sentence inside the quotes takes no second 。 after them.
              `${item.name}将看到您填写的理由：“${said}”${/[。！？]$/.test(said) ? '' : '。'}`,
            ],
            '确认不采纳',
          );
    if (!confirmed) return;
    const body =
      decision === 'upheld'
        ? { decision, correctedValue: value, ...(said === '' ? {} : { reason: said }) }
        : { decision, reason: said };
    sendJson(
      'PUT',
      `/v1/objections/${encodeURIComponent(item.objectionId)}/items/${encodeURIComponent(item.id)}/decision`,
      body,
      { 'If-Match': `"${item.version}"` },
    ).then(
      () => {
        done(
          decision === 'upheld'
            ? `已采纳：${item.name}的${name}更正为 ${text(value)}，已移入“已审核事项”。`
            : `已不采纳：${item.name}的${name}仍为 ${text(item.currentValue)}，已移入“已审核事项”。`,
        );
      },
      (failure: unknown) => {
        error.replaceChildren(
          h('p', {}, failure instanceof ApiError ? failure.message : '提交失败，请稍后重试。'),
        );
        error.focus();
      },
    );
  };
  const uphold = h('button', { type: 'button' }, '采纳并更正');
  const reject = h('button', { type: 'button', class: 'secondary' }, '不采纳');
  uphold.addEventListener('click', () => {
    void decide('upheld');
  });
  reject.addEventListener('click', () => {
    void decide('rejected');
  });
  const facts: [string, string | HTMLElement][] = [
    ['企业', item.name],
    ['统一社会信用代码', item.uscc],
    ['所属乡镇街道', objection?.town ?? '—'],
    ['异议数据项', name],
    [
      '数值',
      h(
        'span',
        { class: 'claim', 'data-field': 'claim' },
        '现值 ',
        h('strong', {}, text(item.currentValue)),
        '，企业申报 ',
        h('strong', {}, text(item.claimedValue)),
      ),
    ],
    ['企业的理由', h('span', { 'data-field': 'reason' }, objection?.reason ?? '—')],
    [
      '办理期限',
      item.windowLastDay === null
        ? '—'
        : `异议受理截止 ${deadline(item.windowLastDay)}；公示期结束后经信局将复核重算，请在此前办结。`,
    ],
  ];
  const corrected_label =
    item.kind === 'flag' || item.kind === 'specialized'
      ? `核实后的${name}情况（采纳时选择）`
      : `核实后的${name}${unitOf(item.header)}（采纳时填写）`;
  return h(
    'section',
    { class: 'review', 'data-item': item.id, 'aria-label': `${item.name} ${name}` },
    h('h4', {}, `${item.name}：${name}`),
    h('dl', { class: 'facts' }, ...facts.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    h('h5', {}, `佐证材料（${objection?.evidence.length ?? 0} 份）`),
    objection === undefined || objection.evidence.length === 0
      ? h('p', {}, '无。')
      : h(
          'ul',
          { class: 'evidence-list' },
          ...objection.evidence.map((file) => evidenceEntry(objection.id, file)),
        ),
    h('h5', {}, '办理经过'),
    h(
      'ol',
      { class: 'history', 'data-field': 'history' },
      ...history.map((event) =>
        h(
          'li',
          { 'data-event': event.kind },
          h('time', { datetime: event.at }, instant(event.at)),
          '　',
          event.text,
        ),
      ),
      h('li', { 'data-event': 'waiting' }, `待${item.department === 'bureau' ? '经信局' : '本部门'}审核`),
    ),
    h('div', { class: 'field' }, h('label', { for: corrected.id }, corrected_label), corrected),
    h(
      'div',
      { class: 'field' },
      h('label', { for: reason.id }, '审核意见（不采纳时必填，企业可见）'),
      reason,
    ),
    error,
    h('div', { class: 'actions' }, uphold, ' ', reject),
  );
}

function unitOf(header: string): string {
  const match = /\(([^()]*)\)$/.exec(header);
  return match === null ? '' : `（${match[1] ?? ''}）`;
}
