"""The fixed code of the generated connect modules, as a real module that ruff and mypy check.

The render stage copies top-level definitions of this file into a generated `<stem>_connect.py`
by name: those its rendered code uses, and those these use in turn, in the order they appear
here (`codegen/python/snippets.py`). Nothing else decides which helpers a module gets, and a
generated module imports exactly the names its code uses, from the modules this file imports
them from: the import block below is the catalogue of every symbol generated code may use,
including those only the templates use (hence no unused-import check on this file).

Each `# == <section>: ...` line starts a section; the templates place the definitions of the
`head` section right after `__all__`, all others after the generated classes and check
functions. Where a new helper goes:
- used by clients and servers alike (codecs, headers): `common`;
- used by the generated clients (retries, pagination, resumable streams): `client`;
- used by the generated servers (handler wrappers, deadlines, request checks): `server`.
The templates call a helper by its name; adding one here is all it takes to make it available.
"""

from __future__ import annotations

from asyncio import sleep as async_sleep
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
from dataclasses import dataclass
from enum import Enum
from json import dumps
from math import ceil
from os import environ
from random import random
from time import monotonic, sleep
from types import TracebackType
from typing import Any, Final, Literal, Protocol, Self, TypeVar

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

# == head: module constants, placed right after `__all__` ==
_REQ = TypeVar("_REQ")
_RES = TypeVar("_RES")
_GZIP = GzipCompression()

class UseClientDefault(Enum):
    """The type of `USE_CLIENT_DEFAULT`: a call argument left to the client's setting."""

    USE_CLIENT_DEFAULT = "USE_CLIENT_DEFAULT"


USE_CLIENT_DEFAULT: Final = UseClientDefault.USE_CLIENT_DEFAULT
"""A call's `timeout_ms` or `retry` left at this takes the client's default; None means "none"."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How a call that is safe to repeat is tried again after a transient failure.

    Only methods without side effects (idempotency level `NO_SIDE_EFFECTS` or `IDEMPOTENT`) are
    retried, only on the codes in `codes` (`unavailable`, which is also what a connection failure
    raises), and never past the call's deadline. The pause before retry n is
    `min(max_backoff_ms, initial_backoff_ms * multiplier ** (n - 1))`, less a random share of at
    most `jitter` of it, so that many clients failing together do not retry together.

    Raises:
        ValueError: If a setting is out of range; the message names it.
    """

    max_attempts: int = 3
    """Attempts in all, the first included (1 disables retries)."""
    initial_backoff_ms: float = 250
    """Pause before the first retry, in milliseconds."""
    max_backoff_ms: float = 8_000
    """Longest pause between attempts, in milliseconds."""
    multiplier: float = 2.0
    """Growth of the pause from one retry to the next (at least 1)."""
    jitter: float = 0.25
    """The largest share of a pause taken off at random (0 to 1)."""
    codes: frozenset[Code] = frozenset({Code.UNAVAILABLE})
    """The codes that are retried."""

    def __post_init__(self) -> None:
        problems = [
            (self.max_attempts >= 1, f"max_attempts must be at least 1, not {self.max_attempts}"),
            (self.initial_backoff_ms >= 0, f"initial_backoff_ms must be at least 0, not {self.initial_backoff_ms}"),
            (
                self.max_backoff_ms >= self.initial_backoff_ms,
                f"max_backoff_ms ({self.max_backoff_ms}) must be at least initial_backoff_ms "
                f"({self.initial_backoff_ms})",
            ),
            (self.multiplier >= 1, f"multiplier must be at least 1, not {self.multiplier}"),
            (0 <= self.jitter <= 1, f"jitter must be between 0 and 1, not {self.jitter}"),
        ]
        for valid, problem in problems:
            if not valid:
                raise ValueError(problem)

    def backoff_ms(self, retry: int) -> float:
        """The pause in milliseconds before retry number `retry` (1 for the first retry)."""
        full = min(self.max_backoff_ms, self.initial_backoff_ms * self.multiplier ** (retry - 1))
        return full * (1 - self.jitter * random())


# == common: codecs and headers, used by clients and servers ==
_M = TypeVar("_M", bound=Message)


class _JSONCodec:
    """Protobuf JSON (`application/json`) on google.protobuf messages.

    Unlike connectrpc.compat's JSON codec, it writes compact JSON rather than indented JSON, and
    it rejects a body that is not a JSON object (which json_format would read as an empty message).
    Unknown fields are ignored, so either side may be newer than the other.
    """

    def name(self) -> str:
        """The codec's name, which is also the content subtype."""
        return "json"

    def encode(self, message: Message) -> bytes:
        """Serialize `message` as compact protobuf JSON."""
        return dumps(MessageToDict(message), separators=(",", ":"), ensure_ascii=False).encode()

    def decode(self, data: bytes | bytearray, message_class: type[_M]) -> _M:
        """Parse protobuf JSON into a new `message_class`."""
        text = bytes(data).decode("utf-8")
        if not text.lstrip().startswith("{"):
            msg = f"a {message_class.DESCRIPTOR.full_name} must be a JSON object"
            raise ParseError(msg)
        message = message_class()
        Parse(text, message, ignore_unknown_fields=True)
        return message


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


async def _async_requests(requests: AsyncIterable[_REQ] | Iterable[_REQ]) -> AsyncIterator[_REQ]:
    """Stream the requests of an iterable or an async iterable."""
    if isinstance(requests, AsyncIterable):
        async for request in requests:
            yield request
    else:
        for request in requests:
            yield request


def _timeout(timeout_ms: int | None | UseClientDefault, default: int | None) -> int | None:
    """A call's timeout in ms: its own, or the client's `default`; None for none."""
    if isinstance(timeout_ms, UseClientDefault):
        return default
    if timeout_ms is not None and timeout_ms < 0:
        msg = f"timeout_ms must be at least 0 (or None for no timeout), not {timeout_ms}"
        raise ValueError(msg)
    return timeout_ms


def _policy(retry: RetryPolicy | None | UseClientDefault, default: RetryPolicy | None) -> RetryPolicy | None:
    """A call's retry policy: its own, or the client's `default`; None for none."""
    return default if isinstance(retry, UseClientDefault) else retry


class _Deadline:
    """The end of a call that may take several attempts."""

    def __init__(self, timeout_ms: int | None) -> None:
        self._end = None if timeout_ms is None else monotonic() + timeout_ms / 1000

    def remaining_ms(self) -> int | None:
        """Milliseconds left for the next attempt (0 once passed), or None without a deadline."""
        if self._end is None:
            return None
        return max(0, ceil((self._end - monotonic()) * 1000))

    def allows(self, pause_s: float) -> bool:
        """Whether a pause of `pause_s` seconds still leaves time for another attempt."""
        return self._end is None or monotonic() + pause_s < self._end


def _coded(error: ConnectError) -> ConnectError:
    """`error` with its code in front of its text (`not_found: ...`), so tracebacks and logs show it."""
    text = f"{error.code.value}: {error.message}"
    if error.args != (text,):
        error.args = (text,)
    return error


def _transient(error: ConnectError, policy: RetryPolicy) -> bool:
    """Whether `error` may pass if the same request is sent again."""
    if error.code in policy.codes:
        return True
    # A connection cut mid-stream: the runtime reports an HTTP/2 reset (with its cause) or a body
    # that ended before the end-of-stream message as `internal`; the server said nothing.
    return error.code == Code.INTERNAL and (
        (error.__cause__ is not None and not isinstance(error.__cause__, ConnectError))
        or error.message == "protocol error: unexpected EOF"
    )


def _pause_s(error: ConnectError, policy: RetryPolicy | None, failures: int, deadline: _Deadline) -> float | None:
    """Seconds to wait before trying again after `failures` failures in a row; None to give up."""
    if policy is None or failures >= policy.max_attempts or not _transient(error, policy):
        return None
    pause = policy.backoff_ms(failures) / 1000
    return pause if deadline.allows(pause) else None


def _call_unary_sync(
    client: ConnectClientSync,
    method: MethodInfo[_REQ, _RES],
    request: _REQ,
    headers: Headers,
    timeout_ms: int | None,
    retry: RetryPolicy | None,
) -> _RES:
    """A unary call, tried again by `retry` (None for once) within one deadline of `timeout_ms`."""
    deadline = _Deadline(timeout_ms)
    failures = 0
    while True:
        try:
            return client.execute_unary(
                request=request, method=method, headers=headers, timeout_ms=deadline.remaining_ms()
            )
        except ConnectError as error:
            failures += 1
            pause = _pause_s(error, retry, failures, deadline)
            if pause is None:
                _coded(error)
                raise
        sleep(pause)


async def _call_unary(
    client: ConnectClient,
    method: MethodInfo[_REQ, _RES],
    request: _REQ,
    headers: Headers,
    timeout_ms: int | None,
    retry: RetryPolicy | None,
) -> _RES:
    """A unary call, tried again by `retry` (None for once) within one deadline of `timeout_ms`."""
    deadline = _Deadline(timeout_ms)
    failures = 0
    while True:
        try:
            return await client.execute_unary(
                request=request, method=method, headers=headers, timeout_ms=deadline.remaining_ms()
            )
        except ConnectError as error:
            failures += 1
            pause = _pause_s(error, retry, failures, deadline)
            if pause is None:
                _coded(error)
                raise
        await async_sleep(pause)


# The cursor convention that resumable streams follow: responses carry `next_cursor`, a request
# with `cursor` set to it picks up after that response.
_CURSOR = "cursor"
_NEXT_CURSOR = "next_cursor"


def _resumed(request: _M, cursor: str) -> _M:
    """A copy of `request` that asks for what follows `cursor`."""
    copy = type(request)()
    copy.CopyFrom(request)
    setattr(copy, _CURSOR, cursor)
    return copy


def _call_server_stream_sync(
    client: ConnectClientSync,
    method: MethodInfo[_M, _RES],
    request: _M,
    headers: Headers,
    timeout_ms: int | None,
    retry: RetryPolicy | None,
    resume: bool,
) -> Iterator[_RES]:
    """A server stream, reopened by `retry` before its first message, or (with `resume`) after any.

    Resuming follows the cursor convention: the stream is reopened with the request's `cursor`
    set to the newest `next_cursor` received, so it picks up after the last message that carried
    one. Failures count as "in a row" until a message brings a new cursor.
    """
    deadline = _Deadline(timeout_ms)
    failures = 0
    cursor = ""
    delivered = False
    while True:
        stream = client.execute_server_stream(
            request=_resumed(request, cursor) if cursor else request,
            method=method,
            headers=headers,
            timeout_ms=deadline.remaining_ms(),
        )
        try:
            for message in stream:
                delivered = True
                if resume and (newest := getattr(message, _NEXT_CURSOR, "")):
                    cursor = newest
                    failures = 0
                yield message
            return
        except ConnectError as error:
            failures += 1
            pause = None if delivered and not resume else _pause_s(error, retry, failures, deadline)
            if pause is None:
                _coded(error)
                raise
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()
        sleep(pause)


async def _call_server_stream(
    client: ConnectClient,
    method: MethodInfo[_M, _RES],
    request: _M,
    headers: Headers,
    timeout_ms: int | None,
    retry: RetryPolicy | None,
    resume: bool,
) -> AsyncIterator[_RES]:
    """The async `_call_server_stream_sync`: the same reopening rules."""
    deadline = _Deadline(timeout_ms)
    failures = 0
    cursor = ""
    delivered = False
    while True:
        stream = client.execute_server_stream(
            request=_resumed(request, cursor) if cursor else request,
            method=method,
            headers=headers,
            timeout_ms=deadline.remaining_ms(),
        )
        try:
            async for message in stream:
                delivered = True
                if resume and (newest := getattr(message, _NEXT_CURSOR, "")):
                    cursor = newest
                    failures = 0
                yield message
            return
        except ConnectError as error:
            failures += 1
            pause = None if delivered and not resume else _pause_s(error, retry, failures, deadline)
            if pause is None:
                _coded(error)
                raise
        finally:
            close = getattr(stream, "aclose", None)
            if close is not None:
                await close()
        await async_sleep(pause)


# The page-token convention (AIP-158) that `iter_<method>` methods follow.
_PAGE_TOKEN = "page_token"
_NEXT_PAGE_TOKEN = "next_page_token"


def _first_page(request: _M, limit: int | None) -> _M:
    if limit is not None and limit < 0:
        msg = f"limit must be at least 0 (or None for every item), not {limit}"
        raise ValueError(msg)
    copy = type(request)()
    copy.CopyFrom(request)
    return copy


def _next_page(page_request: Message, page: Message) -> bool:
    """Point `page_request` at the page after `page`; False when `page` was the last."""
    token: str = getattr(page, _NEXT_PAGE_TOKEN)
    if not token:
        return False
    if token == getattr(page_request, _PAGE_TOKEN):
        msg = f"the server answered page token {token!r} with the same token again"
        raise _coded(ConnectError(Code.INTERNAL, msg))
    setattr(page_request, _PAGE_TOKEN, token)
    return True


def _pages_sync(call: Callable[[_M], Message], request: _M, items: str, limit: int | None) -> Iterator[Any]:
    """The items (repeated field `items`) of every page, from `request`'s page on, at most `limit` of them.

    Follows the page-token convention: the response's `next_page_token` goes into the request's
    `page_token` for the next page, until a response has none.
    """
    page_request = _first_page(request, limit)
    left = limit
    while left is None or left > 0:
        page = call(page_request)
        for item in getattr(page, items):
            if left is not None:
                if left == 0:
                    return
                left -= 1
            yield item
        if not _next_page(page_request, page):
            return


async def _pages(
    call: Callable[[_M], Awaitable[Message]], request: _M, items: str, limit: int | None
) -> AsyncIterator[Any]:
    """The async `_pages_sync`."""
    page_request = _first_page(request, limit)
    left = limit
    while left is None or left > 0:
        page = await call(page_request)
        for item in getattr(page, items):
            if left is not None:
                if left == 0:
                    return
                left -= 1
            yield item
        if not _next_page(page_request, page):
            return


def _base_url(base_url: str, source: str = "base_url") -> str:
    """`base_url` without a trailing slash; ValueError naming `source` unless it is an http(s) URL."""
    scheme, _, rest = base_url.partition("://")
    if scheme.lower() not in ("http", "https") or not rest.strip("/"):
        msg = f"{source} must start with the scheme http:// or https:// and name a host, not {base_url!r}"
        raise ValueError(msg)
    return base_url.rstrip("/")


def _environment_settings(
    base_url: str | None,
    token: str | None,
    headers: Mapping[str, str] | None,
    *,
    default_url: str,
    url_variable: str,
    token_variable: str,
    token_header: str,
    token_format: str,
    header_variables: Mapping[str, str],
) -> tuple[str, dict[str, str]]:
    """The base URL and headers of `from_env`: explicit arguments first, then the environment."""
    url = base_url
    if url is None and url_variable and (url := environ.get(url_variable) or None) is not None:
        url = _base_url(url, f"${url_variable}")
    found: dict[str, str] = {}
    explicit = {name.lower() for name in headers or {}}
    if token_variable or token is not None:
        token = token if token is not None else environ.get(token_variable) or None
        if token is not None:
            found[token_header] = token_format.format(token=token)
        elif token_header.lower() not in explicit:
            msg = f"${token_variable} is not set: set it to an API token, or pass token=..."
            raise ValueError(msg)
    for header, variable in header_variables.items():
        if value := environ.get(variable):
            found[header] = value
    merged = {name: value for name, value in found.items() if name.lower() not in explicit}
    merged.update(headers or {})
    return url or default_url, merged


def _call_client_stream_sync(
    client: ConnectClientSync,
    method: MethodInfo[_REQ, _RES],
    requests: Iterator[_REQ],
    headers: Headers,
    timeout_ms: int | None,
) -> _RES:
    """A client-streaming call (never retried: the requests are consumed as they are sent)."""
    try:
        return client.execute_client_stream(request=requests, method=method, headers=headers, timeout_ms=timeout_ms)
    except ConnectError as error:
        _coded(error)
        raise


async def _call_client_stream(
    client: ConnectClient,
    method: MethodInfo[_REQ, _RES],
    requests: AsyncIterator[_REQ],
    headers: Headers,
    timeout_ms: int | None,
) -> _RES:
    """The async `_call_client_stream_sync`."""
    try:
        return await client.execute_client_stream(
            request=requests, method=method, headers=headers, timeout_ms=timeout_ms
        )
    except ConnectError as error:
        _coded(error)
        raise


def _call_bidi_stream_sync(
    client: ConnectClientSync,
    method: MethodInfo[_REQ, _RES],
    requests: Iterator[_REQ],
    headers: Headers,
    timeout_ms: int | None,
) -> Iterator[_RES]:
    """A bidi-streaming call (never retried)."""
    try:
        yield from client.execute_bidi_stream(request=requests, method=method, headers=headers, timeout_ms=timeout_ms)
    except ConnectError as error:
        _coded(error)
        raise


async def _call_bidi_stream(
    client: ConnectClient,
    method: MethodInfo[_REQ, _RES],
    requests: AsyncIterator[_REQ],
    headers: Headers,
    timeout_ms: int | None,
) -> AsyncIterator[_RES]:
    """The async `_call_bidi_stream_sync`."""
    try:
        async for response in client.execute_bidi_stream(
            request=requests, method=method, headers=headers, timeout_ms=timeout_ms
        ):
            yield response
    except ConnectError as error:
        _coded(error)
        raise


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
    """Return `request`, or raise `invalid_argument` naming its missing required fields."""
    missing: list[str] = []
    check(request, "", missing)
    if missing:
        raise ConnectError(Code.INVALID_ARGUMENT, "; ".join(f"{path} is required" for path in missing))
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
    items: Iterable[_REQ], check: Callable[[_REQ, str, list[str]], None], path: str, missing: list[str]
) -> None:
    """Check every message of a repeated field."""
    for index, item in enumerate(items):
        check(item, f"{path}[{index}].", missing)


def _check_map(
    items: Mapping[Any, _REQ], check: Callable[[_REQ, str, list[str]], None], path: str, missing: list[str]
) -> None:
    """Check every message value of a map field."""
    for key, item in items.items():
        check(item, f"{path}[{key!r}].", missing)


def _unary(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[_REQ, RequestContext[_REQ, _RES]], Awaitable[_RES]] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[_REQ, RequestContext[_REQ, _RES]], Awaitable[_RES]]:
    """The async unary handler: `function` behind the request check, or an `unimplemented` answer."""

    async def handle(request: _REQ, ctx: RequestContext[_REQ, _RES]) -> _RES:
        if function is None:
            raise _unimplemented(method)
        return await function(request if check is None else _require(request, check), ctx)

    return function if function is not None and check is None else handle


def _unary_sync(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[_REQ, RequestContext[_REQ, _RES]], _RES] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[_REQ, RequestContext[_REQ, _RES]], _RES]:
    """The sync unary handler: `function` behind the request check, or an `unimplemented` answer."""

    def handle(request: _REQ, ctx: RequestContext[_REQ, _RES]) -> _RES:
        if function is None:
            raise _unimplemented(method)
        return function(request if check is None else _require(request, check), ctx)

    return function if function is not None and check is None else handle


def _server_stream(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[_REQ, RequestContext[_REQ, _RES]], AsyncIterator[_RES]] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[_REQ, RequestContext[_REQ, _RES]], AsyncIterator[_RES]]:
    """The async server-streaming handler: `function` behind the request check, or an `unimplemented` answer."""

    def handle(request: _REQ, ctx: RequestContext[_REQ, _RES]) -> AsyncIterator[_RES]:
        if function is None:
            raise _unimplemented(method)
        return function(request if check is None else _require(request, check), ctx)

    return function if function is not None and check is None else handle


def _server_stream_sync(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[_REQ, RequestContext[_REQ, _RES]], Iterator[_RES]] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[_REQ, RequestContext[_REQ, _RES]], Iterator[_RES]]:
    """The sync server-streaming handler: `function` behind the request check, or an `unimplemented` answer."""

    def handle(request: _REQ, ctx: RequestContext[_REQ, _RES]) -> Iterator[_RES]:
        if function is None:
            raise _unimplemented(method)
        return function(request if check is None else _require(request, check), ctx)

    return function if function is not None and check is None else handle


def _client_stream(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[AsyncIterator[_REQ], RequestContext[_REQ, _RES]], Awaitable[_RES]] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[AsyncIterator[_REQ], RequestContext[_REQ, _RES]], Awaitable[_RES]]:
    """The async client-streaming handler: `function` checking each request, or an `unimplemented` answer."""

    async def handle(requests: AsyncIterator[_REQ], ctx: RequestContext[_REQ, _RES]) -> _RES:
        if function is None:
            raise _unimplemented(method)
        return await function(requests if check is None else _require_each(requests, check), ctx)

    return function if function is not None and check is None else handle


def _client_stream_sync(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[Iterator[_REQ], RequestContext[_REQ, _RES]], _RES] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[Iterator[_REQ], RequestContext[_REQ, _RES]], _RES]:
    """The sync client-streaming handler: `function` checking each request, or an `unimplemented` answer."""

    def handle(requests: Iterator[_REQ], ctx: RequestContext[_REQ, _RES]) -> _RES:
        if function is None:
            raise _unimplemented(method)
        return function(requests if check is None else _require_each_sync(requests, check), ctx)

    return function if function is not None and check is None else handle


def _bidi_stream(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[AsyncIterator[_REQ], RequestContext[_REQ, _RES]], AsyncIterator[_RES]] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[AsyncIterator[_REQ], RequestContext[_REQ, _RES]], AsyncIterator[_RES]]:
    """The async bidi-streaming handler: `function` checking each request, or an `unimplemented` answer."""

    def handle(requests: AsyncIterator[_REQ], ctx: RequestContext[_REQ, _RES]) -> AsyncIterator[_RES]:
        if function is None:
            raise _unimplemented(method)
        return function(requests if check is None else _require_each(requests, check), ctx)

    return function if function is not None and check is None else handle


def _bidi_stream_sync(
    method: MethodInfo[_REQ, _RES],
    function: Callable[[Iterator[_REQ], RequestContext[_REQ, _RES]], Iterator[_RES]] | None,
    check: Callable[[_REQ, str, list[str]], None] | None,
) -> Callable[[Iterator[_REQ], RequestContext[_REQ, _RES]], Iterator[_RES]]:
    """The sync bidi-streaming handler: `function` checking each request, or an `unimplemented` answer."""

    def handle(requests: Iterator[_REQ], ctx: RequestContext[_REQ, _RES]) -> Iterator[_RES]:
        if function is None:
            raise _unimplemented(method)
        return function(requests if check is None else _require_each_sync(requests, check), ctx)

    return function if function is not None and check is None else handle
