"""The local Depot CI emulator: how long a three-job run takes, and how fast runs are triggered."""

from __future__ import annotations

import time

from depot_ci.v1 import GetRunRequest, RunRequest

from depot_ci_emulator import DEFAULT_SPEED
from depot_ci_emulator.testing import TEST_SPEED, run_emulator

from .report import Section, Table
from .timing import Measured, log, spread

__all__ = ["run"]

THREE_JOBS = """\
on: push
jobs:
  build:
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo build
  test:
    needs: build
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo test
  deploy:
    needs: test
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo deploy
"""
"""Three jobs in a chain, one step each: 9 emulated seconds (dispatch 1 s + boot 1 s + step 1 s per job)."""


def _run_seconds(speed: float, rounds: int) -> Measured:
    values = []
    with run_emulator(speed=speed) as emulator, emulator.client() as client:
        for _ in range(rounds):
            began = time.perf_counter()
            run_id = client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS])).run_id
            while client.get_run(GetRunRequest(run_id=run_id)).status not in ("finished", "failed", "cancelled"):
                time.sleep(0.005)
            values.append(time.perf_counter() - began)
    return Measured(f"speed {speed:g}", tuple(values))


def _trigger_rate(calls: int, rounds: int) -> Measured:
    values = []
    with run_emulator(speed=TEST_SPEED) as emulator, emulator.client() as client:
        for _ in range(rounds):
            began = time.perf_counter()
            for _ in range(calls):
                client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS]))
            values.append(calls / (time.perf_counter() - began))
            while emulator.emulator.executor is not None and emulator.emulator.executor.busy:
                time.sleep(0.05)  # let the runs finish before the next round
    return Measured("Run calls/s", tuple(values))


def run(rounds: int, runs: int) -> Section:
    """Measure a three-job run end to end at the default and the test speed, and Run's call rate."""
    log("emulator: three-job runs")
    default = _run_seconds(DEFAULT_SPEED, rounds)
    fast = _run_seconds(TEST_SPEED, rounds)
    log("emulator: triggering runs")
    rate = _trigger_rate(runs, rounds)
    rows = [
        (f"{DEFAULT_SPEED:g} (default)", f"{default.median:.2f}", spread(default.values, "{:.2f}")),
        (f"{TEST_SPEED:g} (tests)", f"{fast.median:.3f}", spread(fast.values, "{:.3f}")),
    ]
    section = Section(
        title="Emulator: runs",
        method=(
            "`depot_ci_emulator` under uvicorn in a thread, one sync proto client in the same process. A run is "
            f"timed from the `Run` call until `GetRun` (polled every 5 ms) reports a terminal status, {rounds} runs "
            "per speed, one after the other, of a chain of three one-step jobs (9 emulated seconds). Then "
            f"{runs} `Run` calls back to back per round, {rounds} rounds, while the executor runs them."
        ),
        tables=[
            Table(("speed", "median s", "range s"), rows, caption="Three-job run, Run to terminal status"),
            Table(("", "median", "range"), [("Run calls/s", f"{rate.median:.0f}", spread(rate.values))]),
        ],
        notes=[f"At the default speed the 9 emulated seconds take {default.median:.2f} s of real time."],
    )
    section.headlines.append(("Emulator three-job run (default speed)", f"{default.median:.2f} s"))
    return section
