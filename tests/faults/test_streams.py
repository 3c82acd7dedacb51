"""Server streams under both applications: a client that leaves stops the handler, even one that
never waits between messages; under ASGI such a handler gives other requests a turn."""

from __future__ import annotations

import json
import socket

import pytest
from depot_ci.v1 import CIServiceClientSync, StreamJobAttemptLogsRequest

from .conftest import Served
from .wire import STREAM_LOGS, stream_body

pytestmark = pytest.mark.timeout(60)


def _open_stream(url: str, attempt_id: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    body = stream_body({"attemptId": attempt_id})
    connection = socket.create_connection((host, int(port)), timeout=10)
    connection.sendall(
        f"POST {STREAM_LOGS} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/connect+json\r\n"
        f"Connect-Protocol-Version: 1\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    return connection


@pytest.mark.parametrize("trial", range(3))
def test_client_leaving_stops_a_busy_stream_handler(served: Served, trial: int) -> None:
    connection = _open_stream(served.url, "busy")
    try:
        received = 0
        while received < 256 * 1024:
            chunk = connection.recv(65536)
            assert chunk, "the server ended the busy stream"
            received += len(chunk)
    finally:
        connection.close()
    assert served.record.stopped["busy"].wait(5), f"the handler still runs 5 s after its client left ({trial=})"


def test_asgi_stream_gives_other_requests_a_turn_between_messages(asgi: Served) -> None:
    # The handler schedules other work on the event loop, then yields 50 messages without awaiting.
    # Each message says whether that work has run yet: only if the stream yields the loop between
    # messages does it run before the stream ends.
    with CIServiceClientSync(asgi.url) as client:
        bodies = [
            response.line.body
            for response in client.stream_job_attempt_logs(StreamJobAttemptLogsRequest(attempt_id="turns"))
        ]
    assert len(bodies) == 50
    assert bodies[0] == "no turn"
    assert set(bodies[2:]) == {"turn"}, json.dumps(bodies)
