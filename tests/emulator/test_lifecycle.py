"""Cancel, re-run and retry over real HTTP, with the reference's preconditions; the clock is driven
by the test (`ManualClock`), so "while running" is a state the test holds, not a race."""

from __future__ import annotations

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import (
    CancelJobRequest,
    CancelRunRequest,
    CancelWorkflowRequest,
    GetJobRequest,
    GetRunRequest,
    GetRunStatusRequest,
    GetWorkflowRequest,
    RerunWorkflowRequest,
    RetryFailedJobsRequest,
    RetryJobRequest,
    RunRequest,
)

from depot_ci_emulator import ManualClock
from depot_ci_emulator.testing import RunningEmulator

from .support import SLOW, eventually, job_in_status, jobs_by_key

FAIL_THEN_ALWAYS = """\
on: push
jobs:
  a:
    runs-on: depot-ubuntu-24.04
    steps:
      - run: exit 1
  b:
    needs: a
    if: always()
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo b runs anyway
  c:
    needs: a
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo c needs a success
"""

MATRIX_FAILURE = """\
on: push
jobs:
  test:
    runs-on: depot-ubuntu-24.04
    strategy:
      matrix:
        code: [0, 1]
    steps:
      - run: exit ${{ matrix.code }}
  package:
    needs: test
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo packaging
  lint:
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo lint
"""


def _code(call: object) -> ConnectError:
    with pytest.raises(ConnectError) as caught:
        call()  # type: ignore[operator]
    return caught.value


def test_cancel_while_running(paused_emulator: RunningEmulator, manual_clock: ManualClock) -> None:
    with paused_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[SLOW])).run_id
        assert client.get_run(GetRunRequest(run_id=run_id)).status == "queued"
        slow = eventually(lambda: job_in_status(client, run_id, "slow", "running"), clock=manual_clock)
        assert client.get_run(GetRunRequest(run_id=run_id)).status == "running"
        cancelled = client.cancel_run(CancelRunRequest(run_id=run_id))
        assert (cancelled.run_id, cancelled.status) == (run_id, "cancelled")
        manual_clock.advance(10_000)  # a cancelled attempt must not finish later
        status = client.get_run_status(GetRunStatusRequest(run_id=run_id))
        jobs = jobs_by_key(status)
        assert (status.status, status.workflows[0].status) == ("cancelled", "cancelled")
        assert "cancelled" in status.workflows[0].error_message
        assert [(k, v[0].status) for k, v in jobs.items()] == [("slow", "cancelled"), ("after", "cancelled")]
        assert [a.status for a in jobs["slow"][0].attempts] == ["cancelled"]
        detail = client.get_job(GetJobRequest(job_id=slow.job_id))
        assert (detail.job_conclusion, detail.attempts[0].conclusion) == ("cancelled", "cancelled")
        assert client.get_run(GetRunRequest(run_id=run_id)).finished_at != ""
        again = _code(lambda: client.cancel_run(CancelRunRequest(run_id=run_id)))
    assert again.code == Code.FAILED_PRECONDITION and "cancelled" in again.message
    store = paused_emulator.emulator.store
    assert store is not None
    attempt_id = jobs["slow"][0].attempts[0].attempt_id
    assert [x.body for x in store.log_lines(attempt_id)] == ["started", "The operation was canceled."]
    assert [s.conclusion for s in store.steps_of(attempt_id)] == ["cancelled"]


def test_cancel_job_skips_its_dependents(paused_emulator: RunningEmulator, manual_clock: ManualClock) -> None:
    with paused_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[SLOW])).run_id
        slow = eventually(lambda: job_in_status(client, run_id, "slow", "running"), clock=manual_clock)
        (workflow,) = client.get_run_status(GetRunStatusRequest(run_id=run_id)).workflows
        response = client.cancel_job(CancelJobRequest(workflow_id=workflow.workflow_id, job_id=slow.job_id))
        assert response.status == "cancelled"
        eventually(lambda: job_in_status(client, run_id, "after", "skipped"), clock=manual_clock)
        assert client.get_run(GetRunRequest(run_id=run_id)).status == "cancelled"
        again = _code(lambda: client.cancel_job(CancelJobRequest(workflow_id=workflow.workflow_id, job_id=slow.job_id)))
        assert again.code == Code.FAILED_PRECONDITION
        other = client.run(RunRequest(repo="acme/app", workflow_content=[SLOW])).run_id
        (other_workflow,) = client.get_run_status(GetRunStatusRequest(run_id=other)).workflows
        mismatch = _code(
            lambda: client.cancel_job(CancelJobRequest(workflow_id=other_workflow.workflow_id, job_id=slow.job_id))
        )
        assert mismatch.code == Code.INVALID_ARGUMENT and "does not belong" in mismatch.message


def test_rerun_refused_while_running_then_allowed(paused_emulator: RunningEmulator, manual_clock: ManualClock) -> None:
    with paused_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[SLOW])).run_id
        eventually(lambda: job_in_status(client, run_id, "slow", "running"), clock=manual_clock)
        (workflow,) = client.get_run_status(GetRunStatusRequest(run_id=run_id)).workflows
        refused = _code(lambda: client.rerun_workflow(RerunWorkflowRequest(workflow_id=workflow.workflow_id)))
        assert refused.code == Code.FAILED_PRECONDITION and "still running" in refused.message
        retry_refused = _code(
            lambda: client.retry_failed_jobs(RetryFailedJobsRequest(workflow_id=workflow.workflow_id))
        )
        assert retry_refused.code == Code.FAILED_PRECONDITION
        client.cancel_workflow(CancelWorkflowRequest(workflow_id=workflow.workflow_id))
        assert client.get_run(GetRunRequest(run_id=run_id)).status == "cancelled"
        rerun = client.rerun_workflow(RerunWorkflowRequest(workflow_id=workflow.workflow_id))
        assert (rerun.workflow_id, rerun.job_count) == (workflow.workflow_id, 2)
        assert client.get_run(GetRunRequest(run_id=run_id)).finished_at == ""
        eventually(
            lambda: client.get_run(GetRunRequest(run_id=run_id)).status == "finished", clock=manual_clock, step_s=50
        )
        got = client.get_workflow(GetWorkflowRequest(workflow_id=workflow.workflow_id))
    assert [(e.execution, e.status) for e in got.executions] == [(1, "cancelled"), (2, "finished")]
    assert [(j.job_key, j.status, [a.attempt for a in j.attempts]) for j in got.jobs] == [
        ("slow", "finished", [1, 2]),
        ("after", "finished", [1]),
    ]


def test_retry_job_refused_when_a_dependent_started(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[FAIL_THEN_ALWAYS])).run_id
        depot_emulator.wait_for_run(run_id)
        status = client.get_run_status(GetRunStatusRequest(run_id=run_id))
        jobs = jobs_by_key(status)
        assert {k: v[0].status for k, v in jobs.items()} == {"a": "failed", "b": "finished", "c": "skipped"}
        workflow_id = status.workflows[0].workflow_id
        refused = _code(lambda: client.retry_job(RetryJobRequest(workflow_id=workflow_id, job_id=jobs["a"][0].job_id)))
        finished = _code(lambda: client.retry_job(RetryJobRequest(workflow_id=workflow_id, job_id=jobs["b"][0].job_id)))
        unknown = _code(lambda: client.retry_job(RetryJobRequest(workflow_id=workflow_id, job_id="job_nope")))
    assert refused.code == Code.FAILED_PRECONDITION
    assert jobs["b"][0].job_id in refused.message and "RetryFailedJobs" in refused.message
    assert finished.code == Code.FAILED_PRECONDITION and "finished" in finished.message
    assert unknown.code == Code.NOT_FOUND


def test_retry_job_makes_a_new_attempt_and_requeues_skipped_dependents(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[MATRIX_FAILURE])).run_id
        depot_emulator.wait_for_run(run_id)
        status = client.get_run_status(GetRunStatusRequest(run_id=run_id))
        workflow_id = status.workflows[0].workflow_id
        failing = [j for j in jobs_by_key(status)["test"] if j.status == "failed"][0]
        response = client.retry_job(RetryJobRequest(workflow_id=workflow_id, job_id=failing.job_id))
        assert (response.job_id, response.attempt_id, response.attempt, response.status) == (
            failing.job_id,
            "",
            2,
            "queued",
        )
        assert depot_emulator.wait_for_run(run_id).status == "failed"
        detail = client.get_job(GetJobRequest(job_id=failing.job_id))
        jobs = jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id)))
        executions = client.get_workflow(GetWorkflowRequest(workflow_id=workflow_id)).executions
    assert [(a.attempt, a.status, a.is_current) for a in detail.attempts] == [(1, "failed", False), (2, "failed", True)]
    assert detail.current_attempt == 2 and detail.current_attempt_id == detail.attempts[1].attempt_id
    assert jobs["package"][0].status == "skipped" and len(executions) == 2


def test_retry_failed_jobs(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client("json") as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[MATRIX_FAILURE])).run_id
        depot_emulator.wait_for_run(run_id)
        status = client.get_run_status(GetRunStatusRequest(run_id=run_id))
        jobs = jobs_by_key(status)
        workflow_id = status.workflows[0].workflow_id
        failing = [j.job_id for j in jobs["test"] if j.status == "failed"]
        response = client.retry_failed_jobs(RetryFailedJobsRequest(workflow_id=workflow_id))
        assert (response.workflow_id, response.job_count) == (workflow_id, 2)
        assert list(response.job_ids) == [*failing, jobs["package"][0].job_id]
        depot_emulator.wait_for_run(run_id)
        after = jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id)))
    attempts = {j.job_id: len(j.attempts) for k in ("test", "lint") for j in after[k]}
    assert attempts == {**{j.job_id: 1 for j in jobs["test"]}, failing[0]: 2, jobs["lint"][0].job_id: 1}
