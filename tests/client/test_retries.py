"""Safe retries: reads are retried on `unavailable` with backoff inside the call's deadline; writes never."""

from __future__ import annotations

import socket

import pytest
from depot_ci.v1 import (
    CIServiceClientSync,
    Code,
    ConnectError,
    GetRunRequest,
    RetryPolicy,
    RunRequest,
    StreamJobAttemptLogsRequest,
)

from .support import FAST, Caller


def test_a_read_failing_twice_with_unavailable_succeeds_on_the_third_try(caller: Caller) -> None:
    caller.script.get_run_failures = 2
    response = caller.call(lambda client: client.get_run(GetRunRequest(run_id="run_1")), retry=FAST)
    assert response.run_id == "run_1"
    assert caller.script.calls["get_run"] == 3


def test_retries_are_on_by_default_with_three_attempts_in_all(local_caller: Caller) -> None:
    local_caller.script.get_run_failures = 3
    with pytest.raises(ConnectError) as raised:
        local_caller.call(lambda client: client.get_run(GetRunRequest(run_id="run_1")))
    assert raised.value.code == Code.UNAVAILABLE
    assert local_caller.script.calls["get_run"] == 3


def test_run_has_side_effects_and_fails_at_once(caller: Caller) -> None:
    policy = RetryPolicy(max_attempts=5, initial_backoff_ms=1, max_backoff_ms=1)
    with pytest.raises(ConnectError) as raised:
        caller.call(lambda client: client.run(RunRequest(repo="depot/demo")), retry=policy)
    assert raised.value.code == Code.UNAVAILABLE
    assert caller.script.calls["run"] == 1


def test_a_deadline_ends_the_retries(local_caller: Caller) -> None:
    local_caller.script.get_run_failures = 1_000
    patient = RetryPolicy(max_attempts=1_000, initial_backoff_ms=20, max_backoff_ms=20)
    with pytest.raises(ConnectError) as raised:
        local_caller.call(lambda client: client.get_run(GetRunRequest(run_id="run_1"), timeout_ms=200), retry=patient)
    assert raised.value.code in (Code.UNAVAILABLE, Code.DEADLINE_EXCEEDED)
    # Pauses of 15-20 ms (jitter takes up to a quarter off) fit at most 14 times into 200 ms.
    assert 2 <= local_caller.script.calls["get_run"] <= 14


def test_a_call_overrides_the_clients_policy(local_caller: Caller) -> None:
    local_caller.script.get_run_failures = 2
    with pytest.raises(ConnectError):
        local_caller.call(lambda client: client.get_run(GetRunRequest(run_id="run_1"), retry=None), retry=FAST)
    assert local_caller.script.calls["get_run"] == 1
    response = local_caller.call(lambda client: client.get_run(GetRunRequest(run_id="run_1"), retry=FAST), retry=None)
    assert response.run_id == "run_1"
    assert local_caller.script.calls["get_run"] == 3


def test_the_client_option_disables_retries(local_caller: Caller) -> None:
    local_caller.script.get_run_failures = 1
    with pytest.raises(ConnectError):
        local_caller.call(lambda client: client.get_run(GetRunRequest(run_id="run_1")), retry=None)
    assert local_caller.script.calls["get_run"] == 1


def test_a_stream_is_retried_while_it_has_sent_nothing(caller: Caller) -> None:
    caller.script.fail_stream_opens = 2
    request = StreamJobAttemptLogsRequest(attempt_id="attempt_1")
    received = caller.call(lambda client: client.stream_job_attempt_logs(request), retry=FAST)
    assert [r.line.body for r in received if r.HasField("line")] == caller.script.log_lines
    assert caller.script.calls["stream_job_attempt_logs"] == 3


def test_a_connection_failure_is_unavailable_and_its_text_shows_the_code() -> None:
    with socket.socket() as probe:  # a port nothing listens on once the probe is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with CIServiceClientSync(f"http://127.0.0.1:{port}", retry=FAST) as client, pytest.raises(ConnectError) as raised:
        client.get_run(GetRunRequest(run_id="run_1"))
    assert raised.value.code == Code.UNAVAILABLE
    assert str(raised.value).startswith("unavailable: ")


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"max_attempts": 0}, "max_attempts"),
        ({"initial_backoff_ms": -1}, "initial_backoff_ms"),
        ({"initial_backoff_ms": 10, "max_backoff_ms": 5}, "max_backoff_ms"),
        ({"multiplier": 0.5}, "multiplier"),
        ({"jitter": 2.0}, "jitter"),
    ],
)
def test_a_policy_out_of_range_is_a_clear_error(options: dict[str, float], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        RetryPolicy(**options)  # type: ignore[arg-type]


def test_backoff_grows_exponentially_with_jitter_below_the_cap() -> None:
    policy = RetryPolicy(initial_backoff_ms=100, max_backoff_ms=1_000, multiplier=2.0, jitter=0.25)
    for retry, full in [(1, 100), (2, 200), (3, 400), (4, 800), (5, 1_000), (9, 1_000)]:
        pauses = {policy.backoff_ms(retry) for _ in range(50)}
        assert all(full * 0.75 <= pause <= full for pause in pauses), (retry, sorted(pauses))
        assert len(pauses) > 1
