"""Realistic Depot CI messages for the RPC, stream and encoding benchmarks.

Every builder takes the `ci_pb2` module to build with (ours, `depot_ci.v1.ci_pb2`, or the one
protoc writes next to the official stubs, `depot.ci.v1.ci_pb2`), so a server built from the
official stubs never imports our package. The content is deterministic.
"""

from __future__ import annotations

import random
from types import ModuleType
from typing import Any

from google.protobuf.message import Message

__all__ = [
    "CHUNK_BYTES",
    "export_chunk",
    "export_metadata",
    "log_line_pool",
    "run_status_response",
]

CHUNK_BYTES = 256 * 1024
"""The size of one ExportJobAttemptLogs chunk (the API's maximum)."""

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
_WORKFLOWS = (
    (".depot/workflows/ci.yml", "CI", "running", ""),
    (".depot/workflows/release.yml", "Release", "failed", "Job deploy-preview failed: exit code 1 in step 'Deploy'."),
    (".depot/workflows/nightly.yml", "Nightly", "finished", ""),
)
_JOBS = (
    "build",
    "lint",
    "typecheck",
    "test-unit",
    "test-integration",
    "docker-build",
    "e2e",
    "security-scan",
    "docs",
    "deploy-preview",
)
_STATUSES = ("finished", "running", "failed", "queued", "cancelled")
_LOG_BODIES = (
    "npm ERR! Test failed.  See above for more details.",
    "> depot-cli@1.0.0 test /home/runner/work/depot-cli/depot-cli",
    "PASS src/commands/build.test.ts (12.345 s)",
    "#12 [builder 4/7] RUN --mount=type=cache,target=/root/.cache/go-build go build -o /out/app ./cmd/app",
    "tests/test_pipeline.py::test_generate_is_deterministic PASSED                         [ 42%]",
    "warning: unused variable `retries` --> src/client/retry.rs:88:13",
    "Downloading https://registry.npmjs.org/typescript/-/typescript-5.6.3.tgz (5.8 MB)",
    "Step 'Run unit tests' finished in 93.4s with exit code 0",
)


def _id(rng: random.Random, prefix: str) -> str:
    """A ULID-like identifier such as `run_01jd8q4yh7r3m2k9v0c5x6t8zw`."""
    return prefix + "_01j" + "".join(rng.choice(_ALPHABET) for _ in range(23))


def run_status_response(pb2: ModuleType) -> Message:
    """A GetRunStatusResponse of 3 workflows x 10 jobs x 2 attempts with realistic strings."""
    rng = random.Random(20240611)
    workflows: list[Any] = []
    for workflow_index, (path, name, status, error) in enumerate(_WORKFLOWS):
        jobs: list[Any] = []
        for job_index, key in enumerate(_JOBS):
            job_status = _STATUSES[(workflow_index + job_index) % len(_STATUSES)]
            attempts = [
                pb2.AttemptStatus(
                    attempt_id=_id(rng, "att"),
                    attempt=number,
                    status="failed" if number == 1 else job_status,
                    sandbox_id=_id(rng, "sbx"),
                    session_id=_id(rng, "ses") if job_status == "running" else "",
                )
                for number in (1, 2)
            ]
            jobs.append(pb2.JobStatus(job_id=_id(rng, "job"), job_key=key, status=job_status, attempts=attempts))
        workflows.append(
            pb2.WorkflowStatus(
                workflow_id=_id(rng, "wf"),
                status=status,
                workflow_path=path,
                jobs=jobs,
                name=name,
                error_message=error,
            )
        )
    response: Message = pb2.GetRunStatusResponse(
        org_id=_id(rng, "org"), run_id=_id(rng, "run"), status="running", workflows=workflows
    )
    return response


def log_line_pool(pb2: ModuleType, size: int = 1000) -> list[Message]:
    """`size` distinct StreamJobAttemptLogsResponse messages, each carrying one log line."""
    rng = random.Random(7)
    pool: list[Message] = []
    for number in range(1, size + 1):
        step = number // 100
        line = pb2.LogLine(
            step_key=f"step_{step}",
            timestamp_ms=1_779_127_272_000 + number * 37,
            line_number=number,
            stream=1 if number % 11 == 0 else 0,
            body=_LOG_BODIES[rng.randrange(len(_LOG_BODIES))],
            step_id=f"unit-tests-{step}",
            step_name="Run unit tests",
        )
        message: Message = pb2.StreamJobAttemptLogsResponse(
            line=line, next_cursor=f"cur_{number:012d}_{rng.getrandbits(48):012x}", attempt_status="running"
        )
        pool.append(message)
    return pool


def export_metadata(pb2: ModuleType) -> Message:
    """The first ExportJobAttemptLogsResponse of an export: filename and content type."""
    message: Message = pb2.ExportJobAttemptLogsResponse(
        metadata=pb2.JobAttemptLogExportMetadata(
            filename="depot-ci-test-attempt-1.txt",
            content_type="text/plain; charset=utf-8",
            format=pb2.JOB_ATTEMPT_LOG_EXPORT_FORMAT_TEXT,
        )
    )
    return message


def export_chunk() -> bytes:
    """CHUNK_BYTES of log text, built once and sent repeatedly."""
    lines = "\n".join(f"2026-05-18T17:41:{n % 60:02d}Z {_LOG_BODIES[n % len(_LOG_BODIES)]}" for n in range(4096))
    data = (lines.encode() * (CHUNK_BYTES // len(lines) + 1))[:CHUNK_BYTES]
    return data
