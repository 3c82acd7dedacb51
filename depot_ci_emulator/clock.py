"""Emulated time: what the executor sleeps on and what every persisted timestamp reads.

Times are Unix epoch milliseconds (int). `ScaledClock` runs `speed` times faster than real time, so
`sleep 60` in a workflow step takes 60 emulated seconds but 60 / speed real seconds. `ManualClock`
moves only when a test calls `advance()`, so tests decide exactly when a sleeping step wakes up (and,
for the artifact URLs of later work, when a signed URL expires).
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Protocol

__all__ = ["Clock", "ManualClock", "ScaledClock"]


class Clock(Protocol):
    """A source of emulated time shared by the executor and the service."""

    def now_ms(self) -> int:
        """The emulated time, in Unix epoch milliseconds."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait `seconds` of emulated time (0 or less returns at once, after yielding control)."""
        ...


class ScaledClock:
    """Emulated time that runs `speed` times faster than real time, from `start_ms` on.

    Args:
        speed: How many emulated seconds pass per real second; must be positive.
        start_ms: The emulated time now, in epoch ms; defaults to the real time. A restarted emulator
            passes the newest persisted timestamp, so time never runs backwards across restarts.

    Raises:
        ValueError: If `speed` is not a positive finite number.
    """

    def __init__(self, speed: float = 1.0, start_ms: int | None = None) -> None:
        if not (speed > 0 and speed != float("inf")):
            msg = f"speed must be a positive number, not {speed!r}"
            raise ValueError(msg)
        self.speed = speed
        self._origin_real = time.monotonic()
        self._origin_ms = int(time.time() * 1000) if start_ms is None else start_ms

    def now_ms(self) -> int:
        """The emulated time, in Unix epoch milliseconds."""
        return self._origin_ms + int((time.monotonic() - self._origin_real) * self.speed * 1000)

    async def sleep(self, seconds: float) -> None:
        """Wait `seconds` emulated seconds, i.e. `seconds / speed` real seconds."""
        await asyncio.sleep(max(seconds, 0.0) / self.speed)


class ManualClock:
    """Emulated time that moves only when `advance()` is called; for tests.

    `advance()` may be called from any thread (a test thread driving an emulator that runs in a
    server thread): sleepers wake up in their own event loop.

    Args:
        start_ms: The emulated time to start at, in epoch ms (default: 2026-01-01T00:00:00Z).
    """

    def __init__(self, start_ms: int = 1_767_225_600_000) -> None:
        self._now_ms = start_ms
        self._lock = threading.Lock()
        self._sleepers: list[tuple[int, asyncio.AbstractEventLoop, asyncio.Future[None]]] = []

    def now_ms(self) -> int:
        """The emulated time, in Unix epoch milliseconds."""
        with self._lock:
            return self._now_ms

    def advance(self, seconds: float) -> None:
        """Move emulated time forward by `seconds` and wake every sleeper whose time has come.

        Raises:
            ValueError: If `seconds` is negative (time never runs backwards).
        """
        if seconds < 0:
            msg = f"time cannot move backwards (advance({seconds!r}))"
            raise ValueError(msg)
        with self._lock:
            self._now_ms += round(seconds * 1000)
            due = [s for s in self._sleepers if s[0] <= self._now_ms]
            self._sleepers = [s for s in self._sleepers if s[0] > self._now_ms]
        for _, loop, future in due:
            if not loop.is_closed():
                loop.call_soon_threadsafe(_wake, future)

    async def sleep(self, seconds: float) -> None:
        """Wait until `advance()` has moved time `seconds` past now (0 or less: return at once)."""
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        with self._lock:
            self._sleepers.append((self._now_ms + round(seconds * 1000), loop, future))
        try:
            await future
        finally:
            with self._lock:
                self._sleepers = [s for s in self._sleepers if s[2] is not future]


def _wake(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
