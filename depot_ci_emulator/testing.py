"""The emulator in your tests: in a thread on a free port, or in-process without a socket.

    from depot_ci_emulator.testing import run_emulator

    with run_emulator() as depot:            # uvicorn on 127.0.0.1, a free port, in a thread
        with depot.client() as client:       # a CIServiceClientSync with the token set
            run = client.run(RunRequest(repo="acme/app", workflow_content=[YAML]))
            depot.wait_for_run(run.run_id)   # until the run is finished, failed or cancelled

`pytest_plugins = ["depot_ci_emulator.pytest_plugin"]` in a conftest.py gives the `depot_emulator`
fixture (one emulator per test). `in_process_emulator()` serves the same application to an async
client through `pyqwest.testing.ASGITransport`, with no socket at all.

Tests run fastest with a high `speed` (the default here, 1000, makes `sleep 60` take 60 ms) or a
`ManualClock` they advance themselves.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pyqwest
import uvicorn
from depot_ci.v1 import CIServiceClient, CIServiceClientSync, GetRunRequest, GetRunResponse
from pyqwest.testing import ASGITransport

from .auth import Tokens
from .clock import Clock
from .executor import Timing
from .server import DEFAULT_ORG, Emulator, EmulatorConfig
from .service import StreamLimits
from .states import TERMINAL

__all__ = ["TEST_SPEED", "InProcessEmulator", "RunningEmulator", "in_process_emulator", "run_emulator"]

TEST_SPEED = 1000.0
"""Emulated seconds per real second in tests unless a test asks otherwise."""

Encoding = Literal["proto", "json"]


@dataclass(frozen=True)
class RunningEmulator:
    """An emulator serving at `base_url`, accepting `token` (a user token of `org_id`)."""

    base_url: str
    token: str
    org_id: str
    emulator: Emulator

    @property
    def headers(self) -> dict[str, str]:
        """The headers a client of this emulator sends (`Authorization: Bearer <token>`)."""
        return {"Authorization": f"Bearer {self.token}"}

    def client(self, encoding: Encoding = "proto", timeout_ms: int = 10_000) -> CIServiceClientSync:
        """A sync client of this emulator with the token set; close it (use `with`)."""
        return CIServiceClientSync(self.base_url, encoding=encoding, headers=self.headers, timeout_ms=timeout_ms)

    def async_client(self, encoding: Encoding = "proto", timeout_ms: int = 10_000) -> CIServiceClient:
        """An async client of this emulator with the token set; close it (use `async with`)."""
        return CIServiceClient(self.base_url, encoding=encoding, headers=self.headers, timeout_ms=timeout_ms)

    def wait_for_run(self, run_id: str, timeout_s: float = 30.0) -> GetRunResponse:
        """Poll GetRun until the run is terminal; returns it.

        Raises:
            TimeoutError: If the run is still queued or running after `timeout_s` real seconds.
        """
        deadline = time.monotonic() + timeout_s
        with self.client() as client:
            while True:
                run = client.get_run(GetRunRequest(run_id=run_id))
                if run.status in TERMINAL:
                    return run
                if time.monotonic() > deadline:
                    msg = f"run {run_id} is still {run.status} after {timeout_s} s"
                    raise TimeoutError(msg)
                time.sleep(0.01)


def _config(
    token: str,
    org_id: str,
    db: Path | None,
    repos: Mapping[str, Path] | None,
    speed: float,
    clock: Clock | None,
    timing: Timing | None,
    org_tokens: Mapping[str, str] | None,
    limits: StreamLimits | None = None,
) -> EmulatorConfig:
    tokens = Tokens(default_org=org_id, user_tokens=frozenset({token}), org_tokens=dict(org_tokens or {}))
    return EmulatorConfig(
        tokens=tokens,
        db=db,
        repos=dict(repos or {}),
        speed=speed,
        clock=clock,
        timing=timing,
        limits=limits or StreamLimits(),
    )


@contextmanager
def run_emulator(
    *,
    token: str = "test-token",
    org_id: str = DEFAULT_ORG,
    db: Path | None = None,
    repos: Mapping[str, Path] | None = None,
    speed: float = TEST_SPEED,
    clock: Clock | None = None,
    timing: Timing | None = None,
    org_tokens: Mapping[str, str] | None = None,
    limits: StreamLimits | None = None,
    start_timeout_s: float = 20.0,
) -> Iterator[RunningEmulator]:
    """Serve an emulator with uvicorn on 127.0.0.1 (a free port) in a thread for the `with` block.

    Args:
        token: The user token it accepts (member of `org_id`).
        org_id: The organization of `token`.
        db: SQLite file for the state (None: in memory).
        repos: Local repositories by `owner/name`.
        speed: Emulated seconds per real second (ignored with `clock`).
        clock: A clock to use instead (e.g. `ManualClock`).
        timing: Durations of the simulated phases.
        org_tokens: Organization tokens, token -> organization id.
        limits: Log stream limits (maximum duration, concurrent streams per token).
        start_timeout_s: How long to wait for it to start.

    Raises:
        RuntimeError: If the server does not start (e.g. the --db file is unusable), or does not stop.
    """
    emulator = Emulator(_config(token, org_id, db, repos, speed, clock, timing, org_tokens, limits))
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(emulator.app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, name="depot-ci-emulator", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + start_timeout_s
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                msg = "the Depot CI emulator did not start (see the log above)"
                raise RuntimeError(msg)
            time.sleep(0.005)
        yield RunningEmulator(f"http://127.0.0.1:{port}", token, org_id, emulator)
    finally:
        server.should_exit = True
        thread.join(20)
        listener.close()
        if thread.is_alive():
            logging.getLogger("depot_ci_emulator").error("the emulator thread did not stop within 20 s")


@dataclass(frozen=True)
class InProcessEmulator:
    """An emulator served in-process; `client` is an async client wired to it (no socket)."""

    client: CIServiceClient
    emulator: Emulator
    token: str
    org_id: str


@asynccontextmanager
async def in_process_emulator(
    *,
    token: str = "test-token",
    org_id: str = DEFAULT_ORG,
    db: Path | None = None,
    repos: Mapping[str, Path] | None = None,
    speed: float = TEST_SPEED,
    clock: Clock | None = None,
    timing: Timing | None = None,
    encoding: Encoding = "proto",
) -> AsyncIterator[InProcessEmulator]:
    """Serve an emulator inside the running event loop and yield an async client of it.

    The arguments are `run_emulator`'s. The executor runs in the caller's event loop.
    """
    emulator = Emulator(_config(token, org_id, db, repos, speed, clock, timing, None))
    async with ASGITransport(emulator.app) as transport:
        headers = {"Authorization": f"Bearer {token}"}
        http = pyqwest.Client(transport)
        async with CIServiceClient("http://emulator", encoding=encoding, headers=headers, http_client=http) as client:
            yield InProcessEmulator(client, emulator, token, org_id)
