"""Handlers for artifacts: ListArtifacts (filters, "must belong to" checks, pages) and GetArtifactDownloadURL.

Artifacts are what `actions/upload-artifact` steps made (see `artifacts.py`). Download URLs point
at the emulator itself (the host the client called), signed and expiring `URL_TTL_MS` after
issuance on the emulated clock.
"""

from __future__ import annotations

from connectrpc.request import RequestContext
from depot_ci.v1 import (
    Artifact,
    GetArtifactDownloadURLRequest,
    GetArtifactDownloadURLResponse,
    ListArtifactsRequest,
    ListArtifactsResponse,
)

from ..artifacts import URL_TTL_MS, UrlSigner
from ..errors import invalid_argument, not_found
from ..formats import decode_page_token, encode_page_token, page_size, rfc3339
from ..store import ArtifactRow
from .base import ServiceBase

__all__ = ["ArtifactHandlers"]


class ArtifactHandlers(ServiceBase):
    """Artifact metadata and signed download URLs."""

    signer: UrlSigner = UrlSigner.random()
    """Replaced per emulator by `server.Emulator` (one key per process)."""

    def _artifact(self, row: ArtifactRow) -> Artifact:
        workflow = self.store.workflow(row.workflow_id)
        job = self.store.job(row.job_id)
        attempt = self.store.attempt(row.attempt_id)
        return Artifact(
            artifact_id=row.artifact_id,
            run_id=row.run_id,
            workflow_id=row.workflow_id,
            workflow_path=workflow.path if workflow is not None else "",
            job_id=row.job_id,
            job_key=job.job_key if job is not None else "",
            attempt_id=row.attempt_id,
            attempt=attempt.number if attempt is not None else 0,
            name=row.name,
            size_bytes=row.size_bytes,
            created_at=rfc3339(row.created_at),
        )

    async def list_artifacts(
        self, request: ListArtifactsRequest, ctx: RequestContext[ListArtifactsRequest, ListArtifactsResponse]
    ) -> ListArtifactsResponse:
        """A page of the run's artifacts (oldest first), narrowed by workflow, job or attempt."""
        org = self.org(ctx)
        if not request.run_id:
            raise invalid_argument("runId is required")
        run = self.find_run(org, request.run_id)
        size = page_size(request.page_size, 100, 500)
        where, params = ["run_id = ?"], [run.run_id]
        workflow_id, job_id, attempt_id = request.workflow_id, request.job_id, request.attempt_id
        if workflow_id:
            workflow = self.find_workflow(org, workflow_id)
            if workflow.run_id != run.run_id:
                raise invalid_argument(f"workflowId: workflow {workflow_id} does not belong to run {run.run_id}")
            where.append("workflow_id = ?")
            params.append(workflow_id)
        if job_id:
            job, _ = self.find_job(org, job_id)
            if job.run_id != run.run_id:
                raise invalid_argument(f"jobId: job {job_id} does not belong to run {run.run_id}")
            if workflow_id and job.workflow_id != workflow_id:
                raise invalid_argument(f"jobId: job {job_id} does not belong to workflow {workflow_id}")
            where.append("job_id = ?")
            params.append(job_id)
        if attempt_id:
            attempt, owner = self.find_attempt(org, attempt_id)
            if owner.run_id != run.run_id:
                raise invalid_argument(f"attemptId: attempt {attempt_id} does not belong to run {run.run_id}")
            if workflow_id and owner.workflow_id != workflow_id:
                raise invalid_argument(f"attemptId: attempt {attempt_id} does not belong to workflow {workflow_id}")
            if job_id and attempt.job_id != job_id:
                raise invalid_argument(f"attemptId: attempt {attempt_id} does not belong to job {job_id}")
            where.append("attempt_id = ?")
            params.append(attempt_id)
        filters = "|".join((run.run_id, workflow_id, job_id, attempt_id))
        after = decode_page_token(request.page_token, filters)
        if after is not None:
            where.append("seq > ?")
            params.append(str(after))
        rows = self.store.select_artifacts(" AND ".join(where), params, size + 1)
        more = len(rows) > size
        rows = rows[:size]
        return ListArtifactsResponse(
            artifacts=[self._artifact(r) for r in rows],
            next_page_token=encode_page_token(rows[-1].seq, filters) if more else None,
        )

    async def get_artifact_download_url(
        self,
        request: GetArtifactDownloadURLRequest,
        ctx: RequestContext[GetArtifactDownloadURLRequest, GetArtifactDownloadURLResponse],
    ) -> GetArtifactDownloadURLResponse:
        """The artifact's metadata and a signed URL on this emulator, valid for 5 emulated minutes."""
        org = self.org(ctx)
        if not request.artifact_id:
            raise invalid_argument("artifactId is required")
        row = self.store.artifact(request.artifact_id)
        run = self.store.run(row.run_id) if row is not None else None
        if row is None or run is None or run.org_id != org:
            raise not_found(f"artifactId: artifact {request.artifact_id} not found")
        expires = self.clock.now_ms() + URL_TTL_MS
        host = ctx.request_headers.get("host", "") or "127.0.0.1"
        url = self.signer.url(f"http://{host}", row.artifact_id, row.name, expires)
        return GetArtifactDownloadURLResponse(artifact=self._artifact(row), url=url, expires_at=rfc3339(expires))
