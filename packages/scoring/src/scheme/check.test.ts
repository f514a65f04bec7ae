import { describe, expect, it } from 'vitest';
import { checkScheme, chineseMessage } from './check.js';
import { presetDocument, PRESET_IDS } from './load.js';
import type { SchemeInput } from './scheme.js';

function reference(): SchemeInput {
  return structuredClone(presetDocument('reference')) as SchemeInput;
}

function edited(edit: (document: SchemeInput) => void): ReturnType<typeof checkScheme> {
  const document = reference();
  edit(document);
  return checkScheme(document);
}

/** Every message is Chinese: the English original appears, if at all, only inside brackets after it. */
const CHINESE_FIRST = /^[\u3000-\u9fff（「]/;

describe('scheme check', () => {
  it.each(PRESET_IDS)('finds no problem in the shipped preset %s', (id) => {
    const checked = checkScheme(presetDocument(id));
    expect(checked.problems).toEqual([]);
    expect(checked.scheme?.id).toBe(id);
  });

  it('lists every structural problem at once, each with its path, in Chinese', () => {
    const checked = edited((document) => {
      const [first] = document.indicatorSets['above'] ?? [];
      if (first === undefined) throw new Error('the reference has 规上 indicators');
      (first as Record<string, unknown>)['weight'] = 40;
      (first as Record<string, unknown>)['wieght'] = '40';
      (document.cohorts[0] as Record<string, unknown>)['when'] = { figure: 'tax', op: 'less', value: '1' };
      (document.rounding as Record<string, unknown>)['score'] = undefined;
    });
    expect(checked.scheme).toBeNull();
    expect(checked.problems).toEqual([
      { path: 'rounding.score', message: '缺少此项（应为数字）' },
      {
        path: 'indicatorSets.above.0.weight',
        message: '数字要写成带引号的十进制数，如 "40"（不带引号的数字会有二进制误差）',
      },
      {
        path: 'indicatorSets.above.0.wieght',
        message: '不认识的键：拼写有误，或本版本的评价办法语言没有这一项',
      },
      {
        path: 'cohorts.0.when.op',
        message: '应为以下之一："lt"、"lte"、"gt"、"gte"、"eq"、"ne"',
      },
    ]);
  });

  it('names a figure neither the data dictionary nor the scheme declares', () => {
    const checked = edited((document) => {
      document.cohorts[0] = { ...document.cohorts[0], when: { flag: 'exporter' } } as never;
    });
    expect(checked.problems).toEqual([
      {
        path: 'cohorts.0.when',
        message: '没有名为「exporter」的是／否数据（数据字典中没有，figures 中也没有声明）',
      },
    ]);
  });

  it('says which class, cohort or indicator a reference names that the scheme lacks', () => {
    const checked = edited((document) => {
      document.overrides.push({
        kind: 'atBest',
        id: 'v2',
        label: 'v',
        when: { flag: 'highTech' },
        class: 'E',
      });
      document.overrides.push({
        kind: 'set',
        id: 'f2',
        label: 'f',
        when: { indicator: 'taxPerMuu', op: 'lt', value: '1' },
        class: 'D',
      });
      document.bonus.items.push({ id: 'x', label: 'x', cohorts: ['abvoe'], points: '1' });
    });
    expect(checked.problems.map((p) => p.message)).toEqual([
      '没有名为「abvoe」的分组',
      '没有名为「E」的类别（classes 中没有）',
      '没有名为「taxPerMuu」的指标',
    ]);
  });

  it('refuses a fixed benchmark with more decimals than the benchmark rounding keeps, naming what would be used', () => {
    const checked = edited((document) => {
      const below = document.indicatorSets['below']?.[0];
      if (below === undefined) throw new Error('the reference has 规下 indicators');
      below.benchmark = { method: 'fixed', value: '16.601058' };
    });
    expect(checked.problems).toEqual([
      {
        path: 'indicatorSets.below.0.benchmark.value',
        message:
          '基准值 16.601058 有 6 位小数，而 rounding.benchmark 为 4：计分时会四舍五入为 16.6011。请把 rounding.benchmark 改为至少 6',
      },
    ]);
    expect(checked.scheme).toBeNull();
  });

  it('refuses band shares that do not grow and score lines that do not fall', () => {
    const checked = edited((document) => {
      const [above, below] = document.cohorts;
      if (above === undefined || below === undefined) throw new Error('two cohorts');
      above.classification = {
        bands: [
          { class: 'A', cumulativeShare: '0.20' },
          { class: 'B', cumulativeShare: '0.20' },
          { class: 'C', cumulativeShare: '1.5' },
        ],
      };
      below.classification = {
        thresholds: [
          { class: 'A', minScore: '90' },
          { class: 'B', minScore: '95' },
          { class: 'C', minScore: '60' },
        ],
      };
    });
    expect(checked.problems.map((p) => p.path)).toEqual([
      'cohorts.0.classification.bands.1.cumulativeShare',
      'cohorts.0.classification.bands.2.cumulativeShare',
      'cohorts.1.classification.thresholds.1.minScore',
    ]);
  });

  it('warns, without refusing, about weights that do not add up to 100 and an unused indicator set', () => {
    const checked = edited((document) => {
      const above = document.indicatorSets['above'];
      if (above?.[0] === undefined) throw new Error('the reference has 规上 indicators');
      above[0].weight = '35';
      document.indicatorSets['spare'] = structuredClone(document.indicatorSets['below'] ?? []);
    });
    expect(checked.problems).toEqual([]);
    expect(checked.scheme).not.toBeNull();
    expect(checked.warnings).toEqual([
      { path: 'indicatorSets.above', message: '各指标权重合计 95，不是 100：请核对是否为本县办法的权重' },
      { path: 'indicatorSets.spare', message: '没有分组使用这个指标组' },
    ]);
  });

  it('reports a broken extends in Chinese', () => {
    expect(checkScheme({ extends: 'nowhere', id: 'x' }).problems).toEqual([
      {
        path: 'extends',
        message: `没有名为「nowhere」的预置办法（可用：${PRESET_IDS.join(', ')}）`,
      },
    ]);
  });

  it('says a condition no form fits, and picks the nearest form when one is nearest', () => {
    const checked = edited((document) => {
      document.scope.exempt.push({ id: 'odd', label: 'odd', when: { colour: 'red' } });
      document.scope.exempt.push({
        id: 'near',
        label: 'near',
        when: { figure: 'tax', op: 'below', value: '1' },
      });
    });
    expect(checked.problems[0]?.message).toMatch(/^不是可识别的条件/);
    expect(checked.problems[1]).toEqual({
      path: 'scope.exempt.2.when.op',
      message: '应为以下之一："lt"、"lte"、"gt"、"gte"、"eq"、"ne"',
    });
  });

  it('puts every message the scheme checks write into Chinese', () => {
    const messages = [
      'must be a decimal string such as "12.5"',
      'letters, digits, "_" or "-", starting with a letter',
      'give bands, thresholds or both',
      'bonus and penalty item ids must be unique',
      'cohort ids must be unique',
      'indicator keys must be unique',
      'unknown indicator set "x"',
      'unknown indicator "x"',
      'bands must name A, B, C in order',
      'thresholds must name A, B, C in order',
      'unknown cohort "x"',
      'unknown class "E" (one of the classes, not T)',
      'unknown class "E"',
      'the exempt class must differ from the classes',
      'the first tier must start at year 1',
      'tiers must be in ascending fromYear',
      "has more than the table's 2 decimals",
      'must not be negative',
      'must be a share from 0 to 1, such as "0.5"',
      'must be the id of a preset, such as "reference"',
      'presets extend each other in a loop: a → b → a',
      'unknown preset "x" (known: reference)',
      'a figure key: letters, digits or "_", starting with a letter',
      'a date written YYYY-MM-DD',
      '"tax" is a built-in field',
      'declared figure keys must be unique',
      'unknown figure figure "water"',
      'unknown yesNo figure "safety"',
      'unknown date figure "start"',
      'unknown count figure "tenants"',
      'unknown field "water"',
      'cohorts of pool "county" must use one indicator set',
    ];
    for (const message of messages) {
      const chinese = chineseMessage(message);
      expect(chinese, message).toMatch(CHINESE_FIRST);
      expect(chinese, message).not.toMatch(/^不符合要求/);
    }
    expect(chineseMessage('something new')).toBe('不符合要求（something new）');
  });
});
