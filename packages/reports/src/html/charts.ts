import type { FiveNumbers } from '../build/quantiles.js';
import type { DecimalString } from '../decimal.js';
import { markup } from './html.js';
import type { Html } from './html.js';

/**
 * Inline SVG charts, drawn from the exact figures the tables beside them print. The figures become
 * numbers only here, as pixel coordinates (a rounding error of 1e-16 of a pixel is no error); every label
 * on a chart is the exact decimal string. Each chart is an image with a title and description for screen
 * readers, and the table next to it carries the same figures as text.
 */

/** Fill per class position (best first), all dark enough for white labels (contrast ≥ 5.4:1). */
const CLASS_FILLS = ['#1b6e3a', '#2563a8', '#9a5b00', '#b3261e', '#6b3fa0', '#00707a'];
export const EXEMPT_FILL = '#5f6670';

export function classFill(position: number): string {
  return CLASS_FILLS[position % CLASS_FILLS.length] ?? EXEMPT_FILL;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

export interface StackedRow {
  readonly label: string;
  readonly total: number;
  readonly segments: readonly {
    readonly id: string;
    readonly count: number;
    readonly percent: string | null;
  }[];
}

/** 100%-stacked horizontal bars: one bar per group, one segment per class, counts written in. */
export function classBars(options: {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly classes: readonly { readonly id: string; readonly label: string }[];
  readonly rows: readonly StackedRow[];
}): Html {
  const { id, classes, rows } = options;
  const width = 900;
  const labelWidth = 190;
  const countWidth = 80;
  const barWidth = width - labelWidth - countWidth - 10;
  const rowHeight = 26;
  const gap = 10;
  const legendHeight = 34;
  const height = legendHeight + rows.length * (rowHeight + gap) + 6;
  const legend = classes.map((c, i) => {
    const x = labelWidth + i * 150;
    return markup`<g><rect x="${x}" y="8" width="16" height="16" fill="${classFill(i)}"/><text x="${x + 22}" y="21" class="legend">${c.id} ${c.label}</text></g>`;
  });
  const bars = rows.map((row, r) => {
    const y = legendHeight + r * (rowHeight + gap);
    let x = labelWidth;
    const segments = row.segments.map((segment) => {
      const position = classes.findIndex((c) => c.id === segment.id);
      const w = row.total === 0 ? 0 : (segment.count / row.total) * barWidth;
      const share = segment.percent === null ? '' : `（${segment.percent}%）`;
      const rect = markup`<rect x="${round1(x)}" y="${y}" width="${round1(w)}" height="${rowHeight}" fill="${classFill(position)}" stroke="#fff" stroke-width="1"><title>${row.label} ${segment.id}类 ${segment.count} 家${share}</title></rect>`;
      const label =
        w >= 26
          ? markup`<text x="${round1(x + w / 2)}" y="${y + 17.5}" class="in" text-anchor="middle">${segment.id} ${segment.count}</text>`
          : null;
      x += w;
      return markup`${rect}${label}`;
    });
    const empty =
      row.total === 0
        ? markup`<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="${rowHeight}" fill="none" stroke="#9aa3ad" stroke-dasharray="4 3"/>`
        : null;
    return markup`<g><text x="${labelWidth - 8}" y="${y + 17.5}" text-anchor="end">${row.label}</text>${empty}${segments}<text x="${labelWidth + barWidth + 8}" y="${y + 17.5}">${row.total} 家</text></g>`;
  });
  return markup`<figure class="chart"><svg id="${id}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg" font-size="13">
<title id="${id}-title">${options.title}</title>
<desc id="${id}-desc">${options.description}</desc>
<style>text { fill: #1a1a1a; font-family: inherit; } text.in { fill: #fff; font-weight: 600; font-size: 12px; } text.legend { font-size: 13px; }</style>
${legend}${bars}
</svg></figure>`;
}

/** Round tick steps (1, 2, 5 × 10^k) covering [low, high]. */
function ticks(low: number, high: number, wanted = 6): number[] {
  const span = high - low || 1;
  const raw = span / wanted;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(low / step) * step;
  const out: number[] = [];
  for (let t = first; t <= high + step * 1e-9; t += step) out.push(Math.round(t / step) * step);
  if ((out.at(-1) ?? 0) < high) out.push((out.at(-1) ?? 0) + step);
  return out;
}

function tickLabel(value: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return value.toFixed(decimals);
}

export interface BoxRow {
  readonly label: string;
  readonly spread: FiveNumbers;
}

export interface Marker {
  readonly value: DecimalString;
  readonly label: string;
  /** A threshold (red) or a reference figure such as the county's aggregate (green). */
  readonly kind: 'threshold' | 'reference';
}

/**
 * Horizontal box plots on one scale: whiskers from min to max, the box from the lower to the upper
 * quartile, a thick line at the median; dashed reference lines (a threshold, the county's aggregate).
 */
export function boxPlot(options: {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly unit: string;
  readonly rows: readonly BoxRow[];
  readonly markers: readonly Marker[];
}): Html {
  const { id, rows, markers } = options;
  const width = 900;
  const labelWidth = 190;
  const right = 30;
  const plotWidth = width - labelWidth - right;
  const rowHeight = 30;
  const top = 40;
  const height = top + rows.length * rowHeight + 40;
  // The coordinate boundary: exact quantile strings become numbers for positions only.
  const values = [
    ...rows.flatMap((row) => [Number(row.spread.min), Number(row.spread.max)]),
    ...markers.map((marker) => Number(marker.value)),
  ];
  const low = Math.min(0, ...values);
  const high = Math.max(1, ...values);
  const scale = ticks(low, high);
  const from = scale[0] ?? low;
  const to = scale.at(-1) ?? high;
  const step = (scale[1] ?? to) - from || 1;
  const x = (value: number): number => round1(labelWidth + ((value - from) / (to - from || 1)) * plotWidth);
  const axisY = top + rows.length * rowHeight + 4;
  const axis = scale.map(
    (t) =>
      markup`<g><line x1="${x(t)}" x2="${x(t)}" y1="${top - 6}" y2="${axisY}" stroke="#d5dbe2"/><text x="${x(t)}" y="${axisY + 16}" text-anchor="middle" class="tick">${tickLabel(t, step)}</text></g>`,
  );
  const boxes = rows.map((row, r) => {
    const cy = top + r * rowHeight + rowHeight / 2;
    const s = row.spread;
    const [min, q1, median, q3, max] = [s.min, s.q1, s.median, s.q3, s.max].map((v) => x(Number(v))) as [
      number,
      number,
      number,
      number,
      number,
    ];
    return markup`<g><title>${row.label}：${s.n} 家，最小 ${s.min}，下四分位 ${s.q1}，中位数 ${s.median}，上四分位 ${s.q3}，最大 ${s.max} ${options.unit}</title>
<text x="${labelWidth - 8}" y="${cy + 4.5}" text-anchor="end">${row.label}（${s.n}）</text>
<line x1="${min}" x2="${max}" y1="${cy}" y2="${cy}" stroke="#3b4550" stroke-width="1.5"/>
<line x1="${min}" x2="${min}" y1="${cy - 7}" y2="${cy + 7}" stroke="#3b4550" stroke-width="1.5"/>
<line x1="${max}" x2="${max}" y1="${cy - 7}" y2="${cy + 7}" stroke="#3b4550" stroke-width="1.5"/>
<rect x="${q1}" y="${cy - 9}" width="${round1(Math.max(q3 - q1, 1))}" height="18" fill="#cfe0f3" stroke="#1f4e79" stroke-width="1.5"/>
<line x1="${median}" x2="${median}" y1="${cy - 9}" y2="${cy + 9}" stroke="#1f4e79" stroke-width="3.5"/></g>`;
  });
  const lines = markers.map((marker, i) => {
    const mx = x(Number(marker.value));
    const anchor = mx > labelWidth + plotWidth * 0.7 ? 'end' : 'start';
    const tx = anchor === 'end' ? mx - 4 : mx + 4;
    return markup`<g class="${marker.kind}"><line x1="${mx}" x2="${mx}" y1="${top - 8}" y2="${axisY}" stroke-width="1.5" stroke-dasharray="5 4"/><text x="${tx}" y="${12 + i * 14}" text-anchor="${anchor}" class="marker">${marker.label} ${marker.value}</text></g>`;
  });
  return markup`<figure class="chart"><svg id="${id}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg" font-size="13">
<title id="${id}-title">${options.title}</title>
<desc id="${id}-desc">${options.description}</desc>
<style>text { fill: #1a1a1a; font-family: inherit; } text.tick { font-size: 12px; fill: #4a4f57; } text.marker { font-size: 12px; font-weight: 600; } .threshold line { stroke: #b3261e; } .threshold text { fill: #b3261e; } .reference line { stroke: #1b6e3a; } .reference text { fill: #1b6e3a; }</style>
${axis}${boxes}${lines}
<text x="${labelWidth + plotWidth}" y="${axisY + 32}" text-anchor="end" class="tick">${options.unit}</text>
</svg></figure>`;
}
