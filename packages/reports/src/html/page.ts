import type { HtmlValue } from './html.js';
import { markup, trusted } from './html.js';
import type { Html } from './html.js';

/**
 * The page every report shares: Chinese first (lang="zh-CN"), system CJK fonts, dark text on white well
 * above WCAG AA contrast, tables with captions and scoped headers, and print rules for A4 (`@page`),
 * repeated table headers and page breaks where a report asks for them (`.sheet` for 一企一单).
 */

const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4f57; --rule: #9aa3ad; --head: #e3eaf3; --band: #f5f7fa; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--ink); background: #fff;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  line-height: 1.55; }
h1 { font-size: 1.6rem; text-align: center; margin: 0.2em 0 0.1em; letter-spacing: 0.05em; }
h2 { font-size: 1.2rem; color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: 0.2em; margin: 1.6em 0 0.6em; }
h3 { font-size: 1.05rem; margin: 1.2em 0 0.4em; }
p.subtitle { text-align: center; color: var(--muted); margin: 0 0 1em; }
p.note { color: var(--muted); font-size: 0.9rem; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding: 0.3em 0; caption-side: top; }
th, td { border: 1px solid var(--rule); padding: 0.25em 0.5em; vertical-align: top; }
thead th { background: var(--head); font-weight: 600; }
tbody th { font-weight: normal; text-align: left; }
tbody tr:nth-child(even) { background: var(--band); }
tr.total th, tr.total td { font-weight: 700; background: var(--head); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.center, th.center { text-align: center; }
.chart { margin: 0.5em 0 1em; }
.chart svg { width: 100%; height: auto; max-width: 960px; display: block; }
.figures { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.2em; }
.signature { margin-top: 1.2em; display: grid; grid-template-columns: 1fr 1fr; gap: 0.8em 2em; }
.signature p { margin: 0; }
.activation { border: 1px dashed var(--muted); padding: 0.4em 0.8em; margin: 0.8em 0; }
.activation p { margin: 0.3em 0; }
.activation .code { font-family: ui-monospace, monospace; font-size: 1.15em; letter-spacing: 0.08em; }
.blank { display: inline-block; min-width: 9em; border-bottom: 1px solid var(--ink); }
.class-badge { font-weight: 700; }
ol.names { columns: 2; column-gap: 2.5em; padding-left: 2.2em; margin: 0.3em 0 1em; }
ol.names li { break-inside: avoid; }
ol.names .town { color: var(--muted); font-size: 0.85em; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, .chart { break-inside: avoid; }
  .sheet { break-after: page; font-size: 9.5pt; line-height: 1.3; }
  .sheet:last-child { break-after: auto; }
  .sheet h1 { font-size: 15pt; margin: 0 0 4pt; }
  .sheet table { margin: 0 0 5pt; font-size: 9pt; }
  .sheet caption { padding: 1pt 0; }
  .sheet th, .sheet td { padding: 1.5pt 4pt; }
  .sheet p { margin: 4pt 0; }
  .sheet ul { margin: 2pt 0; }
  .sheet .signature { margin-top: 8pt; gap: 10pt 2em; }
  tbody tr:nth-child(even) { background: none; }
}
`;

export function pageHead(title: string): Html {
  return markup`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mujun">
<title>${title}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
`;
}

export const PAGE_FOOT = '</body>\n</html>\n';

export function page(title: string, body: HtmlValue): string {
  return `${pageHead(title).text}${markup`${body}`.text}\n${PAGE_FOOT}`;
}

/** A table header cell for a column. */
export function col(text: HtmlValue, className?: string): Html {
  return markup`<th scope="col"${className === undefined ? null : markup` class="${className}"`}>${text}</th>`;
}

/** A number cell (right-aligned, tabular figures); empty shows as —. */
export function num(value: string | number | null | undefined, suffix = ''): Html {
  return value === null || value === undefined || value === ''
    ? markup`<td class="num">—</td>`
    : markup`<td class="num">${value}${suffix}</td>`;
}
