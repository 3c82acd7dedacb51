"""Fixed code of the generated clients: how a call is made (see `helpers.py`).

Copied into generated connect modules by name, like `helpers.py`: retries within one deadline,
server streams that reopen (before their first message, or after the newest cursor), paging by
token, and errors whose text shows their code.
"""

from __future__ import annotations

from asyncio import sleep as async_sleep
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Iterator
from math import ceil
from time import monotonic, sleep
from typing import Any

from connectrpc.client import ConnectClient, ConnectClientSync
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.method import MethodInfo
from connectrpc.request import Headers
from google.protobuf.message import Message

# Names of the other helper files, for type checking only: the render stage copies the snippets.
from .client_config import RetryPolicy
from .helpers import _M, _REQ, _RES


# == client: calls ==
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


def _request(request: object, method: MethodInfo[_REQ, Any]) -> _REQ:
    """`request`, checked to be an instance of `method`'s input message before anything is sent.

    Raises:
        TypeError: If it is not (a dict, None, another message): no server could accept it,
            so the call fails at once instead of reaching the network or being retried.
    """
    if isinstance(request, method.input):
        return request
    name = method.input.__qualname__
    full_name = getattr(getattr(method.input, "DESCRIPTOR", None), "full_name", name)
    msg = (
        f"{method.name} takes a {name} message ({full_name}) as its request, not {type(request).__qualname__};"
        f" build one with {name}(field=value, ...)"
    )
    raise TypeError(msg)


def _requests_sync(requests: Iterable[_REQ], method: MethodInfo[_REQ, Any], refused: list[TypeError]) -> Iterator[_REQ]:
    """The requests of a client or bidi stream, each checked by `_request` as the runtime takes it.

    The runtime reports an exception of the iterator it sends from as a `ConnectError`; the
    `TypeError` is kept in `refused` so that the call raises it instead, before `_coded`.
    """
    for request in requests:
        yield _request_or_refuse(request, method, refused)


async def _requests(
    requests: AsyncIterable[_REQ] | Iterable[_REQ], method: MethodInfo[_REQ, Any], refused: list[TypeError]
) -> AsyncIterator[_REQ]:
    """The async `_requests_sync`, for an iterable or an async iterable."""
    if isinstance(requests, AsyncIterable):
        async for request in requests:
            yield _request_or_refuse(request, method, refused)
    else:
        for request in requests:
            yield _request_or_refuse(request, method, refused)


def _request_or_refuse(request: object, method: MethodInfo[_REQ, Any], refused: list[TypeError]) -> _REQ:
    """`_request`, keeping its `TypeError` in `refused` (see `_requests_sync`)."""
    try:
        return _request(request, method)
    except TypeError as error:
        refused.append(error)
        raise


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


def _call_client_stream_sync(
    client: ConnectClientSync,
    method: MethodInfo[_REQ, _RES],
    requests: Iterable[_REQ],
    headers: Headers,
    timeout_ms: int | None,
) -> _RES:
    """A client-streaming call (never retried: the requests are consumed as they are sent)."""
    refused: list[TypeError] = []
    checked = _requests_sync(iter(requests), method, refused)
    try:
        return client.execute_client_stream(request=checked, method=method, headers=headers, timeout_ms=timeout_ms)
    except ConnectError as error:
        if refused:
            raise refused[0] from None
        _coded(error)
        raise


async def _call_client_stream(
    client: ConnectClient,
    method: MethodInfo[_REQ, _RES],
    requests: AsyncIterable[_REQ] | Iterable[_REQ],
    headers: Headers,
    timeout_ms: int | None,
) -> _RES:
    """The async `_call_client_stream_sync`."""
    refused: list[TypeError] = []
    checked = _requests(requests, method, refused)
    try:
        return await client.execute_client_stream(
            request=checked, method=method, headers=headers, timeout_ms=timeout_ms
        )
    except ConnectError as error:
        if refused:
            raise refused[0] from None
        _coded(error)
        raise


def _call_bidi_stream_sync(
    client: ConnectClientSync,
    method: MethodInfo[_REQ, _RES],
    requests: Iterable[_REQ],
    headers: Headers,
    timeout_ms: int | None,
) -> Iterator[_RES]:
    """A bidi-streaming call (never retried)."""
    refused: list[TypeError] = []
    checked = _requests_sync(requests, method, refused)
    try:
        yield from client.execute_bidi_stream(request=checked, method=method, headers=headers, timeout_ms=timeout_ms)
    except ConnectError as error:
        if refused:
            raise refused[0] from None
        _coded(error)
        raise


async def _call_bidi_stream(
    client: ConnectClient,
    method: MethodInfo[_REQ, _RES],
    requests: AsyncIterable[_REQ] | Iterable[_REQ],
    headers: Headers,
    timeout_ms: int | None,
) -> AsyncIterator[_RES]:
    """The async `_call_bidi_stream_sync`."""
    refused: list[TypeError] = []
    checked = _requests(requests, method, refused)
    try:
        async for response in client.execute_bidi_stream(
            request=checked, method=method, headers=headers, timeout_ms=timeout_ms
        ):
            yield response
    except ConnectError as error:
        if refused:
            raise refused[0] from None
        _coded(error)
        raise
