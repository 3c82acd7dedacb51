"""Helpers of the end-to-end tests: the spec's methods and examples, a test implementation built from them,
real servers on 127.0.0.1, raw Connect HTTP requests, and the async client run in a subprocess.

Everything here is generic over the spec: methods come from its paths, messages from its component
examples, and the Python names of methods from the service protocol the implementation subclasses.
The interop tests reuse the implementation and the servers with the official generator's stubs.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import re
import struct
import subprocess
import sys
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, partial
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, TypeVar

from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.request import RequestContext
from google.protobuf import json_format, message_factory
from google.protobuf.message import Message
from live_servers import serve_asgi, serve_wsgi

__all__ = [
    "ASYNC_CALLS_SCRIPT",
    "AUTH",
    "ECHO_CONTENT_TYPE",
    "ECHO_METHOD",
    "ECHO_REQUEST",
    "ENCODINGS",
    "ERROR_AFTER_HEADER",
    "ERROR_HEADER",
    "MIDSTREAM_AFTER",
    "MIDSTREAM_ERROR",
    "ROOT",
    "SCHEMA_REF",
    "SERVERS",
    "SPEC_PATH",
    "STREAM_MEDIA_TYPE",
    "STREAM_REPEATS",
    "AsyncCall",
    "Encoding",
    "Method",
    "RawResponse",
    "as_json",
    "call_key",
    "connect_envelopes",
    "content_type",
    "echoed_request",
    "envelope",
    "example_message",
    "example_service",
    "expected_answer",
    "load_spec",
    "message_class",
    "method_label",
    "methods",
    "planned_async_calls",
    "post",
    "post_connect_json",
    "request_example",
    "run_async_calls",
    "serve_asgi",
    "serve_wsgi",
    "snake_case",
    "stream_messages",
    "without",
]

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "spec" / "depot-ci.openapi.json"
ASYNC_CALLS_SCRIPT = Path(__file__).resolve().parent / "async_calls.py"
SCHEMA_REF = "#/components/schemas/"
STREAM_MEDIA_TYPE = "application/connect+json"

AUTH = {"Authorization": "Bearer x"}
ERROR_HEADER = "x-test-error"
"""Request header: the handler raises `ConnectError(<its value>, ...)`."""
ERROR_AFTER_HEADER = "x-test-error-after"
"""Request header: a stream raises the error of `ERROR_HEADER` after this many messages (default 0)."""
ECHO_CONTENT_TYPE = "x-test-content-type"
"""Response header: the Content-Type of the request the handler received."""
ECHO_REQUEST = "x-test-request"
"""Response header: the request the handler received, binary protobuf in base64."""
ECHO_METHOD = "x-test-method"
"""Response header: the handler's `ctx.method` as `<service>.<name> <stream type>` (see `method_label`)."""
STREAM_REPEATS = 3
"""A stream answers every example of its response component this many times."""


# ---- the spec ---------------------------------------------------------------------------------


@cache
def load_spec() -> dict[str, Any]:
    """The OpenAPI document (parsed once; treat it as read-only)."""
    document: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return document


@dataclass(frozen=True)
class Method:
    """One RPC of the spec: `POST <path>` with a request and a response component."""

    name: str
    path: str
    request: str
    response: str
    streaming: bool
    required: tuple[str, ...] = field(default=())

    @property
    def attribute(self) -> str:
        """The Python name of the method on clients and servers."""
        return snake_case(self.name)

    def __str__(self) -> str:
        return self.name


def _component(reference: str) -> str:
    return reference.removeprefix(SCHEMA_REF)


def methods(spec: Mapping[str, Any] | None = None) -> list[Method]:
    """The spec's RPCs in document order."""
    spec = spec or load_spec()
    found = []
    for path, item in spec["paths"].items():
        operation = item["post"]
        request_content = operation["requestBody"]["content"]
        response_content = operation["responses"]["200"]["content"]
        request = _component(next(iter(request_content.values()))["schema"]["$ref"])
        response = _component(next(iter(response_content.values()))["schema"]["$ref"])
        found.append(
            Method(
                name=path.rsplit("/", 1)[1],
                path=path,
                request=request,
                response=response,
                streaming=STREAM_MEDIA_TYPE in response_content,
                required=tuple(spec["components"]["schemas"][request].get("required", ())),
            )
        )
    return found


_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z]|$)|[A-Z]?[a-z0-9]+")


def snake_case(name: str) -> str:
    """`GetArtifactDownloadURL` -> `get_artifact_download_url` (acronyms are one word)."""
    return "_".join(word.lower() for word in _WORDS.findall(name))


def message_class(pb2: ModuleType, component: str) -> type[Message]:
    """The message class of component `depot.ci.v1.X` (a full protobuf name) in `pb2`'s pool."""
    descriptor = pb2.DESCRIPTOR.pool.FindMessageTypeByName(component)
    return message_factory.GetMessageClass(descriptor)


def example_message(pb2: ModuleType, component: str, index: int = 0) -> Message:
    """Example `index` of `component`, parsed with `json_format`."""
    example = load_spec()["components"]["schemas"][component]["examples"][index]
    return json_format.ParseDict(example, message_class(pb2, component)())


def stream_messages(pb2: ModuleType, component: str) -> list[Message]:
    """What a stream of `component` answers: every example, `STREAM_REPEATS` times."""
    count = len(load_spec()["components"]["schemas"][component]["examples"])
    return [example_message(pb2, component, index) for _ in range(STREAM_REPEATS) for index in range(count)]


def as_json(message: Message) -> dict[str, Any]:
    """The canonical protobuf JSON of `message` (what the tests compare)."""
    return json_format.MessageToDict(message)


def echoed_request(headers: Mapping[str, str], request_class: type[Message]) -> Message:
    """The request a handler received, from its `ECHO_REQUEST` response header."""
    return request_class.FromString(base64.b64decode(headers[ECHO_REQUEST]))


# ---- the test implementation ------------------------------------------------------------------


def _observe(request: Message, ctx: RequestContext[Any, Any]) -> tuple[ConnectError | None, int]:
    """Echo what arrived in response headers; return the error asked for and after how many messages."""
    ctx.response_headers[ECHO_CONTENT_TYPE] = ctx.request_headers.get("content-type", "")
    ctx.response_headers[ECHO_METHOD] = f"{ctx.method.service_name}.{ctx.method.name} {ctx.method.stream_type.name}"
    ctx.response_headers[ECHO_REQUEST] = base64.b64encode(request.SerializeToString(deterministic=True)).decode()
    code = ctx.request_headers.get(ERROR_HEADER)
    if code is None:
        return None, 0
    after = int(ctx.request_headers.get(ERROR_AFTER_HEADER, "0"))
    return ConnectError(Code(code), f"test error {code} after {after} messages"), after


_T = TypeVar("_T")


def _built(build: Callable[[], _T]) -> _T:
    """`build()`, failing as a Connect error: a plain exception would make the server log a traceback
    from its thread (see `_OneLineTracebacks`)."""
    try:
        return build()
    except Exception as error:
        raise ConnectError(Code.INTERNAL, f"the example service cannot build its answer: {error}") from None


def _unary_handler(response: Callable[[], Message], sync: bool) -> Callable[..., Any]:
    def answer(request: Message, ctx: RequestContext[Any, Any]) -> Message:
        error, _ = _observe(request, ctx)
        if error is not None:
            raise error
        return _built(response)

    if sync:

        def handle_sync(self: object, request: Message, ctx: RequestContext[Any, Any], /) -> Message:
            return answer(request, ctx)

        return handle_sync

    async def handle(self: object, request: Message, ctx: RequestContext[Any, Any], /) -> Message:
        return answer(request, ctx)

    return handle


def _stream_handler(responses: Callable[[], list[Message]], sync: bool) -> Callable[..., Any]:
    def answer(error: ConnectError | None, after: int) -> Iterator[Message]:
        for index, response in enumerate(_built(responses)):
            if error is not None and index == after:
                raise error
            yield response
        if error is not None:
            raise error

    # The handlers observe the request before the runtime starts iterating, like a real one would.
    if sync:

        def handle_sync(self: object, request: Message, ctx: RequestContext[Any, Any], /) -> Iterator[Message]:
            return answer(*_observe(request, ctx))

        return handle_sync

    async def stream(messages: Iterator[Message]) -> AsyncIterator[Message]:
        for message in messages:
            yield message

    def handle(self: object, request: Message, ctx: RequestContext[Any, Any], /) -> AsyncIterator[Message]:
        return stream(answer(*_observe(request, ctx)))

    return handle


def example_service(protocol: type, pb2: ModuleType, *, sync: bool) -> Any:
    """An implementation of the server `protocol` answering every method with the spec's examples.

    A unary method answers the first example of its response component; a stream answers every
    example of its component `STREAM_REPEATS` times. Every handler echoes the request's content
    type and the request itself in response headers, and raises the error a request header asks
    for (see `ERROR_HEADER`). Messages are parsed into `pb2`'s classes on every call, so an example
    that does not parse fails the calls that need it (answered `unknown`), not the server.
    """
    namespace: dict[str, Any] = {}
    for method in methods():
        if method.streaming:
            namespace[method.attribute] = _stream_handler(partial(stream_messages, pb2, method.response), sync)
        else:
            namespace[method.attribute] = _unary_handler(partial(example_message, pb2, method.response), sync)
    unknown = set(namespace) - set(dir(protocol))
    assert not unknown, f"{protocol.__name__} has no methods {sorted(unknown)}"
    return type(f"Example{protocol.__name__}", (protocol,), namespace)()


# ---- raw HTTP ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RawResponse:
    """An HTTP answer as it came off the wire."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def post(base_url: str, path: str, body: bytes, headers: Mapping[str, str]) -> RawResponse:
    """`POST path` with `body` and `headers`, through http.client (no Connect code involved)."""
    host, port = base_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.request("POST", path, body=body, headers=dict(headers))
        response = connection.getresponse()
        return RawResponse(
            status=response.status,
            headers={name.lower(): value for name, value in response.getheaders()},
            body=response.read(),
        )
    finally:
        connection.close()


def post_connect_json(
    base_url: str, method: Method, payload: Any, headers: Mapping[str, str] | None = None
) -> RawResponse:
    """Call `method` in Connect JSON as the reference's curl examples do (streams enveloped)."""
    body = json.dumps(payload).encode()
    content_type = "application/json"
    if method.streaming:
        body, content_type = envelope(body), STREAM_MEDIA_TYPE
    return post(
        base_url,
        method.path,
        body,
        {"Content-Type": content_type, "Connect-Protocol-Version": "1", **AUTH, **(headers or {})},
    )


def envelope(payload: bytes, flags: int = 0) -> bytes:
    """One Connect streaming envelope: a flag byte, a 4-byte big-endian length, the payload."""
    return struct.pack(">BI", flags, len(payload)) + payload


def connect_envelopes(body: bytes) -> list[tuple[int, bytes]]:
    """Split a Connect streaming body into (flags, payload) envelopes; the whole body must be used."""
    found = []
    offset = 0
    while offset < len(body):
        flags, length = struct.unpack_from(">BI", body, offset)
        offset += 5
        found.append((flags, body[offset : offset + length]))
        offset += length
    assert offset == len(body), "truncated envelope"
    return found


# ---- the async client, in a subprocess --------------------------------------------------------


@dataclass(frozen=True)
class AsyncCall:
    """One call for async_calls.py: `attribute(request)` on a client of `encoding`."""

    key: str
    attribute: str
    request_type: str
    request: dict[str, Any]
    encoding: str
    streaming: bool
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls, case: str, encoding: str, method: Method, request: dict[str, Any], headers: Mapping[str, str] | None = None
    ) -> AsyncCall:
        """A call of `method`, keyed `call_key(case, encoding, method.name)`."""
        return cls(
            key=call_key(case, encoding, method.name),
            attribute=method.attribute,
            request_type=method.request,
            request=request,
            encoding=encoding,
            streaming=method.streaming,
            headers=dict(headers or {}),
        )


def run_async_calls(
    base_url: str,
    calls: Sequence[AsyncCall],
    *,
    module: str = "depot_ci.v1",
    client: str = "CIServiceClient",
    style: str = "ours",
    pythonpath: Sequence[Path] = (),
) -> dict[str, dict[str, Any]]:
    """Run `calls` with the async client `module.client` in a subprocess; return {key: outcome}.

    An outcome is `{"messages": [json...], "error": {"code", "message"} | None, "headers": {...}}`.
    The subprocess leaves with `os._exit` after flushing its output: see async_calls.py for why the
    async pyqwest client must not meet interpreter finalization.
    """
    plan = {
        "base_url": base_url,
        "module": module,
        "client": client,
        "style": style,
        "calls": [call.__dict__ for call in calls],
    }
    paths = [str(path) for path in pythonpath]
    if os.environ.get("PYTHONPATH"):
        paths.append(os.environ["PYTHONPATH"])
    completed = subprocess.run(
        [sys.executable, str(ASYNC_CALLS_SCRIPT)],
        input=json.dumps(plan),
        env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert completed.returncode == 0, f"exit {completed.returncode}: {completed.stderr}"
    outcomes: dict[str, dict[str, Any]] = json.loads(completed.stdout)
    assert sorted(outcomes) == sorted(call.key for call in calls), completed.stderr
    return outcomes


# ---- what the tests expect --------------------------------------------------------------------

Encoding = Literal["json", "proto"]
ENCODINGS: tuple[Encoding, ...] = ("json", "proto")
SERVERS = ("asgi", "wsgi")


def content_type(encoding: str, streaming: bool) -> str:
    """The Content-Type a Connect client sends for `encoding`."""
    return f"application/connect+{encoding}" if streaming else f"application/{encoding}"


def method_label(method: Method) -> str:
    """What `ECHO_METHOD` should say for `method`: the MethodInfo the runtime hands the handler."""
    service = method.path.split("/")[1]
    return f"{service}.{method.name} {'SERVER_STREAM' if method.streaming else 'UNARY'}"


def request_example(method: Method) -> dict[str, Any]:
    """The request a test sends to `method`: the first example of its request component."""
    example: dict[str, Any] = load_spec()["components"]["schemas"][method.request]["examples"][0]
    return example


def expected_answer(pb2: ModuleType, method: Method) -> list[Message]:
    """What the example service answers `method` with (one message for a unary method)."""
    if method.streaming:
        return stream_messages(pb2, method.response)
    return [example_message(pb2, method.response)]


MIDSTREAM_ERROR = Code.RESOURCE_EXHAUSTED
"""The error a stream is asked to raise in the middle..."""
MIDSTREAM_AFTER = 2
"""...after this many messages."""


def call_key(case: str, encoding: str, subject: str) -> str:
    """The key of one async call in `planned_async_calls`."""
    return f"{case}:{encoding}:{subject}"


def planned_async_calls() -> list[AsyncCall]:
    """What the end-to-end tests ask of the async client, in one subprocess per server.

    Per encoding: every method with its example request (`example`), every stream with an error
    after `MIDSTREAM_AFTER` messages (`midstream`), every method with its required fields removed
    (`invalid`), and GetRun failing with each of the 16 codes (`error`).
    """
    calls: list[AsyncCall] = []
    get_run = next(method for method in methods() if method.name == "GetRun")
    midstream = {ERROR_HEADER: MIDSTREAM_ERROR.value, ERROR_AFTER_HEADER: str(MIDSTREAM_AFTER)}
    for encoding in ENCODINGS:
        for method in methods():
            calls.append(AsyncCall.of("example", encoding, method, request_example(method), AUTH))
            if method.streaming:
                calls.append(AsyncCall.of("midstream", encoding, method, {}, midstream))
            if method.required:
                calls.append(
                    AsyncCall.of("invalid", encoding, method, without(request_example(method), method.required))
                )
        for code in Code:
            call = AsyncCall.of("error", encoding, get_run, request_example(get_run), {ERROR_HEADER: code.value})
            calls.append(replace(call, key=call_key("error", encoding, code.value)))
    return calls


def without(example: Mapping[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """`example` without the properties `names`."""
    return {name: value for name, value in example.items() if name not in names}
