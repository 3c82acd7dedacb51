"""State transitions of runs, workflows, executions, jobs and attempts, shared by the service and
the executor: creating a run from workflow plans, deriving parent statuses, cancelling.

Every function writes in one transaction and reads the clock once, so a caller never observes a
half-made change. Status rules are in `states`; retries and re-runs are in `retries`.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from .clock import Clock
from .states import ACTIVE, TERMINAL, aggregate
from .store import JobRow, Store
from .workflows import JobPlan, WorkflowPlan

__all__ = ["NewRun", "cancel_jobs", "create_run", "new_id", "new_execution", "refresh_run", "refresh_workflow"]


def new_id(kind: str) -> str:
    """A new opaque identifier such as `run_5f0c2a9e41b7d3c8a1e2` (`kind` is run, workflow, ...)."""
    return f"{kind}_{secrets.token_hex(10)}"


@dataclass(frozen=True)
class NewRun:
    """What a new run is made of (see `create_run`)."""

    org_id: str
    repo: str
    ref: str
    sha: str
    trigger: str
    workflows: Sequence[WorkflowPlan]
    only_job: str | None = None
    inputs: dict[str, str] | None = None


def create_run(store: Store, clock: Clock, new: NewRun) -> str:
    """Persist a queued run with its workflows, first executions and jobs; returns the run id.

    With `only_job`, the other jobs of the (single) workflow are created as skipped and the chosen
    job's `needs` are dropped, so it runs on its own.
    """
    now = clock.now_ms()
    run_id = new_id("run")
    with store.transaction():
        store.insert(
            "runs",
            run_id=run_id,
            org_id=new.org_id,
            repo=new.repo,
            ref=new.ref,
            sha=new.sha,
            trigger=new.trigger,
            inputs=json.dumps(new.inputs or {}),
            status="queued",
            created_at=now,
        )
        for plan in new.workflows:
            workflow_id = new_id("workflow")
            store.insert(
                "workflows",
                workflow_id=workflow_id,
                run_id=run_id,
                org_id=new.org_id,
                path=plan.path,
                name=plan.name,
                source=plan.source,
                status="queued",
                created_at=now,
            )
            new_execution(store, workflow_id, now)
            _create_jobs(store, run_id, workflow_id, plan.jobs, new.only_job, now)
        if new.only_job is not None:
            for workflow in store.workflows_of(run_id):
                refresh_workflow(store, workflow.workflow_id, now)
    return run_id


def _create_jobs(
    store: Store, run_id: str, workflow_id: str, plans: Sequence[JobPlan], only_job: str | None, now: int
) -> None:
    ids = [new_id("job") for _ in plans]
    ids_by_key: dict[str, list[str]] = {}
    for job_id, plan in zip(ids, plans, strict=True):
        ids_by_key.setdefault(plan.key, []).append(job_id)
    for job_id, plan in zip(ids, plans, strict=True):
        skipped = only_job is not None and plan.key != only_job
        needs = [] if only_job is not None else [n for key in plan.needs for n in ids_by_key[key]]
        store.insert(
            "jobs",
            job_id=job_id,
            workflow_id=workflow_id,
            run_id=run_id,
            job_key=plan.key,
            display_name=plan.display_name,
            needs=json.dumps(needs),
            # A job left out by the run's `job` selection keeps "false", so a re-run skips it again.
            condition="false" if skipped else plan.condition,
            matrix=json.dumps(plan.matrix),
            strategy_index=plan.strategy_index,
            strategy_total=plan.strategy_total,
            runs_on=json.dumps(plan.runs_on),
            steps=json.dumps([s.to_json() for s in plan.steps]),
            timeout_minutes=plan.timeout_minutes,
            continue_on_error=int(plan.continue_on_error),
            status="skipped" if skipped else "queued",
            conclusion="skipped" if skipped else "",
            created_at=now,
            finished_at=now if skipped else None,
        )


def new_execution(store: Store, workflow_id: str, now: int) -> str:
    """Start the workflow's next execution (number 1 for a new workflow); returns its id."""
    number = len(store.executions_of(workflow_id)) + 1
    execution_id = new_id("execution")
    store.insert(
        "executions", execution_id=execution_id, workflow_id=workflow_id, number=number, status="queued", created_at=now
    )
    return execution_id


def _next(old_status: str, new_status: str) -> bool:
    # A terminal parent keeps its status (an explicit cancel stays "cancelled" even when a job had
    # failed earlier) until a retry or re-run makes a child active again.
    return old_status != new_status and (old_status not in TERMINAL or new_status not in TERMINAL)


def refresh_workflow(store: Store, workflow_id: str, now: int) -> None:
    """Derive the workflow's (and its current execution's, and its run's) status from its jobs."""
    workflow = store.workflow(workflow_id)
    if workflow is None:
        return
    # A job that failed under `continue-on-error: true` stays failed itself, but its workflow
    # concludes as if it had succeeded (GitHub: "allow a workflow run to pass when this job fails").
    status = aggregate("finished" if job.tolerated else job.status for job in store.jobs_of(workflow_id))
    if _next(workflow.status, status):
        started = workflow.started_at if workflow.started_at is not None or status == "queued" else now
        finished = now if status in TERMINAL else None
        store.update(
            "workflows",
            {"workflow_id": workflow_id},
            status=status,
            started_at=started,
            finished_at=finished,
            error_message="" if status not in TERMINAL else workflow.error_message,
        )
        executions = store.executions_of(workflow_id)
        if executions:
            current = executions[-1]
            store.update(
                "executions",
                {"execution_id": current.execution_id},
                status=status,
                started_at=current.started_at if current.started_at is not None or status == "queued" else now,
                finished_at=finished,
            )
    refresh_run(store, workflow.run_id, now)


def refresh_run(store: Store, run_id: str, now: int) -> None:
    """Derive the run's status from its workflows'."""
    run = store.run(run_id)
    if run is None:
        return
    status = aggregate(w.status for w in store.workflows_of(run_id))
    if _next(run.status, status):
        started = run.started_at if run.started_at is not None or status == "queued" else now
        store.update(
            "runs",
            {"run_id": run_id},
            status=status,
            started_at=started,
            finished_at=now if status in TERMINAL else None,
        )


def cancel_jobs(store: Store, jobs: Sequence[JobRow], now: int, reason: str) -> list[str]:
    """Cancel the active jobs among `jobs` and their active attempts; returns the cancelled attempt ids.

    The caller stops the attempts' executor tasks and refreshes the parents.
    """
    cancelled_attempts: list[str] = []
    for job in jobs:
        if job.status not in ACTIVE:
            continue
        store.update(
            "jobs",
            {"job_id": job.job_id},
            status="cancelled",
            conclusion="cancelled",
            error_message=reason,
            finished_at=now,
        )
        for attempt in store.attempts_of(job.job_id):
            if attempt.status in ACTIVE:
                store.update(
                    "attempts",
                    {"attempt_id": attempt.attempt_id},
                    status="cancelled",
                    conclusion="cancelled",
                    error_message=reason,
                    finished_at=now,
                )
                cancelled_attempts.append(attempt.attempt_id)
    return cancelled_attempts
