"""Handlers for persisted log lines: GetJobAttemptLogs (pages) and StreamJobAttemptLogs (follow).

Both read the lines the executor persists, oldest first (by the attempt's line sequence). Page
tokens and stream cursors are opaque: base64url of `<kind>.<attempt id>.<sequence of the last line
sent>`, so they pin the attempt they started on and resume right after the last line the client
received. A token or cursor of another attempt is `invalid_argument`.

Not here yet: a maximum stream duration, a limit on concurrent streams, ExportJobAttemptLogs.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
from collections.abc import AsyncIterator

from connectrpc.request import RequestContext
from depot_ci.v1 import (
    GetJobAttemptLogsRequest,
    GetJobAttemptLogsResponse,
    LogLine,
    StreamJobAttemptLogsRequest,
    StreamJobAttemptLogsResponse,
)

from ..errors import invalid_argument
from ..states import TERMINAL
from ..store import AttemptRow, LogLineRow
from .base import ServiceBase

__all__ = ["PAGE_LINES", "POLL_SECONDS", "LogHandlers"]

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


class LogHandlers(ServiceBase):
    """Log lines: page through them, or follow them live."""

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
        """Persisted lines after `cursor`, then new ones as the attempt runs; ends once it is terminal."""
        org = self.org(ctx)
        attempt = self._target(org, request.attempt_id, request.job_id)
        while attempt is None:  # a queued job gets its first attempt when the executor picks it
            job, _ = self.find_job(org, request.job_id)
            if job.status in TERMINAL:
                return
            await asyncio.sleep(POLL_SECONDS)
            attempt = self._target(org, "", request.job_id)
        after = _decode("c1", request.cursor, attempt.attempt_id, "cursor")[1] if request.cursor else 0
        sent_status = ""
        while True:
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
