import type { z } from 'zod';
import { canonical, dec } from '../decimal/decimal.js';
import { InvalidSchemeError } from '../errors/errors.js';
import { resolveExtends } from './load.js';
import { schemeSchema } from './scheme.js';
import type { Scheme } from './scheme.js';

/**
 * `mujun scheme check`: every problem of a scheme document at once, each with its path and a Chinese
 * reason a bureau's IT clerk can act on, and the warnings that do not stop grading but usually mean the
 * file does not say the county's 办法 (weights that do not add up to 100, an indicator set no group uses).
 * parseScheme stays the gate that grading goes through; this says the same in words a clerk reads.
 */

export interface SchemeProblem {
  /** `indicatorSets.above.0.weight`, or `(根)` for the document itself. */
  readonly path: string;
  readonly message: string;
}

export interface SchemeCheck {
  /** The parsed scheme when there are no problems. */
  readonly scheme: Scheme | null;
  /** Each of these stops grading. */
  readonly problems: readonly SchemeProblem[];
  /** Worth a look; grading goes ahead. */
  readonly warnings: readonly SchemeProblem[];
}

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

const ROOT = '(根)';

function pathText(path: Path): string {
  return path.map(String).join('.') || ROOT;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '带引号的文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  object: '对象 {…}',
  array: '列表 […]',
  record: '对象 {…}',
  tuple: '列表 […]',
};

const KIND_NAMES: Readonly<Record<string, string>> = {
  figure: '数字',
  yesNo: '是／否',
  date: '日期',
  count: '计数',
};

/** The messages the scheme's own checks write (English, as the library's errors are), in Chinese. */
const TRANSLATIONS: readonly (readonly [RegExp, (match: RegExpExecArray) => string])[] = [
  [
    /^must be a decimal string such as "12\.5"$/,
    () => '应为带引号的十进制数，如 "12.5"（不能写成不带引号的数字）',
  ],
  [/^letters, digits, "_" or "-", starting with a letter$/, () => '只能用字母、数字、"_" 或 "-"，以字母开头'],
  [/^give bands, thresholds or both$/, () => '应给出 bands（按名次比例）、thresholds（按分数线）或两者'],
  [/^bonus and penalty item ids must be unique$/, () => '加分和减分项目的 id 不能重复'],
  [/^cohort ids must be unique$/, () => '分组的 id 不能重复'],
  [/^indicator keys must be unique$/, () => '同一指标组内的指标 key 不能重复'],
  [/^unknown indicator set "(.*)"$/, (m) => `没有名为「${m[1] ?? ''}」的指标组（indicatorSets）`],
  [/^unknown indicator "(.*)"$/, (m) => `没有名为「${m[1] ?? ''}」的指标`],
  [
    /^bands must name (.*) in order$/,
    (m) => `按名次的比例（bands）应依次列出 ${m[1] ?? ''} 类（最后一类不列，为其余企业）`,
  ],
  [
    /^thresholds must name (.*) in order$/,
    (m) => `分数线（thresholds）应依次列出 ${m[1] ?? ''} 类（最后一类不列）`,
  ],
  [/^unknown cohort "(.*)"$/, (m) => `没有名为「${m[1] ?? ''}」的分组`],
  [
    /^unknown class "(.*)" \(one of the classes, not (.*)\)$/,
    (m) => `没有名为「${m[1] ?? ''}」的类别（应为 classes 中的类别，不能是 ${m[2] ?? ''}）`,
  ],
  [/^unknown class "(.*)"$/, (m) => `没有名为「${m[1] ?? ''}」的类别（classes 中没有）`],
  [/^the exempt class must differ from the classes$/, () => '暂不评价类别（exemptClass）不能与评价类别同名'],
  [/^the first tier must start at year 1$/, () => '第一档应从第 1 年开始（fromYear 为 1）'],
  [/^tiers must be in ascending fromYear$/, () => '各档的 fromYear 应从小到大'],
  [/^has more than the table's (\d+) decimals$/, (m) => `小数位多于本表规定的 ${m[1] ?? ''} 位`],
  [/^must not be negative$/, () => '不能为负数'],
  [
    /^a figure key: letters, digits or "_", starting with a letter$/,
    () => '数据的 key 只能用字母、数字或 "_"，以字母开头',
  ],
  [/^a date written YYYY-MM-DD$/, () => '日期应写成 YYYY-MM-DD，如 "2023-01-01"'],
  [/^"(.*)" is a built-in field$/, (m) => `「${m[1] ?? ''}」是数据字典已有的数据，不必也不能另行声明`],
  [/^declared figure keys must be unique$/, () => '另加数据（figures）的 key 不能重复'],
  [
    /^unknown (figure|yesNo|date|count) figure "(.*)"$/,
    (m) =>
      `没有名为「${m[2] ?? ''}」的${KIND_NAMES[m[1] ?? ''] ?? ''}数据（数据字典中没有，figures 中也没有声明）`,
  ],
  [
    /^unknown field "(.*)"$/,
    (m) => `没有名为「${m[1] ?? ''}」的数据（数据字典中没有，figures 中也没有声明）`,
  ],
  [
    /^cohorts of pool "(.*)" must use one indicator set$/,
    (m) => `共用基准池「${m[1] ?? ''}」的各组应使用同一个指标组`,
  ],
  [/^must be a share from 0 to 1, such as "0\.5"$/, () => '应为 0 到 1 之间的比例，如 "0.5"'],
  [/^must be the id of a preset, such as "reference"$/, () => '应为预置评价办法的 id，如 "reference"'],
  [/^presets extend each other in a loop: (.*)$/, (m) => `预置办法相互继承，形成循环：${m[1] ?? ''}`],
  [
    /^unknown preset "(.*)" \(known: (.*)\)$/,
    (m) => `没有名为「${m[1] ?? ''}」的预置办法（可用：${m[2] ?? ''}）`,
  ],
  [/^preset "(.*)" is not an object$/, (m) => `预置办法「${m[1] ?? ''}」不是对象`],
];

/** A message from the library's own checks in Chinese, or the original behind a Chinese lead-in. */
export function chineseMessage(message: string): string {
  for (const [pattern, say] of TRANSLATIONS) {
    const match = pattern.exec(message);
    if (match !== null) return say(match);
  }
  return `不符合要求（${message}）`;
}

function list(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join('、');
}

/** The problems one zod issue stands for, its path made absolute. */
function problemsOf(issue: Issue, base: Path): SchemeProblem[] {
  const path = [...base, ...issue.path];
  const one = (message: string): SchemeProblem[] => [{ path: pathText(path), message }];
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return one(`缺少此项（应为${expected}）`);
      if (issue.expected === 'string' && typeof issue.input === 'number') {
        return one(`数字要写成带引号的十进制数，如 "${String(issue.input)}"（不带引号的数字会有二进制误差）`);
      }
      return one(`应为${expected}`);
    }
    case 'invalid_value':
      if (issue.input === undefined) return one(`缺少此项（应为以下之一：${list(issue.values)}）`);
      return one(
        issue.values.length === 1 ? `应为 ${list(issue.values)}` : `应为以下之一：${list(issue.values)}`,
      );
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: pathText([...path, key]),
        message: '不认识的键：拼写有误，或本版本的评价办法语言没有这一项',
      }));
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set')
        return one(`至少要有 ${String(issue.minimum)} 项`);
      if (issue.origin === 'string') return one('不能为空');
      return one(`不能小于 ${String(issue.minimum)}`);
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'set') return one(`最多 ${String(issue.maximum)} 项`);
      return one(`不能大于 ${String(issue.maximum)}`);
    case 'invalid_format':
      if (issue.message.startsWith('Invalid')) {
        const last = path.at(-1);
        const inIndustry = path.includes('industry') || last === 'industry';
        return one(
          inIndustry ? '行业代码应为 1 至 4 位数字，可带一个字母门类，如 "36" 或 "C36"' : '格式不对',
        );
      }
      return one(chineseMessage(issue.message));
    case 'invalid_union':
      return unionProblems(issue, path);
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'not_multiple_of':
      return one(chineseMessage(issue.message));
  }
}

/**
 * A discriminated union with a wrong tag names the tags; a plain union (a condition) reports the branch
 * that came nearest, the one with the fewest issues, or says no form fits when two come equally near.
 */
function unionProblems(issue: z.core.$ZodIssueInvalidUnion, path: Path): SchemeProblem[] {
  if (issue.errors.length === 0) {
    const extra = issue as unknown as { options?: readonly unknown[]; discriminator?: string };
    const options = extra.options === undefined ? '' : `：${list(extra.options)}`;
    return [{ path: pathText(path), message: `不是可识别的写法，应为以下之一${options}` }];
  }
  const sizes = issue.errors.map((branch) => branch.length);
  const fewest = Math.min(...sizes);
  const nearest = issue.errors.filter((branch) => branch.length === fewest);
  const [only] = nearest;
  if (nearest.length === 1 && only !== undefined) return only.flatMap((inner) => problemsOf(inner, path));
  return [
    {
      path: pathText(path),
      message:
        '不是可识别的条件：应为 flag、reason、scale、specialized、figure、ratio、indicator、industry、text、all、any 或 not 中的一种写法',
    },
  ];
}

const decimals = (text: string): number => text.split('.')[1]?.length ?? 0;

/** What the schema accepts but a county almost never means. Problems stop grading; warnings do not. */
function reviewScheme(scheme: Scheme): { problems: SchemeProblem[]; warnings: SchemeProblem[] } {
  const problems: SchemeProblem[] = [];
  const warnings: SchemeProblem[] = [];
  const problem = (path: Path, message: string): void => {
    problems.push({ path: pathText(path), message });
  };
  const dp = scheme.rounding.benchmark;
  const used = new Set(scheme.cohorts.map((cohort) => cohort.indicators));
  for (const [name, set] of Object.entries(scheme.indicatorSets)) {
    if (!used.has(name)) {
      warnings.push({ path: pathText(['indicatorSets', name]), message: '没有分组使用这个指标组' });
    }
    const total = set.reduce((sum, indicator) => sum.plus(dec(indicator.weight)), dec('0'));
    if (!total.equals(100)) {
      warnings.push({
        path: pathText(['indicatorSets', name]),
        message: `各指标权重合计 ${canonical(total)}，不是 100：请核对是否为本县办法的权重`,
      });
    }
    set.forEach((indicator, k) => {
      const at = ['indicatorSets', name, k];
      const { benchmark, scoring, weight } = indicator;
      if (dec(weight).isNegative()) problem([...at, 'weight'], '权重不能为负数');
      if (benchmark.method === 'fixed') {
        const value = dec(benchmark.value).times(dec(benchmark.multiplier ?? '1'));
        if (!value.isPositive()) {
          problem([...at, 'benchmark'], '固定基准值应大于 0（否则每家企业该项都记 0 分）');
        } else if (decimals(canonical(value)) > dp) {
          problem(
            [...at, 'benchmark', 'value'],
            `基准值 ${canonical(value)} 有 ${String(decimals(canonical(value)))} 位小数，而 rounding.benchmark 为 ${String(dp)}：` +
              `计分时会四舍五入为 ${value.toFixed(dp)}。请把 rounding.benchmark 改为至少 ${String(decimals(canonical(value)))}`,
          );
        }
      }
      if (scoring.method === 'minMax') {
        const floor = dec(scoring.floor);
        if (floor.isNegative() || floor.greaterThan(100)) {
          problem([...at, 'scoring', 'floor'], '保底比例应在 0 到 100 之间（如 20 表示至少得权重的 20%）');
        }
      } else {
        if (scoring.cap !== null && !dec(scoring.cap).isPositive()) {
          problem([...at, 'scoring', 'cap'], '封顶倍数应大于 0；不封顶请写 null');
        }
        const { floor } = scoring;
        if (typeof floor === 'string' && scoring.cap !== null && dec(floor).greaterThan(dec(scoring.cap))) {
          problem([...at, 'scoring', 'floor'], `下限 ${floor} 倍高于封顶 ${scoring.cap} 倍`);
        }
      }
    });
  }
  scheme.cohorts.forEach((cohort, i) => {
    const { bands, thresholds } = cohort.classification;
    let previous = dec('0');
    bands?.forEach((band, k) => {
      const share = dec(band.cumulativeShare);
      if (share.lessThanOrEqualTo(previous) || share.greaterThan(1)) {
        problem(
          ['cohorts', i, 'classification', 'bands', k, 'cumulativeShare'],
          '累计比例应逐档增大，且在 0（不含）到 1 之间，如 A 0.20、B 0.75、C 0.95',
        );
      }
      previous = share;
    });
    thresholds?.forEach((threshold, k) => {
      const before = thresholds[k - 1];
      if (before !== undefined && dec(threshold.minScore).greaterThan(dec(before.minScore))) {
        problem(
          ['cohorts', i, 'classification', 'thresholds', k, 'minScore'],
          `分数线应逐档降低：${threshold.class} 类的 ${threshold.minScore} 高于 ${before.class} 类的 ${before.minScore}`,
        );
      }
    });
  });
  return { problems, warnings };
}

/** Checks a scheme document (parsed JSON, `extends` allowed) and lists every problem and warning. */
export function checkScheme(document: unknown): SchemeCheck {
  let resolved: unknown;
  try {
    resolved = resolveExtends(document);
  } catch (error) {
    if (!(error instanceof InvalidSchemeError)) throw error;
    const problems = error.issues.map((issue) => ({
      path: issue.path,
      message: chineseMessage(issue.message),
    }));
    return { scheme: null, problems, warnings: [] };
  }
  const parsed = schemeSchema.safeParse(resolved, { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => problemsOf(issue, []));
    return { scheme: null, problems, warnings: [] };
  }
  const { problems, warnings } = reviewScheme(parsed.data);
  return { scheme: problems.length === 0 ? parsed.data : null, problems, warnings };
}
