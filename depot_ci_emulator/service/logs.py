"""Handlers for persisted log lines: GetJobAttemptLogs (pages), StreamJobAttemptLogs (follow) and
ExportJobAttemptLogs (a finite snapshot as text or JSONL bytes).

All read the lines the executor persists, oldest first (by the attempt's line sequence). Page
tokens and stream cursors are opaque: base64url of `<kind>.<attempt id>.<sequence of the last line
sent>`, so they pin the attempt they started on and resume right after the last line the client
received. A token or cursor of another attempt is `invalid_argument`.

Streams and exports are limited (`StreamLimits`): at most `max_per_token` open at once per token
(one more is `resource_exhausted` at once), and each lasts at most `max_duration_s` real seconds
(then `resource_exhausted`, whose message carries the cursor to resume from).

Export formats: TEXT (the default; `text/plain; charset=utf-8`, each line's body and a newline) and
JSONL (`application/x-ndjson; charset=utf-8`, each line as the LogLine message in the API's JSON
form, one per line). Chunks hold at most `EXPORT_CHUNK_BYTES`; a long line may span chunks.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.request import RequestContext
from depot_ci.v1 import (
    ExportJobAttemptLogsRequest,
    ExportJobAttemptLogsResponse,
    GetJobAttemptLogsRequest,
    GetJobAttemptLogsResponse,
    JobAttemptLogExportFormat,
    JobAttemptLogExportMetadata,
    LogLine,
    StreamJobAttemptLogsRequest,
    StreamJobAttemptLogsResponse,
)
from google.protobuf.json_format import MessageToDict

from ..errors import failed_precondition, invalid_argument
from ..states import TERMINAL
from ..store import AttemptRow, LogLineRow
from .base import ServiceBase

__all__ = ["EXPORT_CHUNK_BYTES", "PAGE_LINES", "POLL_SECONDS", "LogHandlers"]

EXPORT_CHUNK_BYTES = 256 * 1024
"""Most bytes one export chunk holds (the reference's 256 KiB)."""

_TEXT = JobAttemptLogExportFormat.Value("JOB_ATTEMPT_LOG_EXPORT_FORMAT_TEXT")
_JSONL = JobAttemptLogExportFormat.Value("JOB_ATTEMPT_LOG_EXPORT_FORMAT_JSONL")
_FORMATS = {
    _TEXT: ("txt", "text/plain; charset=utf-8"),
    _JSONL: ("jsonl", "application/x-ndjson; charset=utf-8"),
}

PAGE_LINES = 1000
"""Most lines one GetJobAttemptLogs page holds."""

POLL_SECONDS = 0.02
"""How often (real seconds) a stream looks for new lines while the attempt runs."""


def _encode(kind: str, attempt_id: str, seq: int) -> str:
    return base64.urlsafe_b64encode(f"{kind}.{attempt_id}.{seq}".encode()).decode().rstrip("=")


def _decode(kind: str, token: str, attempt_id: str | None, field: str) -> tuple[str, int]:
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        found_kind, found_attempt, seq = text.split(".")
        number = int(seq)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise invalid_argument(
            f"{field} is not one this server issued: pass a value from a previous response"
        ) from None
    if found_kind != kind:
        raise invalid_argument(f"{field} is not one this server issued: pass a value from a previous response")
    if attempt_id is not None and found_attempt != attempt_id:
        raise invalid_argument(f"{field} belongs to attempt {found_attempt}, not to attempt {attempt_id}")
    return found_attempt, number


def _token_of(ctx: RequestContext[Any, Any]) -> str:
    # The auth interceptor accepted the call, so the header is `Bearer <token>`.
    return ctx.request_headers.get("authorization", "").strip().partition(" ")[2].strip()


class LogHandlers(ServiceBase):
    """Log lines: page through them, follow them live, or export them."""

    @contextmanager
    def _slot(self, ctx: RequestContext[Any, Any]) -> Iterator[float]:
        """Hold one of the token's concurrent streams; yields the real-time deadline (monotonic s)."""
        token = _token_of(ctx)
        limit = self.limits.max_per_token
        if self.open_streams.get(token, 0) >= limit:
            raise ConnectError(
                Code.RESOURCE_EXHAUSTED,
                f"too many concurrent log streams for this token (at most {limit}): close one and retry",
            )
        self.open_streams[token] = self.open_streams.get(token, 0) + 1
        try:
            yield time.monotonic() + self.limits.max_duration_s
        finally:
            self.open_streams[token] -= 1
            if not self.open_streams[token]:
                del self.open_streams[token]

    def _expired(self, what: str, resume: str) -> ConnectError:
        return ConnectError(
            Code.RESOURCE_EXHAUSTED,
            f"the {what} reached its maximum duration of {self.limits.max_duration_s:g} s{resume}",
        )

    def _target(self, org: str, attempt_id: str, job_id: str) -> AttemptRow | None:
        """The attempt named directly, or the latest attempt of the job (None while it has none)."""
        if bool(attempt_id) == bool(job_id):
            raise invalid_argument("set exactly one of attemptId or jobId")
        if attempt_id:
            return self.find_attempt(org, attempt_id)[0]
        job, _ = self.find_job(org, job_id)
        attempts = self.store.attempts_of(job.job_id)
        return attempts[-1] if attempts else None

    def _line(self, row: LogLineRow, steps: dict[str, tuple[str, str]]) -> LogLine:
        step_id, step_name = steps.get(row.step_key, ("", ""))
        return LogLine(
            step_key=row.step_key,
            timestamp_ms=row.timestamp_ms,
            line_number=row.line_number,
            stream=row.stream,
            body=row.body,
            step_id=step_id,
            step_name=step_name,
        )

    def _steps(self, attempt_id: str) -> dict[str, tuple[str, str]]:
        return {s.step_key: (s.step_id, s.name) for s in self.store.steps_of(attempt_id)}

    async def get_job_attempt_logs(
        self,
        request: GetJobAttemptLogsRequest,
        ctx: RequestContext[GetJobAttemptLogsRequest, GetJobAttemptLogsResponse],
    ) -> GetJobAttemptLogsResponse:
        """A page of persisted lines (at most `PAGE_LINES`), oldest first, and the token for what follows."""
        org = self.org(ctx)
        if request.page_token:
            if bool(request.attempt_id) == bool(request.job_id):
                raise invalid_argument("set exactly one of attemptId or jobId")
            pinned, after = _decode("p1", request.page_token, request.attempt_id or None, "pageToken")
            attempt: AttemptRow | None = self.find_attempt(org, pinned)[0]
            if request.job_id and attempt is not None and attempt.job_id != request.job_id:
                raise invalid_argument(f"pageToken belongs to an attempt of another job than {request.job_id}")
        else:
            attempt, after = self._target(org, request.attempt_id, request.job_id), 0
        if attempt is None:
            return GetJobAttemptLogsResponse()
        rows = self.store.log_lines(attempt.attempt_id, after, PAGE_LINES)
        steps = self._steps(attempt.attempt_id)
        token = _encode("p1", attempt.attempt_id, rows[-1].seq) if rows else ""
        return GetJobAttemptLogsResponse(lines=[self._line(r, steps) for r in rows], next_page_token=token)

    async def stream_job_attempt_logs(
        self,
        request: StreamJobAttemptLogsRequest,
        ctx: RequestContext[StreamJobAttemptLogsRequest, StreamJobAttemptLogsResponse],
    ) -> AsyncIterator[StreamJobAttemptLogsResponse]:
        """Persisted lines after `cursor`, then new ones as the attempt runs; ends once it is terminal.

        Raises `resource_exhausted` when the token has too many streams open, or when the stream
        lasted `limits.max_duration_s` (its message names the cursor to resume from).
        """
        org = self.org(ctx)
        attempt = self._target(org, request.attempt_id, request.job_id)
        with self._slot(ctx) as deadline:
            while attempt is None:  # a queued job gets its first attempt when the executor picks it
                job, _ = self.find_job(org, request.job_id)
                if job.status in TERMINAL:
                    return
                if time.monotonic() > deadline:
                    raise self._expired("log stream", ": no attempt started yet; call again")
                await asyncio.sleep(POLL_SECONDS)
                attempt = self._target(org, "", request.job_id)
            after = _decode("c1", request.cursor, attempt.attempt_id, "cursor")[1] if request.cursor else 0
            sent_status = ""
            while True:
                if time.monotonic() > deadline:
                    cursor = _encode("c1", attempt.attempt_id, after) if after else ""
                    raise self._expired("log stream", f": resume with cursor {cursor!r}" if cursor else "; call again")
                current = self.store.attempt(attempt.attempt_id)
                status = current.status if current is not None else attempt.status
                rows = self.store.log_lines(attempt.attempt_id, after, PAGE_LINES)
                steps = self._steps(attempt.attempt_id) if rows else {}
                for row in rows:
                    after = row.seq
                    yield StreamJobAttemptLogsResponse(
                        line=self._line(row, steps),
                        next_cursor=_encode("c1", attempt.attempt_id, row.seq),
                        attempt_status=status,
                    )
                    sent_status = status
                if rows:
                    continue
                if status != sent_status:
                    yield StreamJobAttemptLogsResponse(attempt_status=status)
                    sent_status = status
                if status in TERMINAL:
                    return  # the status was read before the lines, so every line of the attempt was sent
                await asyncio.sleep(POLL_SECONDS)

    def _export_bytes(self, row: LogLineRow, steps: dict[str, tuple[str, str]], jsonl: bool) -> bytes:
        if not jsonl:
            return row.body.encode() + b"\n"
        message = MessageToDict(self._line(row, steps), preserving_proto_field_name=False)
        return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"

    async def export_job_attempt_logs(
        self,
        request: ExportJobAttemptLogsRequest,
        ctx: RequestContext[ExportJobAttemptLogsRequest, ExportJobAttemptLogsResponse],
    ) -> AsyncIterator[ExportJobAttemptLogsResponse]:
        """The metadata, then the lines persisted when the call started, in chunks of at most 256 KiB.

        Raises `invalid_argument` for an unknown format, `failed_precondition` for a job without an
        attempt yet, `resource_exhausted` as StreamJobAttemptLogs does.
        """
        org = self.org(ctx)
        chosen = request.format or _TEXT
        if chosen not in _FORMATS:
            raise invalid_argument(
                f"format: unsupported log format {request.format}; use JOB_ATTEMPT_LOG_EXPORT_FORMAT_TEXT or _JSONL"
            )
        attempt = self._target(org, request.attempt_id, request.job_id)
        if attempt is None:
            raise failed_precondition(f"jobId: job {request.job_id} has no attempt yet, so no logs to export")
        job = self.store.job(attempt.job_id)
        extension, content_type = _FORMATS[chosen]
        with self._slot(ctx) as deadline:
            last = self.store.last_log_seq(attempt.attempt_id)  # the snapshot: lines persisted by now
            key = job.job_key if job is not None else "job"
            yield ExportJobAttemptLogsResponse(
                metadata=JobAttemptLogExportMetadata(
                    filename=f"depot-ci-{key}-attempt-{attempt.number}-{attempt.attempt_id}.{extension}",
                    content_type=content_type,
                    format=JobAttemptLogExportFormat.Name(chosen),
                )
            )
            steps = self._steps(attempt.attempt_id)
            buffer, after = bytearray(), 0
            while after < last:
                rows = [r for r in self.store.log_lines(attempt.attempt_id, after, PAGE_LINES) if r.seq <= last]
                if not rows:
                    break
                for row in rows:
                    buffer += self._export_bytes(row, steps, chosen == _JSONL)
                after = rows[-1].seq
                while len(buffer) >= EXPORT_CHUNK_BYTES:
                    if time.monotonic() > deadline:
                        raise self._expired("log export", "; export again")
                    yield ExportJobAttemptLogsResponse(chunk=bytes(buffer[:EXPORT_CHUNK_BYTES]))
                    del buffer[:EXPORT_CHUNK_BYTES]
            if buffer:
                yield ExportJobAttemptLogsResponse(chunk=bytes(buffer))
