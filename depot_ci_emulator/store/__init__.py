"""The emulator's persistent state: SQLite schema, migrations, typed rows and queries."""

from __future__ import annotations

from .db import Store, StoreError
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
)
from .schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "ArtifactRow",
    "AttemptRow",
    "ExecutionRow",
    "JobRow",
    "LogLineRow",
    "RunRow",
    "StepRow",
    "StepSummaryRow",
    "Store",
    "StoreError",
    "WorkflowRow",
]
