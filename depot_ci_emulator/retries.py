"""Re-running a workflow and retrying jobs, with the reference's preconditions.

- `rerun_workflow`: every job must be terminal; all of them go back to queued.
- `retry_failed_jobs`: every job must be terminal; failed and cancelled jobs, and the skipped jobs
  that depend on them, go back to queued.
- `retry_job`: the job must be failed or cancelled, and no job depending on it may have started;
  the job and its skipped dependents go back to queued.

Each starts a new workflow execution (a `retry_job` while other jobs of the workflow still run
joins the current one). A job going back to queued keeps its attempt history; the
executor gives it a new attempt (number + 1) when it runs again.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lifecycle import new_execution, refresh_workflow
from .states import TERMINAL
from .store import JobRow, Store

__all__ = ["RetryRefused", "rerun_workflow", "retry_failed_jobs", "retry_job"]


class RetryRefused(Exception):
    """The workflow or job is not in a state the retry allows; the message says why."""


def _require_terminal(jobs: Sequence[JobRow], workflow_id: str, action: str) -> None:
    active = [job for job in jobs if job.status not in TERMINAL]
    if active:
        names = ", ".join(f"{job.display_name} ({job.status})" for job in active[:5])
        msg = (
            f"workflow {workflow_id} is still running ({names}); {action} needs every job finished, "
            "failed or cancelled: wait for it, or cancel the workflow first"
        )
        raise RetryRefused(msg)


def _dependents(jobs: Sequence[JobRow], roots: set[str]) -> list[JobRow]:
    """Jobs depending on `roots`, directly or transitively, in workflow order."""
    found: set[str] = set()
    frontier = set(roots)
    while frontier:
        nxt = {job.job_id for job in jobs if job.job_id not in found and frontier & set(job.need_ids)}
        found |= nxt
        frontier = nxt
    return [job for job in jobs if job.job_id in found]


def _never_started(store: Store, job: JobRow) -> bool:
    return job.status == "skipped" or (job.status == "cancelled" and not store.attempts_of(job.job_id))


def _reset(store: Store, workflow_id: str, jobs: Sequence[JobRow], now: int) -> None:
    executions = store.executions_of(workflow_id)
    # A retry while other jobs still run stays in the current execution; otherwise a new one starts.
    if not executions or executions[-1].status in TERMINAL:
        new_execution(store, workflow_id, now)
    for job in jobs:
        store.update(
            "jobs",
            {"job_id": job.job_id},
            status="queued",
            conclusion="",
            error_message="",
            dispatched_at=None,
            started_at=None,
            finished_at=None,
            current_attempt_id="",
        )
    refresh_workflow(store, workflow_id, now)


def rerun_workflow(store: Store, workflow_id: str, now: int) -> int:
    """Reset every job of the workflow to queued; returns the number of jobs reset.

    Raises:
        RetryRefused: If a job is not terminal.
    """
    with store.transaction():
        jobs = store.jobs_of(workflow_id)
        _require_terminal(jobs, workflow_id, "a re-run")
        _reset(store, workflow_id, jobs, now)
    return len(jobs)


def retry_failed_jobs(store: Store, workflow_id: str, now: int) -> list[str]:
    """Reset the failed and cancelled jobs and their skipped dependents; returns their job ids.

    Raises:
        RetryRefused: If a job is not terminal, or no job failed or was cancelled.
    """
    with store.transaction():
        jobs = store.jobs_of(workflow_id)
        _require_terminal(jobs, workflow_id, "retrying failed jobs")
        failed = {job.job_id for job in jobs if job.status in ("failed", "cancelled")}
        if not failed:
            msg = f"workflow {workflow_id} has no failed or cancelled job to retry"
            raise RetryRefused(msg)
        chosen = failed | {j.job_id for j in _dependents(jobs, failed) if _never_started(store, j)}
        selected = [job for job in jobs if job.job_id in chosen]
        _reset(store, workflow_id, selected, now)
    return [job.job_id for job in selected]


def retry_job(store: Store, job: JobRow, now: int) -> int:
    """Reset `job` and its skipped dependents to queued; returns the attempt number it will run as.

    Raises:
        RetryRefused: If the job is not failed or cancelled, or a job that depends on it started.
    """
    with store.transaction():
        if job.status not in ("failed", "cancelled"):
            msg = (
                f"job {job.job_id} ({job.display_name}) is {job.status}; only a failed or cancelled job can be retried"
            )
            raise RetryRefused(msg)
        jobs = store.jobs_of(job.workflow_id)
        dependents = _dependents(jobs, {job.job_id})
        started = [d for d in dependents if not _never_started(store, d) and d.status != "queued"]
        if started:
            names = ", ".join(f"{d.display_name} ({d.job_id}, {d.status})" for d in started[:5])
            msg = (
                f"job {job.job_id} ({job.display_name}) cannot be retried alone: jobs that depend on it "
                f"already started: {names}; use RetryFailedJobs to retry related failures together"
            )
            raise RetryRefused(msg)
        _reset(store, job.workflow_id, [job, *[d for d in dependents if d.status != "queued"]], now)
    return len(store.attempts_of(job.job_id)) + 1
