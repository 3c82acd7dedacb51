"""Wait for a CI run to finish: poll its status with backoff until it is terminal or time runs out."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping

from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import (
    USE_CLIENT_DEFAULT,
    CIServiceClient,
    CIServiceClientSync,
    GetRunStatusRequest,
    GetRunStatusResponse,
    UseClientDefault,
)

__all__ = ["TERMINAL_RUN_STATUSES", "wait_for_run", "wait_for_run_async"]

TERMINAL_RUN_STATUSES = frozenset({"finished", "failed", "cancelled"})
"""The run statuses that do not change any more (the API reference's list of run states)."""

OnStatus = Callable[[GetRunStatusResponse], object]


class _Schedule:
    """The deadline and the growing pause between polls."""

    def __init__(self, timeout_s: float | None, interval_s: float, max_interval_s: float, backoff: float) -> None:
        if timeout_s is not None and timeout_s < 0:
            raise ValueError(f"timeout_s must be at least 0, not {timeout_s}")
        if interval_s <= 0 or max_interval_s < interval_s:
            raise ValueError(f"need 0 < interval_s <= max_interval_s, not {interval_s} and {max_interval_s}")
        if backoff < 1:
            raise ValueError(f"backoff must be at least 1, not {backoff}")
        self.timeout_s = timeout_s
        self._deadline = None if timeout_s is None else time.monotonic() + timeout_s
        self._interval = interval_s
        self._max_interval = max_interval_s
        self._backoff = backoff

    def call_timeout(self) -> int | UseClientDefault:
        """A poll's `timeout_ms`: what is left of the deadline (at least 1 ms); the client's without one."""
        if self._deadline is None:
            return USE_CLIENT_DEFAULT
        return max(1, int((self._deadline - time.monotonic()) * 1000))

    def expired(self) -> bool:
        return self._deadline is not None and time.monotonic() >= self._deadline

    def next_pause(self) -> float:
        """Seconds to wait before the next poll: the current interval, cut short at the deadline."""
        pause = self._interval
        self._interval = min(self._interval * self._backoff, self._max_interval)
        if self._deadline is not None:
            pause = min(pause, max(0.0, self._deadline - time.monotonic()))
        return pause

    def timed_out(self, run_id: str, status: GetRunStatusResponse | None) -> TimeoutError:
        last = "no status yet" if status is None else f"still {status.status!r}"
        return TimeoutError(f"run {run_id} did not reach a terminal status within {self.timeout_s} s ({last})")


def wait_for_run(
    client: CIServiceClientSync,
    run_id: str,
    *,
    timeout_s: float | None = 3600.0,
    interval_s: float = 2.0,
    max_interval_s: float = 30.0,
    backoff: float = 1.5,
    on_status: OnStatus | None = None,
    headers: Mapping[str, str] | None = None,
) -> GetRunStatusResponse:
    """Poll `get_run_status` until run `run_id` is `finished`, `failed` or `cancelled`.

    Args:
        client: The client to poll with (its retry policy covers transient failures of a poll).
        run_id: The run to wait for.
        timeout_s: How long to wait in seconds, in all; None waits as long as it takes.
        interval_s: Seconds between the first two polls; each pause is `backoff` times the one
            before, up to `max_interval_s`.
        max_interval_s: Longest pause between polls in seconds.
        backoff: Growth factor of the pause (at least 1).
        on_status: Called with every status polled, terminal or not (for progress output).
        headers: HTTP headers of each poll, over the client's own.

    Returns:
        The first `GetRunStatusResponse` whose `status` is terminal.

    Raises:
        TimeoutError: If the run is not terminal after `timeout_s`; the message gives its last status.
        ConnectError: If a poll fails (for example `not_found` for an unknown run).
        ValueError: If a timing argument is out of range.
    """
    schedule = _Schedule(timeout_s, interval_s, max_interval_s, backoff)
    status: GetRunStatusResponse | None = None
    while not schedule.expired():
        try:
            request = GetRunStatusRequest(run_id=run_id)
            status = client.get_run_status(request, headers=headers, timeout_ms=schedule.call_timeout())
        except ConnectError as error:
            if error.code == Code.DEADLINE_EXCEEDED and schedule.expired():
                raise schedule.timed_out(run_id, status) from error
            raise
        if on_status is not None:
            on_status(status)
        if status.status in TERMINAL_RUN_STATUSES:
            return status
        time.sleep(schedule.next_pause())
    raise schedule.timed_out(run_id, status)


async def wait_for_run_async(
    client: CIServiceClient,
    run_id: str,
    *,
    timeout_s: float | None = 3600.0,
    interval_s: float = 2.0,
    max_interval_s: float = 30.0,
    backoff: float = 1.5,
    on_status: OnStatus | None = None,
    headers: Mapping[str, str] | None = None,
) -> GetRunStatusResponse:
    """`wait_for_run` with the async client; same arguments, result and errors."""
    schedule = _Schedule(timeout_s, interval_s, max_interval_s, backoff)
    status: GetRunStatusResponse | None = None
    while not schedule.expired():
        try:
            request = GetRunStatusRequest(run_id=run_id)
            status = await client.get_run_status(request, headers=headers, timeout_ms=schedule.call_timeout())
        except ConnectError as error:
            if error.code == Code.DEADLINE_EXCEEDED and schedule.expired():
                raise schedule.timed_out(run_id, status) from error
            raise
        if on_status is not None:
            on_status(status)
        if status.status in TERMINAL_RUN_STATUSES:
            return status
        await asyncio.sleep(schedule.next_pause())
    raise schedule.timed_out(run_id, status)
