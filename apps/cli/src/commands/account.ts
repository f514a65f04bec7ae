import { CliError, CliErrorCode } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { accountUsage } from '../help.js';
import type { Terminal } from '../io/terminal.js';
import { parseCommandWords } from '../options.js';

const OPTIONS = {
  role: { type: 'string' },
  username: { type: 'string' },
  department: { type: 'string' },
  town: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usageError(message: string): CliError {
  return new CliError(CliErrorCode.Usage, message, 'account');
}

const ROLE_LABELS: Readonly<Record<string, string>> = {
  admin: '经信局',
  department: '部门',
  town: '乡镇街道',
  enterprise: '企业',
};

/**
 * `mujun account create|list|disable|reset|unlock`: staff accounts in the server's store, made on its
 * own machine (the first admin comes from here). A password is read from standard input only, never
 * from argv (which `ps` shows); without one, a temporary password is printed once and must be changed
 * at first sign-in.
 */
export async function accountCommand(args: readonly string[], terminal: Terminal): Promise<ExitCode> {
  const { values, positionals } = parseCommandWords(args, OPTIONS, 'account');
  if (values.help === true) {
    terminal.out(accountUsage());
    return ExitCode.Ok;
  }
  const [action, target, ...rest] = positionals;
  const takesName = action === 'disable' || action === 'reset' || action === 'unlock';
  const known = action === 'create' || action === 'list' || takesName;
  if (!known || rest.length > 0 || (takesName ? target === undefined : target !== undefined)) {
    throw usageError(
      '用法：mujun account create|list|disable <用户名>|reset <用户名>|unlock <账号> (usage: mujun account …)',
    );
  }
  const api = await import('@mujun/api');
  const dataDir = values['data-dir'] ?? api.defaultDataDir();
  const store = api.openSqliteStore(dataDir);
  const at = new Date().toISOString();
  try {
    switch (action) {
      case 'create': {
        if (values.role === undefined) throw usageError('缺少 --role admin|department|town (missing --role)');
        if (values.username === undefined) throw usageError('缺少 --username <用户名> (missing --username)');
        let password: string | undefined;
        if (values['password-stdin'] === true) {
          if (terminal.stdin === undefined) throw usageError('standard input is not available');
          password = (await terminal.stdin()).replace(/\r?\n$/, '');
        }
        const created = await api.createAccount(
          store,
          {
            role: values.role,
            username: values.username,
            department: values.department,
            town: values.town,
            password,
          },
          at,
        );
        if (created.temporaryPassword !== null) terminal.out(`${created.temporaryPassword}\n`);
        terminal.err(
          `已创建账号 ${created.name}` +
            (created.temporaryPassword === null ? '' : '；临时密码只显示这一次，首次登录须修改') +
            (values.role === 'admin' ? '；管理员首次登录时须绑定动态口令' : '') +
            ` (created account ${created.name})\n`,
        );
        return ExitCode.Ok;
      }
      case 'list': {
        const accounts = await api.listAccounts(store);
        terminal.out('账号\t角色\t范围\t状态\n');
        for (const account of accounts) {
          const scope = account.department ?? account.town ?? '';
          const state =
            account.disabledAt !== null
              ? '已停用'
              : account.passwordHash === null
                ? '未激活'
                : account.mustChange
                  ? '待改密码'
                  : '正常';
          terminal.out(`${account.name}\t${ROLE_LABELS[account.role] ?? account.role}\t${scope}\t${state}\n`);
        }
        return ExitCode.Ok;
      }
      case 'disable':
        await api.disableAccount(store, target ?? '', at);
        terminal.err(`已停用账号 ${target ?? ''}，其会话均已结束 (disabled; its sessions ended)\n`);
        return ExitCode.Ok;
      case 'reset': {
        const temporary = await api.resetAccount(store, target ?? '', at);
        terminal.out(`${temporary}\n`);
        terminal.err(
          `已重置 ${target ?? ''} 的密码：临时密码只显示这一次，下次登录须修改 ` +
            '(temporary password shown once; it must be changed at the next sign-in)\n',
        );
        return ExitCode.Ok;
      }
      case 'unlock': {
        const lifted = await api.unlockAccount(store, target ?? '', at);
        terminal.err(
          lifted ? `已解除 ${target ?? ''} 的锁定 (unlocked)\n` : `${target ?? ''} 未被锁定 (not locked)\n`,
        );
        return ExitCode.Ok;
      }
    }
  } catch (error) {
    if (error instanceof api.AccountRequestError) throw usageError(error.message);
    throw error;
  } finally {
    store.close();
  }
}
