"""Fixtures of the interop tests: the official stubs, and our and the official applications on real servers."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from depot_ci.v1 import CIService, CIServiceASGIApplication, CIServiceSync, CIServiceWSGIApplication, ci_pb2
from e2e.support import SERVERS, example_service, run_async_calls, serve_asgi, serve_wsgi

from .support import interop_async_calls, official_stubs


@pytest.fixture(scope="session")
def official_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the official stubs are generated (the sys.path entry they are imported from)."""
    return tmp_path_factory.mktemp("official-stubs")


@pytest.fixture(scope="session")
def official(official_root: Path) -> Iterator[ModuleType]:
    """The official generator's `depot.ci.v1.ci_connect`, generated from proto/ for this session."""
    with official_stubs(official_root) as module:
        yield module


@pytest.fixture(scope="session")
def official_pb2(official: ModuleType) -> ModuleType:
    """The `_pb2` module protoc wrote beside the official stubs."""
    return importlib.import_module("depot.ci.v1.ci_pb2")


@pytest.fixture(scope="session")
def our_asgi_url() -> Iterator[str]:
    with serve_asgi(CIServiceASGIApplication(example_service(CIService, ci_pb2, sync=False))) as url:
        yield url


@pytest.fixture(scope="session")
def our_wsgi_url() -> Iterator[str]:
    with serve_wsgi(CIServiceWSGIApplication(example_service(CIServiceSync, ci_pb2, sync=True))) as url:
        yield url


@pytest.fixture(scope="session")
def official_asgi_url(official: ModuleType, official_pb2: ModuleType) -> Iterator[str]:
    service = example_service(official.CIService, official_pb2, sync=False)
    with serve_asgi(official.CIServiceASGIApplication(service)) as url:
        yield url


@pytest.fixture(scope="session")
def official_wsgi_url(official: ModuleType, official_pb2: ModuleType) -> Iterator[str]:
    service = example_service(official.CIServiceSync, official_pb2, sync=True)
    with serve_wsgi(official.CIServiceWSGIApplication(service)) as url:
        yield url


@pytest.fixture(params=SERVERS)
def our_server(request: pytest.FixtureRequest) -> str:
    """Our generated application under each server in turn."""
    url: str = request.getfixturevalue(f"our_{request.param}_url")
    return url


@pytest.fixture(params=SERVERS)
def official_server(request: pytest.FixtureRequest) -> str:
    """The official stubs' application under each server in turn."""
    url: str = request.getfixturevalue(f"official_{request.param}_url")
    return url


@pytest.fixture(scope="session")
def official_async_against_ours(
    official: ModuleType, official_root: Path, our_asgi_url: str, our_wsgi_url: str
) -> dict[str, dict[str, dict[str, Any]]]:
    """The official async client's outcomes against our ASGI and WSGI servers."""
    return {
        server: run_async_calls(
            url,
            interop_async_calls(),
            module=official.__name__,
            client="CIServiceClient",
            style="official",
            pythonpath=[official_root],
        )
        for server, url in (("asgi", our_asgi_url), ("wsgi", our_wsgi_url))
    }


@pytest.fixture(scope="session")
def ours_async_against_official(official_asgi_url: str, official_wsgi_url: str) -> dict[str, dict[str, dict[str, Any]]]:
    """Our async client's outcomes against the official stubs' ASGI and WSGI servers."""
    return {
        server: run_async_calls(url, interop_async_calls())
        for server, url in (("asgi", official_asgi_url), ("wsgi", official_wsgi_url))
    }


DIRECTIONS = ["official-client-our-server", "our-client-official-server"]


@pytest.fixture(params=DIRECTIONS)
def async_direction(request: pytest.FixtureRequest) -> dict[str, dict[str, dict[str, Any]]]:
    """The async outcomes of each direction in turn, by server kind and then `call_key`."""
    name = "official_async_against_ours" if request.param == DIRECTIONS[0] else "ours_async_against_official"
    outcomes: dict[str, dict[str, dict[str, Any]]] = request.getfixturevalue(name)
    return outcomes
