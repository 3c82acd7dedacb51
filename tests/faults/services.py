"""The fault implementations of `CIService` (async and sync) and what they record for the tests.

`GetRunStatus` acts on its `run_id`; `StreamJobAttemptLogs` on its `attempt_id`:

- `boom`: raise a plain exception whose text holds a secret (`SECRET`); a stream after two messages.
- `refused`: raise a `ConnectError` on purpose (`not_found`).
- `lookup`: raise a `KeyError`, which an application's interceptor may translate.
- `wait`: wait for the call's cancellation event (up to 10 s), the way the docs tell a sync handler
  to wait; an async handler waits with `asyncio.sleep` and is cancelled instead.
- `stuck`: a sync handler that ignores the event, blocked until the test releases it.
- `busy`: a stream that never waits between messages (the README's shape), forever.
- `turns`: a stream of 50 messages that never waits; each says whether other work ran meanwhile.
- `slow`: a stream of 100 messages, 50 ms apart (waiting on the cancellation event when sync).
- anything else: answer at once; the time left before the deadline (`ctx.timeout_ms`) is sent
  back in the `x-timeout-ms` response header.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field

from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.request import RequestContext
from depot_ci.v1 import (
    CIService,
    CIServiceSync,
    GetRunStatusRequest,
    GetRunStatusResponse,
    LogLine,
    StreamJobAttemptLogsRequest,
    StreamJobAttemptLogsResponse,
    call_cancelled,
)

__all__ = ["SECRET", "AsyncFaults", "Record", "SyncFaults"]

SECRET = "db_password=hunter2 at /srv/app/config.py"
_WAIT_S = 10.0

_Ctx = RequestContext[GetRunStatusRequest, GetRunStatusResponse]
_StreamCtx = RequestContext[StreamJobAttemptLogsRequest, StreamJobAttemptLogsResponse]


@dataclass
class Record:
    """What the handlers did, for the tests to check (shared between server and test threads)."""

    started: dict[str, int] = field(default_factory=dict)
    stopped: dict[str, threading.Event] = field(default_factory=dict)
    """Per action, set when a handler of it ended (returned, was cancelled or closed)."""
    told: dict[str, bool] = field(default_factory=dict)
    """Per action, whether the handler found its cancellation event set when it stopped waiting."""
    release: threading.Event = field(default_factory=threading.Event)
    """Lets `stuck` handlers go."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, action: str) -> threading.Event:
        with self.lock:
            self.started[action] = self.started.get(action, 0) + 1
            return self.stopped.setdefault(action, threading.Event())

    def reset(self) -> None:
        with self.lock:
            self.started.clear()
            self.stopped.clear()
            self.told.clear()


def _line(number: int, body: str = "x" * 40) -> StreamJobAttemptLogsResponse:
    return StreamJobAttemptLogsResponse(line=LogLine(line_number=number, body=body))


class AsyncFaults(CIService):
    """The async fault service."""

    def __init__(self, record: Record) -> None:
        self.record = record

    async def get_run_status(self, request: GetRunStatusRequest, ctx: _Ctx) -> GetRunStatusResponse:
        action = request.run_id
        stopped = self.record.start(action)
        try:
            if action == "boom":
                raise RuntimeError(f"internal failure: {SECRET}")
            if action == "refused":
                raise ConnectError(Code.NOT_FOUND, "run refused was not found")
            if action == "lookup":
                raise KeyError(SECRET)
            if action == "wait":
                self.record.told[action] = False
                try:
                    await asyncio.sleep(_WAIT_S)
                except asyncio.CancelledError:
                    self.record.told[action] = True  # an async handler is told by its cancellation
                    raise
            ctx.response_headers["x-timeout-ms"] = repr(ctx.timeout_ms)
            return GetRunStatusResponse(run_id=action)
        finally:
            stopped.set()

    async def stream_job_attempt_logs(
        self, request: StreamJobAttemptLogsRequest, ctx: _StreamCtx
    ) -> AsyncIterator[StreamJobAttemptLogsResponse]:
        action = request.attempt_id
        stopped = self.record.start(action)
        try:
            if action == "boom":
                yield _line(0)
                yield _line(1)
                raise RuntimeError(f"internal failure: {SECRET}")
            if action == "busy":
                number = 0
                while True:
                    yield _line(number)
                    number += 1
            if action == "turns":
                other_work = asyncio.Event()
                asyncio.get_running_loop().call_soon(other_work.set)
                for number in range(50):
                    yield _line(number, "turn" if other_work.is_set() else "no turn")
            if action == "slow":
                for number in range(100):
                    yield _line(number)
                    await asyncio.sleep(0.05)
        finally:
            stopped.set()


class SyncFaults(CIServiceSync):
    """The sync fault service."""

    def __init__(self, record: Record) -> None:
        self.record = record

    def get_run_status(self, request: GetRunStatusRequest, ctx: _Ctx) -> GetRunStatusResponse:
        action = request.run_id
        stopped = self.record.start(action)
        try:
            if action == "boom":
                raise RuntimeError(f"internal failure: {SECRET}")
            if action == "refused":
                raise ConnectError(Code.NOT_FOUND, "run refused was not found")
            if action == "lookup":
                raise KeyError(SECRET)
            if action == "wait":
                self.record.told[action] = call_cancelled(ctx).wait(_WAIT_S)
            if action == "stuck":
                self.record.release.wait(_WAIT_S)
            ctx.response_headers["x-timeout-ms"] = repr(ctx.timeout_ms)
            return GetRunStatusResponse(run_id=action)
        finally:
            stopped.set()

    def stream_job_attempt_logs(
        self, request: StreamJobAttemptLogsRequest, ctx: _StreamCtx
    ) -> Iterator[StreamJobAttemptLogsResponse]:
        action = request.attempt_id
        stopped = self.record.start(action)
        try:
            if action == "boom":
                yield _line(0)
                yield _line(1)
                raise RuntimeError(f"internal failure: {SECRET}")
            if action == "busy":
                number = 0
                while True:
                    yield _line(number)
                    number += 1
            if action == "slow":
                cancelled = call_cancelled(ctx)
                for number in range(100):
                    yield _line(number)
                    if cancelled.wait(0.05):
                        self.record.told[action] = True
                        return
        finally:
            stopped.set()
