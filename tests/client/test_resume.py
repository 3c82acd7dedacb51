"""Resumable streams: `resume=True` reopens a cut stream from the newest cursor; nothing lost or repeated."""

from __future__ import annotations

import pytest
from depot_ci.v1 import Code, ConnectError, RetryPolicy, StreamJobAttemptLogsRequest

from .support import FAST, Caller

REQUEST = StreamJobAttemptLogsRequest(attempt_id="attempt_1")


def _lines(received: list[object]) -> list[str]:
    return [r.line.body for r in received if r.HasField("line")]  # type: ignore[attr-defined]


def test_a_stream_cut_three_times_delivers_every_line_once_in_order(caller: Caller) -> None:
    caller.script.cut_after = {2, 5, 8}
    received = caller.call(lambda client: client.stream_job_attempt_logs(REQUEST, resume=True), retry=FAST)
    assert _lines(received) == caller.script.log_lines
    assert caller.script.cursors == ["", "2", "5", "8"]
    assert received[-1].attempt_status == "finished"
    assert REQUEST.cursor == ""


def test_a_stream_the_server_ends_cleanly_is_not_reopened(caller: Caller) -> None:
    received = caller.call(lambda client: client.stream_job_attempt_logs(REQUEST, resume=True), retry=FAST)
    assert _lines(received) == caller.script.log_lines
    assert caller.script.calls["stream_job_attempt_logs"] == 1


def test_progress_resets_the_count_of_failures(local_caller: Caller) -> None:
    local_caller.script.cut_after = set(range(1, 11))  # cut after every single line
    received = local_caller.call(lambda client: client.stream_job_attempt_logs(REQUEST, resume=True), retry=FAST)
    assert _lines(received) == local_caller.script.log_lines


def test_it_gives_up_after_consecutive_failures_without_progress(local_caller: Caller) -> None:
    local_caller.script.fail_stream_opens = 100
    policy = RetryPolicy(max_attempts=4, initial_backoff_ms=1, max_backoff_ms=1)
    with pytest.raises(ConnectError) as raised:
        local_caller.call(lambda client: client.stream_job_attempt_logs(REQUEST, resume=True), retry=policy)
    assert raised.value.code == Code.UNAVAILABLE
    assert local_caller.script.calls["stream_job_attempt_logs"] == 4


def test_without_resume_a_cut_stream_raises_after_the_lines_it_delivered(caller: Caller) -> None:
    caller.script.cut_after = {2}
    with pytest.raises(ConnectError) as raised:
        caller.call(lambda client: client.stream_job_attempt_logs(REQUEST), retry=FAST)
    assert raised.value.code == Code.UNAVAILABLE
    assert _lines(caller.received) == caller.script.log_lines[:2]
    assert caller.script.calls["stream_job_attempt_logs"] == 1


def test_an_error_that_is_not_transient_is_not_resumed(local_caller: Caller) -> None:
    local_caller.script.stream_error = Code.NOT_FOUND
    with pytest.raises(ConnectError) as raised:
        local_caller.call(lambda client: client.stream_job_attempt_logs(REQUEST, resume=True), retry=FAST)
    assert raised.value.code == Code.NOT_FOUND
    assert _lines(local_caller.received) == local_caller.script.log_lines[:1]
    assert local_caller.script.calls["stream_job_attempt_logs"] == 1


def test_resume_with_retries_disabled_does_not_reopen(local_caller: Caller) -> None:
    local_caller.script.cut_after = {3}
    with pytest.raises(ConnectError):
        local_caller.call(lambda client: client.stream_job_attempt_logs(REQUEST, resume=True, retry=None))
    assert local_caller.script.calls["stream_job_attempt_logs"] == 1
