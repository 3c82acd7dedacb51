"""Soak: N concurrent clients against one emulator process for a fixed time (a benchmark, not a test).

The emulator runs in its own subprocess (`python -m depot_ci_emulator --port 0`), so its resident
memory is measured alone (`VmRSS` from /proc at start and end). Each client thread loops: `Run` a
three-job workflow that logs, page `ListRuns` (two pages of 20), poll `GetRunStatus` until a job has
an attempt, follow that job's `StreamJobAttemptLogs` to its end, and `GetRun`. Unary latencies are
recorded per call; a stream counts as one call (first request to last message). Any exception is an
error (the target is zero).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

from depot_ci.v1 import (
    CIServiceClientSync,
    GetRunRequest,
    GetRunStatusRequest,
    ListRunsRequest,
    RunRequest,
    StreamJobAttemptLogsRequest,
)

from . import ROOT
from .report import Section, Table
from .timing import log

__all__ = ["run"]

TOKEN = "soak-token"
SPEED = 200.0
WORKFLOW = """\
on: push
jobs:
  build:
    runs-on: depot-ubuntu-24.04
    steps:
      - run: |
          echo compiling 1
          echo compiling 2
          sleep 2
          echo compiled
  test:
    needs: build
    runs-on: depot-ubuntu-24.04
    steps:
      - run: |
          echo test 1
          sleep 1
          echo test 2
          echo "warning: flaky" >&2
  lint:
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo lint ok
"""


@dataclass
class _Tally:
    latencies_ms: list[float] = field(default_factory=list)
    streams_ms: list[float] = field(default_factory=list)
    lines: int = 0
    runs: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _EmulatorProcess:
    """`python -m depot_ci_emulator` on a free port, stopped (by its PID) on exit."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None
        self.url = ""

    def __enter__(self) -> _EmulatorProcess:
        command = [sys.executable, "-m", "depot_ci_emulator", "--port", "0", "--token", TOKEN]
        command += ["--speed", f"{SPEED:g}", "--max-streams-per-token", "256"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, start_new_session=True
        )
        assert self.process.stdout is not None
        deadline = time.monotonic() + 30
        for line in self.process.stdout:
            found = re.search(r"emulator on (http://\S+)", line)
            if found:
                self.url = found[1]
                break
            if time.monotonic() > deadline:
                break
        if not self.url:
            self.__exit__()
            raise RuntimeError("the emulator did not start")
        # Keep draining its stdout so it never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in self.process.stdout or ()], daemon=True).start()  # type: ignore[union-attr]
        return self

    def rss_mib(self) -> float:
        """The emulator's resident set size, in MiB."""
        assert self.process is not None
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def __exit__(self, *exc: object) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(5)


def _client_loop(url: str, until: float, tally: _Tally) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with CIServiceClientSync(url, timeout_ms=30_000) as client:

        def timed(call: object, request: object) -> object:
            began = time.perf_counter()
            response = call(request, headers=headers)  # type: ignore[operator]
            with tally.lock:
                tally.latencies_ms.append((time.perf_counter() - began) * 1000)
            return response

        while time.monotonic() < until:
            try:
                run_id = timed(client.run, RunRequest(repo="acme/soak", workflow_content=[WORKFLOW])).run_id  # type: ignore[attr-defined]
                page = timed(client.list_runs, ListRunsRequest(page_size=20))
                if page.next_page_token:  # type: ignore[attr-defined]
                    timed(client.list_runs, ListRunsRequest(page_size=20, page_token=page.next_page_token))  # type: ignore[attr-defined]
                job_id = ""
                while not job_id and time.monotonic() < until + 10:
                    status = timed(client.get_run_status, GetRunStatusRequest(run_id=run_id))
                    jobs = [j for w in status.workflows for j in w.jobs if j.job_key == "build"]  # type: ignore[attr-defined]
                    job_id = jobs[0].job_id if jobs and jobs[0].attempts else ""
                    if not job_id:
                        time.sleep(0.01)
                began = time.perf_counter()
                lines = sum(
                    1
                    for event in client.stream_job_attempt_logs(
                        StreamJobAttemptLogsRequest(job_id=job_id), headers=headers
                    )
                    if event.HasField("line")
                )
                timed(client.get_run, GetRunRequest(run_id=run_id))
                with tally.lock:
                    tally.streams_ms.append((time.perf_counter() - began) * 1000)
                    tally.lines += lines
                    tally.runs += 1
            except Exception as exc:  # every failure is counted and reported, the soak goes on
                with tally.lock:
                    tally.errors.append(f"{type(exc).__name__}: {exc}")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def run(clients: int, seconds: float) -> Section:
    """Soak one emulator with `clients` threads for `seconds`; report rates, latencies, errors and RSS."""
    log(f"soak: {clients} clients for {seconds:g} s")
    tally = _Tally()
    with _EmulatorProcess() as emulator:
        rss_start = emulator.rss_mib()
        until = time.monotonic() + seconds
        threads = [threading.Thread(target=_client_loop, args=(emulator.url, until, tally)) for _ in range(clients)]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(seconds + 60)
        elapsed = time.perf_counter() - began
        rss_end = emulator.rss_mib()
    calls = len(tally.latencies_ms) + len(tally.streams_ms)
    rows = [
        ("unary calls/s", f"{len(tally.latencies_ms) / elapsed:.0f}"),
        ("unary p50 ms", f"{_percentile(tally.latencies_ms, 0.5):.1f}"),
        ("unary p99 ms", f"{_percentile(tally.latencies_ms, 0.99):.1f}"),
        ("streams followed", f"{len(tally.streams_ms)}"),
        ("stream p50 ms", f"{_percentile(tally.streams_ms, 0.5):.0f}"),
        ("stream p99 ms", f"{_percentile(tally.streams_ms, 0.99):.0f}"),
        ("log lines streamed", f"{tally.lines}"),
        ("runs triggered and followed", f"{tally.runs}"),
        ("errors", f"{len(tally.errors)}"),
        ("server RSS start MiB", f"{rss_start:.1f}"),
        ("server RSS end MiB", f"{rss_end:.1f}"),
    ]
    notes = [f"{calls} calls in {elapsed:.1f} s; the target is zero errors."]
    if tally.errors:
        notes.append("First errors: " + "; ".join(sorted(set(tally.errors))[:3]))
    section = Section(
        title="Emulator: soak",
        method=(
            f"`python -m depot_ci_emulator --speed {SPEED:g}` in its own process; {clients} client threads (sync "
            f"proto clients) in the benchmark process for {seconds:g} s. Each loops: Run a three-job workflow, "
            "ListRuns (two pages of 20), GetRunStatus until the first job has an attempt, follow its "
            "StreamJobAttemptLogs to the end, GetRun. The run history grows the whole time (it is never deleted)."
        ),
        tables=[Table(("measure", "value"), rows, caption="Soak")],
        notes=notes,
    )
    section.headlines.append(("Emulator soak errors", str(len(tally.errors))))
    return section
