"""Server streams: StreamJobAttemptLogs (lines per second) and ExportJobAttemptLogs (throughput, memory).

The log-line stream is read in this process with our sync client, binary protobuf and JSON
interleaved. Each export runs in a fresh subprocess (`python -m bench.stream_bench export ...`)
that writes the chunks to a file and reports its peak RSS growth over its baseline, so that the
memory of one size cannot hide in the peak of another; sizes alternate round by round.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from depot_ci.v1 import CIServiceClientSync, ExportJobAttemptLogsRequest, StreamJobAttemptLogsRequest

from . import ROOT
from .payloads import CHUNK_BYTES
from .report import Section, Table
from .servers import BYTES_HEADER, COUNT_HEADER, Server
from .timing import Measured, interleave, log, spread

__all__ = ["export_once", "main", "run_export", "run_lines"]

Encoding = Literal["proto", "json"]
_MIB = 1024 * 1024


def _lines_per_second(client: CIServiceClientSync, lines: int) -> Callable[[], float]:
    request = StreamJobAttemptLogsRequest(attempt_id="att_01jd8q4yh7r3m2k9v0c5x6t8zw")
    headers = {COUNT_HEADER: str(lines)}

    def run() -> float:
        started = time.perf_counter()
        received = sum(1 for _ in client.stream_job_attempt_logs(request, headers=headers))
        elapsed = time.perf_counter() - started
        if received != lines:
            raise RuntimeError(f"the stream sent {received} lines, not {lines}")
        return received / elapsed

    return run


def run_lines(server: Server, *, lines: int, rounds: int) -> Section:
    """StreamJobAttemptLogs of `lines` lines, proto and JSON interleaved."""
    encodings: tuple[Encoding, ...] = ("proto", "json")
    clients = {encoding: CIServiceClientSync(server.url, encoding=encoding) for encoding in encodings}
    try:
        for client in clients.values():
            _lines_per_second(client, 1000)()  # warm-up
        log(f"streams: {rounds} rounds x {lines:,} lines, proto and JSON")
        measured = interleave(
            [(encoding, _lines_per_second(client, lines)) for encoding, client in clients.items()],
            rounds,
            label="log stream",
        )
    finally:
        for client in clients.values():
            client.close()
    rows = [
        (name, f"{m.median:,.0f}", spread(m.values, "{:,.0f}"), f"{lines / m.median:.2f}")
        for name, m in measured.items()
    ]
    ratio = measured["json"].median / measured["proto"].median
    method = (
        f"StreamJobAttemptLogs: our server streams {lines:,} `StreamJobAttemptLogsResponse` messages (a log line "
        "of about 60–90 characters with its step, timestamp and cursor, cycling through a pool of 1,000 "
        "prebuilt messages), our sync client iterates over them. "
        f"{rounds} rounds, proto and JSON interleaved, after a 1,000-line warm-up."
    )
    table = Table(("encoding", "lines/s (median)", "range", "s per stream"), rows)
    headlines = [
        (
            f"StreamJobAttemptLogs ({lines:,} lines), proto / JSON",
            f"{measured['proto'].median:,.0f} / {measured['json'].median:,.0f} lines/s",
        )
    ]
    notes = [f"JSON reaches {ratio:.0%} of the proto rate."]
    return Section("Server stream: log lines", method, [table], notes, headlines=headlines)


def _reset_peak_rss() -> None:
    """Lower the peak RSS to the current RSS (Linux: `5` to /proc/self/clear_refs).

    Without it, a transient peak from start-up (imports) would hide growth below it, and the
    baseline would not be the memory the process actually holds before the call.
    """
    try:
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")
    except OSError:
        pass


def export_once(url: str, size: int, out: Path) -> dict[str, float]:
    """Export `size` bytes to `out` with our client; returns seconds, bytes and RSS figures (KiB)."""
    request = ExportJobAttemptLogsRequest(attempt_id="att_01jd8q4yh7r3m2k9v0c5x6t8zw")
    with CIServiceClientSync(url) as client:

        def export(total: int, path: Path) -> int:
            written = 0
            with path.open("wb") as file:
                for message in client.export_job_attempt_logs(request, headers={BYTES_HEADER: str(total)}):
                    if message.WhichOneof("event") == "chunk":
                        written += file.write(message.chunk)
            return written

        export(1024, out)  # warm-up: connection, runtime threads, codec
        _reset_peak_rss()
        baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        written = export(size, out)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if written != size or out.stat().st_size != size:
        raise RuntimeError(f"exported {written} bytes, not {size}")
    return {"seconds": seconds, "bytes": float(written), "baseline_kib": float(baseline), "peak_kib": float(peak)}


def _export_in_subprocess(url: str, size: int, scratch: Path) -> dict[str, float]:
    out = scratch / f"export-{size}.txt"
    command = [sys.executable, "-m", "bench.stream_bench", "export", "--url", url, "--bytes", str(size)]
    command += ["--out", str(out)]
    try:
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    finally:
        out.unlink(missing_ok=True)
    if result.returncode != 0:
        raise RuntimeError(f"export subprocess failed ({result.returncode}): {result.stderr[-2000:]}")
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def run_export(server: Server, *, sizes_mib: tuple[int, ...], rounds: int) -> Section:
    """ExportJobAttemptLogs of each size (MiB) in a fresh client subprocess per run."""
    runs: dict[int, list[dict[str, float]]] = {size: [] for size in sizes_mib}
    with tempfile.TemporaryDirectory(prefix="bench-export-") as scratch:

        def variant(size: int) -> Callable[[], float]:
            def run() -> float:
                figures = _export_in_subprocess(server.url, size * _MIB, Path(scratch))
                runs[size].append(figures)
                return figures["bytes"] / _MIB / figures["seconds"]

            return run

        log(f"export: {rounds} rounds of {', '.join(f'{s} MiB' for s in sizes_mib)}, one subprocess each")
        measured: dict[str, Measured] = interleave(
            [(f"{size} MiB", variant(size)) for size in sizes_mib], rounds, label="export"
        )
    rows = []
    growth_by_size: dict[int, float] = {}
    for size in sizes_mib:
        m = measured[f"{size} MiB"]
        growths = [(r["peak_kib"] - r["baseline_kib"]) / 1024 for r in runs[size]]
        baselines = [r["baseline_kib"] / 1024 for r in runs[size]]
        growth_by_size[size] = max(growths)
        rows.append(
            (
                f"{size} MiB",
                f"{m.median:,.0f}",
                spread(m.values, "{:,.0f}"),
                f"{sorted(baselines)[len(baselines) // 2]:.1f}",
                f"{max(growths):.1f}",
                spread(growths, "{:.1f}"),
            )
        )
    table = Table(
        (
            "export",
            "MiB/s (median)",
            "range",
            "client baseline RSS (MiB)",
            "peak RSS growth (MiB, max)",
            "growth range",
        ),
        rows,
    )
    smallest, largest = min(sizes_mib), max(sizes_mib)
    flat = growth_by_size[largest] - growth_by_size[smallest]
    notes = [
        f"Peak client RSS grows by {growth_by_size[smallest]:.1f} MiB for {smallest} MiB and "
        f"{growth_by_size[largest]:.1f} MiB for {largest} MiB: "
        + (
            "flat, the client holds about one chunk at a time (a client that kept the chunks would show about "
            "the export size here)."
            if abs(flat) < 16
            else f"it grows with the export ({flat:+.1f} MiB), the client buffers."
        )
    ]
    method = (
        f"ExportJobAttemptLogs in binary protobuf: our server sends the metadata message, then the export in "
        f"{CHUNK_BYTES // 1024} KiB chunks made on the fly (one chunk held in memory); a fresh subprocess per run "
        "uses our sync client to append the chunks to a file in a temporary directory (removed afterwards). "
        "Peak RSS is `resource.getrusage(RUSAGE_SELF).ru_maxrss` after the export minus its value before it, "
        "taken after a 1 KiB warm-up export in the same process and after resetting the peak to the current "
        "RSS (`/proc/self/clear_refs`), so start-up peaks cannot hide growth. "
        f"{rounds} rounds, sizes alternating; the timing covers the call only, not the interpreter start."
    )
    largest_rate = measured[f"{largest} MiB"].median
    headlines = [
        (f"ExportJobAttemptLogs {largest} MiB", f"{largest_rate:,.0f} MiB/s"),
        (
            f"Export client peak RSS growth, {smallest} MiB / {largest} MiB",
            f"{growth_by_size[smallest]:.1f} / {growth_by_size[largest]:.1f} MiB",
        ),
    ]
    return Section("Server stream: log export", method, [table], notes, headlines=headlines)


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.stream_bench export --url URL --bytes N --out FILE`: one export, JSON on stdout."""
    parser = argparse.ArgumentParser(prog="python -m bench.stream_bench")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="export N bytes to FILE and print timing and RSS as JSON")
    export.add_argument("--url", required=True)
    export.add_argument("--bytes", type=int, required=True)
    export.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    print(json.dumps(export_once(args.url, args.bytes, args.out)))
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Skip interpreter finalization (pyqwest's runtime threads; see tests/render/fixtures/async_over_http.py).
    os._exit(code)
