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
  const [action, target, ...rest] = positionals;
  if (action === 'list' && target === undefined) return listTokens(values['data-dir'], terminal);
  if (action === 'revoke' && target !== undefined && rest.length === 0)
    return revokeTokens(target, values['data-dir'], terminal);
  if (positionals.length !== 1 || action !== 'create') {
    throw usageError(
      '用法：mujun token create --role <角色> … | list | revoke <编号或说明> (usage: mujun token create|list|revoke)',
    );
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

async function listTokens(dataDir: string | undefined, terminal: Terminal): Promise<ExitCode> {
  const api = await import('@mujun/api');
  const store = api.openSqliteStore(dataDir ?? api.defaultDataDir());
  try {
    terminal.out('编号\t角色\t范围\t说明\t创建时间\t状态\n');
    for (const token of await store.listTokens()) {
      const scope = token.department ?? token.town ?? token.uscc ?? '';
      const state = token.revokedAt === null ? '有效' : `已吊销 ${token.revokedAt}`;
      terminal.out(`${token.id}\t${token.role}\t${scope}\t${token.label}\t${token.createdAt}\t${state}\n`);
    }
    return ExitCode.Ok;
  } finally {
    store.close();
  }
}

/** Revokes by id, or every live token with that label; a server forgets it within a second. */
async function revokeTokens(
  target: string,
  dataDir: string | undefined,
  terminal: Terminal,
): Promise<ExitCode> {
  const api = await import('@mujun/api');
  const store = api.openSqliteStore(dataDir ?? api.defaultDataDir());
  try {
    const revoked = await store.revokeTokens(target, { id: 'cli', role: 'system' }, new Date().toISOString());
    if (revoked.length === 0) {
      throw new CliError(
        CliErrorCode.Usage,
        `没有编号或说明为「${target}」的有效令牌 (no live token ${target})`,
        'token',
      );
    }
    for (const token of revoked) terminal.out(`${token.id}\n`);
    terminal.err(`已吊销 ${revoked.length} 个令牌，1 秒内在所有服务实例上失效 (revoked ${revoked.length})\n`);
    return ExitCode.Ok;
  } finally {
    store.close();
  }
}
