"""Depot CI conveniences on top of the generated `depot_ci` client.

Hand-written (not generated) helpers for two tasks the API leaves to every caller:

- `export_job_attempt_logs` / `export_job_attempt_logs_async`: save an attempt's logs to a file,
  atomically (a temporary file renamed into place only when the export is complete), with a
  progress callback.
- `wait_for_run` / `wait_for_run_async`: poll a run until it reaches a terminal status
  (`finished`, `failed` or `cancelled`), with backoff and a timeout; network failures and
  `unavailable` answers do not end the wait before its timeout.
"""

from __future__ import annotations

from .logs import ExportedLogs, export_job_attempt_logs, export_job_attempt_logs_async
from .runs import TERMINAL_RUN_STATUSES, wait_for_run, wait_for_run_async

__all__ = [
    "TERMINAL_RUN_STATUSES",
    "ExportedLogs",
    "export_job_attempt_logs",
    "export_job_attempt_logs_async",
    "wait_for_run",
    "wait_for_run_async",
]
