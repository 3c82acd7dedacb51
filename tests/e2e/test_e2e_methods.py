"""Every method of the spec over real sockets: sync and async clients, JSON and binary protobuf, against
the generated ASGI application under uvicorn and the WSGI application under waitress.

The server is the example service (support.example_service): each method answers the examples of
its response component, and echoes the request, its Content-Type and the runtime's MethodInfo in
response headers, so each test checks both directions of the wire. The async client runs in a subprocess (see
async_calls.py); its outcomes are collected once per server and checked here call by call.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from connectrpc.client import ResponseMetadata
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import CIServiceClientSync, ci_pb2
from google.protobuf import json_format
from google.protobuf.message import Message

from .support import (
    AUTH,
    ECHO_CONTENT_TYPE,
    ECHO_METHOD,
    ECHO_REQUEST,
    ENCODINGS,
    ERROR_AFTER_HEADER,
    ERROR_HEADER,
    MIDSTREAM_AFTER,
    MIDSTREAM_ERROR,
    Encoding,
    Method,
    as_json,
    call_key,
    connect_envelopes,
    content_type,
    echoed_request,
    expected_answer,
    message_class,
    method_label,
    methods,
    post_connect_json,
    request_example,
    without,
)

METHODS = methods()
STREAMS = [method for method in METHODS if method.streaming]
WITH_REQUIRED_FIELDS = [method for method in METHODS if method.required]


def _request(method: Method) -> Message:
    return json_format.ParseDict(request_example(method), message_class(ci_pb2, method.request)())


def _call_sync(
    url: str, encoding: Encoding, method: Method, request: Message, headers: dict[str, str] | None = None
) -> tuple[list[Message], ResponseMetadata]:
    """Call `method` with the sync client; return the messages received and the response metadata."""
    with CIServiceClientSync(url, encoding=encoding, headers=AUTH) as client, ResponseMetadata() as meta:
        function = getattr(client, method.attribute)
        if method.streaming:
            return list(function(request, headers=headers)), meta
        return [function(request, headers=headers)], meta


def _parse_all(method: Method, messages: list[dict[str, Any]]) -> list[Message]:
    return [json_format.ParseDict(message, message_class(ci_pb2, method.response)()) for message in messages]


def test_the_spec_has_the_methods_the_service_defines() -> None:
    service = ci_pb2.DESCRIPTOR.services_by_name["CIService"]
    assert METHODS
    assert [method.name for method in METHODS] == [method.name for method in service.methods]
    assert {method.name for method in STREAMS} == {method.name for method in service.methods if method.server_streaming}


# ---- every method, both clients, both encodings -------------------------------------------------


@pytest.mark.parametrize("method", METHODS, ids=str)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_sync_client_calls_every_method(server: str, encoding: Encoding, method: Method) -> None:
    request = _request(method)
    received, meta = _call_sync(server, encoding, method, request)
    assert received == expected_answer(ci_pb2, method)
    assert meta.http_status == 200
    assert meta.headers[ECHO_CONTENT_TYPE] == content_type(encoding, method.streaming)
    assert meta.headers[ECHO_METHOD] == method_label(method)
    assert echoed_request(meta.headers, type(request)) == request


@pytest.mark.parametrize("method", METHODS, ids=str)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_async_client_calls_every_method(
    async_outcomes: dict[str, dict[str, Any]], encoding: Encoding, method: Method
) -> None:
    outcome = async_outcomes[call_key("example", encoding, method.name)]
    assert outcome["error"] is None
    assert _parse_all(method, outcome["messages"]) == expected_answer(ci_pb2, method)
    assert outcome["headers"][ECHO_CONTENT_TYPE] == content_type(encoding, method.streaming)
    assert outcome["headers"][ECHO_METHOD] == method_label(method)
    assert echoed_request(outcome["headers"], message_class(ci_pb2, method.request)) == _request(method)


# ---- streams ----------------------------------------------------------------------------------


@pytest.mark.parametrize("method", STREAMS, ids=str)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_streams_deliver_several_messages(server: str, encoding: Encoding, method: Method) -> None:
    received, _ = _call_sync(server, encoding, method, _request(method))
    assert len(received) >= 4
    # Every example of the response component is on the stream, in order.
    assert len({message.SerializeToString(deterministic=True) for message in received}) >= 2


@pytest.mark.parametrize("method", STREAMS, ids=str)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_sync_stream_error_arrives_after_the_messages_before_it(
    server: str, encoding: Encoding, method: Method
) -> None:
    headers = {ERROR_HEADER: MIDSTREAM_ERROR.value, ERROR_AFTER_HEADER: str(MIDSTREAM_AFTER)}
    received: list[Message] = []
    with CIServiceClientSync(server, encoding=encoding) as client, ResponseMetadata() as meta:
        with pytest.raises(ConnectError) as raised:
            received.extend(getattr(client, method.attribute)(_request(method), headers=headers))
    assert received == expected_answer(ci_pb2, method)[:MIDSTREAM_AFTER]
    assert raised.value.code == MIDSTREAM_ERROR
    assert raised.value.message == f"test error {MIDSTREAM_ERROR.value} after {MIDSTREAM_AFTER} messages"
    assert meta.http_status == 200


@pytest.mark.parametrize("method", STREAMS, ids=str)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_async_stream_error_arrives_after_the_messages_before_it(
    async_outcomes: dict[str, dict[str, Any]], encoding: Encoding, method: Method
) -> None:
    outcome = async_outcomes[call_key("midstream", encoding, method.name)]
    assert _parse_all(method, outcome["messages"]) == expected_answer(ci_pb2, method)[:MIDSTREAM_AFTER]
    assert outcome["error"] == {
        "code": MIDSTREAM_ERROR.value,
        "message": f"test error {MIDSTREAM_ERROR.value} after {MIDSTREAM_AFTER} messages",
    }


@pytest.mark.parametrize("method", STREAMS, ids=str)
def test_raw_stream_error_travels_in_the_end_of_stream_envelope(server: str, method: Method) -> None:
    headers = {ERROR_HEADER: MIDSTREAM_ERROR.value, ERROR_AFTER_HEADER: str(MIDSTREAM_AFTER)}
    response = post_connect_json(server, method, {}, headers)
    assert response.status == 200
    *messages, (flags, end) = connect_envelopes(response.body)
    assert [flag for flag, _ in messages] == [0] * MIDSTREAM_AFTER
    assert flags == 0x02
    assert json.loads(end)["error"]["code"] == MIDSTREAM_ERROR.value


# ---- raw Connect JSON, as the reference's curl examples --------------------------------------------


@pytest.mark.parametrize("method", METHODS, ids=str)
def test_raw_connect_json_gets_the_clients_answer(server: str, method: Method) -> None:
    response = post_connect_json(server, method, request_example(method))
    client_answer, _ = _call_sync(server, "json", method, _request(method))
    assert response.status == 200
    assert response.headers["content-type"] == content_type("json", method.streaming)
    if method.streaming:
        *messages, (flags, end) = connect_envelopes(response.body)
        assert [flag for flag, _ in messages] == [0] * len(messages)
        assert (flags, json.loads(end)) == (0x02, {})
        assert [json.loads(payload) for _, payload in messages] == [as_json(message) for message in client_answer]
    else:
        assert [response.json()] == [as_json(message) for message in client_answer]
    assert echoed_request(response.headers, message_class(ci_pb2, method.request)) == _request(method)
    assert response.headers[ECHO_METHOD] == method_label(method)


def test_raw_request_with_unknown_json_fields_is_served(server: str) -> None:
    # Forward compatibility: a newer client's fields are ignored, not refused.
    get_run = next(method for method in METHODS if method.name == "GetRun")
    response = post_connect_json(server, get_run, {**request_example(get_run), "fieldFromTheFuture": [1, {"a": 2}]})
    assert response.status == 200
    assert echoed_request(response.headers, ci_pb2.GetRunRequest) == _request(get_run)


# ---- required fields --------------------------------------------------------------------------


@pytest.mark.parametrize("method", WITH_REQUIRED_FIELDS, ids=str)
def test_raw_request_missing_required_fields_is_invalid_argument(server: str, method: Method) -> None:
    response = post_connect_json(server, method, without(request_example(method), method.required))
    assert response.status == 400
    error = response.json()
    assert error["code"] == "invalid_argument"
    assert error["message"] == "; ".join(f"{name} is required" for name in method.required)
    assert ECHO_REQUEST not in response.headers, "the handler ran on an invalid request"


@pytest.mark.parametrize("method", WITH_REQUIRED_FIELDS, ids=str)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_sync_client_sees_missing_required_fields(server: str, encoding: Encoding, method: Method) -> None:
    request = json_format.ParseDict(
        without(request_example(method), method.required), message_class(ci_pb2, method.request)()
    )
    with pytest.raises(ConnectError) as raised:
        _call_sync(server, encoding, method, request)
    assert raised.value.code == Code.INVALID_ARGUMENT
    for name in method.required:
        assert f"{name} is required" in raised.value.message


@pytest.mark.parametrize("method", WITH_REQUIRED_FIELDS, ids=str)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_async_client_sees_missing_required_fields(
    async_outcomes: dict[str, dict[str, Any]], encoding: Encoding, method: Method
) -> None:
    outcome = async_outcomes[call_key("invalid", encoding, method.name)]
    assert outcome["messages"] == []
    assert outcome["error"] == {
        "code": "invalid_argument",
        "message": "; ".join(f"{name} is required" for name in method.required),
    }


def test_get_run_without_run_id_names_run_id(server: str) -> None:
    get_run = next(method for method in METHODS if method.name == "GetRun")
    response = post_connect_json(server, get_run, {})
    assert (response.status, response.json()) == (400, {"code": "invalid_argument", "message": "runId is required"})
