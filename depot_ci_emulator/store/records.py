"""Typed rows of the emulator's tables (one frozen dataclass per table, fields as the columns).

Times are Unix epoch milliseconds or None; JSON columns are decoded by properties.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, fields
from typing import Any, Self

__all__ = [
    "ArtifactRow",
    "AttemptRow",
    "ExecutionRow",
    "JobRow",
    "LogLineRow",
    "RunRow",
    "StepRow",
    "StepSummaryRow",
    "WorkflowRow",
]


class _Row:
    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Self:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: row[k] for k in row.keys() if k in names})


@dataclass(frozen=True)
class RunRow(_Row):
    seq: int
    run_id: str
    org_id: str
    repo: str
    ref: str
    sha: str
    head_sha: str
    trigger: str
    pr: str
    inputs: str
    status: str
    created_at: int
    started_at: int | None
    finished_at: int | None

    @property
    def input_values(self) -> dict[str, str]:
        """The dispatch inputs, with defaults applied (empty for other triggers)."""
        values: dict[str, str] = json.loads(self.inputs)
        return values


@dataclass(frozen=True)
class WorkflowRow(_Row):
    seq: int
    workflow_id: str
    run_id: str
    org_id: str
    path: str
    name: str
    source: str
    status: str
    error_message: str
    created_at: int
    started_at: int | None
    finished_at: int | None


@dataclass(frozen=True)
class ExecutionRow(_Row):
    execution_id: str
    workflow_id: str
    number: int
    status: str
    created_at: int
    started_at: int | None
    finished_at: int | None


@dataclass(frozen=True)
class JobRow(_Row):
    seq: int
    job_id: str
    workflow_id: str
    run_id: str
    job_key: str
    display_name: str
    needs: str
    condition: str
    matrix: str
    strategy_index: int | None
    strategy_total: int | None
    runs_on: str | None
    steps: str
    timeout_minutes: float | None
    status: str
    conclusion: str
    error_message: str
    created_at: int
    dispatched_at: int | None
    started_at: int | None
    finished_at: int | None
    current_attempt: int
    current_attempt_id: str
    continue_on_error: int
    """1 when the job has `continue-on-error: true`: its failure fails neither its workflow nor its dependents."""

    @property
    def tolerated(self) -> bool:
        """Whether the job concluded in failure (or timed out) under `continue-on-error: true`."""
        return bool(self.continue_on_error) and self.conclusion in ("failure", "timed_out")

    @property
    def need_ids(self) -> list[str]:
        """Job ids of the jobs this job needs (every matrix instance of each `needs` key)."""
        ids: list[str] = json.loads(self.needs)
        return ids

    @property
    def matrix_values(self) -> list[tuple[str, str]]:
        """The matrix (key, value) pairs of this job instance, in the workflow's key order."""
        return [(k, v) for k, v in json.loads(self.matrix)]

    @property
    def runs_on_config(self) -> dict[str, Any] | None:
        """The runner configuration (labels, image, cpus, memory_gb, size), or None."""
        if self.runs_on is None:
            return None
        config: dict[str, Any] = json.loads(self.runs_on)
        return config

    @property
    def step_specs(self) -> list[dict[str, Any]]:
        """The job's steps as planned (see `workflows.StepPlan.to_json`)."""
        specs: list[dict[str, Any]] = json.loads(self.steps)
        return specs


@dataclass(frozen=True)
class AttemptRow(_Row):
    seq: int
    attempt_id: str
    job_id: str
    number: int
    status: str
    conclusion: str
    error_message: str
    sandbox_id: str
    session_id: str
    created_at: int
    dispatched_at: int | None
    started_at: int | None
    finished_at: int | None


@dataclass(frozen=True)
class StepRow(_Row):
    attempt_id: str
    position: int
    step_key: str
    step_id: str
    name: str
    status: str
    conclusion: str
    exit_code: int | None
    started_at: int | None
    finished_at: int | None


@dataclass(frozen=True)
class LogLineRow(_Row):
    attempt_id: str
    seq: int
    step_key: str
    stream: int
    line_number: int
    timestamp_ms: int
    body: str


@dataclass(frozen=True)
class StepSummaryRow(_Row):
    attempt_id: str
    position: int
    markdown: str


@dataclass(frozen=True)
class ArtifactRow(_Row):
    seq: int
    artifact_id: str
    run_id: str
    workflow_id: str
    job_id: str
    attempt_id: str
    name: str
    path: str
    size_bytes: int
    created_at: int
