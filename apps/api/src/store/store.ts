import type { CalendarYear } from '@mujun/calendar';
import type { EnterpriseRecord } from '@mujun/scoring';
import type { z } from 'zod';
import type { Actor, Department, Principal, Role } from '../domain/roles.js';
import type { Reviewer } from '../domain/contestable-fields.js';
import type { AuditEntry } from '../schemas/audit.js';
import type {
  Evaluation as EvaluationSchema,
  Publication as PublicationSchema,
  Recomputation as RecomputationSchema,
} from '../schemas/evaluation.js';
import type {
  EvidenceMeta as EvidenceMetaSchema,
  Objection as ObjectionSchema,
  ObjectionItem as ObjectionItemSchema,
  ReviewItem as ReviewItemSchema,
} from '../schemas/objection.js';

/**
 * The storage interface: domain-level operations, each one transaction. Routes and services see only
 * this; SQL lives in one implementation per engine (store/sqlite/ now, PostgreSQL later). Every method
 * is async so an engine with a network round trip fits the same interface.
 *
 * Rules that must hold at the moment of a write (the evaluation is still published, the item still at
 * the version the client saw) are checked inside the transaction: the store hands a `decide` callback
 * from domain/ a consistent view, and writes what it returns, or nothing when it throws.
 */

export type Evaluation = z.output<typeof EvaluationSchema>;
export type EvaluationState = Evaluation['state'];
export type Publication = z.output<typeof PublicationSchema>;
export type Recomputation = z.output<typeof RecomputationSchema>;
export type Objection = z.output<typeof ObjectionSchema>;
export type ObjectionItem = z.output<typeof ObjectionItemSchema>;
export type ReviewItem = z.output<typeof ReviewItemSchema>;
export type EvidenceMeta = z.output<typeof EvidenceMetaSchema>;
export type Audit = z.output<typeof AuditEntry>;

/** Which grading of an evaluation: the first one, or the one with the upheld corrections. */
export type Phase = 'initial' | 'recomputed';

/** A page of a list ordered by an integer key; `next` is the key to continue after, or null at the end. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next: number | null;
}

export interface PageRequest {
  readonly after?: number;
  readonly limit: number;
}

/**
 * Text carried as UTF-8 bytes instead of a string: an evaluation's JSON, encoded by the worker thread
 * that built it into a SharedArrayBuffer, reaches the thread that binds it without ever being a string on
 * the event loop (hundreds of MB of strings there cost seconds of copying and garbage collection).
 * Stored as TEXT, the same as the string.
 */
export interface Utf8Text {
  readonly utf8: Uint8Array;
}

/** What an evaluation's JSON columns are written from. */
export type JsonText = string | Utf8Text;

/**
 * Rows read one at a time by index: an array, or rows packed in shared memory (see packed-rows.ts) that
 * are unpacked only as each statement is built, so 100,000 of them are never objects all at once.
 */
export interface Rows<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/** One enterprise's validated input record as stored: serialised where it was read (a worker thread). */
export interface RecordRow {
  readonly uscc: string;
  /** JSON.stringify of the EnterpriseRecord. */
  readonly recordJson: JsonText;
}

/** One enterprise's result as stored: pre-serialised, so a lookup sends bytes without re-encoding. */
export interface ResultRow {
  readonly ordinal: number;
  readonly uscc: string;
  readonly cohort: string | null;
  readonly finalClass: string | null;
  readonly town: string | null;
  readonly industry: string | null;
  readonly summaryJson: JsonText;
  readonly resultJson: JsonText;
  readonly etag: string;
}

export interface ResultFilter {
  readonly cohort?: string;
  readonly finalClass?: string;
  readonly town?: string;
  /** A prefix of the GB/T 4754 code's digits. */
  readonly industry?: string;
  readonly uscc?: string;
  /** A fragment of the name, or of the code (matched upper-cased). */
  readonly q?: string;
  readonly status?: 'rated' | 'exempt' | 'out_of_scope';
}

/**
 * How a search orders its rows: by rank (then cohort order), total score, name, code, or the value of
 * one of the scheme's indicators (its key, checked against the scheme by the caller). Rows without the
 * figure come last either way; ties keep the grading's order.
 */
export type ResultSort =
  | { readonly by: 'rank' | 'total' | 'name' | 'code'; readonly descending: boolean }
  | { readonly by: 'indicator'; readonly indicator: string; readonly descending: boolean };

/** A page of a search: the rows (stored JSON), how many match in all, and whether more follow. */
export interface ResultSearch {
  readonly items: readonly string[];
  readonly total: number;
  readonly more: boolean;
}

/** One enterprise's final class in a grading: an entry of the class history for its year. */
export interface FinalClass {
  readonly uscc: string;
  readonly finalClass: string | null;
}

export interface StoredResult {
  readonly uscc: string;
  readonly town: string | null;
  readonly resultJson: string;
  readonly etag: string;
}

/** A response to replay for a repeated Idempotency-Key, stored with the row it created. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface IdempotentWrite<T> {
  /** The token's id: keys are scoped per principal, so two callers never collide. */
  readonly principal: string;
  readonly key: string;
  readonly fingerprint: string;
  /**
   * The response to store for `created`; `json` is `created` as JSON text when the store has already
   * serialised it (for the audit trail), so that it is serialised once.
   */
  readonly respond: (created: T, json?: string) => StoredResponse;
}

/**
 * A write that looks its Idempotency-Key up in its own transaction (fileObjection) found the key used:
 * nothing was written, and this is what was stored for it, to replay (or refuse for another content).
 */
export class IdempotentReplay extends Error {
  readonly previous: StoredResponse & { readonly fingerprint: string };
  constructor(previous: StoredResponse & { readonly fingerprint: string }) {
    super('the Idempotency-Key was used already: its stored response is replayed');
    this.name = 'IdempotentReplay';
    this.previous = previous;
  }
}

/** Who writes, and when (the injected clock), for the audit trail; and the idempotency record, if any. */
export interface WriteContext<T> {
  readonly actor: Actor;
  readonly at: string;
  readonly idempotency?: IdempotentWrite<T>;
}

export interface NewEvaluation {
  readonly id: string;
  readonly name: string;
  /** 评价年度, the data year; absent or null when the upload gave none. */
  readonly year?: number | null;
  readonly scheme: { readonly id: string; readonly name: string; readonly json: string };
  readonly summary: Evaluation['summary'];
  readonly records: Rows<RecordRow>;
  readonly results: Rows<ResultRow>;
}

export interface NewObjection {
  readonly id: string;
  readonly uscc: string;
  readonly name: string;
  readonly town: string | null;
  readonly reason: string;
  readonly filedRole: 'admin' | 'town' | 'enterprise';
  readonly items: readonly {
    readonly id: string;
    readonly field: ObjectionItem['field'];
    readonly department: Reviewer;
    readonly currentValue: string | null;
    readonly claimedValue: string;
  }[];
  readonly evidence: readonly (EvidenceMeta & { readonly content: Uint8Array })[];
}

/** What the filing rules need to see, read in the filing's transaction. */
/** What of an evaluation the filing rules read (assertFilingOpen): its whole row is not parsed per filing. */
export type FilingEvaluation = Pick<Evaluation, 'state' | 'publication' | 'finalizedAt'>;

export interface FilingView {
  readonly evaluation: FilingEvaluation;
  readonly record: EnterpriseRecord | undefined;
  /** The fields of this enterprise already under a pending or upheld item. */
  readonly contested: ReadonlySet<string>;
  /** Evidence bytes already stored: this enterprise's in this evaluation, and the whole evaluation's. */
  readonly evidenceBytes: { readonly enterprise: number; readonly evaluation: number };
}

export interface ItemDecision {
  readonly decision: 'upheld' | 'rejected';
  readonly correctedValue: string | null;
  readonly reason: string | null;
}

export interface DecisionView {
  readonly evaluation: Evaluation;
  readonly objection: Objection;
  readonly item: ObjectionItem;
}

/** An upheld or rejected item, as recomputation reads them. */
export interface DecidedItem {
  readonly objectionId: string;
  readonly itemId: string;
  readonly uscc: string;
  readonly field: ObjectionItem['field'];
  readonly status: ObjectionItem['status'];
  readonly currentValue: string | null;
  readonly correctedValue: string | null;
}

export interface ObjectionFilter {
  readonly uscc?: string;
  readonly town?: string;
  readonly department?: Department;
}

export interface ReviewFilter {
  readonly department?: Reviewer;
  readonly status?: 'pending' | 'decided';
  readonly evaluationId?: string;
}

export interface AuditFilter {
  readonly entity?: string;
  readonly entityId?: string;
}

/** Where a request came from, as the audit trail records it. */
export interface ClientInfo {
  readonly address: string | null;
  readonly userAgent: string | null;
}

export interface NewToken {
  readonly id: string;
  readonly hash: string;
  readonly role: Role;
  readonly department?: Department;
  readonly town?: string;
  readonly uscc?: string;
  readonly label: string;
}

/** A year's holiday arrangement the bureau entered (a notice the bundled calendar lacks, or amends). */
export interface EnteredCalendarYear {
  readonly year: number;
  readonly arrangement: CalendarYear;
  /** 1 when entered, one more at each replacement: If-Match for the next one. */
  readonly version: number;
  readonly enteredAt: string;
  /** The token id that entered this version. */
  readonly enteredBy: string;
}

export interface TokenInfo {
  readonly id: string;
  readonly role: Role;
  readonly department: Department | null;
  readonly town: string | null;
  readonly uscc: string | null;
  readonly label: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** Who signs in: staff by username, an enterprise by its 统一社会信用代码 (`name`). */
export interface Account {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly department: Department | null;
  readonly town: string | null;
  readonly uscc: string | null;
  /** argon2id PHC string; null until a password is set (an enterprise not yet activated). */
  readonly passwordHash: string | null;
  /** A temporary password (set by an admin): it must be changed before anything else. */
  readonly mustChange: boolean;
  readonly createdAt: string;
  readonly disabledAt: string | null;
  readonly totpSecret: string | null;
  readonly totpConfirmedAt: string | null;
}

export interface NewAccount {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly department?: Department;
  readonly town?: string;
  readonly uscc?: string;
  readonly passwordHash: string | null;
  readonly mustChange: boolean;
}

/**
 * Who did an account operation, when, and from where: every sign-in, failure, lock and change is
 * audited with the client's address and user agent.
 */
export interface AuthContext {
  readonly actor: Actor;
  readonly at: string;
  readonly address: string | null;
  readonly userAgent: string | null;
}

export interface Throttle {
  readonly failures: number;
  readonly firstAt: string;
  readonly lockedUntil: string | null;
}

export interface ThrottleRule {
  readonly limit: number;
  readonly windowMs: number;
  readonly lockMs: number;
}

export interface NewSession {
  readonly id: string;
  readonly hash: string;
  readonly accountId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** How the person proved who they are, for the audit: a password (default) or single sign-on. */
  readonly method?: 'password' | 'oidc';
  /**
   * Single sign-on with a provider that offers RP-initiated logout: its ID token, sent back as
   * id_token_hint at sign-out; kept while the session lives, cleared when it ends.
   */
  readonly idToken?: string | null;
}

/** What an OpenID Connect callback checks the identity provider's answer against. */
export interface OidcFlow {
  readonly state: string;
  readonly nonce: string;
  /** The PKCE code verifier (RFC 7636). */
  readonly verifier: string;
}

export interface NewOidcFlow extends OidcFlow {
  readonly hash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface SessionRow {
  readonly id: string;
  readonly account: Account;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  /** The identity provider's ID token (see NewSession.idToken), or null. */
  readonly idToken: string | null;
}

export interface NewActivationCode {
  readonly uscc: string;
  readonly town: string | null;
  readonly salt: string;
  readonly hash: string;
  readonly expiresAt: string;
}

export interface ActivationCode {
  readonly uscc: string;
  readonly evaluationId: string;
  readonly salt: string;
  readonly hash: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

/** An enterprise of an evaluation, with where its account stands. */
export interface ActivationState {
  readonly uscc: string;
  readonly name: string;
  readonly town: string | null;
  readonly activated: boolean;
  readonly lockedUntil: string | null;
  readonly codeExpiresAt: string | null;
  readonly codeUsedAt: string | null;
}

/** One enterprise's result in a year imported from the county's spreadsheets (before this system). */
export interface PastResultRow {
  readonly year: number;
  readonly uscc: string;
  readonly name: string;
  readonly town: string | null;
  readonly industryCode: string | null;
  readonly finalClass: string | null;
  readonly totalScore: string | null;
  readonly rank: number | null;
  readonly rated: number | null;
  readonly taxPerMu: string | null;
}

/** An imported year: how many rows, from which file, when. */
export interface PastYear {
  readonly year: number;
  readonly enterprises: number;
  readonly sourceFile: string;
  readonly importedAt: string;
}

/** The 一企一档 ledger of an evaluation: the screening line it was made from. */
export interface LedgerCriteria {
  readonly threshold: string;
  readonly classD: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type LedgerStatus = 'pending' | 'in_progress' | 'completed';
export type LedgerReason = 'tax-per-mu' | 'class-d';

/** An enterprise of the screening list, as its file starts. */
export interface NewLedgerFile {
  readonly id: string;
  readonly uscc: string;
  readonly name: string;
  readonly town: string | null;
  readonly industryCode: string | null;
  readonly taxPerMu: string | null;
  readonly finalClass: string | null;
  readonly reasons: readonly LedgerReason[];
}

export interface LedgerEdit {
  readonly measures: readonly string[];
  readonly responsible: string | null;
  readonly deadline: string | null;
  readonly status: LedgerStatus;
  readonly outcome: string | null;
}

export interface LedgerNote {
  readonly id: string;
  readonly at: string;
  readonly author: string;
  readonly authorRole: string;
  readonly text: string;
  readonly attachments: readonly EvidenceMeta[];
}

export interface LedgerFile extends NewLedgerFile, LedgerEdit {
  readonly evaluationId: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly notes: readonly LedgerNote[];
}

export interface NewLedgerNote {
  readonly id: string;
  readonly text: string;
  readonly attachments: readonly (EvidenceMeta & { readonly content: Uint8Array })[];
}

/** What a note's rules see in its transaction: the file, and the attachment bytes it already holds. */
export interface LedgerNoteView {
  readonly file: LedgerFile;
  readonly attachmentBytes: number;
}

/** A proposed method saved from the simulation page (the scheme as given: a preset id or JSON text). */
export interface Proposal {
  readonly id: string;
  readonly name: string;
  readonly note: string | null;
  readonly scheme: string;
  readonly schemeId: string;
  readonly schemeName: string;
  readonly savedAt: string;
  readonly savedBy: string;
}

export interface Store {
  principalForTokenHash(hash: string): Promise<Principal | undefined>;
  /** `client`: the address and user agent of the request that asked (over HTTP), for the audit. */
  createToken(token: NewToken, actor: Actor, at: string, client?: ClientInfo): Promise<void>;
  listTokens(): Promise<TokenInfo[]>;
  /** Revokes the live tokens with this id or label; answers those revoked. */
  revokeTokens(idOrLabel: string, actor: Actor, at: string, client?: ClientInfo): Promise<TokenInfo[]>;

  /** Throws DomainError InvalidValue when the name is taken. */
  createAccount(account: NewAccount, context: AuthContext): Promise<void>;
  account(name: string): Promise<Account | undefined>;
  accountById(id: string): Promise<Account | undefined>;
  listAccounts(): Promise<Account[]>;
  /** Disables (or enables) an account; a disabled one's sessions end. False when there is no such account. */
  setAccountDisabled(name: string, disabled: boolean, context: AuthContext): Promise<boolean>;
  /**
   * A new password hash (`action`: password-change, reset, activate), and every session of the account
   * ends: whoever held the old password is signed out everywhere.
   */
  setPassword(
    accountId: string,
    passwordHash: string,
    mustChange: boolean,
    action: string,
    context: AuthContext,
  ): Promise<void>;
  setTotp(
    accountId: string,
    secret: string | null,
    confirmed: boolean,
    recoveryHashes: readonly string[],
    context: AuthContext,
  ): Promise<void>;
  /**
   * Records that a TOTP code of time step `step` was accepted; false when a code of this step or a
   * later one already was (a replayed code).
   */
  useTotpStep(accountId: string, step: number): Promise<boolean>;
  /** A single sign-on flow under way (OpenID Connect), keyed by the hash of the browser's secret. */
  saveOidcFlow(flow: NewOidcFlow): Promise<void>;
  /** Takes (deletes) the flow: at most one callback completes it; undefined when unknown or expired. */
  takeOidcFlow(hash: string, at: string): Promise<OidcFlow | undefined>;
  /** Marks a recovery code used; false when it is unknown or used already. */
  useRecoveryCode(accountId: string, hash: string, context: AuthContext): Promise<boolean>;

  throttle(name: string): Promise<Throttle | undefined>;
  /** Counts a failed sign-in for `name` (audited, with a lock when the rule says so). */
  recordSignInFailure(
    name: string,
    reason: string,
    rule: ThrottleRule,
    context: AuthContext,
  ): Promise<Throttle>;
  /** After a successful sign-in: the failures are forgotten (not audited: the sign-in is). */
  clearSignInFailures(name: string): Promise<void>;
  /** Lifts a lock (audited); false when the name had none. */
  unlock(name: string, context: AuthContext): Promise<boolean>;

  createSession(session: NewSession, context: AuthContext): Promise<void>;
  /** A live session (not ended, account not disabled) by its secret's hash; expiry is the caller's. */
  sessionByHash(hash: string): Promise<SessionRow | undefined>;
  touchSession(id: string, at: string): Promise<void>;
  endSession(id: string, action: string, context: AuthContext): Promise<void>;
  /** Ends every live session of the account; answers how many. */
  endSessions(accountId: string, context: AuthContext): Promise<number>;

  /**
   * Issues activation codes: creates the enterprise accounts not yet there (without a password) and
   * replaces each enterprise's live code, all in one transaction.
   */
  issueActivationCodes(
    evaluationId: string,
    codes: readonly NewActivationCode[],
    context: AuthContext,
  ): Promise<void>;
  activationCode(uscc: string): Promise<ActivationCode | undefined>;
  /** Uses the code and sets the enterprise's password, if the code is still the one given (by hash). */
  activate(uscc: string, codeHash: string, passwordHash: string, context: AuthContext): Promise<boolean>;
  /** The towns an enterprise was listed under, in any evaluation (none: it was never graded here). */
  enterpriseTowns(uscc: string): Promise<(string | null)[]>;
  /** The enterprise's name as its latest evaluation lists it (none: it was never graded here). */
  enterpriseName(uscc: string): Promise<string | undefined>;
  /**
   * The evaluation's enterprises (initial grading), with their accounts' state; of one town if given.
   * Grouped by town, towns in code-point order and no town first, each town's in the stored order.
   */
  activationStates(evaluationId: string, town?: string): Promise<ActivationState[]>;
  /** One enterprise of the evaluation (initial grading) with its account's state; none if not listed. */
  activationState(evaluationId: string, uscc: string): Promise<ActivationState | undefined>;

  /** An audit entry that goes with no other write (a sign-in refused before any account is touched). */
  appendAudit(
    entity: string,
    entityId: string,
    action: string,
    after: unknown,
    context: AuthContext,
  ): Promise<void>;

  createEvaluation(input: NewEvaluation, context: WriteContext<Evaluation>): Promise<Evaluation>;
  getEvaluation(id: string): Promise<Evaluation | undefined>;
  /** Only the evaluation's state: what a result lookup needs, without parsing its summary. */
  evaluationState(id: string): Promise<EvaluationState | undefined>;
  listEvaluations(states: readonly EvaluationState[], page: PageRequest): Promise<Page<Evaluation>>;
  records(evaluationId: string): Promise<EnterpriseRecord[]>;
  /**
   * The same records as stored, unparsed, for a worker thread to parse: JSON lines (one record per line),
   * a chunk of them per element, in USCC order, read a chunk per turn of the event loop.
   */
  recordChunks(evaluationId: string): Promise<JsonText[]>;
  /** The scheme the evaluation was graded under, as stored (JSON): recomputation uses the same one. */
  schemeJson(evaluationId: string): Promise<string>;
  /**
   * The final evaluation of each data year before `year`, newest year first; of a year finalized more
   * than once, the one finalized last. Evaluations without a year are not among them.
   */
  finalEvaluationsBefore(year: number): Promise<Evaluation[]>;

  result(evaluationId: string, phase: Phase, uscc: string): Promise<StoredResult | undefined>;
  listResults(
    evaluationId: string,
    phase: Phase,
    filter: ResultFilter,
    page: PageRequest,
  ): Promise<Page<string>>;
  /** How many results of a grading match the filter. */
  countResults(evaluationId: string, phase: Phase, filter: ResultFilter): Promise<number>;
  /** Results matching the filter in the given order, `limit` from `offset`. */
  searchResults(
    evaluationId: string,
    phase: Phase,
    filter: ResultFilter,
    sort: ResultSort,
    page: { readonly offset: number; readonly limit: number },
  ): Promise<ResultSearch>;
  /** Every result of a grading as stored, in order: the body of a snapshot. */
  resultDocuments(evaluationId: string, phase: Phase): Promise<string[]>;
  /**
   * The same results a page at a time (a thousand, a few MB), each page read when the one before has been
   * taken (keyset paging on the ordinal): a snapshot streamed or hashed without holding the county.
   * Stopping early (`return`, a `break`) reads no more.
   */
  resultDocumentPages(evaluationId: string, phase: Phase): AsyncIterable<readonly string[]>;
  /**
   * Every result of a grading without its trace (the list's rows), in order: what a recomputation
   * compares. As recordChunks: JSON lines in chunks.
   */
  resultSummaryChunks(evaluationId: string, phase: Phase): Promise<JsonText[]>;
  /** Each enterprise's final class in a grading (null: not classed), from the indexed column. */
  finalClasses(evaluationId: string, phase: Phase): Promise<FinalClass[]>;

  publish(
    id: string,
    decide: (evaluation: Evaluation) => Publication,
    context: WriteContext<Evaluation>,
  ): Promise<Evaluation>;
  /** Back to draft: the publication removed, after `decide` (which throws when it may not be). */
  withdrawPublication(
    id: string,
    decide: (evaluation: Evaluation) => void,
    context: WriteContext<Evaluation>,
  ): Promise<Evaluation>;
  saveRecomputation(
    id: string,
    expectedVersion: number,
    decide: (evaluation: Evaluation) => void,
    recomputation: Recomputation,
    results: Rows<ResultRow>,
    context: WriteContext<Evaluation>,
  ): Promise<Evaluation>;
  recomputation(id: string): Promise<Recomputation | undefined>;
  finalize(
    id: string,
    decide: (evaluation: Evaluation) => { readonly finalEtag: string },
    context: WriteContext<Evaluation>,
  ): Promise<Evaluation>;

  /**
   * Files an objection after `decide`. With an idempotency write in `context`, its key is looked up first,
   * in the filing's own transaction: a key already used rejects with IdempotentReplay and writes nothing.
   */
  fileObjection(
    evaluationId: string,
    uscc: string,
    decide: (view: FilingView) => NewObjection,
    context: WriteContext<Objection>,
  ): Promise<Objection>;
  getObjection(id: string): Promise<Objection | undefined>;
  listObjections(evaluationId: string, filter: ObjectionFilter, page: PageRequest): Promise<Page<Objection>>;
  evidence(
    objectionId: string,
    evidenceId: string,
  ): Promise<{ readonly meta: EvidenceMeta; readonly content: Buffer } | undefined>;
  decideItem(
    objectionId: string,
    itemId: string,
    expectedVersion: number,
    decide: (view: DecisionView) => ItemDecision,
    context: WriteContext<ObjectionItem>,
  ): Promise<ObjectionItem>;
  listReviewItems(filter: ReviewFilter, page: PageRequest): Promise<Page<ReviewItem>>;
  decidedItems(evaluationId: string): Promise<DecidedItem[]>;

  idempotentResponse(
    principal: string,
    key: string,
  ): Promise<(StoredResponse & { readonly fingerprint: string }) | undefined>;

  /**
   * Marks an Idempotency-Key in flight for every instance on the store; false when another instance
   * holds it. A claim older than `staleBefore` (its instance died) or left by this `owner` (a release
   * lost in an outage: the caller knows the key is not running here) is taken over. A store only one
   * process serves (SQLite) answers true: the process's own set is enough there.
   */
  claimIdempotencyKey(
    principal: string,
    key: string,
    owner: string,
    at: string,
    staleBefore: string,
  ): Promise<boolean>;
  releaseIdempotencyKey(principal: string, key: string): Promise<void>;

  listAudit(filter: AuditFilter, page: PageRequest): Promise<Page<Audit>>;

  /** Every entered holiday arrangement, by year ascending. */
  enteredCalendarYears(): Promise<EnteredCalendarYear[]>;
  /**
   * Enters `arrangement` for its year (`expectedVersion` null: the year must not have been entered yet)
   * or replaces the version given (StaleVersion when another write came first), audited. `decide` sees
   * the years entered as they stand in the transaction, with this one in place, and throws when the
   * merged calendar is not valid: nothing is written then.
   */
  putCalendarYear(
    arrangement: CalendarYear,
    expectedVersion: number | null,
    decide: (entered: readonly CalendarYear[]) => void,
    context: WriteContext<EnteredCalendarYear>,
  ): Promise<EnteredCalendarYear>;

  /**
   * Imports a past year's results, replacing any rows of that year (one file per year), audited as
   * entity `past-year`; answers the year as stored.
   */
  replacePastYear(
    year: number,
    rows: readonly PastResultRow[],
    sourceFile: string,
    context: WriteContext<PastYear>,
  ): Promise<PastYear>;
  /** Imported rows of one enterprise, or of one town, or all; by year, then code. */
  pastResults(filter: { readonly uscc?: string; readonly town?: string }): Promise<PastResultRow[]>;
  /** The imported years, ascending. */
  pastYears(): Promise<PastYear[]>;

  /**
   * Opens a file for each enterprise of the screening list without one yet (files already there are
   * kept as they are), and records the line; each file created is audited (entity ledger-file).
   */
  createLedger(
    evaluationId: string,
    criteria: { readonly threshold: string; readonly classD: boolean },
    files: readonly NewLedgerFile[],
    context: WriteContext<{ created: number; existing: number }>,
  ): Promise<{ readonly created: number; readonly existing: number }>;
  ledgerCriteria(evaluationId: string): Promise<LedgerCriteria | undefined>;
  /** The evaluation's files (of one town if given), by town then code, with their notes. */
  ledgerFiles(evaluationId: string, town?: string): Promise<LedgerFile[]>;
  ledgerFile(id: string): Promise<LedgerFile | undefined>;
  /** Replaces the town's part of a file at `expectedVersion` (StaleVersion otherwise), audited. */
  editLedgerFile(
    id: string,
    expectedVersion: number,
    edit: LedgerEdit,
    context: WriteContext<LedgerFile>,
  ): Promise<LedgerFile>;
  /** Adds a progress note with its attachments at `expectedVersion`; `decide` may refuse it (quota). */
  addLedgerNote(
    id: string,
    expectedVersion: number,
    decide: (view: LedgerNoteView) => NewLedgerNote,
    context: WriteContext<LedgerFile>,
  ): Promise<LedgerFile>;
  ledgerAttachment(
    fileId: string,
    attachmentId: string,
  ): Promise<{ readonly meta: EvidenceMeta; readonly content: Buffer } | undefined>;

  /** Saves a proposed method, audited (entity proposal). */
  saveProposal(
    proposal: Omit<Proposal, 'savedAt' | 'savedBy'>,
    context: WriteContext<Proposal>,
  ): Promise<Proposal>;
  /** The saved proposals, newest first. */
  proposals(): Promise<Proposal[]>;
  proposal(id: string): Promise<Proposal | undefined>;

  /** Whether the store answers. */
  ping(): Promise<void>;
  /** The newest migration applied and the one this build expects: for /readyz. */
  schema(): Promise<SchemaState>;
  /** A consistent copy of the whole store, taken while it serves. */
  backup(file: string): Promise<void>;
  close(): void;
}

/**
 * The data folder (or database) was last opened by a newer mujun: it holds migrations this build does
 * not know. Migrations only go forward, so this build refuses to start on it rather than run on a schema
 * it was not written for; install that version again (or a newer one), or restore a backup made by this one.
 */
export class NewerSchemaError extends Error {
  readonly found: number;
  readonly known: number;
  constructor(found: number, known: number) {
    super(
      `数据库结构版本为 ${found}，由更新版本的 mujun 写入；本版本只支持到 ${known}，不能降级运行。` +
        `请安装写入它的版本（或更新的版本），或恢复本版本做的备份。` +
        ` (the store is at schema version ${found}, written by a newer mujun; this build knows up to ${known}` +
        ` and migrations only go forward: install that version or a newer one, or restore a backup made by this one)`,
    );
    this.name = 'NewerSchemaError';
    this.found = found;
    this.known = known;
  }
}

/** Refuses applied migrations this build does not know (see NewerSchemaError). */
export function refuseNewerSchema(
  applied: Iterable<number>,
  known: readonly { readonly version: number }[],
): void {
  const versions = new Set(known.map((migration) => migration.version));
  const unknown = [...applied].filter((version) => !versions.has(version));
  if (unknown.length > 0) {
    throw new NewerSchemaError(Math.max(...unknown), Math.max(...versions));
  }
}

export interface SchemaState {
  readonly applied: number;
  readonly expected: number;
}

/**
 * The database cannot be reached (a PostgreSQL server down, restarting or unreachable): the request
 * is answered 503 with Retry-After, and the engine reconnects by itself when the server is back. A
 * write that fails so is not acknowledged; repeated with its Idempotency-Key it is done once.
 */
export class StoreUnavailableError extends Error {
  constructor(options?: { readonly cause?: unknown }) {
    super('the database cannot be reached', options);
    this.name = new.target.name;
  }
}
