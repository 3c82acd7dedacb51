"""Job summaries ($DEPOT_STEP_SUMMARY) and CPU/memory metrics over HTTP."""

from __future__ import annotations

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import (
    CIMetricsAvailabilityCode,
    GetJobAttemptMetricsRequest,
    GetJobMetricsRequest,
    GetJobSummaryRequest,
    GetRunMetricsRequest,
    GetRunStatusRequest,
    RunRequest,
)

from depot_ci_emulator import ManualClock, metrics
from depot_ci_emulator.testing import RunningEmulator

from .support import SLOW, eventually, job_in_status, jobs_by_key

SUMMARIES = """\
on: push
jobs:
  report:
    runs-on: depot-ubuntu-24.04
    steps:
      - run: |
          echo "## Tests" >> $DEPOT_STEP_SUMMARY
          echo "- 12 passed" >> "$DEPOT_STEP_SUMMARY"
      - run: echo no summary here
      - run: |
          echo "draft" >> $GITHUB_STEP_SUMMARY
          echo "## Coverage: 91%" > ${DEPOT_STEP_SUMMARY}
  plain:
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo plain
  long:
    runs-on: depot-ubuntu-24.04-8
    steps:
      - uses: actions/checkout@v4
      - run: |
          echo compiling
          sleep 900
"""


def _finished(emulator: RunningEmulator, workflow: str) -> dict[str, list[object]]:
    with emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[workflow])).run_id
        emulator.wait_for_run(run_id)
        return {"run_id": [run_id], **jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id)))}  # type: ignore[dict-item]


def test_summary_joins_step_summaries_in_step_order(depot_emulator: RunningEmulator) -> None:
    jobs = _finished(depot_emulator, SUMMARIES)
    report, plain = jobs["report"][0], jobs["plain"][0]
    with depot_emulator.client() as client:
        summary = client.get_job_summary(GetJobSummaryRequest(job_id=report.job_id))  # type: ignore[attr-defined]
        assert summary.has_summary and summary.step_count == 2 and summary.empty_reason == ""
        assert summary.markdown == "## Tests\n- 12 passed\n\n## Coverage: 91%\n"
        attempt_id = report.attempts[0].attempt_id  # type: ignore[attr-defined]
        assert summary.attempt_id == attempt_id and summary.attempt == 1 and summary.attempt_status == "finished"
        both = client.get_job_summary(GetJobSummaryRequest(job_id=report.job_id, attempt_id=attempt_id))  # type: ignore[attr-defined]
        assert both.markdown == summary.markdown
        none = client.get_job_summary(GetJobSummaryRequest(job_id=plain.job_id))  # type: ignore[attr-defined]
        assert (none.has_summary, none.empty_reason, none.markdown) == (False, "no_summary", "")
        for request, code in (
            (GetJobSummaryRequest(), Code.INVALID_ARGUMENT),
            (GetJobSummaryRequest(job_id=plain.job_id, attempt_id=attempt_id), Code.INVALID_ARGUMENT),  # type: ignore[attr-defined]
            (GetJobSummaryRequest(job_id="job_missing"), Code.NOT_FOUND),
        ):
            with pytest.raises(ConnectError) as caught:
                client.get_job_summary(request)
            assert caught.value.code == code


def test_a_queued_job_has_no_attempt_summary(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[SLOW])).run_id
        after = eventually(lambda: job_in_status(client, run_id, "after", "queued"))
        summary = client.get_job_summary(GetJobSummaryRequest(job_id=after.job_id))
    assert (summary.has_summary, summary.empty_reason, summary.attempt_id, summary.attempt) == (
        False,
        "no_attempt",
        "",
        0,
    )


def test_metrics_keep_the_peak_after_downsampling(depot_emulator: RunningEmulator) -> None:
    jobs = _finished(depot_emulator, SUMMARIES)
    long = jobs["long"][0]
    attempt_id = long.attempts[0].attempt_id  # type: ignore[attr-defined]
    with depot_emulator.client() as client:
        first = client.get_job_attempt_metrics(GetJobAttemptMetricsRequest(attempt_id=attempt_id))
        again = client.get_job_attempt_metrics(GetJobAttemptMetricsRequest(attempt_id=attempt_id))
        job_metrics = client.get_job_metrics(GetJobMetricsRequest(job_id=long.job_id))  # type: ignore[attr-defined]
        run_metrics = client.get_run_metrics(GetRunMetricsRequest(run_id=str(jobs["run_id"][0])))
    attempt = first.attempt
    assert attempt.availability.code == CIMetricsAvailabilityCode.Value("CI_METRICS_AVAILABILITY_CODE_AVAILABLE")
    assert attempt.availability.reason == "available"
    cap, stats, samples = attempt.cap, attempt.stats, attempt.samples
    assert cap.raw_sample_count == stats.sample_count > metrics.MAX_RETURNED_SAMPLES  # 900 s at 2 samples/s
    assert cap.downsampled and cap.downsample_strategy == "peak_preserving_even"
    assert cap.returned_sample_count == len(samples) <= cap.max_returned_sample_count == metrics.MAX_RETURNED_SAMPLES
    assert max(s.cpu_utilization for s in samples) == stats.peak_cpu_utilization
    assert max(s.memory_utilization for s in samples) == stats.peak_memory_utilization
    assert max(s.memory_usage_bytes for s in samples) == stats.peak_memory_usage_bytes
    assert 0 < stats.average_cpu_utilization < stats.peak_cpu_utilization <= 1
    assert stats.peak_memory_usage_bytes <= 32 * 1024**3  # 8 CPUs: 32 GiB
    assert [s.timestamp for s in samples] == sorted(s.timestamp for s in samples)
    assert samples[0].timestamp == stats.observed_started_at and samples[-1].timestamp == stats.observed_finished_at
    assert again.attempt.samples == samples  # deterministic for a finished attempt
    assert job_metrics.attempts[0].stats == stats and job_metrics.job.job_key == "long"
    keys = sorted(j.job.job_key for w in run_metrics.workflows for j in w.jobs)
    assert keys == ["long", "plain", "report"] and run_metrics.run.run_id == jobs["run_id"][0]


def test_metrics_availability_codes_and_errors(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[SLOW])).run_id
        after = eventually(lambda: job_in_status(client, run_id, "after", "queued"))
        assert client.get_job_metrics(GetJobMetricsRequest(job_id=after.job_id)).attempts == []
        for call, request in (
            (client.get_job_attempt_metrics, GetJobAttemptMetricsRequest(attempt_id="attempt_missing")),
            (client.get_job_metrics, GetJobMetricsRequest(job_id="job_missing")),
            (client.get_run_metrics, GetRunMetricsRequest(run_id="run_missing")),
        ):
            with pytest.raises(ConnectError) as caught:
                call(request)  # type: ignore[operator]
            assert caught.value.code == Code.NOT_FOUND


def test_downsampling_keeps_every_bucket_peak() -> None:
    raw = [metrics.Sample(i, cpu=(i * 37 % 101) / 100, memory=(i * 53 % 97) / 100, memory_bytes=i) for i in range(1000)]
    kept = metrics.downsample(raw, 100)
    assert len(kept) <= 100 and kept == sorted(kept, key=lambda s: s.timestamp_ms)
    assert max(s.cpu for s in kept) == max(s.cpu for s in raw)
    assert max(s.memory for s in kept) == max(s.memory for s in raw)
    assert metrics.downsample(raw[:50], 100) == raw[:50]


def test_availability_follows_the_attempt_lifecycle(
    paused_emulator: RunningEmulator, manual_clock: ManualClock
) -> None:
    def code(attempt_id: str) -> tuple[str, str, int]:
        with paused_emulator.client() as client:
            found = client.get_job_attempt_metrics(GetJobAttemptMetricsRequest(attempt_id=attempt_id)).attempt
        return CIMetricsAvailabilityCode.Name(found.availability.code), found.availability.reason, len(found.samples)

    with paused_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[SLOW])).run_id
        slow = eventually(
            lambda: (
                (j := jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id)))["slow"][0]).attempts and j
            )
        )
    attempt_id = slow.attempts[0].attempt_id
    assert code(attempt_id) == ("CI_METRICS_AVAILABILITY_CODE_NO_SANDBOX", "no_sandbox", 0)
    manual_clock.advance(1)  # dispatched on a sandbox, not started
    eventually(lambda: code(attempt_id)[0] == "CI_METRICS_AVAILABILITY_CODE_NO_TIME_RANGE")
    manual_clock.advance(1)  # booted: running
    eventually(lambda: code(attempt_id)[0] == "CI_METRICS_AVAILABILITY_CODE_AVAILABLE")
    first = code(attempt_id)[2]
    manual_clock.advance(10)
    assert code(attempt_id)[2] == first + 20  # a running attempt's metrics grow (2 samples per emulated second)
