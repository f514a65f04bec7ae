/**
 * Trace lines as a clerk reads them out. @mujun/scoring writes its formulas (`floor(0.20 × 20)`,
 * `min(max(…, 0), 2)`, `税收实际贡献(万元) 36.9 / 用地面积(亩) 41`), which its tests pin; these say the
 * same in sentences, for what people read: figures with their units and separators, ÷ for a division,
 * and a ratio without a unit (R&D 经费支出占营业收入比重) as a percentage. The pages import this module
 * too (bundled by esbuild), so both say the same, and take its number formats (separated, asPercent).
 */

const BANDS = /（((?:[A-Z] 类 floor\([\d.]+ × \d+\) = 前 \d+ 名，)+)其余为 ([A-Z]) 类）/;
const BAND = /([A-Z]) 类 floor\(([\d.]+) × (\d+)\) = 前 (\d+) 名/g;
const CLAMP = /min\(max\(([^,()]+), 0\), ([\d.]+)\)/g;
const FLOOR0 = /max\(([^,()]+), 0\)/g;
const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
/** `label = header number [× factor] / header number = value unit；rest` (the engine's indicator line). */
const INDICATOR = new RegExp(
  String.raw`^(.+?) = (.+?) (${NUMBER})(?: × (${NUMBER}))? / (.+?) (${NUMBER}) = (${NUMBER}) ?([^；]*)；(.*)$`,
);
const BENCHMARK = new RegExp(String.raw`^基准值 (${NUMBER})(；|，)`);

/** `1234567.5` → `1,234,567.5` (the text is a decimal string; never through a float). */
export function separated(value: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(value);
  if (match === null) return value;
  const [, sign = '', whole = '', fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

/** A fraction as a percentage by moving the point, exactly: `0.0041` → `0.41%`, `1.5` → `150%`. */
export function asPercent(value: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (match === null) return value;
  const [, sign = '', whole = '', fraction = ''] = match;
  const digits = `${whole}${fraction.padEnd(2, '0')}`;
  const point = whole.length + 2;
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point);
  return `${sign}${separated(integer)}${rest === '' ? '' : `.${rest}`}%`;
}

/**
 * A data item's header split into its name and unit: `用地面积(亩)` → 用地面积, 亩; a head count in 人. A
 * county's declared figure may bracket its unit in full-width: `用水量（吨）`.
 */
export function nameAndUnit(header: string): { name: string; unit: string } {
  const match = /^(.*)[(（]([^()（）]*)[)）]$/.exec(header);
  if (match !== null) return { name: match[1] ?? header, unit: match[2] ?? '' };
  return { name: header, unit: header.endsWith('人数') ? '人' : '' };
}

function withUnit(value: string, unit: string): string {
  return unit === '' ? separated(value) : `${separated(value)} ${unit}`;
}

/** Replaces a figure standing alone (not part of a longer number) everywhere in `text`. */
function replaceFigure(text: string, figure: string, by: string): string {
  const escaped = figure.replace(/[.\\]/g, (c) => `\\${c}`);
  return text.replace(new RegExp(String.raw`(?<![\d.])${escaped}(?![\d.])`, 'g'), by);
}

/** An indicator's line: its figures with units, its value (a ratio as %), its benchmark likewise. */
function indicatorSentence(line: string): string {
  const match = INDICATOR.exec(line);
  if (match === null) return line;
  const [, label = '', top = '', numerator = '', factor, bottom = '', denominator = '', value = ''] = match;
  const unit = (match[8] ?? '').trim();
  let rest = match[9] ?? '';
  const ratio = unit === '';
  const shown = (figure: string) => (ratio ? asPercent(figure) : separated(figure));
  const a = nameAndUnit(top);
  const b = nameAndUnit(bottom);
  const times = factor === undefined ? '' : ` × ${separated(factor)}`;
  const head =
    `${label} = ${a.name} ${withUnit(numerator, a.unit)}${times} ÷ ${b.name} ${withUnit(denominator, b.unit)}` +
    ` = ${ratio ? asPercent(value) : withUnit(value, unit)}`;
  const benchmark = BENCHMARK.exec(rest);
  if (benchmark !== null) {
    const figure = benchmark[1] ?? '';
    const after = rest.slice(benchmark[0].length);
    rest = `基准值 ${ratio ? asPercent(figure) : withUnit(figure, unit)}${benchmark[2] ?? '；'}${replaceFigure(
      replaceFigure(after, value, shown(value)),
      figure,
      shown(figure),
    )}`;
  }
  return `${head}；${rest}`;
}

/** A trace line in sentences: bands as places in the cohort, score caps in words, figures as officials write them. */
export function plainTrace(line: string): string {
  let out = line.replace(BANDS, (_, bands: string, rest: string) => {
    const parts = [...bands.matchAll(BAND)];
    const size = parts[0]?.[3] ?? '';
    const listed = parts.map(
      ([, klass = '', fraction = '', , top = '']) =>
        `前 ${top} 名为 ${klass} 类（${asPercent(fraction)}，取整）`,
    );
    return `（本组参评 ${size} 家，${listed.join('，')}，其余为 ${rest} 类）`;
  });
  out = out.replace(
    CLAMP,
    (_, ratio: string, cap: string) =>
      `${ratio.replace(' / ', ' ÷ ')}（比值低于 0 按 0 计、高于 ${cap} 按 ${cap} 计）`,
  );
  out = out.replace(FLOOR0, (_, ratio: string) => `${ratio.replace(' / ', ' ÷ ')}（比值低于 0 按 0 计）`);
  return indicatorSentence(out);
}

const LEVELS: Readonly<Record<string, string>> = { none: '无', province: '省级', national: '国家级' };

/**
 * A contested value as a person reads it, by how its field is written: 是/否 for a yes/no, 无/省级/国家级
 * for 专精特新, `3 户` for a count, and a figure with separators and the unit its header names
 * (`用地面积(亩)` → `18.6 亩`, a head count in 人); null as `（空）`.
 */
export function contestedText(kind: string, header: string, value: string | null): string {
  if (value === null) return '（空）';
  switch (kind) {
    case 'flag':
      return value === 'true' ? '是' : value === 'false' ? '否' : value;
    case 'specialized':
      return LEVELS[value] ?? value;
    case 'count':
      return `${value} 户`;
    default: {
      const { unit } = nameAndUnit(header);
      return withUnit(value, unit);
    }
  }
}
