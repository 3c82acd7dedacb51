"""The emulator's `depot.ci.v1.CIService` implementation, one handler group per resource."""

from __future__ import annotations

from depot_ci.v1 import CIService

from .jobs import JobHandlers
from .logs import LogHandlers
from .pending import PendingHandlers
from .runs import RunHandlers
from .workflows import WorkflowHandlers

__all__ = ["EmulatorService"]


class EmulatorService(RunHandlers, WorkflowHandlers, JobHandlers, LogHandlers, PendingHandlers, CIService):
    """`CIService` over the emulator's store and executor (construct with `ServiceBase`'s arguments)."""
