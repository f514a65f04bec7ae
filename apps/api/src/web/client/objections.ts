import { ApiError, download, newIdempotencyKey, upload } from './api.js';
import { readableDetail } from './problem-text.js';
import type { Objection, Session } from './api.js';
import { contestedText } from '../../domain/wording.js';
import { h, table, uid } from './dom.js';
import { bytes, FILED_BY_LABELS, instant, ITEM_STATUS_LABELS, OBJECTION_STATUS_LABELS } from './format.js';

const MAX_FILES = 10;
const MAX_BYTES = 10 * 1024 * 1024;
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const COUNT = /^(0|[1-9]\d{0,5})$/;

type Field = Session['contestableFields'][number];

/**
 * The input for a claimed value, by how the field is written: 是/否 or 无/省级/国家级 to choose, a whole
 * number of tenants, or a figure.
 */
export function claimedInput(
  field: Pick<Field, 'field' | 'kind'>,
  id: string,
  value = '',
  enabled = false,
): HTMLInputElement | HTMLSelectElement {
  const common = {
    id,
    ...(enabled ? {} : { disabled: true, 'aria-describedby': 'objection-error' }),
    'data-claimed': field.field,
  };
  const choose = (options: readonly (readonly [string, string])[]) => {
    const select = h(
      'select',
      common,
      h('option', { value: '' }, '请选择'),
      ...options.map(([key, label]) => h('option', { value: key }, label)),
    );
    select.value = value;
    return select;
  };
  if (field.kind === 'flag')
    return choose([
      ['true', '是'],
      ['false', '否'],
    ]);
  if (field.kind === 'specialized')
    return choose([
      ['none', '无'],
      ['province', '省级'],
      ['national', '国家级'],
    ]);
  return h('input', {
    ...common,
    type: 'text',
    inputmode: field.kind === 'count' ? 'numeric' : 'decimal',
    autocomplete: 'off',
    value,
  });
}

/** Why a claimed value cannot be sent, in Chinese, or null. */
export function claimProblem(
  field: Pick<Field, 'kind' | 'header' | 'nonNegative'>,
  value: string,
): string | null {
  switch (field.kind) {
    case 'flag':
    case 'specialized':
      return value === '' ? `请选择「${field.header}」的正确情况。` : null;
    case 'count':
      return COUNT.test(value) ? null : `「${field.header}」应为不小于 0 的整数，例如 2。`;
    case 'figure':
      if (!DECIMAL.test(value)) return `「${field.header}」的申报值应为数字，例如 12.5。`;
      return field.nonNegative && value.startsWith('-') ? `「${field.header}」不能为负数。` : null;
  }
}

/** Each evidence file as a button that downloads it (the API wants the token, so not a plain link). */
function evidenceLinks(objection: Objection): HTMLElement {
  const error = h('span', { class: 'error', role: 'alert' });
  const buttons = objection.evidence.flatMap((file, i) => {
    const button = h(
      'button',
      { type: 'button', class: 'link', 'data-evidence': file.id, title: `下载 ${file.filename}` },
      `${file.filename}（${bytes(file.size)}）`,
    );
    button.addEventListener('click', () => {
      error.replaceChildren();
      const path = `/v1/objections/${encodeURIComponent(objection.id)}/evidence/${encodeURIComponent(file.id)}`;
      download(path, file.filename).catch((failure: unknown) => {
        error.textContent = failure instanceof Error ? failure.message : '下载失败，请稍后重试。';
      });
    });
    return i === 0 ? [button] : ['、', button];
  });
  return h('span', {}, ...buttons, error);
}

/** Objections and the status of each item, as the caller may see them. */
export function objectionsView(objections: readonly Objection[], caption = '异议及办理情况'): HTMLElement {
  if (objections.length === 0) return h('p', { 'data-objections': '0' }, '暂无异议。');
  return table(
    caption,
    ['企业', '提交时间', '提交人', '异议事项', '理由', '证明材料', '状态'],
    objections.map((objection) => [
      objection.name,
      instant(objection.filedAt),
      FILED_BY_LABELS[objection.filedBy] ?? objection.filedBy,
      h(
        'ul',
        { class: 'plain' },
        ...objection.items.map((item) =>
          h(
            'li',
            { 'data-item-status': item.status },
            `${item.header}：原值 ${contestedText(item.kind, item.header, item.currentValue)}，申报 ${contestedText(item.kind, item.header, item.claimedValue)} — `,
            h('strong', {}, ITEM_STATUS_LABELS[item.status] ?? item.status),
            item.status === 'upheld'
              ? `（更正为 ${contestedText(item.kind, item.header, item.correctedValue)}）`
              : '',
            item.decisionReason === null ? '' : `（${item.decisionReason}）`,
          ),
        ),
      ),
      objection.reason,
      evidenceLinks(objection),
      h(
        'span',
        { 'data-objection-status': objection.status },
        OBJECTION_STATUS_LABELS[objection.status] ?? objection.status,
      ),
    ]),
    { 'data-table': 'objections' },
  );
}

/**
 * The objection form: contested fields with claimed values, a reason, 1–10 evidence files, upload
 * progress, and the API's refusal shown next to it in Chinese. `uscc` is fixed for an enterprise; a
 * town picks one of its enterprises.
 */
export function objectionForm(
  session: Session,
  evaluationId: string,
  enterprises: readonly { uscc: string; name: string }[] | null,
  onFiled: (objection: Objection) => void,
): HTMLElement {
  const errorBox = h('div', {
    class: 'error',
    role: 'alert',
    id: 'objection-error',
    'aria-live': 'assertive',
  });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const progress = h('progress', { max: '100', value: '0', hidden: true, 'aria-label': '上传进度' });
  const rows = session.contestableFields.map((field) => {
    const check = uid('field');
    const value = uid('value');
    const checkbox = h('input', { type: 'checkbox', id: check, name: 'field', value: field.field });
    const claimed = claimedInput(field, value);
    checkbox.addEventListener('change', () => {
      claimed.disabled = !checkbox.checked;
      if (checkbox.checked) claimed.focus();
    });
    return {
      field,
      checkbox,
      claimed,
      element: h(
        'div',
        { class: 'field-row', 'data-kind': field.kind },
        h('span', { class: 'check' }, checkbox, h('label', { for: check }, field.header)),
        h('label', { for: value, class: 'visually-hidden' }, `${field.header}的申报值`),
        claimed,
      ),
    };
  });
  const figures = rows.filter((row) => row.field.department !== 'bureau');
  const bonus = rows.filter((row) => row.field.department === 'bureau');
  const reasonId = uid('reason');
  const reason = h('textarea', {
    id: reasonId,
    name: 'reason',
    rows: '4',
    required: true,
    maxlength: '4000',
  });
  const filesId = uid('evidence');
  const files = h('input', {
    type: 'file',
    id: filesId,
    name: 'evidence',
    multiple: true,
    required: true,
    accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
    'aria-describedby': `${filesId}-hint`,
  });
  const usccId = uid('uscc');
  const picker =
    enterprises === null
      ? null
      : h(
          'select',
          { id: usccId, name: 'uscc', required: true },
          h('option', { value: '' }, '请选择企业'),
          ...enterprises.map((enterprise) => h('option', { value: enterprise.uscc }, enterprise.name)),
        );
  const submit = h('button', { type: 'submit' }, '提交异议');
  const form = h(
    'form',
    { class: 'objection', novalidate: true, 'aria-labelledby': 'objection-title' },
    h('h3', { id: 'objection-title' }, session.role === 'enterprise' ? '提出异议' : '代企业提出异议'),
    picker === null ? null : h('div', { class: 'field' }, h('label', { for: usccId }, '企业'), picker),
    h(
      'fieldset',
      {},
      h('legend', {}, '有异议的数据项及申报值（勾选后填写您认为正确的数值，由主管部门核实）'),
      ...figures.map((row) => row.element),
    ),
    bonus.length === 0
      ? null
      : h(
          'fieldset',
          { 'data-fieldset': 'bonus' },
          h('legend', {}, '有异议的加减分事项（勾选后选择或填写正确情况，由经信局核实）'),
          ...bonus.map((row) => row.element),
        ),
    h('div', { class: 'field' }, h('label', { for: reasonId }, '异议理由'), reason),
    h(
      'div',
      { class: 'field' },
      h('label', { for: filesId }, '证明材料'),
      files,
      h('p', { class: 'hint', id: `${filesId}-hint` }, '1–10 个 PDF、JPEG 或 PNG 文件，每个不超过 10 MB。'),
    ),
    errorBox,
    progress,
    status,
    submit,
  );
  const fail = (message: string, details: readonly string[] = []) => {
    errorBox.replaceChildren(
      h('p', {}, message),
      details.length === 0 ? '' : h('ul', {}, ...details.map((detail) => h('li', {}, detail))),
    );
    errorBox.focus();
  };
  errorBox.tabIndex = -1;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errorBox.replaceChildren();
    status.textContent = '';
    const chosen = rows.filter((row) => row.checkbox.checked);
    const problems: string[] = [];
    if (picker !== null && picker.value === '') problems.push('请选择企业。');
    if (chosen.length === 0) problems.push('请至少勾选一项有异议的数据。');
    for (const row of chosen) {
      const value = row.claimed.value.trim().replace(/,/g, '');
      const problem = claimProblem(row.field, value);
      if (problem !== null) problems.push(problem);
    }
    if (reason.value.trim() === '') problems.push('请填写异议理由。');
    const selected = Array.from(files.files ?? []);
    if (selected.length === 0) problems.push('请上传至少 1 个证明材料。');
    if (selected.length > MAX_FILES) problems.push('证明材料最多 10 个。');
    for (const file of selected) if (file.size > MAX_BYTES) problems.push(`「${file.name}」超过 10 MB。`);
    if (problems.length > 0) {
      fail('请更正以下问题后再提交：', problems);
      return;
    }
    const body = new FormData();
    body.append(
      'objection',
      JSON.stringify({
        ...(picker === null ? {} : { uscc: picker.value }),
        reason: reason.value.trim(),
        items: chosen.map((row) => ({
          field: row.field.field,
          claimedValue: row.claimed.value.trim().replace(/,/g, ''),
        })),
      }),
    );
    for (const file of selected) body.append('evidence', file, file.name);
    submit.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    status.textContent = '正在上传…';
    upload<Objection>(
      `/v1/evaluations/${encodeURIComponent(evaluationId)}/objections`,
      body,
      { 'Idempotency-Key': newIdempotencyKey() },
      (loaded, total) => {
        const percent = Math.round((loaded / total) * 100);
        progress.value = percent;
        status.textContent = `正在上传… ${percent}%`;
      },
    )
      .then((objection) => {
        progress.value = 100;
        status.textContent = '异议已提交，等待有关部门审核。';
        form.reset();
        for (const row of rows) row.claimed.disabled = true;
        onFiled(objection);
      })
      .catch((error: unknown) => {
        status.textContent = '';
        progress.hidden = true;
        if (error instanceof ApiError) {
          // The detail already lists every field's problem; the errors alone when there is none.
          const detail = readableDetail(error.problem?.detail);
          const details =
            detail !== undefined
              ? [detail]
              : (error.problem?.errors ?? []).flatMap((item) => readableDetail(item.detail) ?? []);
          fail(error.message, details);
        } else fail('提交失败，请稍后重试。');
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  return form;
}
