"""Errors over real sockets: every Connect code's HTTP status, the reference's error table, and requests the
runtime must refuse with a Connect error (never a 500 with a traceback).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from connectrpc.client import ConnectClientSync, ResponseMetadata
from connectrpc.code import Code
from connectrpc.compat import google_protobuf_binary_codec
from connectrpc.errors import ConnectError
from connectrpc.method import IdempotencyLevel, MethodInfo, StreamType
from depot_ci.v1 import CIServiceClientSync, ci_pb2

from .support import (
    AUTH,
    ECHO_REQUEST,
    ENCODINGS,
    ERROR_HEADER,
    Encoding,
    Method,
    RawResponse,
    call_key,
    connect_envelopes,
    load_spec,
    methods,
    post,
    post_connect_json,
    request_example,
)

GET_RUN = next(method for method in methods() if method.name == "GetRun")
LIST_RUNS = next(method for method in methods() if method.name == "ListRuns")
STREAM = next(method for method in methods() if method.streaming)

# The Connect protocol's HTTP status of each code (https://connectrpc.com/docs/protocol/#error-codes).
CONNECT_HTTP_STATUS: dict[Code, int] = {
    Code.CANCELED: 499,
    Code.UNKNOWN: 500,
    Code.INVALID_ARGUMENT: 400,
    Code.DEADLINE_EXCEEDED: 504,
    Code.NOT_FOUND: 404,
    Code.ALREADY_EXISTS: 409,
    Code.PERMISSION_DENIED: 403,
    Code.RESOURCE_EXHAUSTED: 429,
    Code.FAILED_PRECONDITION: 400,
    Code.ABORTED: 409,
    Code.OUT_OF_RANGE: 400,
    Code.UNIMPLEMENTED: 501,
    Code.INTERNAL: 500,
    Code.UNAVAILABLE: 503,
    Code.DATA_LOSS: 500,
    Code.UNAUTHENTICATED: 401,
}

# The reference's error table (spec component `connect.error`, its description): code -> (gRPC code, HTTP status).
REFERENCE_TABLE: dict[Code, tuple[int, int]] = {
    Code.UNAUTHENTICATED: (16, 401),
    Code.PERMISSION_DENIED: (7, 403),
    Code.INVALID_ARGUMENT: (3, 400),
    Code.NOT_FOUND: (5, 404),
    Code.FAILED_PRECONDITION: (9, 412),
    Code.RESOURCE_EXHAUSTED: (8, 429),
    Code.UNAVAILABLE: (14, 503),
    Code.INTERNAL: (13, 500),
}

_TABLE_ROW = re.compile(r"^\| `(?P<code>[a-z_]+)` \| (?P<grpc>\d+) \| (?P<http>\d+) \|", re.MULTILINE)


def _assert_connect_error(response: RawResponse, status: int, code: Code) -> dict[str, Any]:
    """`response` is a unary Connect error of `status` and `code`; return its body."""
    assert b"Traceback" not in response.body
    assert response.status == status, response.body
    assert response.headers["content-type"] == "application/json"
    error: dict[str, Any] = response.json()
    assert error["code"] == code.value
    return error


# ---- every code --------------------------------------------------------------------------------


def test_the_protocol_table_covers_every_code() -> None:
    assert set(CONNECT_HTTP_STATUS) == set(Code)
    assert len(CONNECT_HTTP_STATUS) == 16


@pytest.mark.parametrize("code", list(Code), ids=lambda code: code.value)
def test_raw_handler_error_gives_the_protocols_http_status(server: str, code: Code) -> None:
    response = post_connect_json(server, GET_RUN, request_example(GET_RUN), {ERROR_HEADER: code.value})
    error = _assert_connect_error(response, CONNECT_HTTP_STATUS[code], code)
    assert error["message"] == f"test error {code.value} after 0 messages"


@pytest.mark.parametrize("code", list(Code), ids=lambda code: code.value)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_sync_client_receives_the_handlers_code(server: str, encoding: Encoding, code: Code) -> None:
    with CIServiceClientSync(server, encoding=encoding, headers=AUTH) as client, ResponseMetadata() as meta:
        with pytest.raises(ConnectError) as raised:
            client.get_run(ci_pb2.GetRunRequest(run_id="run_123"), headers={ERROR_HEADER: code.value})
    assert (raised.value.code, raised.value.message) == (code, f"test error {code.value} after 0 messages")
    assert meta.http_status == CONNECT_HTTP_STATUS[code]


@pytest.mark.parametrize("code", list(Code), ids=lambda code: code.value)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_async_client_receives_the_handlers_code(
    async_outcomes: dict[str, dict[str, Any]], encoding: Encoding, code: Code
) -> None:
    outcome = async_outcomes[call_key("error", encoding, code.value)]
    assert outcome["messages"] == []
    assert outcome["error"] == {"code": code.value, "message": f"test error {code.value} after 0 messages"}


@pytest.mark.parametrize("code", [Code.NOT_FOUND, Code.FAILED_PRECONDITION, Code.INTERNAL], ids=lambda c: c.value)
def test_stream_error_before_any_message_is_http_200_with_an_end_of_stream_error(server: str, code: Code) -> None:
    response = post_connect_json(server, STREAM, {}, {ERROR_HEADER: code.value})
    assert response.status == 200
    assert response.headers["content-type"] == "application/connect+json"
    [(flags, end)] = connect_envelopes(response.body)
    assert flags == 0x02
    assert json.loads(end)["error"]["code"] == code.value


# ---- the reference's table ----------------------------------------------------------------------


def test_reference_table_is_the_one_in_the_spec() -> None:
    description = load_spec()["components"]["schemas"]["connect.error"]["description"]
    rows = {Code(row["code"]): (int(row["grpc"]), int(row["http"])) for row in _TABLE_ROW.finditer(description)}
    assert rows == REFERENCE_TABLE


@pytest.mark.parametrize("code", list(REFERENCE_TABLE), ids=lambda code: code.value)
def test_server_status_matches_the_reference_table(server: str, code: Code) -> None:
    response = post_connect_json(server, GET_RUN, request_example(GET_RUN), {ERROR_HEADER: code.value})
    _, reference_status = REFERENCE_TABLE[code]
    if code is Code.FAILED_PRECONDITION:
        # Known discrepancy, reported: the reference's table says 412 for failed_precondition, but the
        # Connect protocol maps it to 400 and connectrpc 0.13 follows the protocol. The client reads the
        # code from the body, so it still sees failed_precondition (checked above).
        assert reference_status == 412
        _assert_connect_error(response, 400, code)
    else:
        _assert_connect_error(response, reference_status, code)


# ---- requests the runtime refuses -----------------------------------------------------------------

_CONNECT_JSON = {"Content-Type": "application/json", "Connect-Protocol-Version": "1", **AUTH}
_CONNECT_PROTO = {**_CONNECT_JSON, "Content-Type": "application/proto"}


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        pytest.param(b'{"runId": "run_123"', _CONNECT_JSON, id="truncated-json"),
        pytest.param(b"not json at all", _CONNECT_JSON, id="not-json"),
        pytest.param(b"", _CONNECT_JSON, id="empty-json-body"),
        pytest.param(b'{"runId": 42}', _CONNECT_JSON, id="wrong-json-type"),
        pytest.param(b"42", _CONNECT_JSON, id="json-number"),
        pytest.param(b"null", _CONNECT_JSON, id="json-null"),
        pytest.param(b"\xff\xff\xff\xff", _CONNECT_PROTO, id="corrupt-proto"),
    ],
)
def test_malformed_body_is_invalid_argument(server: str, body: bytes, headers: dict[str, str]) -> None:
    response = post(server, GET_RUN.path, body, headers)
    error = _assert_connect_error(response, 400, Code.INVALID_ARGUMENT)
    assert error["message"]
    assert ECHO_REQUEST not in response.headers


@pytest.mark.parametrize("body", [b"[]", b'["x"]', b'"x"', b"1"], ids=["empty-array", "array", "string", "number"])
@pytest.mark.parametrize("method", [GET_RUN, LIST_RUNS], ids=["with-required-fields", "without"])
def test_non_object_json_body_is_invalid_argument(server: str, body: bytes, method: Method) -> None:
    # google.protobuf's json_format (with ignore_unknown_fields=True, as connectrpc's own JSON codec
    # uses it) reads a top-level array or string as an empty message; the generated JSON codec
    # refuses anything but a JSON object, for methods with and without required fields alike.
    response = post(server, method.path, body, _CONNECT_JSON)
    assert response.status == 400
    answer = response.json()
    assert answer["code"] == "invalid_argument"
    assert "must be a JSON object" in answer["message"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml", "application/x-www-form-urlencoded"])
def test_unsupported_content_type_is_415(server: str, content_type: str) -> None:
    # The Connect protocol answers an unsupported codec with HTTP 415 and the media types it accepts.
    response = post(server, GET_RUN.path, b'{"runId": "run_123"}', {**_CONNECT_JSON, "Content-Type": content_type})
    assert response.status == 415
    assert b"Traceback" not in response.body
    assert {item.strip() for item in response.headers["accept-post"].split(",")} == {
        "application/json",
        "application/proto",
    }


@pytest.mark.parametrize(
    "path",
    ["/depot.ci.v1.CIService/NoSuchMethod", "/depot.ci.v1.OtherService/GetRun", "/depot.ci.v1.CIService/getRun"],
)
def test_unknown_method_is_404(server: str, path: str) -> None:
    response = post(server, path, b"{}", _CONNECT_JSON)
    assert response.status == 404
    assert b"Traceback" not in response.body


def test_unknown_method_is_unimplemented_for_a_connect_client(server: str) -> None:
    # A Connect client maps HTTP 404 without a Connect error body to `unimplemented`.
    method = MethodInfo(
        name="NoSuchMethod",
        service_name="depot.ci.v1.CIService",
        input=ci_pb2.GetRunRequest,
        output=ci_pb2.GetRunResponse,
        idempotency_level=IdempotencyLevel.UNKNOWN,
        stream_type=StreamType.UNARY,
    )
    with ConnectClientSync(server, codec=google_protobuf_binary_codec()) as client:
        with pytest.raises(ConnectError) as raised:
            client.execute_unary(request=ci_pb2.GetRunRequest(run_id="run_123"), method=method)
    assert raised.value.code == Code.UNIMPLEMENTED


_OVER_DEFAULT_LIMIT = 4 * 1024 * 1024 + 1024


def test_oversized_raw_body_is_resource_exhausted(server: str) -> None:
    body = json.dumps({"runId": "r" * _OVER_DEFAULT_LIMIT}).encode()
    response = post(server, GET_RUN.path, body, _CONNECT_JSON)
    error = _assert_connect_error(response, 429, Code.RESOURCE_EXHAUSTED)
    assert "larger than" in error["message"]
    assert ECHO_REQUEST not in response.headers


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_oversized_compressed_request_is_resource_exhausted(server: str, encoding: Encoding) -> None:
    # Gzip makes the body tiny on the wire; the limit applies to the decompressed message.
    request = ci_pb2.RunRequest(repo="depot/cli", workflow_content=["x" * _OVER_DEFAULT_LIMIT])
    with CIServiceClientSync(server, encoding=encoding, headers=AUTH) as client, ResponseMetadata() as meta:
        with pytest.raises(ConnectError) as raised:
            client.run(request)
    assert raised.value.code == Code.RESOURCE_EXHAUSTED
    assert meta.http_status == 429
