"""The emulator's SQLite schema and its migrations.

The schema version is SQLite's `PRAGMA user_version`. `MIGRATIONS[i]` takes a database from version
`i` to `i + 1`; a new database runs them all. Add a migration at the end, never edit one that has
shipped: a database written by an older emulator is upgraded in place when it is opened.

Times are Unix epoch milliseconds (INTEGER, NULL until the event happened); lists and mappings are
JSON text. Every `seq` column is an insertion order, used for "newest first" and for page tokens.
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]

_V1 = """
CREATE TABLE runs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL,
    repo TEXT NOT NULL,
    ref TEXT NOT NULL DEFAULT '',
    sha TEXT NOT NULL DEFAULT '',
    head_sha TEXT NOT NULL DEFAULT '',
    trigger TEXT NOT NULL,
    pr TEXT NOT NULL DEFAULT '',
    inputs TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    started_at INTEGER,
    finished_at INTEGER
);
CREATE INDEX runs_by_org ON runs (org_id, seq);

CREATE TABLE workflows (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    workflow_id TEXT NOT NULL UNIQUE,
    run_id TEXT NOT NULL REFERENCES runs (run_id),
    org_id TEXT NOT NULL,
    path TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    error_message TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    started_at INTEGER,
    finished_at INTEGER
);
CREATE INDEX workflows_by_run ON workflows (run_id, seq);
CREATE INDEX workflows_by_org ON workflows (org_id, seq);

CREATE TABLE executions (
    execution_id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL REFERENCES workflows (workflow_id),
    number INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    started_at INTEGER,
    finished_at INTEGER,
    UNIQUE (workflow_id, number)
);

CREATE TABLE jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id TEXT NOT NULL UNIQUE,
    workflow_id TEXT NOT NULL REFERENCES workflows (workflow_id),
    run_id TEXT NOT NULL REFERENCES runs (run_id),
    job_key TEXT NOT NULL,
    display_name TEXT NOT NULL,
    needs TEXT NOT NULL DEFAULT '[]',
    condition TEXT NOT NULL DEFAULT '',
    matrix TEXT NOT NULL DEFAULT '[]',
    strategy_index INTEGER,
    strategy_total INTEGER,
    runs_on TEXT,
    steps TEXT NOT NULL DEFAULT '[]',
    timeout_minutes REAL,
    status TEXT NOT NULL,
    conclusion TEXT NOT NULL DEFAULT '',
    error_message TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    dispatched_at INTEGER,
    started_at INTEGER,
    finished_at INTEGER,
    current_attempt INTEGER NOT NULL DEFAULT 0,
    current_attempt_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX jobs_by_workflow ON jobs (workflow_id, seq);
CREATE INDEX jobs_by_status ON jobs (status);

CREATE TABLE attempts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    attempt_id TEXT NOT NULL UNIQUE,
    job_id TEXT NOT NULL REFERENCES jobs (job_id),
    number INTEGER NOT NULL,
    status TEXT NOT NULL,
    conclusion TEXT NOT NULL DEFAULT '',
    error_message TEXT NOT NULL DEFAULT '',
    sandbox_id TEXT NOT NULL DEFAULT '',
    session_id TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    dispatched_at INTEGER,
    started_at INTEGER,
    finished_at INTEGER,
    UNIQUE (job_id, number)
);

CREATE TABLE steps (
    attempt_id TEXT NOT NULL REFERENCES attempts (attempt_id),
    position INTEGER NOT NULL,
    step_key TEXT NOT NULL,
    step_id TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    conclusion TEXT NOT NULL DEFAULT '',
    exit_code INTEGER,
    started_at INTEGER,
    finished_at INTEGER,
    PRIMARY KEY (attempt_id, position)
);

CREATE TABLE log_lines (
    attempt_id TEXT NOT NULL REFERENCES attempts (attempt_id),
    seq INTEGER NOT NULL,
    step_key TEXT NOT NULL,
    stream INTEGER NOT NULL,
    line_number INTEGER NOT NULL,
    timestamp_ms INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (attempt_id, seq)
);
"""

# Version 2: job-level `continue-on-error` (a failed job with it does not fail its workflow).
_V2 = """
ALTER TABLE jobs ADD COLUMN continue_on_error INTEGER NOT NULL DEFAULT 0;
"""

# Version 3: what steps write besides log lines: step summaries ($DEPOT_STEP_SUMMARY) and artifacts
# (actions/upload-artifact). CPU and memory samples are not stored: they are a pure function of the
# attempt's persisted step timeline (see `metrics.py`).
_V3 = """
CREATE TABLE step_summaries (
    attempt_id TEXT NOT NULL REFERENCES attempts (attempt_id),
    position INTEGER NOT NULL,
    markdown TEXT NOT NULL,
    PRIMARY KEY (attempt_id, position)
);

CREATE TABLE artifacts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    artifact_id TEXT NOT NULL UNIQUE,
    run_id TEXT NOT NULL REFERENCES runs (run_id),
    workflow_id TEXT NOT NULL REFERENCES workflows (workflow_id),
    job_id TEXT NOT NULL REFERENCES jobs (job_id),
    attempt_id TEXT NOT NULL REFERENCES attempts (attempt_id),
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (attempt_id, name)
);
CREATE INDEX artifacts_by_run ON artifacts (run_id, seq);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)
"""SQL scripts, one per schema version: `MIGRATIONS[i]` upgrades version `i` to `i + 1`."""

SCHEMA_VERSION = len(MIGRATIONS)
"""The schema version this emulator writes."""
