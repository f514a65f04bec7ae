import type { EnterpriseRecord } from '@mujun/scoring';
import type Database from 'better-sqlite3';
import { DomainError, DomainErrorCode, notFound } from '../../domain/errors.js';
import type { Actor, Department, Principal, Role } from '../../domain/roles.js';
import { CONTESTABLE_FIELDS } from '../../domain/contestable-fields.js';
import type {
  Audit,
  AuditFilter,
  DecidedItem,
  DecisionView,
  Evaluation,
  EvaluationState,
  EvidenceMeta,
  FilingView,
  FinalClass,
  ItemDecision,
  NewEvaluation,
  NewObjection,
  NewToken,
  Objection,
  ObjectionFilter,
  ObjectionItem,
  Page,
  PageRequest,
  Phase,
  Publication,
  Recomputation,
  ResultFilter,
  ResultRow,
  ResultSearch,
  ResultSort,
  ReviewFilter,
  ReviewItem,
  Store,
  StoredResponse,
  StoredResult,
  WriteContext,
} from '../store.js';
import { openDatabase } from './database.js';

type Row = Record<string, unknown>;

function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`column ${column} is not text`);
  return value;
}

function textOrNull(row: Row, column: string): string | null {
  const value = row[column];
  return typeof value === 'string' ? value : null;
}

function int(row: Row, column: string): number {
  const value = row[column];
  if (typeof value !== 'number' && typeof value !== 'bigint')
    throw new Error(`column ${column} is not a number`);
  return Number(value);
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

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error('transaction failed', { cause: error });
}

/** How long, and for how many tokens, a token's principal is remembered between requests. */
const TOKEN_TTL_MS = 5_000;
const TOKENS_CACHED = 1_000;

interface QueuedWrite {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The store on SQLite (better-sqlite3): synchronous underneath; each write method is one savepoint of a
 * group-committed transaction (see #write), each read one statement.
 */
export class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  /** Principals of recently seen token hashes (see principalForTokenHash). */
  readonly #tokens = new Map<string, { readonly principal: Principal; readonly until: number }>();
  /** Writes waiting for the next group commit (see #write). */
  readonly #queued: QueuedWrite[] = [];

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Prepared once, reused: statement preparation costs more than most of these queries. */
  #sql(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #get(sql: string, ...params: unknown[]): Row | undefined {
    return this.#sql(sql).get(...params) as Row | undefined;
  }

  #all(sql: string, ...params: unknown[]): Row[] {
    return this.#sql(sql).all(...params) as Row[];
  }

  #run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.#sql(sql).run(...params);
  }

  /**
   * Group commit. A write is queued, and the writes queued in one event-loop turn run together in one
   * IMMEDIATE transaction (the write lock is taken at BEGIN, so what `decide` saw is still true at
   * COMMIT), so they share one fsync: with synchronous=FULL the fsync is most of a write's cost, and
   * concurrent filings would otherwise queue behind each other's. Each write runs in its own SAVEPOINT
   * (a nested better-sqlite3 transaction), so one that throws is rolled back alone and rejects alone.
   * No promise settles before COMMIT has returned: an acknowledged write is durable, and a caller that
   * reads after awaiting its write sees it.
   */
  #write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queued.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.#queued.length === 1) {
        setImmediate(() => {
          this.#flush();
        });
      }
    });
  }

  #flush(): void {
    const batch = this.#queued.splice(0);
    if (batch.length === 0) return;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: Error })[] = [];
    try {
      this.#db
        .transaction(() => {
          for (const { work } of batch) {
            try {
              outcomes.push({ ok: true, value: this.#db.transaction(work)() });
            } catch (error) {
              // Some errors (SQLITE_FULL, SQLITE_IOERR…) make SQLite roll back the whole transaction:
              // then nothing of the batch can commit, and all of it fails below.
              if (!this.#db.inTransaction) throw error;
              outcomes.push({ ok: false, error: asError(error) });
            }
          }
        })
        .immediate();
    } catch (error) {
      // BEGIN or COMMIT failed, or the transaction was lost: no write of the batch is durable.
      for (const { reject } of batch) reject(asError(error));
      return;
    }
    batch.forEach(({ resolve, reject }, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined) reject(new Error('a queued write has no outcome'));
      else if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  }

  #nextSeq(table: 'evaluations' | 'objections' | 'objection_items'): number {
    const row = this.#get(`SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM ${table}`);
    return row === undefined ? 1 : int(row, 'next');
  }

  #audit(
    context: { readonly actor: Actor; readonly at: string },
    entity: string,
    entityId: string,
    action: string,
    before: unknown,
    after: unknown,
  ): void {
    this.#run(
      `INSERT INTO audit (at, actor_id, actor_role, entity, entity_id, action, before_json, after_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      context.at,
      context.actor.id,
      context.actor.role,
      entity,
      entityId,
      action,
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
    );
  }

  #remember<T>(context: WriteContext<T>, created: T): void {
    const write = context.idempotency;
    if (write === undefined) return;
    const response: StoredResponse = write.respond(created);
    this.#run(
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
   * once. Nothing in the server revokes a token yet; one revoked in the database by another process
   * stops working within TOKEN_TTL_MS.
   */
  principalForTokenHash(hash: string): Promise<Principal | undefined> {
    const now = Date.now();
    const cached = this.#tokens.get(hash);
    if (cached !== undefined && cached.until > now) return Promise.resolve(cached.principal);
    this.#tokens.delete(hash);
    const principal = this.#loadPrincipal(hash);
    if (principal !== undefined) {
      if (this.#tokens.size >= TOKENS_CACHED) {
        const oldest = this.#tokens.keys().next();
        if (oldest.done !== true) this.#tokens.delete(oldest.value);
      }
      this.#tokens.set(hash, { principal, until: now + TOKEN_TTL_MS });
    }
    return Promise.resolve(principal);
  }

  #loadPrincipal(hash: string): Principal | undefined {
    const row = this.#get(
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

  createToken(token: NewToken, actor: Actor, at: string): Promise<void> {
    return this.#write(() => {
      this.#run(
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
      this.#audit({ actor, at }, 'token', token.id, 'create', null, shown);
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

  #loadEvaluation(id: string): Evaluation | undefined {
    const row = this.#get(`SELECT ${SqliteStore.#EVALUATION_COLUMNS} FROM evaluations WHERE id = ?`, id);
    return row === undefined ? undefined : this.#evaluation(row);
  }

  #mustEvaluation(id: string): Evaluation {
    const evaluation = this.#loadEvaluation(id);
    if (evaluation === undefined) throw notFound('evaluation');
    return evaluation;
  }

  createEvaluation(input: NewEvaluation, context: WriteContext<Evaluation>): Promise<Evaluation> {
    return this.#write(() => {
      this.#run(
        `INSERT INTO evaluations (id, seq, name, year, state, version, scheme_id, scheme_name, scheme_json,
             enterprises, summary_json, created_at, created_by)
           VALUES (?, ?, ?, ?, 'draft', 1, ?, ?, ?, ?, ?, ?, ?)`,
        input.id,
        this.#nextSeq('evaluations'),
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
      for (const record of input.records) {
        this.#run(
          'INSERT INTO records (evaluation_id, uscc, record_json) VALUES (?, ?, ?)',
          input.id,
          record.uscc,
          JSON.stringify(record),
        );
      }
      this.#insertResults(input.id, 'initial', input.results);
      const evaluation = this.#mustEvaluation(input.id);
      this.#audit(context, 'evaluation', input.id, 'create', null, {
        state: evaluation.state,
        name: evaluation.name,
        year: evaluation.year,
        scheme: evaluation.scheme,
        enterprises: evaluation.enterprises,
        counts: evaluation.summary.counts,
      });
      this.#remember(context, evaluation);
      return evaluation;
    });
  }

  #insertResults(evaluationId: string, phase: Phase, rows: readonly ResultRow[]): void {
    for (const row of rows) {
      this.#run(
        `INSERT INTO results (evaluation_id, phase, ordinal, uscc, cohort, final_class, town, industry,
           summary_json, result_json, etag)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      );
    }
  }

  getEvaluation(id: string): Promise<Evaluation | undefined> {
    return Promise.resolve(this.#loadEvaluation(id));
  }

  listEvaluations(states: readonly EvaluationState[], page: PageRequest): Promise<Page<Evaluation>> {
    // The states are the fixed enum, so the placeholders' count is the only thing that varies.
    const marks = states.map(() => '?').join(', ');
    const rows = this.#all(
      `SELECT ${SqliteStore.#EVALUATION_COLUMNS} FROM evaluations
       WHERE state IN (${marks}) AND seq > ? ORDER BY seq LIMIT ?`,
      ...states,
      page.after ?? 0,
      page.limit + 1,
    );
    const result = paged(rows, page.limit, (row) => int(row, 'seq'));
    return Promise.resolve({ items: result.items.map((row) => this.#evaluation(row)), next: result.next });
  }

  records(evaluationId: string): Promise<EnterpriseRecord[]> {
    const rows = this.#all(
      'SELECT record_json FROM records WHERE evaluation_id = ? ORDER BY uscc',
      evaluationId,
    );
    return Promise.resolve(rows.map((row) => JSON.parse(text(row, 'record_json')) as EnterpriseRecord));
  }

  schemeJson(evaluationId: string): Promise<string> {
    const row = this.#get('SELECT scheme_json FROM evaluations WHERE id = ?', evaluationId);
    if (row === undefined) return Promise.reject(notFound('evaluation'));
    return Promise.resolve(text(row, 'scheme_json'));
  }

  finalEvaluationsBefore(year: number): Promise<Evaluation[]> {
    const rows = this.#all(
      `SELECT ${SqliteStore.#EVALUATION_COLUMNS} FROM evaluations
       WHERE state = 'final' AND year < ? ORDER BY year DESC, finalized_at DESC, seq DESC`,
      year,
    );
    const latest = new Map<number, Evaluation>();
    for (const row of rows) {
      const evaluation = this.#evaluation(row);
      if (evaluation.year !== null && !latest.has(evaluation.year)) latest.set(evaluation.year, evaluation);
    }
    return Promise.resolve([...latest.values()]);
  }

  // Results

  result(evaluationId: string, phase: Phase, uscc: string): Promise<StoredResult | undefined> {
    const row = this.#get(
      'SELECT uscc, town, result_json, etag FROM results WHERE evaluation_id = ? AND phase = ? AND uscc = ?',
      evaluationId,
      phase,
      uscc,
    );
    return Promise.resolve(
      row === undefined
        ? undefined
        : {
            uscc: text(row, 'uscc'),
            town: textOrNull(row, 'town'),
            resultJson: text(row, 'result_json'),
            etag: text(row, 'etag'),
          },
    );
  }

  /** The WHERE clause of a filter: fixed fragments chosen by which filters are present, values bound. */
  static #where(
    evaluationId: string,
    phase: Phase,
    filter: ResultFilter,
  ): { sql: string; params: unknown[] } {
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
      // instr, not LIKE: a % or _ in what was typed is a character, not a wildcard.
      where.push('(instr(name, ?) > 0 OR instr(uscc, ?) > 0)');
      params.push(filter.q, filter.q.toUpperCase());
    }
    return { sql: where.join(' AND '), params };
  }

  /** ORDER BY from a closed list: only the direction and the bound JSON path vary. */
  static #orderBy(sort: ResultSort): { sql: string; params: unknown[] } {
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
        const path = `$.indicators.${sort.indicator}.value`;
        return {
          sql: `json_extract(summary_json, ?) IS NULL, CAST(json_extract(summary_json, ?) AS REAL) ${direction}, ordinal`,
          params: [path, path],
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
    const where = SqliteStore.#where(evaluationId, phase, filter);
    const rows = this.#all(
      `SELECT ordinal, summary_json FROM results WHERE ${where.sql} AND ordinal > ? ORDER BY ordinal LIMIT ?`,
      ...where.params,
      page.after ?? -1,
      page.limit + 1,
    );
    const result = paged(rows, page.limit, (row) => int(row, 'ordinal'));
    return Promise.resolve({
      items: result.items.map((row) => text(row, 'summary_json')),
      next: result.next,
    });
  }

  countResults(evaluationId: string, phase: Phase, filter: ResultFilter): Promise<number> {
    const where = SqliteStore.#where(evaluationId, phase, filter);
    const row = this.#get(`SELECT COUNT(*) AS n FROM results WHERE ${where.sql}`, ...where.params);
    return Promise.resolve(row === undefined ? 0 : int(row, 'n'));
  }

  searchResults(
    evaluationId: string,
    phase: Phase,
    filter: ResultFilter,
    sort: ResultSort,
    page: { readonly offset: number; readonly limit: number },
  ): Promise<ResultSearch> {
    const where = SqliteStore.#where(evaluationId, phase, filter);
    const order = SqliteStore.#orderBy(sort);
    const items = this.#sql(
      `SELECT summary_json FROM results WHERE ${where.sql} ORDER BY ${order.sql} LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...where.params, ...order.params, page.limit + 1, page.offset) as string[];
    const total = this.#get(`SELECT COUNT(*) AS n FROM results WHERE ${where.sql}`, ...where.params);
    return Promise.resolve({
      items: items.slice(0, page.limit),
      total: total === undefined ? 0 : int(total, 'n'),
      more: items.length > page.limit,
    });
  }

  resultDocuments(evaluationId: string, phase: Phase): Promise<string[]> {
    const documents = this.#sql(
      'SELECT result_json FROM results WHERE evaluation_id = ? AND phase = ? ORDER BY ordinal',
    )
      .pluck()
      .all(evaluationId, phase) as string[];
    return Promise.resolve(documents);
  }

  finalClasses(evaluationId: string, phase: Phase): Promise<FinalClass[]> {
    const rows = this.#all(
      'SELECT uscc, final_class FROM results WHERE evaluation_id = ? AND phase = ? ORDER BY ordinal',
      evaluationId,
      phase,
    );
    return Promise.resolve(
      rows.map((row) => ({ uscc: text(row, 'uscc'), finalClass: textOrNull(row, 'final_class') })),
    );
  }

  // State transitions

  #transition(
    id: string,
    context: WriteContext<Evaluation>,
    action: string,
    change: (before: Evaluation) => void,
  ): Evaluation {
    const before = this.#mustEvaluation(id);
    change(before);
    this.#run('UPDATE evaluations SET version = version + 1 WHERE id = ?', id);
    const after = this.#mustEvaluation(id);
    const view = (evaluation: Evaluation) => ({
      state: evaluation.state,
      version: evaluation.version,
      publication: evaluation.publication,
      recomputedAt: evaluation.recomputedAt,
      finalizedAt: evaluation.finalizedAt,
      finalEtag: evaluation.finalEtag,
    });
    this.#audit(context, 'evaluation', id, action, view(before), view(after));
    this.#remember(context, after);
    return after;
  }

  publish(
    id: string,
    decide: (evaluation: Evaluation) => Publication,
    context: WriteContext<Evaluation>,
  ): Promise<Evaluation> {
    return this.#write(() =>
      this.#transition(id, context, 'publish', (before) => {
        const publication = decide(before);
        this.#run(
          `UPDATE evaluations SET state = 'published', publication_json = ? WHERE id = ? AND state = 'draft'`,
          JSON.stringify(publication),
          id,
        );
      }),
    );
  }

  withdrawPublication(
    id: string,
    decide: (evaluation: Evaluation) => void,
    context: WriteContext<Evaluation>,
  ): Promise<Evaluation> {
    return this.#write(() =>
      this.#transition(id, context, 'withdraw-publication', (before) => {
        decide(before);
        this.#run(
          `UPDATE evaluations SET state = 'draft', publication_json = NULL WHERE id = ? AND state = 'published'`,
          id,
        );
      }),
    );
  }

  saveRecomputation(
    id: string,
    expectedVersion: number,
    decide: (evaluation: Evaluation) => void,
    recomputation: Recomputation,
    results: readonly ResultRow[],
    context: WriteContext<Evaluation>,
  ): Promise<Evaluation> {
    return this.#write(() =>
      this.#transition(id, context, 'recompute', (before) => {
        decide(before);
        const changed = this.#run(
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
        this.#insertResults(id, 'recomputed', results);
      }),
    );
  }

  recomputation(id: string): Promise<Recomputation | undefined> {
    const row = this.#get('SELECT recompute_json FROM evaluations WHERE id = ?', id);
    const value =
      row === undefined
        ? null
        : (json(textOrNull(row, 'recompute_json')) as
            (Omit<Recomputation, 'scoreOnly'> & { scoreOnly?: number }) | null);
    // Recomputations stored before scoreOnly was counted listed every score change; they count none.
    return Promise.resolve(value === null ? undefined : { ...value, scoreOnly: value.scoreOnly ?? 0 });
  }

  finalize(
    id: string,
    decide: (evaluation: Evaluation) => { readonly finalEtag: string },
    context: WriteContext<Evaluation>,
  ): Promise<Evaluation> {
    return this.#write(() =>
      this.#transition(id, context, 'finalize', (before) => {
        const { finalEtag } = decide(before);
        this.#run(
          `UPDATE evaluations SET state = 'final', finalized_at = ?, final_etag = ?
             WHERE id = ? AND state = 'recomputed'`,
          context.at,
          finalEtag,
          id,
        );
      }),
    );
  }

  // Objections

  #item(row: Row): ObjectionItem {
    const decision = textOrNull(row, 'decision');
    const field = text(row, 'field') as ObjectionItem['field'];
    return {
      id: text(row, 'id'),
      field,
      header: CONTESTABLE_FIELDS[field].header,
      department: text(row, 'department') as Department,
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

  #objection(row: Row): Objection {
    const id = text(row, 'id');
    const items = this.#all(
      `SELECT ${SqliteStore.#ITEM_COLUMNS} FROM objection_items WHERE objection_id = ? ORDER BY seq`,
      id,
    ).map((item) => this.#item(item));
    const evidence = this.#all(
      'SELECT id, filename, media_type, size, sha256 FROM evidence WHERE objection_id = ? ORDER BY ordinal',
      id,
    ).map((file) => this.#evidenceMeta(file));
    return {
      id,
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

  #loadObjection(id: string): Objection | undefined {
    const row = this.#get('SELECT * FROM objections WHERE id = ?', id);
    return row === undefined ? undefined : this.#objection(row);
  }

  fileObjection(
    evaluationId: string,
    uscc: string,
    decide: (view: FilingView) => NewObjection,
    context: WriteContext<Objection>,
  ): Promise<Objection> {
    return this.#write(() => {
      const evaluation = this.#mustEvaluation(evaluationId);
      const recordRow = this.#get(
        'SELECT record_json FROM records WHERE evaluation_id = ? AND uscc = ?',
        evaluationId,
        uscc,
      );
      const record =
        recordRow === undefined
          ? undefined
          : (JSON.parse(text(recordRow, 'record_json')) as EnterpriseRecord);
      const contested = new Set(
        this.#sql(
          `SELECT field FROM objection_items
             WHERE evaluation_id = ? AND uscc = ? AND (decision IS NULL OR decision = 'upheld')`,
        )
          .pluck()
          .all(evaluationId, uscc) as string[],
      );
      const objection = decide({ evaluation, record, contested });
      this.#run(
        `INSERT INTO objections (id, seq, evaluation_id, uscc, name, town, reason, filed_by, filed_role, filed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        objection.id,
        this.#nextSeq('objections'),
        evaluationId,
        objection.uscc,
        objection.name,
        objection.town,
        objection.reason,
        context.actor.id,
        objection.filedRole,
        context.at,
      );
      for (const item of objection.items) {
        this.#run(
          `INSERT INTO objection_items (id, seq, objection_id, evaluation_id, uscc, field, department,
               current_value, claimed_value, version)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
          item.id,
          this.#nextSeq('objection_items'),
          objection.id,
          evaluationId,
          objection.uscc,
          item.field,
          item.department,
          item.currentValue,
          item.claimedValue,
        );
      }
      objection.evidence.forEach((file, ordinal) => {
        this.#run(
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
      });
      // Filing changes what a recomputation must take into account.
      this.#run('UPDATE evaluations SET version = version + 1 WHERE id = ?', evaluationId);
      const created = this.#loadObjection(objection.id);
      if (created === undefined) throw new Error('the objection just written is missing');
      this.#audit(context, 'objection', created.id, 'file', null, created);
      this.#remember(context, created);
      return created;
    });
  }

  getObjection(id: string): Promise<Objection | undefined> {
    return Promise.resolve(this.#loadObjection(id));
  }

  listObjections(evaluationId: string, filter: ObjectionFilter, page: PageRequest): Promise<Page<Objection>> {
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
      where.push('EXISTS (SELECT 1 FROM objection_items i WHERE i.objection_id = o.id AND i.department = ?)');
      params.push(filter.department);
    }
    const rows = this.#all(
      `SELECT o.* FROM objections o WHERE ${where.join(' AND ')} ORDER BY o.seq LIMIT ?`,
      ...params,
      page.limit + 1,
    );
    const result = paged(rows, page.limit, (row) => int(row, 'seq'));
    return Promise.resolve({ items: result.items.map((row) => this.#objection(row)), next: result.next });
  }

  evidence(
    objectionId: string,
    evidenceId: string,
  ): Promise<{ readonly meta: EvidenceMeta; readonly content: Buffer } | undefined> {
    const row = this.#get(
      'SELECT id, filename, media_type, size, sha256, content FROM evidence WHERE objection_id = ? AND id = ?',
      objectionId,
      evidenceId,
    );
    if (row === undefined) return Promise.resolve(undefined);
    const content = row['content'];
    if (!Buffer.isBuffer(content)) throw new Error('evidence content is not a blob');
    return Promise.resolve({ meta: this.#evidenceMeta(row), content });
  }

  decideItem(
    objectionId: string,
    itemId: string,
    expectedVersion: number,
    decide: (view: DecisionView) => ItemDecision,
    context: WriteContext<ObjectionItem>,
  ): Promise<ObjectionItem> {
    return this.#write(() => {
      const objection = this.#loadObjection(objectionId);
      const item = objection?.items.find((candidate) => candidate.id === itemId);
      if (objection === undefined || item === undefined) throw notFound('objection item');
      const evaluation = this.#mustEvaluation(objection.evaluationId);
      const decision = decide({ evaluation, objection, item });
      // The version check is in the UPDATE itself: the write happens only on the version the client saw.
      const changed = this.#run(
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
          `the item is at version ${item.version}, not ${expectedVersion}: reload it and decide again`,
          { currentVersion: item.version },
        );
      }
      this.#run('UPDATE evaluations SET version = version + 1 WHERE id = ?', objection.evaluationId);
      const row = this.#get(`SELECT ${SqliteStore.#ITEM_COLUMNS} FROM objection_items WHERE id = ?`, itemId);
      if (row === undefined) throw new Error('the item just decided is missing');
      const after = this.#item(row);
      this.#audit(context, 'objection_item', itemId, 'decide', item, after);
      this.#remember(context, after);
      return after;
    });
  }

  listReviewItems(filter: ReviewFilter, page: PageRequest): Promise<Page<ReviewItem>> {
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
    const rows = this.#all(
      `SELECT i.id, i.seq, i.objection_id, i.evaluation_id, i.uscc, i.field, i.department, i.current_value,
         i.claimed_value, i.decision, i.corrected_value, i.decision_reason, i.decided_at, i.version, o.name,
         json_extract(e.publication_json, '$.window.lastDay') AS window_last_day
       FROM objection_items i JOIN objections o ON o.id = i.objection_id
         JOIN evaluations e ON e.id = i.evaluation_id
       WHERE ${where.join(' AND ')} ORDER BY i.seq LIMIT ?`,
      ...params,
      page.limit + 1,
    );
    const result = paged(rows, page.limit, (row) => int(row, 'seq'));
    return Promise.resolve({
      items: result.items.map((row) => ({
        ...this.#item(row),
        objectionId: text(row, 'objection_id'),
        evaluationId: text(row, 'evaluation_id'),
        uscc: text(row, 'uscc'),
        name: text(row, 'name'),
        windowLastDay: textOrNull(row, 'window_last_day'),
      })),
      next: result.next,
    });
  }

  decidedItems(evaluationId: string): Promise<DecidedItem[]> {
    const rows = this.#all(
      `SELECT ${SqliteStore.#ITEM_COLUMNS} FROM objection_items WHERE evaluation_id = ? ORDER BY seq`,
      evaluationId,
    );
    return Promise.resolve(
      rows.map((row) => {
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
      }),
    );
  }

  // Idempotency and audit

  idempotentResponse(
    principal: string,
    key: string,
  ): Promise<(StoredResponse & { readonly fingerprint: string }) | undefined> {
    const row = this.#get(
      'SELECT fingerprint, status, headers_json, body FROM idempotency WHERE principal = ? AND key = ?',
      principal,
      key,
    );
    return Promise.resolve(
      row === undefined
        ? undefined
        : {
            fingerprint: text(row, 'fingerprint'),
            status: int(row, 'status'),
            headers: JSON.parse(text(row, 'headers_json')) as Record<string, string>,
            body: text(row, 'body'),
          },
    );
  }

  listAudit(filter: AuditFilter, page: PageRequest): Promise<Page<Audit>> {
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
    const rows = this.#all(
      `SELECT * FROM audit WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`,
      ...params,
      page.limit + 1,
    );
    const result = paged(rows, page.limit, (row) => int(row, 'seq'));
    return Promise.resolve({
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
    });
  }

  // Operations

  ping(): Promise<void> {
    this.#get('SELECT 1');
    return Promise.resolve();
  }

  async backup(file: string): Promise<void> {
    await this.#db.backup(file);
  }

  close(): void {
    // Writes still queued are committed (or rejected) first, rather than lost with the connection.
    this.#flush();
    this.#db.close();
  }
}

/** The SQLite store in `dataDir` (created and migrated), or in memory for `:memory:`. */
export function openSqliteStore(dataDir: string): SqliteStore {
  return new SqliteStore(openDatabase(dataDir));
}
