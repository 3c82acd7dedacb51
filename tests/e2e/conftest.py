"""Fixtures of the end-to-end tests: the generated applications on real servers, and async outcomes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from depot_ci.v1 import CIService, CIServiceASGIApplication, CIServiceSync, CIServiceWSGIApplication, ci_pb2

from .support import SERVERS, example_service, planned_async_calls, run_async_calls, serve_asgi, serve_wsgi


@pytest.fixture(scope="session")
def asgi_url() -> Iterator[str]:
    """`CIServiceASGIApplication` serving the example service under uvicorn."""
    with serve_asgi(CIServiceASGIApplication(example_service(CIService, ci_pb2, sync=False))) as url:
        yield url


@pytest.fixture(scope="session")
def wsgi_url() -> Iterator[str]:
    """`CIServiceWSGIApplication` serving the example service under waitress."""
    with serve_wsgi(CIServiceWSGIApplication(example_service(CIServiceSync, ci_pb2, sync=True))) as url:
        yield url


@pytest.fixture(params=SERVERS)
def server(request: pytest.FixtureRequest) -> str:
    """The URL of each server in turn (test ids `asgi` and `wsgi`)."""
    url: str = request.getfixturevalue(f"{request.param}_url")
    return url


@pytest.fixture(scope="session")
def asgi_async(asgi_url: str) -> dict[str, dict[str, Any]]:
    """The async client's outcomes of `planned_async_calls` against the ASGI server."""
    return run_async_calls(asgi_url, planned_async_calls())


@pytest.fixture(scope="session")
def wsgi_async(wsgi_url: str) -> dict[str, dict[str, Any]]:
    """The async client's outcomes of `planned_async_calls` against the WSGI server."""
    return run_async_calls(wsgi_url, planned_async_calls())


@pytest.fixture(params=SERVERS)
def async_outcomes(request: pytest.FixtureRequest) -> dict[str, dict[str, Any]]:
    """The async outcomes of each server in turn, keyed by `call_key`."""
    outcomes: dict[str, dict[str, Any]] = request.getfixturevalue(f"{request.param}_async")
    return outcomes
