"""The simulated executor: schedules queued jobs along their `needs` and runs their steps.

It runs as tasks in the server's event loop and starts no process: a `run` script is read line by
line (see `script`), `uses:` steps log their action. Everything it does is persisted as it happens:
attempts (queued -> dispatched -> running -> concluded), steps, and log lines with step keys,
per-stream line numbers (from 1), a per-attempt sequence number, and emulated timestamps.

Timing, in emulated seconds (`Timing`): a picked job's attempt is dispatched after `dispatch`,
starts after `boot` more, and each step takes `step` plus the `sleep`s in its script.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

from .attempt_runner import AttemptRunner
from .clock import Clock
from .conditions import Status, evaluate
from .lifecycle import new_id, refresh_workflow
from .store import JobRow, Store

__all__ = ["Executor", "Timing"]

_log = logging.getLogger("depot_ci_emulator")


@dataclass(frozen=True)
class Timing:
    """How long the simulated phases take, in emulated seconds."""

    dispatch: float = 1.0
    boot: float = 1.0
    step: float = 1.0


class Executor:
    """Runs queued jobs as asyncio tasks. `start()` it in the server's loop; `wake()` it on changes."""

    def __init__(self, store: Store, clock: Clock, timing: Timing | None = None) -> None:
        self._store = store
        self._clock = clock
        self._timing = timing or Timing()
        self._wakeup = asyncio.Event()
        self._tasks: dict[str, asyncio.Task[None]] = {}  # by job id
        self._loop_task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Recover attempts a previous process left unfinished, then start scheduling."""
        self._recover()
        self._loop_task = asyncio.create_task(self._schedule_forever(), name="depot-ci-emulator-scheduler")
        self.wake()

    async def stop(self) -> None:
        """Stop scheduling and every running attempt; their state stays as it was (see `_recover`)."""
        tasks = [t for t in [self._loop_task, *self._tasks.values()] if t is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()

    def wake(self) -> None:
        """Look for jobs that can start or must be skipped (call after any state change)."""
        self._wakeup.set()

    def stop_jobs(self, job_ids: list[str]) -> None:
        """Stop the tasks running these jobs; the caller already recorded them as cancelled."""
        for job_id in job_ids:
            task = self._tasks.pop(job_id, None)
            if task is not None:
                task.cancel()
        self.wake()

    @property
    def busy(self) -> int:
        """How many jobs are executing now."""
        return len(self._tasks)

    def _recover(self) -> None:
        now = self._clock.now_ms()
        with self._store.transaction():
            for attempt in self._store.attempts_with_status("queued", "waiting", "running"):
                job = self._store.job(attempt.job_id)
                if job is None:
                    continue
                message = "the emulator stopped while this attempt ran; retry the job to run it again"
                self._store.update(
                    "attempts",
                    {"attempt_id": attempt.attempt_id},
                    status="failed",
                    conclusion="failure",
                    error_message=message,
                    finished_at=now,
                )
                self._store.update(
                    "jobs",
                    {"job_id": job.job_id},
                    status="failed",
                    conclusion="failure",
                    error_message=message,
                    finished_at=now,
                )
                refresh_workflow(self._store, job.workflow_id, now)

    async def _schedule_forever(self) -> None:
        while True:
            await self._wakeup.wait()
            self._wakeup.clear()
            try:
                self._schedule()
            except Exception:  # a scheduling bug must not stop every future run
                _log.exception("the scheduler failed; it will retry on the next change")

    def _schedule(self) -> None:
        changed = True
        while changed:
            changed = False
            for job in self._store.ready_jobs():
                if job.job_id in self._tasks:
                    continue
                needs = [n for n in (self._store.job(i) for i in job.need_ids) if n is not None]
                run, exact = evaluate(job.condition, self._job_status(job, needs))
                if run:
                    self._start(job, exact)
                else:
                    self._skip(job)
                    changed = True

    def _job_status(self, job: JobRow, needs: list[JobRow]) -> Status:
        ancestors: dict[str, JobRow] = {}
        frontier = list(needs)
        while frontier:
            current = frontier.pop()
            if current.job_id not in ancestors:
                ancestors[current.job_id] = current
                frontier.extend(j for j in (self._store.job(i) for i in current.need_ids) if j is not None)
        # A need that failed under `continue-on-error: true` counts as succeeded for its dependents.
        conclusions = {"success" if a.tolerated else a.conclusion for a in ancestors.values()}
        return Status(
            success=all(n.conclusion == "success" or n.tolerated for n in needs),
            failure=bool(conclusions & {"failure", "timed_out"}),
            cancelled=bool(conclusions & {"cancelled"}),
        )

    def _skip(self, job: JobRow) -> None:
        now = self._clock.now_ms()
        with self._store.transaction():
            self._store.update("jobs", {"job_id": job.job_id}, status="skipped", conclusion="skipped", finished_at=now)
            refresh_workflow(self._store, job.workflow_id, now)

    def _start(self, job: JobRow, exact_condition: bool) -> None:
        now = self._clock.now_ms()
        attempt_id = new_id("attempt")
        number = len(self._store.attempts_of(job.job_id)) + 1
        with self._store.transaction():
            self._store.insert(
                "attempts", attempt_id=attempt_id, job_id=job.job_id, number=number, status="queued", created_at=now
            )
        note = "" if exact_condition else f"if: {job.condition} was not fully evaluated by the emulator (taken as true)"
        runner = AttemptRunner(self._store, self._clock, self._timing, job, attempt_id, note)
        task = asyncio.create_task(runner.run(), name=f"depot-ci-emulator-{attempt_id}")
        self._tasks[job.job_id] = task
        task.add_done_callback(lambda t: self._finished(job.job_id, t))

    def _finished(self, job_id: str, task: asyncio.Task[None]) -> None:
        if self._tasks.get(job_id) is task:
            del self._tasks[job_id]
        if not task.cancelled() and task.exception() is not None:
            _log.error("attempt task for job %s failed: %r", job_id, task.exception())
        self.wake()
