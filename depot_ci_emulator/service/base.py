"""What every handler group shares: the state, the caller's organization, and resource look-ups.

A resource of another organization is `not_found`, exactly like one that does not exist, so ids
cannot be probed across organizations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from connectrpc.request import RequestContext

from ..auth import Tokens
from ..clock import Clock
from ..errors import invalid_argument, not_found
from ..executor import Executor
from ..sources import Repos
from ..store import AttemptRow, JobRow, RunRow, Store, WorkflowRow

__all__ = ["ServiceBase", "StreamLimits"]


@dataclass(frozen=True)
class StreamLimits:
    """Limits on log streams and exports (the reference's `resource_exhausted` cases).

    Args:
        max_duration_s: Longest a StreamJobAttemptLogs or ExportJobAttemptLogs call may last, in real
            seconds; then it ends with `resource_exhausted` (resume with the last cursor).
        max_per_token: Most log streams and exports one token may have open at once.
    """

    max_duration_s: float = 3600.0
    max_per_token: int = 64


class ServiceBase:
    """State and helpers of the handler groups (see `service.EmulatorService`)."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        executor: Executor,
        tokens: Tokens,
        repos: Repos,
        limits: StreamLimits | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.executor = executor
        self.tokens = tokens
        self.repos = repos
        self.limits = limits or StreamLimits()
        self.open_streams: dict[str, int] = {}

    def org(self, ctx: RequestContext[Any, Any]) -> str:
        """The caller's organization (the auth interceptor has already accepted the call)."""
        return self.tokens.organization(ctx.request_headers)

    def find_run(self, org: str, run_id: str, field: str = "runId") -> RunRow:
        """The caller's run `run_id`; `not_found` otherwise."""
        run = self.store.run(run_id)
        if run is None or run.org_id != org:
            raise not_found(f"{field}: run {run_id} not found")
        return run

    def find_workflow(self, org: str, workflow_id: str, field: str = "workflowId") -> WorkflowRow:
        """The caller's workflow `workflow_id`; `not_found` otherwise."""
        workflow = self.store.workflow(workflow_id)
        if workflow is None or workflow.org_id != org:
            raise not_found(f"{field}: workflow {workflow_id} not found")
        return workflow

    def find_job(self, org: str, job_id: str, field: str = "jobId") -> tuple[JobRow, WorkflowRow]:
        """The caller's job `job_id` and its workflow; `not_found` otherwise."""
        job = self.store.job(job_id)
        workflow = self.store.workflow(job.workflow_id) if job is not None else None
        if job is None or workflow is None or workflow.org_id != org:
            raise not_found(f"{field}: job {job_id} not found")
        return job, workflow

    def find_job_in(self, org: str, workflow_id: str, job_id: str) -> tuple[JobRow, WorkflowRow]:
        """The caller's job `job_id`, which must belong to workflow `workflow_id`."""
        workflow = self.find_workflow(org, workflow_id)
        job, _ = self.find_job(org, job_id)
        if job.workflow_id != workflow.workflow_id:
            raise invalid_argument(f"jobId: job {job_id} does not belong to workflow {workflow_id}")
        return job, workflow

    def find_attempt(self, org: str, attempt_id: str, field: str = "attemptId") -> tuple[AttemptRow, JobRow]:
        """The caller's attempt `attempt_id` and its job; `not_found` otherwise."""
        attempt = self.store.attempt(attempt_id)
        if attempt is None:
            raise not_found(f"{field}: attempt {attempt_id} not found")
        job, _ = self.find_job(org, attempt.job_id, field)
        return attempt, job

    def close_workflow(self, workflow_id: str, now: int, reason: str) -> None:
        """Record the workflow and its current execution as cancelled, with `reason` as error message."""
        self.store.update(
            "workflows", {"workflow_id": workflow_id}, status="cancelled", error_message=reason, finished_at=now
        )
        executions = self.store.executions_of(workflow_id)
        if executions:
            self.store.update(
                "executions", {"execution_id": executions[-1].execution_id}, status="cancelled", finished_at=now
            )
