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

__all__ = ["MIN_POLL_TIMEOUT_S", "TERMINAL_RUN_STATUSES", "wait_for_run", "wait_for_run_async"]

TERMINAL_RUN_STATUSES = frozenset({"finished", "failed", "cancelled"})
"""The run statuses that do not change any more (the API reference's list of run states)."""

OnStatus = Callable[[GetRunStatusResponse], object]


_TRANSIENT = frozenset({Code.UNAVAILABLE, Code.DEADLINE_EXCEEDED, Code.RESOURCE_EXHAUSTED})
"""Poll failures that say nothing about the run (network, overload, a poll's own timeout): polling goes on."""

MIN_POLL_TIMEOUT_S = 5.0
"""Each poll may take what is left of `timeout_s`, but at least this many seconds, so that the poll
made at the deadline (with `timeout_s=0`, the only one) can be answered."""


def _transient(error: ConnectError) -> bool:
    """Whether a failed poll is worth repeating: the server or the network failed, not the request."""
    if error.code in _TRANSIENT:
        return True
    # A connection cut mid-answer: the runtime reports `internal` caused by a non-Connect exception.
    return error.code == Code.INTERNAL and error.__cause__ is not None and not isinstance(error.__cause__, ConnectError)


class _Schedule:
    """The deadline, the growing pause between polls, and what the polls saw."""

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
        self.status: GetRunStatusResponse | None = None
        self.error: ConnectError | None = None

    def call_timeout(self) -> int | UseClientDefault:
        """A poll's `timeout_ms`: what is left of the deadline, at least `MIN_POLL_TIMEOUT_S`.

        Without a deadline, the client's own timeout.
        """
        if self._deadline is None:
            return USE_CLIENT_DEFAULT
        return int(max(MIN_POLL_TIMEOUT_S, self._deadline - time.monotonic()) * 1000)

    def failed(self, error: ConnectError) -> None:
        """Record a failed poll; raise it unless it is transient (then polling goes on)."""
        if not _transient(error):
            raise error
        self.error = error

    def expired(self) -> bool:
        return self._deadline is not None and time.monotonic() >= self._deadline

    def next_pause(self) -> float:
        """Seconds to wait before the next poll: the current interval, cut short at the deadline."""
        pause = self._interval
        self._interval = min(self._interval * self._backoff, self._max_interval)
        if self._deadline is not None:
            pause = min(pause, max(0.0, self._deadline - time.monotonic()))
        return pause

    def timed_out(self, run_id: str) -> TimeoutError:
        last = "no status received" if self.status is None else f"last status {self.status.status!r}"
        if self.error is not None:
            last += f"; last failed poll: {self.error}"
        return TimeoutError(f"run {run_id} did not reach a terminal status within {self.timeout_s} s ({last})")


def wait_for_run(
    client: CIServiceClientSync,
    run_id: str,
    *,
    timeout_s: float | None = 3600.0,
    interval_s: float = 0.5,
    max_interval_s: float = 15.0,
    backoff: float = 1.5,
    on_status: OnStatus | None = None,
    headers: Mapping[str, str] | None = None,
) -> GetRunStatusResponse:
    """Poll `get_run_status` until run `run_id` is `finished`, `failed` or `cancelled`.

    The first poll is made at once, the last one at the deadline at the latest; a poll that fails
    with `unavailable`, `deadline_exceeded`, `resource_exhausted` or a cut connection (after the
    client's own retries) does not end the wait: polling goes on until the deadline.

    Args:
        client: The client to poll with (its retry policy covers transient failures of a poll).
        run_id: The run to wait for.
        timeout_s: How long to wait in seconds, in all (0 polls once); None waits as long as it
            takes. Each poll may take what is left of it, but at least `MIN_POLL_TIMEOUT_S` (5 s).
        interval_s: Seconds between the first two polls (0.5 s, so a short run is seen finished
            soon); each pause is `backoff` times the one before, up to `max_interval_s`.
        max_interval_s: Longest pause between polls in seconds.
        backoff: Growth factor of the pause (at least 1).
        on_status: Called with every status polled, terminal or not (for progress output).
        headers: HTTP headers of each poll, over the client's own.

    Returns:
        The first `GetRunStatusResponse` whose `status` is terminal.

    Raises:
        TimeoutError: If the run is not terminal after `timeout_s`; the message gives its last
            status and the last failed poll's error (which is its `__cause__`).
        ConnectError: If a poll fails for another reason (for example `not_found` for an unknown
            run, `unauthenticated`), at once.
        ValueError: If a timing argument is out of range.
    """
    schedule = _Schedule(timeout_s, interval_s, max_interval_s, backoff)
    request = GetRunStatusRequest(run_id=run_id)
    while True:
        try:
            status = client.get_run_status(request, headers=headers, timeout_ms=schedule.call_timeout())
        except ConnectError as error:
            schedule.failed(error)
        else:
            schedule.status = status
            if on_status is not None:
                on_status(status)
            if status.status in TERMINAL_RUN_STATUSES:
                return status
        if schedule.expired():
            raise schedule.timed_out(run_id) from schedule.error
        time.sleep(schedule.next_pause())


async def wait_for_run_async(
    client: CIServiceClient,
    run_id: str,
    *,
    timeout_s: float | None = 3600.0,
    interval_s: float = 0.5,
    max_interval_s: float = 15.0,
    backoff: float = 1.5,
    on_status: OnStatus | None = None,
    headers: Mapping[str, str] | None = None,
) -> GetRunStatusResponse:
    """`wait_for_run` with the async client; same arguments, result and errors."""
    schedule = _Schedule(timeout_s, interval_s, max_interval_s, backoff)
    request = GetRunStatusRequest(run_id=run_id)
    while True:
        try:
            status = await client.get_run_status(request, headers=headers, timeout_ms=schedule.call_timeout())
        except ConnectError as error:
            schedule.failed(error)
        else:
            schedule.status = status
            if on_status is not None:
                on_status(status)
            if status.status in TERMINAL_RUN_STATUSES:
                return status
        if schedule.expired():
            raise schedule.timed_out(run_id) from schedule.error
        await asyncio.sleep(schedule.next_pause())
