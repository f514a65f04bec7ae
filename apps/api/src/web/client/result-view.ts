import type { EnterpriseResult, Evaluation, Publication } from './api.js';
import { plainTrace } from '../../domain/wording.js';
import { h, table } from './dom.js';
import type { Child } from './dom.js';
import {
  day,
  deadline,
  evaluationTitle,
  figure,
  indicatorValue,
  instant,
  SCALE_LABELS,
  stateLabel,
  STATUS_LABELS,
} from './format.js';

/** One enterprise's result and why, in Chinese, as the API states it (labels, units, reasons). */
export function resultView(result: EnterpriseResult): HTMLElement {
  const rank = result.trace.find((entry) => entry.rule === 'rank');
  const facts: [string, Child][] = [
    ['统一社会信用代码', result.uscc],
    ['企业规模', SCALE_LABELS[result.scale] ?? result.scale],
    ['所属乡镇街道', result.town ?? '—'],
    ['所属园区', result.park ?? '—'],
    ['行业', result.industryName === null ? '—' : `${result.industryName}（${result.industryCode ?? ''}）`],
    ['评价状态', STATUS_LABELS[result.status] ?? result.status],
    ['综合得分', h('span', { 'data-field': 'totalScore' }, figure(result.totalScore))],
    [
      '排名',
      h(
        'span',
        { 'data-field': 'rank' },
        result.rank === null
          ? '—'
          : rank === undefined
            ? String(result.rank)
            : `第 ${rank.rank} 名 / 共 ${rank.of} 家`,
      ),
    ],
    ['按得分分档', h('span', { 'data-field': 'bandClass' }, result.bandClass ?? '—')],
    [
      '最终类别',
      h(
        'strong',
        { class: 'final-class', 'data-field': 'finalClass' },
        result.finalClass === null
          ? '—'
          : `${result.finalClass} 类${result.finalClassLabel === null ? '' : `（${result.finalClassLabel}）`}`,
      ),
    ],
  ];
  const indicators = Object.entries(result.indicators).map(([key, indicator]) => [
    indicator.label,
    indicatorValue(indicator.value, indicator.unit, indicator.applicable),
    indicatorValue(indicator.benchmark, indicator.unit),
    figure(indicator.weight),
    h('span', { 'data-indicator': key }, figure(indicator.score)),
  ]);
  const items = (label: string, list: EnterpriseResult['bonusItems'], total: string | null) =>
    list.length === 0
      ? h('p', {}, `${label}：无（合计 ${figure(total ?? '0')} 分）`)
      : table(
          `${label}（合计 ${figure(total)} 分）`,
          ['项目', '分值', '调档'],
          list.map((item) => [
            item.label,
            figure(item.points),
            item.classShift === undefined ? '—' : String(item.classShift),
          ]),
        );
  return h(
    'article',
    { class: 'result', 'aria-labelledby': 'result-title' },
    h('h3', { id: 'result-title' }, result.name),
    h('dl', { class: 'facts' }, ...facts.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    table('各项指标', ['指标', '数值', '基准值', '权重', '得分'], indicators, {
      'data-table': 'indicators',
    }),
    items('加分项', result.bonusItems, result.bonus),
    items('减分项', result.penaltyItems, result.penalty),
    result.overrides.length === 0
      ? h('p', {}, '调档：无')
      : table(
          '调档及原因',
          ['规则', '调整', '原因'],
          result.overrides.map((override) => [
            override.label,
            `${override.from} → ${override.to}`,
            h('span', { class: 'reason' }, override.reason),
          ]),
          { 'data-table': 'overrides' },
        ),
    h(
      'details',
      {},
      h('summary', {}, '评价过程（逐条说明）'),
      h('ol', { class: 'trace' }, ...result.trace.map((entry) => h('li', {}, plainTrace(entry.detail)))),
    ),
  );
}

/** The evaluation's state and the 公示 window with its deadline. */
export function windowView(evaluation: Evaluation, publication: Publication | null): HTMLElement {
  return h(
    'section',
    { class: 'window', 'aria-label': '公示期' },
    h(
      'p',
      {},
      `${evaluationTitle(evaluation)} · `,
      h('span', { 'data-field': 'state' }, stateLabel(evaluation)),
    ),
    publication === null
      ? h('p', {}, '尚未公示。')
      : h(
          'p',
          {},
          `公示期：${day(publication.window.firstDay)} 至 ${day(publication.window.lastDay)}（${publication.window.workingDays} 个工作日）。`,
          h('br'),
          '异议受理截止：',
          h('strong', { 'data-field': 'deadline' }, deadline(publication.window.lastDay)),
          `。公示发布于 ${instant(publication.publishedAt)}。`,
        ),
  );
}

interface NextClassAnswer {
  readonly toNextClass: {
    readonly class: string | null;
    readonly taxIncrease: string | null;
    readonly taxPerMuIncrease: string | null;
    readonly addedValueIncrease: { readonly class: string; readonly change: string } | null;
    readonly landReduction: { readonly class: string; readonly change: string } | null;
    readonly scoreGap: string | null;
    readonly unanswered: string | null;
  } | null;
}

/**
 * How to move up, exactly, in sentences: "税收再增加 12.34 万元（亩均税收提高 0.27 万元/亩）即可升为 B 类（其他
 * 企业数据不变时）". Worked out by the server on demand (it grades the cohort again), so it is filled in
 * when it arrives.
 */
export function nextClassView(
  result: EnterpriseResult,
  load: () => Promise<NextClassAnswer>,
): HTMLElement | null {
  if (result.status !== 'rated') return null;
  const line = h(
    'div',
    { 'data-field': 'toNextClass', 'aria-live': 'polite' },
    h('p', { class: 'hint' }, '正在测算升档所需…'),
  );
  void load()
    .then(({ toNextClass: way }) => {
      const sentences: string[] = [];
      if (way === null) {
        sentences.push(
          result.finalClass !== null && result.finalClass === 'A'
            ? '已是最高类别。'
            : '仅调整本企业的数据不能提升类别（例如受一票否决等规则限制）。',
        );
      } else {
        if (way.taxIncrease !== null && way.class !== null) {
          const perMu =
            way.taxPerMuIncrease === null ? '' : `（亩均税收提高 ${figure(way.taxPerMuIncrease)} 万元/亩）`;
          sentences.push(
            `税收再增加 ${figure(way.taxIncrease)} 万元${perMu}即可升为 ${way.class} 类（其他企业数据不变时）。`,
          );
        }
        if (way.addedValueIncrease !== null) {
          sentences.push(
            `或工业增加值再增加 ${figure(way.addedValueIncrease.change)} 万元即可升为 ${way.addedValueIncrease.class} 类。`,
          );
        }
        if (way.landReduction !== null) {
          sentences.push(
            `或用地面积减少 ${figure(way.landReduction.change)} 亩即可升为 ${way.landReduction.class} 类。`,
          );
        }
        if (way.scoreGap !== null) sentences.push(`总分与上一档最低分相差 ${figure(way.scoreGap)} 分。`);
        // A search cut short by its bound: say so, rather than let a missing figure read as "cannot".
        if (way.unanswered !== null) sentences.push(`${way.unanswered}。`);
      }
      line.replaceChildren(h('h3', {}, '如何提升类别'), ...sentences.map((text) => h('p', {}, text)));
    })
    .catch(() => {
      line.replaceChildren(h('p', { class: 'hint' }, '升档测算暂不可用。'));
    });
  return line;
}
