"""Interop with stubs from the official generator (protoc-gen-connectrpc 0.13, `protobuf=google`).

The official clients call our generated applications, and our generated clients call applications
built on the official stubs, over real sockets, in JSON and binary protobuf, for unary and
server-streaming methods; sync clients in process, async clients in a subprocess (see
e2e/async_calls.py). Both servers run the same example service (e2e/support.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import depot_ci.v1 as depot_ci_v1
import pytest
from connectrpc.client import ResponseMetadata
from connectrpc.code import Code
from connectrpc.compat import google_protobuf_binary_codec, google_protobuf_json_codec
from connectrpc.errors import ConnectError
from depot_ci.v1 import CIServiceClientSync, ci_pb2
from e2e.support import (
    AUTH,
    ECHO_CONTENT_TYPE,
    ECHO_METHOD,
    ENCODINGS,
    ERROR_AFTER_HEADER,
    ERROR_HEADER,
    SERVERS,
    Encoding,
    Method,
    call_key,
    content_type,
    echoed_request,
    expected_answer,
    message_class,
    method_label,
    methods,
    request_example,
)
from google.protobuf import json_format
from google.protobuf.message import Message

from .support import interop_methods

INTEROP = interop_methods()
STREAMS = [method for method in INTEROP if method.streaming]


def _request(method: Method) -> Message:
    return json_format.ParseDict(request_example(method), message_class(ci_pb2, method.request)())


@pytest.fixture
def official_client(official: ModuleType) -> Iterator[Any]:
    """A factory of the official sync client: `official_client(url, encoding)`; closes what it made."""
    made: list[Any] = []

    def make(url: str, encoding: Encoding) -> Any:
        codec = google_protobuf_json_codec() if encoding == "json" else google_protobuf_binary_codec()
        client = official.CIServiceClientSync(url, codec=codec)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def _call(client: Any, method: Method, request: Message, headers: dict[str, str]) -> list[Message]:
    function = getattr(client, method.attribute)
    return list(function(request, headers=headers)) if method.streaming else [function(request, headers=headers)]


def _rpc_names(cls: type) -> set[str]:
    # Our clients' conveniences (constructors, `iter_<method>` pagers) are not RPCs.
    conveniences = {"close", "path", "from_env", "in_process"}
    return {
        name for name in vars(cls) if not name.startswith(("_", "iter_")) and name not in conveniences
    }


def test_the_official_stubs_have_our_shape(official: ModuleType, official_pb2: ModuleType) -> None:
    # Both _pb2 modules come from proto/ through the same protoc: one descriptor, shared by both.
    assert official_pb2.DESCRIPTOR.serialized_pb == ci_pb2.DESCRIPTOR.serialized_pb
    # The same Python names for the same RPCs, on clients and server protocols alike.
    names = {method.attribute for method in methods()}
    for name in ("CIService", "CIServiceSync", "CIServiceClient", "CIServiceClientSync"):
        assert _rpc_names(getattr(official, name)) == names, name
        assert _rpc_names(getattr(depot_ci_v1, name)) == names, name


# ---- sync clients -----------------------------------------------------------------------------


@pytest.mark.parametrize("method", INTEROP, ids=str)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_official_sync_client_calls_our_server(
    official_client: Any, our_server: str, encoding: Encoding, method: Method
) -> None:
    request = _request(method)
    with ResponseMetadata() as meta:
        received = _call(official_client(our_server, encoding), method, request, AUTH)
    assert received == expected_answer(ci_pb2, method)
    assert meta.headers[ECHO_CONTENT_TYPE] == content_type(encoding, method.streaming)
    assert meta.headers[ECHO_METHOD] == method_label(method)
    assert echoed_request(meta.headers, type(request)) == request


@pytest.mark.parametrize("method", INTEROP, ids=str)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_our_sync_client_calls_the_official_server(official_server: str, encoding: Encoding, method: Method) -> None:
    request = _request(method)
    with CIServiceClientSync(official_server, encoding=encoding, headers=AUTH) as client, ResponseMetadata() as meta:
        received = _call(client, method, request, {})
    assert received == expected_answer(ci_pb2, method)
    assert meta.headers[ECHO_CONTENT_TYPE] == content_type(encoding, method.streaming)
    assert meta.headers[ECHO_METHOD] == method_label(method)
    assert echoed_request(meta.headers, type(request)) == request


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_official_client_reads_our_validation_error(official_client: Any, our_server: str, encoding: Encoding) -> None:
    with pytest.raises(ConnectError) as raised:
        official_client(our_server, encoding).get_run(ci_pb2.GetRunRequest())
    assert (raised.value.code, raised.value.message) == (Code.INVALID_ARGUMENT, "runId is required")


@pytest.mark.parametrize("method", STREAMS, ids=str)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_stream_errors_cross_in_both_directions(
    official_client: Any, our_server: str, official_server: str, encoding: Encoding, method: Method
) -> None:
    headers = {ERROR_HEADER: Code.ABORTED.value, ERROR_AFTER_HEADER: "1"}
    with CIServiceClientSync(official_server, encoding=encoding) as ours:
        for client in (official_client(our_server, encoding), ours):
            received: list[Message] = []
            with pytest.raises(ConnectError) as raised:
                received.extend(getattr(client, method.attribute)(_request(method), headers=headers))
            assert received == expected_answer(ci_pb2, method)[:1]
            assert raised.value.code == Code.ABORTED


# ---- async clients (in a subprocess) ------------------------------------------------------------


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.parametrize("method", INTEROP, ids=str)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_async_clients_interoperate(
    async_direction: dict[str, dict[str, dict[str, Any]]], server: str, encoding: Encoding, method: Method
) -> None:
    outcome = async_direction[server][call_key("example", encoding, method.name)]
    assert outcome["error"] is None
    received = [json_format.ParseDict(m, message_class(ci_pb2, method.response)()) for m in outcome["messages"]]
    assert received == expected_answer(ci_pb2, method)
    assert outcome["headers"][ECHO_CONTENT_TYPE] == content_type(encoding, method.streaming)
    assert outcome["headers"][ECHO_METHOD] == method_label(method)
    assert echoed_request(outcome["headers"], message_class(ci_pb2, method.request)) == _request(method)


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_async_clients_read_errors_across(
    async_direction: dict[str, dict[str, dict[str, Any]]], server: str, encoding: Encoding
) -> None:
    outcome = async_direction[server][call_key("error", encoding, "GetRun")]
    assert outcome["error"] == {"code": "not_found", "message": "test error not_found after 0 messages"}
