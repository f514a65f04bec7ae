import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { inputTemplate } from '@mujun/sheets';
import { CliError, CliErrorCode } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { parseCommandOptions } from '../options.js';
import { templateUsage } from '../help.js';
import { writeStreamAtomically } from '../io/atomic-file.js';
import { loadScheme } from '../scheme.js';
import type { Terminal } from '../io/terminal.js';

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  scheme: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usageError(message: string): CliError {
  return new CliError(CliErrorCode.Usage, message, 'template');
}

/**
 * `mujun template`: writes the empty input workbook, with the columns `--scheme` declares. Never over an existing file: a clerk's filled-in
 * template of the same name would be lost.
 */
export async function templateCommand(args: readonly string[], terminal: Terminal): Promise<ExitCode> {
  const options = parseCommandOptions(args, OPTIONS, 'template');
  if (options.help === true) {
    terminal.out(templateUsage());
    return ExitCode.Ok;
  }
  const { out } = options;
  if (out === undefined) throw usageError('缺少 --out <模板.xlsx> (missing --out)');
  if (extname(out).toLowerCase() !== '.xlsx') {
    throw usageError(`--out 应为 .xlsx 文件：${out} (the template must end in .xlsx)`);
  }
  if (existsSync(out)) {
    throw usageError(`${out} 已存在，请换一个文件名 (the file exists; choose another name)`);
  }
  // A county scheme's own figures (用水量 …) become columns after the data dictionary's.
  const scheme = options.scheme === undefined ? undefined : loadScheme(options.scheme);
  const bytes = await inputTemplate(scheme?.figures ?? []);
  try {
    await writeStreamAtomically(out, (stream) => {
      stream.end(bytes);
      return Promise.resolve();
    });
  } catch (error) {
    if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      throw new CliError(
        CliErrorCode.Output,
        `无法写出模板 ${out} (cannot write the template: ${error.message})`,
      );
    }
    throw error;
  }
  terminal.out(
    `已写出填报模板 ${out}：在「企业数据」表第 3 行起填写，各列说明见「说明」表 ` +
      `(wrote ${out}: fill in sheet 企业数据 from row 3; sheet 说明 describes each column)\n`,
  );
  return ExitCode.Ok;
}
