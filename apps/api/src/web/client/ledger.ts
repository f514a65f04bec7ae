import { ApiError, download, getJson, sendJson, upload } from './api.js';
import type { Schemas, Session } from './api.js';
import { h, show, table, uid } from './dom.js';
import { figure, instant } from './format.js';

/**
 * The 一企一档 rectification ledger: `#/evaluations/<id>/ledger` is the bureau's progress by town and
 * measure (make the ledger from the screening list, export the workbook) and a town's list of its
 * files; `#/ledger/<fileId>` is one file: the town assigns measures, a responsible person and a
 * deadline, adds progress notes with attachments and sets the outcome; the bureau reads it. Next
 * year's class stands beside each file once a later year is final.
 */

type Ledger = Schemas['Ledger'];
type LedgerFile = Schemas['LedgerFile'];

const MEASURES = ['帮扶提升', '限期整改', '要素倒逼', '税务辅导'];
const STATUS: Readonly<Record<LedgerFile['status'], string>> = {
  pending: '未开始',
  in_progress: '整改中',
  completed: '已完成',
};
const NEXT: Readonly<Record<LedgerFile['nextYear']['outcome'], string>> = {
  pending: '待次年评价',
  'moved-up': '已脱低',
  'still-below': '仍在名单',
  exited: '已退出（次年未参评）',
  'not-rated': '次年未评价',
};

function nextYear(file: LedgerFile): string {
  const n = file.nextYear;
  if (n.year === null) return NEXT[n.outcome];
  const klass = n.finalClass === null ? '' : `，${n.finalClass} 类`;
  const tax = n.taxPerMu === null ? '' : `，${figure(n.taxPerMu)} 万元/亩`;
  return `${String(n.year)} 年：${NEXT[n.outcome]}${klass}${tax}`;
}

function reasons(file: LedgerFile, threshold: string | null): string {
  return file.reasons
    .map((r) => (r === 'tax-per-mu' ? `亩均税收低于 ${threshold ?? ''} 万元/亩` : 'D 类'))
    .join('；');
}

function fileLink(file: LedgerFile): HTMLElement {
  return h('a', { href: `#/ledger/${encodeURIComponent(file.id)}`, 'data-file': file.uscc }, file.name);
}

function exportButton(id: string, label: string): HTMLElement {
  const error = h('span', { class: 'error', role: 'alert' });
  const button = h('button', { type: 'button', class: 'secondary', 'data-download': 'ledger' }, label);
  button.addEventListener('click', () => {
    error.textContent = '';
    download(`/v1/evaluations/${encodeURIComponent(id)}/ledger/workbook`, '一企一档整改台账.xlsx').catch(
      (failure: unknown) => {
        error.textContent = failure instanceof ApiError ? failure.message : '下载失败，请稍后重试。';
      },
    );
  });
  return h('p', { class: 'actions' }, button, error);
}

function progressTable(caption: string, label: string, rows: Ledger['progress']['byTown'], key: string) {
  return table(
    caption,
    [label, '档案数', '未开始', '整改中', '已完成', '次年已脱低'],
    rows.map((r) => [
      r.group,
      String(r.files),
      String(r.pending),
      String(r.in_progress),
      String(r.completed),
      String(r.movedUp),
    ]),
    { 'data-table': key },
  );
}

function filesTable(ledger: Ledger, town: boolean): HTMLElement {
  const threshold = ledger.criteria?.threshold ?? null;
  return table(
    town ? '本乡镇街道的整改档案' : '全部整改档案',
    [
      '企业',
      ...(town ? [] : ['所属乡镇街道']),
      '亩均税收(万元/亩)',
      '类别',
      '列入原因',
      '整改措施',
      '责任人',
      '期限',
      '状态',
      '次年评价',
    ],
    ledger.files.map((file) => [
      fileLink(file),
      ...(town ? [] : [file.town ?? '—']),
      figure(file.taxPerMu),
      file.finalClass ?? '—',
      reasons(file, threshold),
      file.measures.length === 0 ? '未指定' : file.measures.join('、'),
      file.responsible ?? '—',
      file.deadline ?? '—',
      h('span', { 'data-status': file.status }, STATUS[file.status]),
      h('span', { 'data-next': file.nextYear.outcome }, nextYear(file)),
    ]),
    { 'data-table': 'ledger-files' },
  );
}

function createForm(main: HTMLElement, session: Session, id: string, ledger: Ledger): HTMLElement {
  const thresholdId = uid('threshold');
  const threshold = h('input', {
    id: thresholdId,
    name: 'threshold',
    inputmode: 'decimal',
    required: true,
    value: ledger.criteria?.threshold ?? '1',
    'data-field': 'threshold',
  });
  const classDId = uid('class-d');
  const classD = h('input', { type: 'checkbox', id: classDId, checked: ledger.criteria?.classD ?? true });
  const error = h('div', { class: 'error', role: 'alert', tabindex: '-1' });
  const status = h('p', { class: 'status', role: 'status' });
  const form = h(
    'form',
    { 'aria-label': '建立整改台账', 'data-form': 'create-ledger', class: 'ledger-create' },
    ledger.criteria === null ? h('h3', {}, '从低效企业筛选名单建立整改台账') : null,
    h('div', { class: 'field' }, h('label', { for: thresholdId }, '亩均税收低于（万元/亩）'), threshold),
    h('p', {}, h('span', { class: 'check' }, classD, h('label', { for: classDId }, '同时列入全部 D 类企业'))),
    h('p', { class: 'hint' }, '已有档案保持不变，只为新列入的企业建档。'),
    h('button', { type: 'submit' }, ledger.criteria === null ? '建立台账' : '补充建档'),
    error,
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    sendJson<{ created: number; existing: number }>(
      'POST',
      `/v1/evaluations/${encodeURIComponent(id)}/ledger`,
      {
        threshold: threshold.value.trim(),
        classD: classD.checked,
      },
    )
      .then(async (made) => {
        await ledgerPage(main, session, id);
        const again = main.querySelector('[data-status="ledger-made"]');
        if (again !== null) {
          again.textContent = `新建档案 ${String(made.created)} 份，已有 ${String(made.existing)} 份。`;
        }
      })
      .catch((failure: unknown) => {
        error.textContent = failure instanceof ApiError ? failure.message : '建立失败，请稍后重试。';
        error.focus();
      });
  });
  // Once made, the form is folded away: the page is the progress, the line can still be widened.
  return ledger.criteria === null
    ? form
    : h('details', { class: 'ledger-extend' }, h('summary', {}, '按新标准补充档案'), form);
}

/** `#/evaluations/<id>/ledger`: the bureau's progress and files; a town's own files. */
export async function ledgerPage(main: HTMLElement, session: Session, id: string): Promise<void> {
  const ledger = await getJson<Ledger>(`/v1/evaluations/${encodeURIComponent(id)}/ledger`);
  const town = session.role === 'town';
  const year = ledger.year === null ? '' : `${String(ledger.year)} 年度`;
  const criteria = ledger.criteria;
  const done = ledger.files.filter((f) => f.status === 'completed').length;
  show(
    main,
    h('p', {}, h('a', { href: `#/evaluations/${encodeURIComponent(id)}` }, '← 返回评价')),
    h('h2', {}, `${year}一企一档整改台账${town ? `（${session.town ?? ''}）` : ''}`),
    h('p', { role: 'status', 'data-status': 'ledger-made', class: 'status' }),
    criteria === null
      ? h('p', { 'data-summary': 'ledger' }, town ? '经信局尚未建立本年度整改台账。' : '尚未建立整改台账。')
      : h(
          'p',
          { 'data-summary': 'ledger' },
          `列入标准：亩均税收低于 ${criteria.threshold} 万元/亩${criteria.classD ? '或 D 类' : ''}；共 ${String(ledger.files.length)} 份档案，已完成 ${String(done)} 份。`,
        ),
    town ? null : createForm(main, session, id, ledger),
    criteria === null || ledger.files.length === 0 ? null : exportButton(id, '导出整改台账（XLSX）'),
    town || ledger.files.length === 0
      ? null
      : [
          h('h3', {}, '整改进展'),
          progressTable('按乡镇街道', '所属乡镇街道', ledger.progress.byTown, 'progress-town'),
          progressTable('按整改措施', '整改措施', ledger.progress.byMeasure, 'progress-measure'),
        ],
    ledger.files.length === 0 ? null : filesTable(ledger, town),
  );
}

function notesView(file: LedgerFile): HTMLElement {
  if (file.notes.length === 0) return h('p', { 'data-notes': '0' }, '尚无进展记录。');
  return h(
    'ol',
    { class: 'plain ledger-notes', 'data-notes': String(file.notes.length) },
    ...file.notes.map((note) =>
      h(
        'li',
        {},
        h('p', { class: 'hint' }, instant(note.at)),
        h('p', {}, note.text),
        note.attachments.length === 0
          ? null
          : h(
              'ul',
              { class: 'evidence-list' },
              ...note.attachments.map((a) => {
                const button = h(
                  'button',
                  { type: 'button', class: 'link', 'data-attachment': a.filename },
                  a.filename,
                );
                button.addEventListener('click', () => {
                  void download(
                    `/v1/ledger-files/${encodeURIComponent(file.id)}/attachments/${encodeURIComponent(a.id)}`,
                    a.filename,
                  );
                });
                return h('li', {}, button, ` ${String(Math.ceil(a.size / 1024))} KB`);
              }),
            ),
      ),
    ),
  );
}

function editForm(main: HTMLElement, session: Session, file: LedgerFile): HTMLElement {
  const checks = MEASURES.map((measure) => {
    const id = uid('measure');
    const box = h('input', {
      type: 'checkbox',
      id,
      value: measure,
      checked: file.measures.includes(measure),
    });
    return { box, element: h('span', { class: 'check' }, box, h('label', { for: id }, measure)) };
  });
  const ownId = uid('own-measure');
  const own = h('input', {
    id: ownId,
    maxlength: '50',
    value: file.measures.filter((m) => !MEASURES.includes(m)).join('、'),
    'data-field': 'own-measure',
  });
  const responsibleId = uid('responsible');
  const responsible = h('input', { id: responsibleId, maxlength: '50', value: file.responsible ?? '' });
  const deadlineId = uid('deadline');
  const deadline = h('input', { id: deadlineId, type: 'date', value: file.deadline ?? '' });
  const statusId = uid('status');
  const status = h(
    'select',
    { id: statusId },
    ...Object.entries(STATUS).map(([value, label]) =>
      h('option', { value, selected: value === file.status }, label),
    ),
  );
  const outcomeId = uid('outcome');
  const outcome = h('textarea', { id: outcomeId, rows: '3', maxlength: '500' }, file.outcome ?? '');
  const error = h('div', { class: 'error', role: 'alert', tabindex: '-1' });
  const form = h(
    'form',
    { 'aria-label': '整改措施与成效', 'data-form': 'ledger-edit' },
    h('h3', {}, '整改措施与成效'),
    h('fieldset', { class: 'measures' }, h('legend', {}, '整改措施'), ...checks.map((c) => c.element)),
    h('div', { class: 'field' }, h('label', { for: ownId }, '本县其他措施（多项用顿号分隔）'), own),
    h('div', { class: 'field' }, h('label', { for: responsibleId }, '责任人'), responsible),
    h('div', { class: 'field' }, h('label', { for: deadlineId }, '整改期限'), deadline),
    h('div', { class: 'field' }, h('label', { for: statusId }, '整改状态'), status),
    h('div', { class: 'field' }, h('label', { for: outcomeId }, '整改成效'), outcome),
    h('button', { type: 'submit' }, '保存'),
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = (value: string) => (value.trim() === '' ? null : value.trim());
    const measures = [
      ...checks.filter((c) => c.box.checked).map((c) => c.box.value),
      ...own.value
        .split(/[、，,；;]/)
        .map((m) => m.trim())
        .filter((m) => m !== ''),
    ];
    sendJson<LedgerFile>(
      'PUT',
      `/v1/ledger-files/${encodeURIComponent(file.id)}`,
      {
        measures,
        responsible: text(responsible.value),
        deadline: text(deadline.value),
        status: status.value,
        outcome: text(outcome.value),
      },
      { 'If-Match': `"${String(file.version)}"` },
    )
      .then(async () => {
        await ledgerFilePage(main, session, file.id, '已保存。');
      })
      .catch((failure: unknown) => {
        error.textContent = failure instanceof ApiError ? failure.message : '保存失败，请稍后重试。';
        error.focus();
      });
  });
  return form;
}

function noteForm(main: HTMLElement, session: Session, file: LedgerFile): HTMLElement {
  const noteId = uid('note');
  const note = h('textarea', { id: noteId, rows: '3', maxlength: '2000', required: true });
  const filesId = uid('attachment');
  const files = h('input', {
    id: filesId,
    type: 'file',
    multiple: true,
    accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
  });
  const error = h('div', { class: 'error', role: 'alert', tabindex: '-1' });
  const form = h(
    'form',
    { 'aria-label': '添加进展记录', 'data-form': 'ledger-note' },
    h('h3', {}, '添加进展记录'),
    h('div', { class: 'field' }, h('label', { for: noteId }, '进展情况'), note),
    h(
      'div',
      { class: 'field' },
      h('label', { for: filesId }, '附件（PDF、JPEG 或 PNG，最多 5 个，每个不超过 10 MB）'),
      files,
    ),
    h('button', { type: 'submit' }, '添加记录'),
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (note.value.trim() === '') {
      error.textContent = '请填写进展情况。';
      error.focus();
      return;
    }
    const data = new FormData();
    data.append('note', note.value.trim());
    for (const f of Array.from(files.files ?? [])) data.append('attachment', f, f.name);
    upload<LedgerFile>(
      `/v1/ledger-files/${encodeURIComponent(file.id)}/notes`,
      data,
      { 'If-Match': `"${String(file.version)}"` },
      () => undefined,
    )
      .then(async () => {
        await ledgerFilePage(main, session, file.id, '已添加进展记录。');
      })
      .catch((failure: unknown) => {
        error.textContent = failure instanceof ApiError ? failure.message : '提交失败，请稍后重试。';
        error.focus();
      });
  });
  return form;
}

/** `#/ledger/<fileId>`: one enterprise's file; its town keeps it, the bureau reads it. */
export async function ledgerFilePage(
  main: HTMLElement,
  session: Session,
  fileId: string,
  said = '',
): Promise<void> {
  const file = await getJson<LedgerFile>(`/v1/ledger-files/${encodeURIComponent(fileId)}`);
  const facts: [string, string][] = [
    ['统一社会信用代码', file.uscc],
    ['所属乡镇街道', file.town ?? '—'],
    ['亩均税收', `${figure(file.taxPerMu)} 万元/亩`],
    ['最终类别', file.finalClass ?? '—'],
    ['列入原因', file.reasons.map((r) => (r === 'tax-per-mu' ? '亩均税收低于标准' : 'D 类')).join('；')],
    ['整改措施', file.measures.length === 0 ? '未指定' : file.measures.join('、')],
    ['责任人', file.responsible ?? '—'],
    ['整改期限', file.deadline ?? '—'],
    ['整改状态', STATUS[file.status]],
    ['整改成效', file.outcome ?? '—'],
    ['次年评价', nextYear(file)],
  ];
  const keeper = session.role === 'town';
  show(
    main,
    h(
      'p',
      {},
      h('a', { href: `#/evaluations/${encodeURIComponent(file.evaluationId)}/ledger` }, '← 整改台账'),
    ),
    h('h2', {}, `${file.name} · 一企一档`),
    h('p', { class: 'status', role: 'status', 'data-status': 'ledger-file' }, said),
    h(
      'dl',
      { class: 'facts', 'data-facts': 'ledger-file' },
      ...facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', { 'data-fact': term }, value)]),
    ),
    h('section', { 'aria-label': '进展记录' }, h('h3', {}, '进展记录'), notesView(file)),
    keeper
      ? editForm(main, session, file)
      : h('p', { class: 'hint' }, '整改档案由企业所在乡镇街道填写维护。'),
    keeper ? noteForm(main, session, file) : null,
  );
}
