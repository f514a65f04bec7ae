import { canonical, dec } from '../decimal/decimal.js';
import type { Condition } from '../scheme/condition.js';
import type { Cohort, Indicator, Item, OverrideStep, Scheme } from '../scheme/scheme.js';
import { conditionText, wordsOf } from './condition-text.js';
import type { Words } from './condition-text.js';

/**
 * A scheme in Chinese words and formulas, as a county publishes its 计算说明, so that the bureau can
 * check that the file says what its 评价办法 says before a single enterprise is graded. Pure: the
 * scheme in, sections of lines out; render.ts writes them as text or Markdown.
 */

export interface ExplanationLine {
  readonly text: string;
  /** 0 for a paragraph, 1 for a point under it, 2 for a point under that. */
  readonly level: number;
}

export interface ExplanationSection {
  readonly heading: string;
  readonly lines: readonly ExplanationLine[];
}

export interface Explanation {
  readonly title: string;
  readonly sections: readonly ExplanationSection[];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

const line = (text: string, level = 0): ExplanationLine => ({ text, level });

/** `0.20` → `20%`. */
function percent(share: string): string {
  return `${canonical(dec(share).times(100))}%`;
}

function isZero(value: string): boolean {
  return dec(value).isZero();
}

export function explainScheme(scheme: Scheme): Explanation {
  const labels = wordsOf(scheme);
  const sections: { heading: string; lines: ExplanationLine[] }[] = [
    { heading: '说明', lines: aboutLines(scheme) },
    { heading: '本办法另加的数据', lines: figureLines(scheme) },
    { heading: '评价范围', lines: scopeLines(scheme, labels) },
    { heading: '分组', lines: cohortLines(scheme, labels) },
    { heading: '计分公式', lines: formulaLines(scheme) },
    { heading: '指标、基准值与得分', lines: indicatorLines(scheme, labels) },
    { heading: '加分与减分', lines: itemLines(scheme, labels) },
    { heading: '排名与分类', lines: classLines(scheme, labels) },
    { heading: '类别调整（按顺序）', lines: overrideLines(scheme, labels) },
    { heading: '数值与四舍五入', lines: roundingLines(scheme) },
  ];
  if (scheme.policy !== undefined) sections.push({ heading: '价格政策', lines: policyLines(scheme) });
  return {
    title: `${scheme.name}（${scheme.id}）计算说明`,
    sections: sections.map((section, k) => ({
      heading: `${NUMERALS[k] ?? String(k + 1)}、${section.heading}`,
      lines: section.lines,
    })),
  };
}

const KINDS = {
  number: '数字（可为负）',
  nonNegativeNumber: '数字（不能为负）',
  count: '整数个数',
  yesNo: '是／否',
  date: '日期',
} as const;

function figureLines(scheme: Scheme): ExplanationLine[] {
  const figures = scheme.figures ?? [];
  if (figures.length === 0) return [line('无：只用数据字典中的数据。')];
  return [
    line('除数据字典中的数据外，本办法还要采集下列各列，按同样的规则校验：'),
    ...figures.map((figure) => {
      const unit = figure.unit === undefined || figure.unit === '' ? '' : `，单位${figure.unit}`;
      const by = figure.filledBy === undefined ? '' : `，由${figure.filledBy}提供`;
      const required = figure.required === true ? '，每家企业必填' : '';
      return line(`「${figure.header}」（${figure.key}）：${KINDS[figure.kind]}${unit}${by}${required}`, 1);
    }),
  ];
}

function aboutLines(scheme: Scheme): ExplanationLine[] {
  const lines: ExplanationLine[] = [];
  if (scheme.description !== undefined) lines.push(line(scheme.description));
  if (scheme.sources.length > 0) {
    lines.push(line('依据：'));
    for (const source of scheme.sources) lines.push(line(source, 1));
  }
  if (scheme.assumptions.length > 0) {
    lines.push(line('以下内容来源未给出，本文件作了假设，须按本县办法核对：'));
    for (const assumption of scheme.assumptions) lines.push(line(assumption, 1));
  }
  if (lines.length === 0) lines.push(line('本文件未写明依据。'));
  return lines;
}

function scopeLines(scheme: Scheme, labels: Words): ExplanationLine[] {
  const lines: ExplanationLine[] = [line('每家企业按下列规则从上到下判断，第一条满足的规则决定其状态。')];
  const rules = (title: string, list: Scheme['scope']['outOfScope']): void => {
    if (list.length === 0) {
      lines.push(line(`${title}：无`));
      return;
    }
    lines.push(line(`${title}：`));
    for (const rule of list) lines.push(line(`${rule.label}：${conditionText(rule.when, labels)}`, 1));
  };
  rules('不纳入评价', scheme.scope.outOfScope);
  rules(`暂不评价（${scheme.exemptClass.id} 类，${scheme.exemptClass.label}）`, scheme.scope.exempt);
  lines.push(line('其余企业参评，不纳入评价和暂不评价的企业不参与基准值、排名和比例。'));
  return lines;
}

function cohortLines(scheme: Scheme, labels: Words): ExplanationLine[] {
  const pools = new Map<string, string[]>();
  for (const cohort of scheme.cohorts) {
    if (cohort.pool !== undefined) pools.set(cohort.pool, [...(pools.get(cohort.pool) ?? []), cohort.label]);
  }
  const lines: ExplanationLine[] = [
    line(
      pools.size === 0
        ? '参评企业按下列顺序归入第一个满足条件的组，每组单独计算基准值、排名和分类：'
        : '参评企业按下列顺序归入第一个满足条件的组，每组单独排名和分类；基准值见下面的基准池：',
    ),
  ];
  for (const cohort of scheme.cohorts) {
    lines.push(line(`${cohort.label}（${cohort.id}）：${conditionText(cohort.when, labels)}`, 1));
    if (cohort.requiredFields.length > 0) {
      lines.push(line(`必填：${cohort.requiredFields.map(labels.figure).join('、')}`, 2));
    }
  }
  lines.push(line('不满足任何一组条件的企业不能评价，须补正数据或办法。'));
  for (const [pool, members] of pools) {
    lines.push(
      line(
        `基准池 ${pool}：${members.join('、')}共用一个基准池，基准值、最小值和最大值、缺数据时的平均分都在池内全部参评企业中计算；排名和分类仍在各组内进行`,
      ),
    );
  }
  const alone = scheme.cohorts.filter((cohort) => cohort.pool === undefined);
  if (pools.size > 0 && alone.length > 0) {
    lines.push(line(`${alone.map((c) => c.label).join('、')}不在基准池中，单独计算基准值`));
  }
  return lines;
}

/** One indicator's term in the published formula: `亩均税收 ÷ 24.097 × 30`. */
function term(indicator: Indicator): string {
  const { label, weight, scoring, benchmark } = indicator;
  if (scoring.method === 'minMax') {
    const rest = canonical(dec('100').minus(dec(scoring.floor)));
    const position = indicator.direction === 'higher' ? `(${label} − 最小值)` : `(最大值 − ${label})`;
    return `${weight} × [${scoring.floor} + ${rest} × ${position} ÷ (最大值 − 最小值)] ÷ 100`;
  }
  const base = benchmarkFigure(benchmark);
  const ratio = indicator.direction === 'higher' ? `${label} ÷ ${base}` : `${base} ÷ ${label}`;
  return `${ratio} × ${weight}`;
}

/** The benchmark as it stands in a formula: the figure when fixed, else its name. */
function benchmarkFigure(benchmark: Indicator['benchmark']): string {
  if (benchmark.method === 'previousYear') {
    const last = benchmark.statistic === 'benchmark' ? '上年基准值' : '上年平均值';
    return benchmark.multiplier === undefined || benchmark.multiplier === '1'
      ? last
      : `(${benchmark.multiplier} × ${last})`;
  }
  if (benchmark.method !== 'fixed') return '基准值';
  if (benchmark.multiplier === undefined || benchmark.multiplier === '1') return benchmark.value;
  return `(${benchmark.multiplier} × ${benchmark.value})`;
}

/** What bounds the indicator scores: `（每项不低于 0，不超过权重的 2 倍）`. */
function boundsNote(indicators: readonly Indicator[]): string {
  const notes = new Set(indicators.map(boundNote));
  if (notes.size === 1) return `（每项${[...notes][0] ?? ''}）`;
  return '（各项上下限见下）';
}

function boundNote(indicator: Indicator): string {
  const { scoring } = indicator;
  if (scoring.method === 'minMax') return `不低于权重的 ${percent(canonical(dec(scoring.floor).div(100)))}`;
  const cap = scoring.cap === null ? '不封顶' : `最高为权重的 ${scoring.cap} 倍`;
  return `${cap}，${floorNote(scoring.floor)}`;
}

/** Absent: 0 (a refund or a loss scores 0); null: none (it scores negative); else the lowest ratio. */
function floorNote(floor: string | null | undefined): string {
  if (floor === undefined) return '低于 0 记 0';
  if (floor === null) return '可为负';
  return isZero(floor) ? '低于 0 记 0' : `最低为权重的 ${floor} 倍`;
}

function formulaLines(scheme: Scheme): ExplanationLine[] {
  const lines: ExplanationLine[] = [];
  for (const cohort of scheme.cohorts) {
    const set = scheme.indicatorSets[cohort.indicators] ?? [];
    const terms = set.map(term).join(' + ');
    lines.push(line(`${cohort.label}：${terms}${boundsNote(set)}`));
  }
  const bonus = scheme.bonus.items.length === 0 ? '' : ` + ${capped('加分', scheme.bonus.cap)}`;
  const penalty = scheme.penalty.items.length === 0 ? '' : ` − ${capped('减分', scheme.penalty.cap)}`;
  const negativeScore = Object.values(scheme.indicatorSets).some((set) =>
    set.some(
      (i) =>
        i.scoring.method === 'ratio' &&
        i.scoring.floor !== undefined &&
        (i.scoring.floor === null || dec(i.scoring.floor).isNegative()),
    ),
  );
  const negative = scheme.penalty.items.length > 0 || negativeScore ? '，可为负数' : '';
  lines.push(line(`总分 = 各项指标得分之和${bonus}${penalty}${negative}。`));
  return lines;
}

function capped(name: string, cap: string | null): string {
  return cap === null ? `${name}（不设上限）` : `${name}（合计最多 ${cap} 分）`;
}

function indicatorLines(scheme: Scheme, words: Words): ExplanationLine[] {
  const lines: ExplanationLine[] = [];
  const cohortsOf = (setName: string): string =>
    scheme.cohorts
      .filter((c) => c.indicators === setName)
      .map((c) => c.label)
      .join('、') || '（未被任何组使用）';
  for (const [setName, set] of Object.entries(scheme.indicatorSets)) {
    lines.push(line(`${cohortsOf(setName)}（指标组 ${setName}）：`));
    for (const indicator of set) lines.push(...oneIndicator(indicator, scheme, words));
  }
  return lines;
}

function oneIndicator(indicator: Indicator, scheme: Scheme, words: Words): ExplanationLine[] {
  const { label, unit, numerator, denominator, factor, weight } = indicator;
  const figureName = words.figure;
  const scaled = factor === '1' ? figureName(numerator) : `${figureName(numerator)} × ${factor}`;
  const unitText = unit === '' ? '' : `（${unit}）`;
  const direction = indicator.direction === 'higher' ? '越高越好' : '越低越好';
  const lines = [
    line(`${label}${unitText} = ${scaled} ÷ ${figureName(denominator)}，权重 ${weight}，${direction}`, 1),
    line(
      indicator.scoring.method === 'minMax'
        ? `基准值：计分不用，按本组适用企业该指标值的最小值和最大值计分（结果中列出的基准值为${benchmarkText(indicator, scheme, words)}）`
        : `基准值：${benchmarkText(indicator, scheme, words)}`,
      2,
    ),
    line(`得分：${scoreText(indicator)}`, 2),
    line(
      `不适用：${figureName(numerator)}为空，或${figureName(denominator)}为空或 0 时，${notApplicableText(indicator)}`,
      2,
    ),
  ];
  return lines;
}

function benchmarkText(indicator: Indicator, scheme: Scheme, words: Words): string {
  const { benchmark, numerator, denominator, factor } = indicator;
  const figureName = words.figure;
  const dp = scheme.rounding.benchmark;
  const rounded = `，四舍五入到 ${String(dp)} 位小数`;
  const pooled = scheme.cohorts.some((c) => c.pool !== undefined);
  const who = pooled ? '本组（有基准池时为池内）适用企业' : '本组适用企业';
  switch (benchmark.method) {
    case 'fixed': {
      const value =
        benchmark.multiplier === undefined || benchmark.multiplier === '1'
          ? `固定 ${benchmark.value}`
          : `固定 ${benchmark.multiplier} × ${benchmark.value} = ${canonical(dec(benchmark.multiplier).times(dec(benchmark.value)))}`;
      return `${value}（按 ${String(dp)} 位小数使用）`;
    }
    case 'aggregateRatio': {
      const top =
        factor === '1' ? `合计${figureName(numerator)}` : `合计${figureName(numerator)} × ${factor}`;
      return `${who} ${top} ÷ 合计${figureName(denominator)}${rounded}`;
    }
    case 'meanOfValues':
      return `${who}该指标值的算术平均${rounded}`;
    case 'max':
      return `${who}该指标的最大值${rounded}`;
    case 'previousYear': {
      const cohort = benchmark.cohort === undefined ? '同一组' : `「${benchmark.cohort}」组`;
      const key = benchmark.indicator === undefined ? '同一指标' : `「${benchmark.indicator}」指标`;
      const statistic = benchmark.statistic === 'benchmark' ? '公布的基准值' : '适用企业公布的指标值的平均值';
      const k =
        benchmark.multiplier === undefined || benchmark.multiplier === '1'
          ? ''
          : `${benchmark.multiplier} × `;
      return `${k}上年${cohort}${key}${statistic}${rounded}；由上年的评价结果算出（评分时给出上年结果），不手工填写`;
    }
  }
}

function scoreText(indicator: Indicator): string {
  const { scoring, weight, label } = indicator;
  if (scoring.method === 'minMax') {
    const position = indicator.direction === 'higher' ? `(${label} − 最小值)` : `(最大值 − ${label})`;
    const rest = canonical(dec('100').minus(dec(scoring.floor)));
    return (
      `${weight} × [${scoring.floor} + ${rest} × ${position} ÷ (最大值 − 最小值)] ÷ 100，` +
      `最小值、最大值为本组适用企业的该指标值；最大值等于最小值时得满分`
    );
  }
  const ratio = indicator.direction === 'higher' ? `${label} ÷ 基准值` : `基准值 ÷ ${label}`;
  const floor = scoring.floor === undefined ? '0' : scoring.floor;
  const floored = floor === null ? ratio : `max(${ratio}, ${floor})`;
  const bounded = scoring.cap === null ? floored : `min(${floored}, ${scoring.cap})`;
  const cap = scoring.cap === null ? '不封顶' : `最高 ${canonical(dec(weight).times(dec(scoring.cap)))} 分`;
  const lowest =
    floor === null
      ? '不设下限，指标值为负时得分为负'
      : isZero(floor)
        ? '低于 0 记 0'
        : `最低 ${canonical(dec(weight).times(dec(floor)))} 分`;
  const lower =
    indicator.direction === 'lower' ? `；${label} ≤ 0 时记${scoring.cap === null ? ' 0 分' : '最高分'}` : '';
  return `${weight} × ${bounded}（${lowest}，${cap}）${lower}；基准值 ≤ 0 时记 0 分`;
}

function notApplicableText(indicator: Indicator): string {
  const missing = indicator.notApplicable;
  if (missing.method === 'cohortMean') return '按本组适用企业该项得分的平均分计（无适用企业时记 0）';
  if (missing.method === 'zero') return '记 0 分';
  return `记 ${missing.score} 分`;
}

function pointsText(item: Item, words: Words): string {
  const { points } = item;
  if (typeof points === 'string') return `${points} 分`;
  const base = `${words.figure(points.perCount)}（记为 n）≥ ${String(points.from)} 时`;
  const each = isZero(points.each) ? '' : ` + ${points.each} × (n − ${String(points.from)})`;
  return `${base} ${points.base}${each} 分，否则 0 分`;
}

function itemText(item: Item, labels: Words, scheme: Scheme): string {
  const cohorts =
    item.cohorts === undefined
      ? ''
      : `限${item.cohorts.map((id) => scheme.cohorts.find((c) => c.id === id)?.label ?? id).join('、')}；`;
  const when = item.when === undefined ? '' : `条件：${conditionText(item.when, labels)}；`;
  const shift =
    item.classShift === undefined || item.classShift === 0
      ? ''
      : item.classShift > 0
        ? `；提档 ${String(item.classShift)} 档`
        : `；降档 ${String(-item.classShift)} 档`;
  return `${item.label}：${cohorts}${when}${pointsText(item, labels)}${shift}`;
}

function itemLines(scheme: Scheme, labels: Words): ExplanationLine[] {
  const lines: ExplanationLine[] = [];
  const list = (name: string, section: Scheme['bonus']): void => {
    if (section.items.length === 0) {
      lines.push(line(`${name}：无`));
      return;
    }
    const cap = section.cap === null ? '不设上限' : `合计最多 ${section.cap} 分`;
    lines.push(line(`${name}（${cap}）：`));
    for (const item of section.items) lines.push(line(itemText(item, labels, scheme), 1));
  };
  list('加分', scheme.bonus);
  list('减分', scheme.penalty);
  return lines;
}

function classLines(scheme: Scheme, words: Words): ExplanationLine[] {
  const names = scheme.classes.map((c) => `${c.id} 类 ${c.label}`).join('、');
  const ties = [...scheme.tieBreak.map((key) => `${words.figure(key)}高者在前`), '统一社会信用代码小者在前'];
  const lines = [
    line(`类别（由好到差）：${names}；暂不评价为 ${scheme.exemptClass.id} 类 ${scheme.exemptClass.label}。`),
    line(`组内按总分由高到低排名；总分相同时依次按${ties.join('、')}（空值按 0）。`),
  ];
  for (const cohort of scheme.cohorts) lines.push(...cohortClassLines(cohort, scheme));
  return lines;
}

const ROUNDING = { floor: 'floor', nearest: 'round', ceil: 'ceil' } as const;
const ROUNDING_WORDS = { floor: '向下取整', nearest: '四舍五入', ceil: '向上取整' } as const;

function cohortClassLines(cohort: Cohort, scheme: Scheme): ExplanationLine[] {
  const { bands, thresholds } = cohort.classification;
  const last = scheme.classes.at(-1)?.id ?? '';
  const lines = [line(`${cohort.label}（n 为本组参评企业数）：`, 1)];
  if (bands !== undefined) {
    const parts = bands.map(
      (b) => `${b.class} 类为前 ${ROUNDING[b.rounding ?? 'floor']}(${percent(b.cumulativeShare)} × n) 名`,
    );
    const used = [...new Set(bands.map((b) => b.rounding ?? 'floor'))]
      .map((mode) => `${ROUNDING[mode]} 为${ROUNDING_WORDS[mode]}`)
      .join('，');
    lines.push(line(`按名次：${parts.join('，')}，其余为 ${last} 类（${used}）`, 2));
    const { sparesLastClassBelow } = cohort.classification;
    if (sparesLastClassBelow !== undefined) {
      lines.push(line(`本组参评企业不足 ${String(sparesLastClassBelow)} 家时，不按名次评 ${last} 类`, 2));
    }
  }
  if (thresholds !== undefined) {
    const parts = thresholds.map((t) => `${t.class} 类总分 ≥ ${t.minScore}`);
    lines.push(line(`按分数：${parts.join('，')}，其余为 ${last} 类`, 2));
  }
  if (bands !== undefined && thresholds !== undefined) {
    lines.push(line('两者都给出时，取名次和分数所得类别中较差的一个', 2));
  }
  return lines;
}

function overrideText(step: OverrideStep, labels: Words): string {
  const when = (condition: Condition): string => conditionText(condition, labels);
  switch (step.kind) {
    case 'set':
      return `${step.label}：${when(step.when)} → 定为 ${step.class} 类`;
    case 'atBest':
      return `${step.label}：${when(step.when)} → 最高为 ${step.class} 类`;
    case 'atWorst':
      return `${step.label}：${when(step.when)} → 最低为 ${step.class} 类`;
    case 'shift': {
      const way = step.steps >= 0 ? `上调 ${String(step.steps)} 档` : `下调 ${String(-step.steps)} 档`;
      return `${step.label}：${when(step.when)} → ${way}`;
    }
    case 'itemShift':
      return `${step.label}：按所得加减分项目的提档、降档之和调整，最多 ${String(step.maxSteps)} 档`;
  }
}

function overrideLines(scheme: Scheme, labels: Words): ExplanationLine[] {
  if (scheme.overrides.length === 0) return [line('无：最终类别即按名次或分数所得类别。')];
  return [
    line('按名次或分数得到类别后，依次执行：'),
    ...scheme.overrides.map((step, k) => line(`第 ${String(k + 1)} 步，${overrideText(step, labels)}`, 1)),
  ];
}

function roundingLines(scheme: Scheme): ExplanationLine[] {
  const { value, benchmark, score } = scheme.rounding;
  return [
    line('全部按精确的十进制计算，只在下列各处四舍五入（逢 5 进位，负数同样远离 0）：'),
    line(`指标值公布 ${String(value)} 位小数，计分和判断条件时用未经四舍五入的值`, 1),
    line(`基准值四舍五入到 ${String(benchmark)} 位小数，计分时用这个公布的数`, 1),
    line(`每项得分、平均分、加减分和总分为 ${String(score)} 位小数`, 1),
  ];
}

function policyLines(scheme: Scheme): ExplanationLine[] {
  const policy = scheme.policy;
  if (policy === undefined) return [];
  const lines: ExplanationLine[] = [];
  for (const table of Object.values(policy.surcharges)) {
    if (table === undefined) continue;
    lines.push(line(`${table.label}（${table.unit}）：`));
    for (const [classId, tiers] of Object.entries(table.byClass)) {
      const parts = tiers.map((t) => `连续第 ${String(t.fromYear)} 年起加价 ${t.perUnit}`);
      lines.push(line(`${classId} 类：${parts.join('，')}`, 1));
    }
  }
  if (policy.landTaxRelief !== undefined) {
    const parts = Object.entries(policy.landTaxRelief).map(([c, share]) => `${c} 类减免 ${percent(share)}`);
    lines.push(line(`城镇土地使用税：${parts.join('，')}`));
  }
  for (const source of policy.sources) lines.push(line(`依据：${source}`));
  return lines;
}
