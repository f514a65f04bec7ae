// The public surface of @mujun/api for the command line: the store and its operations (tokens,
// backup), and the app for whoever embeds it. The server itself is src/server.ts (`pnpm start`).
export { createApp } from './app.js';
export type { AppOptions } from './app.js';
export { DEFAULT_WORK_SETTINGS, HeavyWork } from './work/pool.js';
export { serverOptions } from './http/server-options.js';
export type { WorkSettings } from './work/pool.js';
export { loadEnv, defaultDataDir } from './env.js';
export { createLogger } from './logger.js';
export { systemClock, shanghaiDate } from './domain/clock.js';
export type { Clock } from './domain/clock.js';
export { ROLES, DEPARTMENTS } from './domain/roles.js';
export type { Role, Department, Principal } from './domain/roles.js';
export { CONTESTABLE_FIELDS } from './domain/contestable-fields.js';
export { generateToken, hashToken, TOKEN_PREFIX } from './domain/tokens.js';
export { createToken, TokenRequestError } from './ops/create-token.js';
export type { TokenRequest, CreatedToken } from './ops/create-token.js';
export { backupStore } from './ops/backup.js';
export { migrateStore, StoreMigrationError } from './ops/migrate-store.js';
export type { TableDigest } from './ops/migrate-store.js';
export {
  AccountRequestError,
  createAccount,
  disableAccount,
  listAccounts,
  resetAccount,
  unlockAccount,
} from './ops/accounts.js';
export type { AccountRequest } from './ops/accounts.js';
export { PASSWORD_RULE, passwordProblem } from './accounts/passwords.js';
export { openSqliteStore, SqliteStore } from './store/sqlite/sqlite-store.js';
export { openPostgresStore, PostgresStore } from './store/postgres/postgres-store.js';
export { SqlStore } from './store/sql/sql-store.js';
export { DATABASE_FILE } from './store/sqlite/database.js';
export { NewerSchemaError } from './store/store.js';
export type { Account, Store, TokenInfo } from './store/store.js';
