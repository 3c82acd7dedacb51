"""Handler for GetFailureDiagnosis: grouped, focused, over-limit or empty diagnoses of the current state.

- Run and workflow targets: the problem candidates are the failed and cancelled jobs in scope (each
  with its current attempt). None: `EMPTY` (`NO_FAILURE_EVIDENCE`), also while a run is still
  running without failures; more than `FAILED_CANDIDATE_CAP`: `OVER_LIMIT` with per-workflow and
  per-job rows; otherwise `GROUPED_FAILURES` by fingerprint (`diagnosis.py`).
- Job targets: `FOCUSED_FAILURE` over the job's failed or cancelled attempts, newest first (at most
  `RECENT_ATTEMPT_LIMIT`); attempt targets: that attempt. A job or attempt without failures: `EMPTY`.

The emulator has no AI: `diagnosis` and `possibleFix` stay empty, `relevantLines` are the failing
steps' stderr lines. Drill-down commands: logs and (when a summary exists) summary of each
representative attempt, and diagnose --job for run and workflow targets.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import cast

from connectrpc.request import RequestContext
from depot_ci.v1 import (
    DrillDownCommand,
    DrillDownCommandKind,
    FailureDiagnosisBounds,
    FailureDiagnosisBreakdownRow,
    FailureDiagnosisCommandCapabilities,
    FailureDiagnosisConclusion,
    FailureDiagnosisContext,
    FailureDiagnosisEmptyReason,
    FailureDiagnosisResourceStatus,
    FailureDiagnosisState,
    FailureDiagnosisTarget,
    FailureDiagnosisTargetType,
    FailureGroup,
    GetFailureDiagnosisRequest,
    GetFailureDiagnosisResponse,
    RelevantErrorLine,
    RepresentativeAttempt,
)

from .. import diagnosis as d
from ..errors import invalid_argument
from ..store import AttemptRow, JobRow, RunRow, WorkflowRow
from .base import ServiceBase

__all__ = ["DiagnosisHandlers"]

_TYPES = {
    FailureDiagnosisTargetType.Value(f"FAILURE_DIAGNOSIS_TARGET_TYPE_{k}"): k
    for k in ("RUN", "WORKFLOW", "JOB", "ATTEMPT")
}
_PROBLEM = ("failed", "cancelled")


def _status(value: str) -> FailureDiagnosisResourceStatus:
    name = f"FAILURE_DIAGNOSIS_RESOURCE_STATUS_{value.upper()}"
    known = name in FailureDiagnosisResourceStatus.keys()
    return cast(FailureDiagnosisResourceStatus, FailureDiagnosisResourceStatus.Value(name) if known else 0)


def _conclusion(value: str) -> FailureDiagnosisConclusion:
    name = f"FAILURE_DIAGNOSIS_CONCLUSION_{value.upper()}"
    known = name in FailureDiagnosisConclusion.keys()
    return cast(FailureDiagnosisConclusion, FailureDiagnosisConclusion.Value(name) if known else 0)


def _command(kind: str, argv: list[str], target: str, label: str) -> DrillDownCommand:
    return DrillDownCommand(kind=f"DRILL_DOWN_COMMAND_KIND_{kind}", argv=argv, target_id=target, label=label)


def _state(name: str) -> FailureDiagnosisState:
    return cast(FailureDiagnosisState, FailureDiagnosisState.Value(f"FAILURE_DIAGNOSIS_STATE_{name}"))


def _target_type(name: str) -> FailureDiagnosisTargetType:
    return cast(FailureDiagnosisTargetType, FailureDiagnosisTargetType.Value(f"FAILURE_DIAGNOSIS_TARGET_TYPE_{name}"))


Candidate = tuple[AttemptRow, JobRow, WorkflowRow]


class DiagnosisHandlers(ServiceBase):
    """Failure diagnoses of runs, workflows, jobs and attempts."""

    def _representative(self, c: Candidate, ev: d.Evidence, job_command: bool) -> RepresentativeAttempt:
        attempt, job, workflow = c
        message, cut, length = d.cut(ev.message, d.ERROR_MESSAGE_CHAR_LIMIT)
        lines = []
        for step, number, body in ev.lines:
            content, content_cut, content_length = d.cut(body, d.ERROR_LINE_BODY_CHAR_LIMIT)
            lines.append(
                RelevantErrorLine(
                    step_id=step,
                    line_number=number,
                    content=content,
                    content_truncated=content_cut,
                    content_original_length=content_length,
                )
            )
        commands = [_command("LOGS", ["depot", "ci", "logs", attempt.attempt_id], attempt.attempt_id, "Logs")]
        if any(s.markdown.strip() for s in self.store.step_summaries(attempt.attempt_id)):
            commands.append(
                _command("SUMMARY", ["depot", "ci", "summary", attempt.attempt_id], attempt.attempt_id, "Summary")
            )
        if job_command:
            commands.append(
                _command("DIAGNOSE_JOB", ["depot", "ci", "diagnose", "--job", job.job_id], job.job_id, "Diagnose job")
            )
        return RepresentativeAttempt(
            run_id=job.run_id,
            workflow_id=workflow.workflow_id,
            # The YAML `name:`, else the file path's stem (the reference's fallback), else empty.
            workflow_name=(workflow.name or PurePosixPath(workflow.path).stem)[: d.CONTEXT_LABEL_CHAR_LIMIT],
            workflow_path=workflow.path,
            job_id=job.job_id,
            job_key=job.job_key,
            job_display_name=job.display_name[: d.CONTEXT_LABEL_CHAR_LIMIT],
            job_status=_status(job.status),
            job_conclusion=_conclusion(job.conclusion),
            attempt_id=attempt.attempt_id,
            attempt=attempt.number,
            attempt_status=_status(attempt.status),
            attempt_conclusion=_conclusion(attempt.conclusion),
            error_message=message,
            error_message_truncated=cut,
            error_message_original_length=length,
            relevant_lines=lines,
            next_commands=commands,
        )

    def _evidence(self, c: Candidate) -> d.Evidence:
        attempt, job, workflow = c
        steps = self.store.steps_of(attempt.attempt_id)
        return d.evidence(attempt, job, workflow, steps, self.store.log_lines(attempt.attempt_id))

    def _group(self, response: GetFailureDiagnosisResponse, candidates: list[Candidate], job_command: bool) -> None:
        groups: dict[str, list[tuple[Candidate, d.Evidence]]] = {}
        for c in candidates:
            ev = self._evidence(c)
            groups.setdefault(ev.fingerprint, []).append((c, ev))
        ordered = sorted(groups.values(), key=lambda members: -len(members))  # stable: first seen first on ties
        bounds = response.bounds
        bounds.total_failure_group_count = len(ordered)
        bounds.omitted_failure_group_count = max(len(ordered) - d.FAILURE_GROUP_LIMIT, 0)
        for members in ordered[: d.FAILURE_GROUP_LIMIT]:
            # Each job's current attempt first, then the most recent attempts.
            members.sort(key=lambda m: (m[0][0].attempt_id != m[0][1].current_attempt_id, -m[0][0].seq))
            first = members[0][1]
            message, cut, length = d.cut(first.message, d.ERROR_MESSAGE_CHAR_LIMIT)
            representatives = [
                self._representative(c, ev, job_command) for c, ev in members[: d.REPRESENTATIVES_PER_GROUP_LIMIT]
            ]
            response.failure_groups.append(
                FailureGroup(
                    fingerprint=first.fingerprint,
                    source=first.source,
                    count=len(members),
                    error_message=message,
                    error_message_truncated=cut,
                    error_message_original_length=length,
                    representatives=representatives,
                    omitted_representative_count=max(len(members) - d.REPRESENTATIVES_PER_GROUP_LIMIT, 0),
                )
            )
            response.representative_attempts.extend(representatives)
        bounds.truncated = bool(
            bounds.omitted_failure_group_count
            or bounds.omitted_attempt_count
            or any(g.error_message_truncated or g.omitted_representative_count for g in response.failure_groups)
            or any(line.content_truncated for r in response.representative_attempts for line in r.relevant_lines)
        )
        seen: set[tuple[int, str]] = set()
        for representative in response.representative_attempts:
            for command in representative.next_commands:
                if (command.kind, command.target_id) not in seen:
                    seen.add((command.kind, command.target_id))
                    response.next_commands.append(command)
        summary = any(
            c.kind == DrillDownCommandKind.Value("DRILL_DOWN_COMMAND_KIND_SUMMARY") for c in response.next_commands
        )
        response.command_capabilities.CopyFrom(FailureDiagnosisCommandCapabilities(summary_command_available=summary))

    def _over_limit(self, response: GetFailureDiagnosisResponse, candidates: list[Candidate]) -> None:
        response.state = _state("OVER_LIMIT")
        by_workflow: dict[str, tuple[WorkflowRow, int]] = {}
        for _, _, workflow in candidates:
            count = by_workflow.get(workflow.workflow_id, (workflow, 0))[1]
            by_workflow[workflow.workflow_id] = (workflow, count + 1)
        workflow_type, job_type = _target_type("WORKFLOW"), _target_type("JOB")
        rows = [
            FailureDiagnosisBreakdownRow(
                target_type=workflow_type,
                target_id=w.workflow_id,
                label=(w.name or w.path or w.workflow_id)[: d.CONTEXT_LABEL_CHAR_LIMIT],
                status=_status(w.status),
                failed_problem_candidate_count=n,
                next_commands=[
                    _command(
                        "DIAGNOSE_WORKFLOW",
                        ["depot", "ci", "diagnose", "--workflow", w.workflow_id],
                        w.workflow_id,
                        "Diagnose workflow",
                    )
                ],
            )
            for w, n in by_workflow.values()
        ]
        jobs = [
            FailureDiagnosisBreakdownRow(
                target_type=job_type,
                target_id=job.job_id,
                label=job.display_name[: d.CONTEXT_LABEL_CHAR_LIMIT],
                status=_status(job.status),
                failed_problem_candidate_count=1,
                next_commands=[
                    _command(
                        "DIAGNOSE_JOB", ["depot", "ci", "diagnose", "--job", job.job_id], job.job_id, "Diagnose job"
                    )
                ],
            )
            for _, job, _ in candidates
        ]
        bounds = response.bounds
        bounds.omitted_workflow_breakdown_count = max(len(rows) - d.OVER_LIMIT_WORKFLOW_BREAKDOWN_LIMIT, 0)
        bounds.omitted_job_breakdown_count = max(len(jobs) - d.OVER_LIMIT_JOB_BREAKDOWN_LIMIT, 0)
        bounds.truncated = bool(bounds.omitted_workflow_breakdown_count or bounds.omitted_job_breakdown_count)
        kept = rows[: d.OVER_LIMIT_WORKFLOW_BREAKDOWN_LIMIT] + jobs[: d.OVER_LIMIT_JOB_BREAKDOWN_LIMIT]
        response.over_limit_breakdown.extend(kept)
        response.next_commands.extend(c for row in kept for c in row.next_commands)

    async def get_failure_diagnosis(
        self,
        request: GetFailureDiagnosisRequest,
        ctx: RequestContext[GetFailureDiagnosisRequest, GetFailureDiagnosisResponse],
    ) -> GetFailureDiagnosisResponse:
        """The diagnosis of `targetId` as `targetType` says (see the module docstring)."""
        org = self.org(ctx)
        if request.target_type not in _TYPES:
            raise invalid_argument(
                f"targetType: unsupported target_type {request.target_type}; use FAILURE_DIAGNOSIS_TARGET_TYPE_RUN, "
                "_WORKFLOW, _JOB or _ATTEMPT"
            )
        if not request.target_id:
            raise invalid_argument("targetId is required")
        kind, target_id = _TYPES[request.target_type], request.target_id
        workflow: WorkflowRow | None = None
        job: JobRow | None = None
        attempt: AttemptRow | None = None
        if kind == "RUN":
            run = self.find_run(org, target_id, "targetId")
            workflows = self.store.workflows_of(run.run_id)
        elif kind == "WORKFLOW":
            workflow = self.find_workflow(org, target_id, "targetId")
            workflows = [workflow]
        elif kind == "JOB":
            job, workflow = self.find_job(org, target_id, "targetId")
            workflows = [workflow]
        else:
            attempt, job = self.find_attempt(org, target_id, "targetId")
            workflow = self.store.workflow(job.workflow_id)
            assert workflow is not None
            workflows = [workflow]
        run_row = self.store.run(workflows[0].run_id if workflows else target_id)
        assert run_row is not None
        status = {
            "RUN": run_row.status,
            "WORKFLOW": workflow.status if workflow else "",
            "JOB": job.status if job else "",
            "ATTEMPT": attempt.status if attempt else "",
        }[kind]
        response = GetFailureDiagnosisResponse(
            org_id=org,
            target=FailureDiagnosisTarget(target_id=target_id, target_type=request.target_type, status=_status(status)),
            context=self._context(run_row, workflow, job, attempt),
            bounds=FailureDiagnosisBounds(
                failed_problem_candidate_cap=d.FAILED_CANDIDATE_CAP,
                failure_group_limit=d.FAILURE_GROUP_LIMIT,
                representatives_per_group_limit=d.REPRESENTATIVES_PER_GROUP_LIMIT,
                recent_attempt_limit=d.RECENT_ATTEMPT_LIMIT,
                relevant_line_limit=d.RELEVANT_LINE_LIMIT,
                error_line_body_char_limit=d.ERROR_LINE_BODY_CHAR_LIMIT,
                error_message_char_limit=d.ERROR_MESSAGE_CHAR_LIMIT,
                context_label_char_limit=d.CONTEXT_LABEL_CHAR_LIMIT,
                over_limit_workflow_breakdown_limit=d.OVER_LIMIT_WORKFLOW_BREAKDOWN_LIMIT,
                over_limit_job_breakdown_limit=d.OVER_LIMIT_JOB_BREAKDOWN_LIMIT,
            ),
        )
        if kind in ("RUN", "WORKFLOW"):
            candidates, skipped = self._run_candidates(workflows)
            response.bounds.skipped_dependent_count = skipped
        else:
            assert job is not None and workflow is not None
            candidates = self._focused_candidates(response, job, workflow, attempt)
        response.bounds.failed_problem_candidate_count = len(candidates)
        response.bounds.total_problem_job_count = len({c[1].job_id for c in candidates})
        if not candidates:
            response.state = _state("EMPTY")
            response.empty_reason = cast(
                FailureDiagnosisEmptyReason,
                FailureDiagnosisEmptyReason.Value("FAILURE_DIAGNOSIS_EMPTY_REASON_NO_FAILURE_EVIDENCE"),
            )
        elif kind in ("RUN", "WORKFLOW") and len(candidates) > d.FAILED_CANDIDATE_CAP:
            self._over_limit(response, candidates)
        else:
            response.state = _state("GROUPED_FAILURES" if kind in ("RUN", "WORKFLOW") else "FOCUSED_FAILURE")
            self._group(response, candidates, job_command=kind in ("RUN", "WORKFLOW"))
        return response

    def _run_candidates(self, workflows: list[WorkflowRow]) -> tuple[list[Candidate], int]:
        candidates: list[Candidate] = []
        skipped = 0
        for workflow in workflows:
            jobs = self.store.jobs_of(workflow.workflow_id)
            status = {j.job_id: j.status for j in jobs}
            for job in jobs:
                if job.status == "skipped" and any(status.get(n) in (*_PROBLEM, "skipped") for n in job.need_ids):
                    skipped += 1
                if job.status not in _PROBLEM:
                    continue
                attempts = self.store.attempts_of(job.job_id)
                if attempts:
                    candidates.append((attempts[-1], job, workflow))
        return candidates, skipped

    def _focused_candidates(
        self, response: GetFailureDiagnosisResponse, job: JobRow, workflow: WorkflowRow, attempt: AttemptRow | None
    ) -> list[Candidate]:
        attempts = [attempt] if attempt is not None else self.store.attempts_of(job.job_id)
        failing = [a for a in reversed(attempts) if a.status in _PROBLEM]
        if attempt is None:
            response.bounds.total_attempt_count = len(attempts)
            response.bounds.omitted_attempt_count = max(len(failing) - d.RECENT_ATTEMPT_LIMIT, 0)
        return [(a, job, workflow) for a in failing[: d.RECENT_ATTEMPT_LIMIT]]

    def _context(
        self, run: RunRow, workflow: WorkflowRow | None, job: JobRow | None, attempt: AttemptRow | None
    ) -> FailureDiagnosisContext:
        limit = d.CONTEXT_LABEL_CHAR_LIMIT
        labels = {"repo": run.repo, "ref": run.ref}
        if workflow is not None:
            labels["workflowName"] = workflow.name
        if job is not None:
            labels["jobDisplayName"] = job.display_name
        context = FailureDiagnosisContext(
            run_id=run.run_id,
            repo=run.repo[:limit],
            ref=run.ref[:limit],
            sha=run.sha,
            head_sha=run.head_sha,
            trigger=run.trigger,
            run_status=_status(run.status),
            truncated_context_fields=sorted(k for k, v in labels.items() if len(v) > limit),
        )
        if workflow is not None:
            context.workflow_id, context.workflow_path = workflow.workflow_id, workflow.path
            context.workflow_name = workflow.name[:limit]
            context.workflow_status = _status(workflow.status)
        if job is not None:
            context.job_id, context.job_key = job.job_id, job.job_key
            context.job_display_name = job.display_name[:limit]
            context.job_status, context.job_conclusion = _status(job.status), _conclusion(job.conclusion)
        if attempt is not None:
            context.attempt_id, context.attempt = attempt.attempt_id, attempt.number
            context.attempt_status, context.attempt_conclusion = (
                _status(attempt.status),
                _conclusion(attempt.conclusion),
            )
        return context
