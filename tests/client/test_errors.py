"""Errors: `ConnectError` and `Code` come with the package, and an error's text shows its code."""

from __future__ import annotations

import connectrpc.code
import connectrpc.errors
import depot_ci
import depot_ci.v1
import pytest
from depot_ci.v1 import Code, ConnectError, GetRunRequest, RunRequest

from .support import Caller


def test_the_package_exports_the_runtimes_error_and_code() -> None:
    assert depot_ci.v1.ConnectError is depot_ci.ConnectError is connectrpc.errors.ConnectError
    assert depot_ci.v1.Code is depot_ci.Code is connectrpc.code.Code
    assert {"ConnectError", "Code", "RetryPolicy"} <= set(depot_ci.v1.__all__)
    assert isinstance(depot_ci.__version__, str) and depot_ci.__version__


def test_an_errors_text_shows_its_code(caller: Caller) -> None:
    with pytest.raises(ConnectError) as raised:
        caller.call(lambda client: client.run(RunRequest(repo="depot/demo")))
    assert str(raised.value) == "unavailable: scripted: run is unavailable"
    assert raised.value.message == "scripted: run is unavailable"


def test_a_streams_error_text_shows_its_code(local_caller: Caller) -> None:
    local_caller.script.stream_error = Code.NOT_FOUND
    from depot_ci.v1 import StreamJobAttemptLogsRequest

    with pytest.raises(ConnectError) as raised:
        local_caller.call(lambda client: client.stream_job_attempt_logs(StreamJobAttemptLogsRequest(attempt_id="a")))
    assert str(raised.value) == "not_found: scripted: stream error"


def test_a_missing_required_field_names_the_python_attribute(local_caller: Caller) -> None:
    with pytest.raises(ConnectError) as raised:
        local_caller.call(lambda client: client.get_run(GetRunRequest()))
    assert raised.value.code == Code.INVALID_ARGUMENT
    assert str(raised.value).startswith("invalid_argument: ")


def test_method_docstrings_list_the_codes_they_answer() -> None:
    doc = depot_ci.v1.CIServiceClientSync.get_run.__doc__ or ""
    assert "invalid_argument" in doc and "run_id" in doc and "runId" not in doc
    assert "unauthenticated" in doc
    assert "`get_run_status`" in doc and "GetRunStatus" not in doc
