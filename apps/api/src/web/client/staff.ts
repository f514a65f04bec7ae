import { all, ApiError, download, getJson, newIdempotencyKey, sendJson, upload } from './api.js';
import type { Evaluation, Objection, Recomputation, ReviewItem, Schemas, Session } from './api.js';
import { h, show, table, uid } from './dom.js';
import { day, evaluationTitle, figure, instant, ITEM_STATUS_LABELS } from './format.js';
import { objectionsView } from './objections.js';
import { windowView } from './result-view.js';

/** The bureau's year (upload, publish, recompute, finalize, lists) and a department's review of items. */

type DataIssue = Schemas['DataIssue'];

function alertBox(id: string): HTMLElement {
  const box = h('div', { class: 'error', role: 'alert', id, tabindex: '-1' });
  return box;
}

function showError(box: HTMLElement, error: unknown): void {
  const message = error instanceof ApiError ? error.message : '操作失败，请稍后重试。';
  const detail = error instanceof ApiError ? error.problem?.detail : undefined;
  box.replaceChildren(h('p', {}, message), detail === undefined ? '' : h('p', {}, detail));
  box.focus();
}

function labelled(label: string, input: HTMLElement & { id: string }): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: input.id }, label), input);
}

export async function staffPage(
  main: HTMLElement,
  current: Session,
  list: HTMLElement | null = null,
  id?: string,
): Promise<void> {
  if (current.role === 'department') await departmentPage(main, current);
  else if (id !== undefined) await bureauEvaluationPage(main, id);
  else bureauHome(main, list);
}

// —— Department ——————————————————————————————————————————————————————————————————————————————

async function departmentPage(main: HTMLElement, current: Session): Promise<void> {
  const pending = await all<ReviewItem>('/v1/review-items?status=pending');
  const decided = await all<ReviewItem>('/v1/review-items?status=decided');
  const rerender = () => {
    void departmentPage(main, current);
  };
  show(
    main,
    h('h2', {}, `${current.departmentLabel ?? ''}部门 · 异议审核`),
    h('p', {}, '以下为企业对本部门所提供数据提出的异议事项。采纳须填写核实后的数值；不采纳须说明理由。'),
    pending.length === 0
      ? h('p', { 'data-review': 'empty' }, '暂无待审核的异议事项。')
      : h('div', { 'data-review': 'pending' }, ...pending.map((item) => reviewCard(item, rerender))),
    decided.length === 0
      ? null
      : table(
          '已审核事项',
          ['企业', '数据项', '原值', '申报值', '结论', '更正值', '理由'],
          decided.map((item) => [
            item.name,
            item.header,
            figure(item.currentValue),
            figure(item.claimedValue),
            ITEM_STATUS_LABELS[item.status] ?? item.status,
            figure(item.correctedValue),
            item.decisionReason ?? '—',
          ]),
          { 'data-table': 'decided' },
        ),
  );
}

function reviewCard(item: ReviewItem, done: () => void): HTMLElement {
  const error = alertBox(uid('review-error'));
  const corrected = h('input', {
    id: uid('corrected'),
    type: 'text',
    inputmode: 'decimal',
    value: item.claimedValue,
  });
  const reason = h('textarea', { id: uid('decision-reason'), rows: '2', maxlength: '4000' });
  const decide = (decision: 'upheld' | 'rejected') => {
    error.replaceChildren();
    const text = reason.value.trim();
    if (decision === 'rejected' && text === '') {
      error.replaceChildren(h('p', {}, '不采纳时须填写理由。'));
      reason.focus();
      return;
    }
    const body =
      decision === 'upheld'
        ? { decision, correctedValue: corrected.value.trim(), ...(text === '' ? {} : { reason: text }) }
        : { decision, reason: text };
    sendJson(
      'PUT',
      `/v1/objections/${encodeURIComponent(item.objectionId)}/items/${encodeURIComponent(item.id)}/decision`,
      body,
      { 'If-Match': `"${item.version}"` },
    ).then(done, (failure: unknown) => {
      showError(error, failure);
    });
  };
  const uphold = h('button', { type: 'button' }, '采纳并更正');
  const reject = h('button', { type: 'button', class: 'secondary' }, '不采纳');
  uphold.addEventListener('click', () => {
    decide('upheld');
  });
  reject.addEventListener('click', () => {
    decide('rejected');
  });
  return h(
    'section',
    { class: 'review', 'data-item': item.id, 'aria-label': `${item.name} ${item.header}` },
    h('h3', {}, `${item.name}：${item.header}`),
    h('p', {}, `原值 ${figure(item.currentValue)}，企业申报 ${figure(item.claimedValue)}。`),
    labelled('核实后的数值（采纳时）', corrected),
    labelled('理由（不采纳时必填）', reason),
    error,
    h('div', { class: 'actions' }, uphold, ' ', reject),
  );
}

// —— Bureau ——————————————————————————————————————————————————————————————————————————————————

function bureauHome(main: HTMLElement, list: HTMLElement | null): void {
  const files = h('input', {
    id: uid('data'),
    type: 'file',
    multiple: true,
    required: true,
    accept: '.csv,.xlsx',
  });
  const name = h('input', {
    id: uid('name'),
    type: 'text',
    maxlength: '200',
    placeholder: '例如 2025年度亩均效益评价',
  });
  const year = h('input', { id: uid('year'), type: 'text', inputmode: 'numeric', pattern: '[0-9]{4}' });
  const error = alertBox('upload-error');
  const report = h('div', { 'data-report': '' });
  const progress = h('progress', { max: '100', value: '0', hidden: true, 'aria-label': '上传进度' });
  const submit = h('button', { type: 'submit' }, '上传并计算');
  const form = h(
    'form',
    { class: 'upload', novalidate: true },
    h('h3', {}, '上传本年度数据并计算'),
    labelled('各部门数据文件（CSV 或 XLSX，可多选）', files),
    labelled('评价名称', name),
    labelled('评价年度（数据年份）', year),
    error,
    progress,
    submit,
    report,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.replaceChildren();
    report.replaceChildren();
    const chosen = Array.from(files.files ?? []);
    if (chosen.length === 0) {
      error.replaceChildren(h('p', {}, '请选择数据文件。'));
      return;
    }
    const body = new FormData();
    if (name.value.trim() !== '') body.append('name', name.value.trim());
    if (year.value.trim() !== '') body.append('year', year.value.trim());
    for (const file of chosen) body.append('data', file, file.name);
    submit.disabled = true;
    progress.hidden = false;
    upload<Evaluation>(
      '/v1/evaluations',
      body,
      { 'Idempotency-Key': newIdempotencyKey() },
      (loaded, total) => {
        progress.value = Math.round((loaded / total) * 100);
      },
    )
      .then((created) => {
        location.hash = `#/evaluations/${encodeURIComponent(created.id)}`;
      })
      .catch((failure: unknown) => {
        progress.hidden = true;
        showError(error, failure);
        const issues = failure instanceof ApiError ? (failure.problem?.issues ?? []) : [];
        if (issues.length > 0) report.replaceChildren(validationReport(issues));
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  show(
    main,
    h('h2', {}, '评价管理'),
    h('p', {}, h('a', { href: '#/accounts' }, '账号与接口令牌')),
    h('h3', {}, '历次评价'),
    list ?? h('p', {}, '暂无评价。'),
    form,
  );
}

function validationReport(issues: readonly DataIssue[]): HTMLElement {
  return table(
    `数据校验报告（共 ${issues.length} 处问题）`,
    ['文件', '工作表', '行', '单元格', '列', '值', '原因'],
    issues.map((issue) => [
      issue.file ?? '—',
      issue.sheet ?? '—',
      String(issue.row),
      issue.cell ?? '—',
      issue.header ?? issue.column,
      issue.value,
      issue.reason,
    ]),
    { 'data-table': 'validation' },
  );
}

/** Final counts per class and cohort as a horizontal bar chart (SVG, no library). */
function classChart(evaluation: Evaluation): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const rows: { label: string; count: number }[] = [];
  for (const cohort of Object.values(evaluation.summary.cohorts))
    for (const [klass, count] of Object.entries(cohort.finalCounts))
      rows.push({ label: `${cohort.label} ${klass} 类`, count });
  const max = Math.max(1, ...rows.map((row) => row.count));
  const svg = document.createElementNS(NS, 'svg');
  const height = rows.length * 26 + 10;
  svg.setAttribute('viewBox', `0 0 640 ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('class', 'bars');
  svg.setAttribute('id', 'chart-final-classes');
  const title = document.createElementNS(NS, 'title');
  title.textContent = '各类别企业数（按规上、规下）';
  svg.appendChild(title);
  rows.forEach((row, i) => {
    const y = 5 + i * 26;
    const label = document.createElementNS(NS, 'text');
    label.setAttribute('x', '0');
    label.setAttribute('y', String(y + 16));
    label.textContent = row.label;
    const bar = document.createElementNS(NS, 'rect');
    bar.setAttribute('class', 'bar');
    bar.setAttribute('x', '200');
    bar.setAttribute('y', String(y));
    bar.setAttribute('height', '20');
    bar.setAttribute('width', String(Math.max(1, (row.count / max) * 380)));
    const value = document.createElementNS(NS, 'text');
    value.setAttribute('x', String(206 + (row.count / max) * 380));
    value.setAttribute('y', String(y + 16));
    value.textContent = String(row.count);
    svg.append(label, bar, value);
  });
  return svg;
}

async function bureauEvaluationPage(main: HTMLElement, id: string): Promise<void> {
  const base = `/v1/evaluations/${encodeURIComponent(id)}`;
  const evaluation = await getJson<Evaluation>(base);
  const objections = evaluation.state === 'draft' ? [] : await all<Objection>(`${base}/objections`);
  const recomputation =
    evaluation.state === 'recomputed' || evaluation.state === 'final'
      ? await getJson<Recomputation>(`${base}/recomputation`)
      : null;
  const error = alertBox('bureau-error');
  const reload = () => {
    void bureauEvaluationPage(main, id);
  };
  const act = (method: 'POST' | 'PUT', path: string, body: unknown, extra: Record<string, string> = {}) =>
    sendJson(method, path, body, extra).then(reload, (failure: unknown) => {
      showError(error, failure);
    });
  const actions: HTMLElement[] = [];
  if (evaluation.state === 'draft') {
    const date = h('input', { id: uid('publish-date'), type: 'date' });
    const publish = h('button', { type: 'button' }, '发布公示');
    publish.addEventListener('click', () => {
      void act('POST', `${base}/publication`, date.value === '' ? {} : { date: date.value });
    });
    actions.push(labelled('公示日期（留空为今天）', date), publish);
  }
  if (evaluation.state === 'published') {
    const recompute = h('button', { type: 'button' }, '复核重算');
    recompute.addEventListener('click', () => {
      void act('POST', `${base}/recomputation`, {});
    });
    actions.push(recompute);
  }
  if (evaluation.state === 'recomputed') {
    const finalize = h('button', { type: 'button' }, '定稿');
    finalize.addEventListener('click', () => {
      void act('POST', `${base}/finalization`, {});
    });
    actions.push(finalize);
  }
  const downloads: HTMLElement[] = [];
  const link = (label: string, path: string, filename: string) => {
    const button = h('button', { type: 'button', class: 'secondary', 'data-download': filename }, label);
    button.addEventListener('click', () => {
      download(path, filename).catch((failure: unknown) => {
        showError(error, failure);
      });
    });
    downloads.push(button);
  };
  link(
    evaluation.state === 'recomputed' || evaluation.state === 'final'
      ? '评价结果（复核后，XLSX）'
      : '评价结果（XLSX）',
    `${base}/workbook`,
    '评价结果.xlsx',
  );
  if (evaluation.publication !== null) {
    link('公示名单（XLSX）', `${base}/publication-list?format=xlsx`, '公示名单.xlsx');
    link('公示名单（网页）', `${base}/publication-list?format=html`, '公示名单.html');
    link('公示结果（JSON）', `${base}/publication/snapshot`, '公示结果.json');
  }
  if (evaluation.state === 'final') {
    link('最终结果（JSON）', `${base}/finalization/snapshot`, '最终结果.json');
    const docNo = h('input', {
      id: uid('doc-no'),
      type: 'text',
      value: '',
      placeholder: '例如 黄经信〔2026〕12号',
    });
    downloads.push(labelled('差别化电价依据文号', docNo));
    const surcharge = h(
      'button',
      { type: 'button', class: 'secondary', 'data-download': '差别化电价名单.xlsx' },
      '差别化电价名单（XLSX）',
    );
    surcharge.addEventListener('click', () => {
      const number = docNo.value.trim();
      if (number === '') {
        error.replaceChildren(h('p', {}, '请填写依据文号。'));
        return;
      }
      download(
        `${base}/surcharges?format=xlsx&docNo=${encodeURIComponent(number)}`,
        '差别化电价名单.xlsx',
      ).catch((failure: unknown) => {
        showError(error, failure);
      });
    });
    downloads.push(surcharge);
  }
  const cohorts = Object.values(evaluation.summary.cohorts);
  show(
    main,
    h('p', {}, h('a', { href: '#/' }, '← 评价管理')),
    h('h2', {}, evaluationTitle(evaluation)),
    windowView(evaluation, evaluation.publication),
    h('p', {}, h('a', { href: `#/evaluations/${encodeURIComponent(id)}/activation` }, '企业账号激活情况')),
    h(
      'p',
      {},
      `参评 ${evaluation.summary.counts.rated} 家，免评 ${evaluation.summary.counts.exempt} 家，不在范围 ${evaluation.summary.counts.outOfScope} 家；创建于 ${instant(evaluation.createdAt)}。`,
    ),
    table(
      '各类别企业数',
      ['分组', '参评', ...['A', 'B', 'C', 'D'].map((klass) => `${klass} 类`)],
      cohorts.map((cohort) => [
        cohort.label,
        String(cohort.rated),
        ...['A', 'B', 'C', 'D'].map((klass) => String(cohort.finalCounts[klass] ?? 0)),
      ]),
      { 'data-table': 'summary' },
    ),
    classChart(evaluation),
    evaluation.summary.warnings.length === 0
      ? null
      : h(
          'details',
          {},
          h('summary', {}, `提示（${evaluation.summary.warnings.length}）`),
          h('ul', {}, ...evaluation.summary.warnings.map((w) => h('li', {}, w))),
        ),
    h('section', { 'aria-label': '操作' }, h('h3', {}, '操作'), error, ...actions),
    evaluation.state === 'draft'
      ? null
      : h('section', {}, h('h3', {}, '异议'), objectionsView(objections, '全部异议')),
    recomputation === null ? null : recomputationView(recomputation),
    downloads.length === 0 ? null : h('section', {}, h('h3', {}, '下载'), ...downloads),
    evaluation.publication === null
      ? null
      : h('p', { class: 'hint' }, `公示日期 ${day(evaluation.publication.publishedOn)}`),
  );
}

function recomputationView(recomputation: Recomputation): HTMLElement {
  return h(
    'section',
    {},
    h('h3', {}, '复核重算结果'),
    h('p', {}, `重算于 ${instant(recomputation.recomputedAt)}，采纳更正 ${recomputation.corrections} 项。`),
    recomputation.changes.length === 0
      ? h('p', {}, '无企业的类别、得分或排名发生变化。')
      : table(
          `变动企业（${recomputation.changes.length} 家）`,
          ['企业', '类别', '得分', '排名', '原因'],
          recomputation.changes.map((change) => [
            change.name,
            `${change.classBefore ?? '—'} → ${change.classAfter ?? '—'}`,
            `${figure(change.scoreBefore)} → ${figure(change.scoreAfter)}`,
            `${change.rankBefore ?? '—'} → ${change.rankAfter ?? '—'}`,
            h('ul', { class: 'plain' }, ...change.why.map((line) => h('li', {}, line))),
          ]),
          { 'data-table': 'changes' },
        ),
  );
}
