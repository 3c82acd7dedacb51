"""Benchmark servers: the generated ASGI application (ours or the official stubs') under uvicorn.

Each server runs in its own subprocess, one worker, bound to 127.0.0.1 on a free port:

    python -m bench.servers --impl ours --port 8123 --parent <pid>
    python -m bench.servers --impl official --stubs <dir> --port 8124 --parent <pid>

`Server` starts one from the benchmark process and stops it on exit, errors and Ctrl-C included;
the server also exits by itself when its parent process goes away. It implements the three
methods the benchmarks call; the others answer `unimplemented`.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from types import ModuleType, TracebackType
from typing import IO, Any, Literal, Self

from google.protobuf.message import Message

from . import ROOT
from .payloads import CHUNK_BYTES, export_chunk, export_metadata, log_line_pool, run_status_response

__all__ = ["BYTES_HEADER", "COUNT_HEADER", "Impl", "Server", "exit_with_parent", "free_port", "main"]

Impl = Literal["ours", "official"]
COUNT_HEADER = "x-bench-lines"
"""Request header: how many log lines StreamJobAttemptLogs sends."""
BYTES_HEADER = "x-bench-bytes"
"""Request header: how many bytes ExportJobAttemptLogs exports."""

_HOST = "127.0.0.1"
_START_TIMEOUT = 60.0
_STOP_TIMEOUT = 10.0


class Handlers:
    """The methods the benchmarks call, answering with messages of the given `ci_pb2` module."""

    def __init__(self, pb2: ModuleType) -> None:
        self._pb2 = pb2
        self._status = run_status_response(pb2)
        self._lines = log_line_pool(pb2)
        self._metadata = export_metadata(pb2)
        self._chunk_bytes = export_chunk()
        self._chunk: Message = pb2.ExportJobAttemptLogsResponse(chunk=self._chunk_bytes)

    async def get_run_status(self, request: Any, ctx: Any, /) -> Any:
        """The same realistic GetRunStatusResponse every time."""
        return self._status

    async def stream_job_attempt_logs(self, request: Any, ctx: Any, /) -> AsyncIterator[Any]:
        """As many log lines as the `x-bench-lines` header asks for, cycling through a pool."""
        count = int(ctx.request_headers.get(COUNT_HEADER, "0"))
        pool = self._lines
        size = len(pool)
        for index in range(count):
            yield pool[index % size]

    async def export_job_attempt_logs(self, request: Any, ctx: Any, /) -> AsyncIterator[Any]:
        """Metadata, then `x-bench-bytes` bytes in 256 KiB chunks made on the fly (one chunk in memory)."""
        total = int(ctx.request_headers.get(BYTES_HEADER, "0"))
        yield self._metadata
        full, rest = divmod(total, CHUNK_BYTES)
        for _ in range(full):
            yield self._chunk
        if rest:
            yield self._pb2.ExportJobAttemptLogsResponse(chunk=self._chunk_bytes[:rest])


def _our_app() -> Any:
    from depot_ci.v1 import CIService, CIServiceASGIApplication, ci_pb2

    class OurService(Handlers, CIService):
        """Our generated server interface, implemented by `Handlers`."""

    return CIServiceASGIApplication(OurService(ci_pb2))


def _official_app(stubs: Path) -> Any:
    from .official_stubs import load

    connect, pb2 = load(stubs)
    service_class = type("OfficialService", (Handlers, connect.CIService), {})
    return connect.CIServiceASGIApplication(service_class(pb2))


def exit_with_parent(parent: int) -> None:
    """Leave at once when the benchmark process that started this server is gone."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def main(argv: list[str] | None = None) -> int:
    """Serve one application until SIGTERM/SIGINT (the server subprocess' entry point)."""
    import uvicorn

    parser = argparse.ArgumentParser(prog="python -m bench.servers")
    parser.add_argument("--impl", choices=("ours", "official"), required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--parent", type=int, required=True, help="exit when this process is gone")
    parser.add_argument("--stubs", type=Path, help="directory of the official stubs (for --impl official)")
    args = parser.parse_args(argv)
    threading.Thread(target=exit_with_parent, args=(args.parent,), daemon=True).start()
    app = _our_app() if args.impl == "ours" else _official_app(args.stubs)
    config = uvicorn.Config(
        app,
        host=_HOST,
        port=args.port,
        workers=1,
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=2,  # an abandoned stream must not delay the shutdown
    )
    uvicorn.Server(config).run()
    return 0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((_HOST, 0))
        port: int = probe.getsockname()[1]
        return port


class Server:
    """A benchmark server subprocess; use as a context manager (`with Server("ours") as server:`)."""

    def __init__(self, impl: Impl, stubs: Path | None = None) -> None:
        self.impl = impl
        self.stubs = stubs
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._last_stderr = ""

    @property
    def url(self) -> str:
        """The server's base URL."""
        return f"http://{_HOST}:{self.port}"

    def start(self) -> None:
        """Start the subprocess and wait until it accepts connections (retrying on a port race)."""
        for _attempt in range(3):
            self.port = free_port()
            command = self.command()
            # Own session: Ctrl-C reaches only the benchmark, which stops the server in order. The
            # server's stderr goes to a file, shown if it fails to start (an interrupted stream
            # otherwise fills it with asyncio's "socket.send() raised exception.").
            self._stderr = tempfile.TemporaryFile()
            self._process = subprocess.Popen(
                command, cwd=ROOT, stdin=subprocess.DEVNULL, stderr=self._stderr, start_new_session=True
            )
            if self._wait_ready(self._process):
                return
            self.stop()
        raise RuntimeError(f"the {self.impl} server did not start: {self._last_stderr}")

    def command(self) -> list[str]:
        """The server subprocess' command line (for `self.port`)."""
        command = [sys.executable, "-m", "bench.servers", "--impl", self.impl, "--port", str(self.port)]
        command += ["--parent", str(os.getpid())]
        if self.stubs is not None:
            command += ["--stubs", str(self.stubs)]
        return command

    @property
    def pid(self) -> int | None:
        """The subprocess' PID while it runs."""
        return self._process.pid if self._process is not None else None

    def _wait_ready(self, process: subprocess.Popen[bytes]) -> bool:
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                return False
            try:
                with socket.create_connection((_HOST, self.port), timeout=0.5):
                    return True
            except OSError:
                time.sleep(0.1)
        return False

    def stop(self) -> None:
        """Stop the subprocess: SIGTERM, then SIGKILL if it has not exited within ten seconds."""
        process, self._process = self._process, None
        try:
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(_STOP_TIMEOUT)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        finally:
            if self._stderr is not None:
                self._stderr.seek(0)
                self._last_stderr = self._stderr.read()[-2000:].decode(errors="replace")
                self._stderr.close()
                self._stderr = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


if __name__ == "__main__":
    raise SystemExit(main())
