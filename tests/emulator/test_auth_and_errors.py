"""Authentication as the reference describes it, organizations as visibility boundaries, and the
errors of methods the emulator does not serve yet."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import (
    CIServiceClientSync,
    ExportJobAttemptLogsRequest,
    GetJobSummaryRequest,
    GetRunRequest,
    GetWorkflowRequest,
    ListRunsRequest,
    RunRequest,
    StreamJobAttemptLogsRequest,
)

from depot_ci_emulator.service import EmulatorService
from depot_ci_emulator.testing import RunningEmulator, in_process_emulator, run_emulator

from .support import THREE_JOBS


@pytest.fixture
def two_orgs() -> Iterator[RunningEmulator]:
    with run_emulator(token="user-token", org_id="org_a", org_tokens={"org-b-token": "org_b"}) as emulator:
        yield emulator


def _call(url: str, headers: dict[str, str], run_id: str = "run_x") -> ConnectError:
    with CIServiceClientSync(url, headers=headers) as client, pytest.raises(ConnectError) as caught:
        client.get_run(GetRunRequest(run_id=run_id))
    return caught.value


@pytest.mark.parametrize(
    ("headers", "code", "text"),
    [
        ({}, Code.UNAUTHENTICATED, "missing Authorization header"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, Code.UNAUTHENTICATED, "Bearer"),
        ({"Authorization": "Bearer"}, Code.UNAUTHENTICATED, "Bearer"),
        ({"Authorization": "Bearer wrong"}, Code.UNAUTHENTICATED, "invalid or expired token"),
        ({"Authorization": "Bearer org-b-token"}, Code.PERMISSION_DENIED, "x-depot-org"),
        ({"Authorization": "Bearer org-b-token", "x-depot-org": "org_a"}, Code.PERMISSION_DENIED, "belongs to org_b"),
        ({"Authorization": "Bearer user-token", "x-depot-org": "org_b"}, Code.PERMISSION_DENIED, "not a member"),
    ],
)
def test_authentication_failures(two_orgs: RunningEmulator, headers: dict[str, str], code: Code, text: str) -> None:
    error = _call(two_orgs.base_url, headers)
    assert error.code == code and text in error.message, error.message


def test_authentication_comes_before_request_checks(two_orgs: RunningEmulator) -> None:
    # An empty runId would be invalid_argument; without a token the caller must not learn that.
    assert _call(two_orgs.base_url, {}, run_id="").code == Code.UNAUTHENTICATED
    assert _call(two_orgs.base_url, {"Authorization": "Bearer user-token"}, run_id="").code == Code.INVALID_ARGUMENT


def test_runs_belong_to_their_organization(two_orgs: RunningEmulator) -> None:
    user = {"Authorization": "Bearer user-token"}
    org_b = {"Authorization": "Bearer org-b-token", "x-depot-org": "org_b"}
    with (
        CIServiceClientSync(two_orgs.base_url, headers=user) as a,
        CIServiceClientSync(two_orgs.base_url, headers=org_b) as b,
    ):
        run_a = a.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS]))
        run_b = b.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS]))
        assert (run_a.org_id, run_b.org_id) == ("org_a", "org_b")
        assert b.get_run(GetRunRequest(run_id=run_b.run_id)).org_id == "org_b"
        with pytest.raises(ConnectError) as hidden:
            b.get_run(GetRunRequest(run_id=run_a.run_id))
        every = ListRunsRequest(status=["queued", "running", "finished", "failed", "cancelled"])
        assert [r.run_id for r in a.list_runs(every).runs] == [run_a.run_id]
        assert [r.run_id for r in b.list_runs(every).runs] == [run_b.run_id]
    assert hidden.value.code == Code.NOT_FOUND and run_a.run_id in hidden.value.message


def test_unknown_ids_are_not_found(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client, pytest.raises(ConnectError) as caught:
        client.get_run(GetRunRequest(run_id="run_missing"))
    assert caught.value.code == Code.NOT_FOUND and caught.value.message == "runId: run run_missing not found"


def test_authentication_comes_before_not_found(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client:
        with pytest.raises(ConnectError) as summary:
            client.get_job_summary(GetJobSummaryRequest(attempt_id="attempt_x"))
        with pytest.raises(ConnectError) as export:
            list(client.export_job_attempt_logs(ExportJobAttemptLogsRequest(attempt_id="attempt_x")))
    assert summary.value.code == Code.NOT_FOUND and "attempt attempt_x not found" in summary.value.message
    assert export.value.code == Code.NOT_FOUND
    with CIServiceClientSync(depot_emulator.base_url) as anonymous:
        with pytest.raises(ConnectError) as denied:
            anonymous.get_job_summary(GetJobSummaryRequest(attempt_id="attempt_x"))
        with pytest.raises(ConnectError) as stream_denied:
            list(anonymous.stream_job_attempt_logs(StreamJobAttemptLogsRequest(attempt_id="attempt_x")))
    assert denied.value.code == Code.UNAUTHENTICATED
    assert stream_denied.value.code == Code.UNAUTHENTICATED


def test_internal_failures_do_not_leak_details(monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(self: object, request: object, ctx: object) -> None:
        raise RuntimeError("secret detail from a library")

    async def busy(self: object, request: object, ctx: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(EmulatorService, "get_run", broken)
    monkeypatch.setattr(EmulatorService, "get_workflow", busy)

    async def scenario() -> tuple[ConnectError, ConnectError]:
        async with in_process_emulator() as depot:
            errors = []
            for call in (
                lambda: depot.client.get_run(GetRunRequest(run_id="run_x")),
                lambda: depot.client.get_workflow(GetWorkflowRequest(workflow_id="w")),
            ):
                try:
                    await call()
                except ConnectError as exc:
                    errors.append(exc)
            return errors[0], errors[1]

    internal, unavailable = asyncio.run(scenario())
    assert internal.code == Code.INTERNAL and "secret" not in internal.message
    assert internal.message == "depot.ci.v1.CIService/GetRun failed inside the emulator; its log has the details"
    assert unavailable.code == Code.UNAVAILABLE and "retry" in unavailable.message
