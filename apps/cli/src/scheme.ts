import { existsSync, readFileSync } from 'node:fs';
import { parseScheme, presetDocument, presetScheme, PRESET_IDS } from '@mujun/scoring';
import type { Scheme } from '@mujun/scoring';
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
