"""The fixed code of the generated connect modules, as a real module that ruff and mypy check.

The render stage copies top-level definitions of this file (and of `client_config.py` and
`client_calls.py`, the clients' share, `server_calls.py`, the servers', and `json_runtime.py`, which
work the same way) into a generated
`<stem>_connect.py` by name: those its rendered code uses, and those these use in turn, in the
order they appear here (`codegen/python/snippets.py`). Nothing else decides which helpers a module gets, and a
generated module imports exactly the names its code uses, from the modules this file imports
them from: the import block below is the catalogue of every symbol generated code may use,
including those only the templates use (hence no unused-import check on this file).

Each `# == <section>: ...` line starts a section; the templates place the definitions of the
`head` section right after `__all__`, all others after the generated classes and check
functions. Where a new helper goes:
- used by clients and servers alike (codecs, headers): `common`;
- used by the generated clients: `client` here for the small pieces, `client_config.py` (call
  options, `RetryPolicy`, `from_env`) and `client_calls.py` (retries, resumable streams, pages);
- used by the generated servers: `server` here for the handler wrappers and request checks,
  `server_calls.py` for how a handler runs (exceptions, deadlines, cancellation, fairness).
- the runtime of the generated protobuf-JSON functions: `json_runtime.py`.
- used by the generated check functions to test a value against a rule of the document:
  `check_helpers.py`.
The templates call a helper by its name; adding one here is all it takes to make it available.
"""

from __future__ import annotations

from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    Mapping,
)
from json import dumps
from types import TracebackType
from typing import Any, Literal, Protocol, Self, TypeVar

from connectrpc.client import ConnectClient, ConnectClientSync
from connectrpc.code import Code
from connectrpc.codec import Codec
from connectrpc.compat import google_protobuf_binary_codec
from connectrpc.compression import Compression
from connectrpc.compression.gzip import GzipCompression
from connectrpc.errors import ConnectError
from connectrpc.interceptor import Interceptor, InterceptorSync
from connectrpc.method import IdempotencyLevel, MethodInfo, StreamType
from connectrpc.protocol import ProtocolType
from connectrpc.request import Headers, RequestContext
from connectrpc.server import (
    DEFAULT_READ_MAX_BYTES,
    ConnectASGIApplication,
    ConnectWSGIApplication,
    Endpoint,
    EndpointSync,
)
from google.protobuf.json_format import MessageToDict, Parse, ParseError
from google.protobuf.message import Message
from pyqwest import Client, SyncClient
from pyqwest.testing import ASGITransport, WSGITransport

# The JSON codec below calls the runtime of the generated JSON functions (type checking only).
from .json_runtime import _json_parse, _json_text

# The server wrappers below call the handler runners of `server_calls.py` (type checking only).
from .server_calls import _guard, _guard_stream, _guard_stream_sync, _guard_sync

# == head: module constants, placed right after `__all__` ==
_REQ = TypeVar("_REQ")
_RES = TypeVar("_RES")
_IN = TypeVar("_IN")
_GZIP = GzipCompression()


# == common: codecs and headers, used by clients and servers ==
_M = TypeVar("_M", bound=Message)


class _JSONCodec:
    """Protobuf JSON (`application/json`) on google.protobuf messages.

    Unlike connectrpc.compat's JSON codec, it writes compact JSON rather than indented JSON, and
    it rejects a body that is not a JSON object (which json_format would read as an empty message).
    Messages with generated functions (`json_runtime.py`) are written and read by those.
    Unknown fields are ignored, so either side may be newer than the other.
    """

    def name(self) -> str:
        """The codec's name, which is also the content subtype."""
        return "json"

    def encode(self, message: Message) -> bytes:
        """Serialize `message` as compact protobuf JSON."""
        return _json_text(message).encode()

    def decode(self, data: bytes | bytearray, message_class: type[_M]) -> _M:
        """Parse protobuf JSON into a new `message_class`."""
        text = bytes(data).decode("utf-8")
        if not text.lstrip().startswith("{"):
            msg = f"a {message_class.DESCRIPTOR.full_name} must be a JSON object"
            raise ParseError(msg)
        return _json_parse(text, message_class)


def _codec(encoding: str) -> Codec:
    """The google.protobuf codec of an `encoding` name."""
    if encoding == "proto":
        return google_protobuf_binary_codec()
    if encoding == "json":
        return _JSONCodec()
    msg = f'encoding must be "proto" or "json", not {encoding!r}'
    raise ValueError(msg)


# == client: used by the generated clients ==
def _merge_headers(defaults: Headers, headers: Headers | Mapping[str, str] | None) -> Headers:
    """The client's default headers plus a call's own; a call's header replaces the defaults of its name."""
    if not headers:
        return defaults
    items = list(headers.allitems() if isinstance(headers, Headers) else headers.items())
    names = {name.lower() for name, _ in items}
    merged = Headers([(name, value) for name, value in defaults.allitems() if name not in names])
    for name, value in items:
        merged.add(name, value)
    return merged


# == server: handler wrappers and request checks, used by the generated servers ==
def _implementation(service: object, protocol: object, name: str) -> Any:
    """The service's method `name`; None when it has none or only inherits the protocol's default."""
    function = getattr(service, name, None)
    if function is None or getattr(function, "__func__", None) is getattr(protocol, name):
        return None
    return function


def _unimplemented(method: MethodInfo[Any, Any]) -> ConnectError:
    """The error answering a method the service does not implement."""
    return ConnectError(Code.UNIMPLEMENTED, f"{method.service_name}.{method.name} is not implemented")


def _require(request: _REQ, check: Callable[[_REQ, str, list[str]], None]) -> _REQ:
    """Return `request`, or raise `invalid_argument` listing its problems (`runId is required; ...`)."""
    problems: list[str] = []
    check(request, "", problems)
    if problems:
        raise ConnectError(Code.INVALID_ARGUMENT, "; ".join(problems))
    return request


async def _require_each(
    requests: AsyncIterator[_REQ], check: Callable[[_REQ, str, list[str]], None]
) -> AsyncIterator[_REQ]:
    """Check each streamed request as the handler reads it."""
    async for request in requests:
        yield _require(request, check)


def _require_each_sync(requests: Iterator[_REQ], check: Callable[[_REQ, str, list[str]], None]) -> Iterator[_REQ]:
    """Check each streamed request as the handler reads it."""
    for request in requests:
        yield _require(request, check)


def _check_list(
    items: Iterable[_REQ], check: Callable[[_REQ, str, list[str]], None], path: str, problems: list[str]
) -> None:
    """Check every message of a repeated field."""
    for index, item in enumerate(items):
        check(item, f"{path}[{index}].", problems)


def _check_map(
    items: Mapping[Any, _REQ], check: Callable[[_REQ, str, list[str]], None], path: str, problems: list[str]
) -> None:
    """Check every message value of a map field."""
    for key, item in items.items():
        check(item, f"{path}[{key!r}].", problems)


def _unary(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[_REQ, RequestContext[_REQ, _RES]], Awaitable[_RES]] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[_REQ, RequestContext[_REQ, _RES]], Awaitable[_RES]]:
    """The async unary handler: `function` behind the request check, or an `unimplemented` answer."""

    async def handle(request: _REQ, ctx: RequestContext[_REQ, _RES]) -> _RES:
        if function is None:
            raise _unimplemented(method)
        return await _guard(function, request if check is None else _require(request, check), ctx)

    return handle


def _unary_sync(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[_REQ, RequestContext[_REQ, _RES]], _RES] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[_REQ, RequestContext[_REQ, _RES]], _RES]:
    """The sync unary handler: `function` behind the request check, or an `unimplemented` answer."""

    def handle(request: _REQ, ctx: RequestContext[_REQ, _RES]) -> _RES:
        if function is None:
            raise _unimplemented(method)
        return _guard_sync(function, request if check is None else _require(request, check), ctx)

    return handle


def _server_stream(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[_REQ, RequestContext[_REQ, _RES]], AsyncIterator[_RES]] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[_REQ, RequestContext[_REQ, _RES]], AsyncIterator[_RES]]:
    """The async server-streaming handler: `function` behind the request check, or an `unimplemented` answer."""

    def handle(request: _REQ, ctx: RequestContext[_REQ, _RES]) -> AsyncIterator[_RES]:
        if function is None:
            raise _unimplemented(method)
        return _guard_stream(function, request if check is None else _require(request, check), ctx)

    return handle


def _server_stream_sync(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[_REQ, RequestContext[_REQ, _RES]], Iterator[_RES]] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[_REQ, RequestContext[_REQ, _RES]], Iterator[_RES]]:
    """The sync server-streaming handler: `function` behind the request check, or an `unimplemented` answer."""

    def handle(request: _REQ, ctx: RequestContext[_REQ, _RES]) -> Iterator[_RES]:
        if function is None:
            raise _unimplemented(method)
        return _guard_stream_sync(function, request if check is None else _require(request, check), ctx)

    return handle


def _client_stream(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[AsyncIterator[_REQ], RequestContext[_REQ, _RES]], Awaitable[_RES]] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[AsyncIterator[_REQ], RequestContext[_REQ, _RES]], Awaitable[_RES]]:
    """The async client-streaming handler: `function` checking each request, or an `unimplemented` answer."""

    async def handle(requests: AsyncIterator[_REQ], ctx: RequestContext[_REQ, _RES]) -> _RES:
        if function is None:
            raise _unimplemented(method)
        return await _guard(function, requests if check is None else _require_each(requests, check), ctx)

    return handle


def _client_stream_sync(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[Iterator[_REQ], RequestContext[_REQ, _RES]], _RES] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[Iterator[_REQ], RequestContext[_REQ, _RES]], _RES]:
    """The sync client-streaming handler: `function` checking each request, or an `unimplemented` answer."""

    def handle(requests: Iterator[_REQ], ctx: RequestContext[_REQ, _RES]) -> _RES:
        if function is None:
            raise _unimplemented(method)
        return _guard_sync(function, requests if check is None else _require_each_sync(requests, check), ctx)

    return handle


def _bidi_stream(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[AsyncIterator[_REQ], RequestContext[_REQ, _RES]], AsyncIterator[_RES]] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[AsyncIterator[_REQ], RequestContext[_REQ, _RES]], AsyncIterator[_RES]]:
    """The async bidi-streaming handler: `function` checking each request, or an `unimplemented` answer."""

    def handle(requests: AsyncIterator[_REQ], ctx: RequestContext[_REQ, _RES]) -> AsyncIterator[_RES]:
        if function is None:
            raise _unimplemented(method)
        return _guard_stream(function, requests if check is None else _require_each(requests, check), ctx)

    return handle


def _bidi_stream_sync(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[Iterator[_REQ], RequestContext[_REQ, _RES]], Iterator[_RES]] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[Iterator[_REQ], RequestContext[_REQ, _RES]], Iterator[_RES]]:
    """The sync bidi-streaming handler: `function` checking each request, or an `unimplemented` answer."""

    def handle(requests: Iterator[_REQ], ctx: RequestContext[_REQ, _RES]) -> Iterator[_RES]:
        if function is None:
            raise _unimplemented(method)
        return _guard_stream_sync(function, requests if check is None else _require_each_sync(requests, check), ctx)

    return handle
