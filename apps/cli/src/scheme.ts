import { existsSync, readFileSync } from 'node:fs';
import { parsePreviousResult, parseScheme, presetDocument, presetScheme, PRESET_IDS } from '@mujun/scoring';
import type { PreviousResult, Scheme } from '@mujun/scoring';
import { CliError, CliErrorCode } from './errors.js';

export const DEFAULT_SCHEME = 'reference';

/** A path is anything with a separator, a `.json` name, or an existing file; else it names a preset. */
function isPath(argument: string): boolean {
  return /[\\/]/.test(argument) || argument.toLowerCase().endsWith('.json') || existsSync(argument);
}

/**
 * The scheme a `--scheme` argument names: a shipped preset id, or a scheme.json a county wrote. Presets
 * win over a same-named file in the working directory, so `--scheme reference` always means the preset.
 * Throws UnknownPresetError or InvalidSchemeError (from the library) or a CliError for an unreadable file.
 */
export function loadScheme(argument: string): Scheme {
  if (PRESET_IDS.includes(argument) || !isPath(argument)) return presetScheme(argument);
  return parseScheme(readSchemeDocument(argument));
}

/** The document a scheme argument names, unvalidated: a preset's as shipped, or a file's parsed JSON. */
export function readSchemeDocument(argument: string): unknown {
  if (PRESET_IDS.includes(argument) || !isPath(argument)) return presetDocument(argument);
  let text: string;
  try {
    text = readFileSync(argument, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new CliError(
      CliErrorCode.InvalidInput,
      `无法读取评价办法文件 ${argument} (cannot read the scheme file: ${reason})`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    throw new CliError(
      CliErrorCode.InvalidInput,
      `评价办法文件 ${argument} 不是有效的 JSON (not valid JSON: ${reason})`,
    );
  }
}

/** Last year's result file (`mujun grade --out 上年结果.json`), for benchmarks taken from it. */
export function loadPreviousResult(path: string): PreviousResult {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new CliError(
      CliErrorCode.InvalidInput,
      `无法读取上年结果文件 ${path} (cannot read last year's result: ${reason})`,
    );
  }
  const parsed = parsePreviousResult(document);
  if ('problem' in parsed) {
    throw new CliError(
      CliErrorCode.InvalidInput,
      `上年结果文件 ${path} 不是 mujun grade 的 JSON 结果（${parsed.problem}）(not a mujun grade result.json)`,
    );
  }
  return parsed.previous;
}
