import { bureauDownloads, downloadButton } from './downloads.js';
import { readableDetail } from './problem-text.js';
import { all, ApiError, download, getJson, newIdempotencyKey, sendJson, upload } from './api.js';
import type { Evaluation, Objection, Recomputation, Schemas, Session } from './api.js';
import { h, show, table, uid } from './dom.js';
import { day, deadline, evaluationTitle, figure, instant, windowPhase } from './format.js';
import { confirmStep } from './confirm.js';
import { objectionsView } from './objections.js';
import { windowView } from './result-view.js';
import { bureauReview, departmentPage } from './review.js';
import { resultsList } from './results-list.js';

/** The bureau's year (upload, publish, recompute, finalize, lists) and a department's review of items. */

type DataIssue = Schemas['DataIssue'];

function alertBox(id: string): HTMLElement {
  const box = h('div', { class: 'error', role: 'alert', id, tabindex: '-1' });
  return box;
}

function showError(box: HTMLElement, error: unknown): void {
  const message = error instanceof ApiError ? error.message : '操作失败，请稍后重试。';
  const detail = error instanceof ApiError ? readableDetail(error.problem?.detail) : undefined;
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
      files.focus();
      return;
    }
    // The server's rule, said before the upload rather than after it.
    if (year.value.trim() !== '' && !/^(19|20)[0-9]{2}$/.test(year.value.trim())) {
      error.replaceChildren(h('p', {}, '评价年度请填写四位数字年份，如 2025。'));
      year.setAttribute('aria-invalid', 'true');
      year.focus();
      return;
    }
    year.removeAttribute('aria-invalid');
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
    h(
      'p',
      { class: 'actions' },
      h('a', { href: '#/accounts' }, '账号与接口令牌'),
      h('a', { href: '#/history', 'data-link': 'history' }, '历年对比与往年导入'),
    ),
    h('h3', {}, '历次评价'),
    list ?? h('p', {}, '暂无评价。'),
    form,
  );
  main.append(
    h('p', {}, h('a', { href: '#/calendar', 'data-link': 'calendar' }, '节假日安排（公示期计算用）')),
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
  // 420 wide, labels in the first 135: on a 390 px phone the chart shrinks to 366 px, and a wider
  // box shrank its 13 px labels to 7 px.
  svg.setAttribute('viewBox', `0 0 420 ${height}`);
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
    bar.setAttribute('x', '135');
    bar.setAttribute('y', String(y));
    bar.setAttribute('height', '20');
    bar.setAttribute('width', String(Math.max(1, (row.count / max) * 250)));
    const value = document.createElementNS(NS, 'text');
    value.setAttribute('x', String(141 + (row.count / max) * 250));
    value.setAttribute('y', String(y + 16));
    value.textContent = String(row.count);
    svg.append(label, bar, value);
  });
  return svg;
}

async function bureauEvaluationPage(
  main: HTMLElement,
  id: string,
  /** What the last step did, said under 操作 once the page is redrawn (the button pressed is gone). */
  notice?: string,
): Promise<void> {
  const base = `/v1/evaluations/${encodeURIComponent(id)}`;
  const evaluation = await getJson<Evaluation>(base);
  const objections = evaluation.state === 'draft' ? [] : await all<Objection>(`${base}/objections`);
  const recomputation =
    evaluation.state === 'recomputed' || evaluation.state === 'final'
      ? await getJson<Recomputation>(`${base}/recomputation`)
      : null;
  const error = alertBox('bureau-error');
  const reload = (said?: string) => {
    void bureauEvaluationPage(main, id, said);
  };
  const act = (method: 'POST', path: string, body: unknown, said: string) =>
    sendJson(method, path, body).then(
      () => {
        reload(said);
      },
      (failure: unknown) => {
        showError(error, failure);
      },
    );
  const actions: HTMLElement[] = [];
  const phase = windowPhase(evaluation);
  const window = evaluation.publication?.window;
  const today = evaluation.today ?? '';
  const button = (label: string, onClick: () => Promise<void>) => {
    const element = h('button', { type: 'button' }, label);
    element.addEventListener('click', () => {
      void onClick();
    });
    return element;
  };
  if (evaluation.state === 'draft') {
    const date = h('input', { id: uid('publish-date'), type: 'date', min: today, value: today });
    actions.push(
      labelled('公示日期（不早于今天）', date),
      button('发布公示', async () => {
        const chosen = date.value === '' ? today : date.value;
        if (chosen < today) {
          error.replaceChildren(h('p', {}, `公示日期不能早于今天（${day(today)}）。`));
          date.focus();
          return;
        }
        const ok = await confirmStep(
          '确认发布公示',
          [
            `将自 ${day(chosen)} 起公示 5 个工作日（当日如为节假日或周末，自其后第一个工作日起算；遇节假日顺延），公示名单和各企业的评价结果随即对乡镇街道和企业可见。发布后本页显示公示期的起止日期。`,
            '公示期内企业可在线提出异议；公示期开始前可以撤回，开始后不能撤回。',
          ],
          '确认发布',
        );
        if (ok)
          await act(
            'POST',
            `${base}/publication`,
            { date: chosen },
            '已发布公示。公示期的起止日期见本页上方。',
          );
      }),
    );
  }
  if (evaluation.state === 'published' && phase === 'before' && window !== undefined) {
    actions.push(
      h('p', {}, `公示将于 ${day(window.firstDay)}开始。开始前发现错误，可以撤回后修改数据重新发布。`),
      button('撤回公示', async () => {
        const ok = await confirmStep(
          '确认撤回公示',
          [
            '撤回后评价恢复为草稿，乡镇街道和企业将看不到本次公示的结果。',
            '撤回会记入操作日志；修改后可重新发布。',
          ],
          '确认撤回',
        );
        if (ok) await act('POST', `${base}/publication/withdrawal`, {}, '已撤回公示，评价恢复为草稿。');
      }),
    );
  }
  if (evaluation.state === 'published' && phase !== 'before') {
    const items = objections.flatMap((objection) => objection.items);
    const pending = items.filter((item) => item.status === 'pending').length;
    const upheld = items.filter((item) => item.status === 'upheld').length;
    if (phase === 'open' && window !== undefined) {
      actions.push(h('p', {}, `公示期至 ${deadline(window.lastDay)} 结束，结束后才能复核重算。`));
    } else if (pending > 0) {
      actions.push(h('p', {}, `尚有 ${pending} 项异议待有关部门审核，全部办结后才能复核重算。`));
    }
    const recompute = button('复核重算', async () => {
      const ok = await confirmStep(
        '确认复核重算',
        [
          upheld === 0
            ? '没有被采纳的异议，将按原数据重新计算，结果应与公示一致。'
            : `将按已采纳的 ${upheld} 项更正重新计算全部企业的指标、得分、排名和类别。`,
          '复核重算只能进行一次，完成后列出类别或排名发生变化的企业，之后即可定稿。',
        ],
        '确认重算',
      );
      if (ok)
        await act(
          'POST',
          `${base}/recomputation`,
          {},
          '复核重算已完成，结果见下方“复核重算结果”；核对无误后可定稿。',
        );
    });
    recompute.disabled = phase === 'open' || pending > 0;
    actions.push(recompute);
  }
  if (evaluation.state === 'final') {
    actions.push(h('p', {}, '评价已定稿，结果不能再更改。最终结果和差别化电价名单见下方“下载”。'));
  }
  if (evaluation.state === 'recomputed') {
    actions.push(
      button('定稿', async () => {
        const ok = await confirmStep(
          '确认定稿',
          [
            '定稿后评价结果不能再更改，将作为差别化电价等政策的执行依据。',
            '定稿后可下载最终结果和差别化电价名单。',
          ],
          '确认定稿',
        );
        if (ok) await act('POST', `${base}/finalization`, {}, '已定稿。');
      }),
    );
  }
  const downloads: HTMLElement[] = [];
  const link = (label: string, path: string) => {
    downloads.push(downloadButton(label, path, error));
  };
  link(
    evaluation.state === 'recomputed' || evaluation.state === 'final'
      ? '评价结果（复核后，XLSX）'
      : '评价结果（XLSX）',
    `${base}/workbook`,
  );
  if (evaluation.publication !== null) {
    link('公示名单（XLSX）', `${base}/publication-list?format=xlsx`);
    link('公示名单（网页）', `${base}/publication-list?format=html`);
    link('公示结果（JSON）', `${base}/publication/snapshot`);
  }
  if (evaluation.state === 'final') {
    link('最终结果（JSON）', `${base}/finalization/snapshot`);
    const docNo = h('input', {
      id: uid('doc-no'),
      type: 'text',
      value: '',
      placeholder: '例如 黄经信〔2026〕12号',
    });
    // Its own message box beside the field: the page's is at 操作, a screen away from this button, and
    // a message left over from a refused try must not stay up after the list downloads.
    const surchargeError = alertBox('surcharge-error');
    docNo.setAttribute('aria-describedby', surchargeError.id);
    downloads.push(labelled('差别化电价依据文号', docNo), surchargeError);
    const surcharge = h('button', { type: 'button', class: 'secondary' }, '差别化电价名单（XLSX）');
    surcharge.addEventListener('click', () => {
      surchargeError.replaceChildren();
      const number = docNo.value.trim();
      if (number === '') {
        surchargeError.replaceChildren(
          h('p', {}, '请先填写依据文号（执行差别化电价的文件文号，如 黄经信〔2026〕12号），再下载名单。'),
        );
        docNo.setAttribute('aria-invalid', 'true');
        docNo.focus();
        return;
      }
      docNo.removeAttribute('aria-invalid');
      download(`${base}/surcharges?format=xlsx&docNo=${encodeURIComponent(number)}`).then(
        (name) => {
          surcharge.setAttribute('data-download', name);
        },
        (failure: unknown) => {
          showError(surchargeError, failure);
        },
      );
    });
    downloads.push(surcharge);
  }
  const cohorts = Object.values(evaluation.summary.cohorts);
  show(
    main,
    h('p', {}, h('a', { href: '#/' }, '← 评价管理')),
    h('h2', {}, evaluationTitle(evaluation)),
    windowView(evaluation, evaluation.publication),
    h(
      'p',
      { class: 'actions' },
      h('a', { href: `#/evaluations/${encodeURIComponent(id)}/activation` }, '企业账号激活情况'),
      h('a', { href: `#/evaluations/${encodeURIComponent(id)}/simulation` }, '评价办法修订模拟测算'),
      evaluation.state === 'draft'
        ? null
        : h(
            'a',
            { href: `#/evaluations/${encodeURIComponent(id)}/ledger`, 'data-link': 'ledger' },
            '一企一档整改台账',
          ),
    ),
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
    resultsList(evaluation, 'admin'),
    evaluation.summary.warnings.length === 0
      ? null
      : h(
          'details',
          {},
          h('summary', {}, `提示（${evaluation.summary.warnings.length}）`),
          h('ul', {}, ...evaluation.summary.warnings.map((w) => h('li', {}, w))),
        ),
    h(
      'section',
      { 'aria-label': '操作' },
      h('h3', {}, '操作'),
      notice === undefined
        ? null
        : h('p', { class: 'status', role: 'status', tabindex: '-1', 'data-status': 'done' }, notice),
      error,
      ...actions,
    ),
    evaluation.state === 'draft'
      ? null
      : h('section', {}, h('h3', {}, '异议'), objectionsView(objections, '全部异议')),
    evaluation.state === 'draft' ? null : await bureauReview(id, reload),
    recomputation === null ? null : recomputationView(recomputation),
    downloads.length === 0
      ? null
      : h('section', { 'data-section': 'bureau-downloads' }, h('h3', {}, '下载'), ...downloads),
    bureauDownloads(evaluation),
    evaluation.publication === null
      ? null
      : h('p', { class: 'hint' }, `公示日期 ${day(evaluation.publication.publishedOn)}`),
  );
  const said = main.querySelector('[data-status="done"]');
  if (said instanceof HTMLElement) said.focus();
}

function recomputationView(recomputation: Recomputation): HTMLElement {
  return h(
    'section',
    {},
    h('h3', {}, '复核重算结果'),
    h('p', {}, `重算于 ${instant(recomputation.recomputedAt)}，采纳更正 ${recomputation.corrections} 项。`),
    // Nothing moved and no score shifted: one sentence, not two saying the same.
    recomputation.changes.length === 0 && recomputation.scoreOnly === 0
      ? null
      : h(
          'p',
          { 'data-field': 'score-only' },
          recomputation.scoreOnly === 0
            ? '其他企业的得分、名次和类别均未变化。'
            : `另有 ${recomputation.scoreOnly} 家企业的得分随本组基准值略有变化，名次和类别不变，不逐一列出。`,
        ),
    recomputation.changes.length === 0
      ? h(
          'p',
          {},
          recomputation.scoreOnly === 0
            ? '所有企业的得分、名次和类别均未变化。'
            : '没有企业的类别或名次发生变化。',
        )
      : table(
          `类别或名次变化、或数据经更正的企业（${recomputation.changes.length} 家，其中类别变化 ${recomputation.changes.filter((change) => change.movedClass).length} 家）`,
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
