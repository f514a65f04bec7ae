import { ApiError, download, getJson } from './api.js';
import type { Evaluation, ResultIndicators, ResultSummary } from './api.js';
import { h, table, uid } from './dom.js';
import { figure, indicatorValue, STATUS_LABELS } from './format.js';

/**
 * The evaluation's enterprises, found on the server: a fragment of the name or code, filters, a sort
 * and pages (`GET /v1/evaluations/{id}/results`), each row opening the enterprise's full result; the
 * same query downloads as a workbook. A town gets the same list, of its own enterprises only.
 */

interface Page {
  readonly data: ResultSummary[];
  readonly next_cursor: string | null;
  readonly total: number;
}

const PAGE_SIZE = 20;

function select(id: string, options: readonly (readonly [string, string])[]): HTMLSelectElement {
  return h('select', { id }, ...options.map(([value, label]) => h('option', { value }, label)));
}

function field(label: string, control: HTMLElement & { id: string }): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

export function resultsList(evaluation: Evaluation, role: 'admin' | 'town'): HTMLElement {
  const base = `/v1/evaluations/${encodeURIComponent(evaluation.id)}`;
  const q = h('input', {
    id: uid('q'),
    type: 'search',
    maxlength: '100',
    placeholder: '名称或统一社会信用代码的一部分',
    autocomplete: 'off',
  });
  const town = h('input', { id: uid('town'), type: 'text', maxlength: '100', placeholder: '全部' });
  const cohort = select(uid('cohort'), [
    ['', '全部'],
    ...Object.entries(evaluation.summary.cohorts).map(([id, c]): [string, string] => [id, c.label]),
  ]);
  const klass = select(uid('class'), [
    ['', '全部'],
    ...['A', 'B', 'C', 'D'].map((k): [string, string] => [k, `${k} 类`]),
  ]);
  const status = select(uid('status'), [
    ['', '全部'],
    ['rated', STATUS_LABELS['rated'] ?? '参评'],
    ['exempt', '暂不评价'],
    ['out_of_scope', '不纳入评价'],
  ]);
  const industry = h('input', {
    id: uid('industry'),
    type: 'text',
    maxlength: '5',
    pattern: '[A-Za-z]?[0-9]{2,4}',
    placeholder: '如 C33 或 3670',
  });
  const sort = select(uid('sort'), [
    ['', '按评价组和排名'],
    ['rank', '排名'],
    ['total', '综合得分'],
    ['name', '企业名称'],
    ['code', '统一社会信用代码'],
  ]);
  const order = select(uid('order'), [
    ['asc', '从小到大（升序）'],
    ['desc', '从大到小（降序）'],
  ]);
  const count = h('p', { 'aria-live': 'polite', 'data-field': 'result-count' });
  const error = h('div', { class: 'error', role: 'alert' });
  const rows = h('div', { 'data-list': 'results' });
  const previous = h('button', { type: 'button', class: 'secondary', disabled: true }, '上一页');
  const next = h('button', { type: 'button', class: 'secondary', disabled: true }, '下一页');
  const exportButton = h('button', { type: 'button', class: 'secondary' }, '导出查询结果（XLSX）');
  const submit = h('button', { type: 'submit' }, '查询');
  const reset = h('button', { type: 'reset', class: 'secondary' }, '清空条件');

  /** Cursors of the pages before the current one, so 上一页 goes back exactly. */
  const cursors: (string | undefined)[] = [];
  let current: string | undefined;

  const query = (): URLSearchParams => {
    const params = new URLSearchParams();
    const text = q.value.trim();
    if (text !== '') params.set('q', text);
    if (role === 'admin' && town.value.trim() !== '') params.set('town', town.value.trim());
    if (cohort.value !== '') params.set('cohort', cohort.value);
    if (klass.value !== '') params.set('class', klass.value);
    if (status.value !== '') params.set('status', status.value);
    const code = industry.value.trim().toUpperCase();
    if (code !== '') params.set('industry', code);
    if (sort.value !== '') {
      params.set('sort', sort.value);
      params.set('order', order.value);
    }
    return params;
  };

  const load = async (cursor: string | undefined): Promise<void> => {
    error.replaceChildren();
    const params = query();
    params.set('limit', String(PAGE_SIZE));
    if (cursor !== undefined) params.set('cursor', cursor);
    let page: Page;
    try {
      page = await getJson<Page>(`${base}/results?${params.toString()}`);
    } catch (failure) {
      error.replaceChildren(failure instanceof ApiError ? failure.message : '查询失败，请稍后重试。');
      return;
    }
    current = cursor;
    const start = cursors.length * PAGE_SIZE;
    count.textContent =
      page.total === 0
        ? '没有符合条件的企业。'
        : `共 ${page.total} 家，显示第 ${start + 1}–${start + page.data.length} 家。`;
    const figureKey =
      sort.value !== '' && !['rank', 'total', 'name', 'code'].includes(sort.value) ? sort.value : null;
    const figureLabel = figureKey === null ? null : (sort.selectedOptions[0]?.textContent ?? figureKey);
    rows.replaceChildren(
      page.data.length === 0
        ? ''
        : table(
            role === 'town' ? '本乡镇街道企业' : '企业名单',
            [
              '企业名称',
              '统一社会信用代码',
              '乡镇街道',
              '评价组',
              '排名',
              ...(figureLabel === null ? [] : [figureLabel]),
              '综合得分',
              '最终类别',
            ],
            page.data.map((row) => {
              const indicator = figureKey === null ? undefined : row.indicators[figureKey];
              return [
                h(
                  'a',
                  {
                    href: `#/evaluations/${encodeURIComponent(evaluation.id)}/enterprises/${encodeURIComponent(row.uscc)}`,
                  },
                  row.name,
                ),
                row.uscc,
                row.town ?? '—',
                row.cohort === null
                  ? (STATUS_LABELS[row.status] ?? row.status)
                  : (evaluation.summary.cohorts[row.cohort]?.label ?? row.cohort),
                row.rank === null ? '—' : String(row.rank),
                ...(figureKey === null
                  ? []
                  : [
                      indicator === undefined
                        ? '—'
                        : indicatorValue(indicator.value, indicator.unit, indicator.applicable),
                    ]),
                figure(row.totalScore),
                row.finalClass === null ? '—' : `${row.finalClass} 类`,
              ];
            }),
            { 'data-table': role === 'town' ? 'town-results' : 'results' },
          ),
    );
    previous.disabled = cursors.length === 0;
    next.disabled = page.next_cursor === null;
    next.dataset['cursor'] = page.next_cursor ?? '';
  };

  const form = h(
    'form',
    { class: 'search', role: 'search', 'aria-label': '企业查询' },
    field('查找企业', q),
    h(
      'details',
      { class: 'filters', open: matchMedia('(min-width: 600px)').matches },
      h('summary', {}, '筛选和排序'),
      role === 'admin' ? field('乡镇街道', town) : null,
      field('评价组', cohort),
      field('最终类别', klass),
      field('评价状态', status),
      field('行业代码（GB/T 4754）', industry),
      field('排序', sort),
      field('顺序', order),
    ),
    h('div', { class: 'actions' }, submit, ' ', reset, ' ', exportButton),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    cursors.length = 0;
    void load(undefined);
  });
  form.addEventListener('reset', () => {
    setTimeout(() => {
      cursors.length = 0;
      void load(undefined);
    });
  });
  previous.addEventListener('click', () => {
    const back = cursors.pop();
    void load(back);
  });
  next.addEventListener('click', () => {
    const cursor = next.dataset['cursor'];
    if (cursor === undefined || cursor === '') return;
    cursors.push(current);
    void load(cursor);
  });
  exportButton.addEventListener('click', () => {
    const params = query().toString();
    download(`${base}/results/export${params === '' ? '' : `?${params}`}`).catch((failure: unknown) => {
      error.replaceChildren(failure instanceof ApiError ? failure.message : '导出失败，请稍后重试。');
    });
  });
  // The method's indicators, not those of the first page's rows: a page of 规上 alone lacks the 规下 ones.
  getJson<ResultIndicators>(`${base}/indicators`)
    .then(({ indicators }) => {
      for (const { key, label } of indicators) sort.append(h('option', { value: key }, label));
    })
    .catch((failure: unknown) => {
      error.replaceChildren(failure instanceof ApiError ? failure.message : '排序指标加载失败，请刷新页面。');
    });
  void load(undefined);
  return h(
    'section',
    { class: 'results-list', 'aria-labelledby': 'results-list-title' },
    h('h3', { id: 'results-list-title' }, role === 'town' ? '本乡镇街道企业' : '企业名单'),
    form,
    error,
    count,
    rows,
    h('nav', { class: 'pager', 'aria-label': '翻页' }, previous, ' ', next),
  );
}
