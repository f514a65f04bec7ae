import {
  grade,
  InvalidRecordsError,
  parseRecords,
  parseScheme,
  publishedScheme,
  usccCheckCharacter,
} from '@mujun/scoring';
import type { EnterpriseResult, Indicator, Item, RecordIssue, Scheme } from '@mujun/scoring';
import { asPercent, plainTrace } from '../../domain/wording.js';
import { h, show, table } from './dom.js';
import { figure, indicatorValue } from './format.js';
import { checkInputs, figureName } from './self-check-inputs.js';
import type { CheckInput, InputKind } from './self-check-inputs.js';

/**
 * The public self-check (/check/{id}): no sign-in. It reads a published evaluation's method and its
 * cohorts' published benchmarks (GET /v1/public/evaluations/{id}/self-check), and scores the figures a
 * person types in the browser with the very scoring library the server grades with (bundled here), the
 * benchmarks and missing-data scores fixed as published. So every indicator score, bonus, penalty and
 * total is the server's to the last digit; the class, which needs every enterprise's total, is not shown.
 */

interface PublishedCohort {
  readonly label: string;
  readonly rated: number;
  readonly benchmarks: Readonly<Record<string, string | null>>;
  readonly missingScores: Readonly<Record<string, string | null>>;
}

interface SelfCheck {
  readonly evaluation: {
    readonly id: string;
    readonly name: string;
    readonly year: number | null;
    readonly grading: string;
  };
  readonly scheme: unknown;
  readonly cohorts: Readonly<Record<string, PublishedCohort>>;
}

/** A made-up valid code: the library wants one, and it names no real enterprise. */
const FIRST17 = '91330000000000000';
const SELF_CODE = FIRST17 + usccCheckCharacter(FIRST17);

function evaluationId(): string | null {
  const match = /^\/check\/([^/]+)\/?$/.exec(location.pathname);
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
}

async function load(main: HTMLElement): Promise<void> {
  const id = evaluationId();
  const response =
    id === null ? null : await fetch(`/v1/public/evaluations/${encodeURIComponent(id)}/self-check`);
  if (response === null || !response.ok) {
    show(
      main,
      h('h2', {}, '自助测算'),
      h('p', { class: 'error', role: 'alert' }, '没有找到这次评价，或评价结果尚未公示。'),
    );
    return;
  }
  const data = (await response.json()) as SelfCheck;
  const scheme = parseScheme(data.scheme);
  render(main, data, scheme);
}

function render(main: HTMLElement, data: SelfCheck, scheme: Scheme): void {
  const title = data.evaluation.name;
  document.title = `${title} · 自助测算`;
  const scoring = publishedScheme(scheme, data.cohorts);
  const result = h('section', { id: 'check-result', 'aria-live': 'polite' });
  const errors = h('div', { class: 'error', role: 'alert', id: 'check-errors' });
  const refused = (issues: readonly RecordIssue[]): void => {
    show(
      errors,
      h('p', {}, '请检查以下填写：'),
      h('ul', {}, ...issues.map((issue) => h('li', {}, `${issue.header ?? issue.column}：${issue.reason}`))),
    );
    show(result);
  };
  const form = checkForm(checkInputs(scheme), (row) => {
    show(errors);
    const parsed = parseRecords(
      { headers: row.headers, rows: [{ row: 1, cells: row.cells }] },
      { figures: scheme.figures ?? [] },
    );
    const record = parsed.records[0];
    if (parsed.issues.length > 0 || record === undefined) {
      refused(parsed.issues);
      return;
    }
    let graded: EnterpriseResult | undefined;
    try {
      graded = grade([record], scoring).result(record.uscc);
    } catch (error) {
      // A cohort's required figure left blank, or no cohort takes the record: said as the server says it.
      if (!(error instanceof InvalidRecordsError)) throw error;
      refused(error.issues);
      return;
    }
    if (graded === undefined) return;
    showResult(result, graded, data);
  });
  show(
    main,
    h('h2', {}, `${title} · 自助测算`),
    h(
      'p',
      {},
      `按本次评价${data.evaluation.grading === 'final' ? '最终结果' : '公示结果'}的基准值，输入本企业的数据即可逐项算出得分。` +
        '计算在您的浏览器中完成，所填数据不会发送到服务器。',
    ),
    method(scheme, data),
    h('h3', {}, '输入本企业数据'),
    form,
    errors,
    result,
  );
}

/** The method as published: each cohort's indicators with formula, weight and benchmark; items; classes. */
function method(scheme: Scheme, data: SelfCheck): HTMLElement {
  const cohorts = scheme.cohorts.map((cohort) => {
    const published = data.cohorts[cohort.id];
    const indicators = scheme.indicatorSets[cohort.indicators] ?? [];
    const rows = indicators.map((indicator) => [
      indicator.label,
      formula(indicator),
      figure(indicator.weight),
      indicatorValue(published?.benchmarks[indicator.key] ?? null, indicator.unit),
      figure(published?.missingScores[indicator.key] ?? null),
    ]);
    const bands = cohort.classification.bands;
    return h(
      'div',
      {},
      table(
        `${cohort.label}（参评 ${String(published?.rated ?? 0)} 家）`,
        ['指标', '得分计算', '权重', '基准值', '缺少数据时得分'],
        rows,
      ),
      bands === undefined
        ? null
        : h(
            'p',
            { class: 'hint' },
            `类别按总分在${cohort.label}中的排名确定：` +
              bands.map((band) => `${band.class} 类至累计前 ${asPercent(band.cumulativeShare)}`).join('，') +
              `，其余为 ${scheme.classes[scheme.classes.length - 1]?.id ?? ''} 类。`,
          ),
    );
  });
  const bonus = scheme.bonus.items.map((item) => `${item.label}：${pointsText(scheme, item, '加')}`);
  const penalty = scheme.penalty.items.map((item) => `${item.label}：${pointsText(scheme, item, '减')}`);
  return h(
    'section',
    { 'aria-labelledby': 'method-title' },
    h('h3', { id: 'method-title' }, `评价办法：${scheme.name}`),
    h(
      'p',
      {},
      `总分 = 各指标得分之和 + 加分${scheme.bonus.cap === null ? '' : `（最多 ${scheme.bonus.cap} 分）`} − 减分${
        scheme.penalty.cap === null ? '' : `（最多 ${scheme.penalty.cap} 分）`
      }；得分保留 ${String(scheme.rounding.score)} 位小数，四舍五入。`,
    ),
    ...cohorts,
    bonus.length === 0 ? null : h('h4', {}, '加分项'),
    bonus.length === 0 ? null : h('ul', {}, ...bonus.map((line) => h('li', {}, line))),
    penalty.length === 0 ? null : h('h4', {}, '减分项'),
    penalty.length === 0 ? null : h('ul', {}, ...penalty.map((line) => h('li', {}, line))),
    scheme.overrides.length === 0 ? null : h('h4', {}, '类别调整'),
    scheme.overrides.length === 0
      ? null
      : h('ul', {}, ...scheme.overrides.map((step) => h('li', {}, step.label))),
  );
}

/** `加 5 分`, or for a count: `出租户数 2 及以上时减 5 分，每多 1 再减 5 分` (base + each × (count − from)). */
function pointsText(scheme: Scheme, item: Item, sign: '加' | '减'): string {
  const { points } = item;
  if (typeof points === 'string') return `${sign} ${points} 分`;
  const what = figureName(scheme, points.perCount);
  return `${what} ${String(points.from)} 及以上时${sign} ${points.base} 分，每多 1 再${sign} ${points.each} 分`;
}

function formula(indicator: Indicator): string {
  const value = indicator.label;
  const scoring = indicator.scoring;
  if (scoring.method === 'minMax') {
    return `权重 × [${scoring.floor} + (100 − ${scoring.floor}) × (企业值 − 最小值) ÷ (最大值 − 最小值)] ÷ 100`;
  }
  const ratio = indicator.direction === 'higher' ? `${value} ÷ 基准值` : `基准值 ÷ ${value}`;
  return scoring.cap === null ? `权重 × ${ratio}` : `权重 × min(${ratio}, ${scoring.cap})`;
}

interface Row {
  readonly headers: string[];
  readonly cells: string[];
}

const LEGENDS = { enterprise: '企业基本情况', figures: '经济数据' } as const;

/** 加分、减分事项, 其他事项 (a 事由 that takes the enterprise out of the scores), or both. */
function itemsLegend(members: readonly CheckInput[]): string {
  const reasons = members.some((input) => input.kind === 'reasons');
  const items = members.some((input) => input.kind !== 'reasons');
  return items && reasons ? '加分、减分及其他事项' : items ? '加分、减分事项' : '其他事项';
}

/** The form asks for exactly what the scheme reads (checkInputs), under the data dictionary's headers. */
function checkForm(inputs: readonly CheckInput[], submit: (row: Row) => void): HTMLFormElement {
  const form = h(
    'form',
    { id: 'check-form', novalidate: true },
    ...(['enterprise', 'figures', 'items'] as const).map((group) => {
      const members = inputs.filter((input) => input.group === group);
      const rows = members.map(control);
      const legend = group === 'items' ? itemsLegend(members) : LEGENDS[group];
      const land =
        group === 'figures' && inputs.some((input) => input.key === 'landAreaM2')
          ? h('p', { class: 'hint' }, '用地面积填亩数或平方米数其一即可；两者都填时须一致。')
          : null;
      return rows.length === 0 ? null : h('fieldset', {}, h('legend', {}, legend), ...rows, land);
    }),
    h('button', { type: 'submit' }, '计算得分'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (input: CheckInput): string => {
      const element = form.elements.namedItem(input.key);
      if (element instanceof HTMLInputElement && element.type === 'checkbox')
        return element.checked ? '是' : '否';
      return element instanceof HTMLInputElement || element instanceof HTMLSelectElement
        ? element.value.trim()
        : '';
    };
    // Every row needs a 企业规模 (parseRecords); where the scheme reads none, any value scores the same.
    const scale = inputs.some((input) => input.kind === 'scale') ? [] : ['规上'];
    submit({
      headers: [
        '统一社会信用代码',
        '企业名称',
        ...scale.map(() => '企业规模'),
        ...inputs.map((input) => input.header),
      ],
      cells: [SELF_CODE, '自测企业', ...scale, ...inputs.map(value)],
    });
  });
  return form;
}

function control(input: CheckInput): HTMLElement {
  const id = `f-${input.key}`;
  const label = h('label', { for: id }, input.label);
  if (input.kind === 'yesNo') {
    const box = h('input', { type: 'checkbox', id, name: input.key });
    return h('div', { class: 'field-row' }, h('span', { class: 'check' }, box, label));
  }
  return h('div', { class: 'field-row' }, label, field(input.kind, input.key, id));
}

/** The input or select of a labelled row (every kind but yes/no, whose box sits before its label). */
function field(kind: Exclude<InputKind, 'yesNo'>, key: string, id: string): HTMLElement {
  switch (kind) {
    case 'scale':
      return select(id, key, [
        ['规上', '规上工业企业'],
        ['规下', '规下工业企业'],
      ]);
    case 'specialized':
      return select(id, key, [
        ['', '无'],
        ['省级', '省级'],
        ['国家级', '国家级'],
      ]);
    case 'date':
      return h('input', { id, name: key, type: 'date' });
    case 'text':
    case 'reasons':
      return h('input', {
        id,
        name: key,
        autocomplete: 'off',
        placeholder: kind === 'reasons' ? '没有则不填' : undefined,
      });
    case 'number':
    case 'count':
      return h('input', {
        id,
        name: key,
        inputmode: kind === 'count' ? 'numeric' : 'decimal',
        autocomplete: 'off',
      });
  }
}

function select(
  id: string,
  name: string,
  options: readonly (readonly [string, string])[],
): HTMLSelectElement {
  return h('select', { id, name }, ...options.map(([value, text]) => h('option', { value }, text)));
}

function showResult(root: HTMLElement, result: EnterpriseResult, data: SelfCheck): void {
  if (result.status !== 'rated' || result.cohort === null) {
    const why = result.trace.find((entry) => entry.rule === 'scope')?.detail ?? '';
    show(root, h('h3', {}, '测算结果'), h('p', { id: 'check-status' }, `按所填数据不参加评价：${why}`));
    return;
  }
  const cohort = data.cohorts[result.cohort];
  const rows = Object.entries(result.indicators).map(([key, indicator]) =>
    h(
      'tr',
      { 'data-indicator': key },
      h('td', { 'data-label': '指标' }, indicator.label),
      h(
        'td',
        { 'data-label': '本企业' },
        indicator.applicable ? indicatorValue(indicator.value, indicator.unit) : '缺少数据',
      ),
      h('td', { 'data-label': '基准值' }, indicatorValue(indicator.benchmark, indicator.unit)),
      h('td', { 'data-label': '权重' }, figure(indicator.weight)),
      h('td', { 'data-label': '得分', class: 'score' }, indicator.score),
    ),
  );
  const lines = result.trace
    .filter(
      (entry) =>
        entry.rule === 'indicator' ||
        entry.rule === 'bonus' ||
        entry.rule === 'bonusCap' ||
        entry.rule === 'penalty' ||
        entry.rule === 'penaltyCap' ||
        entry.rule === 'total',
    )
    .map((entry) => h('li', {}, plainTrace(entry.detail)));
  show(
    root,
    h('h3', {}, `测算结果（${cohort?.label ?? result.cohort}）`),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h('caption', {}, '各指标得分'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['指标', '本企业', '基准值', '权重', '得分'].map((text) => h('th', { scope: 'col' }, text)),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, '加分'),
      h('dd', { id: 'check-bonus' }, result.bonus ?? '—'),
      h('dt', {}, '减分'),
      h('dd', { id: 'check-penalty' }, result.penalty ?? '—'),
      h('dt', {}, '总分'),
      h('dd', { id: 'check-total' }, result.totalScore ?? '—'),
    ),
    h('h4', {}, '计算过程'),
    h('ol', { id: 'check-trace' }, ...lines),
    h(
      'p',
      { class: 'hint' },
      '类别取决于同组全部企业的总分排名及类别调整规则，本页不测算类别；以公示结果为准。',
    ),
  );
}

const main = document.getElementById('main');
if (main !== null) {
  void load(main).catch(() => {
    show(
      main,
      h('h2', {}, '自助测算'),
      h('p', { class: 'error', role: 'alert' }, '页面加载失败，请稍后重试。'),
    );
  });
}
