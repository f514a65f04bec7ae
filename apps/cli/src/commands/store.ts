import { CliError, CliErrorCode } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { storeUsage } from '../help.js';
import { parseCommandWords } from '../options.js';
import type { Terminal } from '../io/terminal.js';

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usageError(message: string): CliError {
  return new CliError(CliErrorCode.Usage, message, 'store');
}

/**
 * `mujun store migrate --from <data dir> --to postgres://…`: moves a county's SQLite store into an empty
 * PostgreSQL database, verified by a digest of every table (nothing is kept when one differs).
 */
export async function storeCommand(args: readonly string[], terminal: Terminal): Promise<ExitCode> {
  const { values, positionals } = parseCommandWords(args, OPTIONS, 'store');
  if (values.help === true) {
    terminal.out(storeUsage());
    return ExitCode.Ok;
  }
  const [action, ...rest] = positionals;
  if (action !== 'migrate' || rest.length > 0) {
    throw usageError(
      '用法：mujun store migrate --from <数据目录> --to postgres://… (usage: mujun store migrate)',
    );
  }
  const from = values.from;
  const to = values.to;
  if (from === undefined || to === undefined || !/^postgres(ql)?:\/\//.test(to)) {
    throw usageError(
      '须给出 --from <SQLite 数据目录> 和 --to postgres://… (give --from <dir> and --to postgres://…)',
    );
  }
  const api = await import('@mujun/api');
  let digests;
  try {
    digests = await api.migrateStore(from, to, (line) => {
      terminal.err(`${line}\n`);
    });
  } catch (error) {
    if (error instanceof api.StoreMigrationError)
      throw new CliError(CliErrorCode.InvalidInput, error.message);
    throw error;
  }
  for (const entry of digests) {
    terminal.out(`${entry.table}\t${entry.rows}\t${entry.postgres}\n`);
  }
  terminal.out(
    `已将 ${from} 迁移到 PostgreSQL，${digests.length} 张表的摘要一致 (migrated; the digests of ${digests.length} tables agree)\n`,
  );
  return ExitCode.Ok;
}
