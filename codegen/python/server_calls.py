"""Fixed code of the generated servers: how a handler runs (see `helpers.py`).

Copied into generated connect modules by name, like `helpers.py`, and called from its handler
wrappers and from the application template: what a handler's plain exception becomes (an
outermost interceptor answering `internal` and logging the detail), the call's deadline under
both applications, the cancellation event a sync handler checks (`call_cancelled`, public), and a
turn for other requests between stream messages.
"""

from __future__ import annotations

from asyncio import get_running_loop
from asyncio import sleep as async_sleep
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from contextvars import copy_context
from importlib import import_module
from logging import getLogger
from threading import Event, Thread, Timer
from time import sleep
from typing import Any
from uuid import uuid4
from weakref import WeakKeyDictionary

from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.interceptor import Interceptor, InterceptorSync, MetadataInterceptor, MetadataInterceptorSync
from connectrpc.request import RequestContext

# Names of the other helper files, for type checking only: the render stage copies the snippets.
from .helpers import _IN, _REQ, _RES

# == server: how a handler runs (exceptions, deadlines, cancellation, turns between messages) ==
_LOG = getLogger(__name__)
_CANCELLED: WeakKeyDictionary[RequestContext[Any, Any], Event] = WeakKeyDictionary()


def call_cancelled(ctx: RequestContext[Any, Any]) -> Event:
    """The event that tells a handler its call is over for the client, so it can stop early.

    The server applications set it when the call's deadline passes (the client's
    `Connect-Timeout-Ms`; `ctx.timeout_ms` is the time left in milliseconds, None without a
    deadline), when the client of a stream has gone, and when the call ends. Python cannot stop a
    sync handler's thread from outside: a sync handler checks `call_cancelled(ctx).is_set()` between
    steps, or waits with `call_cancelled(ctx).wait(seconds)` instead of `time.sleep`. An async
    handler is also cancelled (`asyncio.CancelledError`) at its next `await`; the event serves work
    it hands to threads.

    Args:
        ctx: The `RequestContext` the application passed to the handler.

    Returns:
        The call's `threading.Event` (the same one on every call of this function for that call).
    """
    event = _CANCELLED.get(ctx)
    if event is None:
        event = _CANCELLED.setdefault(ctx, Event())
    return event


def _call_ended(ctx: RequestContext[Any, Any]) -> None:
    """Set the call's cancellation event, if anyone asked for it."""
    event = _CANCELLED.get(ctx)
    if event is not None:
        event.set()


def _internal_error(ctx: RequestContext[Any, Any], error: Exception) -> ConnectError:
    """The `internal` error answering a handler's unexpected `error`, which is logged, not sent.

    The log record (logger `__name__` of this module, level ERROR, with the traceback) names the
    method and a request id, also in its `rpc_method` and `request_id` attributes; the client gets
    only the request id, to quote when it reports the failure.
    """
    request_id = uuid4().hex[:16]
    method = f"{ctx.method.service_name}/{ctx.method.name}"
    _LOG.error(
        "%s failed (request id %s)",
        method,
        request_id,
        exc_info=error,
        extra={"rpc_method": method, "request_id": request_id},
    )
    return ConnectError(Code.INTERNAL, f"internal error (request id {request_id})")


def _timed_out() -> ConnectError:
    """The error ending a call whose deadline passed (the same as connectrpc's ASGI application's)."""
    return ConnectError(Code.DEADLINE_EXCEEDED, "Request timed out")


def _check_deadline(ctx: RequestContext[Any, Any]) -> None:
    """Raise `deadline_exceeded` if the call's deadline has passed."""
    timeout_ms = ctx.timeout_ms
    if timeout_ms is not None and timeout_ms <= 0:
        call_cancelled(ctx).set()
        raise _timed_out()


async def _guard(
    function: Callable[[_IN, RequestContext[_REQ, _RES]], Awaitable[_RES]],
    request: _IN,
    ctx: RequestContext[_REQ, _RES],
) -> _RES:
    """Await an async unary or client-streaming handler within the call's deadline.

    connectrpc cancels the handler at the deadline, once it awaits; a deadline that passed before
    the handler started, or while it ran without awaiting, answers `deadline_exceeded` too.
    """
    try:
        _check_deadline(ctx)
        response = await function(request, ctx)
        _check_deadline(ctx)
        return response
    finally:
        _call_ended(ctx)


async def _checkpoint() -> None:
    """Give the event loop's other tasks a turn (and deliver a pending cancellation)."""
    try:
        get_running_loop()
    except RuntimeError:
        # Not asyncio, so trio: the only other event loop ASGI servers run (as connectrpc decides).
        await import_module("trio.lowlevel").checkpoint()
    else:
        await async_sleep(0)


async def _guard_stream(
    function: Callable[[_IN, RequestContext[_REQ, _RES]], AsyncIterator[_RES]],
    request: _IN,
    ctx: RequestContext[_REQ, _RES],
) -> AsyncIterator[_RES]:
    """Stream an async handler's messages, giving other requests a turn after each one.

    A handler that never awaits between messages would otherwise hold the event loop for its whole
    stream: unary calls wait seconds, and neither the deadline nor a client that left can cancel it.
    The handler's generator is closed when the stream ends.
    """
    stream: AsyncIterator[_RES] | None = None
    try:
        _check_deadline(ctx)
        stream = function(request, ctx)
        async for message in stream:
            _check_deadline(ctx)
            yield message
            await _checkpoint()
        _check_deadline(ctx)  # a handler that stopped because it was cancelled
    finally:
        _call_ended(ctx)
        close = getattr(stream, "aclose", None)  # None also before the handler ran
        if close is not None:
            await close()


def _guard_sync(
    function: Callable[[_IN, RequestContext[_REQ, _RES]], _RES], request: _IN, ctx: RequestContext[_REQ, _RES]
) -> _RES:
    """Run a sync unary or client-streaming handler within the call's deadline.

    Without a deadline the handler runs in the server's thread. With one it runs in a thread of its
    own (with a copy of the caller's context variables): at the deadline the call is answered
    `deadline_exceeded` and the server's thread is free again, while the handler, told by
    `call_cancelled(ctx)`, winds down. A deadline of 0 ms answers at once without running the
    handler.
    """
    try:
        timeout_ms = ctx.timeout_ms
        if timeout_ms is None:
            return function(request, ctx)
        return _within_deadline(function, request, ctx, timeout_ms)
    finally:
        _call_ended(ctx)


def _within_deadline(
    function: Callable[[_IN, RequestContext[_REQ, _RES]], _RES],
    request: _IN,
    ctx: RequestContext[_REQ, _RES],
    timeout_ms: float,
) -> _RES:
    """The handler's result, from a thread of its own; `deadline_exceeded` once `timeout_ms` passed."""
    if timeout_ms <= 0:
        raise _timed_out()
    cancelled = call_cancelled(ctx)
    done = Event()
    results: list[_RES] = []
    errors: list[BaseException] = []
    context = copy_context()

    def run() -> None:
        try:
            results.append(context.run(function, request, ctx))
        except BaseException as error:
            errors.append(error)
            if cancelled.is_set() and isinstance(error, Exception) and not isinstance(error, ConnectError):
                _internal_error(ctx, error)  # nobody waits for it any more: log it
        finally:
            done.set()

    Thread(target=run, name=f"{ctx.method.name} handler", daemon=True).start()
    if not done.wait(timeout_ms / 1000):
        cancelled.set()
        raise _timed_out()
    if errors:
        raise errors[0]
    return results[0]


def _guard_stream_sync(
    function: Callable[[_IN, RequestContext[_REQ, _RES]], Iterator[_RES]], request: _IN, ctx: RequestContext[_REQ, _RES]
) -> Iterator[_RES]:
    """Stream a sync handler's messages until the call's deadline, giving other threads a turn.

    The pause after each message lets the server's I/O thread run: a WSGI server that writes from
    its own thread (waitress) notices a client that left only then, and closes the stream, and so
    the handler's generator (GeneratorExit at its `yield`). At the deadline `call_cancelled(ctx)` is
    set and the stream ends `deadline_exceeded` before its next message.
    """
    timer = None
    timeout_ms = ctx.timeout_ms
    if timeout_ms is not None:
        timer = Timer(max(timeout_ms, 0) / 1000, call_cancelled(ctx).set)
        timer.daemon = True
        timer.start()
    stream: Iterator[_RES] | None = None
    try:
        _check_deadline(ctx)
        stream = function(request, ctx)
        for message in stream:
            _check_deadline(ctx)
            yield message
            sleep(0)
        _check_deadline(ctx)  # a handler that stopped because it was told
    finally:
        if timer is not None:
            timer.cancel()
        _call_ended(ctx)
        close = getattr(stream, "close", None)  # None also before the handler ran
        if close is not None:
            close()


def _with_error_guard(interceptors: Iterable[Interceptor]) -> list[Interceptor]:
    """`interceptors` with `_ErrorGuard` as the outermost message interceptor.

    It goes after the leading metadata interceptors (connectrpc runs those before it reads the
    request, around everything) and before all others, so that an application's own interceptor
    can still translate a handler's exception before the guard turns it into `internal`.
    """
    items = list(interceptors)
    leading = 0
    while leading < len(items) and isinstance(items[leading], MetadataInterceptor):
        leading += 1
    return [*items[:leading], _ErrorGuard(), *items[leading:]]


def _with_error_guard_sync(interceptors: Iterable[InterceptorSync]) -> list[InterceptorSync]:
    """`interceptors` with `_ErrorGuardSync` as the outermost message interceptor (see `_with_error_guard`)."""
    items = list(interceptors)
    leading = 0
    while leading < len(items) and isinstance(items[leading], MetadataInterceptorSync):
        leading += 1
    return [*items[:leading], _ErrorGuardSync(), *items[leading:]]


class _ErrorGuard:
    """Answers a plain exception from a handler (or an interceptor inside) with `internal`.

    The exception is logged (`_internal_error`), never sent: connectrpc would send its text as
    `unknown`, and re-raise it to the ASGI server after answering, which makes uvicorn drop the
    keep-alive connection without saying so. A `ConnectError` passes unchanged.
    """

    async def intercept_unary(
        self,
        call_next: Callable[[_REQ, RequestContext[Any, Any]], Awaitable[_RES]],
        request: _REQ,
        ctx: RequestContext[Any, Any],
    ) -> _RES:
        try:
            return await call_next(request, ctx)
        except ConnectError:
            raise
        except Exception as error:
            raise _internal_error(ctx, error) from error

    async def intercept_client_stream(
        self,
        call_next: Callable[[AsyncIterator[_REQ], RequestContext[Any, Any]], Awaitable[_RES]],
        request: AsyncIterator[_REQ],
        ctx: RequestContext[Any, Any],
    ) -> _RES:
        try:
            return await call_next(request, ctx)
        except ConnectError:
            raise
        except Exception as error:
            raise _internal_error(ctx, error) from error

    def intercept_server_stream(
        self,
        call_next: Callable[[_REQ, RequestContext[Any, Any]], AsyncIterator[_RES]],
        request: _REQ,
        ctx: RequestContext[Any, Any],
    ) -> AsyncIterator[_RES]:
        return _guarded_messages(call_next, request, ctx)

    def intercept_bidi_stream(
        self,
        call_next: Callable[[AsyncIterator[_REQ], RequestContext[Any, Any]], AsyncIterator[_RES]],
        request: AsyncIterator[_REQ],
        ctx: RequestContext[Any, Any],
    ) -> AsyncIterator[_RES]:
        return _guarded_messages(call_next, request, ctx)


async def _guarded_messages(
    call_next: Callable[[_IN, RequestContext[Any, Any]], AsyncIterator[_RES]],
    request: _IN,
    ctx: RequestContext[Any, Any],
) -> AsyncIterator[_RES]:
    """The messages of `call_next(request, ctx)`, closed at the end; a plain exception becomes `internal`."""
    stream: AsyncIterator[_RES] | None = None
    try:
        stream = call_next(request, ctx)
        async for message in stream:
            yield message
    except ConnectError:
        raise
    except Exception as error:
        raise _internal_error(ctx, error) from error
    finally:
        close = getattr(stream, "aclose", None)
        if close is not None:
            await close()


class _ErrorGuardSync:
    """Answers a plain exception from a sync handler (or an interceptor inside) with `internal` (see `_ErrorGuard`)."""

    def intercept_unary_sync(
        self, call_next: Callable[[_REQ, RequestContext[Any, Any]], _RES], request: _REQ, ctx: RequestContext[Any, Any]
    ) -> _RES:
        try:
            return call_next(request, ctx)
        except ConnectError:
            raise
        except Exception as error:
            raise _internal_error(ctx, error) from error

    def intercept_client_stream_sync(
        self,
        call_next: Callable[[Iterator[_REQ], RequestContext[Any, Any]], _RES],
        request: Iterator[_REQ],
        ctx: RequestContext[Any, Any],
    ) -> _RES:
        try:
            return call_next(request, ctx)
        except ConnectError:
            raise
        except Exception as error:
            raise _internal_error(ctx, error) from error

    def intercept_server_stream_sync(
        self,
        call_next: Callable[[_REQ, RequestContext[Any, Any]], Iterator[_RES]],
        request: _REQ,
        ctx: RequestContext[Any, Any],
    ) -> Iterator[_RES]:
        return _guarded_messages_sync(call_next, request, ctx)

    def intercept_bidi_stream_sync(
        self,
        call_next: Callable[[Iterator[_REQ], RequestContext[Any, Any]], Iterator[_RES]],
        request: Iterator[_REQ],
        ctx: RequestContext[Any, Any],
    ) -> Iterator[_RES]:
        return _guarded_messages_sync(call_next, request, ctx)


def _guarded_messages_sync(
    call_next: Callable[[_IN, RequestContext[Any, Any]], Iterator[_RES]], request: _IN, ctx: RequestContext[Any, Any]
) -> Iterator[_RES]:
    """The messages of `call_next(request, ctx)`, closed at the end; a plain exception becomes `internal`."""
    stream: Iterator[_RES] | None = None
    try:
        stream = call_next(request, ctx)
        yield from stream
    except ConnectError:
        raise
    except Exception as error:
        raise _internal_error(ctx, error) from error
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()
