"""The emulator's `depot.ci.v1.CIService` implementation, one handler group per resource."""

from __future__ import annotations

from depot_ci.v1 import CIService

from .artifacts import ArtifactHandlers
from .base import StreamLimits
from .diagnosis import DiagnosisHandlers
from .jobs import JobHandlers
from .logs import LogHandlers
from .metrics import MetricsHandlers
from .runs import RunHandlers
from .summaries import SummaryHandlers
from .workflows import WorkflowHandlers

__all__ = ["EmulatorService", "StreamLimits"]


class EmulatorService(
    RunHandlers,
    WorkflowHandlers,
    JobHandlers,
    LogHandlers,
    SummaryHandlers,
    MetricsHandlers,
    ArtifactHandlers,
    DiagnosisHandlers,
    CIService,
):
    """`CIService` over the emulator's store and executor (construct with `ServiceBase`'s arguments)."""
