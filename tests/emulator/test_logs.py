"""Persisted log lines over HTTP: pages, a live stream, resuming from a cursor."""

from __future__ import annotations

import threading

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import (
    GetJobAttemptLogsRequest,
    GetRunStatusRequest,
    RunRequest,
    StreamJobAttemptLogsRequest,
    StreamJobAttemptLogsResponse,
)

from depot_ci_emulator import ManualClock
from depot_ci_emulator.testing import RunningEmulator

from .support import SLOW, THREE_JOBS, eventually, job_in_status, jobs_by_key


def _finished_test_job(emulator: RunningEmulator) -> tuple[str, str]:
    with emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS])).run_id
        emulator.wait_for_run(run_id)
        job = jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id)))["test"][0]
    return job.job_id, job.attempts[0].attempt_id


@pytest.mark.parametrize("encoding", ["proto", "json"])
def test_pages_and_stream_agree_line_for_line(depot_emulator: RunningEmulator, encoding: str) -> None:
    job_id, attempt_id = _finished_test_job(depot_emulator)
    with depot_emulator.client(encoding) as client:  # type: ignore[arg-type]
        page = client.get_job_attempt_logs(GetJobAttemptLogsRequest(job_id=job_id))
        tail = client.get_job_attempt_logs(GetJobAttemptLogsRequest(job_id=job_id, page_token=page.next_page_token))
        events = list(client.stream_job_attempt_logs(StreamJobAttemptLogsRequest(attempt_id=attempt_id)))
    got = [(x.step_key, x.step_id, x.step_name, x.stream, x.line_number, x.body) for x in page.lines]
    assert got == [
        ("step-1", "unit", "Unit tests", 0, 1, "testing"),
        ("step-1", "unit", "Unit tests", 1, 1, "assertion failed: 1 != 2"),
        ("step-1", "unit", "Unit tests", 1, 2, "Process completed with exit code 3."),
        ("step-3", "", "cleanup", 0, 2, "cleanup"),
    ]
    assert (list(tail.lines), tail.next_page_token) == ([], "")
    assert [e.line for e in events] == list(page.lines)
    assert all(e.attempt_status == "failed" and e.next_cursor for e in events)
    # Resuming from every cursor gives exactly the rest.
    with depot_emulator.client() as client:
        for index, event in enumerate(events):
            request = StreamJobAttemptLogsRequest(attempt_id=attempt_id, cursor=event.next_cursor)
            rest = [e.line for e in client.stream_job_attempt_logs(request) if e.HasField("line")]
            assert rest == [e.line for e in events[index + 1 :]]


def test_a_stream_follows_a_running_attempt(paused_emulator: RunningEmulator, manual_clock: ManualClock) -> None:
    received: list[StreamJobAttemptLogsResponse] = []
    with paused_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[SLOW])).run_id
        slow = eventually(lambda: job_in_status(client, run_id, "slow", "running"), clock=manual_clock)
        request = StreamJobAttemptLogsRequest(job_id=slow.job_id)

        def follow() -> None:
            with paused_emulator.client() as streaming:
                received.extend(streaming.stream_job_attempt_logs(request))

        thread = threading.Thread(target=follow)
        thread.start()
        eventually(lambda: [e for e in received if e.line.body == "started"])
        assert thread.is_alive()  # still following: the attempt runs
        manual_clock.advance(600)
        eventually(lambda: [e for e in received if e.line.body == "done"], clock=manual_clock)
        thread.join(20)
    assert not thread.is_alive()
    lines = [e.line.body for e in received if e.HasField("line")]
    assert lines == ["started", "done"]
    assert received[-1].attempt_status == "finished"


def test_bad_log_requests(depot_emulator: RunningEmulator) -> None:
    job_id, attempt_id = _finished_test_job(depot_emulator)
    _, other_attempt = _finished_test_job(depot_emulator)
    with depot_emulator.client() as client:
        token = client.get_job_attempt_logs(GetJobAttemptLogsRequest(attempt_id=attempt_id)).next_page_token
        cases = [
            lambda: client.get_job_attempt_logs(GetJobAttemptLogsRequest()),
            lambda: client.get_job_attempt_logs(GetJobAttemptLogsRequest(attempt_id=attempt_id, job_id=job_id)),
            lambda: client.get_job_attempt_logs(GetJobAttemptLogsRequest(attempt_id=other_attempt, page_token=token)),
            lambda: client.get_job_attempt_logs(GetJobAttemptLogsRequest(attempt_id=attempt_id, page_token="x!")),
            lambda: list(
                client.stream_job_attempt_logs(StreamJobAttemptLogsRequest(attempt_id=other_attempt, cursor=token))
            ),
        ]
        codes = []
        for case in cases:
            with pytest.raises(ConnectError) as caught:
                case()
            codes.append(caught.value.code)
        with pytest.raises(ConnectError) as missing:
            client.get_job_attempt_logs(GetJobAttemptLogsRequest(attempt_id="attempt_nope"))
    assert codes == [Code.INVALID_ARGUMENT] * 5
    assert missing.value.code == Code.NOT_FOUND
