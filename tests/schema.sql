-- migrations applied, in order:
--   0001_core_register
--   0002_periodic_reports
--   0003_reviews_and_mergers
--   0004_periods_and_indicators
--   0005_history
--   0006_search
--   0007_document_settings
--   0008_scale_indexes
--   0009_scale_queries

-- _sqlite_migrations

CREATE TABLE "_sqlite_migrations" (
    "id" INTEGER PRIMARY KEY,
    "migration_set" TEXT,
    "name" TEXT,
    "applied_at" TEXT
    );

CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");

-- action_events

CREATE TABLE action_events (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id),
    at TEXT NOT NULL DEFAULT (datetime('now')),
    kind TEXT NOT NULL,
    field TEXT,
    old_value TEXT,
    new_value TEXT,
    reason TEXT
    , review_id INTEGER REFERENCES reviews(id), recorded_on TEXT);

CREATE INDEX action_events_changes ON action_events(action_id, kind, field, review_id, recorded_on);

CREATE INDEX action_events_review ON action_events(review_id);

-- action_partners

CREATE TABLE action_partners (
    action_id INTEGER NOT NULL REFERENCES actions(id),
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    PRIMARY KEY (action_id, agency_id)
    );

CREATE INDEX action_partners_agency ON action_partners(agency_id, action_id);

-- actions

CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    sector_id INTEGER NOT NULL REFERENCES sectors(id),
    title TEXT NOT NULL,
    search_key TEXT NOT NULL,
    lead_agency_id INTEGER NOT NULL REFERENCES agencies(id),
    start_on TEXT,
    due_on TEXT,
    status TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started','in-progress','done','behind','paused','cancelled')),
    unit TEXT,
    baseline REAL,
    target REAL,
    plan_ref TEXT,
    note TEXT,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
    , carried_from_id INTEGER REFERENCES actions(id), measure TEXT NOT NULL DEFAULT 'cumulative'
    CHECK (measure IN ('cumulative', 'per-period')), carried_value REAL, carried_progress REAL CHECK (carried_progress BETWEEN 0 AND 100));

CREATE INDEX actions_lead ON actions(lead_agency_id);

CREATE INDEX actions_sector ON actions(sector_id);

CREATE TRIGGER search_actions_ad AFTER DELETE ON actions BEGIN DELETE FROM search_rows WHERE kind = 'action' AND source_id = old.id; END;

CREATE TRIGGER search_actions_ai AFTER INSERT ON actions BEGIN INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'action', new.id, 'title', new.title, replace(replace(new.title, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.title, '')) != '' AND 1; INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'action', new.id, 'note', new.note, replace(replace(new.note, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.note, '')) != '' AND 1; INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'action', new.id, 'plan_ref', new.plan_ref, replace(replace(new.plan_ref, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.plan_ref, '')) != '' AND 1; END;

CREATE TRIGGER search_actions_au AFTER UPDATE OF id, title, note, plan_ref ON actions BEGIN DELETE FROM search_rows WHERE kind = 'action' AND source_id = old.id; INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'action', new.id, 'title', new.title, replace(replace(new.title, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.title, '')) != '' AND 1; INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'action', new.id, 'note', new.note, replace(replace(new.note, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.note, '')) != '' AND 1; INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'action', new.id, 'plan_ref', new.plan_ref, replace(replace(new.plan_ref, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.plan_ref, '')) != '' AND 1; END;

-- agencies

CREATE TABLE agencies (
    id INTEGER PRIMARY KEY,
    party_id INTEGER NOT NULL REFERENCES parties(id),
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    search_key TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
    , successor_id INTEGER REFERENCES agencies(id), succeeded_on TEXT);

-- agreement_parties

CREATE TABLE agreement_parties (
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    party_id INTEGER NOT NULL REFERENCES parties(id),
    position INTEGER NOT NULL,
    signatory_name TEXT,
    signatory_title TEXT,
    PRIMARY KEY (agreement_id, party_id)
    );

-- agreements

CREATE TABLE agreements (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    search_key TEXT NOT NULL,
    start_year INTEGER NOT NULL,
    end_year INTEGER NOT NULL CHECK (end_year >= start_year),
    signed_on TEXT,
    predecessor_id INTEGER REFERENCES agreements(id),
    predecessor_note TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended', 'superseded')),
    note TEXT,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
    , report_cadence TEXT NOT NULL DEFAULT 'H'
    CHECK (report_cadence IN ('H', 'Q', 'Y')), deadline_day INTEGER NOT NULL DEFAULT 20
    CHECK (deadline_day BETWEEN 1 AND 31), ended_on TEXT, end_review_id INTEGER REFERENCES reviews(id));

-- commendations

CREATE TABLE commendations (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES reviews(id),
    recipient TEXT NOT NULL,
    recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('collective', 'individual')),
    unit TEXT,
    party_id INTEGER REFERENCES parties(id),
    form TEXT NOT NULL,
    decision TEXT,
    decided_on TEXT,
    reason TEXT,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
    );

CREATE TRIGGER search_commendations_ad AFTER DELETE ON commendations BEGIN DELETE FROM search_rows WHERE kind = 'commendation' AND source_id = old.id; END;

CREATE TRIGGER search_commendations_ai AFTER INSERT ON commendations BEGIN INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'commendation', new.id, 'reason', new.reason, replace(replace(new.reason, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.reason, '')) != '' AND 1; END;

CREATE TRIGGER search_commendations_au AFTER UPDATE OF id, reason ON commendations BEGIN DELETE FROM search_rows WHERE kind = 'commendation' AND source_id = old.id; INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'commendation', new.id, 'reason', new.reason, replace(replace(new.reason, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.reason, '')) != '' AND 1; END;

-- document_settings

CREATE TABLE document_settings (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER REFERENCES agreements(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
    );

CREATE UNIQUE INDEX document_settings_scope_key ON document_settings(ifnull(agreement_id, 0), key);

-- history

CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL DEFAULT (datetime('now')),
    who TEXT NOT NULL,
    command TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'change' CHECK (kind IN ('change', 'undo', 'init', 'upgrade', 'restore')),
    changes TEXT,
    note TEXT,
    undoes INTEGER REFERENCES history(id),
    undone_by INTEGER REFERENCES history(id)
    );

-- history_changes

CREATE TABLE history_changes (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES history(id),
    tbl TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    row_key,
    action_id INTEGER,
    undo_sql TEXT NOT NULL,
    old_values TEXT
    );

CREATE INDEX history_changes_action ON history_changes(action_id) WHERE action_id IS NOT NULL;

CREATE INDEX history_changes_entry ON history_changes(entry_id);

CREATE INDEX history_changes_row ON history_changes(tbl, row_key);

-- history_state

CREATE TABLE history_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    entry_id INTEGER REFERENCES history(id),
    schema_version INTEGER
    );

-- parties

CREATE TABLE parties (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    search_key TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'province' CHECK (kind IN ('province', 'city', 'other')),
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
    , successor_id INTEGER REFERENCES parties(id), succeeded_on TEXT);

-- reports

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id),
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    period TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    is_current INTEGER NOT NULL DEFAULT 1,
    supersedes_id INTEGER REFERENCES reports(id),
    progress REAL NOT NULL CHECK (progress BETWEEN 0 AND 100),
    value REAL,
    status TEXT NOT NULL CHECK (status IN ('not-started','in-progress','done','behind','paused','cancelled')),
    result TEXT,
    difficulty TEXT,
    proposal TEXT,
    submitted_on TEXT NOT NULL,
    source TEXT,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
    , withdrawn_on TEXT, withdrawn_reason TEXT);

CREATE INDEX reports_agency ON reports(agency_id, action_id, period);

CREATE UNIQUE INDEX reports_current ON reports(action_id, agency_id, period) WHERE is_current = 1;

CREATE INDEX reports_latest ON reports(
    action_id, is_current, period_end, submitted_on, id, agency_id, period, progress, status, value, period_start);

CREATE INDEX reports_period ON reports(period_end, is_current);

CREATE INDEX reports_supersedes ON reports(supersedes_id);

CREATE TRIGGER search_reports_ad AFTER DELETE ON reports BEGIN DELETE FROM search_rows WHERE kind = 'report' AND source_id = old.id; END;

CREATE TRIGGER search_reports_ai AFTER INSERT ON reports BEGIN INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'report', new.id, 'result', new.result, replace(replace(new.result, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.result, '')) != '' AND new.is_current = 1; INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'report', new.id, 'difficulty', new.difficulty, replace(replace(new.difficulty, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.difficulty, '')) != '' AND new.is_current = 1; INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'report', new.id, 'proposal', new.proposal, replace(replace(new.proposal, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.proposal, '')) != '' AND new.is_current = 1; END;

CREATE TRIGGER search_reports_au AFTER UPDATE OF id, result, difficulty, proposal, is_current ON reports BEGIN DELETE FROM search_rows WHERE kind = 'report' AND source_id = old.id; INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'report', new.id, 'result', new.result, replace(replace(new.result, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.result, '')) != '' AND new.is_current = 1; INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'report', new.id, 'difficulty', new.difficulty, replace(replace(new.difficulty, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.difficulty, '')) != '' AND new.is_current = 1; INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'report', new.id, 'proposal', new.proposal, replace(replace(new.proposal, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.proposal, '')) != '' AND new.is_current = 1; END;

-- reviews

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    year INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'so-ket' CHECK (kind IN ('so-ket', 'tong-ket')),
    host_party_id INTEGER REFERENCES parties(id),
    held_on TEXT,
    conclusion TEXT,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
    );

CREATE TRIGGER search_reviews_ad AFTER DELETE ON reviews BEGIN DELETE FROM search_rows WHERE kind = 'review' AND source_id = old.id; END;

CREATE TRIGGER search_reviews_ai AFTER INSERT ON reviews BEGIN INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'review', new.id, 'conclusion', new.conclusion, replace(replace(new.conclusion, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.conclusion, '')) != '' AND 1; END;

CREATE TRIGGER search_reviews_au AFTER UPDATE OF id, conclusion ON reviews BEGIN DELETE FROM search_rows WHERE kind = 'review' AND source_id = old.id; INSERT INTO search_rows (kind, source_id, field, text, folded) SELECT 'review', new.id, 'conclusion', new.conclusion, replace(replace(new.conclusion, 'đ', 'd'), 'Đ', 'D') WHERE trim(coalesce(new.conclusion, '')) != '' AND 1; END;

-- search_rows

CREATE TABLE search_rows (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    source_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    text TEXT NOT NULL,
    folded TEXT NOT NULL
    );

CREATE INDEX search_rows_source ON search_rows(kind, source_id);

CREATE TRIGGER "search_rows_ad" AFTER DELETE ON "search_rows" BEGIN
    INSERT INTO "search_rows_fts" ("search_rows_fts", rowid, "folded") VALUES('delete', old.rowid, old."folded");
    END;

CREATE TRIGGER "search_rows_ai" AFTER INSERT ON "search_rows" BEGIN
    INSERT INTO "search_rows_fts" (rowid, "folded") VALUES (new.rowid, new."folded");
    END;

CREATE TRIGGER "search_rows_au" AFTER UPDATE ON "search_rows" BEGIN
    INSERT INTO "search_rows_fts" ("search_rows_fts", rowid, "folded") VALUES('delete', old.rowid, old."folded");
    INSERT INTO "search_rows_fts" (rowid, "folded") VALUES (new.rowid, new."folded");
    END;

-- search_rows_fts

CREATE VIRTUAL TABLE "search_rows_fts" USING FTS5 (
    "folded",
    tokenize='unicode61 remove_diacritics 2',
    content="search_rows"
    );

-- search_rows_fts_config

CREATE TABLE 'search_rows_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- search_rows_fts_data

CREATE TABLE 'search_rows_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- search_rows_fts_docsize

CREATE TABLE 'search_rows_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- search_rows_fts_idx

CREATE TABLE 'search_rows_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- sectors

CREATE TABLE sectors (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    position INTEGER NOT NULL,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    search_key TEXT NOT NULL,
    UNIQUE (agreement_id, slug)
    );

-- web_settings

CREATE TABLE web_settings (key TEXT PRIMARY KEY, value TEXT);
