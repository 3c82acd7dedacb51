"""Log exports (text, JSONL, chunking) and stream limits (maximum duration, streams per token) over HTTP."""

from __future__ import annotations

import json
import threading

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import (
    ExportJobAttemptLogsRequest,
    GetJobAttemptLogsRequest,
    GetRunStatusRequest,
    JobAttemptLogExportFormat,
    LogLine,
    RunRequest,
    StreamJobAttemptLogsRequest,
    StreamJobAttemptLogsResponse,
)
from google.protobuf.json_format import ParseDict

from depot_ci_emulator import ManualClock
from depot_ci_emulator.service import StreamLimits
from depot_ci_emulator.service.logs import EXPORT_CHUNK_BYTES
from depot_ci_emulator.testing import RunningEmulator, run_emulator

from .support import SLOW, eventually, job_in_status

LINE = "x" * 1500
BIG = f"""\
on: push
jobs:
  big:
    runs-on: depot-ubuntu-24.04
    steps:
      - name: noisy
        run: |
{chr(10).join(f"          echo {i:04d}-{LINE}" for i in range(400))}
          echo "wärning: ünïcode" >&2
"""


@pytest.mark.parametrize("encoding", ["proto", "json"])
def test_an_export_reassembled_from_chunks_equals_the_paged_logs(
    depot_emulator: RunningEmulator, encoding: str
) -> None:
    with depot_emulator.client(encoding) as client:  # type: ignore[arg-type]
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[BIG])).run_id
        depot_emulator.wait_for_run(run_id)
        job = client.get_run_status(GetRunStatusRequest(run_id=run_id))
        attempt_id = job.workflows[0].jobs[0].attempts[0].attempt_id
        paged = list(client.iter_get_job_attempt_logs(GetJobAttemptLogsRequest(attempt_id=attempt_id)))
        assert len(paged) == 401
        text = list(client.export_job_attempt_logs(ExportJobAttemptLogsRequest(attempt_id=attempt_id)))
        jsonl_format = JobAttemptLogExportFormat.Value("JOB_ATTEMPT_LOG_EXPORT_FORMAT_JSONL")
        jsonl = list(
            client.export_job_attempt_logs(ExportJobAttemptLogsRequest(attempt_id=attempt_id, format=jsonl_format))
        )
    for events, extension, content_type in (
        (text, ".txt", "text/plain; charset=utf-8"),
        (jsonl, ".jsonl", "application/x-ndjson; charset=utf-8"),
    ):
        assert events[0].WhichOneof("event") == "metadata"
        assert events[0].metadata.filename.endswith(extension) and events[0].metadata.content_type == content_type
        assert all(e.WhichOneof("event") == "chunk" for e in events[1:])
        assert all(len(e.chunk) <= EXPORT_CHUNK_BYTES for e in events[1:])
        assert len(events) > 3  # more than 512 KiB: several chunks
    assert b"".join(e.chunk for e in text[1:]).decode() == "".join(line.body + "\n" for line in paged)
    exported = [
        ParseDict(json.loads(row), LogLine()) for row in b"".join(e.chunk for e in jsonl[1:]).decode().splitlines()
    ]
    assert exported == paged


def test_export_errors(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[SLOW])).run_id
        after = eventually(lambda: job_in_status(client, run_id, "after", "queued"))
        cases = [
            (ExportJobAttemptLogsRequest(), Code.INVALID_ARGUMENT, "exactly one of attemptId or jobId"),
            (
                ExportJobAttemptLogsRequest(job_id=after.job_id, format=7),
                Code.INVALID_ARGUMENT,
                "unsupported log format",
            ),  # type: ignore[arg-type]
            (ExportJobAttemptLogsRequest(job_id=after.job_id), Code.FAILED_PRECONDITION, "has no attempt yet"),
            (ExportJobAttemptLogsRequest(attempt_id="attempt_missing"), Code.NOT_FOUND, "attempt_missing"),
        ]
        for request, code, text in cases:
            with pytest.raises(ConnectError) as caught:
                list(client.export_job_attempt_logs(request))
            assert caught.value.code == code and text in caught.value.message, caught.value.message


def test_a_stream_past_its_maximum_duration_is_resource_exhausted_and_resumes(manual_clock: ManualClock) -> None:
    limits = StreamLimits(max_duration_s=0.3, max_per_token=64)
    with run_emulator(clock=manual_clock, limits=limits) as emulator, emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[SLOW])).run_id
        slow = eventually(lambda: job_in_status(client, run_id, "slow", "running"), clock=manual_clock)
        eventually(lambda: client.get_job_attempt_logs(GetJobAttemptLogsRequest(job_id=slow.job_id)).lines)
        received: list[StreamJobAttemptLogsResponse] = []
        with pytest.raises(ConnectError) as caught:
            for event in client.stream_job_attempt_logs(StreamJobAttemptLogsRequest(job_id=slow.job_id)):
                received.append(event)
        assert caught.value.code == Code.RESOURCE_EXHAUSTED and "maximum duration" in caught.value.message
        assert [e.line.body for e in received] == ["started"] and received[0].next_cursor in caught.value.message
        manual_clock.advance(600)
        eventually(lambda: job_in_status(client, run_id, "slow", "finished"), clock=manual_clock)
        request = StreamJobAttemptLogsRequest(attempt_id=slow.attempts[0].attempt_id, cursor=received[0].next_cursor)
        rest = [e.line.body for e in client.stream_job_attempt_logs(request) if e.HasField("line")]
        assert rest == ["done"]


def test_concurrent_streams_per_token_are_limited(manual_clock: ManualClock) -> None:
    limits = StreamLimits(max_duration_s=30, max_per_token=2)
    with run_emulator(clock=manual_clock, limits=limits) as emulator, emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[SLOW])).run_id
        slow = eventually(lambda: job_in_status(client, run_id, "slow", "running"), clock=manual_clock)
        started = [threading.Event(), threading.Event()]
        results: list[list[str]] = [[], []]

        def follow(index: int) -> None:
            with emulator.client() as own:
                for event in own.stream_job_attempt_logs(StreamJobAttemptLogsRequest(job_id=slow.job_id)):
                    started[index].set()
                    if event.HasField("line"):
                        results[index].append(event.line.body)

        threads = [threading.Thread(target=follow, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for event in started:
            assert event.wait(10)
        with pytest.raises(ConnectError) as caught:
            list(client.stream_job_attempt_logs(StreamJobAttemptLogsRequest(job_id=slow.job_id)))
        assert caught.value.code == Code.RESOURCE_EXHAUSTED and "at most 2" in caught.value.message
        manual_clock.advance(600)
        for thread in threads:
            while thread.is_alive():
                manual_clock.advance(1)
                thread.join(0.05)
        assert results == [["started", "done"], ["started", "done"]]
        # The slots were released: a new stream is accepted again.
        again = client.stream_job_attempt_logs(StreamJobAttemptLogsRequest(job_id=slow.job_id))
        assert [e.line.body for e in again if e.HasField("line")] == ["started", "done"]


def test_a_stream_the_client_abandons_frees_its_slot(manual_clock: ManualClock) -> None:
    limits = StreamLimits(max_duration_s=30, max_per_token=1)
    with run_emulator(clock=manual_clock, limits=limits) as emulator, emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[SLOW])).run_id
        slow = eventually(lambda: job_in_status(client, run_id, "slow", "running"), clock=manual_clock)
        eventually(lambda: client.get_job_attempt_logs(GetJobAttemptLogsRequest(job_id=slow.job_id)).lines)
        with emulator.client() as abandoning:
            for event in abandoning.stream_job_attempt_logs(StreamJobAttemptLogsRequest(job_id=slow.job_id)):
                assert event.line.body == "started"
                break  # the attempt still runs: the server is left waiting for lines nobody reads

        def reopened() -> bool | None:
            request = StreamJobAttemptLogsRequest(job_id=slow.job_id)
            try:
                for event in client.stream_job_attempt_logs(request, timeout_ms=5_000):
                    return event.line.body == "started" or None  # accepted: the abandoned slot was freed
            except ConnectError as error:
                assert error.code == Code.RESOURCE_EXHAUSTED, error
            return None

        assert eventually(reopened, timeout_s=20)
