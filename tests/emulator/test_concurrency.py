"""16 concurrent clients creating and polling runs: no error, and every read consistent."""

from __future__ import annotations

import threading

from depot_ci.v1 import GetJobRequest, GetRunRequest, GetRunStatusRequest, ListRunsRequest, RunRequest

from depot_ci_emulator.states import TERMINAL, aggregate
from depot_ci_emulator.testing import RunningEmulator

from .support import THREE_JOBS

CLIENTS = 16
RUNS_PER_CLIENT = 3


def test_sixteen_concurrent_clients(depot_emulator: RunningEmulator) -> None:
    errors: list[BaseException] = []
    created: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS)

    def client_work(index: int) -> None:
        try:
            with depot_emulator.client("json" if index % 2 else "proto") as client:
                start.wait(timeout=30)
                mine = [
                    client.run(RunRequest(repo=f"acme/app{index}", workflow_content=[THREE_JOBS])).run_id
                    for _ in range(RUNS_PER_CLIENT)
                ]
                with lock:
                    created.extend(mine)
                pending = set(mine)
                for _ in range(3000):
                    if not pending:
                        break
                    for run_id in list(pending):
                        status = client.get_run_status(GetRunStatusRequest(run_id=run_id))
                        # A consistent snapshot: the run's status follows from its workflows',
                        # each workflow's from its jobs'.
                        for workflow in status.workflows:
                            assert workflow.status == aggregate(j.status for j in workflow.jobs) or (
                                workflow.status in TERMINAL
                            ), status
                        if status.status in TERMINAL:
                            pending.discard(run_id)
                assert not pending, pending
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=client_work, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    assert len(set(created)) == CLIENTS * RUNS_PER_CLIENT
    with depot_emulator.client() as client:
        listed = client.list_runs(ListRunsRequest(status=["failed"], page_size=100)).runs
        assert sorted(r.run_id for r in listed) == sorted(created)
        for run_id in created:
            run = client.get_run(GetRunRequest(run_id=run_id))
            status = client.get_run_status(GetRunStatusRequest(run_id=run_id))
            assert (run.status, status.status) == ("failed", "failed")
            jobs = {j.job_key: j for w in status.workflows for j in w.jobs}
            assert {k: j.status for k, j in jobs.items()} == {
                "build": "finished",
                "test": "failed",
                "deploy": "skipped",
            }
        detail = client.get_job(GetJobRequest(job_id=jobs["test"].job_id))
        assert [a.attempt for a in detail.attempts] == [1]
