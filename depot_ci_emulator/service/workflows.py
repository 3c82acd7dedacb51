"""Handlers for workflows: ListWorkflows, GetWorkflow, CancelWorkflow, RerunWorkflow, RetryFailedJobs."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from connectrpc.request import RequestContext
from depot_ci.v1 import (
    CancelWorkflowRequest,
    CancelWorkflowResponse,
    GetWorkflowRequest,
    GetWorkflowResponse,
    ListWorkflowsRequest,
    ListWorkflowsResponse,
    ListWorkflowsResponseJobCounts,
    ListWorkflowsResponseWorkflow,
    RerunWorkflowRequest,
    RerunWorkflowResponse,
    RetryFailedJobsRequest,
    RetryFailedJobsResponse,
)

from ..errors import failed_precondition, invalid_argument
from ..formats import check_repo, check_sha, page_size, rfc3339
from ..lifecycle import cancel_jobs, refresh_run
from ..retries import RetryRefused, rerun_workflow, retry_failed_jobs
from ..states import ACTIVE, RUN_STATUSES
from .base import ServiceBase
from .convert import execution, run_context, workflow_context, workflow_job

__all__ = ["WorkflowHandlers"]


class WorkflowHandlers(ServiceBase):
    """Workflows: list, read, cancel, re-run, retry failed jobs."""

    async def list_workflows(
        self, request: ListWorkflowsRequest, ctx: RequestContext[ListWorkflowsRequest, ListWorkflowsResponse]
    ) -> ListWorkflowsResponse:
        """The caller's workflows, newest first, filtered; at most `pageSize` (default 50, max 200)."""
        org = self.org(ctx)
        size = page_size(request.page_size, 50, 200)
        where = ["w.org_id = ?"]
        params: list[Any] = [org]
        for index, status in enumerate(request.status):
            if status not in RUN_STATUSES:
                raise invalid_argument(
                    f"status[{index}]: {status!r} is not a workflow status ({', '.join(RUN_STATUSES)})"
                )
        statuses = list(dict.fromkeys(request.status))
        if statuses:
            where.append(f"w.status IN ({', '.join('?' for _ in statuses)})")
            params += statuses
        if request.name:
            where.append("(instr(lower(w.name), lower(?)) > 0 OR instr(lower(w.path), lower(?)) > 0)")
            params += [request.name, request.name]
        if request.repo:
            where.append("r.repo = ?")
            params.append(check_repo(request.repo))
        if request.trigger:
            where.append("r.trigger = ?")
            params.append(request.trigger)
        if request.sha:
            sha = check_sha(request.sha, "sha", full=False)
            where.append("substr(r.head_sha, 1, ?) = ?")  # the reference matches the run's headSha only
            params += [len(sha), sha]
        if request.pr:
            if not re.fullmatch(r"[1-9][0-9]*", request.pr):
                raise invalid_argument(f'pr must be a pull request number, e.g. "42" (got {request.pr!r})')
            where.append("r.pr = ?")
            params.append(request.pr)
        rows = self.store.select_workflows(" AND ".join(where), params, size)
        workflows = []
        for workflow in rows:
            run = self.store.run(workflow.run_id)
            assert run is not None
            counts = Counter(job.status for job in self.store.jobs_of(workflow.workflow_id))
            workflows.append(
                ListWorkflowsResponseWorkflow(
                    workflow_id=workflow.workflow_id,
                    name=workflow.name,
                    workflow_path=workflow.path,
                    repo=run.repo,
                    status=workflow.status,
                    trigger=run.trigger,
                    run_id=run.run_id,
                    sha=run.sha,
                    head_sha=run.head_sha,
                    created_at=rfc3339(workflow.created_at),
                    job_counts=ListWorkflowsResponseJobCounts(total=sum(counts.values()), **counts),
                )
            )
        return ListWorkflowsResponse(workflows=workflows)

    async def get_workflow(
        self, request: GetWorkflowRequest, ctx: RequestContext[GetWorkflowRequest, GetWorkflowResponse]
    ) -> GetWorkflowResponse:
        """A workflow with its run context, executions, jobs and attempts."""
        workflow = self.find_workflow(self.org(ctx), request.workflow_id)
        run = self.store.run(workflow.run_id)
        assert run is not None
        return GetWorkflowResponse(
            **run_context(run),
            **workflow_context(workflow),
            executions=[execution(e) for e in self.store.executions_of(workflow.workflow_id)],
            jobs=[workflow_job(self.store, j) for j in self.store.jobs_of(workflow.workflow_id)],
        )

    async def cancel_workflow(
        self, request: CancelWorkflowRequest, ctx: RequestContext[CancelWorkflowRequest, CancelWorkflowResponse]
    ) -> CancelWorkflowResponse:
        """Cancel a queued or running workflow and its unfinished jobs."""
        workflow = self.find_workflow(self.org(ctx), request.workflow_id)
        if workflow.status not in ACTIVE:
            raise failed_precondition(
                f"workflow {workflow.workflow_id} is {workflow.status}; "
                "only a queued or running workflow can be cancelled"
            )
        now = self.clock.now_ms()
        reason = "cancelled: the workflow was cancelled (CancelWorkflow)"
        with self.store.transaction():
            jobs = self.store.jobs_of(workflow.workflow_id)
            cancel_jobs(self.store, jobs, now, reason)
            self.close_workflow(workflow.workflow_id, now, reason)
            refresh_run(self.store, workflow.run_id, now)
        self.executor.stop_jobs([j.job_id for j in jobs])
        return CancelWorkflowResponse(workflow_id=workflow.workflow_id, status="cancelled")

    async def rerun_workflow(
        self, request: RerunWorkflowRequest, ctx: RequestContext[RerunWorkflowRequest, RerunWorkflowResponse]
    ) -> RerunWorkflowResponse:
        """Reset every job of a terminal workflow to queued and run them again (a new execution)."""
        workflow = self.find_workflow(self.org(ctx), request.workflow_id)
        try:
            count = rerun_workflow(self.store, workflow.workflow_id, self.clock.now_ms())
        except RetryRefused as exc:
            raise failed_precondition(str(exc)) from None
        self.executor.wake()
        return RerunWorkflowResponse(workflow_id=workflow.workflow_id, job_count=count)

    async def retry_failed_jobs(
        self, request: RetryFailedJobsRequest, ctx: RequestContext[RetryFailedJobsRequest, RetryFailedJobsResponse]
    ) -> RetryFailedJobsResponse:
        """Retry the failed and cancelled jobs of a terminal workflow and their skipped dependents."""
        workflow = self.find_workflow(self.org(ctx), request.workflow_id)
        try:
            job_ids = retry_failed_jobs(self.store, workflow.workflow_id, self.clock.now_ms())
        except RetryRefused as exc:
            raise failed_precondition(str(exc)) from None
        self.executor.wake()
        return RetryFailedJobsResponse(workflow_id=workflow.workflow_id, job_ids=job_ids, job_count=len(job_ids))
