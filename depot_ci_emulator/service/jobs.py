"""Handlers for jobs and attempts: GetJob, CancelJob, RetryJob, GetAttempt."""

from __future__ import annotations

from connectrpc.request import RequestContext
from depot_ci.v1 import (
    CancelJobRequest,
    CancelJobResponse,
    GetAttemptRequest,
    GetAttemptResponse,
    GetJobRequest,
    GetJobResponse,
    RetryJobRequest,
    RetryJobResponse,
)

from ..errors import failed_precondition
from ..lifecycle import cancel_jobs, refresh_workflow
from ..retries import RetryRefused, retry_job
from ..states import ACTIVE
from ..store import JobRow
from .base import ServiceBase
from .convert import attempt_detail, dependency, job_context, run_context, workflow_context

__all__ = ["DEPENDENCY_PREVIEW_LIMIT", "JobHandlers"]

DEPENDENCY_PREVIEW_LIMIT = 100
"""GetJob lists every dependency up to this many; above it, a preview of this many."""


def _preview(dependencies: list[JobRow]) -> list[JobRow]:
    # The reference: a capped preview "prioritizes failed and cancelled dependencies".
    ranked = sorted(dependencies, key=lambda j: (j.status not in ("failed", "cancelled"), j.seq))
    return ranked[:DEPENDENCY_PREVIEW_LIMIT]


class JobHandlers(ServiceBase):
    """Jobs and attempts: read, cancel, retry."""

    async def get_job(
        self, request: GetJobRequest, ctx: RequestContext[GetJobRequest, GetJobResponse]
    ) -> GetJobResponse:
        """A job with its run and workflow context, runner, matrix, dependencies and attempts."""
        job, workflow = self.find_job(self.org(ctx), request.job_id)
        run = self.store.run(job.run_id)
        assert run is not None
        needs = [n for n in (self.store.job(i) for i in job.need_ids) if n is not None]
        response = GetJobResponse(
            **run_context(run),
            **workflow_context(workflow),
            **job_context(job),
            dependencies=[dependency(n) for n in _preview(needs)],
            attempts=[attempt_detail(a, job) for a in self.store.attempts_of(job.job_id)],
        )
        if len(needs) > DEPENDENCY_PREVIEW_LIMIT:
            response.dependency_count = len(needs)
            response.dependency_preview_limit = DEPENDENCY_PREVIEW_LIMIT
        return response

    async def get_attempt(
        self, request: GetAttemptRequest, ctx: RequestContext[GetAttemptRequest, GetAttemptResponse]
    ) -> GetAttemptResponse:
        """An attempt with its run, workflow and job context."""
        attempt, job = self.find_attempt(self.org(ctx), request.attempt_id)
        workflow = self.store.workflow(job.workflow_id)
        run = self.store.run(job.run_id)
        assert workflow is not None and run is not None
        return GetAttemptResponse(
            **run_context(run),
            **workflow_context(workflow),
            **job_context(job),
            attempt=attempt_detail(attempt, job),
        )

    async def cancel_job(
        self, request: CancelJobRequest, ctx: RequestContext[CancelJobRequest, CancelJobResponse]
    ) -> CancelJobResponse:
        """Cancel a queued, waiting or running job and its active attempt."""
        job, workflow = self.find_job_in(self.org(ctx), request.workflow_id, request.job_id)
        if job.status not in ACTIVE:
            raise failed_precondition(
                f"job {job.job_id} ({job.display_name}) is {job.status}; only a queued, waiting or running job "
                "can be cancelled"
            )
        now = self.clock.now_ms()
        with self.store.transaction():
            cancel_jobs(self.store, [job], now, "cancelled: the job was cancelled (CancelJob)")
            refresh_workflow(self.store, workflow.workflow_id, now)
        self.executor.stop_jobs([job.job_id])
        return CancelJobResponse(job_id=job.job_id, status="cancelled")

    async def retry_job(
        self, request: RetryJobRequest, ctx: RequestContext[RetryJobRequest, RetryJobResponse]
    ) -> RetryJobResponse:
        """Retry a failed or cancelled job (and its skipped dependents) as a new attempt."""
        job, _ = self.find_job_in(self.org(ctx), request.workflow_id, request.job_id)
        try:
            number = retry_job(self.store, job, self.clock.now_ms())
        except RetryRefused as exc:
            raise failed_precondition(str(exc)) from None
        self.executor.wake()
        return RetryJobResponse(job_id=job.job_id, attempt_id="", attempt=number, status="queued")
