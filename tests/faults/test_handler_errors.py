"""A handler's plain exception: `internal` with a generic message, the detail in the server's log,
and the keep-alive connection still usable. A `ConnectError` raised on purpose passes unchanged."""

from __future__ import annotations

import logging
import re

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import CIServiceClientSync, GetRunStatusRequest, StreamJobAttemptLogsRequest

from .conftest import Served
from .services import SECRET
from .wire import GET_RUN_STATUS, STREAM_LOGS, connect, end_of_stream, messages, send

pytestmark = pytest.mark.timeout(60)

_REQUEST_ID = re.compile(r"request id ([0-9a-f]{16})")


def _logged(records: list[logging.LogRecord], request_id: str) -> logging.LogRecord:
    found = [record for record in records if getattr(record, "request_id", None) == request_id]
    assert len(found) == 1, [record.getMessage() for record in records]
    return found[0]


def _check_log(record: logging.LogRecord, method: str) -> None:
    assert record.levelno == logging.ERROR
    assert getattr(record, "rpc_method", None) == f"depot.ci.v1.CIService/{method}"
    assert method in record.getMessage()
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], RuntimeError)
    assert SECRET in str(record.exc_info[1])
    assert record.exc_info[2] is not None, "the traceback is logged"


def test_plain_exception_answers_internal_and_logs_the_detail(
    served: Served, server_log: list[logging.LogRecord]
) -> None:
    with CIServiceClientSync(served.url) as client, pytest.raises(ConnectError) as caught:
        client.get_run_status(GetRunStatusRequest(run_id="boom"))
    assert caught.value.code == Code.INTERNAL
    assert SECRET not in caught.value.message
    assert "RuntimeError" not in caught.value.message
    request_id = _REQUEST_ID.search(caught.value.message)
    assert request_id, caught.value.message
    _check_log(_logged(server_log, request_id[1]), "GetRunStatus")


def test_plain_exception_over_raw_http_is_a_500_without_the_detail(served: Served) -> None:
    connection = connect(served.url)
    try:
        answer = send(connection, GET_RUN_STATUS, {"runId": "boom"})
    finally:
        connection.close()
    assert answer.status == 500
    assert answer.json()["code"] == "internal"
    assert SECRET.encode() not in answer.body


def test_plain_exception_mid_stream_ends_the_stream_internal(
    served: Served, server_log: list[logging.LogRecord]
) -> None:
    received = []
    with CIServiceClientSync(served.url) as client, pytest.raises(ConnectError) as caught:
        for response in client.stream_job_attempt_logs(StreamJobAttemptLogsRequest(attempt_id="boom")):
            received.append(response.line.line_number)
    assert received == [0, 1]
    assert caught.value.code == Code.INTERNAL
    assert SECRET not in caught.value.message
    request_id = _REQUEST_ID.search(caught.value.message)
    assert request_id, caught.value.message
    _check_log(_logged(server_log, request_id[1]), "StreamJobAttemptLogs")


def test_connect_error_from_a_handler_passes_unchanged(served: Served, server_log: list[logging.LogRecord]) -> None:
    with CIServiceClientSync(served.url) as client, pytest.raises(ConnectError) as caught:
        client.get_run_status(GetRunStatusRequest(run_id="refused"))
    assert caught.value.code == Code.NOT_FOUND
    assert caught.value.message == "run refused was not found"
    assert server_log == []


@pytest.mark.parametrize("failing", ["unary", "stream"])
def test_keep_alive_connection_stays_usable_after_a_handler_exception(
    served: Served, failing: str, server_log: list[logging.LogRecord]
) -> None:
    # uvicorn answers the next request on the same connection only if the application returned
    # normally: connectrpc re-raises a plain exception after writing its error response, and
    # uvicorn then closes the connection without `Connection: close`. (waitress announces a
    # close after a chunked stream; the client then opens a new connection, which is fine.)
    connection = connect(served.url)
    try:
        for attempt in range(3):
            if failing == "unary":
                failed = send(connection, GET_RUN_STATUS, {"runId": "boom"})
                assert failed.status == 500, attempt
            else:
                failed = send(connection, STREAM_LOGS, {"attemptId": "boom"})
                assert len(messages(failed.body)) == 2
                assert end_of_stream(failed.body)["error"]["code"] == "internal"
            announced_close = "close" in failed.headers.get("connection", "").lower()
            socket_before = connection.sock
            good = send(connection, GET_RUN_STATUS, {"runId": "fine"})
            assert good.status == 200, attempt
            if not announced_close:
                assert connection.sock is socket_before, "the request went over the same connection"
        assert len(server_log) == 3
    finally:
        connection.close()
