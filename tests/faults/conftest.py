"""Fixtures of the fault tests: the fault services under uvicorn and waitress, and the server log."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from depot_ci.v1 import CIServiceASGIApplication, CIServiceWSGIApplication
from live_servers import serve_asgi, serve_wsgi

from .services import AsyncFaults, Record, SyncFaults

# The generated module's logger: `logging.getLogger(__name__)` there.
LOGGER = "depot_ci.v1.ci_connect"


@dataclass(frozen=True)
class Served:
    """A fault service on a real server: its URL, what its handlers did, and which server it is."""

    url: str
    record: Record
    kind: str


@pytest.fixture(scope="session")
def asgi() -> Iterator[Served]:
    """`AsyncFaults` behind `CIServiceASGIApplication` under uvicorn."""
    record = Record()
    try:
        with serve_asgi(CIServiceASGIApplication(AsyncFaults(record))) as url:
            yield Served(url, record, "asgi")
    finally:
        record.release.set()


@pytest.fixture(scope="session")
def wsgi() -> Iterator[Served]:
    """`SyncFaults` behind `CIServiceWSGIApplication` under waitress (4 worker threads)."""
    record = Record()
    try:
        with serve_wsgi(CIServiceWSGIApplication(SyncFaults(record))) as url:
            yield Served(url, record, "wsgi")
    finally:
        record.release.set()


@pytest.fixture(params=["asgi", "wsgi"])
def served(request: pytest.FixtureRequest) -> Served:
    """Each server in turn, its record reset."""
    value: Served = request.getfixturevalue(request.param)
    value.record.reset()
    return value


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def server_log() -> Iterator[list[logging.LogRecord]]:
    """The records the generated module logs while the test runs.

    They do not propagate to pytest's handlers: those would format the traceback in the server's
    thread, which on CPython 3.11 can crash a concurrent `ast` use (see tests/live_servers.py).
    """
    logger = logging.getLogger(LOGGER)
    handler = _Records()
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
