/**
 * The SQLite schema as numbered migrations, applied in order at open under `schema_migrations`. A
 * migration, once released, never changes: a new column is a new migration. Each runs in its own
 * transaction with its `schema_migrations` row, so a crash leaves the schema at one version or the next.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE tokens (
        id          TEXT PRIMARY KEY,
        hash        TEXT NOT NULL UNIQUE,   -- SHA-256 (hex) of the bearer token; the token itself is never kept
        role        TEXT NOT NULL CHECK (role IN ('admin', 'department', 'town', 'enterprise')),
        department  TEXT,
        town        TEXT,
        uscc        TEXT,
        label       TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        revoked_at  TEXT,
        CHECK ((role = 'department') = (department IS NOT NULL)),
        CHECK ((role = 'town') = (town IS NOT NULL)),
        CHECK ((role = 'enterprise') = (uscc IS NOT NULL))
      ) STRICT;

      CREATE TABLE evaluations (
        id              TEXT PRIMARY KEY,
        seq             INTEGER NOT NULL UNIQUE,
        name            TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('draft', 'published', 'recomputed', 'final')),
        version         INTEGER NOT NULL,
        scheme_id       TEXT NOT NULL,
        scheme_name     TEXT NOT NULL,
        scheme_json     TEXT NOT NULL,
        enterprises     INTEGER NOT NULL,
        summary_json    TEXT NOT NULL,      -- counts, cohorts and warnings of the first grading
        created_at      TEXT NOT NULL,
        created_by      TEXT NOT NULL,
        publication_json TEXT,              -- date, window, snapshot ETag; set once, at publication
        recomputed_at   TEXT,
        recompute_json  TEXT,               -- the recomputation's summary and diff; set once
        finalized_at    TEXT,
        final_etag      TEXT
      ) STRICT;

      -- The validated input records, as graded: recomputation applies upheld corrections to these.
      CREATE TABLE records (
        evaluation_id TEXT NOT NULL REFERENCES evaluations (id),
        uscc          TEXT NOT NULL,
        record_json   TEXT NOT NULL,
        PRIMARY KEY (evaluation_id, uscc)
      ) STRICT;

      -- One row per enterprise and grading (phase 'initial', then 'recomputed'): the filter columns
      -- indexed, the result as stored JSON so a lookup is one indexed SELECT and no re-serialisation.
      CREATE TABLE results (
        evaluation_id TEXT NOT NULL REFERENCES evaluations (id),
        phase         TEXT NOT NULL CHECK (phase IN ('initial', 'recomputed')),
        ordinal       INTEGER NOT NULL,
        uscc          TEXT NOT NULL,
        cohort        TEXT,
        final_class   TEXT,
        town          TEXT,
        industry      TEXT,               -- GB/T 4754 code without its letter, e.g. 3670
        summary_json  TEXT NOT NULL,      -- the result without its trace, for lists
        result_json   TEXT NOT NULL,      -- the full result with its trace
        etag          TEXT NOT NULL,
        PRIMARY KEY (evaluation_id, phase, uscc)
      ) STRICT;  -- rows of several KB: a rowid table (WITHOUT ROWID suits small rows only)
      CREATE UNIQUE INDEX results_order ON results (evaluation_id, phase, ordinal);
      CREATE INDEX results_town ON results (evaluation_id, phase, town, ordinal);
      CREATE INDEX results_class ON results (evaluation_id, phase, final_class, ordinal);

      -- Results are snapshots: a grading is written once and never changed.
      CREATE TRIGGER results_immutable BEFORE UPDATE ON results
      BEGIN SELECT RAISE(ABORT, 'results are immutable'); END;

      CREATE TABLE objections (
        id            TEXT PRIMARY KEY,
        seq           INTEGER NOT NULL UNIQUE,
        evaluation_id TEXT NOT NULL REFERENCES evaluations (id),
        uscc          TEXT NOT NULL,
        name          TEXT NOT NULL,
        town          TEXT,
        reason        TEXT NOT NULL,
        filed_by      TEXT NOT NULL,
        filed_role    TEXT NOT NULL,
        filed_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX objections_evaluation ON objections (evaluation_id, seq);

      CREATE TABLE objection_items (
        id              TEXT PRIMARY KEY,
        seq             INTEGER NOT NULL UNIQUE,
        objection_id    TEXT NOT NULL REFERENCES objections (id),
        evaluation_id   TEXT NOT NULL REFERENCES evaluations (id),
        uscc            TEXT NOT NULL,
        field           TEXT NOT NULL,
        department      TEXT NOT NULL,
        current_value   TEXT,
        claimed_value   TEXT NOT NULL,
        decision        TEXT CHECK (decision IN ('upheld', 'rejected')),
        corrected_value TEXT,
        decision_reason TEXT,
        decided_by      TEXT,
        decided_at      TEXT,
        version         INTEGER NOT NULL,
        CHECK ((decision = 'upheld') = (corrected_value IS NOT NULL))
      ) STRICT;
      CREATE INDEX objection_items_objection ON objection_items (objection_id, seq);
      CREATE INDEX objection_items_department ON objection_items (department, seq);
      CREATE INDEX objection_items_enterprise ON objection_items (evaluation_id, uscc, field);

      -- Evidence lives in the same database as its objection, written in the same transaction: an
      -- objection is wholly there or not at all, and a backup holds both.
      CREATE TABLE evidence (
        id            TEXT PRIMARY KEY,
        objection_id  TEXT NOT NULL REFERENCES objections (id),
        ordinal       INTEGER NOT NULL,
        filename      TEXT NOT NULL,
        media_type    TEXT NOT NULL,
        size          INTEGER NOT NULL,
        sha256        TEXT NOT NULL,
        content       BLOB NOT NULL
      ) STRICT;
      CREATE INDEX evidence_objection ON evidence (objection_id, ordinal);

      -- A replayable response per (principal, Idempotency-Key), written with the row it created.
      CREATE TABLE idempotency (
        principal    TEXT NOT NULL,
        key          TEXT NOT NULL,
        fingerprint  TEXT NOT NULL,
        status       INTEGER NOT NULL,
        headers_json TEXT NOT NULL,
        body         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        PRIMARY KEY (principal, key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE audit (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        at          TEXT NOT NULL,
        actor_id    TEXT NOT NULL,
        actor_role  TEXT NOT NULL,
        entity      TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        action      TEXT NOT NULL,
        before_json TEXT,
        after_json  TEXT
      ) STRICT;
      CREATE INDEX audit_entity ON audit (entity, entity_id, seq);

      -- Append-only: the trail is evidence, so the database itself refuses to rewrite it.
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'evaluation year',
    sql: `
      -- The data year (评价年度) an evaluation grades, given at upload; NULL for evaluations made before
      -- it was asked for. The surcharge list needs it for this year and to find the earlier years' classes.
      ALTER TABLE evaluations ADD COLUMN year INTEGER CHECK (year BETWEEN 1900 AND 9999);
      CREATE INDEX evaluations_final_year ON evaluations (year, finalized_at) WHERE state = 'final';
    `,
  },
  {
    version: 3,
    name: 'accounts and sessions',
    sql: `
      -- People who sign in: staff by username (lower case), enterprises by 统一社会信用代码 (upper case).
      -- An enterprise's row exists from its first activation code; its password from its activation.
      CREATE TABLE accounts (
        id                  TEXT PRIMARY KEY,
        name                TEXT NOT NULL UNIQUE,
        role                TEXT NOT NULL CHECK (role IN ('admin', 'department', 'town', 'enterprise')),
        department          TEXT,
        town                TEXT,           -- a town account's town; an enterprise's, as last issued
        uscc                TEXT,
        password_hash       TEXT,           -- argon2id (PHC string); NULL until set or activated
        must_change         INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
        created_at          TEXT NOT NULL,
        password_changed_at TEXT,
        disabled_at         TEXT,
        totp_secret         TEXT,           -- base32 TOTP secret (RFC 6238), set at enrolment
        totp_confirmed_at   TEXT,           -- once a first code proved the enrolment
        CHECK ((role = 'department') = (department IS NOT NULL)),
        CHECK (role <> 'town' OR town IS NOT NULL),
        CHECK ((role = 'enterprise') = (uscc IS NOT NULL AND uscc = name))
      ) STRICT;

      -- Server-side sessions: the cookie carries a random 256-bit secret, this table its SHA-256.
      CREATE TABLE sessions (
        id           TEXT PRIMARY KEY,
        hash         TEXT NOT NULL UNIQUE,
        account_id   TEXT NOT NULL REFERENCES accounts (id),
        created_at   TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at   TEXT NOT NULL,        -- the absolute lifetime; idleness is last_seen_at + idle
        ended_at     TEXT
      ) STRICT;
      CREATE INDEX sessions_account ON sessions (account_id) WHERE ended_at IS NULL;

      -- Failed sign-ins per account name, known or not (so a lock never tells whether it exists),
      -- shared by every server on the database and kept across restarts.
      CREATE TABLE sign_in_throttle (
        name         TEXT PRIMARY KEY,
        failures     INTEGER NOT NULL,
        first_at     TEXT NOT NULL,
        locked_until TEXT
      ) STRICT, WITHOUT ROWID;

      -- One live activation code per enterprise (a reissue replaces it): salted SHA-256, never the code.
      CREATE TABLE activation_codes (
        uscc          TEXT PRIMARY KEY,
        evaluation_id TEXT NOT NULL REFERENCES evaluations (id),
        salt          TEXT NOT NULL,
        hash          TEXT NOT NULL,
        issued_at     TEXT NOT NULL,
        expires_at    TEXT NOT NULL,
        used_at       TEXT
      ) STRICT;

      -- Ten single-use recovery codes per two-factor account, as SHA-256: for a lost phone.
      CREATE TABLE recovery_codes (
        account_id TEXT NOT NULL REFERENCES accounts (id),
        hash       TEXT NOT NULL,
        used_at    TEXT,
        PRIMARY KEY (account_id, hash)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'result search columns',
    sql: `
      -- What the results list searches and sorts by, read from the stored summary: virtual generated
      -- columns, so the immutable rows are not rewritten and nothing can disagree with the JSON.
      ALTER TABLE results ADD COLUMN name TEXT
        GENERATED ALWAYS AS (json_extract(summary_json, '$.name')) VIRTUAL;
      ALTER TABLE results ADD COLUMN status TEXT
        GENERATED ALWAYS AS (json_extract(summary_json, '$.status')) VIRTUAL;
      ALTER TABLE results ADD COLUMN total_score REAL
        GENERATED ALWAYS AS (CAST(json_extract(summary_json, '$.totalScore') AS REAL)) VIRTUAL;
      ALTER TABLE results ADD COLUMN rank INTEGER
        GENERATED ALWAYS AS (json_extract(summary_json, '$.rank')) VIRTUAL;
    `,
  },
  {
    version: 7,
    name: 'entered holiday calendar years',
    sql: `
      -- The bureau's own holiday arrangements (a State Council notice for a year the bundled calendar lacks,
      -- or an amended one), one row per year, as the calendar package's year schema validated it. The
      -- bundled calendar stays the default; these rows are merged over it when a 公示 window is computed.
      CREATE TABLE calendar_years (
        year             INTEGER PRIMARY KEY CHECK (year BETWEEN 1000 AND 9998),
        arrangement_json TEXT NOT NULL,
        version          INTEGER NOT NULL CHECK (version >= 1),
        entered_at       TEXT NOT NULL,
        entered_by       TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 8,
    name: 'evidence totals',
    sql: `
      -- The evidence bytes stored per evaluation and enterprise, kept by triggers in the transaction
      -- that writes the evidence, so that a filing's quota check reads one row per enterprise instead
      -- of summing every file (issue 10: per-enterprise and per-evaluation evidence quotas).
      CREATE TABLE evidence_totals (
        evaluation_id TEXT NOT NULL REFERENCES evaluations (id),
        uscc          TEXT NOT NULL,
        bytes         INTEGER NOT NULL CHECK (bytes >= 0),
        PRIMARY KEY (evaluation_id, uscc)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO evidence_totals (evaluation_id, uscc, bytes)
        SELECT o.evaluation_id, o.uscc, SUM(e.size)
          FROM evidence e JOIN objections o ON o.id = e.objection_id
          GROUP BY o.evaluation_id, o.uscc;

      CREATE TRIGGER evidence_totals_insert AFTER INSERT ON evidence
      BEGIN
        INSERT INTO evidence_totals (evaluation_id, uscc, bytes)
          SELECT evaluation_id, uscc, NEW.size FROM objections WHERE id = NEW.objection_id
          ON CONFLICT (evaluation_id, uscc) DO UPDATE SET bytes = bytes + excluded.bytes;
      END;
      CREATE TRIGGER evidence_totals_delete AFTER DELETE ON evidence
      BEGIN
        UPDATE evidence_totals SET bytes = bytes - OLD.size
          WHERE (evaluation_id, uscc) = (SELECT evaluation_id, uscc FROM objections WHERE id = OLD.objection_id);
      END;
    `,
  },
  {
    version: 9,
    name: 'past years imported',
    sql: `
      -- Results of years evaluated before the county used this system, imported from its spreadsheets
      -- (issue 16: history across years), one row per enterprise and year. A year is imported whole: a
      -- second import of it replaces every row (audited), so the rows of a year are one file's.
      CREATE TABLE past_results (
        year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9998),
        uscc          TEXT NOT NULL,
        name          TEXT NOT NULL,
        town          TEXT,
        industry_code TEXT,
        final_class   TEXT,
        total_score   TEXT,
        rank          INTEGER,
        rated         INTEGER,
        tax_per_mu    TEXT,
        source_file   TEXT NOT NULL,
        imported_at   TEXT NOT NULL,
        PRIMARY KEY (year, uscc)
      ) STRICT;
      CREATE INDEX past_results_uscc ON past_results (uscc, year);
    `,
  },
  {
    version: 10,
    name: 'single sign-on flows and TOTP replay',
    sql: `
      -- An OpenID Connect sign-in under way: the browser holds a random secret in a short-lived cookie,
      -- this table its SHA-256 with the state, nonce and PKCE verifier sent to the identity provider.
      -- A row is taken (deleted) by the callback that uses it, so a flow completes at most once.
      CREATE TABLE oidc_flows (
        hash       TEXT PRIMARY KEY,
        state      TEXT NOT NULL,
        nonce      TEXT NOT NULL,
        verifier   TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- The last TOTP time step (RFC 6238 T) a code was accepted for: a code, once used, cannot be
      -- used again, nor any of an earlier step (RFC 6238 section 5.2).
      ALTER TABLE accounts ADD COLUMN totp_last_step INTEGER;
    `,
  },
  {
    version: 11,
    name: 'sessions keep the ID token for RP-initiated logout',
    sql: `
      -- A session signed in by single sign-on keeps the provider's ID token while it lives, only when
      -- the provider offers RP-initiated logout: signing out sends it back as id_token_hint, so the
      -- provider ends its own session without asking whom. Cleared when the session ends.
      ALTER TABLE sessions ADD COLUMN id_token TEXT;
    `,
  },
  {
    version: 12,
    name: 'the 一企一档 rectification ledger, and saved method proposals',
    sql: `
      -- The 一企一档 ledger (issue 16): the screening line an evaluation's ledger was made from, a file per
      -- enterprise of that list (kept by its town: measures, responsible person, deadline, status,
      -- outcome; version for If-Match), progress notes, and their attachments (PDF, JPEG, PNG by content,
      -- hashed, as objection evidence). Every change is in the audit trail (entity ledger-file).
      CREATE TABLE ledgers (
        evaluation_id TEXT PRIMARY KEY REFERENCES evaluations (id),
        threshold     TEXT NOT NULL,
        class_d       INTEGER NOT NULL CHECK (class_d IN (0, 1)),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE TABLE ledger_files (
        id            TEXT PRIMARY KEY,
        evaluation_id TEXT NOT NULL REFERENCES ledgers (evaluation_id),
        uscc          TEXT NOT NULL,
        name          TEXT NOT NULL,
        town          TEXT,
        industry_code TEXT,
        tax_per_mu    TEXT,
        final_class   TEXT,
        reasons_json  TEXT NOT NULL,
        measures_json TEXT NOT NULL,
        responsible   TEXT,
        deadline      TEXT,
        status        TEXT NOT NULL CHECK (status IN ('pending', 'in_progress', 'completed')),
        outcome       TEXT,
        version       INTEGER NOT NULL CHECK (version >= 1),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        UNIQUE (evaluation_id, uscc)
      ) STRICT;
      CREATE INDEX ledger_files_town ON ledger_files (evaluation_id, town, uscc);
      CREATE TABLE ledger_notes (
        id          TEXT PRIMARY KEY,
        file_id     TEXT NOT NULL REFERENCES ledger_files (id),
        seq         INTEGER NOT NULL,
        at          TEXT NOT NULL,
        author      TEXT NOT NULL,
        author_role TEXT NOT NULL,
        text        TEXT NOT NULL,
        UNIQUE (file_id, seq)
      ) STRICT;
      CREATE TABLE ledger_attachments (
        id         TEXT PRIMARY KEY,
        note_id    TEXT NOT NULL REFERENCES ledger_notes (id),
        file_id    TEXT NOT NULL REFERENCES ledger_files (id),
        ordinal    INTEGER NOT NULL,
        filename   TEXT NOT NULL,
        media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size       INTEGER NOT NULL CHECK (size > 0),
        sha256     TEXT NOT NULL,
        content    BLOB NOT NULL
      ) STRICT;
      CREATE INDEX ledger_attachments_file ON ledger_attachments (file_id);

      -- A proposed method the bureau saved from the simulation page, to come back to: the scheme as it
      -- was given (a preset id or the JSON text), its id and name as read then, and a note.
      CREATE TABLE proposals (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        note        TEXT,
        scheme      TEXT NOT NULL,
        scheme_id   TEXT NOT NULL,
        scheme_name TEXT NOT NULL,
        saved_at    TEXT NOT NULL,
        saved_by    TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 13,
    name: 'evidence bytes per evaluation',
    sql: `
      -- The evidence bytes stored per evaluation, kept by triggers beside evidence_totals (migration 8),
      -- so that a filing's per-evaluation quota check reads one row instead of summing one row per
      -- enterprise with evidence: that sum grew with every filing (issue 17).
      CREATE TABLE evidence_evaluation_totals (
        evaluation_id TEXT PRIMARY KEY REFERENCES evaluations (id),
        bytes         INTEGER NOT NULL CHECK (bytes >= 0)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO evidence_evaluation_totals (evaluation_id, bytes)
        SELECT evaluation_id, SUM(bytes) FROM evidence_totals GROUP BY evaluation_id;

      CREATE TRIGGER evidence_evaluation_totals_insert AFTER INSERT ON evidence
      BEGIN
        INSERT INTO evidence_evaluation_totals (evaluation_id, bytes)
          SELECT evaluation_id, NEW.size FROM objections WHERE id = NEW.objection_id
          ON CONFLICT (evaluation_id) DO UPDATE SET bytes = bytes + excluded.bytes;
      END;
      CREATE TRIGGER evidence_evaluation_totals_delete AFTER DELETE ON evidence
      BEGIN
        UPDATE evidence_evaluation_totals SET bytes = bytes - OLD.size
          WHERE evaluation_id = (SELECT evaluation_id FROM objections WHERE id = OLD.objection_id);
      END;
    `,
  },
];

/** The newest SQLite migration: the schema version this build writes. */
export const LATEST_MIGRATION = Math.max(...MIGRATIONS.map((migration) => migration.version));
