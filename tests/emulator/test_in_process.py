"""The in-process mode: the same application in the test's event loop, no socket."""

from __future__ import annotations

import asyncio

from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import GetRunRequest, GetRunStatusRequest, RunRequest

from depot_ci_emulator import ManualClock
from depot_ci_emulator.testing import in_process_emulator

from .support import SLOW, THREE_JOBS


def test_in_process_run_to_completion() -> None:
    async def scenario() -> tuple[str, list[str]]:
        async with in_process_emulator(encoding="json") as depot:
            run_id = (await depot.client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS]))).run_id
            for _ in range(2000):
                run = await depot.client.get_run(GetRunRequest(run_id=run_id))
                if run.status in ("finished", "failed", "cancelled"):
                    break
                await asyncio.sleep(0.005)
            status = await depot.client.get_run_status(GetRunStatusRequest(run_id=run_id))
            return run.status, [j.status for w in status.workflows for j in w.jobs]

    assert asyncio.run(scenario()) == ("failed", ["finished", "failed", "skipped"])


def test_in_process_with_a_manual_clock_and_auth() -> None:
    clock = ManualClock()

    async def scenario() -> tuple[str, str, Code]:
        async with in_process_emulator(clock=clock, token="secret") as depot:
            run_id = (await depot.client.run(RunRequest(repo="acme/app", workflow_content=[SLOW]))).run_id
            for _ in range(100):
                clock.advance(1)
                await asyncio.sleep(0.001)
            middle = (await depot.client.get_run(GetRunRequest(run_id=run_id))).status
            clock.advance(3600)
            for _ in range(200):
                await asyncio.sleep(0.001)
                clock.advance(1)
                end = (await depot.client.get_run(GetRunRequest(run_id=run_id))).status
                if end == "finished":
                    break
            try:
                await depot.client.get_run(GetRunRequest(run_id=run_id), headers={"Authorization": "Bearer nope"})
            except ConnectError as exc:
                return middle, end, exc.code
            raise AssertionError("a wrong token was accepted")

    assert asyncio.run(scenario()) == ("running", "finished", Code.UNAUTHENTICATED)
