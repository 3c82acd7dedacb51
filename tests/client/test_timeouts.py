"""Timeouts: the client's default caps unary calls, streams have their own, and a call can set or lift either."""

from __future__ import annotations

import pytest
from depot_ci.v1 import Code, ConnectError, GetRunRequest, StreamJobAttemptLogsRequest

from .support import Caller

REQUEST = GetRunRequest(run_id="run_1")
STREAM = StreamJobAttemptLogsRequest(attempt_id="attempt_1")


def test_the_default_timeout_caps_unary_calls(caller: Caller) -> None:
    caller.script.get_run_delay_s = 0.5
    with pytest.raises(ConnectError) as raised:
        caller.call(lambda client: client.get_run(REQUEST), timeout_ms=100, retry=None)
    assert raised.value.code == Code.DEADLINE_EXCEEDED


def test_a_call_lifts_the_default_timeout_with_none(local_caller: Caller) -> None:
    local_caller.script.get_run_delay_s = 0.3
    response = local_caller.call(lambda client: client.get_run(REQUEST, timeout_ms=None), timeout_ms=100)
    assert response.run_id == "run_1"


def test_a_call_sets_its_own_timeout(local_caller: Caller) -> None:
    local_caller.script.get_run_delay_s = 0.5
    with pytest.raises(ConnectError) as raised:
        local_caller.call(lambda client: client.get_run(REQUEST, timeout_ms=100, retry=None))
    assert raised.value.code == Code.DEADLINE_EXCEEDED


def test_the_unary_default_does_not_cap_streams(caller: Caller) -> None:
    caller.script.stream_delay_s = 0.03  # ten lines: about 300 ms in all
    received = caller.call(lambda client: client.stream_job_attempt_logs(STREAM), timeout_ms=100)
    assert [r.line.body for r in received if r.HasField("line")] == caller.script.log_lines


def test_streams_have_their_own_default(local_caller: Caller) -> None:
    local_caller.script.stream_delay_s = 0.05
    with pytest.raises(ConnectError) as raised:
        local_caller.call(lambda client: client.stream_job_attempt_logs(STREAM), stream_timeout_ms=100, retry=None)
    assert raised.value.code == Code.DEADLINE_EXCEEDED


def test_a_negative_timeout_is_a_clear_error(local_caller: Caller) -> None:
    with pytest.raises(ValueError, match="timeout_ms"):
        local_caller.call(lambda client: client.get_run(REQUEST), timeout_ms=-1)
