import { newId } from '../domain/ids.js';
import { DEPARTMENTS } from '../domain/roles.js';
import type { Department } from '../domain/roles.js';
import { normalizeAccountName, USERNAME } from '../accounts/names.js';
import { hashPassword, passwordProblem, temporaryPassword } from '../accounts/passwords.js';
import type { Account, AuthContext, NewAccount, Store } from '../store/store.js';

/** The command line's account operations (`mujun account …`): staff accounts, made on the server's machine. */

export class AccountRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export interface AccountRequest {
  readonly role: string;
  readonly username: string;
  readonly department?: string | undefined;
  readonly town?: string | undefined;
  /** Absent: a temporary password is made, printed once, and must be changed at first sign-in. */
  readonly password?: string | undefined;
}

const cli = (at: string): AuthContext => ({
  actor: { id: 'cli', role: 'system' },
  at,
  address: null,
  userAgent: 'mujun-cli',
});

function staffRow(request: AccountRequest, passwordHash: string, mustChange: boolean): NewAccount {
  const name = normalizeAccountName(request.username);
  if (!USERNAME.test(name)) {
    throw new AccountRequestError(
      '用户名须为 3–32 位小写字母、数字、点、下划线或连字符，以字母开头 (--username: 3–32 of a-z 0-9 . _ -, starting with a letter)',
    );
  }
  const base = { id: newId('acc'), name, passwordHash, mustChange };
  const extra = (['department', 'town'] as const).filter(
    (key) => request[key] !== undefined && request.role !== key,
  );
  if (extra.length > 0)
    throw new AccountRequestError(`a ${request.role} account takes no --${extra.join(', --')}`);
  switch (request.role) {
    case 'admin':
      return { ...base, role: 'admin' };
    case 'department': {
      const department = request.department ?? '';
      if (!(DEPARTMENTS as readonly string[]).includes(department))
        throw new AccountRequestError(`--department must be one of ${DEPARTMENTS.join(', ')}`);
      return { ...base, role: 'department', department: department as Department };
    }
    case 'town': {
      const town = request.town?.trim() ?? '';
      if (town === '') throw new AccountRequestError('--town <乡镇街道名称> is required for a town account');
      return { ...base, role: 'town', town };
    }
    default:
      throw new AccountRequestError(
        '--role must be admin, department or town (enterprises activate their own accounts with a code)',
      );
  }
}

/** Creates a staff account (audited as `context`: the CLI unless an admin's request); answers the temporary password when none was given (shown once). */
export async function createAccount(
  store: Store,
  request: AccountRequest,
  at: string,
  context: AuthContext = cli(at),
): Promise<{ readonly name: string; readonly temporaryPassword: string | null }> {
  const name = normalizeAccountName(request.username);
  if (request.password !== undefined) {
    const problem = passwordProblem(request.password, name);
    if (problem !== null) throw new AccountRequestError(problem);
  }
  const temporary = request.password === undefined ? temporaryPassword() : null;
  const row = staffRow(request, await hashPassword(request.password ?? temporary ?? ''), temporary !== null);
  try {
    await store.createAccount(row, context);
  } catch (error) {
    if (error instanceof Error && error.message.includes('已存在'))
      throw new AccountRequestError(error.message);
    throw error;
  }
  return { name: row.name, temporaryPassword: temporary };
}

export async function listAccounts(store: Store): Promise<Account[]> {
  return store.listAccounts();
}

export async function disableAccount(
  store: Store,
  username: string,
  at: string,
  context: AuthContext = cli(at),
): Promise<void> {
  if (!(await store.setAccountDisabled(normalizeAccountName(username), true, context)))
    throw new AccountRequestError(`没有账号 ${username} (no such account)`);
}

/**
 * A new temporary password (printed once; it must be changed at the next sign-in), every session
 * ended and any lock lifted.
 */
export async function resetAccount(store: Store, username: string, at: string): Promise<string> {
  const account = await store.account(normalizeAccountName(username));
  if (account === undefined) throw new AccountRequestError(`没有账号 ${username} (no such account)`);
  const temporary = temporaryPassword();
  await store.setPassword(account.id, await hashPassword(temporary), true, 'reset', cli(at));
  await store.unlock(account.name, cli(at));
  return temporary;
}

export async function unlockAccount(store: Store, username: string, at: string): Promise<boolean> {
  return store.unlock(normalizeAccountName(username), cli(at));
}
