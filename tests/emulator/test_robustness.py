"""Odd and hostile requests get a proper Connect code with a message, never `internal` or `unknown`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import (
    CancelJobRequest,
    DispatchWorkflowRequest,
    GetAttemptRequest,
    GetJobAttemptLogsRequest,
    GetJobRequest,
    GetWorkflowRequest,
    ListRunsRequest,
    ListWorkflowsRequest,
    RetryJobRequest,
    RunRequest,
    StreamJobAttemptLogsRequest,
)

from depot_ci_emulator.testing import RunningEmulator, run_emulator

from .support import eventually

_WORKFLOWS = [
    "",
    "null",
    "42",
    "on: push\njobs: []\n",
    "[" * 3000 + "]" * 3000,
    "on: push\njobs:\n  a: &x\n    runs-on: x\n    needs: *x\n    steps: [{run: echo}]\n",
    "on: push\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: .inf\n    steps: [{run: echo}]\n",
    "on: push\njobs:\n  a:\n    runs-on: x\n    strategy: {matrix: {v: &v [1, *v]}}\n    steps: [{run: echo}]\n",
    "on: push\njobs:\n  a:\n    runs-on: [1, 2]\n    steps: [{run: echo}]\n",
    "on: {workflow_dispatch: {inputs: [a, b]}}\njobs: {}\n",
    "on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo, with: [1]}]\n",
    "\x00\x01 binary",
    "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ok\n" + "#" * (1 << 20),
]


@pytest.fixture
def emulator(tmp_path: Path) -> Iterator[RunningEmulator]:
    (tmp_path / ".depot" / "workflows").mkdir(parents=True)
    (tmp_path / "latin1.yml").write_bytes(b"on: push\nname: caf\xe9\n")
    with run_emulator(repos={"acme/app": tmp_path}) as running:
        yield running


def _calls(client: Any) -> list[Callable[[], object]]:
    calls: list[Callable[[], object]] = [
        *(lambda w=w: client.run(RunRequest(repo="acme/app", workflow_content=[w])) for w in _WORKFLOWS),
        lambda: client.run(RunRequest(repo="acme/app", workflow="a\0b.yml")),
        lambda: client.run(RunRequest(repo="acme/app", workflow="x" * 5000)),
        lambda: client.run(RunRequest(repo="acme/app", workflow="latin1.yml")),
        lambda: client.run(RunRequest(repo="acme/app", workflow="/etc/passwd")),
        lambda: client.run(RunRequest(repo="acme/app")),
        lambda: client.run(RunRequest(repo="acme/app", workflow_content=["on: push"], job="")),
        lambda: client.run(RunRequest(repo="a/b/c")),
        lambda: client.run(RunRequest(repo="acme/app", sha="g" * 40)),
        lambda: client.dispatch_workflow(DispatchWorkflowRequest(repo="acme/app", workflow="")),
        lambda: client.dispatch_workflow(DispatchWorkflowRequest(repo="acme/app", workflow=".depot/workflows")),
        lambda: client.list_runs(ListRunsRequest(status=["queued"] * 40_000)),
        lambda: client.list_runs(ListRunsRequest(page_size=2**31 - 1, sha="A" * 40, trigger="\u2603")),
        lambda: client.list_workflows(ListWorkflowsRequest(name="%_'\"", status=["failed"] * 40_000)),
        lambda: client.get_workflow(GetWorkflowRequest(workflow_id="w" * 10_000)),
        lambda: client.get_job(GetJobRequest(job_id="\u0000")),
        lambda: client.get_attempt(GetAttemptRequest(attempt_id="attempt_\u2603")),
        lambda: client.cancel_job(CancelJobRequest(workflow_id="w", job_id="j")),
        lambda: client.retry_job(RetryJobRequest(workflow_id="w", job_id="j")),
        lambda: client.get_job_attempt_logs(GetJobAttemptLogsRequest(job_id="job_x", page_token="p" * 1000)),
        lambda: list(client.stream_job_attempt_logs(StreamJobAttemptLogsRequest(job_id="job_x", cursor="c"))),
    ]
    return calls


@pytest.mark.parametrize("encoding", ["proto", "json"])
def test_no_request_gets_an_internal_error(emulator: RunningEmulator, encoding: str) -> None:
    outcomes = []
    with emulator.client(encoding, timeout_ms=30_000) as client:  # type: ignore[arg-type]
        for call in _calls(client):
            try:
                call()
                outcomes.append(None)
            except ConnectError as exc:
                outcomes.append(exc.code)
                assert exc.code not in (Code.INTERNAL, Code.UNKNOWN, Code.UNAVAILABLE), exc.message
                assert exc.message and "Traceback" not in exc.message
    # Everything odd above is refused, except the few requests that are merely unusual: a matrix
    # value that is an alias of its own list, and the list filters.
    accepted = [i for i, code in enumerate(outcomes) if code is None]
    assert accepted == [7, len(_WORKFLOWS) + 10, len(_WORKFLOWS) + 11, len(_WORKFLOWS) + 12], outcomes
    with emulator.client() as client:
        done = eventually(lambda: client.list_runs(ListRunsRequest(status=["finished", "failed"])).runs)
        assert done[0].status == "finished"
