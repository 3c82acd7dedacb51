"""A scripted Depot CI service on the generated server stubs, and one way to call it from every client.

`Script` holds what the service does (how many times a read fails, where a log stream is cut,
what pages hold) and records what it saw. `ScriptedDepot` (async) and `ScriptedDepotSync` serve
it through the generated `CIService` / `CIServiceSync` interfaces. `Caller` runs one call with the
sync or the async client, in process (no socket) or over real HTTP, so that every scenario runs
against all four.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.request import RequestContext
from depot_ci.v1 import (
    CIService,
    CIServiceASGIApplication,
    CIServiceClient,
    CIServiceClientSync,
    CIServiceSync,
    CIServiceWSGIApplication,
    ExportJobAttemptLogsRequest,
    ExportJobAttemptLogsResponse,
    GetJobAttemptLogsRequest,
    GetJobAttemptLogsResponse,
    GetRunRequest,
    GetRunResponse,
    GetRunStatusRequest,
    GetRunStatusResponse,
    JobAttemptLogExportFormat,
    JobAttemptLogExportMetadata,
    ListArtifactsRequest,
    ListArtifactsResponse,
    ListRunsRequest,
    ListRunsResponse,
    ListRunsResponseRun,
    LogLine,
    RetryPolicy,
    RunRequest,
    RunResponse,
    StreamJobAttemptLogsRequest,
    StreamJobAttemptLogsResponse,
)
from pyqwest import Client, SyncClient
from pyqwest.testing import ASGITransport, WSGITransport

__all__ = ["FAST", "KINDS", "Caller", "Script", "ScriptedDepot", "ScriptedDepotSync"]

KINDS = ("sync-in-process", "async-in-process", "sync-http", "async-http")
DEFAULT_PAGE_SIZE = 3
FAST = RetryPolicy(max_attempts=3, initial_backoff_ms=1, max_backoff_ms=5)
"""The default number of attempts with pauses short enough for tests."""


@dataclass
class Script:
    """What the scripted service answers, and what it received."""

    runs: list[str] = field(default_factory=lambda: [f"run_{n}" for n in range(7)])
    get_run_failures: int = 0
    """`get_run` answers `unavailable` this many times before it succeeds."""
    get_run_delay_s: float = 0.0
    statuses: list[str] = field(default_factory=lambda: ["queued", "running", "finished"])
    """`get_run_status` answers these in turn, then the last one forever."""
    status_errors: dict[int, Code] = field(default_factory=dict)
    """`get_run_status` call number N (from 1) fails with this code instead (the statuses wait)."""
    status_times: list[float] = field(default_factory=list)
    """`time.monotonic()` of every `get_run_status` call."""
    repeat_page_token: bool = False
    """`list_runs` answers every page with the same next page token (a broken server)."""
    log_lines: list[str] = field(default_factory=lambda: [f"line {n}" for n in range(10)])
    log_page_size: int = 4
    cut_after: set[int] = field(default_factory=set)
    """A log stream answers `unavailable` once after sending each of these many lines in all."""
    fail_stream_opens: int = 0
    """A log stream answers `unavailable` before any line this many times."""
    stream_error: Code | None = None
    """A log stream answers this error after its first line, every time."""
    stream_delay_s: float = 0.0
    export_chunks: list[bytes] = field(default_factory=lambda: [b"first line\n", b"second line\n", b"third line\n"])
    export_fail_after: int | None = None
    """The export answers `unavailable` after this many chunks."""
    export_skip_metadata: bool = False
    calls: dict[str, int] = field(default_factory=dict)
    page_sizes: list[int] = field(default_factory=list)
    cursors: list[str] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, method: str) -> int:
        with self._lock:
            self.calls[method] = self.calls.get(method, 0) + 1
            return self.calls[method]

    # ---- the behaviours, shared by the async and the sync service ----

    def run(self, request: RunRequest) -> RunResponse:
        self.count("run")
        raise ConnectError(Code.UNAVAILABLE, "scripted: run is unavailable")

    def get_run(self, request: GetRunRequest, ctx: RequestContext[Any, Any]) -> GetRunResponse:
        number = self.count("get_run")
        self.headers.append({name: ctx.request_headers.get(name, "") for name in ("authorization", "x-depot-org")})
        if number <= self.get_run_failures:
            raise ConnectError(Code.UNAVAILABLE, f"scripted: failure {number} of get_run")
        return GetRunResponse(run_id=request.run_id, status="running")

    def get_run_status(self, request: GetRunStatusRequest) -> GetRunStatusResponse:
        number = self.count("get_run_status")
        self.status_times.append(time.monotonic())
        if number in self.status_errors:
            raise ConnectError(self.status_errors[number], f"scripted: failure of get_run_status call {number}")
        answered = number - sum(1 for n in self.status_errors if n < number)
        status = self.statuses[min(answered, len(self.statuses)) - 1]
        return GetRunStatusResponse(run_id=request.run_id, status=status)

    def list_runs(self, request: ListRunsRequest) -> ListRunsResponse:
        self.count("list_runs")
        self.page_sizes.append(request.page_size)
        if self.repeat_page_token:
            return ListRunsResponse(runs=[ListRunsResponseRun(run_id="run_0")], next_page_token="same")
        start = int(request.page_token or 0)
        end = start + (request.page_size or DEFAULT_PAGE_SIZE)
        runs = [ListRunsResponseRun(run_id=run_id, status="finished") for run_id in self.runs[start:end]]
        return ListRunsResponse(runs=runs, next_page_token=str(end) if end < len(self.runs) else "")

    def list_artifacts(self, request: ListArtifactsRequest) -> ListArtifactsResponse:
        self.count("list_artifacts")
        return ListArtifactsResponse()

    def get_job_attempt_logs(self, request: GetJobAttemptLogsRequest) -> GetJobAttemptLogsResponse:
        self.count("get_job_attempt_logs")
        start = int(request.page_token or 0)
        end = min(start + self.log_page_size, len(self.log_lines))
        lines = [LogLine(line_number=n, body=self.log_lines[n]) for n in range(start, end)]
        return GetJobAttemptLogsResponse(lines=lines, next_page_token=str(end) if lines else "")

    def stream_job_attempt_logs(self, request: StreamJobAttemptLogsRequest) -> Iterator[StreamJobAttemptLogsResponse]:
        opened = self.count("stream_job_attempt_logs")
        self.cursors.append(request.cursor)
        if opened <= self.fail_stream_opens:
            raise ConnectError(Code.UNAVAILABLE, f"scripted: stream open {opened} fails")
        yield StreamJobAttemptLogsResponse(attempt_status="running")  # status only: no line, no cursor
        for number in range(int(request.cursor or 0), len(self.log_lines)):
            line = LogLine(line_number=number, body=self.log_lines[number])
            yield StreamJobAttemptLogsResponse(line=line, next_cursor=str(number + 1), attempt_status="running")
            if self.stream_error is not None:
                raise ConnectError(self.stream_error, "scripted: stream error")
            with self._lock:
                cut = number + 1 in self.cut_after
                self.cut_after.discard(number + 1)
            if cut:
                raise ConnectError(Code.UNAVAILABLE, f"scripted: stream cut after {number + 1} lines")
        yield StreamJobAttemptLogsResponse(attempt_status="finished")

    def export_job_attempt_logs(
        self, request: ExportJobAttemptLogsRequest
    ) -> Iterator[ExportJobAttemptLogsResponse]:
        self.count("export_job_attempt_logs")
        if not self.export_skip_metadata:
            metadata = JobAttemptLogExportMetadata(
                filename=f"{request.attempt_id}.txt",
                content_type="text/plain; charset=utf-8",
                format=JobAttemptLogExportFormat.JOB_ATTEMPT_LOG_EXPORT_FORMAT_TEXT,
            )
            yield ExportJobAttemptLogsResponse(metadata=metadata)
        for number, chunk in enumerate(self.export_chunks):
            if number == self.export_fail_after:
                raise ConnectError(Code.UNAVAILABLE, "scripted: export cut")
            yield ExportJobAttemptLogsResponse(chunk=chunk)


class ScriptedDepotSync(CIServiceSync):
    """The scripted service for WSGI servers."""

    def __init__(self) -> None:
        self.script = Script()

    def run(self, request: RunRequest, ctx: RequestContext[Any, Any]) -> RunResponse:
        return self.script.run(request)

    def get_run(self, request: GetRunRequest, ctx: RequestContext[Any, Any]) -> GetRunResponse:
        time.sleep(self.script.get_run_delay_s)
        return self.script.get_run(request, ctx)

    def get_run_status(self, request: GetRunStatusRequest, ctx: RequestContext[Any, Any]) -> GetRunStatusResponse:
        return self.script.get_run_status(request)

    def list_runs(self, request: ListRunsRequest, ctx: RequestContext[Any, Any]) -> ListRunsResponse:
        return self.script.list_runs(request)

    def list_artifacts(self, request: ListArtifactsRequest, ctx: RequestContext[Any, Any]) -> ListArtifactsResponse:
        return self.script.list_artifacts(request)

    def get_job_attempt_logs(
        self, request: GetJobAttemptLogsRequest, ctx: RequestContext[Any, Any]
    ) -> GetJobAttemptLogsResponse:
        return self.script.get_job_attempt_logs(request)

    def stream_job_attempt_logs(
        self, request: StreamJobAttemptLogsRequest, ctx: RequestContext[Any, Any]
    ) -> Iterator[StreamJobAttemptLogsResponse]:
        for response in self.script.stream_job_attempt_logs(request):
            if response.HasField("line"):
                time.sleep(self.script.stream_delay_s)
            yield response

    def export_job_attempt_logs(
        self, request: ExportJobAttemptLogsRequest, ctx: RequestContext[Any, Any]
    ) -> Iterator[ExportJobAttemptLogsResponse]:
        return self.script.export_job_attempt_logs(request)


class ScriptedDepot(CIService):
    """The scripted service for ASGI servers (the sync behaviours, awaited in turn)."""

    def __init__(self) -> None:
        self.script = Script()

    async def run(self, request: RunRequest, ctx: RequestContext[Any, Any]) -> RunResponse:
        return self.script.run(request)

    async def get_run(self, request: GetRunRequest, ctx: RequestContext[Any, Any]) -> GetRunResponse:
        await asyncio.sleep(self.script.get_run_delay_s)
        return self.script.get_run(request, ctx)

    async def get_run_status(
        self, request: GetRunStatusRequest, ctx: RequestContext[Any, Any]
    ) -> GetRunStatusResponse:
        return self.script.get_run_status(request)

    async def list_runs(self, request: ListRunsRequest, ctx: RequestContext[Any, Any]) -> ListRunsResponse:
        return self.script.list_runs(request)

    async def list_artifacts(
        self, request: ListArtifactsRequest, ctx: RequestContext[Any, Any]
    ) -> ListArtifactsResponse:
        return self.script.list_artifacts(request)

    async def get_job_attempt_logs(
        self, request: GetJobAttemptLogsRequest, ctx: RequestContext[Any, Any]
    ) -> GetJobAttemptLogsResponse:
        return self.script.get_job_attempt_logs(request)

    async def stream_job_attempt_logs(
        self, request: StreamJobAttemptLogsRequest, ctx: RequestContext[Any, Any]
    ) -> AsyncIterator[StreamJobAttemptLogsResponse]:
        for response in self.script.stream_job_attempt_logs(request):
            if response.HasField("line"):
                await asyncio.sleep(self.script.stream_delay_s)
            yield response

    async def export_job_attempt_logs(
        self, request: ExportJobAttemptLogsRequest, ctx: RequestContext[Any, Any]
    ) -> AsyncIterator[ExportJobAttemptLogsResponse]:
        for response in self.script.export_job_attempt_logs(request):
            yield response



class Caller:
    """Runs `operation(client)` with one kind of client (see `KINDS`) against the scripted service.

    A result that is an iterator (sync) or an async iterator is drained into `received`, which
    keeps what arrived before an error.
    """

    def __init__(self, kind: str, url: str, asgi: ScriptedDepot, wsgi: ScriptedDepotSync) -> None:
        self.kind = kind
        self.script = Script()
        asgi.script = wsgi.script = self.script
        self.url = url if kind.endswith("http") else "http://depot.test"
        self._asgi = asgi
        self._wsgi = wsgi
        self.received: list[Any] = []

    @property
    def is_async(self) -> bool:
        return self.kind.startswith("async")

    def call(self, operation: Any, *, from_env: bool = False, **options: Any) -> Any:
        """The outcome of `operation(client)`; `options` go to the client's constructor (or `from_env`)."""
        self.received = []
        if self.is_async:
            return asyncio.run(self._call_async(operation, from_env, options))
        http = None if self.kind.endswith("http") else SyncClient(WSGITransport(CIServiceWSGIApplication(self._wsgi)))
        if http is not None:
            options["http_client"] = http
        client = CIServiceClientSync.from_env(**options) if from_env else CIServiceClientSync(self.url, **options)
        with client:
            result = operation(client)
            if isinstance(result, Iterator):
                for item in result:
                    self.received.append(item)
                return self.received
            return result

    async def _call_async(self, operation: Any, from_env: bool, options: dict[str, Any]) -> Any:
        if self.kind.endswith("http"):
            return await self._run_async(operation, from_env, options)
        async with ASGITransport(CIServiceASGIApplication(self._asgi)) as transport:
            return await self._run_async(operation, from_env, {**options, "http_client": Client(transport)})

    async def _run_async(self, operation: Any, from_env: bool, options: dict[str, Any]) -> Any:
        client = CIServiceClient.from_env(**options) if from_env else CIServiceClient(self.url, **options)
        async with client:
            result = operation(client)
            if isinstance(result, AsyncIterator):
                async for item in result:
                    self.received.append(item)
                return self.received
            return await result
