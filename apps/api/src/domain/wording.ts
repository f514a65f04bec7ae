/**
 * Trace lines as a clerk reads them out. @mujun/scoring writes its formulas (`floor(0.20 × 20)`,
 * `min(max(…, 0), 2)`), which its tests pin; these say the same in sentences, for what people read.
 * The pages import this module too (bundled by esbuild), so both say the same.
 */

const BANDS = /（((?:[A-Z] 类 floor\([\d.]+ × \d+\) = 前 \d+ 名，)+)其余为 ([A-Z]) 类）/;
const BAND = /([A-Z]) 类 floor\(([\d.]+) × (\d+)\) = 前 (\d+) 名/g;
const CLAMP = /min\(max\(([^,()]+), 0\), ([\d.]+)\)/g;

function share(fraction: string): string {
  const [whole = '0', decimals = ''] = fraction.split('.');
  const digits = `${whole}${decimals.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  return `${digits.slice(0, digits.length - Math.max(0, decimals.length - 2))}${
    decimals.length > 2 ? `.${decimals.slice(2)}` : ''
  }%`;
}

export function plainTrace(line: string): string {
  let out = line.replace(BANDS, (_, bands: string, rest: string) => {
    const parts = [...bands.matchAll(BAND)];
    const size = parts[0]?.[3] ?? '';
    const listed = parts.map(
      ([, klass = '', fraction = '', , top = '']) => `前 ${top} 名为 ${klass} 类（${share(fraction)}，取整）`,
    );
    return `（本组参评 ${size} 家，${listed.join('，')}，其余为 ${rest} 类）`;
  });
  out = out.replace(
    CLAMP,
    (_, ratio: string, cap: string) =>
      `${ratio.replace(' / ', ' ÷ ')}（比值低于 0 按 0 计、高于 ${cap} 按 ${cap} 计）`,
  );
  return out;
}
