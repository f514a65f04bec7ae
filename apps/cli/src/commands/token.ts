import { CliError, CliErrorCode } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { parseCommandWords } from '../options.js';
import { tokenUsage } from '../help.js';
import type { Terminal } from '../io/terminal.js';

const OPTIONS = {
  role: { type: 'string' },
  department: { type: 'string' },
  town: { type: 'string' },
  uscc: { type: 'string' },
  label: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usageError(message: string): CliError {
  return new CliError(CliErrorCode.Usage, message, 'token');
}

/**
 * `mujun token create --role …`: issues an API bearer token into the server's store and prints it once
 * on stdout (only its SHA-256 is kept). The API is loaded only here, so the other commands never load
 * the database driver.
 */
export async function tokenCommand(args: readonly string[], terminal: Terminal): Promise<ExitCode> {
  const { values, positionals } = parseCommandWords(args, OPTIONS, 'token');
  if (values.help === true) {
    terminal.out(tokenUsage());
    return ExitCode.Ok;
  }
  if (positionals.length !== 1 || positionals[0] !== 'create') {
    throw usageError('用法：mujun token create --role <角色> … (usage: mujun token create --role …)');
  }
  if (values.role === undefined)
    throw usageError('缺少 --role admin|department|town|enterprise (missing --role)');
  const api = await import('@mujun/api');
  const dataDir = values['data-dir'] ?? api.defaultDataDir();
  const store = api.openSqliteStore(dataDir);
  try {
    const created = await api.createToken(
      store,
      {
        role: values.role,
        department: values.department,
        town: values.town,
        uscc: values.uscc,
        label: values.label,
      },
      new Date().toISOString(),
    );
    terminal.out(`${created.token}\n`);
    terminal.err(
      `已在 ${dataDir} 创建 ${created.role} 令牌 ${created.id}；令牌只显示这一次，请妥善保存 ` +
        `(created ${created.role} token ${created.id} in ${dataDir}; it is shown only once)\n`,
    );
    return ExitCode.Ok;
  } catch (error) {
    if (error instanceof api.TokenRequestError) throw usageError(error.message);
    throw error;
  } finally {
    store.close();
  }
}
