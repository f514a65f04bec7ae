import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, CliErrorCode } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { parseCommandWords } from '../options.js';
import { backupUsage } from '../help.js';
import type { Terminal } from '../io/terminal.js';

const OPTIONS = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usageError(message: string): CliError {
  return new CliError(CliErrorCode.Usage, message, 'backup');
}

/**
 * `mujun backup <file>`: a consistent copy of the API's store, taken online (SQLite's backup API) while
 * the server keeps serving. Never overwrites a file.
 */
export async function backupCommand(args: readonly string[], terminal: Terminal): Promise<ExitCode> {
  const { values, positionals } = parseCommandWords(args, OPTIONS, 'backup');
  if (values.help === true) {
    terminal.out(backupUsage());
    return ExitCode.Ok;
  }
  const [file, ...rest] = positionals;
  if (file === undefined || rest.length > 0)
    throw usageError('用法：mujun backup <备份文件> (usage: mujun backup <file>)');
  const api = await import('@mujun/api');
  const dataDir = values['data-dir'] ?? api.defaultDataDir();
  if (!existsSync(join(dataDir, api.DATABASE_FILE))) {
    throw new CliError(
      CliErrorCode.InvalidInput,
      `${dataDir} 中没有 mujun 数据库 (no mujun store in ${dataDir})`,
    );
  }
  if (existsSync(file)) throw usageError(`${file} 已存在，不会覆盖 (already exists; choose a new file)`);
  const store = api.openSqliteStore(dataDir);
  try {
    await api.backupStore(store, file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'failed';
    throw new CliError(CliErrorCode.Output, `无法写出备份 ${file} (cannot write the backup: ${reason})`);
  } finally {
    store.close();
  }
  terminal.out(`已将 ${dataDir} 备份到 ${file} (backed up ${dataDir} to ${file})\n`);
  return ExitCode.Ok;
}
