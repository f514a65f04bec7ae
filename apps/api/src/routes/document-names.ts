import type { Evaluation, Phase } from '../store/store.js';

/**
 * The names of the files the pages download: the year, what the file is, and which grading it is of
 * (`2025年度评价结果（草稿）.xlsx`, `2025年度公示名单.xlsx`, `2025年度一企一单（院桥镇）.html`), so a
 * draft and a final download never share a name. The ASCII fallback (RFC 6266 `filename`) says the
 * same in Latin letters.
 */

/** Which grading a download is of, as its name says it: none for the published one, the notice itself. */
function stateOf(evaluation: Evaluation, phase: Phase): { zh: string | null; ascii: string } {
  if (evaluation.state === 'draft') return { zh: '草稿', ascii: 'draft' };
  if (phase === 'initial') return { zh: null, ascii: 'published' };
  if (evaluation.state === 'final') return { zh: '定稿', ascii: 'final' };
  return { zh: '复核后', ascii: 'recomputed' };
}

export interface DocumentName {
  readonly name: string;
  readonly ascii: string;
}

/**
 * `kind` is the file's Chinese title and its ASCII word; `scope` a town or an enterprise the file is
 * limited to (in the Chinese name only: the ASCII one carries no Chinese).
 */
export function documentName(
  evaluation: Evaluation,
  phase: Phase,
  kind: { readonly zh: string; readonly ascii: string },
  extension: 'xlsx' | 'html' | 'json',
  scope: string | null = null,
): DocumentName {
  const state = stateOf(evaluation, phase);
  const year = evaluation.year === null ? '' : `${String(evaluation.year)}年度`;
  const notes = [scope, state.zh].filter((note): note is string => note !== null && note !== '');
  const name = `${year}${kind.zh}${notes.map((note) => `（${note}）`).join('')}.${extension}`;
  const ascii = [evaluation.year === null ? evaluation.id : String(evaluation.year), kind.ascii, state.ascii]
    .join('-')
    .replace(/[^A-Za-z0-9-]/g, '');
  return { name, ascii: `${ascii}.${extension}` };
}
