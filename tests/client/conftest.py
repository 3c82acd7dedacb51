"""Fixtures of the client tests: the scripted service under uvicorn, and a `Caller` of each kind."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from depot_ci.v1 import CIServiceASGIApplication
from live_servers import serve_asgi

from .support import KINDS, Caller, ScriptedDepot, ScriptedDepotSync


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, ScriptedDepot]]:
    """The async scripted service under uvicorn on 127.0.0.1: its URL and the service (to swap scripts)."""
    service = ScriptedDepot()
    with serve_asgi(CIServiceASGIApplication(service)) as url:
        yield url, service


@pytest.fixture(params=KINDS)
def caller(request: pytest.FixtureRequest, served: tuple[str, ScriptedDepot]) -> Caller:
    """A caller of each kind in turn, with a fresh script."""
    url, service = served
    return Caller(request.param, url, service, ScriptedDepotSync())


@pytest.fixture(params=["sync-in-process", "async-in-process"])
def local_caller(request: pytest.FixtureRequest, served: tuple[str, ScriptedDepot]) -> Caller:
    """An in-process caller, sync and async (for scenarios the network adds nothing to)."""
    url, service = served
    return Caller(request.param, url, service, ScriptedDepotSync())
