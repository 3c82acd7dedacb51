"""The emulator's state in SQLite: opening (WAL, migrations), transactions, and typed queries.

One `Store` holds one connection and is used from one thread at a time (the server's event loop):
every call is short and synchronous, so a handler and the executor never see each other's
half-finished changes. Writes that belong together go in one `with store.transaction():`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from .records import (
    ArtifactRow,
    AttemptRow,
    ExecutionRow,
    JobRow,
    LogLineRow,
    RunRow,
    StepRow,
    StepSummaryRow,
    WorkflowRow,
    _Row,
)
from .schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["Store", "StoreError"]

_R = TypeVar("_R", bound=_Row)
_TABLES = {"runs", "workflows", "executions", "jobs", "attempts", "steps", "log_lines", "step_summaries", "artifacts"}


class StoreError(Exception):
    """The database cannot be used: not SQLite, written by a newer emulator, unwritable, ..."""


class Store:
    """The emulator's database. Open it with `Store.open(path)`; close it with `close()`."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        """Open (creating and migrating as needed) the database at `path`, or an in-memory one.

        Raises:
            StoreError: If the file is not an SQLite database, was written by a newer emulator
                (a higher schema version), or cannot be opened or written.
        """
        target = ":memory:" if path is None else str(path)
        try:
            db = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            msg = f"{target}: cannot open the database: {exc}"
            raise StoreError(msg) from exc
        db.row_factory = sqlite3.Row
        try:
            db.execute("PRAGMA foreign_keys = ON")
            if path is not None:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
                db.execute("PRAGMA busy_timeout = 5000")
            _migrate(db, target)
        except sqlite3.DatabaseError as exc:
            db.close()
            msg = f"{target}: not a usable emulator database ({exc}); pass another --db file"
            raise StoreError(msg) from exc
        except StoreError:
            db.close()
            raise
        return cls(db, target)

    def close(self) -> None:
        """Close the connection (a WAL database is checkpointed into its main file)."""
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: all of them are committed together, or none if the block raises."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- generic writes -------------------------------------------------------------------------

    def insert(self, table: str, **values: Any) -> None:
        """Insert one row into `table` (a known table name) with the given column values."""
        assert table in _TABLES, table
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        self._db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values()))

    def update(self, table: str, where: dict[str, Any], **values: Any) -> int:
        """Set `values` on the rows of `table` matching every `where` column; returns the row count."""
        assert table in _TABLES, table
        sets = ", ".join(f"{k} = ?" for k in values)
        conditions = " AND ".join(f"{k} = ?" for k in where)
        cursor = self._db.execute(f"UPDATE {table} SET {sets} WHERE {conditions}", (*values.values(), *where.values()))
        return cursor.rowcount

    def _all(self, row_type: type[_R], sql: str, params: Sequence[Any] = ()) -> list[_R]:
        return [row_type.from_row(r) for r in self._db.execute(sql, params)]

    def _one(self, row_type: type[_R], sql: str, params: Sequence[Any] = ()) -> _R | None:
        row = self._db.execute(sql, params).fetchone()
        return None if row is None else row_type.from_row(row)

    # -- single resources -----------------------------------------------------------------------

    def run(self, run_id: str) -> RunRow | None:
        """The run `run_id`, or None."""
        return self._one(RunRow, "SELECT * FROM runs WHERE run_id = ?", (run_id,))

    def workflow(self, workflow_id: str) -> WorkflowRow | None:
        """The workflow `workflow_id`, or None."""
        return self._one(WorkflowRow, "SELECT * FROM workflows WHERE workflow_id = ?", (workflow_id,))

    def job(self, job_id: str) -> JobRow | None:
        """The job `job_id`, or None."""
        return self._one(JobRow, "SELECT * FROM jobs WHERE job_id = ?", (job_id,))

    def attempt(self, attempt_id: str) -> AttemptRow | None:
        """The attempt `attempt_id`, or None."""
        return self._one(AttemptRow, "SELECT * FROM attempts WHERE attempt_id = ?", (attempt_id,))

    # -- children ---------------------------------------------------------------------------------

    def workflows_of(self, run_id: str) -> list[WorkflowRow]:
        """The run's workflows, in creation order."""
        return self._all(WorkflowRow, "SELECT * FROM workflows WHERE run_id = ? ORDER BY seq", (run_id,))

    def jobs_of(self, workflow_id: str) -> list[JobRow]:
        """The workflow's jobs, in workflow order (matrix instances in expansion order)."""
        return self._all(JobRow, "SELECT * FROM jobs WHERE workflow_id = ? ORDER BY seq", (workflow_id,))

    def jobs_of_run(self, run_id: str) -> list[JobRow]:
        """Every job of the run, in creation order."""
        return self._all(JobRow, "SELECT * FROM jobs WHERE run_id = ? ORDER BY seq", (run_id,))

    def attempts_of(self, job_id: str) -> list[AttemptRow]:
        """The job's attempts, by attempt number ascending."""
        return self._all(AttemptRow, "SELECT * FROM attempts WHERE job_id = ? ORDER BY number", (job_id,))

    def executions_of(self, workflow_id: str) -> list[ExecutionRow]:
        """The workflow's executions, by execution number ascending."""
        return self._all(ExecutionRow, "SELECT * FROM executions WHERE workflow_id = ? ORDER BY number", (workflow_id,))

    def steps_of(self, attempt_id: str) -> list[StepRow]:
        """The attempt's steps, in workflow order."""
        return self._all(StepRow, "SELECT * FROM steps WHERE attempt_id = ? ORDER BY position", (attempt_id,))

    def log_lines(self, attempt_id: str, after_seq: int = 0, limit: int = -1) -> list[LogLineRow]:
        """The attempt's persisted log lines with `seq > after_seq`, oldest first (limit -1: all)."""
        return self._all(
            LogLineRow,
            "SELECT * FROM log_lines WHERE attempt_id = ? AND seq > ? ORDER BY seq LIMIT ?",
            (attempt_id, after_seq, limit),
        )

    def last_log_seq(self, attempt_id: str) -> int:
        """The sequence number of the attempt's newest persisted line (0 when it has none)."""
        row = self._db.execute("SELECT MAX(seq) FROM log_lines WHERE attempt_id = ?", (attempt_id,)).fetchone()
        return int(row[0] or 0)

    def step_summaries(self, attempt_id: str) -> list[StepSummaryRow]:
        """What the attempt's steps wrote to `$DEPOT_STEP_SUMMARY`, in step order."""
        return self._all(
            StepSummaryRow, "SELECT * FROM step_summaries WHERE attempt_id = ? ORDER BY position", (attempt_id,)
        )

    def append_summary(self, attempt_id: str, position: int, text: str, *, replace: bool) -> None:
        """Append `text` to (or, with `replace`, set) the summary of the attempt's step at `position`."""
        self._db.execute(
            "INSERT INTO step_summaries (attempt_id, position, markdown) VALUES (?, ?, ?)"
            " ON CONFLICT (attempt_id, position) DO UPDATE SET markdown = "
            + ("excluded.markdown" if replace else "markdown || excluded.markdown"),
            (attempt_id, position, text),
        )

    def artifact(self, artifact_id: str) -> ArtifactRow | None:
        """The artifact `artifact_id`, or None."""
        return self._one(ArtifactRow, "SELECT * FROM artifacts WHERE artifact_id = ?", (artifact_id,))

    def artifacts_of_attempt(self, attempt_id: str) -> list[ArtifactRow]:
        """The attempt's artifacts, in creation order."""
        return self._all(ArtifactRow, "SELECT * FROM artifacts WHERE attempt_id = ? ORDER BY seq", (attempt_id,))

    def select_artifacts(self, where: str, params: Sequence[Any], limit: int) -> list[ArtifactRow]:
        """Artifacts matching the SQL condition `where` (built by the caller from fixed text), oldest first."""
        return self._all(ArtifactRow, f"SELECT * FROM artifacts WHERE {where} ORDER BY seq LIMIT ?", (*params, limit))

    # -- lists ------------------------------------------------------------------------------------

    def select_runs(self, where: str, params: Sequence[Any], limit: int) -> list[RunRow]:
        """Runs matching the SQL condition `where` (built by the caller from fixed text), newest first."""
        return self._all(RunRow, f"SELECT * FROM runs WHERE {where} ORDER BY seq DESC LIMIT ?", (*params, limit))

    def select_workflows(self, where: str, params: Sequence[Any], limit: int) -> list[WorkflowRow]:
        """Workflows (joined with their run as `r`) matching `where`, newest first."""
        return self._all(
            WorkflowRow,
            f"SELECT w.* FROM workflows w JOIN runs r ON r.run_id = w.run_id WHERE {where} ORDER BY w.seq DESC LIMIT ?",
            (*params, limit),
        )

    def jobs_with_status(self, *statuses: str) -> list[JobRow]:
        """Every job whose status is one of `statuses`, in creation order."""
        marks = ", ".join("?" for _ in statuses)
        return self._all(JobRow, f"SELECT * FROM jobs WHERE status IN ({marks}) ORDER BY seq", statuses)

    def ready_jobs(self) -> list[JobRow]:
        """Queued jobs whose every need is terminal (finished, failed, cancelled or skipped), oldest first."""
        return self._all(
            JobRow,
            "SELECT * FROM jobs j WHERE j.status = 'queued' AND NOT EXISTS ("
            " SELECT 1 FROM json_each(j.needs) n JOIN jobs d ON d.job_id = n.value"
            " WHERE d.status NOT IN ('finished', 'failed', 'cancelled', 'skipped')) ORDER BY j.seq",
        )

    def attempts_with_status(self, *statuses: str) -> list[AttemptRow]:
        """Every attempt whose status is one of `statuses`, in creation order."""
        marks = ", ".join("?" for _ in statuses)
        return self._all(AttemptRow, f"SELECT * FROM attempts WHERE status IN ({marks}) ORDER BY seq", statuses)

    def latest_time_ms(self) -> int:
        """The newest timestamp persisted anywhere (0 for an empty database), in epoch ms."""
        row = self._db.execute(
            "SELECT MAX(t) FROM ("
            " SELECT MAX(MAX(created_at), COALESCE(MAX(finished_at), 0)) AS t FROM runs"
            " UNION ALL SELECT MAX(COALESCE(MAX(finished_at), 0), COALESCE(MAX(started_at), 0)) FROM attempts"
            " UNION ALL SELECT MAX(timestamp_ms) FROM log_lines)"
        ).fetchone()
        return int(row[0] or 0)


def _migrate(db: sqlite3.Connection, target: str) -> None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        msg = (
            f"{target}: the database has schema version {version}, written by a newer emulator; "
            f"this one reads versions up to {SCHEMA_VERSION}: upgrade depot-ci or pass another --db file"
        )
        raise StoreError(msg)
    for number in range(version, SCHEMA_VERSION):
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
