import { readFileSync } from 'node:fs';
import { encodingNamed, ENCODINGS, readTable } from '@mujun/sheets';
import type { Encoding, SourceTable } from '@mujun/sheets';
import type { DeclaredColumn } from '@mujun/scoring';
import { CliError, CliErrorCode } from './errors.js';

/** The options that name input files, shared by the commands that read them. */
export const INPUT_OPTIONS = {
  input: { type: 'string', short: 'i', multiple: true },
  sheet: { type: 'string', multiple: true },
  encoding: { type: 'string', multiple: true },
} as const;

/** What inputSpecs needs of parseArgs's tokens (`tokens: true`): the options in command-line order. */
export interface OptionToken {
  readonly kind: string;
  readonly name?: string;
  readonly value?: string | undefined;
}

/** One input file and how to read it. */
export interface InputSpec {
  readonly path: string;
  readonly sheet?: string;
  readonly encoding: Encoding;
}

interface Pending {
  readonly path: string;
  sheet?: string;
  encoding?: string;
}

function encodingOf(name: string, command: string): Encoding {
  const encoding = encodingNamed(name);
  if (encoding === undefined) {
    throw new CliError(
      CliErrorCode.Usage,
      `--encoding ${name} 不支持，可用：${ENCODINGS.join('、')} (unknown encoding; use ${ENCODINGS.join(', ')})`,
      command,
    );
  }
  return encoding;
}

/**
 * The input files of `--input` (repeatable: one file per department), in order. A `--sheet` or
 * `--encoding` after an `--input` is that file's; before the first `--input` it is every file's default:
 *
 *   --input 税务.xlsx --sheet 2025 --input 国土.csv --encoding gbk
 *   --encoding gb18030 --input a.csv --input b.csv
 */
export function inputSpecs(
  parsed: { readonly tokens?: readonly OptionToken[] },
  command: string,
): InputSpec[] {
  const { tokens } = parsed;
  if (tokens === undefined) throw new Error('inputSpecs needs parseArgs(…, { tokens: true })');
  const defaults: { sheet?: string; encoding?: string } = {};
  const pending: Pending[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    const { name, value } = token;
    if (name === 'input') pending.push({ path: value });
    else if (name === 'sheet' || name === 'encoding') {
      const target = pending.at(-1) ?? defaults;
      if (target[name] !== undefined) {
        const whose =
          pending.length === 0 ? '所有输入文件 (every input)' : `--input ${pending.at(-1)?.path ?? ''}`;
        throw new CliError(
          CliErrorCode.Usage,
          `--${name} 对 ${whose} 给了两次 (given twice for the same input)`,
          command,
        );
      }
      target[name] = value;
    }
  }
  if (pending.length === 0) {
    throw new CliError(CliErrorCode.Usage, '缺少 --input <数据.xlsx|数据.csv> (missing --input)', command);
  }
  return pending.map(({ path, sheet = defaults.sheet, encoding = defaults.encoding }) => {
    const spec = { path, encoding: encoding === undefined ? 'auto' : encodingOf(encoding, command) };
    return sheet === undefined ? spec : { ...spec, sheet };
  });
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new CliError(
      CliErrorCode.InvalidInput,
      `无法读取输入文件 ${path} (cannot read the input file: ${reason})`,
    );
  }
}

/**
 * Reads the input files one after another, each into a SourceTable (XLSX or CSV, told by content). A
 * file that is no table at all throws the sheets package's SheetError; bad cells are the tables' issues.
 */
export async function readInputs(
  specs: readonly InputSpec[],
  figures: readonly DeclaredColumn[] = [],
): Promise<SourceTable[]> {
  const tables: SourceTable[] = [];
  for (const spec of specs) {
    const options = { file: spec.path, encoding: spec.encoding, figures };
    tables.push(
      await readTable(
        readBytes(spec.path),
        spec.sheet === undefined ? options : { ...options, sheet: spec.sheet },
      ),
    );
  }
  return tables;
}
