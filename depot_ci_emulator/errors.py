"""Connect errors the emulator answers, and the interceptor that keeps internals out of them.

Handlers raise `ConnectError` with the reference's codes. Anything else escaping a handler is a bug
or a storage failure: the interceptor logs it with its traceback and answers `unavailable` (SQLite
busy or out of space; the call can be retried) or `internal` with a message that names the method
and says where to look, never the exception text of a library.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TypeVar

from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.request import RequestContext

__all__ = ["ErrorInterceptor", "failed_precondition", "invalid_argument", "not_found"]

_REQ = TypeVar("_REQ")
_RES = TypeVar("_RES")
_log = logging.getLogger("depot_ci_emulator")


def invalid_argument(message: str) -> ConnectError:
    """`invalid_argument`: a request field is missing or malformed (the message names it)."""
    return ConnectError(Code.INVALID_ARGUMENT, message)


def not_found(message: str) -> ConnectError:
    """`not_found`: the resource does not exist or belongs to another organization."""
    return ConnectError(Code.NOT_FOUND, message)


def failed_precondition(message: str) -> ConnectError:
    """`failed_precondition`: the resource exists but its state does not allow the action."""
    return ConnectError(Code.FAILED_PRECONDITION, message)


def _translate(exc: Exception, ctx: RequestContext[object, object]) -> ConnectError:
    method = f"{ctx.method.service_name}/{ctx.method.name}"
    if isinstance(exc, sqlite3.OperationalError):
        _log.warning("%s: storage unavailable: %s", method, exc)
        return ConnectError(Code.UNAVAILABLE, f"{method}: the emulator's database is busy or unavailable; retry")
    _log.exception("%s failed inside the emulator", method)
    return ConnectError(Code.INTERNAL, f"{method} failed inside the emulator; its log has the details")


class ErrorInterceptor:
    """Turns exceptions that are not `ConnectError` into `unavailable` or `internal` (see module)."""

    async def intercept_unary(
        self,
        call_next: Callable[[_REQ, RequestContext[_REQ, _RES]], Awaitable[_RES]],
        request: _REQ,
        ctx: RequestContext[_REQ, _RES],
    ) -> _RES:
        """Call the handler; translate a non-Connect exception."""
        try:
            return await call_next(request, ctx)
        except ConnectError:
            raise
        except Exception as exc:
            raise _translate(exc, ctx) from None  # type: ignore[arg-type]

    async def intercept_server_stream(
        self,
        call_next: Callable[[_REQ, RequestContext[_REQ, _RES]], AsyncIterator[_RES]],
        request: _REQ,
        ctx: RequestContext[_REQ, _RES],
    ) -> AsyncIterator[_RES]:
        """Stream the handler's responses; translate a non-Connect exception."""
        try:
            async for response in call_next(request, ctx):
                yield response
        except ConnectError:
            raise
        except Exception as exc:
            raise _translate(exc, ctx) from None  # type: ignore[arg-type]
