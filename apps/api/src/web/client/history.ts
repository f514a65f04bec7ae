import { ApiError, download, getJson, upload } from './api.js';
import type { Schemas } from './api.js';
import { h, show, svg, table, uid } from './dom.js';
import { figure, instant } from './format.js';

/**
 * History across years: on an enterprise's page, its years (class, total, rank as a percentile,
 * 亩均税收) with a trend chart; for the bureau (`#/history`), the year over year by town and industry and
 * the import of past years from spreadsheets. The chart is SVG built with createElementNS (no inline
 * style: the CSP's style-src 'self' holds); the table beside it carries the same figures as text.
 */

type EnterpriseHistory = Schemas['EnterpriseHistory'];
type HistoryOverview = Schemas['HistoryOverview'];
type PastYears = Schemas['PastYears'];
type DataIssue = Schemas['DataIssue'];

const CLASS_ORDER = ['A', 'B', 'C', 'D'];

/** Class per year as a step line (A at the top), each point labelled with the class and the percentile. */
function trendChart(history: EnterpriseHistory): SVGSVGElement {
  const years = history.years;
  const width = 640;
  const height = 200;
  const left = 40;
  const right = 60;
  const top = 20;
  const rowHeight = 36;
  const x = (i: number) =>
    years.length === 1
      ? left + (width - left - right) / 2
      : left + (i * (width - left - right)) / (years.length - 1);
  const y = (klass: string | null) => {
    const index = klass === null ? -1 : CLASS_ORDER.indexOf(klass);
    return top + (index < 0 ? CLASS_ORDER.length : index) * rowHeight;
  };
  const root = svg('svg', {
    viewBox: `0 0 ${String(width)} ${String(height + 10)}`,
    role: 'img',
    class: 'bars trend',
    'aria-labelledby': 'trend-title',
    'data-chart': 'history',
  });
  root.appendChild(
    svg(
      'title',
      { id: 'trend-title' },
      `历年类别：${years.map((yr) => `${String(yr.year)} 年 ${yr.finalClass ?? '无类别'}`).join('，')}`,
    ),
  );
  [...CLASS_ORDER, '其他'].forEach((label, i) => {
    const ly = top + i * rowHeight;
    root.appendChild(
      svg('line', {
        x1: String(left),
        x2: String(width - right),
        y1: String(ly),
        y2: String(ly),
        stroke: '#d5dbe3',
      }),
    );
    root.appendChild(svg('text', { x: '0', y: String(ly + 5) }, label));
  });
  const points = years.map((yr, i) => `${x(i).toFixed(1)},${String(y(yr.finalClass))}`).join(' ');
  root.appendChild(svg('polyline', { points, fill: 'none', stroke: '#1f4e79', 'stroke-width': '3' }));
  years.forEach((yr, i) => {
    const cx = x(i);
    const cy = y(yr.finalClass);
    root.appendChild(
      svg('circle', {
        cx: cx.toFixed(1),
        cy: String(cy),
        r: '6',
        fill: yr.finalClass === 'D' ? '#b3261e' : '#1f4e79',
      }),
    );
    root.appendChild(
      svg(
        'text',
        { x: cx.toFixed(1), y: String(cy - 10), 'text-anchor': 'middle' },
        `${yr.finalClass ?? '—'}${yr.percentile === null ? '' : ` 前${yr.percentile}%`}`,
      ),
    );
    root.appendChild(
      svg('text', { x: cx.toFixed(1), y: String(height + 5), 'text-anchor': 'middle' }, String(yr.year)),
    );
  });
  return root;
}

/** The enterprise's years, or nothing when it has no final year yet (a 404 is not an error here). */
export async function historySection(uscc: string): Promise<HTMLElement | null> {
  let history: EnterpriseHistory;
  try {
    history = await getJson<EnterpriseHistory>(`/v1/enterprises/${encodeURIComponent(uscc)}/history`);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
  const streak =
    history.streak.years >= 2
      ? h(
          'p',
          { class: 'error', 'data-streak': String(history.streak.years) },
          `已连续 ${String(history.streak.years)} 年为 D 类（差别化电价按连续年数加价）。`,
        )
      : null;
  return h(
    'section',
    { 'aria-label': '历年评价', 'data-section': 'history' },
    h('h3', {}, '历年评价'),
    streak,
    trendChart(history),
    table(
      '历年类别、得分、排名和亩均税收',
      ['年度', '来源', '最终类别', '综合得分', '排名', '排名百分位', '亩均税收(万元/亩)'],
      history.years.map((yr) => [
        String(yr.year),
        yr.source === 'imported' ? '往年导入' : '系统定稿',
        yr.finalClass ?? '不纳入评价',
        yr.totalScore ?? '—',
        yr.rank === null ? '—' : `${String(yr.rank)}/${yr.rated === null ? '?' : String(yr.rated)}`,
        yr.percentile === null ? '—' : `前 ${yr.percentile}%`,
        figure(yr.taxPerMu),
      ]),
      { 'data-table': 'history' },
    ),
  );
}

function overviewTable(overview: HistoryOverview, caption: string): HTMLElement {
  const classes = ['A', 'B', 'C', 'D', 'T', '—'];
  const rows: string[][] = [];
  for (const year of overview.years) {
    for (const group of year.groups) {
      rows.push([
        String(year.year),
        group.group,
        String(group.enterprises),
        ...classes.map((c) => String(group.classes[c] ?? 0)),
      ]);
    }
  }
  return table(
    caption,
    ['年度', overview.by === 'town' ? '所属乡镇街道' : '行业', '企业数', ...classes.map((c) => `${c} 类`)],
    rows,
    {
      'data-table': `overview-${overview.by}`,
    },
  );
}

function issuesTable(issues: readonly DataIssue[]): HTMLElement {
  return table(
    '文件中的问题',
    ['行', '列', '值', '原因'],
    issues.map((issue) => [String(issue.row), issue.header ?? issue.column, issue.value, issue.reason]),
    { 'data-table': 'import-issues' },
  );
}

/** The simple template as an empty workbook, to fill in and import. */
function templateButton(): HTMLElement {
  const error = h('span', { class: 'error', role: 'alert' });
  const button = h(
    'button',
    { type: 'button', class: 'secondary', 'data-download': 'past-year-template' },
    '下载简易模板（XLSX）',
  );
  button.addEventListener('click', () => {
    error.textContent = '';
    download('/v1/history/template', '往年评价结果导入模板.xlsx').catch((failure: unknown) => {
      error.textContent = failure instanceof ApiError ? failure.message : '下载失败，请稍后重试。';
    });
  });
  return h('p', { class: 'actions' }, button, error);
}

/** The bureau's history page: year over year, streaks, and the import of a past year. */
export async function historyPage(main: HTMLElement): Promise<void> {
  const [byTown, byIndustry, past] = await Promise.all([
    getJson<HistoryOverview>('/v1/history/overview?by=town'),
    getJson<HistoryOverview>('/v1/history/overview?by=industry'),
    getJson<PastYears>('/v1/history/years'),
  ]);
  const yearInput = h('input', {
    id: uid('past-year'),
    name: 'year',
    inputmode: 'numeric',
    required: true,
    pattern: '(19|20)[0-9]{2}',
  });
  const fileInput = h('input', {
    id: uid('past-file'),
    name: 'data',
    type: 'file',
    accept: '.csv,.xlsx',
    required: true,
  });
  const error = h('div', { class: 'error', role: 'alert', tabindex: '-1', 'data-error': 'import' });
  const status = h('p', { role: 'status', class: 'status', 'data-status': 'import' });
  const form = h(
    'form',
    { 'aria-label': '导入往年评价结果' },
    h('h3', {}, '导入往年评价结果'),
    h(
      'p',
      { class: 'hint' },
      '本系统启用以前年度的结果：评价结果工作簿的一个工作表，或简易模板（统一社会信用代码、企业名称、评价年度、所属乡镇街道、行业代码、最终类别、综合得分、排名、参评企业数、亩均税收）。同一年度再次导入将整体替换。',
    ),
    templateButton(),
    h('div', { class: 'field' }, h('label', { for: yearInput.id }, '评价年度'), yearInput),
    h('div', { class: 'field' }, h('label', { for: fileInput.id }, '结果文件（CSV 或 XLSX）'), fileInput),
    h('button', { type: 'submit' }, '导入'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.replaceChildren();
    const file = fileInput.files?.[0];
    if (file === undefined || !/^(19|20)[0-9]{2}$/.test(yearInput.value)) {
      error.replaceChildren(h('p', {}, '请填写四位评价年度并选择文件。'));
      error.focus();
      return;
    }
    const data = new FormData();
    data.append('data', file, file.name);
    status.textContent = '正在导入…';
    upload<{ year: number; enterprises: number }>(
      `/v1/history/years/${yearInput.value}`,
      data,
      {},
      () => undefined,
      'PUT',
    )
      .then(async (saved) => {
        status.textContent = `已导入 ${String(saved.year)} 年度 ${String(saved.enterprises)} 家企业的评价结果。`;
        await historyPage(main);
        const again = main.querySelector('[data-status="import"]');
        if (again !== null) again.textContent = status.textContent;
      })
      .catch((failure: unknown) => {
        status.textContent = '';
        const message = failure instanceof ApiError ? failure.message : '导入失败，请稍后重试。';
        const issues = (failure instanceof ApiError ? failure.problem?.issues : undefined) ?? [];
        error.replaceChildren(h('p', {}, message), issues.length === 0 ? '' : issuesTable(issues));
        error.focus();
      });
  });
  const latest = byTown.years.at(-1);
  show(
    main,
    h('p', {}, h('a', { href: '#/' }, '← 评价管理')),
    h('h2', {}, '历年对比'),
    latest === undefined
      ? h('p', {}, '尚无定稿或导入的年度。')
      : h(
          'p',
          { 'data-summary': 'history' },
          `共 ${String(byTown.years.length)} 个年度（${byTown.years.map((y) => `${String(y.year)}${y.source === 'imported' ? '（导入）' : ''}`).join('、')}）；${String(latest.year)} 年连续两年及以上为 D 类的企业 ${String(latest.dStreaks)} 家。`,
        ),
    table(
      '各年度类别构成',
      ['年度', '来源', '企业数', 'A 类', 'B 类', 'C 类', 'D 类', 'T 类', '连续 D 类（≥2 年）'],
      byTown.years.map((y) => [
        String(y.year),
        y.source === 'imported' ? '往年导入' : '系统定稿',
        String(y.enterprises),
        ...['A', 'B', 'C', 'D', 'T'].map((c) => String(y.classes[c] ?? 0)),
        String(y.dStreaks),
      ]),
      { 'data-table': 'years' },
    ),
    overviewTable(byTown, '按乡镇街道'),
    overviewTable(byIndustry, '按行业（GB/T 4754 大类）'),
    form,
    error,
    status,
    past.data.length === 0
      ? null
      : table(
          '已导入的往年',
          ['年度', '企业数', '文件', '导入时间'],
          past.data.map((p) => [String(p.year), String(p.enterprises), p.sourceFile, instant(p.importedAt)]),
          { 'data-table': 'past-years' },
        ),
  );
}
