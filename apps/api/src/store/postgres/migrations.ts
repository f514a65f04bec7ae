import type { Migration } from '../sqlite/migrations.js';

/**
 * The PostgreSQL schema as numbered migrations (their own numbering, recorded in `schema_migrations`),
 * applied in order at start. Version 1 is the SQLite schema as it stands after SQLite's migration 8, so
 * both engines hold the same tables, columns and rules; a later change to the schema is a migration in
 * both lists.
 *
 * Kept to SQL that PostgreSQL-compatible 信创 databases (KingbaseES, openGauss) also accept: plain types
 * (TEXT, INTEGER, BIGINT, NUMERIC, BYTEA), BIGSERIAL, CHECK and foreign keys, partial indexes, PL/pgSQL
 * triggers created with EXECUTE PROCEDURE (the older spelling every one of them knows). Avoided, and why:
 * extensions (pgcrypto, uuid-ossp: a managed or 信创 database may not offer them; ids and hashes are made
 * in Node), JSONB and its operators (openGauss's support lags; the JSON is stored as TEXT and read by
 * json_extract_path_text in two queries only), generated columns (the search columns are filled by a
 * BEFORE INSERT trigger instead), advisory locks (PostgreSQL-only: writes serialise on a row lock of
 * `write_lock`, which every one of them has), and LISTEN/NOTIFY. Text columns that are sorted or compared
 * use COLLATE "C", so an order is the same on every server, whatever the database's locale, and the same
 * as SQLite's (bytewise).
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial (the SQLite schema through its migration 8)',
    sql: `
      CREATE TABLE tokens (
        id          TEXT COLLATE "C" PRIMARY KEY,
        hash        TEXT COLLATE "C" NOT NULL UNIQUE,
        role        TEXT COLLATE "C" NOT NULL CHECK (role IN ('admin', 'department', 'town', 'enterprise')),
        department  TEXT COLLATE "C",
        town        TEXT COLLATE "C",
        uscc        TEXT COLLATE "C",
        label       TEXT COLLATE "C" NOT NULL,
        created_at  TEXT COLLATE "C" NOT NULL,
        revoked_at  TEXT COLLATE "C",
        CHECK ((role = 'department') = (department IS NOT NULL)),
        CHECK ((role = 'town') = (town IS NOT NULL)),
        CHECK ((role = 'enterprise') = (uscc IS NOT NULL))
      );

      CREATE TABLE evaluations (
        id               TEXT COLLATE "C" PRIMARY KEY,
        seq              INTEGER NOT NULL UNIQUE,
        name             TEXT COLLATE "C" NOT NULL,
        state            TEXT COLLATE "C" NOT NULL CHECK (state IN ('draft', 'published', 'recomputed', 'final')),
        version          INTEGER NOT NULL,
        scheme_id        TEXT COLLATE "C" NOT NULL,
        scheme_name      TEXT COLLATE "C" NOT NULL,
        scheme_json      TEXT NOT NULL,
        enterprises      INTEGER NOT NULL,
        summary_json     TEXT NOT NULL,
        created_at       TEXT COLLATE "C" NOT NULL,
        created_by       TEXT COLLATE "C" NOT NULL,
        publication_json TEXT,
        recomputed_at    TEXT COLLATE "C",
        recompute_json   TEXT,
        finalized_at     TEXT COLLATE "C",
        final_etag       TEXT COLLATE "C",
        year             INTEGER CHECK (year BETWEEN 1900 AND 9999)
      );
      CREATE INDEX evaluations_final_year ON evaluations (year, finalized_at) WHERE state = 'final';

      CREATE TABLE records (
        evaluation_id TEXT COLLATE "C" NOT NULL REFERENCES evaluations (id),
        uscc          TEXT COLLATE "C" NOT NULL,
        record_json   TEXT NOT NULL,
        PRIMARY KEY (evaluation_id, uscc)
      );

      CREATE TABLE results (
        evaluation_id TEXT COLLATE "C" NOT NULL REFERENCES evaluations (id),
        phase         TEXT COLLATE "C" NOT NULL CHECK (phase IN ('initial', 'recomputed')),
        ordinal       INTEGER NOT NULL,
        uscc          TEXT COLLATE "C" NOT NULL,
        cohort        TEXT COLLATE "C",
        final_class   TEXT COLLATE "C",
        town          TEXT COLLATE "C",
        industry      TEXT COLLATE "C",
        summary_json  TEXT NOT NULL,
        result_json   TEXT NOT NULL,
        etag          TEXT COLLATE "C" NOT NULL,
        -- What the results list searches and sorts by, read from summary_json by results_fill.
        name          TEXT COLLATE "C",
        status        TEXT COLLATE "C",
        total_score   NUMERIC,
        rank          INTEGER,
        PRIMARY KEY (evaluation_id, phase, uscc)
      );
      CREATE UNIQUE INDEX results_order ON results (evaluation_id, phase, ordinal);
      CREATE INDEX results_town ON results (evaluation_id, phase, town, ordinal);
      CREATE INDEX results_class ON results (evaluation_id, phase, final_class, ordinal);

      CREATE FUNCTION results_fill() RETURNS trigger AS $$
      BEGIN
        NEW.name := json_extract_path_text(CAST(NEW.summary_json AS json), 'name');
        NEW.status := json_extract_path_text(CAST(NEW.summary_json AS json), 'status');
        NEW.total_score := CAST(json_extract_path_text(CAST(NEW.summary_json AS json), 'totalScore') AS NUMERIC);
        NEW.rank := CAST(json_extract_path_text(CAST(NEW.summary_json AS json), 'rank') AS INTEGER);
        RETURN NEW;
      END;
      $$ LANGUAGE plpgsql;
      CREATE TRIGGER results_fill BEFORE INSERT ON results FOR EACH ROW EXECUTE PROCEDURE results_fill();

      -- Results are snapshots, and the trail is evidence: the database itself refuses to rewrite them.
      CREATE FUNCTION refuse_change() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION '% is immutable (%)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
      END;
      $$ LANGUAGE plpgsql;
      CREATE TRIGGER results_immutable BEFORE UPDATE ON results
        FOR EACH ROW EXECUTE PROCEDURE refuse_change();

      CREATE TABLE objections (
        id            TEXT COLLATE "C" PRIMARY KEY,
        seq           INTEGER NOT NULL UNIQUE,
        evaluation_id TEXT COLLATE "C" NOT NULL REFERENCES evaluations (id),
        uscc          TEXT COLLATE "C" NOT NULL,
        name          TEXT COLLATE "C" NOT NULL,
        town          TEXT COLLATE "C",
        reason        TEXT NOT NULL,
        filed_by      TEXT COLLATE "C" NOT NULL,
        filed_role    TEXT COLLATE "C" NOT NULL,
        filed_at      TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX objections_evaluation ON objections (evaluation_id, seq);

      CREATE TABLE objection_items (
        id              TEXT COLLATE "C" PRIMARY KEY,
        seq             INTEGER NOT NULL UNIQUE,
        objection_id    TEXT COLLATE "C" NOT NULL REFERENCES objections (id),
        evaluation_id   TEXT COLLATE "C" NOT NULL REFERENCES evaluations (id),
        uscc            TEXT COLLATE "C" NOT NULL,
        field           TEXT COLLATE "C" NOT NULL,
        department      TEXT COLLATE "C" NOT NULL,
        current_value   TEXT COLLATE "C",
        claimed_value   TEXT COLLATE "C" NOT NULL,
        decision        TEXT COLLATE "C" CHECK (decision IN ('upheld', 'rejected')),
        corrected_value TEXT COLLATE "C",
        decision_reason TEXT,
        decided_by      TEXT COLLATE "C",
        decided_at      TEXT COLLATE "C",
        version         INTEGER NOT NULL,
        CHECK ((decision = 'upheld') = (corrected_value IS NOT NULL))
      );
      CREATE INDEX objection_items_objection ON objection_items (objection_id, seq);
      CREATE INDEX objection_items_department ON objection_items (department, seq);
      CREATE INDEX objection_items_enterprise ON objection_items (evaluation_id, uscc, field);

      -- Evidence in the same database as its objection, written in the same transaction.
      CREATE TABLE evidence (
        id            TEXT COLLATE "C" PRIMARY KEY,
        objection_id  TEXT COLLATE "C" NOT NULL REFERENCES objections (id),
        ordinal       INTEGER NOT NULL,
        filename      TEXT COLLATE "C" NOT NULL,
        media_type    TEXT COLLATE "C" NOT NULL,
        size          BIGINT NOT NULL,
        sha256        TEXT COLLATE "C" NOT NULL,
        content       BYTEA NOT NULL
      );
      CREATE INDEX evidence_objection ON evidence (objection_id, ordinal);

      CREATE TABLE idempotency (
        principal    TEXT COLLATE "C" NOT NULL,
        key          TEXT COLLATE "C" NOT NULL,
        fingerprint  TEXT COLLATE "C" NOT NULL,
        status       INTEGER NOT NULL,
        headers_json TEXT NOT NULL,
        body         TEXT NOT NULL,
        created_at   TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (principal, key)
      );

      CREATE TABLE audit (
        seq         BIGSERIAL PRIMARY KEY,
        at          TEXT COLLATE "C" NOT NULL,
        actor_id    TEXT COLLATE "C" NOT NULL,
        actor_role  TEXT COLLATE "C" NOT NULL,
        entity      TEXT COLLATE "C" NOT NULL,
        entity_id   TEXT COLLATE "C" NOT NULL,
        action      TEXT COLLATE "C" NOT NULL,
        before_json TEXT,
        after_json  TEXT
      );
      CREATE INDEX audit_entity ON audit (entity, entity_id, seq);
      CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit
        FOR EACH ROW EXECUTE PROCEDURE refuse_change();
      CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
        FOR EACH STATEMENT EXECUTE PROCEDURE refuse_change();

      CREATE TABLE accounts (
        id                  TEXT COLLATE "C" PRIMARY KEY,
        name                TEXT COLLATE "C" NOT NULL UNIQUE,
        role                TEXT COLLATE "C" NOT NULL CHECK (role IN ('admin', 'department', 'town', 'enterprise')),
        department          TEXT COLLATE "C",
        town                TEXT COLLATE "C",
        uscc                TEXT COLLATE "C",
        password_hash       TEXT COLLATE "C",
        must_change         INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
        created_at          TEXT COLLATE "C" NOT NULL,
        password_changed_at TEXT COLLATE "C",
        disabled_at         TEXT COLLATE "C",
        totp_secret         TEXT COLLATE "C",
        totp_confirmed_at   TEXT COLLATE "C",
        CHECK ((role = 'department') = (department IS NOT NULL)),
        CHECK (role <> 'town' OR town IS NOT NULL),
        CHECK ((role = 'enterprise') = (uscc IS NOT NULL AND uscc = name))
      );

      CREATE TABLE sessions (
        id           TEXT COLLATE "C" PRIMARY KEY,
        hash         TEXT COLLATE "C" NOT NULL UNIQUE,
        account_id   TEXT COLLATE "C" NOT NULL REFERENCES accounts (id),
        created_at   TEXT COLLATE "C" NOT NULL,
        last_seen_at TEXT COLLATE "C" NOT NULL,
        expires_at   TEXT COLLATE "C" NOT NULL,
        ended_at     TEXT COLLATE "C"
      );
      CREATE INDEX sessions_account ON sessions (account_id) WHERE ended_at IS NULL;

      CREATE TABLE sign_in_throttle (
        name         TEXT COLLATE "C" PRIMARY KEY,
        failures     INTEGER NOT NULL,
        first_at     TEXT COLLATE "C" NOT NULL,
        locked_until TEXT COLLATE "C"
      );

      CREATE TABLE activation_codes (
        uscc          TEXT COLLATE "C" PRIMARY KEY,
        evaluation_id TEXT COLLATE "C" NOT NULL REFERENCES evaluations (id),
        salt          TEXT COLLATE "C" NOT NULL,
        hash          TEXT COLLATE "C" NOT NULL,
        issued_at     TEXT COLLATE "C" NOT NULL,
        expires_at    TEXT COLLATE "C" NOT NULL,
        used_at       TEXT COLLATE "C"
      );

      CREATE TABLE recovery_codes (
        account_id TEXT COLLATE "C" NOT NULL REFERENCES accounts (id),
        hash       TEXT COLLATE "C" NOT NULL,
        used_at    TEXT COLLATE "C",
        PRIMARY KEY (account_id, hash)
      );

      CREATE TABLE calendar_years (
        year             INTEGER PRIMARY KEY CHECK (year BETWEEN 1000 AND 9998),
        arrangement_json TEXT NOT NULL,
        version          INTEGER NOT NULL CHECK (version >= 1),
        entered_at       TEXT COLLATE "C" NOT NULL,
        entered_by       TEXT COLLATE "C" NOT NULL
      );

      -- Evidence bytes per evaluation and enterprise, kept by triggers in the evidence's transaction.
      CREATE TABLE evidence_totals (
        evaluation_id TEXT COLLATE "C" NOT NULL REFERENCES evaluations (id),
        uscc          TEXT COLLATE "C" NOT NULL,
        bytes         BIGINT NOT NULL CHECK (bytes >= 0),
        PRIMARY KEY (evaluation_id, uscc)
      );
      CREATE FUNCTION evidence_totals_insert() RETURNS trigger AS $$
      BEGIN
        INSERT INTO evidence_totals (evaluation_id, uscc, bytes)
          SELECT evaluation_id, uscc, NEW.size FROM objections WHERE id = NEW.objection_id
          ON CONFLICT (evaluation_id, uscc) DO UPDATE SET bytes = evidence_totals.bytes + EXCLUDED.bytes;
        RETURN NEW;
      END;
      $$ LANGUAGE plpgsql;
      CREATE TRIGGER evidence_totals_insert AFTER INSERT ON evidence
        FOR EACH ROW EXECUTE PROCEDURE evidence_totals_insert();
      CREATE FUNCTION evidence_totals_delete() RETURNS trigger AS $$
      BEGIN
        UPDATE evidence_totals t SET bytes = t.bytes - OLD.size
          FROM objections o
          WHERE o.id = OLD.objection_id AND t.evaluation_id = o.evaluation_id AND t.uscc = o.uscc;
        RETURN OLD;
      END;
      $$ LANGUAGE plpgsql;
      CREATE TRIGGER evidence_totals_delete AFTER DELETE ON evidence
        FOR EACH ROW EXECUTE PROCEDURE evidence_totals_delete();

      -- One row that every write transaction locks first (SELECT … FOR UPDATE): writes are serialised
      -- across every instance on the database, as SQLite's one writer serialises them, so a rule
      -- checked in a transaction (a quota, a version, the next receipt number, one recompute or finalize
      -- of an evaluation at a time) still holds at its commit.
      CREATE TABLE write_lock (id INTEGER PRIMARY KEY CHECK (id = 1));
      INSERT INTO write_lock (id) VALUES (1);
    `,
  },
  {
    version: 2,
    name: 'idempotency keys in flight',
    sql: `
      -- An Idempotency-Key whose first request is still running on some instance: another instance
      -- answers 409 meanwhile. A claim left by an instance that died is taken over once stale.
      CREATE TABLE idempotency_claims (
        principal  TEXT COLLATE "C" NOT NULL,
        key        TEXT COLLATE "C" NOT NULL,
        claimed_at TEXT COLLATE "C" NOT NULL,
        owner      TEXT COLLATE "C" NOT NULL,  -- the instance (a random id per process) running it
        PRIMARY KEY (principal, key)
      );
    `,
  },
  {
    version: 3,
    name: 'past years imported (SQLite migration 9)',
    sql: `
      CREATE TABLE past_results (
        year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9998),
        uscc          TEXT COLLATE "C" NOT NULL,
        name          TEXT COLLATE "C" NOT NULL,
        town          TEXT COLLATE "C",
        industry_code TEXT COLLATE "C",
        final_class   TEXT COLLATE "C",
        total_score   TEXT COLLATE "C",
        rank          INTEGER,
        rated         INTEGER,
        tax_per_mu    TEXT COLLATE "C",
        source_file   TEXT COLLATE "C" NOT NULL,
        imported_at   TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (year, uscc)
      );
      CREATE INDEX past_results_uscc ON past_results (uscc, year);
    `,
  },
  {
    version: 4,
    name: 'single sign-on flows and TOTP replay (SQLite migration 10)',
    sql: `
      CREATE TABLE oidc_flows (
        hash       TEXT COLLATE "C" PRIMARY KEY,
        state      TEXT COLLATE "C" NOT NULL,
        nonce      TEXT COLLATE "C" NOT NULL,
        verifier   TEXT COLLATE "C" NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL,
        expires_at TEXT COLLATE "C" NOT NULL
      );
      ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT;
    `,
  },
  {
    version: 5,
    name: 'sessions keep the ID token for RP-initiated logout (SQLite migration 11)',
    sql: `
      ALTER TABLE sessions ADD COLUMN id_token TEXT COLLATE "C";
    `,
  },
  {
    version: 6,
    name: 'the 一企一档 rectification ledger, and saved method proposals (SQLite migration 12)',
    sql: `
      CREATE TABLE ledgers (
        evaluation_id TEXT COLLATE "C" PRIMARY KEY REFERENCES evaluations (id),
        threshold     TEXT COLLATE "C" NOT NULL,
        class_d       INTEGER NOT NULL CHECK (class_d IN (0, 1)),
        created_at    TEXT COLLATE "C" NOT NULL,
        updated_at    TEXT COLLATE "C" NOT NULL
      );
      CREATE TABLE ledger_files (
        id            TEXT COLLATE "C" PRIMARY KEY,
        evaluation_id TEXT COLLATE "C" NOT NULL REFERENCES ledgers (evaluation_id),
        uscc          TEXT COLLATE "C" NOT NULL,
        name          TEXT COLLATE "C" NOT NULL,
        town          TEXT COLLATE "C",
        industry_code TEXT COLLATE "C",
        tax_per_mu    TEXT COLLATE "C",
        final_class   TEXT COLLATE "C",
        reasons_json  TEXT COLLATE "C" NOT NULL,
        measures_json TEXT COLLATE "C" NOT NULL,
        responsible   TEXT COLLATE "C",
        deadline      TEXT COLLATE "C",
        status        TEXT COLLATE "C" NOT NULL CHECK (status IN ('pending', 'in_progress', 'completed')),
        outcome       TEXT COLLATE "C",
        version       INTEGER NOT NULL CHECK (version >= 1),
        created_at    TEXT COLLATE "C" NOT NULL,
        updated_at    TEXT COLLATE "C" NOT NULL,
        UNIQUE (evaluation_id, uscc)
      );
      CREATE INDEX ledger_files_town ON ledger_files (evaluation_id, town, uscc);
      CREATE TABLE ledger_notes (
        id          TEXT COLLATE "C" PRIMARY KEY,
        file_id     TEXT COLLATE "C" NOT NULL REFERENCES ledger_files (id),
        seq         INTEGER NOT NULL,
        at          TEXT COLLATE "C" NOT NULL,
        author      TEXT COLLATE "C" NOT NULL,
        author_role TEXT COLLATE "C" NOT NULL,
        text        TEXT COLLATE "C" NOT NULL,
        UNIQUE (file_id, seq)
      );
      CREATE TABLE ledger_attachments (
        id         TEXT COLLATE "C" PRIMARY KEY,
        note_id    TEXT COLLATE "C" NOT NULL REFERENCES ledger_notes (id),
        file_id    TEXT COLLATE "C" NOT NULL REFERENCES ledger_files (id),
        ordinal    INTEGER NOT NULL,
        filename   TEXT COLLATE "C" NOT NULL,
        media_type TEXT COLLATE "C" NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size       BIGINT NOT NULL CHECK (size > 0),
        sha256     TEXT COLLATE "C" NOT NULL,
        content    BYTEA NOT NULL
      );
      CREATE INDEX ledger_attachments_file ON ledger_attachments (file_id);
      CREATE TABLE proposals (
        id          TEXT COLLATE "C" PRIMARY KEY,
        name        TEXT COLLATE "C" NOT NULL,
        note        TEXT COLLATE "C",
        scheme      TEXT COLLATE "C" NOT NULL,
        scheme_id   TEXT COLLATE "C" NOT NULL,
        scheme_name TEXT COLLATE "C" NOT NULL,
        saved_at    TEXT COLLATE "C" NOT NULL,
        saved_by    TEXT COLLATE "C" NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'evidence bytes per evaluation (SQLite migration 13)',
    sql: `
      -- Kept by triggers beside evidence_totals, so that a filing's per-evaluation quota check reads one
      -- row instead of summing one row per enterprise with evidence (issue 17).
      CREATE TABLE evidence_evaluation_totals (
        evaluation_id TEXT COLLATE "C" PRIMARY KEY REFERENCES evaluations (id),
        bytes         BIGINT NOT NULL CHECK (bytes >= 0)
      );
      INSERT INTO evidence_evaluation_totals (evaluation_id, bytes)
        SELECT evaluation_id, SUM(bytes) FROM evidence_totals GROUP BY evaluation_id;
      CREATE FUNCTION evidence_evaluation_totals_insert() RETURNS trigger AS $$
      BEGIN
        INSERT INTO evidence_evaluation_totals (evaluation_id, bytes)
          SELECT evaluation_id, NEW.size FROM objections WHERE id = NEW.objection_id
          ON CONFLICT (evaluation_id)
          DO UPDATE SET bytes = evidence_evaluation_totals.bytes + EXCLUDED.bytes;
        RETURN NEW;
      END;
      $$ LANGUAGE plpgsql;
      CREATE TRIGGER evidence_evaluation_totals_insert AFTER INSERT ON evidence
        FOR EACH ROW EXECUTE PROCEDURE evidence_evaluation_totals_insert();
      CREATE FUNCTION evidence_evaluation_totals_delete() RETURNS trigger AS $$
      BEGIN
        UPDATE evidence_evaluation_totals t SET bytes = t.bytes - OLD.size
          FROM objections o
          WHERE o.id = OLD.objection_id AND t.evaluation_id = o.evaluation_id;
        RETURN OLD;
      END;
      $$ LANGUAGE plpgsql;
      CREATE TRIGGER evidence_evaluation_totals_delete AFTER DELETE ON evidence
        FOR EACH ROW EXECUTE PROCEDURE evidence_evaluation_totals_delete();
    `,
  },
];
