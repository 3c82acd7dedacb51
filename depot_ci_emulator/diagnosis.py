"""Failure fingerprints and error evidence for GetFailureDiagnosis (no I/O; the handler reads the store).

An attempt's error text comes from, in order (the `source` the reference names):

- `attempt_error`: the attempt's error message, else the stderr lines of its failed or cancelled
  steps (and of the emulator's own `step-0` lines, e.g. a timeout), the last `RELEVANT_LINE_LIMIT`;
- `job_error` / `workflow_error`: the job's, then the workflow's error message;
- `status`: a sentence naming the job's status and conclusion.

The fingerprint is the first 16 hex digits of SHA-256 over the source and the normalized text:
timestamps, dates and clock times, UUIDs, prefixed ids (`run_3f2a...`), file paths, hex strings (7+
digits) and numbers are replaced by placeholders and whitespace is collapsed, so the same logical
error from different attempts falls into one group.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .store import AttemptRow, JobRow, LogLineRow, StepRow, WorkflowRow

__all__ = [
    "CONTEXT_LABEL_CHAR_LIMIT",
    "ERROR_LINE_BODY_CHAR_LIMIT",
    "ERROR_MESSAGE_CHAR_LIMIT",
    "FAILED_CANDIDATE_CAP",
    "FAILURE_GROUP_LIMIT",
    "OVER_LIMIT_JOB_BREAKDOWN_LIMIT",
    "OVER_LIMIT_WORKFLOW_BREAKDOWN_LIMIT",
    "RECENT_ATTEMPT_LIMIT",
    "RELEVANT_LINE_LIMIT",
    "REPRESENTATIVES_PER_GROUP_LIMIT",
    "Evidence",
    "cut",
    "evidence",
    "fingerprint",
    "normalize",
]

FAILED_CANDIDATE_CAP = 50
FAILURE_GROUP_LIMIT = 10
REPRESENTATIVES_PER_GROUP_LIMIT = 3
RECENT_ATTEMPT_LIMIT = 5
RELEVANT_LINE_LIMIT = 20
ERROR_LINE_BODY_CHAR_LIMIT = 500
ERROR_MESSAGE_CHAR_LIMIT = 2000
CONTEXT_LABEL_CHAR_LIMIT = 200
OVER_LIMIT_WORKFLOW_BREAKDOWN_LIMIT = 20
OVER_LIMIT_JOB_BREAKDOWN_LIMIT = 50

_VARIABLE = [
    (re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"), "<time>"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), "<date>"),
    (re.compile(r"\b\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\b"), "<time>"),
    (re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"), "<id>"),
    (re.compile(r"\b[A-Za-z]+_[0-9A-Za-z]*\d[0-9A-Za-z]*\b"), "<id>"),
    (re.compile(r"(?:[A-Za-z]:)?(?:~|\.{1,2})?(?:[\\/][\w.@+-]+)+[\\/]?|\b[\w.@+-]+(?:[\\/][\w.@+-]+)+"), "<path>"),
    (re.compile(r"\b(?:0x[0-9a-fA-F]+|[0-9a-fA-F]{7,})\b"), "<hex>"),
    (re.compile(r"\d+(?:\.\d+)?"), "<n>"),
]


def normalize(text: str) -> str:
    """`text` with timestamps, ids, paths, hex strings and numbers replaced and whitespace collapsed."""
    for pattern, placeholder in _VARIABLE:
        text = pattern.sub(placeholder, text)
    return " ".join(text.split())


def fingerprint(source: str, text: str) -> str:
    """The group identifier of an error text from `source` (16 hex digits)."""
    return hashlib.sha256(f"{source}\n{normalize(text)}".encode()).hexdigest()[:16]


def cut(text: str, limit: int) -> tuple[str, bool, int]:
    """(`text` cut to `limit` characters, whether it was cut, its original length)."""
    return (text if len(text) <= limit else text[:limit]), len(text) > limit, len(text)


@dataclass(frozen=True)
class Evidence:
    """What one failed attempt shows: error source and text, and the relevant stderr lines."""

    source: str
    message: str
    lines: list[tuple[str, int, str]]  # (step id or key, line number, body)

    @property
    def fingerprint(self) -> str:
        """The failure group this evidence falls into."""
        return fingerprint(self.source, self.message)


def evidence(
    attempt: AttemptRow, job: JobRow, workflow: WorkflowRow, steps: list[StepRow], lines: list[LogLineRow]
) -> Evidence:
    """The error evidence of a failed or cancelled attempt (see the module docstring)."""
    failing = {s.step_key: s.step_id or s.step_key for s in steps if s.conclusion in ("failure", "cancelled")}
    failing.setdefault("step-0", "step-0")
    relevant = [(failing[r.step_key], r.line_number, r.body) for r in lines if r.stream == 1 and r.step_key in failing]
    relevant = relevant[-RELEVANT_LINE_LIMIT:]
    if attempt.error_message:
        return Evidence("attempt_error", attempt.error_message, relevant)
    if relevant:
        return Evidence("attempt_error", "\n".join(body for _, _, body in relevant), relevant)
    if job.error_message:
        return Evidence("job_error", job.error_message, relevant)
    if workflow.error_message:
        return Evidence("workflow_error", workflow.error_message, relevant)
    conclusion = attempt.conclusion or job.conclusion or "none"
    return Evidence("status", f"job {job.job_key} is {job.status} (conclusion: {conclusion})", relevant)
