"""One attempt of one job, simulated: dispatch, boot, steps, conclusion; all persisted as it goes.

A cancel arrives as `asyncio.CancelledError` at an await: if the attempt was recorded as cancelled
(CancelRun, CancelWorkflow, CancelJob) the running step is closed as cancelled; otherwise the server
is stopping and the state is left for the next start to recover.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from typing import TYPE_CHECKING, Any

from .artifacts import is_upload, simulated_size
from .conditions import Status, evaluate
from .lifecycle import new_id, refresh_workflow
from .script import Command, Echo, Exit, Fail, Sleep, Summary, interpret, substitute
from .states import status_of_conclusion
from .store import JobRow, Store

if TYPE_CHECKING:
    from .clock import Clock
    from .executor import Timing

__all__ = ["AttemptRunner"]

_log = logging.getLogger("depot_ci_emulator")


class _TimedOut(Exception):
    pass


class AttemptRunner:
    """Runs attempt `attempt_id` (already inserted as queued) of `job`."""

    def __init__(self, store: Store, clock: Clock, timing: Timing, job: JobRow, attempt_id: str, note: str) -> None:
        self._store = store
        self._clock = clock
        self._timing = timing
        self._job = job
        self._attempt_id = attempt_id
        self._note = note
        self._seq = 0
        self._line_numbers = [0, 0]
        self._deadline_ms: int | None = None
        self._step: tuple[int, str] | None = None  # (position, step key) of the running step

    async def run(self) -> None:
        """Run the attempt to its conclusion (or until cancelled)."""
        try:
            await self._run()
        except asyncio.CancelledError:
            self._on_cancel()
            raise
        except Exception as exc:  # a bug in the emulator fails the attempt instead of hanging it
            _log.exception("attempt %s failed inside the emulator", self._attempt_id)
            self._conclude("failure", f"the emulator failed while running this attempt: {exc!r}")

    async def _run(self) -> None:
        job, store = self._job, self._store
        await self._clock.sleep(self._timing.dispatch)
        now = self._clock.now_ms()
        number = store.attempt(self._attempt_id)
        with store.transaction():
            store.update(
                "attempts",
                {"attempt_id": self._attempt_id},
                dispatched_at=now,
                sandbox_id=f"sandbox_{secrets.token_hex(10)}",
            )
            store.update(
                "jobs",
                {"job_id": job.job_id},
                dispatched_at=now,
                current_attempt=number.number if number else 1,
                current_attempt_id=self._attempt_id,
            )
        await self._clock.sleep(self._timing.boot)
        now = self._clock.now_ms()
        if job.timeout_minutes is not None:
            self._deadline_ms = now + int(job.timeout_minutes * 60_000)
        with store.transaction():
            store.update("attempts", {"attempt_id": self._attempt_id}, status="running", started_at=now)
            store.update("jobs", {"job_id": job.job_id}, status="running", started_at=now)
            refresh_workflow(store, job.workflow_id, now)
        if self._note:
            self._write("step-0", 0, f"emulator: {self._note}")
        try:
            failed = await self._steps()
        except _TimedOut:
            minutes = f"{job.timeout_minutes:g}"
            self._close_step("cancelled", None)
            self._write("step-0", 1, f"The job has exceeded the maximum execution time of {minutes} minutes.")
            self._conclude("timed_out", "")
            return
        self._conclude("failure" if failed else "success", "")

    async def _steps(self) -> bool:
        run = self._store.run(self._job.run_id)
        context: dict[str, str] = {}
        if run is not None:
            context = {f"inputs.{k}": v for k, v in run.input_values.items()}
            context.update({f"github.event.inputs.{k}": v for k, v in run.input_values.items()})
            context.update(
                {
                    "github.sha": run.sha,
                    "github.ref": run.ref,
                    "github.repository": run.repo,
                    "github.run_id": run.run_id,
                }
            )
        failed = False
        for spec in self._job.step_specs:
            position, key = int(spec["position"]), f"step-{spec['position']}"
            runs, exact = evaluate(str(spec["if"]), Status(success=not failed, failure=failed))
            now = self._clock.now_ms()
            self._store.insert(
                "steps",
                attempt_id=self._attempt_id,
                position=position,
                step_key=key,
                step_id=spec["id"],
                name=spec["name"],
                status="skipped" if not runs else "running",
                conclusion="skipped" if not runs else "",
                started_at=None if not runs else now,
                finished_at=now if not runs else None,
            )
            if not runs:
                continue
            self._step = (position, key)
            if not exact:
                self._write(
                    key, 0, f"emulator: if: {spec['if']} was not fully evaluated by the emulator (taken as true)"
                )
            code = await self._execute(spec, key, context)
            if code != 0:
                self._write(key, 1, f"Process completed with exit code {code}.")
            await self._sleep(self._timing.step)
            ok = code == 0 or bool(spec["continue_on_error"])
            self._close_step("success" if ok else "failure", code)
            failed = failed or not ok
        return failed

    async def _execute(self, spec: dict[str, Any], key: str, context: dict[str, str]) -> int:
        if spec["uses"] is not None:
            self._write(key, 0, f"Run {spec['uses']}")
            missing: list[str] = []
            inputs = {name: substitute(str(value), context, missing) for name, value in spec["with"].items()}
            self._note_missing(key, missing)
            for name, value in inputs.items():
                self._write(key, 0, f"  {name}: {value}")
            if is_upload(str(spec["uses"])):
                return self._upload(key, inputs)
            return 0
        missing = []
        script = substitute(str(spec["run"]), context, missing)
        self._note_missing(key, missing)
        for line in script.splitlines():
            action = interpret(line)
            if isinstance(action, Echo):
                self._write(key, action.stream, action.text)
            elif isinstance(action, Summary):
                position = int(spec["position"])
                self._store.append_summary(self._attempt_id, position, action.text + "\n", replace=action.replace)
            elif isinstance(action, Command):
                self._write(key, 0, f"$ {action.text}")
            elif isinstance(action, Sleep):
                await self._sleep(action.seconds)
            elif isinstance(action, Exit):
                return action.code
            elif isinstance(action, Fail):
                self._write(key, 1, action.message)
                return action.code
        return 0

    def _note_missing(self, key: str, names: list[str]) -> None:
        """Say in the step's log which `${{ }}` references had no value (like unevaluated conditions)."""
        for name in dict.fromkeys(names):
            self._write(key, 0, f"emulator: ${{{{ {name} }}}} has no value here (substituted an empty string)")

    def _upload(self, key: str, inputs: dict[str, str]) -> int:
        """An `actions/upload-artifact` step: record the artifact (see `artifacts.py`); its exit code."""
        name, path = inputs.get("name", "").strip() or "artifact", inputs.get("path", "").strip()
        if not path:
            self._write(key, 1, "Error: Input required and not supplied: path")
            return 1
        if any(a.name == name for a in self._store.artifacts_of_attempt(self._attempt_id)):
            self._write(key, 1, f"Error: an artifact named {name!r} was already uploaded by this attempt")
            return 1
        size = simulated_size(name, path)
        artifact_id = new_id("artifact")
        self._store.insert(
            "artifacts",
            artifact_id=artifact_id,
            run_id=self._job.run_id,
            workflow_id=self._job.workflow_id,
            job_id=self._job.job_id,
            attempt_id=self._attempt_id,
            name=name,
            path=path,
            size_bytes=size,
            created_at=self._clock.now_ms(),
        )
        self._write(key, 0, f"Artifact {name} has been successfully uploaded! Final size is {size} bytes.")
        self._write(key, 0, f"Artifact ID is {artifact_id}")
        return 0

    async def _sleep(self, seconds: float) -> None:
        if self._deadline_ms is not None and self._clock.now_ms() + seconds * 1000 > self._deadline_ms:
            await self._clock.sleep(max(self._deadline_ms - self._clock.now_ms(), 0) / 1000)
            raise _TimedOut
        await self._clock.sleep(seconds)

    def _write(self, step_key: str, stream: int, body: str) -> None:
        self._seq += 1
        self._line_numbers[stream] += 1
        self._store.insert(
            "log_lines",
            attempt_id=self._attempt_id,
            seq=self._seq,
            step_key=step_key,
            stream=stream,
            line_number=self._line_numbers[stream],
            timestamp_ms=self._clock.now_ms(),
            body=body,
        )

    def _close_step(self, conclusion: str, code: int | None) -> None:
        if self._step is None:
            return
        position, _ = self._step
        self._store.update(
            "steps",
            {"attempt_id": self._attempt_id, "position": position},
            status="completed",
            conclusion=conclusion,
            exit_code=code,
            finished_at=self._clock.now_ms(),
        )
        self._step = None

    def _conclude(self, conclusion: str, error: str) -> None:
        now = self._clock.now_ms()
        status = status_of_conclusion(conclusion)
        with self._store.transaction():
            self._store.update(
                "attempts",
                {"attempt_id": self._attempt_id},
                status=status,
                conclusion=conclusion,
                error_message=error,
                finished_at=now,
            )
            self._store.update(
                "jobs",
                {"job_id": self._job.job_id},
                status=status,
                conclusion=conclusion,
                error_message=error,
                finished_at=now,
            )
            refresh_workflow(self._store, self._job.workflow_id, now)

    def _on_cancel(self) -> None:
        attempt = self._store.attempt(self._attempt_id)
        if attempt is None or attempt.status != "cancelled":
            return  # the server is stopping: the next start recovers this attempt
        if self._step is not None:
            self._write(self._step[1], 1, "The operation was canceled.")
            self._close_step("cancelled", None)
