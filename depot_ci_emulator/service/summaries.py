"""Handler for GetJobSummary: the markdown a job's steps wrote to `$DEPOT_STEP_SUMMARY`.

The simulated executor appends `echo TEXT >> $DEPOT_STEP_SUMMARY` lines to the running step's
summary (see `script.py`); the summary of an attempt is its non-empty step summaries joined in step
order, separated by a blank line.
"""

from __future__ import annotations

from connectrpc.request import RequestContext
from depot_ci.v1 import GetJobSummaryRequest, GetJobSummaryResponse

from ..errors import invalid_argument
from ..store import AttemptRow
from .base import ServiceBase

__all__ = ["SummaryHandlers", "summary_markdown"]


def summary_markdown(parts: list[str]) -> str:
    """Step summaries (in step order) as one markdown document; empty ones are left out."""
    return "\n".join(p if p.endswith("\n") else p + "\n" for p in parts if p.strip())


class SummaryHandlers(ServiceBase):
    """Authored step summaries."""

    async def get_job_summary(
        self, request: GetJobSummaryRequest, ctx: RequestContext[GetJobSummaryRequest, GetJobSummaryResponse]
    ) -> GetJobSummaryResponse:
        """The summary of the job's current attempt, or of `attemptId` (which must belong to `jobId` if both)."""
        org = self.org(ctx)
        if not request.job_id and not request.attempt_id:
            raise invalid_argument("set jobId, attemptId or both")
        attempt: AttemptRow | None
        if request.attempt_id:
            attempt, job = self.find_attempt(org, request.attempt_id)
            if request.job_id and job.job_id != request.job_id:
                self.find_job(org, request.job_id)  # an unknown job is not_found before the mismatch
                raise invalid_argument(
                    f"attemptId: attempt {request.attempt_id} does not belong to job {request.job_id}"
                )
        else:
            job, _ = self.find_job(org, request.job_id)
            attempts = self.store.attempts_of(job.job_id)
            current = [a for a in attempts if a.attempt_id == job.current_attempt_id]
            attempt = current[0] if current else (attempts[-1] if attempts else None)
        workflow = self.store.workflow(job.workflow_id)
        response = GetJobSummaryResponse(
            org_id=org,
            run_id=job.run_id,
            workflow_id=job.workflow_id if workflow is not None else "",
            job_id=job.job_id,
            job_status=job.status,
        )
        if attempt is None:
            response.has_summary, response.empty_reason = False, "no_attempt"
            return response
        response.attempt_id, response.attempt, response.attempt_status = (
            attempt.attempt_id,
            attempt.number,
            attempt.status,
        )
        parts = [row.markdown for row in self.store.step_summaries(attempt.attempt_id) if row.markdown.strip()]
        if not parts:
            response.has_summary, response.empty_reason = False, "no_summary"
            return response
        response.has_summary, response.step_count, response.markdown = True, len(parts), summary_markdown(parts)
        return response
