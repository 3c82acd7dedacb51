"""Rows -> response messages. Empty strings for unset times, as the reference describes."""

from __future__ import annotations

from typing import Any

from depot_ci.v1 import (
    AttemptStatus,
    GetWorkflowExecution,
    GetWorkflowJob,
    GetWorkflowJobAttempt,
    JobDetailAttempt,
    JobDetailDependency,
    JobDetailMatrixValue,
    JobDetailRunsOn,
    JobDetailStrategy,
    JobStatus,
    ListRunsResponseRun,
    WorkflowStatus,
)

from ..formats import rfc3339
from ..states import TERMINAL
from ..store import AttemptRow, ExecutionRow, JobRow, RunRow, Store, WorkflowRow

__all__ = [
    "attempt_detail",
    "dependency",
    "execution",
    "job_context",
    "list_run",
    "run_context",
    "workflow_context",
    "workflow_job",
    "workflow_status",
]


def _live_sandbox(attempt: AttemptRow) -> str:
    # AttemptStatus and GetWorkflowJobAttempt report the sandbox "currently running" the attempt.
    return attempt.sandbox_id if attempt.status not in TERMINAL else ""


def run_context(run: RunRow) -> dict[str, Any]:
    """The parent-run fields of GetWorkflow, GetJob and GetAttempt."""
    return {
        "org_id": run.org_id,
        "run_id": run.run_id,
        "repo": run.repo,
        "ref": run.ref,
        "sha": run.sha,
        "head_sha": run.head_sha,
        "trigger": run.trigger,
        "run_status": run.status,
        "run_created_at": rfc3339(run.created_at),
        "run_started_at": rfc3339(run.started_at),
        "run_finished_at": rfc3339(run.finished_at),
    }


def workflow_context(workflow: WorkflowRow) -> dict[str, Any]:
    """The workflow fields of GetWorkflow, GetJob and GetAttempt."""
    return {
        "workflow_id": workflow.workflow_id,
        "workflow_name": workflow.name,
        "workflow_path": workflow.path,
        "workflow_status": workflow.status,
        "workflow_error_message": workflow.error_message,
        "workflow_created_at": rfc3339(workflow.created_at),
        "workflow_started_at": rfc3339(workflow.started_at),
        "workflow_finished_at": rfc3339(workflow.finished_at),
    }


def job_context(job: JobRow) -> dict[str, Any]:
    """The job fields of GetJob and GetAttempt."""
    runs_on = job.runs_on_config
    context: dict[str, Any] = {
        "job_id": job.job_id,
        "job_key": job.job_key,
        "job_display_name": job.display_name,
        "job_status": job.status,
        "job_conclusion": job.conclusion,
        "job_error_message": job.error_message,
        "job_created_at": rfc3339(job.created_at),
        "job_dispatched_at": rfc3339(job.dispatched_at),
        "job_started_at": rfc3339(job.started_at),
        "job_finished_at": rfc3339(job.finished_at),
        "current_attempt_id": job.current_attempt_id,
        "current_attempt": job.current_attempt,
        "matrix": [JobDetailMatrixValue(key=k, value=v) for k, v in job.matrix_values],
        "runs_on": JobDetailRunsOn(**runs_on) if runs_on is not None else None,
    }
    if job.strategy_total is not None:
        context["strategy"] = JobDetailStrategy(job_index=job.strategy_index or 0, job_total=job.strategy_total)
    return {k: v for k, v in context.items() if v is not None}


def attempt_detail(attempt: AttemptRow, job: JobRow) -> JobDetailAttempt:
    """An attempt as GetJob and GetAttempt report it."""
    return JobDetailAttempt(
        attempt_id=attempt.attempt_id,
        attempt=attempt.number,
        status=attempt.status,
        conclusion=attempt.conclusion,
        error_message=attempt.error_message,
        sandbox_id=attempt.sandbox_id,
        session_id=attempt.session_id,
        created_at=rfc3339(attempt.created_at),
        dispatched_at=rfc3339(attempt.dispatched_at),
        started_at=rfc3339(attempt.started_at),
        finished_at=rfc3339(attempt.finished_at),
        is_current=attempt.attempt_id == job.current_attempt_id,
    )


def dependency(job: JobRow) -> JobDetailDependency:
    """A job as a dependency in GetJob."""
    return JobDetailDependency(
        job_id=job.job_id,
        job_key=job.job_key,
        job_display_name=job.display_name,
        status=job.status,
        conclusion=job.conclusion,
        error_message=job.error_message,
        created_at=rfc3339(job.created_at),
        dispatched_at=rfc3339(job.dispatched_at),
        started_at=rfc3339(job.started_at),
        finished_at=rfc3339(job.finished_at),
    )


def list_run(run: RunRow) -> ListRunsResponseRun:
    """A run as ListRuns reports it."""
    return ListRunsResponseRun(
        run_id=run.run_id,
        repo=run.repo,
        trigger=run.trigger,
        sha=run.sha,
        status=run.status,
        created_at=rfc3339(run.created_at),
        ref=run.ref,
        head_sha=run.head_sha,
    )


def workflow_status(store: Store, workflow: WorkflowRow) -> WorkflowStatus:
    """A workflow with its jobs and attempts, as GetRunStatus reports it."""
    jobs = [
        JobStatus(
            job_id=job.job_id,
            job_key=job.job_key,
            status=job.status,
            attempts=[
                AttemptStatus(
                    attempt_id=a.attempt_id,
                    attempt=a.number,
                    status=a.status,
                    sandbox_id=_live_sandbox(a),
                    session_id=a.session_id,
                )
                for a in store.attempts_of(job.job_id)
            ],
        )
        for job in store.jobs_of(workflow.workflow_id)
    ]
    return WorkflowStatus(
        workflow_id=workflow.workflow_id,
        status=workflow.status,
        workflow_path=workflow.path,
        jobs=jobs,
        name=workflow.name,
        error_message=workflow.error_message,
    )


def execution(row: ExecutionRow) -> GetWorkflowExecution:
    """A workflow execution as GetWorkflow reports it."""
    return GetWorkflowExecution(
        execution_id=row.execution_id,
        execution=row.number,
        status=row.status,
        created_at=rfc3339(row.created_at),
        started_at=rfc3339(row.started_at),
        finished_at=rfc3339(row.finished_at),
    )


def workflow_job(store: Store, job: JobRow) -> GetWorkflowJob:
    """A job with its attempts as GetWorkflow reports it."""
    return GetWorkflowJob(
        job_id=job.job_id,
        job_key=job.job_key,
        status=job.status,
        started_at=rfc3339(job.started_at),
        finished_at=rfc3339(job.finished_at),
        attempts=[
            GetWorkflowJobAttempt(
                attempt_id=a.attempt_id,
                attempt=a.number,
                status=a.status,
                sandbox_id=_live_sandbox(a),
                session_id=a.session_id,
                started_at=rfc3339(a.started_at),
                finished_at=rfc3339(a.finished_at),
            )
            for a in store.attempts_of(job.job_id)
        ],
    )
