"""Resumable streams: `resume=True` reopens a cut stream from the newest cursor; nothing lost or repeated."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import pytest
from depot_ci.v1 import (
    CIServiceASGIApplication,
    CIServiceClient,
    CIServiceClientSync,
    Code,
    ConnectError,
    RetryPolicy,
    StreamJobAttemptLogsRequest,
)
from live_servers import serve_asgi
from pyqwest import Client
from pyqwest.testing import ASGITransport

from .support import FAST, Caller, ScriptedDepot

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


class _CutConnection:
    """ASGI middleware: ends the first log stream's HTTP body after `after` body chunks, with no end-of-stream
    message, the way a dropped connection looks to the client (the runtime reports `internal`)."""

    def __init__(self, app: Any, after: int) -> None:
        self._app = app
        self._after = after
        self.cut = False

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].endswith("/StreamJobAttemptLogs") or self.cut:
            await self._app(scope, receive, send)
            return
        self.cut = True
        chunks = 0

        async def cutting(message: Any) -> None:
            nonlocal chunks
            if message["type"] == "http.response.body" and message.get("body"):
                if chunks == self._after:
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                    raise _Cut
                chunks += 1
            await send(message)

        with contextlib.suppress(_Cut):
            await self._app(scope, receive, cutting)


class _Cut(Exception):
    pass


@pytest.mark.parametrize("kind", ["sync-http", "async-in-process"])
def test_a_connection_cut_mid_stream_is_resumed(kind: str) -> None:
    service = ScriptedDepot()
    app = _CutConnection(CIServiceASGIApplication(service), after=4)  # status, then lines 0-2
    received: list[Any] = []

    async def follow_async() -> None:
        async with ASGITransport(app) as transport:
            async with CIServiceClient("http://depot.test", http_client=Client(transport), retry=FAST) as client:
                async for response in client.stream_job_attempt_logs(REQUEST, resume=True):
                    received.append(response)

    if kind == "async-in-process":
        asyncio.run(follow_async())
    else:
        with serve_asgi(app) as url, CIServiceClientSync(url, retry=FAST) as client:
            received.extend(client.stream_job_attempt_logs(REQUEST, resume=True))
    assert app.cut
    assert _lines(received) == service.script.log_lines
    assert service.script.cursors == ["", "3"]
