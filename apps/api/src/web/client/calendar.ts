import { ApiError, getJson, sendJson } from './api.js';
import type { Schemas } from './api.js';
import { h, show, table, uid } from './dom.js';

/**
 * The bureau's holiday calendar page (#/calendar): the years the 公示 window is computed with, bundled
 * (the State Council notices shipped with the system) and entered here, and a form to enter a year's
 * arrangement the day its notice is out. The arrangement is the bundled file's shape, as JSON, explained
 * in Chinese beside it; the server checks it and each problem is listed with where it is.
 */

type Listing = Schemas['CalendarListing'];
type Entry = Listing['years'][number];

const SCHEMA_HELP: readonly [string, string][] = [
  ['year', '年度，如 2027，须与上方"年度"一致'],
  [
    'notices',
    '国务院办公厅通知，至少一份：number 文号（如 国办发明电〔2026〕7号）、title 标题、issued 成文日期',
  ],
  ['holidays', '各节假日，按日期先后，元旦、春节、清明节、劳动节、端午节、中秋节、国庆节各一次'],
  ['holidays[].names', '节日名称，如 ["春节"]；国庆节与中秋节同放时写 ["国庆节", "中秋节"]'],
  ['holidays[].from / to', '放假第一天和最后一天（含），格式 YYYY-MM-DD'],
  ['holidays[].days', '共放假几天，须与 from 至 to 的天数一致'],
  ['holidays[].makeUp', '调休上班的周末日期，如 ["2027-02-06"]；没有则写 []'],
  ['holidays[].notice', '规定该节假日的通知文号，须列在 notices 中'],
];

const POINTER_WORDS: Readonly<Record<string, string>> = {
  year: '年度',
  notices: '通知',
  holidays: '节假日',
  names: '节日名称',
  from: '放假起',
  to: '放假止',
  days: '天数',
  makeUp: '调休上班日',
  notice: '通知文号',
  number: '文号',
  title: '标题',
  issued: '成文日期',
};

/** `#/holidays/2/from` as 节假日第 3 项 · 放假起, so a clerk finds the field. */
export function pointerLabel(pointer: string): string {
  const parts = pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((part) => part !== '');
  if (parts.length === 0) return '整体';
  return parts
    .map((part) => (/^\d+$/.test(part) ? `第 ${String(Number(part) + 1)} 项` : (POINTER_WORDS[part] ?? part)))
    .join(' · ');
}

/** A template for next year: the shape of the latest year, its dates to be replaced from the notice. */
function template(latest: Entry | undefined, year: number): string {
  const holidays = (latest?.arrangement.holidays ?? []).map((holiday) => ({
    names: holiday.names,
    from: `${String(year)}-MM-DD`,
    to: `${String(year)}-MM-DD`,
    days: holiday.days,
    makeUp: [],
    notice: `国办发明电〔${String(year - 1)}〕号`,
  }));
  const arrangement = {
    year,
    notices: [
      {
        number: `国办发明电〔${String(year - 1)}〕号`,
        title: `国务院办公厅关于${String(year)}年部分节假日安排的通知`,
        issued: `${String(year - 1)}-MM-DD`,
      },
    ],
    holidays,
  };
  return JSON.stringify(arrangement, null, 2);
}

function yearsTable(listing: Listing): HTMLElement {
  return table(
    `已覆盖年度（${listing.years.length} 年）`,
    ['年度', '来源', '通知文号', '节假日', '录入'],
    listing.years.map((entry) => [
      String(entry.year),
      entry.source === 'bundled' ? '系统内置' : entry.replacesBundled ? '本局录入（替换内置）' : '本局录入',
      entry.arrangement.notices.map((notice) => notice.number).join('；'),
      `${String(entry.arrangement.holidays.length)} 个`,
      entry.enteredAt === null
        ? '—'
        : `${entry.enteredAt.slice(0, 10)}（第 ${String(entry.version ?? 1)} 版）`,
    ]),
    { 'data-table': 'calendar-years' },
  );
}

export async function calendarPage(main: HTMLElement): Promise<void> {
  const listing = await getJson<Listing>('/v1/calendar');
  const latest = listing.years.at(-1);
  const next = (latest?.year ?? new Date().getFullYear()) + 1;
  const year = h('input', {
    id: uid('calendar-year'),
    type: 'text',
    inputmode: 'numeric',
    pattern: '[0-9]{4}',
    value: String(next),
  });
  const json = h('textarea', { id: uid('calendar-json'), rows: '18', spellcheck: 'false', class: 'code' });
  json.value = template(latest, next);
  const errors = h('div', { class: 'error', role: 'alert', tabindex: '-1', 'data-error': 'calendar' });
  const status = h('p', { role: 'status', 'data-status': 'calendar' });
  const submit = h('button', { type: 'submit' }, '保存该年度安排');
  const form = h(
    'form',
    { novalidate: true, 'aria-label': '录入年度节假日安排' },
    h('h3', {}, '录入或更正一个年度的节假日安排'),
    h(
      'p',
      { class: 'hint' },
      '国务院办公厅发布次年节假日安排通知后，按通知填写下方内容并保存；公示期按录入的安排计算工作日。已发布的公示不受影响。',
    ),
    h('div', { class: 'field' }, h('label', { for: year.id }, '年度'), year),
    h('div', { class: 'field' }, h('label', { for: json.id }, '节假日安排（JSON）'), json),
    h(
      'details',
      {},
      h('summary', {}, '各项填写说明'),
      h(
        'dl',
        {},
        ...SCHEMA_HELP.flatMap(([key, text]) => [h('dt', {}, h('code', {}, key)), h('dd', {}, text)]),
      ),
    ),
    errors,
    submit,
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.replaceChildren();
    status.textContent = '';
    const target = year.value.trim();
    if (!/^\d{4}$/.test(target)) {
      errors.replaceChildren(h('p', {}, '年度应为四位数字，如 2027。'));
      errors.focus();
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(json.value);
    } catch (failure) {
      errors.replaceChildren(
        h('p', {}, `节假日安排不是有效的 JSON：${failure instanceof Error ? failure.message : ''}`),
      );
      errors.focus();
      return;
    }
    const entered = listing.years.find(
      (entry) => entry.year === Number(target) && entry.source === 'entered',
    );
    const headers: Record<string, string> =
      entered?.version === null || entered?.version === undefined
        ? {}
        : { 'If-Match': `"${String(entered.version)}"` };
    sendJson<Entry>('PUT', `/v1/calendar/${target}`, body, headers)
      .then(() => calendarPage(main))
      .then(() => {
        const saved = main.querySelector('[data-status="calendar"]');
        if (saved !== null) saved.textContent = `已保存 ${target} 年度节假日安排。`;
      })
      .catch((failure: unknown) => {
        const message = failure instanceof ApiError ? failure.message : '保存失败，请稍后重试。';
        const problems = failure instanceof ApiError ? (failure.problem?.errors ?? []) : [];
        errors.replaceChildren(
          h('p', {}, message),
          problems.length === 0
            ? ''
            : h(
                'ul',
                { 'data-list': 'calendar-errors' },
                ...problems.map((problem) =>
                  h('li', {}, `${pointerLabel(problem.pointer)}：${problem.detail}`),
                ),
              ),
        );
        errors.focus();
      });
  });
  show(
    main,
    h('p', {}, h('a', { href: '#/' }, '← 评价管理')),
    h('h2', {}, '节假日安排（公示期计算用）'),
    yearsTable(listing),
    form,
  );
}
