"""The error guard is the outermost message interceptor: an application's own interceptor still sees a
handler's exception first (and may translate it), and an exception from that interceptor is `internal` too."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.request import RequestContext
from depot_ci.v1 import (
    CIServiceASGIApplication,
    CIServiceClientSync,
    CIServiceWSGIApplication,
    GetRunStatusRequest,
)
from live_servers import serve_asgi, serve_wsgi

from .services import SECRET, AsyncFaults, Record, SyncFaults

pytestmark = pytest.mark.timeout(60)


class Translate:
    """An application's interceptor: `KeyError` is `not_found`; a run id `interceptor` makes it fail itself."""

    async def intercept_unary(
        self, call_next: Callable[[Any, RequestContext[Any, Any]], Awaitable[Any]], request: Any, ctx: Any
    ) -> Any:
        if request.run_id == "interceptor":
            raise RuntimeError(f"interceptor failure: {SECRET}")
        try:
            return await call_next(request, ctx)
        except KeyError as error:
            raise ConnectError(Code.NOT_FOUND, "translated by the interceptor") from error


class TranslateSync:
    """The sync `Translate`."""

    def intercept_unary_sync(
        self, call_next: Callable[[Any, RequestContext[Any, Any]], Any], request: Any, ctx: Any
    ) -> Any:
        if request.run_id == "interceptor":
            raise RuntimeError(f"interceptor failure: {SECRET}")
        try:
            return call_next(request, ctx)
        except KeyError as error:
            raise ConnectError(Code.NOT_FOUND, "translated by the interceptor") from error


@pytest.fixture(scope="module", params=["asgi", "wsgi"])
def translated(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fault service behind the application's own interceptor, on each server."""
    record = Record()
    if request.param == "asgi":
        with serve_asgi(CIServiceASGIApplication(AsyncFaults(record), interceptors=[Translate()])) as url:
            yield url
    else:
        with serve_wsgi(CIServiceWSGIApplication(SyncFaults(record), interceptors=[TranslateSync()])) as url:
            yield url


def _error(url: str, run_id: str) -> ConnectError:
    with CIServiceClientSync(url) as client, pytest.raises(ConnectError) as caught:
        client.get_run_status(GetRunStatusRequest(run_id=run_id))
    return caught.value


def test_application_interceptor_translates_a_handler_exception_first(
    translated: str, server_log: list[logging.LogRecord]
) -> None:
    error = _error(translated, "lookup")
    assert error.code == Code.NOT_FOUND
    assert error.message == "translated by the interceptor"
    assert server_log == []


def test_untranslated_exception_is_still_internal(translated: str, server_log: list[logging.LogRecord]) -> None:
    error = _error(translated, "boom")
    assert error.code == Code.INTERNAL
    assert SECRET not in error.message
    assert len(server_log) == 1


def test_exception_of_the_interceptor_itself_is_internal(translated: str, server_log: list[logging.LogRecord]) -> None:
    error = _error(translated, "interceptor")
    assert error.code == Code.INTERNAL
    assert SECRET not in error.message
    assert len(server_log) == 1
    assert server_log[0].exc_info is not None and "interceptor failure" in str(server_log[0].exc_info[1])
