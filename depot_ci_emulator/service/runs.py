"""Handlers for runs: Run, DispatchWorkflow, ListRuns, GetRun, GetRunStatus, CancelRun."""

from __future__ import annotations

import asyncio
import functools
import re
from typing import Any

from connectrpc.request import RequestContext
from depot_ci.v1 import (
    CancelRunRequest,
    CancelRunResponse,
    DispatchWorkflowRequest,
    DispatchWorkflowResponse,
    GetRunRequest,
    GetRunResponse,
    GetRunStatusRequest,
    GetRunStatusResponse,
    ListRunsRequest,
    ListRunsResponse,
    RunRequest,
    RunResponse,
)

from ..errors import failed_precondition, invalid_argument, not_found
from ..formats import check_repo, check_sha, decode_page_token, encode_page_token, page_size, rfc3339
from ..inputs import InputError, resolve_inputs
from ..lifecycle import NewRun, cancel_jobs, create_run
from ..sources import default_sha
from ..states import ACTIVE, RUN_STATUSES, TERMINAL
from ..workflows import WorkflowError, WorkflowPlan, parse_workflow
from .base import ServiceBase
from .convert import list_run, workflow_status

__all__ = ["RunHandlers"]

_DEFAULT_REF = "refs/heads/main"


# Clients (tests above all) send the same YAML again and again; plans are immutable once built.
_parse_cached = functools.lru_cache(maxsize=128)(parse_workflow)


async def _plan(source: str, where: str, path: str = "") -> WorkflowPlan:
    # In a worker thread: a large document takes a while to parse, and other calls must not wait.
    try:
        return await asyncio.to_thread(_parse_cached, source, where, path)
    except WorkflowError as exc:
        raise invalid_argument(str(exc)) from None


def _ref(value: str) -> str:
    if not value:
        return _DEFAULT_REF
    return value if value.startswith("refs/") else f"refs/heads/{value}"


class RunHandlers(ServiceBase):
    """Runs: trigger, list, read, cancel."""

    async def run(self, request: RunRequest, ctx: RequestContext[RunRequest, RunResponse]) -> RunResponse:
        """Trigger a run from `workflowContent`, a `workflow` file, or every workflow of the repo."""
        org = self.org(ctx)
        repo = check_repo(request.repo)
        sha = check_sha(request.sha, "sha", full=True) if request.HasField("sha") else ""
        if request.HasField("workflow") and request.workflow_content:
            raise invalid_argument("workflow and workflowContent are mutually exclusive: send one of them")
        if request.workflow_content:
            plans = [await _plan(text, f"workflowContent[{i}]") for i, text in enumerate(request.workflow_content)]
        elif request.HasField("workflow"):
            path = request.workflow[2:] if request.workflow.startswith("./") else request.workflow
            plans = [await _plan(self.repos.read(repo, path), path, path)]
        else:
            plans = [await _plan(self.repos.read(repo, p), p, p) for p in self.repos.workflow_paths(repo)]
        only_job = request.job if request.HasField("job") else None
        if only_job is not None:
            if len(plans) != 1:
                raise invalid_argument(
                    f"job is valid only when a single workflow is specified (this request has {len(plans)}): "
                    "send workflow, or one workflowContent entry"
                )
            if only_job not in plans[0].job_keys:
                raise invalid_argument(
                    f"job: {only_job!r} is not a job of the workflow (jobs: {', '.join(plans[0].job_keys)})"
                )
        new = NewRun(
            org_id=org,
            repo=repo,
            ref=_DEFAULT_REF,
            sha=sha or default_sha(repo, [p.source for p in plans]),
            trigger="push",
            workflows=plans,
            only_job=only_job,
        )
        run_id = create_run(self.store, self.clock, new)
        self.executor.wake()
        return RunResponse(org_id=org, run_id=run_id)

    async def dispatch_workflow(
        self, request: DispatchWorkflowRequest, ctx: RequestContext[DispatchWorkflowRequest, DispatchWorkflowResponse]
    ) -> DispatchWorkflowResponse:
        """Trigger one workflow that has an `on.workflow_dispatch` trigger, with validated inputs."""
        org = self.org(ctx)
        repo = check_repo(request.repo)
        plan = await _plan(self.repos.read(repo, request.workflow), request.workflow, request.workflow)
        if plan.dispatch_inputs is None:
            raise not_found(
                f"workflow {request.workflow} has no workflow_dispatch trigger (on: {', '.join(plan.triggers)}); "
                "add `on: workflow_dispatch` to dispatch it"
            )
        try:
            inputs = resolve_inputs(plan.dispatch_inputs, dict(request.inputs), request.workflow)
        except InputError as exc:
            raise invalid_argument(str(exc)) from None
        new = NewRun(
            org_id=org,
            repo=repo,
            ref=_ref(request.ref),
            sha=default_sha(repo, [plan.source, _ref(request.ref)]),
            trigger="workflow_dispatch",
            workflows=[plan],
            inputs=inputs,
        )
        run_id = create_run(self.store, self.clock, new)
        self.executor.wake()
        return DispatchWorkflowResponse(org_id=org, run_id=run_id)

    async def list_runs(
        self, request: ListRunsRequest, ctx: RequestContext[ListRunsRequest, ListRunsResponse]
    ) -> ListRunsResponse:
        """The caller's runs, newest first, filtered and paged as the reference describes."""
        org = self.org(ctx)
        for index, status in enumerate(request.status):
            if status not in RUN_STATUSES:
                raise invalid_argument(f"status[{index}]: {status!r} is not a run status ({', '.join(RUN_STATUSES)})")
        statuses = list(dict.fromkeys(request.status)) or ["running", "queued"]
        size = page_size(request.page_size, 50, 100)
        where = [f"org_id = ? AND status IN ({', '.join('?' for _ in statuses)})"]
        params: list[Any] = [org, *statuses]
        if request.repo:
            where.append("repo = ?")
            params.append(check_repo(request.repo))
        if request.sha:
            sha = check_sha(request.sha, "sha", full=False)
            where.append("(substr(sha, 1, ?) = ? OR substr(head_sha, 1, ?) = ?)")
            params += [len(sha), sha, len(sha), sha]
        if request.trigger:
            where.append("trigger = ?")
            params.append(request.trigger)
        if request.pr:
            if not re.fullmatch(r"[1-9][0-9]*", request.pr):
                raise invalid_argument(f'pr must be a pull request number, e.g. "42" (got {request.pr!r})')
            if not request.repo:
                raise invalid_argument("pr requires repo: pull request numbers are per repository")
            where.append("pr = ?")
            params.append(request.pr)
        filters = repr((sorted(statuses), request.repo, request.sha.lower(), request.trigger, request.pr))
        after = decode_page_token(request.page_token, filters)
        if after is not None:
            where.append("seq < ?")
            params.append(after)
        rows = self.store.select_runs(" AND ".join(where), params, size + 1)
        token = encode_page_token(rows[size - 1].seq, filters) if len(rows) > size else ""
        return ListRunsResponse(runs=[list_run(r) for r in rows[:size]], next_page_token=token)

    async def get_run(
        self, request: GetRunRequest, ctx: RequestContext[GetRunRequest, GetRunResponse]
    ) -> GetRunResponse:
        """A run's identity, repo, trigger, status and timestamps."""
        run = self.find_run(self.org(ctx), request.run_id)
        return GetRunResponse(
            org_id=run.org_id,
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

    async def get_run_status(
        self, request: GetRunStatusRequest, ctx: RequestContext[GetRunStatusRequest, GetRunStatusResponse]
    ) -> GetRunStatusResponse:
        """A run's status with its workflows, jobs and attempts."""
        run = self.find_run(self.org(ctx), request.run_id)
        workflows = [workflow_status(self.store, w) for w in self.store.workflows_of(run.run_id)]
        return GetRunStatusResponse(org_id=run.org_id, run_id=run.run_id, status=run.status, workflows=workflows)

    async def cancel_run(
        self, request: CancelRunRequest, ctx: RequestContext[CancelRunRequest, CancelRunResponse]
    ) -> CancelRunResponse:
        """Cancel a queued or running run and everything unfinished in it."""
        run = self.find_run(self.org(ctx), request.run_id)
        if run.status not in ACTIVE:
            raise failed_precondition(
                f"run {run.run_id} is {run.status}; only a queued or running run can be cancelled"
            )
        now = self.clock.now_ms()
        reason = "cancelled: the run was cancelled (CancelRun)"
        with self.store.transaction():
            jobs = self.store.jobs_of_run(run.run_id)
            cancel_jobs(self.store, jobs, now, reason)
            for workflow in self.store.workflows_of(run.run_id):
                if workflow.status not in TERMINAL:
                    self.close_workflow(workflow.workflow_id, now, reason)
            self.store.update("runs", {"run_id": run.run_id}, status="cancelled", finished_at=now)
        self.executor.stop_jobs([j.job_id for j in jobs])
        return CancelRunResponse(run_id=run.run_id, status="cancelled")
