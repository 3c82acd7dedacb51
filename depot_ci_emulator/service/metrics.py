"""Handlers for CPU and memory metrics: GetJobAttemptMetrics, GetJobMetrics, GetRunMetrics.

Samples come from `metrics.samples` (a documented, deterministic shape per step); statistics are
computed over the raw samples, the returned series is downsampled by `metrics.downsample`. A
snapshot is taken at one emulated instant (`snapshotAt`), so a running attempt's metrics grow on
successive calls. GetRunMetrics over more than `MAX_RUN_ATTEMPTS` attempts is `resource_exhausted`
("a metrics result that is too large").
"""

from __future__ import annotations

from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.request import RequestContext
from depot_ci.v1 import (
    CIMetricSample,
    CIMetricsAttemptContext,
    CIMetricsAttemptMetrics,
    CIMetricsAttemptSummary,
    CIMetricsAvailability,
    CIMetricsCapMetadata,
    CIMetricsJobContext,
    CIMetricsJobMetrics,
    CIMetricsRunContext,
    CIMetricsStats,
    CIMetricsWorkflowContext,
    CIMetricsWorkflowMetrics,
    GetJobAttemptMetricsRequest,
    GetJobAttemptMetricsResponse,
    GetJobMetricsRequest,
    GetJobMetricsResponse,
    GetRunMetricsRequest,
    GetRunMetricsResponse,
)

from .. import metrics
from ..errors import invalid_argument
from ..formats import rfc3339
from ..store import AttemptRow, JobRow, RunRow, WorkflowRow
from .base import ServiceBase

__all__ = ["MAX_RUN_ATTEMPTS", "MetricsHandlers"]

MAX_RUN_ATTEMPTS = 2000
"""Most attempts one GetRunMetrics response summarizes."""


def _run(run: RunRow) -> CIMetricsRunContext:
    return CIMetricsRunContext(
        run_id=run.run_id,
        repo=run.repo,
        ref=run.ref,
        sha=run.sha,
        head_sha=run.head_sha,
        trigger=run.trigger,
        status=run.status,
        created_at=rfc3339(run.created_at),
        started_at=rfc3339(run.started_at),
        finished_at=rfc3339(run.finished_at),
    )


def _workflow(workflow: WorkflowRow) -> CIMetricsWorkflowContext:
    return CIMetricsWorkflowContext(
        workflow_id=workflow.workflow_id,
        workflow_path=workflow.path,
        name=workflow.name,
        status=workflow.status,
        created_at=rfc3339(workflow.created_at),
        started_at=rfc3339(workflow.started_at),
        finished_at=rfc3339(workflow.finished_at),
    )


def _job(job: JobRow) -> CIMetricsJobContext:
    return CIMetricsJobContext(
        job_id=job.job_id,
        job_key=job.job_key,
        status=job.status,
        conclusion=job.conclusion,
        current_attempt=job.current_attempt,
        created_at=rfc3339(job.created_at),
        started_at=rfc3339(job.started_at),
        finished_at=rfc3339(job.finished_at),
    )


def _attempt(attempt: AttemptRow) -> CIMetricsAttemptContext:
    return CIMetricsAttemptContext(
        attempt_id=attempt.attempt_id,
        attempt=attempt.number,
        status=attempt.status,
        conclusion=attempt.conclusion,
        sandbox_id=attempt.sandbox_id,
        session_id=attempt.session_id,
        created_at=rfc3339(attempt.created_at),
        started_at=rfc3339(attempt.started_at),
        finished_at=rfc3339(attempt.finished_at),
    )


def _stats(s: metrics.Stats) -> CIMetricsStats:
    return CIMetricsStats(
        sample_count=s.count,
        cpu_sample_count=s.count,
        memory_sample_count=s.count,
        peak_cpu_utilization=s.peak_cpu,
        average_cpu_utilization=s.average_cpu,
        peak_memory_utilization=s.peak_memory,
        average_memory_utilization=s.average_memory,
        observed_started_at=rfc3339(s.first_ms),
        observed_finished_at=rfc3339(s.last_ms),
        peak_memory_usage_bytes=s.peak_memory_bytes,
        average_memory_usage_bytes=s.average_memory_bytes,
    )


class MetricsHandlers(ServiceBase):
    """CPU and memory metrics of attempts, jobs and runs."""

    def _measure(
        self, job: JobRow, attempt: AttemptRow, now_ms: int
    ) -> tuple[CIMetricsAvailability, CIMetricsStats, CIMetricsCapMetadata, list[metrics.Sample]]:
        raw = metrics.samples(job, attempt, self.store.steps_of(attempt.attempt_id), now_ms)
        kept = metrics.downsample(raw)
        found = metrics.availability(attempt, raw)
        downsampled = len(kept) < len(raw)
        availability = CIMetricsAvailability(code=f"CI_METRICS_AVAILABILITY_CODE_{found.code}", reason=found.reason)
        cap = CIMetricsCapMetadata(
            raw_sample_count=len(raw),
            returned_sample_count=len(kept),
            max_returned_sample_count=metrics.MAX_RETURNED_SAMPLES,
            downsampled=downsampled,
            downsample_strategy=metrics.DOWNSAMPLE_STRATEGY if downsampled else "",
        )
        return availability, _stats(metrics.stats(raw)), cap, kept

    def _summary(self, job: JobRow, attempt: AttemptRow, now_ms: int) -> CIMetricsAttemptSummary:
        availability, stats, cap, _ = self._measure(job, attempt, now_ms)
        return CIMetricsAttemptSummary(attempt=_attempt(attempt), availability=availability, stats=stats, cap=cap)

    def _parents(self, job: JobRow) -> tuple[RunRow, WorkflowRow]:
        run, workflow = self.store.run(job.run_id), self.store.workflow(job.workflow_id)
        assert run is not None and workflow is not None, job.job_id
        return run, workflow

    async def get_job_attempt_metrics(
        self,
        request: GetJobAttemptMetricsRequest,
        ctx: RequestContext[GetJobAttemptMetricsRequest, GetJobAttemptMetricsResponse],
    ) -> GetJobAttemptMetricsResponse:
        """One attempt's availability, statistics, downsampling metadata and (downsampled) samples."""
        org = self.org(ctx)
        if not request.attempt_id:
            raise invalid_argument("attemptId is required")
        attempt, job = self.find_attempt(org, request.attempt_id)
        run, workflow = self._parents(job)
        now = self.clock.now_ms()
        availability, stats, cap, kept = self._measure(job, attempt, now)
        samples = [
            CIMetricSample(
                timestamp=rfc3339(s.timestamp_ms),
                cpu_utilization=s.cpu,
                memory_utilization=s.memory,
                memory_usage_bytes=s.memory_bytes,
            )
            for s in kept
        ]
        return GetJobAttemptMetricsResponse(
            run=_run(run),
            workflow=_workflow(workflow),
            job=_job(job),
            attempt=CIMetricsAttemptMetrics(
                attempt=_attempt(attempt), availability=availability, stats=stats, cap=cap, samples=samples
            ),
            snapshot_at=rfc3339(now),
        )

    async def get_job_metrics(
        self, request: GetJobMetricsRequest, ctx: RequestContext[GetJobMetricsRequest, GetJobMetricsResponse]
    ) -> GetJobMetricsResponse:
        """Per-attempt summaries of one job, by attempt number ascending."""
        org = self.org(ctx)
        if not request.job_id:
            raise invalid_argument("jobId is required")
        job, _ = self.find_job(org, request.job_id)
        run, workflow = self._parents(job)
        now = self.clock.now_ms()
        return GetJobMetricsResponse(
            run=_run(run),
            workflow=_workflow(workflow),
            job=_job(job),
            attempts=[self._summary(job, a, now) for a in self.store.attempts_of(job.job_id)],
            snapshot_at=rfc3339(now),
        )

    async def get_run_metrics(
        self, request: GetRunMetricsRequest, ctx: RequestContext[GetRunMetricsRequest, GetRunMetricsResponse]
    ) -> GetRunMetricsResponse:
        """Per-workflow, per-job, per-attempt summaries of one run."""
        org = self.org(ctx)
        if not request.run_id:
            raise invalid_argument("runId is required")
        run = self.find_run(org, request.run_id)
        now = self.clock.now_ms()
        plan = [
            (workflow, [(job, self.store.attempts_of(job.job_id)) for job in self.store.jobs_of(workflow.workflow_id)])
            for workflow in self.store.workflows_of(run.run_id)
        ]
        count = sum(len(attempts) for _, jobs in plan for _, attempts in jobs)
        if count > MAX_RUN_ATTEMPTS:
            raise ConnectError(
                Code.RESOURCE_EXHAUSTED,
                f"run {run.run_id} has {count} attempts, more than the {MAX_RUN_ATTEMPTS} one GetRunMetrics "
                "response holds: ask GetJobMetrics per job",
            )
        workflows = [
            CIMetricsWorkflowMetrics(
                workflow=_workflow(workflow),
                jobs=[
                    CIMetricsJobMetrics(job=_job(job), attempts=[self._summary(job, a, now) for a in attempts])
                    for job, attempts in jobs
                ],
            )
            for workflow, jobs in plan
        ]
        return GetRunMetricsResponse(run=_run(run), workflows=workflows, snapshot_at=rfc3339(now))
