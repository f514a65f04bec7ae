import { calendarYearSchema } from '@mujun/calendar';
import type { CalendarYear } from '@mujun/calendar';
import type { EnterpriseRecord } from '@mujun/scoring';
import { DomainError, DomainErrorCode, notFound } from '../../domain/errors.js';
import type { Actor, Department, Principal, Role } from '../../domain/roles.js';
import { CONTESTABLE_FIELDS } from '../../domain/contestable-fields.js';
import type { Reviewer } from '../../domain/contestable-fields.js';
import { newId } from '../../domain/ids.js';
import { receiptNumber } from '../../domain/receipt.js';
import type {
  Account,
  ActivationCode,
  ActivationState,
  Audit,
  AuditFilter,
  AuthContext,
  ClientInfo,
  NewAccount,
  NewActivationCode,
  NewOidcFlow,
  NewSession,
  OidcFlow,
  SessionRow,
  Throttle,
  ThrottleRule,
  TokenInfo,
  DecidedItem,
  DecisionView,
  EnteredCalendarYear,
  Evaluation,
  EvaluationState,
  EvidenceMeta,
  FilingEvaluation,
  FilingView,
  FinalClass,
  ItemDecision,
  LedgerCriteria,
  LedgerEdit,
  LedgerFile,
  LedgerNote,
  LedgerNoteView,
  NewLedgerFile,
  NewLedgerNote,
  NewEvaluation,
  NewObjection,
  NewToken,
  Objection,
  ObjectionFilter,
  ObjectionItem,
  Page,
  PageRequest,
  PastResultRow,
  PastYear,
  Phase,
  Proposal,
  Publication,
  Recomputation,
  ResultFilter,
  ResultRow,
  ResultSearch,
  ResultSort,
  Rows,
  ReviewFilter,
  ReviewItem,
  SchemaState,
  Store,
  StoredResponse,
  StoredResult,
  WriteContext,
  JsonText,
} from '../store.js';
import { IdempotentReplay } from '../store.js';
import { jsonLines, sharedUtf8 } from '../utf8-text.js';
import { all, get, insertMany, mapRows, run } from './query.js';
import type { Engine, Row, Work, WriteOptions } from './query.js';

function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`column ${column} is not text`);
  return value;
}

function textOrNull(row: Row, column: string): string | null {
  const value = row[column];
  return typeof value === 'string' ? value : null;
}

/** An integer column: a number from SQLite, a string from PostgreSQL for BIGINT, COUNT and SUM. */
function int(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  if (typeof value !== 'number' && typeof value !== 'bigint')
    throw new Error(`column ${column} is not a number`);
  return Number(value);
}

function pastYearOf(row: Row): PastYear {
  return {
    year: int(row, 'year'),
    enterprises: int(row, 'enterprises'),
    sourceFile: text(row, 'source_file'),
    importedAt: text(row, 'imported_at'),
  };
}

function json(value: string | null): unknown {
  return value === null ? null : JSON.parse(value);
}

/** Rows of a page: `limit + 1` were asked for, so one more means there is a next page. */
function paged<T>(rows: readonly T[], limit: number, key: (item: T) => number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last !== undefined ? key(last) : null };
}

/** One column of every row. */
function column(rows: readonly Row[], name: string): string[] {
  return rows.map((row) => text(row, name));
}

/**
 * How long, and for how many tokens, a token's principal is remembered between requests: a token
 * revoked by another process (`mujun token revoke`, another instance) stops working within a second.
 */
const TOKEN_TTL_MS = 1_000;
const TOKENS_CACHED = 1_000;
/**
 * Results kept in memory for lookups, at most this many characters of result JSON in all (about 64 MB as
 * V8 strings). Safe on every engine and every instance: a result row is never updated or deleted.
 */
const RESULT_CACHE_CHARS = 32 * 1024 * 1024;
/**
 * How long an evaluation's state is remembered for lookups (see evaluationState), and for how many
 * evaluations: this process's own writes forget it at once; another process's (a command on the same
 * file) is seen within this long, as a revoked token is.
 */
const STATE_TTL_MS = 1_000;
const STATES_CACHED = 1_000;
/**
 * Rows per read of a large read (see #readChunked): about 1 MB, a few ms of the event loop (1,000 were
 * 40–60 ms of its CPU on 2 shared cores at load 20, each read a stall of the lookups behind it).
 */
const READ_CHUNK = 250;
/** An evaluation's rows, or a past year's: hundreds of MB at 100,000 enterprises (see WriteOptions). */
const LARGE: WriteOptions = { large: true };

const AUDIT_COLUMNS = [
  'at',
  'actor_id',
  'actor_role',
  'entity',
  'entity_id',
  'action',
  'before_json',
  'after_json',
] as const;

const INSERT_AUDIT = `INSERT INTO audit (${AUDIT_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/** An audit entry's values, in AUDIT_COLUMNS' order. */
function auditRow(
  context: { readonly actor: Actor; readonly at: string },
  entity: string,
  entityId: string,
  action: string,
  beforeJson: string | null,
  afterJson: string | null,
): unknown[] {
  return [context.at, context.actor.id, context.actor.role, entity, entityId, action, beforeJson, afterJson];
}

/** What a sign-in event's audit entry keeps besides `after`: where the request came from. */
function authAudited(context: AuthContext, after: object): object {
  return { ...after, address: context.address, userAgent: context.userAgent };
}

/** An evaluation's enterprises (its initial results) with their accounts' state (see activationStateOf). */
const ACTIVATION_STATE_SELECT = `SELECT r.ordinal, r.uscc, r.town, r.name,
    CASE WHEN a.password_hash IS NOT NULL THEN 1 ELSE 0 END AS activated, t.locked_until, c.expires_at,
    c.used_at
  FROM results r
  LEFT JOIN accounts a ON a.name = r.uscc
  LEFT JOIN sign_in_throttle t ON t.name = r.uscc
  LEFT JOIN activation_codes c ON c.uscc = r.uscc`;

function activationStateOf(row: Row): ActivationState {
  return {
    uscc: text(row, 'uscc'),
    name: textOrNull(row, 'name') ?? '',
    town: textOrNull(row, 'town'),
    activated: int(row, 'activated') === 1,
    lockedUntil: textOrNull(row, 'locked_until'),
    codeExpiresAt: textOrNull(row, 'expires_at'),
    codeUsedAt: textOrNull(row, 'used_at'),
  };
}

/**
 * The store's logic and SQL, once for both engines (SQLite, PostgreSQL): each method is one unit of work
 * (see query.ts) that the engine runs, writes in a transaction that has committed before the promise
 * settles. Rules checked at write time see the transaction's view: on SQLite the write lock is taken at
 * BEGIN (IMMEDIATE); on PostgreSQL every write transaction first locks the one row of `write_lock`, so
 * writes are serialised across every instance on the database, exactly as SQLite serialises them.
 */
export class SqlStore implements Store {
  readonly #engine: Engine;
  /** Principals of recently seen token hashes (see principalForTokenHash). */
  readonly #tokens = new Map<string, { readonly principal: Principal; readonly until: number }>();
  /** Results recently looked up, least recently used first (see result). */
  readonly #results = new Map<string, StoredResult>();
  #resultChars = 0;
  /** Evaluations' states lately read, when this process is the database's only writer (see evaluationState). */
  readonly #states = new Map<string, { readonly state: EvaluationState; readonly until: number }>();

  constructor(engine: Engine) {
    this.#engine = engine;
  }

  #read<T>(work: (this: SqlStore) => Work<T>): Promise<T> {
    return this.#engine.read(() => work.call(this));
  }

  #write<T>(work: (this: SqlStore) => Work<T>, options?: WriteOptions): Promise<T> {
    // Any write may change an evaluation's state: the states remembered are forgotten once it has
    // committed (or failed), before its caller goes on.
    return this.#engine
      .write(() => work.call(this), options)
      .finally(() => {
        this.#states.clear();
      });
  }

  /**
   * A write that never changes an evaluation's state (a filing: it bumps the version only), so the
   * states remembered stay: under a burst of filings each one's scope check would otherwise read the
   * state again, and wait for the flush of the filings before it.
   */
  #writeKeepingStates<T>(work: (this: SqlStore) => Work<T>): Promise<T> {
    return this.#engine.write(() => work.call(this));
  }

  /**
   * A large read, READ_CHUNK rows per read with a turn of the event loop between reads (keyset paging on
   * `key`, which must be unique and ordered), each chunk handed to `each`: 100,000 records or results
   * read at once would hold the event loop for seconds. The rows read are immutable, so chunks agree.
   */
  async #readChunked<K extends string | number>(
    first: K,
    key: string,
    chunk: (after: K) => Work<Row[]>,
    each: (rows: Row[]) => void,
  ): Promise<void> {
    let after = first;
    for (;;) {
      const rows = await this.#read(() => chunk(after));
      each(rows);
      const last = rows.at(-1);
      if (rows.length < READ_CHUNK || last === undefined) return;
      after = last[key] as K;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * One text column of a large read as JSON lines, a chunk per element, each encoded into shared memory
   * as it is read (see Utf8Text): handed to a worker thread, they cross without being copied.
   */
  async #jsonLineChunks<K extends string | number>(
    first: K,
    key: string,
    name: string,
    chunk: (after: K) => Work<Row[]>,
  ): Promise<JsonText[]> {
    const chunks: JsonText[] = [];
    await this.#readChunked(first, key, chunk, (rows) => {
      if (rows.length > 0) chunks.push(...sharedUtf8([column(rows, name).join('\n')]));
    });
    return chunks;
  }

  *#nextSeq(table: 'evaluations' | 'objections' | 'objection_items'): Work<number> {
    const row = yield* get(`SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM ${table}`);
    return row === undefined ? 1 : int(row, 'next');
  }

  *#audit(
    context: { readonly actor: Actor; readonly at: string },
    entity: string,
    entityId: string,
    action: string,
    before: unknown,
    after: unknown,
  ): Work<void> {
    yield* this.#auditJson(
      context,
      entity,
      entityId,
      action,
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
    );
  }

  /** An audit entry whose states are JSON text already (see fileObjection: serialised once). */
  *#auditJson(
    context: { readonly actor: Actor; readonly at: string },
    entity: string,
    entityId: string,
    action: string,
    beforeJson: string | null,
    afterJson: string | null,
  ): Work<void> {
    yield* run(INSERT_AUDIT, ...auditRow(context, entity, entityId, action, beforeJson, afterJson));
  }

  /** The response stored for (principal, key), if the key was used. */
  *#storedResponse(
    principal: string,
    key: string,
  ): Work<(StoredResponse & { readonly fingerprint: string }) | undefined> {
    const row = yield* get(
      'SELECT fingerprint, status, headers_json, body FROM idempotency WHERE principal = ? AND key = ?',
      principal,
      key,
    );
    return row === undefined
      ? undefined
      : {
          fingerprint: text(row, 'fingerprint'),
          status: int(row, 'status'),
          headers: JSON.parse(text(row, 'headers_json')) as Record<string, string>,
          body: text(row, 'body'),
        };
  }

  /**
   * The write's Idempotency-Key looked up in its own transaction, before anything else: a key already
   * used throws IdempotentReplay with what was stored for it (the savepoint writes nothing). Writes are
   * serialised, so the key cannot be stored by another between this and #remember.
   */
  *#recall<T>(context: WriteContext<T>): Work<void> {
    const write = context.idempotency;
    if (write === undefined) return;
    const previous = yield* this.#storedResponse(write.principal, write.key);
    if (previous !== undefined) throw new IdempotentReplay(previous);
  }

  /** The idempotent response stored with the row; `json` is `created` as JSON text, if already made. */
  *#remember<T>(context: WriteContext<T>, created: T, json?: string): Work<void> {
    const write = context.idempotency;
    if (write === undefined) return;
    const response: StoredResponse = write.respond(created, json);
    yield* run(
      `INSERT INTO idempotency (principal, key, fingerprint, status, headers_json, body, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      write.principal,
      write.key,
      write.fingerprint,
      response.status,
      JSON.stringify(response.headers),
      response.body,
      context.at,
    );
  }

  // Tokens

  /**
   * Every API request starts with this lookup, so known tokens are kept a few seconds (hash → principal,
   * at most TOKENS_CACHED, oldest dropped first). Unknown hashes are never kept, so a new token works at
   * once; one revoked here is forgotten at once, one revoked by another process within TOKEN_TTL_MS.
   */
  async principalForTokenHash(hash: string): Promise<Principal | undefined> {
    const now = Date.now();
    const cached = this.#tokens.get(hash);
    if (cached !== undefined && cached.until > now) return cached.principal;
    this.#tokens.delete(hash);
    const principal = await this.#read(function* (this: SqlStore) {
      return yield* this.#loadPrincipal(hash);
    });
    if (principal !== undefined) {
      if (this.#tokens.size >= TOKENS_CACHED) {
        const oldest = this.#tokens.keys().next();
        if (oldest.done !== true) this.#tokens.delete(oldest.value);
      }
      this.#tokens.set(hash, { principal, until: now + TOKEN_TTL_MS });
    }
    return principal;
  }

  *#loadPrincipal(hash: string): Work<Principal | undefined> {
    const row = yield* get(
      'SELECT id, role, department, town, uscc FROM tokens WHERE hash = ? AND revoked_at IS NULL',
      hash,
    );
    if (row === undefined) return undefined;
    const tokenId = text(row, 'id');
    const role = text(row, 'role') as Role;
    switch (role) {
      case 'admin':
        return { tokenId, role };
      case 'department':
        return { tokenId, role, department: text(row, 'department') as Department };
      case 'town':
        return { tokenId, role, town: text(row, 'town') };
      case 'enterprise':
        return { tokenId, role, uscc: text(row, 'uscc') };
    }
  }

  createToken(token: NewToken, actor: Actor, at: string, client?: ClientInfo): Promise<void> {
    return this.#write(function* (this: SqlStore) {
      yield* run(
        `INSERT INTO tokens (id, hash, role, department, town, uscc, label, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        token.id,
        token.hash,
        token.role,
        token.department ?? null,
        token.town ?? null,
        token.uscc ?? null,
        token.label,
        at,
      );
      // The hash stays out of the trail: it is the token's only stored trace.
      const shown = {
        role: token.role,
        department: token.department,
        town: token.town,
        uscc: token.uscc,
        label: token.label,
      };
      yield* this.#audit({ actor, at }, 'token', token.id, 'create', null, { ...shown, ...client });
    });
  }

  #tokenInfo(row: Row): TokenInfo {
    return {
      id: text(row, 'id'),
      role: text(row, 'role') as Role,
      department: textOrNull(row, 'department') as Department | null,
      town: textOrNull(row, 'town'),
      uscc: textOrNull(row, 'uscc'),
      label: text(row, 'label'),
      createdAt: text(row, 'created_at'),
      revokedAt: textOrNull(row, 'revoked_at'),
    };
  }

  listTokens(): Promise<TokenInfo[]> {
    return this.#read(function* (this: SqlStore) {
      const rows = yield* all('SELECT * FROM tokens ORDER BY created_at, id');
      return rows.map((row) => this.#tokenInfo(row));
    });
  }

  revokeTokens(idOrLabel: string, actor: Actor, at: string, client?: ClientInfo): Promise<TokenInfo[]> {
    return this.#write(function* (this: SqlStore) {
      const rows = yield* all(
        'SELECT * FROM tokens WHERE (id = ? OR label = ?) AND revoked_at IS NULL ORDER BY id',
        idOrLabel,
        idOrLabel,
      );
      for (const row of rows) {
        yield* run('UPDATE tokens SET revoked_at = ? WHERE id = ?', at, text(row, 'id'));
        yield* this.#audit({ actor, at }, 'token', text(row, 'id'), 'revoke', null, {
          label: text(row, 'label'),
          ...client,
        });
        this.#tokens.delete(text(row, 'hash'));
      }
      return rows.map((row) => ({ ...this.#tokenInfo(row), revokedAt: at }));
    });
  }

  // Accounts and sessions

  /** An account audit entry: what happened, plus where the request came from. */
  *#authAudit(
    context: AuthContext,
    entity: string,
    entityId: string,
    action: string,
    after: object,
  ): Work<void> {
    yield* this.#audit(context, entity, entityId, action, null, authAudited(context, after));
  }

  #account(row: Row): Account {
    return {
      id: text(row, 'id'),
      name: text(row, 'name'),
      role: text(row, 'role') as Role,
      department: textOrNull(row, 'department') as Department | null,
      town: textOrNull(row, 'town'),
      uscc: textOrNull(row, 'uscc'),
      passwordHash: textOrNull(row, 'password_hash'),
      mustChange: int(row, 'must_change') === 1,
      createdAt: text(row, 'created_at'),
      disabledAt: textOrNull(row, 'disabled_at'),
      totpSecret: textOrNull(row, 'totp_secret'),
      totpConfirmedAt: textOrNull(row, 'totp_confirmed_at'),
    };
  }

  createAccount(account: NewAccount, context: AuthContext): Promise<void> {
    return this.#write(function* (this: SqlStore) {
      if ((yield* get('SELECT 1 FROM accounts WHERE name = ?', account.name)) !== undefined) {
        throw new DomainError(DomainErrorCode.InvalidValue, `账号 ${account.name} 已存在`);
      }
      yield* run(
        `INSERT INTO accounts (id, name, role, department, town, uscc, password_hash, must_change, created_at,
           password_changed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        account.id,
        account.name,
        account.role,
        account.department ?? null,
        account.town ?? null,
        account.uscc ?? null,
        account.passwordHash,
        account.mustChange ? 1 : 0,
        context.at,
        account.passwordHash === null ? null : context.at,
      );
      yield* this.#authAudit(context, 'account', account.name, 'create', {
        role: account.role,
        department: account.department,
        town: account.town,
        uscc: account.uscc,
        temporaryPassword: account.mustChange,
      });
    });
  }

  account(name: string): Promise<Account | undefined> {
    return this.#read(function* (this: SqlStore) {
      const row = yield* get('SELECT * FROM accounts WHERE name = ?', name);
      return row === undefined ? undefined : this.#account(row);
    });
  }

  accountById(id: string): Promise<Account | undefined> {
    return this.#read(function* (this: SqlStore) {
      const row = yield* get('SELECT * FROM accounts WHERE id = ?', id);
      return row === undefined ? undefined : this.#account(row);
    });
  }

  listAccounts(): Promise<Account[]> {
    return this.#read(function* (this: SqlStore) {
      const rows = yield* all('SELECT * FROM accounts ORDER BY role, name');
      return rows.map((row) => this.#account(row));
    });
  }

  *#endAll(accountId: string, context: AuthContext, action: string): Work<number> {
    const live = yield* all('SELECT id FROM sessions WHERE account_id = ? AND ended_at IS NULL', accountId);
    for (const row of live) {
      yield* run(
        'UPDATE sessions SET ended_at = ?, id_token = NULL WHERE id = ?',
        context.at,
        text(row, 'id'),
      );
      yield* this.#authAudit(context, 'session', text(row, 'id'), action, { account: accountId });
    }
    return live.length;
  }

  setAccountDisabled(name: string, disabled: boolean, context: AuthContext): Promise<boolean> {
    return this.#write(function* (this: SqlStore) {
      const row = yield* get('SELECT id FROM accounts WHERE name = ?', name);
      if (row === undefined) return false;
      yield* run(
        'UPDATE accounts SET disabled_at = ? WHERE id = ?',
        disabled ? context.at : null,
        text(row, 'id'),
      );
      if (disabled) yield* this.#endAll(text(row, 'id'), context, 'end-disabled');
      yield* this.#authAudit(context, 'account', name, disabled ? 'disable' : 'enable', {});
      return true;
    });
  }

  setPassword(
    accountId: string,
    passwordHash: string,
    mustChange: boolean,
    action: string,
    context: AuthContext,
  ): Promise<void> {
    return this.#write(function* (this: SqlStore) {
      const row = yield* get('SELECT name FROM accounts WHERE id = ?', accountId);
      if (row === undefined) throw notFound('account');
      yield* run(
        'UPDATE accounts SET password_hash = ?, must_change = ?, password_changed_at = ? WHERE id = ?',
        passwordHash,
        mustChange ? 1 : 0,
        context.at,
        accountId,
      );
      yield* this.#endAll(accountId, context, 'end-password-changed');
      yield* this.#authAudit(context, 'account', text(row, 'name'), action, {
        temporaryPassword: mustChange,
      });
    });
  }

  setTotp(
    accountId: string,
    secret: string | null,
    confirmed: boolean,
    recoveryHashes: readonly string[],
    context: AuthContext,
  ): Promise<void> {
    return this.#write(function* (this: SqlStore) {
      const row = yield* get('SELECT name FROM accounts WHERE id = ?', accountId);
      if (row === undefined) throw notFound('account');
      yield* run(
        // A new (unconfirmed) secret starts its steps afresh; confirming keeps the step just used.
        `UPDATE accounts SET totp_secret = ?, totp_confirmed_at = ?,
           totp_last_step = CASE WHEN ? = 1 THEN totp_last_step ELSE NULL END WHERE id = ?`,
        secret,
        confirmed ? context.at : null,
        confirmed ? 1 : 0,
        accountId,
      );
      yield* run('DELETE FROM recovery_codes WHERE account_id = ?', accountId);
      for (const hash of recoveryHashes) {
        yield* run('INSERT INTO recovery_codes (account_id, hash) VALUES (?, ?)', accountId, hash);
      }
      yield* this.#authAudit(
        context,
        'account',
        text(row, 'name'),
        confirmed ? 'totp-confirm' : 'totp-enroll',
        {},
      );
    });
  }

  useTotpStep(accountId: string, step: number): Promise<boolean> {
    return this.#write(function* () {
      const used = yield* run(
        `UPDATE accounts SET totp_last_step = ?
         WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)`,
        step,
        accountId,
        step,
      );
      return used.changes > 0;
    });
  }

  saveOidcFlow(flow: NewOidcFlow): Promise<void> {
    return this.#write(function* () {
      // Flows never completed (a closed tab) would pile up: each new one clears a few expired ones.
      yield* run(
        `DELETE FROM oidc_flows WHERE hash IN (
           SELECT hash FROM oidc_flows WHERE expires_at <= ? LIMIT 10)`,
        flow.createdAt,
      );
      yield* run(
        `INSERT INTO oidc_flows (hash, state, nonce, verifier, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        flow.hash,
        flow.state,
        flow.nonce,
        flow.verifier,
        flow.createdAt,
        flow.expiresAt,
      );
    });
  }

  takeOidcFlow(hash: string, at: string): Promise<OidcFlow | undefined> {
    return this.#write(function* () {
      const row = yield* get('SELECT * FROM oidc_flows WHERE hash = ?', hash);
      if (row === undefined) return undefined;
      yield* run('DELETE FROM oidc_flows WHERE hash = ?', hash);
      if (text(row, 'expires_at') <= at) return undefined;
      return { state: text(row, 'state'), nonce: text(row, 'nonce'), verifier: text(row, 'verifier') };
    });
  }

  useRecoveryCode(accountId: string, hash: string, context: AuthContext): Promise<boolean> {
    return this.#write(function* (this: SqlStore) {
      const used = yield* run(
        'UPDATE recovery_codes SET used_at = ? WHERE account_id = ? AND hash = ? AND used_at IS NULL',
        context.at,
        accountId,
        hash,
      );
      if (used.changes === 0) return false;
      const row = yield* get('SELECT name FROM accounts WHERE id = ?', accountId);
      yield* this.#authAudit(
        context,
        'account',
        row === undefined ? accountId : text(row, 'name'),
        'recovery-code-use',
        {},
      );
      return true;
    });
  }

  *#throttle(name: string): Work<Throttle | undefined> {
    const row = yield* get('SELECT * FROM sign_in_throttle WHERE name = ?', name);
    return row === undefined
      ? undefined
      : {
          failures: int(row, 'failures'),
          firstAt: text(row, 'first_at'),
          lockedUntil: textOrNull(row, 'locked_until'),
        };
  }

  throttle(name: string): Promise<Throttle | undefined> {
    return this.#read(function* (this: SqlStore) {
      return yield* this.#throttle(name);
    });
  }

  recordSignInFailure(
    name: string,
    reason: string,
    rule: ThrottleRule,
    context: AuthContext,
  ): Promise<Throttle> {
    return this.#write(function* (this: SqlStore) {
      const now = Date.parse(context.at);
      const before = yield* this.#throttle(name);
      const fresh =
        before === undefined ||
        (Date.parse(before.firstAt) + rule.windowMs <= now &&
          (before.lockedUntil === null || Date.parse(before.lockedUntil) <= now));
      const failures = fresh ? 1 : before.failures + 1;
      const firstAt = fresh ? context.at : before.firstAt;
      const stillLocked = !fresh && before.lockedUntil !== null && Date.parse(before.lockedUntil) > now;
      const lockedUntil = stillLocked
        ? before.lockedUntil
        : failures >= rule.limit
          ? new Date(now + rule.lockMs).toISOString()
          : null;
      yield* run(
        `INSERT INTO sign_in_throttle (name, failures, first_at, locked_until) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET failures = excluded.failures, first_at = excluded.first_at,
           locked_until = excluded.locked_until`,
        name,
        failures,
        firstAt,
        lockedUntil,
      );
      // Names typed once and never again (any name is counted) would pile up: each failure clears a
      // few rows whose window and lock are both over.
      const windowStart = new Date(now - rule.windowMs).toISOString();
      yield* run(
        `DELETE FROM sign_in_throttle WHERE name IN (
           SELECT name FROM sign_in_throttle
           WHERE name <> ? AND first_at < ? AND (locked_until IS NULL OR locked_until < ?) LIMIT 10)`,
        name,
        windowStart,
        context.at,
      );
      yield* this.#authAudit(context, 'sign-in', name, 'failure', { reason, failures });
      if (lockedUntil !== null && !stillLocked) {
        yield* this.#authAudit(context, 'sign-in', name, 'lock', { failures, lockedUntil });
      }
      return { failures, firstAt, lockedUntil };
    });
  }

  async clearSignInFailures(name: string): Promise<void> {
    // Most sign-ins follow no failure: a read spares them a write.
    const throttle = await this.throttle(name);
    if (throttle === undefined) return;
    await this.#write(function* (this: SqlStore) {
      yield* run('DELETE FROM sign_in_throttle WHERE name = ?', name);
    });
  }

  unlock(name: string, context: AuthContext): Promise<boolean> {
    return this.#write(function* (this: SqlStore) {
      const removed = yield* run('DELETE FROM sign_in_throttle WHERE name = ?', name);
      if (removed.changes === 0) return false;
      yield* this.#authAudit(context, 'sign-in', name, 'unlock', {});
      return true;
    });
  }

  createSession(session: NewSession, context: AuthContext): Promise<void> {
    return this.#write(function* (this: SqlStore) {
      yield* run(
        `INSERT INTO sessions (id, hash, account_id, created_at, last_seen_at, expires_at, id_token)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        session.id,
        session.hash,
        session.accountId,
        session.createdAt,
        session.createdAt,
        session.expiresAt,
        session.idToken ?? null,
      );
      const row = yield* get('SELECT name FROM accounts WHERE id = ?', session.accountId);
      yield* this.#authAudit(
        context,
        'sign-in',
        row === undefined ? session.accountId : text(row, 'name'),
        'success',
        {
          session: session.id,
          method: session.method ?? 'password',
          expiresAt: session.expiresAt,
        },
      );
    });
  }

  sessionByHash(hash: string): Promise<SessionRow | undefined> {
    return this.#read(function* (this: SqlStore) {
      const row = yield* get(
        `SELECT s.id AS session_id, s.created_at AS session_created_at, s.last_seen_at, s.expires_at,
           s.id_token, a.*
         FROM sessions s JOIN accounts a ON a.id = s.account_id
         WHERE s.hash = ? AND s.ended_at IS NULL AND a.disabled_at IS NULL`,
        hash,
      );
      return row === undefined
        ? undefined
        : {
            id: text(row, 'session_id'),
            account: this.#account(row),
            createdAt: text(row, 'session_created_at'),
            lastSeenAt: text(row, 'last_seen_at'),
            expiresAt: text(row, 'expires_at'),
            idToken: textOrNull(row, 'id_token'),
          };
    });
  }

  touchSession(id: string, at: string): Promise<void> {
    return this.#write(function* (this: SqlStore) {
      yield* run('UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?', at, id, at);
    });
  }

  endSession(id: string, action: string, context: AuthContext): Promise<void> {
    return this.#write(function* (this: SqlStore) {
      const ended = yield* run(
        'UPDATE sessions SET ended_at = ?, id_token = NULL WHERE id = ? AND ended_at IS NULL',
        context.at,
        id,
      );
      if (ended.changes > 0) yield* this.#authAudit(context, 'session', id, action, {});
    });
  }

  endSessions(accountId: string, context: AuthContext): Promise<number> {
    return this.#write(function* (this: SqlStore) {
      return yield* this.#endAll(accountId, context, 'sign-out-everywhere');
    });
  }

  issueActivationCodes(
    evaluationId: string,
    codes: readonly NewActivationCode[],
    context: AuthContext,
  ): Promise<void> {
    // A county's codes at once (100,000 enterprises): a few statements of many rows each, on the
    // writer thread (LARGE), in one transaction as before.
    return this.#write(
      function* (this: SqlStore) {
        yield* insertMany(
          'accounts',
          ['id', 'name', 'role', 'uscc', 'town', 'created_at'],
          codes.map((code) => [newId('acc'), code.uscc, 'enterprise', code.uscc, code.town, context.at]),
          `ON CONFLICT (name) DO UPDATE SET town = excluded.town WHERE accounts.role = 'enterprise'`,
        );
        yield* insertMany(
          'activation_codes',
          ['uscc', 'evaluation_id', 'salt', 'hash', 'issued_at', 'expires_at'],
          codes.map((code) => [code.uscc, evaluationId, code.salt, code.hash, context.at, code.expiresAt]),
          `ON CONFLICT (uscc) DO UPDATE SET evaluation_id = excluded.evaluation_id, salt = excluded.salt,
             hash = excluded.hash, issued_at = excluded.issued_at, expires_at = excluded.expires_at,
             used_at = NULL`,
        );
        yield* insertMany(
          'audit',
          AUDIT_COLUMNS,
          codes.map((code) =>
            auditRow(
              context,
              'account',
              code.uscc,
              'activation-code-issue',
              null,
              JSON.stringify(authAudited(context, { evaluation: evaluationId, expiresAt: code.expiresAt })),
            ),
          ),
        );
      },
      codes.length > 1 ? LARGE : undefined,
    );
  }

  activationCode(uscc: string): Promise<ActivationCode | undefined> {
    return this.#read(function* (this: SqlStore) {
      const row = yield* get('SELECT * FROM activation_codes WHERE uscc = ?', uscc);
      return row === undefined
        ? undefined
        : {
            uscc: text(row, 'uscc'),
            evaluationId: text(row, 'evaluation_id'),
            salt: text(row, 'salt'),
            hash: text(row, 'hash'),
            issuedAt: text(row, 'issued_at'),
            expiresAt: text(row, 'expires_at'),
            usedAt: textOrNull(row, 'used_at'),
          };
    });
  }

  activate(uscc: string, codeHash: string, passwordHash: string, context: AuthContext): Promise<boolean> {
    return this.#write(function* (this: SqlStore) {
      const used = yield* run(
        'UPDATE activation_codes SET used_at = ? WHERE uscc = ? AND hash = ? AND used_at IS NULL AND expires_at > ?',
        context.at,
        uscc,
        codeHash,
        context.at,
      );
      if (used.changes === 0) return false;
      const row = yield* get("SELECT id FROM accounts WHERE name = ? AND role = 'enterprise'", uscc);
      if (row === undefined) throw notFound('account');
      yield* run(
        'UPDATE accounts SET password_hash = ?, must_change = 0, password_changed_at = ? WHERE id = ?',
        passwordHash,
        context.at,
        text(row, 'id'),
      );
      yield* this.#endAll(text(row, 'id'), context, 'end-password-changed');
      yield* this.#authAudit(context, 'account', uscc, 'activate', {});
      return true;
    });
  }

  enterpriseTowns(uscc: string): Promise<(string | null)[]> {
    return this.#read(function* () {
      const rows = yield* all('SELECT DISTINCT town FROM results WHERE uscc = ?', uscc);
      return rows.map((row) => textOrNull(row, 'town'));
    });
  }

  enterpriseName(uscc: string): Promise<string | undefined> {
    return this.#read(function* () {
      // One primary-key probe per evaluation (a handful), newest first: results have no index by code.
      const row = yield* get(
        `SELECT name FROM (
           SELECT e.seq, (SELECT r.name FROM results r
                          WHERE r.evaluation_id = e.id AND r.phase = 'initial' AND r.uscc = ?) AS name
           FROM evaluations e
         ) named
         WHERE name <> ''
         ORDER BY seq DESC LIMIT 1`,
        uscc,
      );
      return row === undefined ? undefined : text(row, 'name');
    });
  }

  async activationStates(evaluationId: string, town?: string): Promise<ActivationState[]> {
    // Read a page at a time (a county's 100,000 enterprises would hold the event loop for seconds),
    // in the stored order, then grouped by town: towns in code-point order, no town first, as
    // `ORDER BY town NULLS FIRST, ordinal` gives on SQLite.
    const byTown = new Map<string | null, ActivationState[]>();
    await this.#readChunked(
      -1,
      'ordinal',
      (after) =>
        all(
          `${ACTIVATION_STATE_SELECT}
           WHERE r.evaluation_id = ? AND r.phase = 'initial' AND (CAST(? AS TEXT) IS NULL OR r.town = ?)
             AND r.ordinal > ?
           ORDER BY r.ordinal LIMIT ?`,
          evaluationId,
          town ?? null,
          town ?? null,
          after,
          READ_CHUNK,
        ),
      (rows) => {
        for (const row of rows) {
          const state = activationStateOf(row);
          const group = byTown.get(state.town);
          if (group === undefined) byTown.set(state.town, [state]);
          else group.push(state);
        }
      },
    );
    const towns = [...byTown.keys()].sort((a, b) =>
      a === null ? -1 : b === null ? 1 : Buffer.compare(Buffer.from(a), Buffer.from(b)),
    );
    return towns.flatMap((name) => byTown.get(name) ?? []);
  }

  activationState(evaluationId: string, uscc: string): Promise<ActivationState | undefined> {
    return this.#read(function* () {
      const row = yield* get(
        `${ACTIVATION_STATE_SELECT} WHERE r.evaluation_id = ? AND r.phase = 'initial' AND r.uscc = ?`,
        evaluationId,
        uscc,
      );
      return row === undefined ? undefined : activationStateOf(row);
    });
  }

  appendAudit(
    entity: string,
    entityId: string,
    action: string,
    after: unknown,
    context: AuthContext,
  ): Promise<void> {
    return this.#write(function* (this: SqlStore) {
      yield* this.#authAudit(
        context,
        entity,
        entityId,
        action,
        typeof after === 'object' && after !== null ? after : { value: after },
      );
    });
  }

  // Evaluations

  #evaluation(row: Row): Evaluation {
    return {
      id: text(row, 'id'),
      name: text(row, 'name'),
      year: row['year'] === null ? null : int(row, 'year'),
      state: text(row, 'state') as EvaluationState,
      version: int(row, 'version'),
      scheme: { id: text(row, 'scheme_id'), name: text(row, 'scheme_name') },
      createdAt: text(row, 'created_at'),
      enterprises: int(row, 'enterprises'),
      summary: JSON.parse(text(row, 'summary_json')) as Evaluation['summary'],
      publication: json(textOrNull(row, 'publication_json')) as Publication | null,
      recomputedAt: textOrNull(row, 'recomputed_at'),
      finalizedAt: textOrNull(row, 'finalized_at'),
      finalEtag: textOrNull(row, 'final_etag'),
    };
  }

  static readonly #EVALUATION_COLUMNS = `id, seq, name, year, state, version, scheme_id, scheme_name,
    enterprises, summary_json, created_at, publication_json, recomputed_at, finalized_at, final_etag`;

  *#loadEvaluation(id: string): Work<Evaluation | undefined> {
    const row = yield* get(`SELECT ${SqlStore.#EVALUATION_COLUMNS} FROM evaluations WHERE id = ?`, id);
    return row === undefined ? undefined : this.#evaluation(row);
  }

  *#mustEvaluation(id: string): Work<Evaluation> {
    const evaluation = yield* this.#loadEvaluation(id);
    if (evaluation === undefined) throw notFound('evaluation');
    return evaluation;
  }

  createEvaluation(input: NewEvaluation, context: WriteContext<Evaluation>): Promise<Evaluation> {
    return this.#write(function* (this: SqlStore) {
      yield* run(
        `INSERT INTO evaluations (id, seq, name, year, state, version, scheme_id, scheme_name, scheme_json,
             enterprises, summary_json, created_at, created_by)
           VALUES (?, ?, ?, ?, 'draft', 1, ?, ?, ?, ?, ?, ?, ?)`,
        input.id,
        yield* this.#nextSeq('evaluations'),
        input.name,
        input.year ?? null,
        input.scheme.id,
        input.scheme.name,
        input.scheme.json,
        input.results.length,
        JSON.stringify(input.summary),
        context.at,
        context.actor.id,
      );
      yield* insertMany(
        'records',
        ['evaluation_id', 'uscc', 'record_json'],
        mapRows(input.records, (record) => [input.id, record.uscc, record.recordJson]),
      );
      yield* this.#insertResults(input.id, 'initial', input.results);
      const evaluation = yield* this.#mustEvaluation(input.id);
      yield* this.#audit(context, 'evaluation', input.id, 'create', null, {
        state: evaluation.state,
        name: evaluation.name,
        year: evaluation.year,
        scheme: evaluation.scheme,
        enterprises: evaluation.enterprises,
        counts: evaluation.summary.counts,
      });
      yield* this.#remember(context, evaluation);
      return evaluation;
    }, LARGE);
  }

  *#insertResults(evaluationId: string, phase: Phase, rows: Rows<ResultRow>): Work<void> {
    yield* insertMany(
      'results',
      [
        'evaluation_id',
        'phase',
        'ordinal',
        'uscc',
        'cohort',
        'final_class',
        'town',
        'industry',
        'summary_json',
        'result_json',
        'etag',
      ],
      mapRows(rows, (row) => [
        evaluationId,
        phase,
        row.ordinal,
        row.uscc,
        row.cohort,
        row.finalClass,
        row.town,
        row.industry,
        row.summaryJson,
        row.resultJson,
        row.etag,
      ]),
    );
  }

  getEvaluation(id: string): Promise<Evaluation | undefined> {
    return this.#read(function* (this: SqlStore) {
      return yield* this.#loadEvaluation(id);
    });
  }

  /**
   * Read by every result lookup, so remembered for STATE_TTL_MS where one process owns the database
   * (SQLite): a statement per lookup was ~6% of its CPU. Never on PostgreSQL, where another instance may
   * publish or finalize at any moment. An unknown id is not remembered, so a new evaluation is seen at once.
   */
  evaluationState(id: string): Promise<EvaluationState | undefined> {
    const now = Date.now();
    const known = this.#states.get(id);
    if (known !== undefined && known.until > now) return Promise.resolve(known.state);
    const states = this.#engine.shared ? undefined : this.#states;
    return this.#read(function* () {
      const row = yield* get('SELECT state FROM evaluations WHERE id = ?', id);
      if (row === undefined) return undefined;
      const state = text(row, 'state') as EvaluationState;
      if (states !== undefined) {
        if (states.size >= STATES_CACHED) states.clear();
        states.set(id, { state, until: now + STATE_TTL_MS });
      }
      return state;
    });
  }

  listEvaluations(states: readonly EvaluationState[], page: PageRequest): Promise<Page<Evaluation>> {
    return this.#read(function* (this: SqlStore) {
      // The states are the fixed enum, so the placeholders' count is the only thing that varies.
      const marks = states.map(() => '?').join(', ');
      const rows = yield* all(
        `SELECT ${SqlStore.#EVALUATION_COLUMNS} FROM evaluations
         WHERE state IN (${marks}) AND seq > ? ORDER BY seq LIMIT ?`,
        ...states,
        page.after ?? 0,
        page.limit + 1,
      );
      const result = paged(rows, page.limit, (row) => int(row, 'seq'));
      return { items: result.items.map((row) => this.#evaluation(row)), next: result.next };
    });
  }

  async records(evaluationId: string): Promise<EnterpriseRecord[]> {
    // A chunk's lines at a time: all the county's lines as strings at once would double the peak.
    const records: EnterpriseRecord[] = [];
    for (const chunk of await this.recordChunks(evaluationId)) {
      for (const json of jsonLines([chunk])) records.push(JSON.parse(json) as EnterpriseRecord);
    }
    return records;
  }

  recordChunks(evaluationId: string): Promise<JsonText[]> {
    return this.#jsonLineChunks('', 'uscc', 'record_json', (after) =>
      all(
        'SELECT uscc, record_json FROM records WHERE evaluation_id = ? AND uscc > ? ORDER BY uscc LIMIT ?',
        evaluationId,
        after,
        READ_CHUNK,
      ),
    );
  }

  schemeJson(evaluationId: string): Promise<string> {
    return this.#read(function* (this: SqlStore) {
      const row = yield* get('SELECT scheme_json FROM evaluations WHERE id = ?', evaluationId);
      if (row === undefined) throw notFound('evaluation');
      return text(row, 'scheme_json');
    });
  }

  finalEvaluationsBefore(year: number): Promise<Evaluation[]> {
    return this.#read(function* (this: SqlStore) {
      const rows = yield* all(
        `SELECT ${SqlStore.#EVALUATION_COLUMNS} FROM evaluations
         WHERE state = 'final' AND year < ? ORDER BY year DESC, finalized_at DESC, seq DESC`,
        year,
      );
      const latest = new Map<number, Evaluation>();
      for (const row of rows) {
        const evaluation = this.#evaluation(row);
        if (evaluation.year !== null && !latest.has(evaluation.year)) latest.set(evaluation.year, evaluation);
      }
      return [...latest.values()];
    });
  }

  // Results

  /**
   * One enterprise's result, the most frequent read there is: kept in memory once read (least recently
   * used dropped first, RESULT_CACHE_CHARS in all), since results are immutable.
   */
  async result(evaluationId: string, phase: Phase, uscc: string): Promise<StoredResult | undefined> {
    const key = `${evaluationId}\u0000${phase}\u0000${uscc}`;
    const cached = this.#results.get(key);
    if (cached !== undefined) {
      this.#results.delete(key);
      this.#results.set(key, cached);
      return cached;
    }
    const result = await this.#read(function* (this: SqlStore) {
      const row = yield* get(
        'SELECT uscc, town, result_json, etag FROM results WHERE evaluation_id = ? AND phase = ? AND uscc = ?',
        evaluationId,
        phase,
        uscc,
      );
      return row === undefined
        ? undefined
        : {
            uscc: text(row, 'uscc'),
            town: textOrNull(row, 'town'),
            resultJson: text(row, 'result_json'),
            etag: text(row, 'etag'),
          };
    });
    if (result !== undefined && !this.#results.has(key)) {
      this.#results.set(key, result);
      this.#resultChars += result.resultJson.length;
      for (const [oldest, value] of this.#results) {
        if (this.#resultChars <= RESULT_CACHE_CHARS) break;
        this.#results.delete(oldest);
        this.#resultChars -= value.resultJson.length;
      }
    }
    return result;
  }

  /** The WHERE clause of a filter: fixed fragments chosen by which filters are present, values bound. */
  #where(evaluationId: string, phase: Phase, filter: ResultFilter): { sql: string; params: unknown[] } {
    const where = ['evaluation_id = ?', 'phase = ?'];
    const params: unknown[] = [evaluationId, phase];
    if (filter.cohort !== undefined) {
      where.push('cohort = ?');
      params.push(filter.cohort);
    }
    if (filter.finalClass !== undefined) {
      where.push('final_class = ?');
      params.push(filter.finalClass);
    }
    if (filter.town !== undefined) {
      where.push('town = ?');
      params.push(filter.town);
    }
    if (filter.uscc !== undefined) {
      where.push('uscc = ?');
      params.push(filter.uscc);
    }
    if (filter.industry !== undefined) {
      where.push('substr(industry, 1, ?) = ?');
      params.push(filter.industry.length, filter.industry);
    }
    if (filter.status !== undefined) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.q !== undefined) {
      // Not LIKE: a % or _ in what was typed is a character, not a wildcard.
      const dialect = this.#engine.dialect;
      where.push(`(${dialect.contains('name')} OR ${dialect.contains('uscc')})`);
      params.push(filter.q, filter.q.toUpperCase());
    }
    return { sql: where.join(' AND '), params };
  }

  /** ORDER BY from a closed list: only the direction and the bound JSON path vary. */
  #orderBy(sort: ResultSort): { sql: string; params: unknown[] } {
    const direction = sort.descending ? 'DESC' : 'ASC';
    switch (sort.by) {
      case 'rank':
        return { sql: `rank IS NULL, rank ${direction}, ordinal`, params: [] };
      case 'total':
        return { sql: `total_score IS NULL, total_score ${direction}, ordinal`, params: [] };
      case 'name':
        return { sql: `name ${direction}, ordinal`, params: [] };
      case 'code':
        return { sql: `uscc ${direction}`, params: [] };
      case 'indicator': {
        const value = this.#engine.dialect.indicatorValue;
        return {
          sql: `${value} IS NULL, ${value} ${direction}, ordinal`,
          params: [sort.indicator, sort.indicator],
        };
      }
    }
  }

  listResults(
    evaluationId: string,
    phase: Phase,
    filter: ResultFilter,
    page: PageRequest,
  ): Promise<Page<string>> {
    return this.#read(function* (this: SqlStore) {
      const where = this.#where(evaluationId, phase, filter);
      const rows = yield* all(
        `SELECT ordinal, summary_json FROM results WHERE ${where.sql} AND ordinal > ? ORDER BY ordinal LIMIT ?`,
        ...where.params,
        page.after ?? -1,
        page.limit + 1,
      );
      const result = paged(rows, page.limit, (row) => int(row, 'ordinal'));
      return {
        items: result.items.map((row) => text(row, 'summary_json')),
        next: result.next,
      };
    });
  }

  countResults(evaluationId: string, phase: Phase, filter: ResultFilter): Promise<number> {
    return this.#read(function* (this: SqlStore) {
      const where = this.#where(evaluationId, phase, filter);
      const row = yield* get(`SELECT COUNT(*) AS n FROM results WHERE ${where.sql}`, ...where.params);
      return row === undefined ? 0 : int(row, 'n');
    });
  }

  searchResults(
    evaluationId: string,
    phase: Phase,
    filter: ResultFilter,
    sort: ResultSort,
    page: { readonly offset: number; readonly limit: number },
  ): Promise<ResultSearch> {
    return this.#read(function* (this: SqlStore) {
      const where = this.#where(evaluationId, phase, filter);
      const order = this.#orderBy(sort);
      const items = column(
        yield* all(
          `SELECT summary_json FROM results WHERE ${where.sql} ORDER BY ${order.sql} LIMIT ? OFFSET ?`,
          ...where.params,
          ...order.params,
          page.limit + 1,
          page.offset,
        ),
        'summary_json',
      );
      const total = yield* get(`SELECT COUNT(*) AS n FROM results WHERE ${where.sql}`, ...where.params);
      return {
        items: items.slice(0, page.limit),
        total: total === undefined ? 0 : int(total, 'n'),
        more: items.length > page.limit,
      };
    });
  }

  async resultDocuments(evaluationId: string, phase: Phase): Promise<string[]> {
    const documents: string[] = [];
    for await (const page of this.resultDocumentPages(evaluationId, phase)) documents.push(...page);
    return documents;
  }

  async *resultDocumentPages(evaluationId: string, phase: Phase): AsyncGenerator<readonly string[]> {
    let after = -1;
    for (;;) {
      const rows = await this.#read(() => this.#resultColumn(evaluationId, phase, 'result_json', after));
      const last = rows.at(-1);
      if (last === undefined) return;
      yield column(rows, 'result_json');
      if (rows.length < READ_CHUNK) return;
      after = int(last, 'ordinal');
      // As #readChunked: other requests get a turn between reads, however fast the pages are taken.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  resultSummaryChunks(evaluationId: string, phase: Phase): Promise<JsonText[]> {
    return this.#jsonLineChunks(-1, 'ordinal', 'summary_json', (after) =>
      this.#resultColumn(evaluationId, phase, 'summary_json', after),
    );
  }

  /** A chunk of one JSON column of a grading's results, in rank order, after the ordinal `after`. */
  *#resultColumn(
    evaluationId: string,
    phase: Phase,
    name: 'result_json' | 'summary_json',
    after: number,
  ): Work<Row[]> {
    return yield* all(
      `SELECT ordinal, ${name} FROM results
       WHERE evaluation_id = ? AND phase = ? AND ordinal > ? ORDER BY ordinal LIMIT ?`,
      evaluationId,
      phase,
      after,
      READ_CHUNK,
    );
  }

  async finalClasses(evaluationId: string, phase: Phase): Promise<FinalClass[]> {
    // A page at a time: each row is a lookup in the wide results table (17 µs a row on SQLite), seconds
    // of the event loop at a county's 100,000.
    const classes: FinalClass[] = [];
    await this.#readChunked(
      -1,
      'ordinal',
      (after) =>
        all(
          `SELECT ordinal, uscc, final_class FROM results
           WHERE evaluation_id = ? AND phase = ? AND ordinal > ? ORDER BY ordinal LIMIT ?`,
          evaluationId,
          phase,
          after,
          READ_CHUNK,
        ),
      (rows) => {
        for (const row of rows)
          classes.push({ uscc: text(row, 'uscc'), finalClass: textOrNull(row, 'final_class') });
      },
    );
    return classes;
  }

  // State transitions

  *#transition(
    id: string,
    context: WriteContext<Evaluation>,
    action: string,
    change: (this: SqlStore, before: Evaluation) => Work<void>,
  ): Work<Evaluation> {
    const before = yield* this.#mustEvaluation(id);
    yield* change.call(this, before);
    yield* run('UPDATE evaluations SET version = version + 1 WHERE id = ?', id);
    const after = yield* this.#mustEvaluation(id);
    const view = (evaluation: Evaluation) => ({
      state: evaluation.state,
      version: evaluation.version,
      publication: evaluation.publication,
      recomputedAt: evaluation.recomputedAt,
      finalizedAt: evaluation.finalizedAt,
      finalEtag: evaluation.finalEtag,
    });
    yield* this.#audit(context, 'evaluation', id, action, view(before), view(after));
    yield* this.#remember(context, after);
    return after;
  }

  publish(
    id: string,
    decide: (evaluation: Evaluation) => Publication,
    context: WriteContext<Evaluation>,
  ): Promise<Evaluation> {
    return this.#write(function* (this: SqlStore) {
      return yield* this.#transition(id, context, 'publish', function* (this: SqlStore, before) {
        const publication = decide(before);
        yield* run(
          `UPDATE evaluations SET state = 'published', publication_json = ? WHERE id = ? AND state = 'draft'`,
          JSON.stringify(publication),
          id,
        );
      });
    });
  }

  withdrawPublication(
    id: string,
    decide: (evaluation: Evaluation) => void,
    context: WriteContext<Evaluation>,
  ): Promise<Evaluation> {
    return this.#write(function* (this: SqlStore) {
      return yield* this.#transition(id, context, 'withdraw-publication', function* (this: SqlStore, before) {
        decide(before);
        yield* run(
          `UPDATE evaluations SET state = 'draft', publication_json = NULL WHERE id = ? AND state = 'published'`,
          id,
        );
      });
    });
  }

  saveRecomputation(
    id: string,
    expectedVersion: number,
    decide: (evaluation: Evaluation) => void,
    recomputation: Recomputation,
    results: Rows<ResultRow>,
    context: WriteContext<Evaluation>,
  ): Promise<Evaluation> {
    return this.#write(function* (this: SqlStore) {
      return yield* this.#transition(id, context, 'recompute', function* (this: SqlStore, before) {
        decide(before);
        const changed = yield* run(
          `UPDATE evaluations SET state = 'recomputed', recomputed_at = ?, recompute_json = ?
             WHERE id = ? AND version = ?`,
          recomputation.recomputedAt,
          JSON.stringify(recomputation),
          id,
          expectedVersion,
        );
        if (changed.changes === 0) {
          throw new DomainError(
            DomainErrorCode.Concurrent,
            'the evaluation changed while it was being recomputed (a decision was revised); recompute again',
          );
        }
        yield* this.#insertResults(id, 'recomputed', results);
      });
    }, LARGE);
  }

  recomputation(id: string): Promise<Recomputation | undefined> {
    return this.#read(function* (this: SqlStore) {
      const row = yield* get('SELECT recompute_json FROM evaluations WHERE id = ?', id);
      const value =
        row === undefined
          ? null
          : (json(textOrNull(row, 'recompute_json')) as
              (Omit<Recomputation, 'scoreOnly'> & { scoreOnly?: number }) | null);
      // Recomputations stored before scoreOnly was counted listed every score change; they count none.
      return value === null ? undefined : { ...value, scoreOnly: value.scoreOnly ?? 0 };
    });
  }

  finalize(
    id: string,
    decide: (evaluation: Evaluation) => { readonly finalEtag: string },
    context: WriteContext<Evaluation>,
  ): Promise<Evaluation> {
    return this.#write(function* (this: SqlStore) {
      return yield* this.#transition(id, context, 'finalize', function* (this: SqlStore, before) {
        const { finalEtag } = decide(before);
        yield* run(
          `UPDATE evaluations SET state = 'final', finalized_at = ?, final_etag = ?
             WHERE id = ? AND state = 'recomputed'`,
          context.at,
          finalEtag,
          id,
        );
      });
    });
  }

  // Objections

  #item(row: Row): ObjectionItem {
    const decision = textOrNull(row, 'decision');
    const field = text(row, 'field') as ObjectionItem['field'];
    return {
      id: text(row, 'id'),
      field,
      header: CONTESTABLE_FIELDS[field].header,
      kind: CONTESTABLE_FIELDS[field].kind,
      department: text(row, 'department') as Reviewer,
      currentValue: textOrNull(row, 'current_value'),
      claimedValue: text(row, 'claimed_value'),
      status: decision === 'upheld' || decision === 'rejected' ? decision : 'pending',
      correctedValue: textOrNull(row, 'corrected_value'),
      decisionReason: textOrNull(row, 'decision_reason'),
      decidedAt: textOrNull(row, 'decided_at'),
      version: int(row, 'version'),
    };
  }

  static readonly #ITEM_COLUMNS = `id, seq, objection_id, evaluation_id, uscc, field, department, current_value,
    claimed_value, decision, corrected_value, decision_reason, decided_at, version`;

  *#objection(row: Row): Work<Objection> {
    const id = text(row, 'id');
    const itemRows = yield* all(
      `SELECT ${SqlStore.#ITEM_COLUMNS} FROM objection_items WHERE objection_id = ? ORDER BY seq`,
      id,
    );
    const items = itemRows.map((item) => this.#item(item));
    const evidenceRows = yield* all(
      'SELECT id, filename, media_type, size, sha256 FROM evidence WHERE objection_id = ? ORDER BY ordinal',
      id,
    );
    const evidence = evidenceRows.map((file) => this.#evidenceMeta(file));
    return {
      id,
      receiptNo: receiptNumber(int(row, 'seq'), text(row, 'filed_at')),
      evaluationId: text(row, 'evaluation_id'),
      uscc: text(row, 'uscc'),
      name: text(row, 'name'),
      town: textOrNull(row, 'town'),
      reason: text(row, 'reason'),
      filedAt: text(row, 'filed_at'),
      filedBy: text(row, 'filed_role') as Objection['filedBy'],
      status: items.every((item) => item.status !== 'pending') ? 'decided' : 'under_review',
      items,
      evidence,
    };
  }

  #evidenceMeta(row: Row): EvidenceMeta {
    return {
      id: text(row, 'id'),
      filename: text(row, 'filename'),
      mediaType: text(row, 'media_type') as EvidenceMeta['mediaType'],
      size: int(row, 'size'),
      sha256: text(row, 'sha256'),
    };
  }

  *#loadObjection(id: string): Work<Objection | undefined> {
    const row = yield* get('SELECT * FROM objections WHERE id = ?', id);
    return row === undefined ? undefined : yield* this.#objection(row);
  }

  fileObjection(
    evaluationId: string,
    uscc: string,
    decide: (view: FilingView) => NewObjection,
    context: WriteContext<Objection>,
  ): Promise<Objection> {
    return this.#writeKeepingStates(function* (this: SqlStore) {
      // A key already used is replayed, whatever the rules would say now (the window may have closed).
      yield* this.#recall(context);
      // What the rules need, in one statement rather than four: the evaluation's state and window, the enterprise's
      // record, and the evidence bytes stored for the enterprise and for the evaluation (one row each,
      // kept by triggers: SQLite migrations 8 and 13, PostgreSQL 1 and 7). Read in the filing's
      // transaction: concurrent filings are serialised, so a quota checked on these totals cannot be
      // passed by two filings that each fit alone.
      const row = yield* get(
        `SELECT e.state, e.publication_json, e.finalized_at,
           (SELECT record_json FROM records r WHERE r.evaluation_id = e.id AND r.uscc = ?) AS record_json,
           (SELECT COALESCE(SUM(t.bytes), 0) FROM evidence_totals t
              WHERE t.evaluation_id = e.id AND t.uscc = ?) AS enterprise_bytes,
           (SELECT v.bytes FROM evidence_evaluation_totals v WHERE v.evaluation_id = e.id) AS evaluation_bytes
         FROM evaluations e WHERE e.id = ?`,
        uscc,
        uscc,
        evaluationId,
      );
      if (row === undefined) throw notFound('evaluation');
      const evaluation: FilingEvaluation = {
        state: text(row, 'state') as EvaluationState,
        publication: json(textOrNull(row, 'publication_json')) as Publication | null,
        finalizedAt: textOrNull(row, 'finalized_at'),
      };
      const recordJson = textOrNull(row, 'record_json');
      const record = recordJson === null ? undefined : (JSON.parse(recordJson) as EnterpriseRecord);
      const evidenceBytes = {
        enterprise: int(row, 'enterprise_bytes'),
        evaluation: row['evaluation_bytes'] === null ? 0 : int(row, 'evaluation_bytes'),
      };
      const contested = new Set(
        column(
          yield* all(
            `SELECT field FROM objection_items
               WHERE evaluation_id = ? AND uscc = ? AND (decision IS NULL OR decision = 'upheld')`,
            evaluationId,
            uscc,
          ),
          'field',
        ),
      );
      const objection = decide({ evaluation, record, contested, evidenceBytes });
      // The next seq is taken in the INSERT itself (writes are serialised: no other can take it meanwhile),
      // one statement rather than a read and a write.
      const inserted = yield* get(
        `INSERT INTO objections (id, seq, evaluation_id, uscc, name, town, reason, filed_by, filed_role, filed_at)
           VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM objections), ?, ?, ?, ?, ?, ?, ?, ?)
           RETURNING seq`,
        objection.id,
        evaluationId,
        objection.uscc,
        objection.name,
        objection.town,
        objection.reason,
        context.actor.id,
        objection.filedRole,
        context.at,
      );
      if (inserted === undefined) throw new Error('the objection was not inserted');
      const seq = int(inserted, 'seq');
      const items: ObjectionItem[] = [];
      for (const item of objection.items) {
        yield* run(
          `INSERT INTO objection_items (id, seq, objection_id, evaluation_id, uscc, field, department,
               current_value, claimed_value, version)
             VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM objection_items), ?, ?, ?, ?, ?, ?, ?, 1)`,
          item.id,
          objection.id,
          evaluationId,
          objection.uscc,
          item.field,
          item.department,
          item.currentValue,
          item.claimedValue,
        );
        // As #item reads it back: a new item is pending, at version 1.
        items.push({
          id: item.id,
          field: item.field,
          header: CONTESTABLE_FIELDS[item.field].header,
          kind: CONTESTABLE_FIELDS[item.field].kind,
          department: item.department,
          currentValue: item.currentValue,
          claimedValue: item.claimedValue,
          status: 'pending',
          correctedValue: null,
          decisionReason: null,
          decidedAt: null,
          version: 1,
        });
      }
      const evidence: EvidenceMeta[] = [];
      for (const [ordinal, file] of objection.evidence.entries()) {
        yield* run(
          `INSERT INTO evidence (id, objection_id, ordinal, filename, media_type, size, sha256, content)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          file.id,
          objection.id,
          ordinal,
          file.filename,
          file.mediaType,
          file.size,
          file.sha256,
          file.content,
        );
        evidence.push({
          id: file.id,
          filename: file.filename,
          mediaType: file.mediaType,
          size: file.size,
          sha256: file.sha256,
        });
      }
      // Filing changes what a recomputation must take into account.
      yield* run('UPDATE evaluations SET version = version + 1 WHERE id = ?', evaluationId);
      // The objection as #objection would read it back (what getObjection answers), built from what was
      // just written rather than read again: three statements fewer in the filing's transaction.
      const created: Objection = {
        id: objection.id,
        receiptNo: receiptNumber(seq, context.at),
        evaluationId,
        uscc: objection.uscc,
        name: objection.name,
        town: objection.town,
        reason: objection.reason,
        filedAt: context.at,
        filedBy: objection.filedRole,
        status: items.every((item) => item.status !== 'pending') ? 'decided' : 'under_review',
        items,
        evidence,
      };
      // Serialised once: the audit's state and the stored (and sent) response are the same text.
      const createdJson = JSON.stringify(created);
      yield* this.#auditJson(context, 'objection', created.id, 'file', null, createdJson);
      yield* this.#remember(context, created, createdJson);
      return created;
    });
  }

  getObjection(id: string): Promise<Objection | undefined> {
    return this.#read(function* (this: SqlStore) {
      return yield* this.#loadObjection(id);
    });
  }

  listObjections(evaluationId: string, filter: ObjectionFilter, page: PageRequest): Promise<Page<Objection>> {
    return this.#read(function* (this: SqlStore) {
      const where = ['o.evaluation_id = ?', 'o.seq > ?'];
      const params: unknown[] = [evaluationId, page.after ?? 0];
      if (filter.uscc !== undefined) {
        where.push('o.uscc = ?');
        params.push(filter.uscc);
      }
      if (filter.town !== undefined) {
        where.push('o.town = ?');
        params.push(filter.town);
      }
      if (filter.department !== undefined) {
        where.push(
          'EXISTS (SELECT 1 FROM objection_items i WHERE i.objection_id = o.id AND i.department = ?)',
        );
        params.push(filter.department);
      }
      const rows = yield* all(
        `SELECT o.* FROM objections o WHERE ${where.join(' AND ')} ORDER BY o.seq LIMIT ?`,
        ...params,
        page.limit + 1,
      );
      const result = paged(rows, page.limit, (row) => int(row, 'seq'));
      const items: Objection[] = [];
      for (const row of result.items) items.push(yield* this.#objection(row));
      return { items, next: result.next };
    });
  }

  evidence(
    objectionId: string,
    evidenceId: string,
  ): Promise<{ readonly meta: EvidenceMeta; readonly content: Buffer } | undefined> {
    return this.#read(function* (this: SqlStore) {
      const row = yield* get(
        'SELECT id, filename, media_type, size, sha256, content FROM evidence WHERE objection_id = ? AND id = ?',
        objectionId,
        evidenceId,
      );
      if (row === undefined) return undefined;
      const content = row['content'];
      if (!Buffer.isBuffer(content)) throw new Error('evidence content is not a blob');
      return { meta: this.#evidenceMeta(row), content };
    });
  }

  decideItem(
    objectionId: string,
    itemId: string,
    expectedVersion: number,
    decide: (view: DecisionView) => ItemDecision,
    context: WriteContext<ObjectionItem>,
  ): Promise<ObjectionItem> {
    return this.#write(function* (this: SqlStore) {
      const objection = yield* this.#loadObjection(objectionId);
      const item = objection?.items.find((candidate) => candidate.id === itemId);
      if (objection === undefined || item === undefined) throw notFound('objection item');
      const evaluation = yield* this.#mustEvaluation(objection.evaluationId);
      const decision = decide({ evaluation, objection, item });
      // The version check is in the UPDATE itself: the write happens only on the version the client saw.
      const changed = yield* run(
        `UPDATE objection_items
           SET decision = ?, corrected_value = ?, decision_reason = ?, decided_by = ?, decided_at = ?,
               version = version + 1
           WHERE id = ? AND objection_id = ? AND version = ?`,
        decision.decision,
        decision.correctedValue,
        decision.reason,
        context.actor.id,
        context.at,
        itemId,
        objectionId,
        expectedVersion,
      );
      if (changed.changes === 0) {
        throw new DomainError(
          DomainErrorCode.StaleVersion,
          `该事项已有新的办理结果（当前版本 ${item.version}，您办理的是版本 ${expectedVersion}），请刷新后重新办理`,
          { currentVersion: item.version },
        );
      }
      yield* run('UPDATE evaluations SET version = version + 1 WHERE id = ?', objection.evaluationId);
      const row = yield* get(`SELECT ${SqlStore.#ITEM_COLUMNS} FROM objection_items WHERE id = ?`, itemId);
      if (row === undefined) throw new Error('the item just decided is missing');
      const after = this.#item(row);
      yield* this.#audit(context, 'objection_item', itemId, 'decide', item, after);
      yield* this.#remember(context, after);
      return after;
    });
  }

  listReviewItems(filter: ReviewFilter, page: PageRequest): Promise<Page<ReviewItem>> {
    return this.#read(function* (this: SqlStore) {
      const where = ['i.seq > ?'];
      const params: unknown[] = [page.after ?? 0];
      if (filter.department !== undefined) {
        where.push('i.department = ?');
        params.push(filter.department);
      }
      if (filter.evaluationId !== undefined) {
        where.push('i.evaluation_id = ?');
        params.push(filter.evaluationId);
      }
      if (filter.status === 'pending') where.push('i.decision IS NULL');
      if (filter.status === 'decided') where.push('i.decision IS NOT NULL');
      const rows = yield* all(
        `SELECT i.id, i.seq, i.objection_id, i.evaluation_id, i.uscc, i.field, i.department, i.current_value,
           i.claimed_value, i.decision, i.corrected_value, i.decision_reason, i.decided_at, i.version, o.name,
           ${this.#engine.dialect.jsonText('e.publication_json', ['window', 'lastDay'])} AS window_last_day
         FROM objection_items i JOIN objections o ON o.id = i.objection_id
           JOIN evaluations e ON e.id = i.evaluation_id
         WHERE ${where.join(' AND ')} ORDER BY i.seq LIMIT ?`,
        ...params,
        page.limit + 1,
      );
      const result = paged(rows, page.limit, (row) => int(row, 'seq'));
      return {
        items: result.items.map((row) => ({
          ...this.#item(row),
          objectionId: text(row, 'objection_id'),
          evaluationId: text(row, 'evaluation_id'),
          uscc: text(row, 'uscc'),
          name: text(row, 'name'),
          windowLastDay: textOrNull(row, 'window_last_day'),
        })),
        next: result.next,
      };
    });
  }

  decidedItems(evaluationId: string): Promise<DecidedItem[]> {
    return this.#read(function* (this: SqlStore) {
      const rows = yield* all(
        `SELECT ${SqlStore.#ITEM_COLUMNS} FROM objection_items WHERE evaluation_id = ? ORDER BY seq`,
        evaluationId,
      );
      return rows.map((row) => {
        const item = this.#item(row);
        return {
          objectionId: text(row, 'objection_id'),
          itemId: item.id,
          uscc: text(row, 'uscc'),
          field: item.field,
          status: item.status,
          currentValue: item.currentValue,
          correctedValue: item.correctedValue,
        };
      });
    });
  }

  // Idempotency and audit

  idempotentResponse(
    principal: string,
    key: string,
  ): Promise<(StoredResponse & { readonly fingerprint: string }) | undefined> {
    return this.#read(function* (this: SqlStore) {
      return yield* this.#storedResponse(principal, key);
    });
  }

  claimIdempotencyKey(
    principal: string,
    key: string,
    owner: string,
    at: string,
    staleBefore: string,
  ): Promise<boolean> {
    if (!this.#engine.shared) return Promise.resolve(true);
    // Each statement commits alone (a read unit runs outside a transaction): the claim is visible to
    // every instance at once, without waiting for the write lock.
    return this.#read(function* () {
      yield* run(
        'DELETE FROM idempotency_claims WHERE principal = ? AND key = ? AND (claimed_at < ? OR owner = ?)',
        principal,
        key,
        staleBefore,
        owner,
      );
      const claimed = yield* run(
        `INSERT INTO idempotency_claims (principal, key, claimed_at, owner) VALUES (?, ?, ?, ?)
         ON CONFLICT (principal, key) DO NOTHING`,
        principal,
        key,
        at,
        owner,
      );
      return claimed.changes === 1;
    });
  }

  releaseIdempotencyKey(principal: string, key: string): Promise<void> {
    if (!this.#engine.shared) return Promise.resolve();
    return this.#read(function* () {
      yield* run('DELETE FROM idempotency_claims WHERE principal = ? AND key = ?', principal, key);
    });
  }

  listAudit(filter: AuditFilter, page: PageRequest): Promise<Page<Audit>> {
    return this.#read(function* (this: SqlStore) {
      const where = ['seq > ?'];
      const params: unknown[] = [page.after ?? 0];
      if (filter.entity !== undefined) {
        where.push('entity = ?');
        params.push(filter.entity);
      }
      if (filter.entityId !== undefined) {
        where.push('entity_id = ?');
        params.push(filter.entityId);
      }
      const rows = yield* all(
        `SELECT * FROM audit WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`,
        ...params,
        page.limit + 1,
      );
      const result = paged(rows, page.limit, (row) => int(row, 'seq'));
      return {
        items: result.items.map((row) => ({
          seq: int(row, 'seq'),
          at: text(row, 'at'),
          actor: { id: text(row, 'actor_id'), role: text(row, 'actor_role') as Audit['actor']['role'] },
          entity: text(row, 'entity'),
          entityId: text(row, 'entity_id'),
          action: text(row, 'action'),
          before: json(textOrNull(row, 'before_json')),
          after: json(textOrNull(row, 'after_json')),
        })),
        next: result.next,
      };
    });
  }

  // Holiday calendar

  *#enteredYears(): Work<EnteredCalendarYear[]> {
    const rows = yield* all(
      'SELECT year, arrangement_json, version, entered_at, entered_by FROM calendar_years ORDER BY year',
    );
    return rows.map((row) => ({
      year: int(row, 'year'),
      // Validated when entered; parsed again so that what leaves the store is typed by the schema.
      arrangement: calendarYearSchema.parse(JSON.parse(text(row, 'arrangement_json'))),
      version: int(row, 'version'),
      enteredAt: text(row, 'entered_at'),
      enteredBy: text(row, 'entered_by'),
    }));
  }

  enteredCalendarYears(): Promise<EnteredCalendarYear[]> {
    return this.#read(function* (this: SqlStore) {
      return yield* this.#enteredYears();
    });
  }

  putCalendarYear(
    arrangement: CalendarYear,
    expectedVersion: number | null,
    decide: (entered: readonly CalendarYear[]) => void,
    context: WriteContext<EnteredCalendarYear>,
  ): Promise<EnteredCalendarYear> {
    return this.#write(function* (this: SqlStore) {
      const entered = yield* this.#enteredYears();
      const before = entered.find((row) => row.year === arrangement.year);
      if ((before?.version ?? null) !== expectedVersion) {
        throw new DomainError(
          DomainErrorCode.StaleVersion,
          before === undefined
            ? `${arrangement.year} 年的节假日安排尚未录入，不能按版本 ${String(expectedVersion)} 替换；录入时不带 If-Match`
            : `${arrangement.year} 年的节假日安排已是版本 ${before.version}，请重新读取后再提交`,
          { currentVersion: before?.version ?? null },
        );
      }
      decide([
        ...entered.filter((row) => row.year !== arrangement.year).map((row) => row.arrangement),
        arrangement,
      ]);
      const saved: EnteredCalendarYear = {
        year: arrangement.year,
        arrangement,
        version: (before?.version ?? 0) + 1,
        enteredAt: context.at,
        enteredBy: context.actor.id,
      };
      const json = JSON.stringify(arrangement);
      if (before === undefined) {
        yield* run(
          `INSERT INTO calendar_years (year, arrangement_json, version, entered_at, entered_by)
           VALUES (?, ?, ?, ?, ?)`,
          saved.year,
          json,
          saved.version,
          saved.enteredAt,
          saved.enteredBy,
        );
      } else {
        const changed = yield* run(
          `UPDATE calendar_years SET arrangement_json = ?, version = ?, entered_at = ?, entered_by = ?
             WHERE year = ? AND version = ?`,
          json,
          saved.version,
          saved.enteredAt,
          saved.enteredBy,
          saved.year,
          before.version,
        );
        if (changed.changes !== 1) throw new Error('the calendar year changed inside its own transaction');
      }
      yield* this.#audit(
        context,
        'calendar-year',
        String(arrangement.year),
        before === undefined ? 'enter' : 'replace',
        before?.arrangement ?? null,
        arrangement,
      );
      yield* this.#remember(context, saved);
      return saved;
    });
  }

  // Past years imported (plain SQL: DELETE, INSERT, SELECT with GROUP BY)

  replacePastYear(
    year: number,
    rows: readonly PastResultRow[],
    sourceFile: string,
    context: WriteContext<PastYear>,
  ): Promise<PastYear> {
    return this.#write(function* (this: SqlStore) {
      const before = (yield* this.#pastYears()).find((past) => past.year === year);
      yield* run('DELETE FROM past_results WHERE year = ?', year);
      yield* insertMany(
        'past_results',
        [
          'year',
          'uscc',
          'name',
          'town',
          'industry_code',
          'final_class',
          'total_score',
          'rank',
          'rated',
          'tax_per_mu',
          'source_file',
          'imported_at',
        ],
        rows.map((row) => [
          year,
          row.uscc,
          row.name,
          row.town,
          row.industryCode,
          row.finalClass,
          row.totalScore,
          row.rank,
          row.rated,
          row.taxPerMu,
          sourceFile,
          context.at,
        ]),
      );
      const saved: PastYear = { year, enterprises: rows.length, sourceFile, importedAt: context.at };
      yield* this.#audit(
        context,
        'past-year',
        String(year),
        before === undefined ? 'import' : 'replace',
        before ?? null,
        saved,
      );
      yield* this.#remember(context, saved);
      return saved;
    }, LARGE);
  }

  pastResults(filter: { readonly uscc?: string; readonly town?: string }): Promise<PastResultRow[]> {
    return this.#read(function* () {
      // Each filter is bound or ignored by a NULL test, so the statement's text never varies.
      const rows = yield* all(
        `SELECT * FROM past_results WHERE (CAST(? AS TEXT) IS NULL OR uscc = ?) AND (CAST(? AS TEXT) IS NULL OR town = ?)
           ORDER BY year, uscc`,
        filter.uscc ?? null,
        filter.uscc ?? null,
        filter.town ?? null,
        filter.town ?? null,
      );
      return rows.map((row) => ({
        year: int(row, 'year'),
        uscc: text(row, 'uscc'),
        name: text(row, 'name'),
        town: textOrNull(row, 'town'),
        industryCode: textOrNull(row, 'industry_code'),
        finalClass: textOrNull(row, 'final_class'),
        totalScore: textOrNull(row, 'total_score'),
        rank: row['rank'] === null ? null : int(row, 'rank'),
        rated: row['rated'] === null ? null : int(row, 'rated'),
        taxPerMu: textOrNull(row, 'tax_per_mu'),
      }));
    });
  }

  pastYears(): Promise<PastYear[]> {
    return this.#read(function* (this: SqlStore) {
      return yield* this.#pastYears();
    });
  }

  /** One summary query serves the list and the single year an import replaces (a county has a few). */
  *#pastYears(): Work<PastYear[]> {
    const rows = yield* all(
      `SELECT year, COUNT(*) AS enterprises, MIN(source_file) AS source_file, MAX(imported_at) AS imported_at
         FROM past_results GROUP BY year ORDER BY year`,
    );
    return rows.map(pastYearOf);
  }

  // The 一企一档 rectification ledger (issue 16)

  createLedger(
    evaluationId: string,
    criteria: { readonly threshold: string; readonly classD: boolean },
    files: readonly NewLedgerFile[],
    context: WriteContext<{ created: number; existing: number }>,
  ): Promise<{ readonly created: number; readonly existing: number }> {
    return this.#write(function* (this: SqlStore) {
      yield* this.#mustEvaluation(evaluationId);
      const before = yield* this.#ledgerCriteria(evaluationId);
      if (before === undefined) {
        yield* run(
          `INSERT INTO ledgers (evaluation_id, threshold, class_d, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
          evaluationId,
          criteria.threshold,
          criteria.classD ? 1 : 0,
          context.at,
          context.at,
        );
      } else {
        yield* run(
          'UPDATE ledgers SET threshold = ?, class_d = ?, updated_at = ? WHERE evaluation_id = ?',
          criteria.threshold,
          criteria.classD ? 1 : 0,
          context.at,
          evaluationId,
        );
      }
      const have = new Set(
        column(yield* all('SELECT uscc FROM ledger_files WHERE evaluation_id = ?', evaluationId), 'uscc'),
      );
      let created = 0;
      for (const file of files) {
        if (have.has(file.uscc)) continue;
        yield* run(
          `INSERT INTO ledger_files (id, evaluation_id, uscc, name, town, industry_code, tax_per_mu, final_class,
             reasons_json, measures_json, responsible, deadline, status, outcome, version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', NULL, NULL, 'pending', NULL, 1, ?, ?)`,
          file.id,
          evaluationId,
          file.uscc,
          file.name,
          file.town,
          file.industryCode,
          file.taxPerMu,
          file.finalClass,
          JSON.stringify(file.reasons),
          context.at,
          context.at,
        );
        yield* this.#audit(context, 'ledger-file', file.id, 'create', null, { evaluationId, ...file });
        created++;
      }
      const answer = { created, existing: files.length - created };
      yield* this.#audit(
        context,
        'ledger',
        evaluationId,
        before === undefined ? 'create' : 'extend',
        before ?? null,
        {
          ...criteria,
          ...answer,
        },
      );
      yield* this.#remember(context, answer);
      return answer;
    });
  }

  *#ledgerCriteria(evaluationId: string): Work<LedgerCriteria | undefined> {
    const row = yield* get('SELECT * FROM ledgers WHERE evaluation_id = ?', evaluationId);
    if (row === undefined) return undefined;
    return {
      threshold: text(row, 'threshold'),
      classD: int(row, 'class_d') === 1,
      createdAt: text(row, 'created_at'),
      updatedAt: text(row, 'updated_at'),
    };
  }

  ledgerCriteria(evaluationId: string): Promise<LedgerCriteria | undefined> {
    return this.#read(function* (this: SqlStore) {
      return yield* this.#ledgerCriteria(evaluationId);
    });
  }

  *#ledgerNotes(fileIds: readonly string[]): Work<Map<string, LedgerNote[]>> {
    const notes = new Map<string, LedgerNote[]>();
    for (const fileId of fileIds) {
      const rows = yield* all('SELECT * FROM ledger_notes WHERE file_id = ? ORDER BY seq', fileId);
      const list: LedgerNote[] = [];
      for (const row of rows) {
        const id = text(row, 'id');
        const files = yield* all(
          'SELECT id, filename, media_type, size, sha256 FROM ledger_attachments WHERE note_id = ? ORDER BY ordinal',
          id,
        );
        list.push({
          id,
          at: text(row, 'at'),
          author: text(row, 'author'),
          authorRole: text(row, 'author_role'),
          text: text(row, 'text'),
          attachments: files.map((file) => this.#evidenceMeta(file)),
        });
      }
      notes.set(fileId, list);
    }
    return notes;
  }

  #ledgerFile(row: Row, notes: readonly LedgerNote[]): LedgerFile {
    return {
      id: text(row, 'id'),
      evaluationId: text(row, 'evaluation_id'),
      uscc: text(row, 'uscc'),
      name: text(row, 'name'),
      town: textOrNull(row, 'town'),
      industryCode: textOrNull(row, 'industry_code'),
      taxPerMu: textOrNull(row, 'tax_per_mu'),
      finalClass: textOrNull(row, 'final_class'),
      reasons: JSON.parse(text(row, 'reasons_json')) as LedgerFile['reasons'],
      measures: JSON.parse(text(row, 'measures_json')) as string[],
      responsible: textOrNull(row, 'responsible'),
      deadline: textOrNull(row, 'deadline'),
      status: text(row, 'status') as LedgerFile['status'],
      outcome: textOrNull(row, 'outcome'),
      version: int(row, 'version'),
      createdAt: text(row, 'created_at'),
      updatedAt: text(row, 'updated_at'),
      notes,
    };
  }

  *#loadLedgerFile(id: string): Work<LedgerFile | undefined> {
    const row = yield* get('SELECT * FROM ledger_files WHERE id = ?', id);
    if (row === undefined) return undefined;
    const notes = yield* this.#ledgerNotes([id]);
    return this.#ledgerFile(row, notes.get(id) ?? []);
  }

  ledgerFiles(evaluationId: string, town?: string): Promise<LedgerFile[]> {
    return this.#read(function* (this: SqlStore) {
      // The town is bound or ignored by a NULL test, so the statement's text never varies.
      const rows = yield* all(
        `SELECT * FROM ledger_files WHERE evaluation_id = ? AND (CAST(? AS TEXT) IS NULL OR town = ?)
           ORDER BY town IS NULL, town, uscc`,
        evaluationId,
        town ?? null,
        town ?? null,
      );
      const notes = yield* this.#ledgerNotes(column(rows, 'id'));
      return rows.map((row) => this.#ledgerFile(row, notes.get(text(row, 'id')) ?? []));
    });
  }

  ledgerFile(id: string): Promise<LedgerFile | undefined> {
    return this.#read(function* (this: SqlStore) {
      return yield* this.#loadLedgerFile(id);
    });
  }

  *#mustLedgerFile(id: string, expectedVersion: number): Work<LedgerFile> {
    const file = yield* this.#loadLedgerFile(id);
    if (file === undefined) throw notFound('ledger file');
    if (file.version !== expectedVersion) {
      throw new DomainError(
        DomainErrorCode.StaleVersion,
        `该整改档案已是版本 ${String(file.version)}，已被他人修改，请重新读取后再提交`,
        { currentVersion: file.version },
      );
    }
    return file;
  }

  editLedgerFile(
    id: string,
    expectedVersion: number,
    edit: LedgerEdit,
    context: WriteContext<LedgerFile>,
  ): Promise<LedgerFile> {
    return this.#write(function* (this: SqlStore) {
      const before = yield* this.#mustLedgerFile(id, expectedVersion);
      const changed = yield* run(
        `UPDATE ledger_files SET measures_json = ?, responsible = ?, deadline = ?, status = ?, outcome = ?,
           version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
        JSON.stringify(edit.measures),
        edit.responsible,
        edit.deadline,
        edit.status,
        edit.outcome,
        context.at,
        id,
        expectedVersion,
      );
      if (changed.changes !== 1) throw new Error('the ledger file changed inside its own transaction');
      const after = yield* this.#loadLedgerFile(id);
      if (after === undefined) throw new Error('the ledger file just written is missing');
      const part = (file: LedgerFile) => ({
        measures: file.measures,
        responsible: file.responsible,
        deadline: file.deadline,
        status: file.status,
        outcome: file.outcome,
        version: file.version,
      });
      yield* this.#audit(context, 'ledger-file', id, 'edit', part(before), part(after));
      yield* this.#remember(context, after);
      return after;
    });
  }

  addLedgerNote(
    id: string,
    expectedVersion: number,
    decide: (view: LedgerNoteView) => NewLedgerNote,
    context: WriteContext<LedgerFile>,
  ): Promise<LedgerFile> {
    return this.#write(function* (this: SqlStore) {
      const file = yield* this.#mustLedgerFile(id, expectedVersion);
      const bytes = yield* get(
        'SELECT COALESCE(SUM(size), 0) AS total FROM ledger_attachments WHERE file_id = ?',
        id,
      );
      const note = decide({ file, attachmentBytes: bytes === undefined ? 0 : int(bytes, 'total') });
      const seq = yield* get(
        'SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM ledger_notes WHERE file_id = ?',
        id,
      );
      yield* run(
        `INSERT INTO ledger_notes (id, file_id, seq, at, author, author_role, text) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        note.id,
        id,
        seq === undefined ? 1 : int(seq, 'next'),
        context.at,
        context.actor.id,
        context.actor.role,
        note.text,
      );
      for (const [ordinal, attachment] of note.attachments.entries()) {
        yield* run(
          `INSERT INTO ledger_attachments (id, note_id, file_id, ordinal, filename, media_type, size, sha256, content)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          attachment.id,
          note.id,
          id,
          ordinal,
          attachment.filename,
          attachment.mediaType,
          attachment.size,
          attachment.sha256,
          attachment.content,
        );
      }
      yield* run(
        'UPDATE ledger_files SET version = version + 1, updated_at = ? WHERE id = ?',
        context.at,
        id,
      );
      const after = yield* this.#loadLedgerFile(id);
      if (after === undefined) throw new Error('the ledger file just written is missing');
      yield* this.#audit(context, 'ledger-file', id, 'note', null, after.notes.at(-1) ?? null);
      yield* this.#remember(context, after);
      return after;
    });
  }

  ledgerAttachment(
    fileId: string,
    attachmentId: string,
  ): Promise<{ readonly meta: EvidenceMeta; readonly content: Buffer } | undefined> {
    return this.#read(function* (this: SqlStore) {
      const row = yield* get(
        'SELECT id, filename, media_type, size, sha256, content FROM ledger_attachments WHERE file_id = ? AND id = ?',
        fileId,
        attachmentId,
      );
      if (row === undefined) return undefined;
      const content = row['content'];
      if (!Buffer.isBuffer(content)) throw new Error('attachment content is not a blob');
      return { meta: this.#evidenceMeta(row), content };
    });
  }

  // Saved method proposals (the simulation page)

  #proposalOf(row: Row): Proposal {
    return {
      id: text(row, 'id'),
      name: text(row, 'name'),
      note: textOrNull(row, 'note'),
      scheme: text(row, 'scheme'),
      schemeId: text(row, 'scheme_id'),
      schemeName: text(row, 'scheme_name'),
      savedAt: text(row, 'saved_at'),
      savedBy: text(row, 'saved_by'),
    };
  }

  saveProposal(
    proposal: Omit<Proposal, 'savedAt' | 'savedBy'>,
    context: WriteContext<Proposal>,
  ): Promise<Proposal> {
    return this.#write(function* (this: SqlStore) {
      const saved: Proposal = { ...proposal, savedAt: context.at, savedBy: context.actor.id };
      yield* run(
        `INSERT INTO proposals (id, name, note, scheme, scheme_id, scheme_name, saved_at, saved_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        saved.id,
        saved.name,
        saved.note,
        saved.scheme,
        saved.schemeId,
        saved.schemeName,
        saved.savedAt,
        saved.savedBy,
      );
      yield* this.#audit(context, 'proposal', saved.id, 'save', null, saved);
      yield* this.#remember(context, saved);
      return saved;
    });
  }

  proposals(): Promise<Proposal[]> {
    return this.#read(function* (this: SqlStore) {
      const rows = yield* all('SELECT * FROM proposals ORDER BY saved_at DESC, id');
      return rows.map((row) => this.#proposalOf(row));
    });
  }

  proposal(id: string): Promise<Proposal | undefined> {
    return this.#read(function* (this: SqlStore) {
      const row = yield* get('SELECT * FROM proposals WHERE id = ?', id);
      return row === undefined ? undefined : this.#proposalOf(row);
    });
  }

  // Operations

  ping(): Promise<void> {
    return this.#read(function* (this: SqlStore) {
      yield* get('SELECT 1');
    });
  }

  schema(): Promise<SchemaState> {
    const expected = this.#engine.schemaVersion;
    return this.#read(function* (this: SqlStore) {
      const row = yield* get('SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations');
      return { applied: Number(row?.['version'] ?? 0), expected };
    });
  }

  backup(file: string): Promise<void> {
    return this.#engine.backup(file);
  }

  close(): void {
    void this.#engine.close();
  }

  /** Closes the engine and answers once it is closed (a PostgreSQL pool ends its connections). */
  async shutdown(): Promise<void> {
    await this.#engine.close();
  }
}
