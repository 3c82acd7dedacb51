"""Workflows and helpers shared by the emulator tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from depot_ci.v1 import CIServiceClientSync, GetRunStatusRequest, GetRunStatusResponse, JobStatus

from depot_ci_emulator import ManualClock

T = TypeVar("T")

THREE_JOBS = """\
name: three jobs
on: push
jobs:
  build:
    runs-on: depot-ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - run: echo built
  test:
    needs: build
    runs-on: depot-ubuntu-24.04-4
    steps:
      - id: unit
        name: Unit tests
        run: |
          echo testing
          sleep 30
          echo "assertion failed: 1 != 2" >&2
          exit 3
      - name: never
        run: echo never
      - name: cleanup
        if: always()
        run: echo cleanup
  deploy:
    needs: test
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo deploying
"""

SLOW = """\
on: push
jobs:
  slow:
    runs-on: depot-ubuntu-24.04
    steps:
      - name: wait
        run: |
          echo started
          sleep 600
          echo done
  after:
    needs: slow
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo after
"""


def eventually(
    check: Callable[[], T | None], timeout_s: float = 20.0, clock: ManualClock | None = None, step_s: float = 1.0
) -> T:
    """Poll `check` until it returns something truthy (advancing `clock` by `step_s` per poll if given)."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = check()
        if value:
            return value
        assert time.monotonic() < deadline, "condition not reached in time"
        if clock is not None:
            clock.advance(step_s)
        time.sleep(0.005)


def jobs_by_key(status: GetRunStatusResponse) -> dict[str, list[JobStatus]]:
    """The run's jobs grouped by job key."""
    jobs: dict[str, list[JobStatus]] = {}
    for workflow in status.workflows:
        for job in workflow.jobs:
            jobs.setdefault(job.job_key, []).append(job)
    return jobs


def job_in_status(client: CIServiceClientSync, run_id: str, key: str, status: str) -> JobStatus | None:
    """The run's (first) job `key` if it has `status`, else None."""
    found = jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id))).get(key, [])
    return found[0] if found and found[0].status == status else None
