import type { Explanation } from './explain.js';

/** The explanation as plain text: numbered headings, points indented two spaces a level. */
export function explanationText(explanation: Explanation): string {
  const out = [explanation.title, ''];
  for (const section of explanation.sections) {
    out.push(section.heading);
    for (const { text, level } of section.lines) {
      out.push(level === 0 ? `  ${text}` : `${'  '.repeat(level + 1)}· ${text}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Markdown, for a guide or a page on the bureau's site; the text is escaped where Markdown would read it. */
export function explanationMarkdown(explanation: Explanation): string {
  const out = [`# ${escape(explanation.title)}`, ''];
  for (const section of explanation.sections) {
    out.push(`## ${escape(section.heading)}`, '');
    let inList = false;
    for (const { text, level } of section.lines) {
      if (level === 0) {
        if (inList) out.push('');
        out.push(escape(text), '');
        inList = false;
      } else {
        out.push(`${'  '.repeat(level - 1)}- ${escape(text)}`);
        inList = true;
      }
    }
    if (inList) out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** `*`, `_`, `[`, `]`, `<`, `>`, `#` and backslashes would be read as Markdown; × and ÷ are not. */
function escape(text: string): string {
  return text.replace(/[\\*_[\]<>#`|]/g, (c) => `\\${c}`);
}
