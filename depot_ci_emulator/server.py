"""Assembling the emulator: store + clock + executor + service behind the generated ASGI application.

`Emulator(config).app` is an ASGI application (serve it with uvicorn, or in-process with
`pyqwest.testing.ASGITransport`): the generated Connect application, plus `GET /artifacts/...` for
the signed artifact URLs GetArtifactDownloadURL hands out. The store opens and the executor starts
at ASGI lifespan startup; at shutdown the executor stops and the store closes. While it runs, `emulator.store`,
`emulator.clock` and `emulator.executor` are the live objects (use the store read-only from other
threads).
"""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from depot_ci.v1 import CIService, CIServiceASGIApplication

from .artifacts import PREFIX, ArtifactDownloads, UrlSigner
from .auth import AuthInterceptor, Tokens
from .clock import Clock, ScaledClock
from .demo import seed_demo_run
from .errors import ErrorInterceptor
from .executor import Executor, Timing
from .protocol import ProtocolInterceptor
from .service import EmulatorService, StreamLimits
from .sources import Repos
from .store import Store

__all__ = ["DEFAULT_ORG", "DEFAULT_SPEED", "Emulator", "EmulatorConfig"]

DEFAULT_ORG = "org_local"
"""The organization user tokens belong to unless `--org` says otherwise."""

DEFAULT_SPEED = 10.0
"""Emulated seconds per real second by default: a chain of three one-step jobs (9 emulated s) takes about 1 s."""


@dataclass(frozen=True)
class EmulatorConfig:
    """How to run an emulator.

    Args:
        tokens: The accepted tokens and the default organization.
        db: SQLite file holding the state (survives restarts); None keeps it in memory.
        repos: Local repositories by `owner/name` (their `.depot/workflows/` are read).
        speed: Emulated seconds per real second (ignored when `clock` is given).
        clock: A clock to use instead of a `ScaledClock` (tests pass a `ManualClock`).
        timing: Durations of the simulated phases (dispatch, boot, per step).
        demo: Trigger a demo run (three jobs, one failing) at start-up.
        limits: Log stream limits (maximum duration, concurrent streams per token).
    """

    tokens: Tokens
    db: Path | None = None
    repos: Mapping[str, Path] = field(default_factory=dict)
    speed: float = DEFAULT_SPEED
    clock: Clock | None = None
    timing: Timing | None = None
    demo: bool = False
    limits: StreamLimits = field(default_factory=StreamLimits)


class Emulator:
    """One emulator instance: its configuration, its ASGI app, and (while serving) its live state."""

    def __init__(self, config: EmulatorConfig) -> None:
        self.config = config
        self.store: Store | None = None
        self.clock: Clock | None = None
        self.executor: Executor | None = None
        self.demo_run_id = ""
        self.signer = UrlSigner.random()
        self.downloads: ArtifactDownloads | None = None
        self.connect_app = CIServiceASGIApplication(
            self._lifespan(), interceptors=(ErrorInterceptor(), AuthInterceptor(config.tokens), ProtocolInterceptor())
        )

        self.app = _Router(self)
        """The ASGI application: artifact downloads under `/artifacts/`, everything else to Connect."""

    async def route(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Serve one ASGI call: artifact downloads under `/artifacts/`, everything else to Connect."""
        if scope["type"] == "http" and scope["path"].startswith(PREFIX):
            if self.downloads is None:
                await send({"type": "http.response.start", "status": 503, "headers": []})
                await send({"type": "http.response.body", "body": b"the emulator is starting\n"})
                return
            await self.downloads(scope, receive, send)
            return
        await self.connect_app(scope, receive, send)

    async def _lifespan(self) -> AsyncGenerator[CIService, None]:
        config = self.config
        store = Store.open(config.db)
        try:
            clock = config.clock or ScaledClock(
                config.speed, start_ms=max(int(time.time() * 1000), store.latest_time_ms() + 1)
            )
            executor = Executor(store, clock, config.timing)
            await executor.start()
            self.store, self.clock, self.executor = store, clock, executor
            service = EmulatorService(store, clock, executor, config.tokens, Repos(config.repos), config.limits)
            service.signer = self.signer
            self.downloads = ArtifactDownloads(self.signer, store, clock)
            if config.demo:
                self.demo_run_id = seed_demo_run(store, clock, config.tokens.default_org)
                executor.wake()
            try:
                yield service
            finally:
                self.downloads = None
                await executor.stop()
        finally:
            store.close()


class _Router:
    """An ASGI 3 callable (uvicorn inspects `__call__`) forwarding to `Emulator.route`."""

    def __init__(self, emulator: Emulator) -> None:
        self._emulator = emulator

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        await self._emulator.route(scope, receive, send)
