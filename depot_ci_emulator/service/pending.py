"""Methods the emulator does not serve yet: log exports, summaries, metrics, artifacts, diagnoses.

They answer `unimplemented` with a message saying so (after authentication, like every method).
The executor already persists what they will read: steps, and log lines with step keys, line
numbers, streams and timestamps.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, NoReturn

from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.request import RequestContext
from depot_ci.v1 import (
    ExportJobAttemptLogsRequest,
    ExportJobAttemptLogsResponse,
    GetArtifactDownloadURLRequest,
    GetArtifactDownloadURLResponse,
    GetFailureDiagnosisRequest,
    GetFailureDiagnosisResponse,
    GetJobAttemptMetricsRequest,
    GetJobAttemptMetricsResponse,
    GetJobMetricsRequest,
    GetJobMetricsResponse,
    GetJobSummaryRequest,
    GetJobSummaryResponse,
    GetRunMetricsRequest,
    GetRunMetricsResponse,
    ListArtifactsRequest,
    ListArtifactsResponse,
)

from .base import ServiceBase

__all__ = ["PendingHandlers"]


def _unimplemented(ctx: RequestContext[Any, Any]) -> NoReturn:
    raise ConnectError(
        Code.UNIMPLEMENTED,
        f"{ctx.method.name} is not served by the Depot CI emulator yet: it serves runs, workflows, jobs "
        "attempts and their logs; log exports, summaries, metrics, artifacts and failure diagnoses are still to come",
    )


class PendingHandlers(ServiceBase):
    """The methods still to be built; each answers `unimplemented`."""

    async def get_run_metrics(
        self, request: GetRunMetricsRequest, ctx: RequestContext[GetRunMetricsRequest, GetRunMetricsResponse]
    ) -> GetRunMetricsResponse:
        """Not served yet."""
        _unimplemented(ctx)

    async def get_job_summary(
        self, request: GetJobSummaryRequest, ctx: RequestContext[GetJobSummaryRequest, GetJobSummaryResponse]
    ) -> GetJobSummaryResponse:
        """Not served yet."""
        _unimplemented(ctx)

    async def get_job_metrics(
        self, request: GetJobMetricsRequest, ctx: RequestContext[GetJobMetricsRequest, GetJobMetricsResponse]
    ) -> GetJobMetricsResponse:
        """Not served yet."""
        _unimplemented(ctx)

    async def get_job_attempt_metrics(
        self,
        request: GetJobAttemptMetricsRequest,
        ctx: RequestContext[GetJobAttemptMetricsRequest, GetJobAttemptMetricsResponse],
    ) -> GetJobAttemptMetricsResponse:
        """Not served yet."""
        _unimplemented(ctx)

    async def export_job_attempt_logs(
        self,
        request: ExportJobAttemptLogsRequest,
        ctx: RequestContext[ExportJobAttemptLogsRequest, ExportJobAttemptLogsResponse],
    ) -> AsyncIterator[ExportJobAttemptLogsResponse]:
        """Not served yet."""
        _unimplemented(ctx)
        yield ExportJobAttemptLogsResponse()  # unreachable; makes this an async generator

    async def list_artifacts(
        self, request: ListArtifactsRequest, ctx: RequestContext[ListArtifactsRequest, ListArtifactsResponse]
    ) -> ListArtifactsResponse:
        """Not served yet."""
        _unimplemented(ctx)

    async def get_artifact_download_url(
        self,
        request: GetArtifactDownloadURLRequest,
        ctx: RequestContext[GetArtifactDownloadURLRequest, GetArtifactDownloadURLResponse],
    ) -> GetArtifactDownloadURLResponse:
        """Not served yet."""
        _unimplemented(ctx)

    async def get_failure_diagnosis(
        self,
        request: GetFailureDiagnosisRequest,
        ctx: RequestContext[GetFailureDiagnosisRequest, GetFailureDiagnosisResponse],
    ) -> GetFailureDiagnosisResponse:
        """Not served yet."""
        _unimplemented(ctx)
