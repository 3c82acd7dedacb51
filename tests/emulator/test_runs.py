"""Runs over real HTTP with the generated clients: a three-job workflow with a failure, sync and
async, JSON and proto; matrix expansion; `job` selection; what the executor persists."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import (
    GetAttemptRequest,
    GetJobRequest,
    GetRunRequest,
    GetRunStatusRequest,
    GetWorkflowRequest,
    RunRequest,
)

from depot_ci_emulator.testing import RunningEmulator
from depot_ci_emulator.workflows import WorkflowError, parse_workflow

from .support import THREE_JOBS, jobs_by_key

MATRIX = """\
name: matrix
on: push
jobs:
  test:
    runs-on: depot-ubuntu-24.04-${{ matrix.cpus }}
    strategy:
      matrix:
        os: [linux, mac]
        cpus: [4, 8]
        exclude:
          - os: mac
            cpus: 8
        include:
          - os: linux
            experimental: true
          - os: windows
            cpus: 2
    steps:
      - run: echo ${{ matrix.os }} on ${{ matrix.cpus }}
  report:
    needs: test
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo all done
"""


def _parse(ts: str) -> datetime:
    assert ts.endswith("Z"), ts
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def _check_three_job_run(depot: RunningEmulator, run_id: str) -> None:
    with depot.client() as client:
        run = client.get_run(GetRunRequest(run_id=run_id))
        status = client.get_run_status(GetRunStatusRequest(run_id=run_id))
    assert (run.status, status.status, run.org_id, run.repo, run.trigger) == (
        "failed",
        "failed",
        depot.org_id,
        "acme/app",
        "push",
    )
    assert len(run.sha) == 40 and run.ref == "refs/heads/main"
    assert _parse(run.created_at) <= _parse(run.started_at) <= _parse(run.finished_at)
    (workflow,) = status.workflows
    assert (workflow.status, workflow.name, workflow.workflow_path, workflow.error_message) == (
        "failed",
        "three jobs",
        "",
        "",
    )
    jobs = jobs_by_key(status)
    assert {k: [j.status for j in v] for k, v in jobs.items()} == {
        "build": ["finished"],
        "test": ["failed"],
        "deploy": ["skipped"],
    }
    assert [len(jobs[k][0].attempts) for k in ("build", "test", "deploy")] == [1, 1, 0]
    with depot.client() as client:
        details = {k: client.get_job(GetJobRequest(job_id=v[0].job_id)) for k, v in jobs.items()}
        attempt = client.get_attempt(GetAttemptRequest(attempt_id=details["test"].current_attempt_id))
    assert {k: d.job_conclusion for k, d in details.items()} == {
        "build": "success",
        "test": "failure",
        "deploy": "skipped",
    }
    test = details["test"]
    assert (test.current_attempt, test.runs_on.cpus, test.runs_on.memory_gb, list(test.runs_on.labels)) == (
        1,
        4,
        16,
        ["depot-ubuntu-24.04-4"],
    )
    assert [(d.job_key, d.status, d.conclusion) for d in test.dependencies] == [("build", "finished", "success")]
    (only,) = test.attempts
    assert (only.status, only.conclusion, only.is_current, only.sandbox_id.startswith("sandbox_")) == (
        "failed",
        "failure",
        True,
        True,
    )
    # `sleep 30` in the failing step: 30 emulated seconds between start and finish at least.
    assert (_parse(only.finished_at) - _parse(only.started_at)).total_seconds() >= 30
    assert _parse(only.created_at) <= _parse(only.dispatched_at) <= _parse(only.started_at)
    assert (attempt.attempt.attempt_id, attempt.job_key, attempt.workflow_status) == (only.attempt_id, "test", "failed")
    assert details["deploy"].job_started_at == "" and details["deploy"].current_attempt_id == ""


@pytest.mark.parametrize("encoding", ["proto", "json"])
def test_three_job_run_sync(depot_emulator: RunningEmulator, encoding: str) -> None:
    with depot_emulator.client(encoding) as client:  # type: ignore[arg-type]
        response = client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS]))
    assert response.org_id == depot_emulator.org_id and response.run_id.startswith("run_")
    depot_emulator.wait_for_run(response.run_id)
    _check_three_job_run(depot_emulator, response.run_id)


@pytest.mark.parametrize("encoding", ["proto", "json"])
def test_three_job_run_async(depot_emulator: RunningEmulator, encoding: str) -> None:
    async def scenario() -> str:
        async with depot_emulator.async_client(encoding) as client:  # type: ignore[arg-type]
            run_id = (await client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS]))).run_id
            for _ in range(2000):
                if (await client.get_run(GetRunRequest(run_id=run_id))).status not in ("queued", "running"):
                    return run_id
                await asyncio.sleep(0.01)
        raise AssertionError("the run did not finish")

    _check_three_job_run(depot_emulator, asyncio.run(scenario()))


def test_logs_and_steps_are_persisted_with_keys_numbers_streams_and_times(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS])).run_id
        depot_emulator.wait_for_run(run_id)
        jobs = jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id)))
    store = depot_emulator.emulator.store
    assert store is not None
    attempt_id = jobs["test"][0].attempts[0].attempt_id
    lines = [(x.step_key, x.stream, x.line_number, x.body) for x in store.log_lines(attempt_id)]
    assert lines == [
        ("step-1", 0, 1, "testing"),
        ("step-1", 1, 1, "assertion failed: 1 != 2"),
        ("step-1", 1, 2, "Process completed with exit code 3."),
        ("step-3", 0, 2, "cleanup"),
    ]
    stamps = [x.timestamp_ms for x in store.log_lines(attempt_id)]
    assert stamps == sorted(stamps) and stamps[1] - stamps[0] >= 30_000  # `sleep 30` between the lines
    steps = [(s.step_key, s.step_id, s.name, s.conclusion, s.exit_code) for s in store.steps_of(attempt_id)]
    assert steps == [
        ("step-1", "unit", "Unit tests", "failure", 3),
        ("step-2", "", "never", "skipped", None),
        ("step-3", "", "cleanup", "success", 0),
    ]
    build = [x.body for x in store.log_lines(jobs["build"][0].attempts[0].attempt_id)]
    assert build == ["Run actions/checkout@v4", "  fetch-depth: 0", "built"]


def test_matrix_expands_into_jobs_with_their_values(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client("json") as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[MATRIX])).run_id
        assert depot_emulator.wait_for_run(run_id).status == "finished"
        jobs = jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id)))
        details = [client.get_job(GetJobRequest(job_id=j.job_id)) for j in jobs["test"]]
        report = client.get_job(GetJobRequest(job_id=jobs["report"][0].job_id))
    got = [
        (
            [(m.key, m.value) for m in d.matrix],
            d.strategy.job_index,
            d.strategy.job_total,
            d.job_display_name,
            d.runs_on.cpus,
        )
        for d in details
    ]
    assert got == [
        ([("os", "linux"), ("cpus", "4"), ("experimental", "true")], 0, 4, "test (linux, 4, true)", 4),
        ([("os", "linux"), ("cpus", "8"), ("experimental", "true")], 1, 4, "test (linux, 8, true)", 8),
        ([("os", "mac"), ("cpus", "4")], 2, 4, "test (mac, 4)", 4),
        ([("os", "windows"), ("cpus", "2")], 3, 4, "test (windows, 2)", 2),
    ]
    assert all(d.job_key == "test" and d.job_conclusion == "success" for d in details)
    assert sorted(d.job_id for d in report.dependencies) == sorted(d.job_id for d in details)
    assert not report.HasField("strategy") and list(report.matrix) == []


def test_job_selection_runs_one_job_alone(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS], job="deploy")).run_id
        assert depot_emulator.wait_for_run(run_id).status == "finished"
        jobs = jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id)))
        assert {k: v[0].status for k, v in jobs.items()} == {
            "build": "skipped",
            "test": "skipped",
            "deploy": "finished",
        }
        with pytest.raises(ConnectError) as unknown:
            client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS], job="nope"))
        with pytest.raises(ConnectError) as two:
            client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS, THREE_JOBS], job="test"))
    assert unknown.value.code == Code.INVALID_ARGUMENT and "'nope'" in unknown.value.message
    assert "build, test, deploy" in unknown.value.message
    assert two.value.code == Code.INVALID_ARGUMENT and "single workflow" in two.value.message


def test_get_workflow_reports_executions_jobs_and_run_context(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS])).run_id
        depot_emulator.wait_for_run(run_id)
        (workflow,) = client.get_run_status(GetRunStatusRequest(run_id=run_id)).workflows
        got = client.get_workflow(GetWorkflowRequest(workflow_id=workflow.workflow_id))
    assert (got.run_id, got.run_status, got.workflow_status, got.workflow_name) == (
        run_id,
        "failed",
        "failed",
        "three jobs",
    )
    assert [(e.execution, e.status) for e in got.executions] == [(1, "failed")]
    assert [(j.job_key, j.status, len(j.attempts)) for j in got.jobs] == [
        ("build", "finished", 1),
        ("test", "failed", 1),
        ("deploy", "skipped", 0),
    ]
    assert all(a.sandbox_id == "" for j in got.jobs for a in j.attempts)  # no sandbox runs them any more


EDGES = """\
on: push
jobs:
  slow:
    runs-on: depot-ubuntu-24.04
    timeout-minutes: 1
    steps:
      - run: |
          echo waiting
          sleep 120
          echo never printed
  tolerant:
    runs-on: depot-ubuntu-24.04
    if: github.event_name == 'push'
    steps:
      - run: exit 7
        continue-on-error: true
      - run: echo still here
"""


def test_timeouts_continue_on_error_and_unevaluated_conditions(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[EDGES])).run_id
        assert depot_emulator.wait_for_run(run_id).status == "failed"
        jobs = jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id)))
        slow = client.get_job(GetJobRequest(job_id=jobs["slow"][0].job_id))
        tolerant = client.get_job(GetJobRequest(job_id=jobs["tolerant"][0].job_id))
    assert (slow.job_status, slow.job_conclusion, slow.attempts[0].conclusion) == ("failed", "timed_out", "timed_out")
    # Stopped at the 1-minute timeout, not after the step's 120 s sleep (emulated seconds).
    assert 60 <= (_parse(slow.job_finished_at) - _parse(slow.job_started_at)).total_seconds() < 120
    assert (tolerant.job_status, tolerant.job_conclusion) == ("finished", "success")
    store = depot_emulator.emulator.store
    assert store is not None
    assert [x.body for x in store.log_lines(slow.current_attempt_id)] == [
        "waiting",
        "The job has exceeded the maximum execution time of 1 minutes.",
    ]
    assert [x.body for x in store.log_lines(tolerant.current_attempt_id)] == [
        "emulator: if: github.event_name == 'push' was not fully evaluated by the emulator (taken as true)",
        "Process completed with exit code 7.",
        "still here",
    ]
    assert [(s.conclusion, s.exit_code) for s in store.steps_of(tolerant.current_attempt_id)] == [
        ("success", 7),
        ("success", 0),
    ]


def test_get_job_previews_a_hundred_dependencies_failed_first(depot_emulator: RunningEmulator) -> None:
    codes = ", ".join("1" if i == 70 else "0" for i in range(101))
    workflow = (
        "on: push\njobs:\n  shard:\n    runs-on: x\n    strategy:\n      matrix:\n"
        f"        code: [{codes}]\n        index: [0]\n    steps: [{{run: 'exit ${{{{ matrix.code }}}}'}}]\n"
        "  after:\n    needs: shard\n    if: always()\n    runs-on: x\n    steps: [{run: echo}]\n"
    )
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[workflow])).run_id
        depot_emulator.wait_for_run(run_id)
        jobs = jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id)))
        after = client.get_job(GetJobRequest(job_id=jobs["after"][0].job_id))
    assert len(jobs["shard"]) == 101 and after.job_status == "finished"
    assert (len(after.dependencies), after.dependency_count, after.dependency_preview_limit) == (100, 101, 100)
    assert after.dependencies[0].status == "failed"
    assert after.dependencies[0].job_id == jobs["shard"][70].job_id


CONTINUE_ON_ERROR = """\
on: push
jobs:
  test:
    runs-on: depot-ubuntu-24.04
    continue-on-error: ${{ matrix.experimental }}
    strategy:
      matrix:
        node: [20]
        experimental: [false]
        code: [0]
        include:
          - node: 23
            experimental: true
            code: 1
    steps:
      - run: exit ${{ matrix.code }}
  flaky:
    runs-on: depot-ubuntu-24.04
    continue-on-error: true
    steps:
      - run: exit 2
  deploy:
    needs: [test, flaky]
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo deploying
  on-failure:
    needs: flaky
    if: failure()
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo something failed
"""


def test_job_level_continue_on_error(depot_emulator: RunningEmulator) -> None:
    # GitHub: a job with `continue-on-error: true` that fails is reported failed, but it does not
    # fail the workflow run, and its dependents run as if it had succeeded.
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[CONTINUE_ON_ERROR])).run_id
        assert depot_emulator.wait_for_run(run_id).status == "finished"
        status = client.get_run_status(GetRunStatusRequest(run_id=run_id))
    jobs = jobs_by_key(status)
    assert status.workflows[0].status == "finished"
    assert [j.status for j in jobs["test"]] == ["finished", "failed"]
    assert [j.status for j in jobs["flaky"]] == ["failed"]
    assert [j.status for j in jobs["deploy"]] == ["finished"]
    assert [j.status for j in jobs["on-failure"]] == ["skipped"]
    # Without continue-on-error the same failure fails the run and skips the dependents.
    strict = CONTINUE_ON_ERROR.replace("    continue-on-error: true\n", "")
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[strict])).run_id
        assert depot_emulator.wait_for_run(run_id).status == "failed"
        jobs = jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id)))
    assert [jobs[k][0].status for k in ("flaky", "deploy", "on-failure")] == ["failed", "skipped", "finished"]


@pytest.mark.parametrize("value", ["'yes'", "1", "${{ inputs.tolerate }}", "${{ matrix.nope }}"])
def test_continue_on_error_must_be_a_boolean_the_emulator_can_evaluate(value: str) -> None:
    source = f"on: push\njobs:\n  a:\n    runs-on: x\n    continue-on-error: {value}\n    steps: [{{run: echo}}]\n"
    with pytest.raises(WorkflowError, match=r"^ci.yml: jobs.a.continue-on-error \(line 3\): must be true, false"):
        parse_workflow(source, "ci.yml")
    step = f"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n        continue-on-error: {value}\n"
    with pytest.raises(WorkflowError, match=r"^ci.yml: jobs.a.steps\[0\] \(line 6\).continue-on-error: must be"):
        parse_workflow(step, "ci.yml")


UNKNOWN_EXPRESSIONS = """\
on: push
jobs:
  a:
    name: build ${{ matrix.nope }}
    runs-on: depot-ubuntu-24.04
    strategy:
      matrix:
        os: [linux]
    steps:
      - name: step ${{ matrix.nope }}
        run: |
          echo [${{ matrix.os }}] [${{ matrix.nope }}] [${{ inputs.zz }}] [${{ matrix.nope }}]
      - uses: actions/cache@v4
        with:
          key: ${{ inputs.zz }}x
  b:
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo [${{ matrix.os }}]
"""


def test_unknown_references_become_empty_strings_and_the_log_says_so(depot_emulator: RunningEmulator) -> None:
    # GitHub evaluates an undefined matrix key or input to null, written as an empty string.
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[UNKNOWN_EXPRESSIONS])).run_id
        assert depot_emulator.wait_for_run(run_id).status == "finished"
        jobs = jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id)))
        job_a = client.get_job(GetJobRequest(job_id=jobs["a"][0].job_id))
    store = depot_emulator.emulator.store
    assert store is not None
    assert job_a.job_display_name == "build "
    attempt_a = jobs["a"][0].attempts[0].attempt_id
    assert [s.name for s in store.steps_of(attempt_a)] == ["step ", ""]
    note = "emulator: ${{{{ {} }}}} has no value here (substituted an empty string)"
    assert [(x.step_key, x.body) for x in store.log_lines(attempt_a)] == [
        ("step-1", note.format("matrix.nope")),
        ("step-1", note.format("inputs.zz")),
        ("step-1", "[linux] [] [] []"),
        ("step-2", "Run actions/cache@v4"),
        ("step-2", note.format("inputs.zz")),
        ("step-2", "  key: x"),
    ]
    attempt_b = jobs["b"][0].attempts[0].attempt_id
    assert [x.body for x in store.log_lines(attempt_b)] == [note.format("matrix.os"), "[]"]
