"""Load: unary calls from 8 clients, alone and beside 4 long server streams, on both generated servers.

The servers (`python -m bench.load_bench serve --kind asgi|wsgi ...`) implement the two methods
the way the README does: `GetRunStatus` answers at once and `StreamJobAttemptLogs` yields its lines
without ever awaiting (or pausing) between them. ASGI runs under uvicorn (one worker), WSGI under
waitress (16 threads: one per concurrent connection, so that long streams cannot take every thread).

Each run: 8 threads of this process, each with its own sync client (binary protobuf), make 500
`GetRunStatus` calls as fast as they can. With streams, a separate process
(`python -m bench.load_bench streams ...`, so its reading does not compete for this process' GIL)
first opens 4 streams of 100,000 lines each, opened again as each ends, and keeps them running
for the whole run; its readers close their connections at the end, mid-stream. The run without
streams comes first, against the same server process. Server RSS is read from /proc before and
after each run.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from . import ROOT
from .payloads import log_line_pool, run_status_response
from .report import Section, Table
from .servers import COUNT_HEADER, Server, exit_with_parent
from .timing import log

__all__ = ["LoadRun", "main", "run"]

Kind = Literal["asgi", "wsgi"]
_HOST = "127.0.0.1"
_STREAM_LINES = 100_000
_WAITRESS_THREADS = 16
_MIB = 1024 * 1024
_END_OK = b"\x02\x00\x00\x00\x02{}"
"""A Connect stream's end-of-stream envelope without an error."""


# --- the servers -------------------------------------------------------------------------------


def _apps(kind: Kind) -> Any:
    from depot_ci.v1 import (
        CIService,
        CIServiceASGIApplication,
        CIServiceSync,
        CIServiceWSGIApplication,
        GetRunStatusRequest,
        GetRunStatusResponse,
        StreamJobAttemptLogsRequest,
        StreamJobAttemptLogsResponse,
        ci_pb2,
    )

    made = run_status_response(ci_pb2)
    if not isinstance(made, GetRunStatusResponse):
        raise TypeError(f"not a GetRunStatusResponse: {type(made)}")
    status: GetRunStatusResponse = made
    pool = [line for line in log_line_pool(ci_pb2) if isinstance(line, StreamJobAttemptLogsResponse)]

    def lines(ctx: Any) -> Iterator[StreamJobAttemptLogsResponse]:
        count = int(ctx.request_headers.get(COUNT_HEADER, "0"))
        return (pool[index % len(pool)] for index in range(count))

    class AsyncDepot(CIService):
        async def get_run_status(self, request: GetRunStatusRequest, ctx: Any) -> GetRunStatusResponse:
            return status

        async def stream_job_attempt_logs(
            self, request: StreamJobAttemptLogsRequest, ctx: Any
        ) -> AsyncIterator[StreamJobAttemptLogsResponse]:
            for line in lines(ctx):  # never awaits, as in the README
                yield line

    class SyncDepot(CIServiceSync):
        def get_run_status(self, request: GetRunStatusRequest, ctx: Any) -> GetRunStatusResponse:
            return status

        def stream_job_attempt_logs(
            self, request: StreamJobAttemptLogsRequest, ctx: Any
        ) -> Iterator[StreamJobAttemptLogsResponse]:
            yield from lines(ctx)

    return CIServiceASGIApplication(AsyncDepot()) if kind == "asgi" else CIServiceWSGIApplication(SyncDepot())


def _serve(kind: Kind, port: int) -> None:
    app = _apps(kind)
    if kind == "asgi":
        import uvicorn

        config = uvicorn.Config(
            app, host=_HOST, port=port, workers=1, log_level="warning", access_log=False, timeout_graceful_shutdown=2
        )
        uvicorn.Server(config).run()
    else:
        import waitress

        waitress.serve(app, host=_HOST, port=port, threads=_WAITRESS_THREADS, _quiet=True)


class _LoadServer(Server):
    """A load server subprocess (`python -m bench.load_bench serve`)."""

    def __init__(self, kind: Kind) -> None:
        super().__init__("ours")
        self.kind = kind

    def command(self) -> list[str]:
        return [sys.executable, "-m", "bench.load_bench", "serve", "--kind", self.kind, "--port", str(self.port)] + [
            "--parent",
            str(os.getpid()),
        ]


def _rss_bytes(pid: int | None) -> int | None:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return None


# --- the stream readers (a subprocess) ---------------------------------------------------------


def _stream_request(attempt_id: str) -> bytes:
    from depot_ci.v1 import StreamJobAttemptLogsRequest

    data = StreamJobAttemptLogsRequest(attempt_id=attempt_id).SerializeToString()
    body = struct.pack(">BI", 0, len(data)) + data
    return (
        f"POST /depot.ci.v1.CIService/StreamJobAttemptLogs HTTP/1.1\r\nHost: {_HOST}\r\n"
        f"Content-Type: application/connect+proto\r\nConnect-Protocol-Version: 1\r\n{COUNT_HEADER}: {_STREAM_LINES}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


@dataclass
class _Reader:
    """One stream reader's counts."""

    received: int = 0
    completed: int = 0
    errors: int = 0


def _read_streams(port: int, reader: _Reader, ready: threading.Event, stop: threading.Event) -> None:
    """Open streams one after another until `stop`; count bytes, completed streams and bad endings."""
    request = _stream_request("att_load")
    while not stop.is_set():
        try:
            with socket.create_connection((_HOST, port), timeout=30) as connection:
                connection.sendall(request)
                tail = b""
                while not stop.is_set():
                    chunk = connection.recv(65536)
                    if not chunk:
                        break
                    reader.received += len(chunk)
                    tail = (tail + chunk)[-64:]
                    if reader.received >= 65536:
                        ready.set()
                    # Chunked transfer coding (waitress, uvicorn) ends with "0\r\n\r\n".
                    if tail.endswith(b"0\r\n\r\n"):
                        break
                if stop.is_set():
                    return
                body_tail = tail.removesuffix(b"\r\n0\r\n\r\n")
                if body_tail.endswith(_END_OK):
                    reader.completed += 1
                else:
                    reader.errors += 1
        except OSError:
            if not stop.is_set():
                reader.errors += 1


def _streams_main(port: int, count: int) -> None:
    """Run `count` stream readers until stdin closes; print 'ready' once all flow, then the counts."""
    readers = [_Reader() for _ in range(count)]
    readies = [threading.Event() for _ in range(count)]
    stop = threading.Event()
    threads = [
        threading.Thread(target=_read_streams, args=(port, reader, ready, stop), daemon=True)
        for reader, ready in zip(readers, readies, strict=True)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for ready in readies:
        ready.wait(60)
    print("ready", flush=True)
    sys.stdin.read()  # until the benchmark closes it
    stop.set()
    elapsed = time.perf_counter() - started
    for thread in threads:
        thread.join(5)
    stats = {
        "bytes": sum(reader.received for reader in readers),
        "completed": sum(reader.completed for reader in readers),
        "errors": sum(reader.errors for reader in readers),
        "seconds": elapsed,
    }
    print(json.dumps(stats), flush=True)


# --- the unary clients -------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadRun:
    """One run's figures."""

    kind: Kind
    streams: int
    calls: int
    seconds: float
    latencies_ms: list[float]
    errors: int
    rss_growth: int | None
    stream_mib_per_s: float = 0.0
    stream_errors: int = 0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def _unary_clients(url: str, clients: int, calls: int) -> tuple[list[float], int, float]:
    from connectrpc.errors import ConnectError
    from depot_ci.v1 import CIServiceClientSync, GetRunStatusRequest

    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    barrier = threading.Barrier(clients + 1)

    def work(index: int) -> None:
        request = GetRunStatusRequest(run_id="run_load")
        with CIServiceClientSync(url, timeout_ms=30_000) as client:
            client.get_run_status(request)  # connect before the clock starts
            barrier.wait()
            for _ in range(calls):
                started = time.perf_counter()
                try:
                    client.get_run_status(request)
                except ConnectError:
                    errors[index] += 1
                latencies[index].append((time.perf_counter() - started) * 1000)

    # Daemon threads: an interrupted benchmark must not wait for calls still in flight.
    threads = [threading.Thread(target=work, args=(index,), daemon=True) for index in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return [value for values in latencies for value in values], sum(errors), elapsed


def _streams_process(port: int, count: int) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "bench.load_bench", "streams", "--port", str(port), "--count", str(count)]
    process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if line != "ready":
        process.kill()
        process.wait()
        raise RuntimeError(f"the stream readers did not start: {line!r}")
    return process


def _stop_streams(process: subprocess.Popen[str]) -> dict[str, float]:
    stdin: IO[str] | None = process.stdin
    assert stdin is not None and process.stdout is not None
    stdin.close()
    try:
        stats: dict[str, float] = json.loads(process.stdout.readline())
        process.wait(20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return stats


def _measure(kind: Kind, clients: int, calls: int, streams: int) -> list[LoadRun]:
    runs = []
    with _LoadServer(kind) as server:
        _unary_clients(server.url, 2, 100)  # warm-up
        for with_streams in (0, streams):
            rss_before = _rss_bytes(server.pid)
            readers = _streams_process(server.port, with_streams) if with_streams else None
            try:
                latencies, errors, elapsed = _unary_clients(server.url, clients, calls)
            finally:
                stats = _stop_streams(readers) if readers is not None else {}
            rss_after = _rss_bytes(server.pid)
            runs.append(
                LoadRun(
                    kind=kind,
                    streams=with_streams,
                    calls=clients * calls,
                    seconds=elapsed,
                    latencies_ms=latencies,
                    errors=errors,
                    rss_growth=None if rss_before is None or rss_after is None else rss_after - rss_before,
                    stream_mib_per_s=stats.get("bytes", 0) / _MIB / stats["seconds"] if stats else 0.0,
                    stream_errors=int(stats.get("errors", 0)),
                )
            )
            log(
                f"load {kind}, {with_streams} streams: {clients * calls / elapsed:,.0f} calls/s, "
                f"p99 {runs[-1].percentile(0.99):.1f} ms, {errors} errors"
            )
    return runs


def run(*, clients: int, calls: int, streams: int) -> Section:
    """Both servers, each without and with `streams` long streams; the report section."""
    runs = [item for kind in ("asgi", "wsgi") for item in _measure(kind, clients, calls, streams)]
    servers = {"asgi": "ASGI (uvicorn)", "wsgi": f"WSGI (waitress, {_WAITRESS_THREADS} threads)"}
    rows = [
        (
            servers[item.kind],
            str(item.streams) if item.streams else "none",
            f"{item.calls / item.seconds:,.0f}",
            f"{item.percentile(0.5):.1f}",
            f"{item.percentile(0.99):.1f}",
            f"{max(item.latencies_ms):.1f}",
            str(item.errors),
            f"{item.stream_mib_per_s:.1f}" if item.streams else "–",
            str(item.stream_errors) if item.streams else "–",
            "–" if item.rss_growth is None else f"{item.rss_growth / _MIB:+.1f}",
        )
        for item in runs
    ]
    notes = []
    for kind in ("asgi", "wsgi"):
        alone, beside = (item for item in runs if item.kind == kind)
        ratio = beside.percentile(0.99) / alone.percentile(0.99)
        verdict = "within" if ratio <= 3 and beside.errors == 0 and beside.stream_errors == 0 else "NOT within"
        notes.append(
            f"{servers[kind]}: unary p99 beside {streams} streams is {ratio:.1f}× the p99 alone "
            f"({verdict} the 3× target, {beside.errors + beside.stream_errors} errors)."
        )
    return Section(
        title="Load: unary calls beside long streams",
        method=(
            f"{clients} client threads × {calls} `GetRunStatus` calls (binary protobuf, one sync client each), "
            f"first alone, then beside {streams} `StreamJobAttemptLogs` streams of {_STREAM_LINES:,} lines read "
            "by another process and reopened as each ends. The handlers are written like the README's: the "
            "stream never awaits between lines. Latency is per call as the client sees it; RSS growth is the "
            "server's resident memory after the run minus before it."
        ),
        tables=[
            Table(
                headers=(
                    "server",
                    "streams",
                    "calls/s",
                    "p50 ms",
                    "p99 ms",
                    "max ms",
                    "errors",
                    "streams MiB/s",
                    "stream errors",
                    "RSS growth MiB",
                ),
                rows=rows,
            )
        ],
        notes=notes,
        headlines=[
            (f"Unary p99 beside {streams} streams, {servers[kind]}", f"{item.percentile(0.99):.1f} ms")
            for kind in ("asgi", "wsgi")
            for item in runs
            if item.kind == kind and item.streams
        ],
    )


def main(argv: list[str] | None = None) -> int:
    """The subprocesses' entry point: `serve` a load server or read `streams`."""
    parser = argparse.ArgumentParser(prog="python -m bench.load_bench")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve")
    serve.add_argument("--kind", choices=("asgi", "wsgi"), required=True)
    serve.add_argument("--port", type=int, required=True)
    serve.add_argument("--parent", type=int, required=True, help="exit when this process is gone")
    streams = commands.add_parser("streams")
    streams.add_argument("--port", type=int, required=True)
    streams.add_argument("--count", type=int, required=True)
    args = parser.parse_args(argv)
    if args.command == "serve":
        threading.Thread(target=exit_with_parent, args=(args.parent,), daemon=True).start()
        _serve(args.kind, args.port)
    else:
        _streams_main(args.port, args.count)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
