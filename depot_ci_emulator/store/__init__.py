"""The emulator's persistent state: SQLite schema, migrations, typed rows and queries."""

from __future__ import annotations

from .db import Store, StoreError
from .records import AttemptRow, ExecutionRow, JobRow, LogLineRow, RunRow, StepRow, WorkflowRow
from .schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "AttemptRow",
    "ExecutionRow",
    "JobRow",
    "LogLineRow",
    "RunRow",
    "StepRow",
    "Store",
    "StoreError",
    "WorkflowRow",
]
