"""`Connect-Timeout-Ms` under both applications: the call ends `deadline_exceeded` at the deadline,
the handler sees the deadline and is cancelled (async) or told (sync), `0` answers at once, invalid
values are `invalid_argument`, and timed-out calls do not hold the WSGI server's worker threads."""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from .conftest import Served
from .wire import GET_RUN_STATUS, STREAM_LOGS, Answer, connect, end_of_stream, messages, send

pytestmark = pytest.mark.timeout(60)

# The `wait` handlers wait 10 s unless cancelled: an answer well before that came from the deadline.
_WELL_BEFORE_THE_HANDLER_S = 5.0


def _call(served: Served, path: str, payload: dict[str, str], timeout: str | None) -> Answer:
    connection = connect(served.url, timeout_s=20)
    try:
        return send(connection, path, payload, {"Connect-Timeout-Ms": timeout} if timeout is not None else {})
    finally:
        connection.close()


def test_deadline_ends_a_unary_call_and_stops_its_handler(served: Served) -> None:
    started = time.monotonic()
    answer = _call(served, GET_RUN_STATUS, {"runId": "wait"}, "200")
    assert time.monotonic() - started < _WELL_BEFORE_THE_HANDLER_S
    assert answer.status == 504
    assert answer.json()["code"] == "deadline_exceeded"
    assert served.record.stopped["wait"].wait(_WELL_BEFORE_THE_HANDLER_S), "the handler kept waiting"
    assert served.record.told["wait"] is True, "call_cancelled(ctx) was not set"


def test_zero_deadline_answers_at_once_without_running_the_handler(served: Served) -> None:
    answer = _call(served, GET_RUN_STATUS, {"runId": "zero"}, "0")
    assert answer.status == 504
    assert answer.json()["code"] == "deadline_exceeded"
    assert "zero" not in served.record.started


@pytest.mark.parametrize("value", ["abc", "-5", "1.5", "12345678901"])
def test_invalid_deadline_is_invalid_argument(served: Served, value: str) -> None:
    answer = _call(served, GET_RUN_STATUS, {"runId": "fine"}, value)
    assert answer.status == 400
    assert answer.json()["code"] == "invalid_argument"
    assert "fine" not in served.record.started


def test_handler_sees_the_time_left(served: Served) -> None:
    answer = _call(served, GET_RUN_STATUS, {"runId": "fine"}, "5000")
    assert answer.status == 200
    assert 0 < float(answer.headers["x-timeout-ms"]) <= 5000
    assert _call(served, GET_RUN_STATUS, {"runId": "fine"}, None).headers["x-timeout-ms"] == "None"


def test_deadline_ends_a_stream_and_stops_its_handler(served: Served) -> None:
    started = time.monotonic()
    answer = _call(served, STREAM_LOGS, {"attemptId": "slow"}, "300")
    assert time.monotonic() - started < _WELL_BEFORE_THE_HANDLER_S  # the whole stream takes 5 s
    assert answer.status == 200
    assert 0 < len(messages(answer.body)) < 100
    assert end_of_stream(answer.body)["error"]["code"] == "deadline_exceeded"
    assert served.record.stopped["slow"].wait(_WELL_BEFORE_THE_HANDLER_S)
    if served.kind == "wsgi":
        assert served.record.told.get("slow") is True, "call_cancelled(ctx) was not set"


def test_timed_out_calls_do_not_hold_the_worker_threads(wsgi: Served, server_log: list[logging.LogRecord]) -> None:
    # waitress runs 4 worker threads here; 8 handlers that ignore their cancellation stay blocked
    # until the test releases them. A call after theirs must still be answered.
    wsgi.record.reset()
    wsgi.record.release.clear()
    try:
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda _: _call(wsgi, GET_RUN_STATUS, {"runId": "stuck"}, "200"), range(8)))
        assert [answer.status for answer in answers] == [504] * 8
        assert wsgi.record.started["stuck"] == 8, "every call reached its handler"
        answer = _call(wsgi, GET_RUN_STATUS, {"runId": "fine"}, "3000")
        assert answer.status == 200
        assert not wsgi.record.release.is_set(), "answered while the stuck handlers still held their threads"
    finally:
        wsgi.record.release.set()
    assert server_log == []
