"""Simulated CPU and memory samples of an attempt, their summary statistics, and peak-keeping downsampling.

The simulated executor runs no process, so samples are derived, not measured: they are a pure
function of the attempt's persisted step timeline, hence deterministic (the same timeline always
gives the same samples) and growing while the attempt runs (a snapshot reaches up to "now").

Shape, one sample every `SAMPLE_INTERVAL_MS` of emulated time from the attempt's `startedAt` to its
`finishedAt` (or the snapshot time while it runs). At a sample time `t`, with `e` the seconds since
the start of the step running at `t` and `L` = 0.8 + 0.2 * h (h in [0, 1) from a hash of the job
key and the step position, so steps differ but never at random):

- a `run:` step: CPU = L * (0.25 + 0.6 * |sin(pi * e / 20)|) + 0.05 * sin(1.7 * e); memory
  utilization = 0.10 + 0.5 * L * (1 - exp(-e / 15));
- a `uses:` step: CPU = L * (0.10 + 0.3 * |sin(pi * e / 40)|); memory = 0.08 + 0.2 * L * (1 - exp(-e / 15));
- between steps (dispatch, boot, the gap after a step): CPU 0.03, memory 0.05.

Utilizations are fractions in [0, 1] rounded to 4 decimals; memory bytes are utilization times the
runner's memory (`runs-on` size: 4 GiB per CPU, 8 GiB when unknown).

Downsampling (`peak_preserving_even`): above `MAX_RETURNED_SAMPLES` raw samples, the first and the
last sample are kept (so the series spans the observed range), the series is cut into
`(MAX_RETURNED_SAMPLES - 2) // 2` even buckets and each bucket keeps its highest-CPU and its
highest-memory sample (once when they are the same), in time order. Every bucket's peaks survive,
so the series' overall peaks always do.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from .store import AttemptRow, JobRow, StepRow

__all__ = [
    "DOWNSAMPLE_STRATEGY",
    "MAX_RETURNED_SAMPLES",
    "SAMPLE_INTERVAL_MS",
    "Availability",
    "Sample",
    "Stats",
    "availability",
    "downsample",
    "samples",
    "stats",
]

SAMPLE_INTERVAL_MS = 500
"""Emulated milliseconds between two samples of an attempt."""
MAX_RETURNED_SAMPLES = 300
"""Most samples one attempt's metrics return (`cap.maxReturnedSampleCount`)."""
DOWNSAMPLE_STRATEGY = "peak_preserving_even"
_GIB = 1024**3


@dataclass(frozen=True)
class Sample:
    """One sample: time (epoch ms), CPU and memory utilization (fractions), memory bytes."""

    timestamp_ms: int
    cpu: float
    memory: float
    memory_bytes: int


@dataclass(frozen=True)
class Stats:
    """Statistics over raw samples (peaks and averages are None without samples)."""

    count: int
    peak_cpu: float | None
    average_cpu: float | None
    peak_memory: float | None
    average_memory: float | None
    peak_memory_bytes: int | None
    average_memory_bytes: float | None
    first_ms: int | None
    last_ms: int | None


@dataclass(frozen=True)
class Availability:
    """The reference's availability code (the enum value's suffix, e.g. `AVAILABLE`) and reason."""

    code: str
    reason: str


def _level(job_key: str, position: int) -> float:
    digest = hashlib.sha256(f"{job_key}\0{position}".encode()).digest()
    return 0.8 + 0.2 * (int.from_bytes(digest[:4], "big") / 2**32)


def _shape(kind: str, level: float, elapsed_s: float) -> tuple[float, float]:
    growth = 1 - math.exp(-elapsed_s / 15)
    if kind == "run":
        cpu = level * (0.25 + 0.6 * abs(math.sin(math.pi * elapsed_s / 20))) + 0.05 * math.sin(1.7 * elapsed_s)
        memory = 0.10 + 0.5 * level * growth
    else:
        cpu = level * (0.10 + 0.3 * abs(math.sin(math.pi * elapsed_s / 40)))
        memory = 0.08 + 0.2 * level * growth
    return min(max(cpu, 0.0), 1.0), min(max(memory, 0.0), 1.0)


def _memory_total(job: JobRow) -> int:
    config = job.runs_on_config or {}
    gigabytes = int(config.get("memory_gb") or 0)
    return (gigabytes or 8) * _GIB


def samples(job: JobRow, attempt: AttemptRow, steps: list[StepRow], now_ms: int) -> list[Sample]:
    """The attempt's raw samples up to `now_ms` (none before it started), oldest first."""
    if attempt.started_at is None:
        return []
    end = attempt.finished_at if attempt.finished_at is not None else now_ms
    kinds = {int(s["position"]): ("uses" if s.get("uses") is not None else "run") for s in job.step_specs}
    total = _memory_total(job)
    windows = [
        (step.started_at, step.finished_at if step.finished_at is not None else end, step.position)
        for step in steps
        if step.started_at is not None and step.status != "skipped"
    ]
    out: list[Sample] = []
    t = attempt.started_at
    while t <= end:
        cpu, memory = 0.03, 0.05
        for start, stop, position in windows:
            if start <= t < stop or (start == t == stop):
                elapsed = (t - start) / 1000
                cpu, memory = _shape(kinds.get(position, "run"), _level(job.job_key, position), elapsed)
                break
        cpu, memory = round(cpu, 4), round(memory, 4)
        out.append(Sample(t, cpu, memory, int(memory * total)))
        t += SAMPLE_INTERVAL_MS
    return out


def stats(raw: list[Sample]) -> Stats:
    """Peaks, averages and the observed time range of `raw`."""
    if not raw:
        return Stats(0, None, None, None, None, None, None, None, None)
    n = len(raw)
    return Stats(
        count=n,
        peak_cpu=max(s.cpu for s in raw),
        average_cpu=round(sum(s.cpu for s in raw) / n, 4),
        peak_memory=max(s.memory for s in raw),
        average_memory=round(sum(s.memory for s in raw) / n, 4),
        peak_memory_bytes=max(s.memory_bytes for s in raw),
        average_memory_bytes=round(sum(s.memory_bytes for s in raw) / n, 1),
        first_ms=raw[0].timestamp_ms,
        last_ms=raw[-1].timestamp_ms,
    )


def downsample(raw: list[Sample], limit: int = MAX_RETURNED_SAMPLES) -> list[Sample]:
    """At most `limit` (>= 4) samples of `raw`: its ends and every bucket's CPU and memory peaks (see module)."""
    if len(raw) <= limit:
        return list(raw)
    buckets = (limit - 2) // 2
    kept = {0, len(raw) - 1}
    for b in range(buckets):
        lo, hi = b * len(raw) // buckets, (b + 1) * len(raw) // buckets
        indexes = range(lo, hi)
        kept.add(max(indexes, key=lambda i: (raw[i].cpu, -i)))
        kept.add(max(indexes, key=lambda i: (raw[i].memory, -i)))
    return [raw[i] for i in sorted(kept)]


def availability(attempt: AttemptRow, raw: list[Sample]) -> Availability:
    """Why the attempt has metrics or not, as the reference's codes say."""
    if not attempt.sandbox_id:
        return Availability("NO_SANDBOX", "no_sandbox")
    if attempt.started_at is None:
        return Availability("NO_TIME_RANGE", "no_time_range")
    if not raw:
        return Availability("NO_SAMPLES", "no_samples")
    return Availability("AVAILABLE", "available")
