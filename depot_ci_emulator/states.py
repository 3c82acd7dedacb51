"""Statuses and conclusions as the Depot CI API reference names them, and how a parent's status
follows from its children's.

Run and workflow statuses: queued, running, finished, failed, cancelled. Job statuses add waiting
(held behind a concurrency group; the emulator has none, so it never reports it) and skipped.
Attempt statuses: queued, waiting, running, finished, failed, cancelled. Conclusions (jobs,
attempts, steps): success, failure, cancelled, skipped, timed_out; empty until concluded.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "ACTIVE",
    "CONCLUSIONS",
    "JOB_STATUSES",
    "RUN_STATUSES",
    "TERMINAL",
    "aggregate",
    "status_of_conclusion",
]

RUN_STATUSES = ("queued", "running", "finished", "failed", "cancelled")
"""Statuses of runs, workflows and workflow executions."""

JOB_STATUSES = ("queued", "waiting", "running", "finished", "failed", "cancelled", "skipped")
"""Statuses of jobs."""

CONCLUSIONS = ("success", "failure", "cancelled", "skipped", "timed_out")
"""Conclusions of jobs, attempts and steps."""

TERMINAL = frozenset({"finished", "failed", "cancelled", "skipped"})
"""Statuses that never change again (unless a re-run or retry resets the resource)."""

ACTIVE = frozenset({"queued", "waiting", "running"})
"""Statuses a cancel applies to."""


def status_of_conclusion(conclusion: str) -> str:
    """The terminal status that goes with a conclusion (`timed_out` fails, as in the reference)."""
    return {"success": "finished", "skipped": "skipped", "cancelled": "cancelled"}.get(conclusion, "failed")


def aggregate(children: Iterable[str]) -> str:
    """The status of a run or workflow whose children (workflows or jobs) have `children` statuses.

    Queued while nothing started; running while some child is not terminal and something started;
    once every child is terminal: failed if any failed, else cancelled if any was cancelled, else
    finished (skipped children count as done). No children: finished.
    """
    statuses = list(children)
    if any(s not in TERMINAL for s in statuses):
        return "running" if any(s != "queued" and s != "waiting" for s in statuses) else "queued"
    if "failed" in statuses:
        return "failed"
    if "cancelled" in statuses:
        return "cancelled"
    return "finished"
