"""Rebuild spec/depot-ci.openapi.json from Depot's rendered CI API reference.

Depot publishes the CI API only as a rendered reference text (depot-ci-api-reference.txt beside
this script); the OpenAPI 3.1 artifact it was rendered from, written by protoc-gen-connect-openapi,
is not published. This script reconstructs that artifact:

* the message and enum structure is written out by hand below (`ENUMS`, `MESSAGES`, `METHODS`),
  because the reference prints nested fields flattened, with no marker where a nested message ends;
* every description, every enum value and the method order come from the reference text;
* every field the reference prints is checked against the table, name, type string and
  `required` marker, and the build fails naming the method and field on any disagreement.

The output is deterministic. `spec/depot-ci.openapi.json` is the source of truth and may be edited
by hand, so this script never replaces it silently:

    python spec/reconstruct/build_spec.py --output /tmp/reconstruction.json   # write elsewhere
    python spec/reconstruct/build_spec.py --force                             # replace the spec

Compare a reconstruction with the spec with `python -m codegen diff`.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

HERE: Final = Path(__file__).resolve().parent
REFERENCE_PATH: Final = HERE / "depot-ci-api-reference.txt"
SPEC_PATH: Final = HERE.parent / "depot-ci.openapi.json"

PACKAGE: Final = "depot.ci.v1"
SERVICE: Final = f"{PACKAGE}.CIService"
SCHEMA_REF: Final = "#/components/schemas/"
SECURITY_SCHEME: Final = "bearer"

Schema = dict[str, Any]


class ReferenceFormatError(ValueError):
    """The reference text does not have the layout this parser understands."""


class SpecMismatchError(ValueError):
    """The reference text and the hand-written table disagree."""


# --------------------------------------------------------------------------------------------
# Naming
# --------------------------------------------------------------------------------------------

# An acronym run ends where a capitalised word starts ("CIMetrics" -> "CI", "Metrics").
_WORD: Final = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")


def snake_case(name: str) -> str:
    """The proto field name behind a JSON name: `headSha` -> `head_sha`, `memoryGb` -> `memory_gb`."""
    return "_".join(word.lower() for word in _WORD.findall(name))


def enum_prefix(enum_name: str) -> str:
    """The prefix every value of an enum carries: `CIMetricsAvailabilityCode` -> `CI_METRICS_AVAILABILITY_CODE_`."""
    return snake_case(enum_name).upper() + "_"


# --------------------------------------------------------------------------------------------
# Type notation
# --------------------------------------------------------------------------------------------

# The reference prints each scalar type in this notation; the value is the schema
# protoc-gen-connect-openapi writes for it. "integer" alone is uint32, "integer | string" is a
# 64-bit integer (proto JSON writes those as strings), and "| null" marks a proto3 `optional` field.
SCALAR_SCHEMAS: Final[Mapping[str, Schema]] = {
    "string": {"type": "string"},
    "string | null": {"type": ["string", "null"]},
    "string<byte>": {"type": "string", "format": "byte"},
    "boolean": {"type": "boolean"},
    "integer": {"type": "integer"},
    "integer | null": {"type": ["integer", "null"]},
    "integer<int32>": {"type": "integer", "format": "int32"},
    "integer | string": {"type": ["integer", "string"], "format": "int64"},
    "integer | string | null": {"type": ["integer", "string", "null"], "format": "int64"},
    "number": {"type": "number", "format": "double"},
    "number | null": {"type": ["number", "null"], "format": "double"},
    "object<string, string>": {"type": "object", "additionalProperties": {"type": "string", "title": "value"}},
}
MAP_TYPE: Final = "object<string, string>"
ARRAY_SUFFIX: Final = "[]"


def element_type(type_string: str) -> str:
    """`WorkflowStatus[]` -> `WorkflowStatus`; other notations are returned unchanged."""
    return type_string.removesuffix(ARRAY_SUFFIX)


# --------------------------------------------------------------------------------------------
# Parsing the reference text
# --------------------------------------------------------------------------------------------

_METHOD_HEADER: Final = re.compile(r"(?P<name>[A-Z][A-Za-z]*)CIService\.(?P=name)(?P<stream>stream)?")
_BULLET: Final = "  • "
CHILDREN_MARKER: Final = "+Show child parameters"
ENUM_MARKER: Final = "Possible enum values"
# Where a method's field listing ends: the request example (unary) or the streaming note.
_RETURNS_END: Final = ("POST/", "Server-streaming RPC.")
# A field line of a `oneof` alternative is preceded by a header naming it with type "object".
_ONEOF_HEADER_TYPE: Final = "object"
_HIERARCHY_SENTENCE: Final = "The Depot CI API exposes a four-level resource hierarchy."


@dataclass(frozen=True)
class Entry:
    """One field as the reference prints it, in print order (nesting is not visible)."""

    name: str
    type: str
    required: bool
    description: tuple[str, ...]
    """Paragraphs; bullet lists are rewritten as Markdown ("- AVAILABLE: ...")."""
    enum_values: tuple[str, ...]
    expanded: bool
    """True when "+Show child parameters" follows: the message's own fields come next."""
    oneof: bool
    """True when the field is printed as one alternative of a `oneof`."""
    line: int
    """1-based line number in the reference, for error messages."""


@dataclass(frozen=True)
class MethodDoc:
    name: str
    streaming: bool
    description: tuple[str, ...]
    params: tuple[Entry, ...]
    returns: tuple[Entry, ...]
    line: int


@dataclass(frozen=True)
class ErrorCodeDoc:
    code: str
    grpc_code: int
    http_status: int
    meaning: str
    causes: str


@dataclass(frozen=True)
class Reference:
    introduction: tuple[str, ...]
    methods: tuple[MethodDoc, ...]
    errors_introduction: str
    errors: tuple[ErrorCodeDoc, ...]


def field_line_pattern(type_names: Iterable[str]) -> re.Pattern[str]:
    """A regex that fully matches a printed field line such as `workflowsWorkflowStatus[]`.

    Names and types are glued together, and both are camel case (`runsOnJobDetailRunsOn`), so the
    split is only unambiguous against the set of known type names. The name is matched lazily so
    that `statusstring` splits as `status` + `string`.
    """
    alternatives = sorted([*SCALAR_SCHEMAS, *type_names], key=len, reverse=True)
    types = "|".join(re.escape(alternative) for alternative in alternatives)
    return re.compile(
        rf"(?P<name>[a-z][A-Za-z0-9]*?)"
        rf"(?P<type>(?:{types})(?:\[\])?|{_ONEOF_HEADER_TYPE})"
        rf"(?P<required>required)?"
    )


def paragraphs(lines: Sequence[str]) -> tuple[str, ...]:
    """Group lines into blank-line separated paragraphs, turning "  • x" bullets into "- x"."""
    result: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append("- " + line.removeprefix(_BULLET) if line.startswith(_BULLET) else line.strip())
        elif block:
            result.append("\n".join(block))
            block = []
    return tuple(result)


def split_enum_values(line: str, enum_name: str, line_number: int) -> tuple[str, ...]:
    """Split the glued value list printed after "Possible enum values" on the enum's prefix."""
    prefix = enum_prefix(enum_name)
    head, *tails = line.split(prefix)
    if head or not tails or not all(tails):
        raise ReferenceFormatError(f"line {line_number}: {line!r} is not a list of {prefix}* values")
    return tuple(prefix + tail for tail in tails)


def _parse_entries(lines: Sequence[str], first_line: int, pattern: re.Pattern[str]) -> tuple[Entry, ...]:
    entries: list[Entry] = []
    index = 0
    in_oneof = False
    while index < len(lines):
        line = lines[index]
        if not line:
            index += 1
            continue
        match = pattern.fullmatch(line)
        if match is None:
            raise ReferenceFormatError(f"line {first_line + index}: expected a field line, found {line!r}")
        name, type_string = match["name"], match["type"]
        if type_string == _ONEOF_HEADER_TYPE:
            following = pattern.fullmatch(lines[index + 1]) if index + 1 < len(lines) else None
            if following is None or following["name"] != name:
                raise ReferenceFormatError(f"line {first_line + index}: {line!r} is not followed by its field")
            in_oneof = True
            index += 1
            continue
        line_number = first_line + index
        index += 1
        start = index
        while index < len(lines) and lines[index] not in (ENUM_MARKER, CHILDREN_MARKER):
            if pattern.fullmatch(lines[index]):
                break
            index += 1
        description = paragraphs(lines[start:index])
        enum_values: tuple[str, ...] = ()
        if index < len(lines) and lines[index] == ENUM_MARKER:
            if index + 1 >= len(lines):
                raise ReferenceFormatError(f"line {first_line + index}: enum marker without values")
            enum_values = split_enum_values(lines[index + 1], element_type(type_string), first_line + index + 1)
            index += 2
        expanded = index < len(lines) and lines[index] == CHILDREN_MARKER
        if expanded:
            index += 1
        entries.append(
            Entry(
                name=name,
                type=type_string,
                required=match["required"] is not None,
                description=description,
                enum_values=enum_values,
                expanded=expanded,
                oneof=in_oneof,
                line=line_number,
            )
        )
        in_oneof = False
    return tuple(entries)


def _parse_method(lines: Sequence[str], start: int, end: int, pattern: re.Pattern[str]) -> MethodDoc:
    header = _METHOD_HEADER.fullmatch(lines[start])
    assert header is not None
    body = list(lines[start + 1 : end])
    try:
        params_at = body.index("Parameters")
        returns_at = body.index("Returns")
    except ValueError as exc:
        raise ReferenceFormatError(f"line {start + 1}: method {header['name']} lacks Parameters/Returns") from exc
    returns_end = next(
        (i for i in range(returns_at + 1, len(body)) if body[i].startswith(_RETURNS_END)),
        None,
    )
    if returns_end is None:
        raise ReferenceFormatError(f"line {start + 1}: cannot find where {header['name']}'s returns end")
    # body[i] is line start + 2 + i in 1-based numbering.
    return MethodDoc(
        name=header["name"],
        streaming=header["stream"] is not None,
        description=paragraphs(body[:params_at]),
        params=_parse_entries(body[params_at + 1 : returns_at], start + params_at + 3, pattern),
        returns=_parse_entries(body[returns_at + 1 : returns_end], start + returns_at + 3, pattern),
        line=start + 1,
    )


def _parse_introduction(lines: Sequence[str]) -> tuple[str, ...]:
    """The resource hierarchy and the scoping sentence, without the documentation site's framing."""
    end = lines.index("RPC basics")
    result = list(paragraphs(lines[:end]))
    opening = next((i for i, text in enumerate(result) if _HIERARCHY_SENTENCE in text), None)
    if opening is None:
        raise ReferenceFormatError(f"the introduction lacks {_HIERARCHY_SENTENCE!r}")
    result[opening] = result[opening][result[opening].index(_HIERARCHY_SENTENCE) :]
    return tuple(result[opening:])


def _parse_errors(lines: Sequence[str]) -> tuple[str, tuple[ErrorCodeDoc, ...]]:
    """The error table: an introduction, then four lines per code (code+gRPC, HTTP, meaning, causes)."""
    body = [line for line in lines if line]
    introduction, rows = body[0], body[1:]
    if len(rows) % 4:
        raise ReferenceFormatError("the error table does not have four lines per code")
    errors: list[ErrorCodeDoc] = []
    for offset in range(0, len(rows), 4):
        head, http_status, meaning, causes = rows[offset : offset + 4]
        match = re.fullmatch(r"(?P<code>[a-z_]+)gRPC (?P<grpc>[0-9]+)", head)
        if match is None or not http_status.isdigit():
            raise ReferenceFormatError(f"unexpected error table row {head!r} / {http_status!r}")
        errors.append(ErrorCodeDoc(match["code"], int(match["grpc"]), int(http_status), meaning, causes))
    return introduction, tuple(errors)


def parse_reference(text: str, type_names: Iterable[str]) -> Reference:
    """Parse the rendered reference. `type_names` are the message and enum names it may print."""
    lines = text.splitlines()
    pattern = field_line_pattern(type_names)
    headers = [index for index, line in enumerate(lines) if _METHOD_HEADER.fullmatch(line)]
    try:
        errors_at = lines.index("Errors")
    except ValueError as exc:
        raise ReferenceFormatError("the reference has no Errors section") from exc
    bounds = zip(headers, [*headers[1:], errors_at], strict=True)
    errors_introduction, errors = _parse_errors(lines[errors_at + 1 :])
    return Reference(
        introduction=_parse_introduction(lines),
        methods=tuple(_parse_method(lines, start, end, pattern) for start, end in bounds),
        errors_introduction=errors_introduction,
        errors=errors,
    )


# --------------------------------------------------------------------------------------------
# The hand-written table
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    name: str
    """JSON name, as the reference prints it."""
    type: str
    """Type in the reference's notation: a key of SCALAR_SCHEMAS, a message or enum name, or `T[]`."""
    required: bool = False
    """The reference prints `required` after the type."""


@dataclass(frozen=True)
class Use:
    """In an example, stands for example number `index` of message `message` (resolved at build time)."""

    message: str
    index: int = 0


@dataclass(frozen=True)
class Message:
    name: str
    fields: tuple[Field, ...]
    examples: tuple[Mapping[str, Any], ...]
    description: str | None = None
    """Stand-alone description. None: use the description of the first field that references it."""
    oneof: bool = False
    """Every field is an alternative of one `oneof` (ExportJobAttemptLogsResponse)."""


@dataclass(frozen=True)
class Enum:
    name: str
    values: tuple[str, ...]
    """Value names without the prefix, in declaration order; the first is UNSPECIFIED."""
    summary: str

    @property
    def full_values(self) -> tuple[str, ...]:
        prefix = enum_prefix(self.name)
        return tuple(prefix + value for value in self.values)


@dataclass(frozen=True)
class Method:
    name: str
    streaming: bool = False

    @property
    def request(self) -> str:
        return f"{self.name}Request"

    @property
    def response(self) -> str:
        return f"{self.name}Response"


METHODS: Final[tuple[Method, ...]] = (
    Method("Run"),
    Method("ListRuns"),
    Method("GetRun"),
    Method("GetRunStatus"),
    Method("GetRunMetrics"),
    Method("CancelRun"),
    Method("ListWorkflows"),
    Method("GetWorkflow"),
    Method("DispatchWorkflow"),
    Method("RerunWorkflow"),
    Method("CancelWorkflow"),
    Method("GetJob"),
    Method("GetJobSummary"),
    Method("GetJobMetrics"),
    Method("RetryJob"),
    Method("RetryFailedJobs"),
    Method("CancelJob"),
    Method("GetAttempt"),
    Method("GetJobAttemptMetrics"),
    Method("GetJobAttemptLogs"),
    Method("StreamJobAttemptLogs", streaming=True),
    Method("ExportJobAttemptLogs", streaming=True),
    Method("ListArtifacts"),
    Method("GetArtifactDownloadURL"),
    Method("GetFailureDiagnosis"),
)

ENUMS: Final[Mapping[str, Enum]] = {
    enum.name: enum
    for enum in (
        Enum(
            "CIMetricsAvailabilityCode",
            ("UNSPECIFIED", "AVAILABLE", "NO_SANDBOX", "NO_TIME_RANGE", "NO_SAMPLES"),
            "Availability code explaining why CPU and memory metrics are or are not present for a job attempt.",
        ),
        Enum(
            "JobAttemptLogExportFormat",
            ("UNSPECIFIED", "TEXT", "JSONL"),
            "Byte format of a job attempt log export: plain text or JSON Lines. Unspecified selects text.",
        ),
        Enum(
            "FailureDiagnosisTargetType",
            ("UNSPECIFIED", "RUN", "WORKFLOW", "JOB", "ATTEMPT"),
            "Type of CI resource a failure diagnosis or one of its rows refers to: run, workflow, job, or attempt.",
        ),
        Enum(
            "FailureDiagnosisResourceStatus",
            ("UNSPECIFIED", "QUEUED", "WAITING", "RUNNING", "FINISHED", "FAILED", "CANCELLED", "SKIPPED"),
            "Current state of a run, workflow, job, or attempt, as reported in a failure diagnosis.",
        ),
        Enum(
            "FailureDiagnosisConclusion",
            ("UNSPECIFIED", "SUCCESS", "FAILURE", "CANCELLED", "SKIPPED", "TIMED_OUT"),
            "Conclusion of a job or attempt, as reported in a failure diagnosis. Unspecified until it concludes.",
        ),
        Enum(
            "FailureDiagnosisState",
            ("UNSPECIFIED", "EMPTY", "GROUPED_FAILURES", "FOCUSED_FAILURE", "OVER_LIMIT"),
            "Overall state of a failure diagnosis.",
        ),
        Enum(
            "FailureDiagnosisEmptyReason",
            ("UNSPECIFIED", "NO_FAILURE_EVIDENCE"),
            "Reason a failure diagnosis is empty. Set only when the diagnosis state is EMPTY.",
        ),
        Enum(
            "DrillDownCommandKind",
            ("UNSPECIFIED", "LOGS", "SUMMARY", "DIAGNOSE_WORKFLOW", "DIAGNOSE_JOB"),
            "Kind of drill-down command a failure diagnosis suggests.",
        ),
    )
}

# Descriptions for fields the reference never prints (the team supplied AttemptStatus's fields;
# they follow GetWorkflowJobAttempt's wording, the closest printed sibling).
SUPPLIED_FIELD_DESCRIPTIONS: Final[Mapping[tuple[str, str], str]] = {
    ("AttemptStatus", "attemptId"): "Unique identifier for the job attempt.",
    ("AttemptStatus", "attempt"): "Attempt number, starting at 1 for the first run.",
    ("AttemptStatus", "status"): (
        'Current state of the attempt. Can be "queued", "waiting", "running", "finished", "failed", or "cancelled".'
    ),
    ("AttemptStatus", "sandboxId"): (
        "Unique identifier for the sandbox currently running this attempt, when one exists."
    ),
    ("AttemptStatus", "sessionId"): (
        "Unique identifier for the interactive session attached to that sandbox, when one is available."
    ),
}

# Where the reference prints the same field of the same message several times with different
# words, the first wording is used. Every such field must be listed here, so a new difference in
# a future reference is noticed rather than silently dropped.
ACCEPTED_DESCRIPTION_VARIANTS: Final[frozenset[tuple[str, str]]] = frozenset()

# ---- example values, shared so the examples describe one consistent CI run -------------------

ORG_ID: Final = "org_123"
RUN_ID: Final = "run_123"
WORKFLOW_ID: Final = "workflow_123"
JOB_ID: Final = "job_123"
ATTEMPT_ID: Final = "attempt_123"
SANDBOX_ID: Final = "sandbox_123"
SESSION_ID: Final = "session_123"
ARTIFACT_ID: Final = "artifact_123"
REPO: Final = "depot/cli"
REF: Final = "refs/pull/42/merge"
SHA: Final = "b2f5ff47436671b6e533d8dc3614845d1c2a9e07"
HEAD_SHA: Final = "9f3c2a1b0e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b"
TRIGGER: Final = "pull_request"
WORKFLOW_PATH: Final = ".depot/workflows/ci.yml"
WORKFLOW_NAME: Final = "CI"
CREATED_AT: Final = "2026-05-18T18:00:00Z"
DISPATCHED_AT: Final = "2026-05-18T18:00:02Z"
STARTED_AT: Final = "2026-05-18T18:00:05Z"
FINISHED_AT: Final = "2026-05-18T18:06:30Z"
SNAPSHOT_AT: Final = "2026-05-18T18:07:00Z"
ERROR_MESSAGE: Final = "Process completed with exit code 1."
RESOURCE_FAILED: Final = "FAILURE_DIAGNOSIS_RESOURCE_STATUS_FAILED"
CONCLUSION_FAILURE: Final = "FAILURE_DIAGNOSIS_CONCLUSION_FAILURE"

_PARENT_RUN: Final[Mapping[str, Any]] = {
    "orgId": ORG_ID,
    "runId": RUN_ID,
    "repo": REPO,
    "ref": REF,
    "sha": SHA,
    "headSha": HEAD_SHA,
    "trigger": TRIGGER,
    "runStatus": "failed",
    "runCreatedAt": CREATED_AT,
    "runStartedAt": STARTED_AT,
    "runFinishedAt": FINISHED_AT,
}
_PARENT_WORKFLOW: Final[Mapping[str, Any]] = {
    "workflowId": WORKFLOW_ID,
    "workflowName": WORKFLOW_NAME,
    "workflowPath": WORKFLOW_PATH,
    "workflowStatus": "failed",
    "workflowErrorMessage": 'Job "test" failed.',
    "workflowCreatedAt": CREATED_AT,
    "workflowStartedAt": STARTED_AT,
    "workflowFinishedAt": FINISHED_AT,
}
_PARENT_JOB: Final[Mapping[str, Any]] = {
    "jobId": JOB_ID,
    "jobKey": "test",
    "jobDisplayName": "Test (ubuntu-24.04)",
    "jobStatus": "failed",
    "jobConclusion": "failure",
    "jobErrorMessage": "The sandbox stopped responding while the job was running.",
    "jobCreatedAt": CREATED_AT,
    "jobDispatchedAt": DISPATCHED_AT,
    "jobStartedAt": STARTED_AT,
    "jobFinishedAt": FINISHED_AT,
}
_WORKFLOW_YAML: Final = (
    "name: CI\n"
    "on: push\n"
    "jobs:\n"
    "  test:\n"
    "    runs-on: depot-ubuntu-24.04\n"
    "    steps:\n"
    "      - uses: actions/checkout@v4\n"
    "      - run: make test\n"
)


def _message(
    name: str,
    fields: Sequence[Field],
    *examples: Mapping[str, Any],
    description: str | None = None,
    oneof: bool = False,
) -> Message:
    return Message(name, tuple(fields), tuple(examples), description, oneof)


def F(name: str, type_string: str = "string", *, required: bool = False) -> Field:  # noqa: N802 - reads like a table row
    return Field(name, type_string, required)


_PARENT_RUN_FIELDS: Final = (
    F("orgId"),
    F("runId"),
    F("repo"),
    F("ref"),
    F("sha"),
    F("headSha"),
    F("trigger"),
    F("runStatus"),
    F("runCreatedAt"),
    F("runStartedAt"),
    F("runFinishedAt"),
)
_PARENT_WORKFLOW_FIELDS: Final = (
    F("workflowId"),
    F("workflowName"),
    F("workflowPath"),
    F("workflowStatus"),
    F("workflowErrorMessage"),
    F("workflowCreatedAt"),
    F("workflowStartedAt"),
    F("workflowFinishedAt"),
)
_PARENT_JOB_FIELDS: Final = (
    F("jobId"),
    F("jobKey"),
    F("jobDisplayName"),
    F("jobStatus"),
    F("jobConclusion"),
    F("jobErrorMessage"),
    F("jobCreatedAt"),
    F("jobDispatchedAt"),
    F("jobStartedAt"),
    F("jobFinishedAt"),
    F("currentAttemptId"),
    F("currentAttempt", "integer<int32>"),
    F("matrix", "JobDetailMatrixValue[]"),
    F("strategy", "JobDetailStrategy"),
    F("runsOn", "JobDetailRunsOn"),
)
_METRICS_CONTEXT_FIELDS: Final = (
    F("run", "CIMetricsRunContext"),
    F("workflow", "CIMetricsWorkflowContext"),
    F("job", "CIMetricsJobContext"),
)
_METRICS_CONTEXT_EXAMPLE: Final[Mapping[str, Any]] = {
    "run": Use("CIMetricsRunContext"),
    "workflow": Use("CIMetricsWorkflowContext"),
    "job": Use("CIMetricsJobContext"),
}

_MESSAGE_LIST: Final[tuple[Message, ...]] = (
    # ---- Run ----------------------------------------------------------------------------------
    _message(
        "RunRequest",
        [
            F("repo", required=True),
            F("sha", "string | null"),
            F("workflow", "string | null"),
            F("workflowContent", "string[]"),
            F("job", "string | null"),
        ],
        {"repo": REPO, "sha": SHA, "workflow": WORKFLOW_PATH, "job": "test"},
        {"repo": REPO, "workflowContent": [_WORKFLOW_YAML]},
    ),
    _message("RunResponse", [F("orgId"), F("runId")], {"orgId": ORG_ID, "runId": RUN_ID}),
    # ---- ListRuns -----------------------------------------------------------------------------
    _message(
        "ListRunsRequest",
        [
            F("status", "string[]"),
            F("pageSize", "integer<int32>"),
            F("pageToken"),
            F("repo"),
            F("sha"),
            F("trigger"),
            F("pr"),
        ],
        {
            "status": ["running", "queued"],
            "pageSize": 20,
            "pageToken": "eyJvZmZzZXQiOjIwfQ",
            "repo": REPO,
            "sha": "b2f5ff4",
            "trigger": TRIGGER,
            "pr": "42",
        },
    ),
    _message(
        "ListRunsResponse",
        [F("runs", "ListRunsResponseRun[]"), F("nextPageToken")],
        {"runs": [Use("ListRunsResponseRun")], "nextPageToken": "eyJvZmZzZXQiOjQwfQ"},
    ),
    _message(
        "ListRunsResponseRun",
        [F("runId"), F("repo"), F("trigger"), F("sha"), F("status"), F("createdAt"), F("ref"), F("headSha")],
        {
            "runId": RUN_ID,
            "repo": REPO,
            "trigger": TRIGGER,
            "sha": SHA,
            "status": "running",
            "createdAt": CREATED_AT,
            "ref": REF,
            "headSha": HEAD_SHA,
        },
        description="A recent CI run matching a ListRuns request.",
    ),
    # ---- GetRun -------------------------------------------------------------------------------
    _message("GetRunRequest", [F("runId", required=True)], {"runId": RUN_ID}),
    _message(
        "GetRunResponse",
        [
            F("orgId"),
            F("runId"),
            F("repo"),
            F("ref"),
            F("sha"),
            F("headSha"),
            F("trigger"),
            F("status"),
            F("createdAt"),
            F("startedAt"),
            F("finishedAt"),
        ],
        {
            "orgId": ORG_ID,
            "runId": RUN_ID,
            "repo": REPO,
            "ref": REF,
            "sha": SHA,
            "headSha": HEAD_SHA,
            "trigger": TRIGGER,
            "status": "failed",
            "createdAt": CREATED_AT,
            "startedAt": STARTED_AT,
            "finishedAt": FINISHED_AT,
        },
    ),
    # ---- GetRunStatus -------------------------------------------------------------------------
    _message("GetRunStatusRequest", [F("runId", required=True)], {"runId": RUN_ID}),
    _message(
        "GetRunStatusResponse",
        [F("orgId"), F("runId"), F("status"), F("workflows", "WorkflowStatus[]")],
        {"orgId": ORG_ID, "runId": RUN_ID, "status": "running", "workflows": [Use("WorkflowStatus")]},
    ),
    _message(
        "WorkflowStatus",
        [
            F("workflowId"),
            F("status"),
            F("workflowPath"),
            F("jobs", "JobStatus[]"),
            F("name"),
            F("errorMessage"),
        ],
        {
            "workflowId": WORKFLOW_ID,
            "status": "failed",
            "workflowPath": WORKFLOW_PATH,
            "jobs": [Use("JobStatus")],
            "name": WORKFLOW_NAME,
            "errorMessage": "Invalid workflow: jobs.test.runs-on is required.",
        },
        description="A workflow in a run, with its nested jobs and attempts.",
    ),
    _message(
        "JobStatus",
        [F("jobId"), F("jobKey"), F("status"), F("attempts", "AttemptStatus[]")],
        {"jobId": JOB_ID, "jobKey": "test", "status": "running", "attempts": [Use("AttemptStatus")]},
        description="A job that makes up a workflow, with all of its attempts.",
    ),
    _message(
        "AttemptStatus",
        [F("attemptId"), F("attempt", "integer<int32>"), F("status"), F("sandboxId"), F("sessionId")],
        {
            "attemptId": ATTEMPT_ID,
            "attempt": 1,
            "status": "running",
            "sandboxId": SANDBOX_ID,
            "sessionId": SESSION_ID,
        },
        description=(
            "One attempt of a job, the original or a retry: the attempt's identifier, number, "
            "current status, and sandbox/session IDs (when active)."
        ),
    ),
    # ---- GetRunMetrics ------------------------------------------------------------------------
    _message("GetRunMetricsRequest", [F("runId", required=True)], {"runId": RUN_ID}),
    _message(
        "GetRunMetricsResponse",
        [F("run", "CIMetricsRunContext"), F("workflows", "CIMetricsWorkflowMetrics[]"), F("snapshotAt")],
        {
            "run": Use("CIMetricsRunContext"),
            "workflows": [Use("CIMetricsWorkflowMetrics")],
            "snapshotAt": SNAPSHOT_AT,
        },
    ),
    _message(
        "CIMetricsRunContext",
        [
            F("runId"),
            F("repo"),
            F("ref"),
            F("sha"),
            F("headSha"),
            F("trigger"),
            F("status"),
            F("createdAt"),
            F("startedAt"),
            F("finishedAt"),
        ],
        {
            "runId": RUN_ID,
            "repo": REPO,
            "ref": REF,
            "sha": SHA,
            "headSha": HEAD_SHA,
            "trigger": TRIGGER,
            "status": "finished",
            "createdAt": CREATED_AT,
            "startedAt": STARTED_AT,
            "finishedAt": FINISHED_AT,
        },
    ),
    _message(
        "CIMetricsWorkflowMetrics",
        [F("workflow", "CIMetricsWorkflowContext"), F("jobs", "CIMetricsJobMetrics[]")],
        {"workflow": Use("CIMetricsWorkflowContext"), "jobs": [Use("CIMetricsJobMetrics")]},
        description="Per-workflow rollup containing the workflow's jobs and their per-attempt metric summaries.",
    ),
    _message(
        "CIMetricsWorkflowContext",
        [
            F("workflowId"),
            F("workflowPath"),
            F("name"),
            F("status"),
            F("createdAt"),
            F("startedAt"),
            F("finishedAt"),
        ],
        {
            "workflowId": WORKFLOW_ID,
            "workflowPath": WORKFLOW_PATH,
            "name": WORKFLOW_NAME,
            "status": "finished",
            "createdAt": CREATED_AT,
            "startedAt": STARTED_AT,
            "finishedAt": FINISHED_AT,
        },
    ),
    _message(
        "CIMetricsJobMetrics",
        [F("job", "CIMetricsJobContext"), F("attempts", "CIMetricsAttemptSummary[]")],
        {"job": Use("CIMetricsJobContext"), "attempts": [Use("CIMetricsAttemptSummary")]},
        description="A job in a workflow and its per-attempt metric summaries.",
    ),
    # ---- CancelRun ----------------------------------------------------------------------------
    _message("CancelRunRequest", [F("runId", required=True)], {"runId": RUN_ID}),
    _message("CancelRunResponse", [F("runId"), F("status")], {"runId": RUN_ID, "status": "cancelled"}),
    # ---- ListWorkflows ------------------------------------------------------------------------
    _message(
        "ListWorkflowsRequest",
        [
            F("pageSize", "integer<int32>"),
            F("name"),
            F("repo"),
            F("status", "string[]"),
            F("trigger"),
            F("sha"),
            F("pr"),
        ],
        {
            "pageSize": 100,
            "name": "deploy",
            "repo": REPO,
            "status": ["failed", "cancelled"],
            "trigger": TRIGGER,
            "sha": "b2f5ff4",
            "pr": "42",
        },
    ),
    _message(
        "ListWorkflowsResponse",
        [F("workflows", "ListWorkflowsResponseWorkflow[]")],
        {"workflows": [Use("ListWorkflowsResponseWorkflow")]},
    ),
    _message(
        "ListWorkflowsResponseWorkflow",
        [
            F("workflowId"),
            F("name"),
            F("workflowPath"),
            F("repo"),
            F("status"),
            F("trigger"),
            F("runId"),
            F("sha"),
            F("headSha"),
            F("createdAt"),
            F("jobCounts", "ListWorkflowsResponseJobCounts"),
        ],
        {
            "workflowId": WORKFLOW_ID,
            "name": WORKFLOW_NAME,
            "workflowPath": WORKFLOW_PATH,
            "repo": REPO,
            "status": "running",
            "trigger": TRIGGER,
            "runId": RUN_ID,
            "sha": SHA,
            "headSha": HEAD_SHA,
            "createdAt": CREATED_AT,
            "jobCounts": Use("ListWorkflowsResponseJobCounts"),
        },
        description="A recent workflow matching a ListWorkflows request.",
    ),
    _message(
        "ListWorkflowsResponseJobCounts",
        [
            F("total", "integer<int32>"),
            F("queued", "integer<int32>"),
            F("waiting", "integer<int32>"),
            F("running", "integer<int32>"),
            F("finished", "integer<int32>"),
            F("failed", "integer<int32>"),
            F("cancelled", "integer<int32>"),
            F("skipped", "integer<int32>"),
        ],
        {
            "total": 12,
            "queued": 1,
            "waiting": 2,
            "running": 3,
            "finished": 2,
            "failed": 1,
            "cancelled": 1,
            "skipped": 2,
        },
        description="Counts of a workflow's jobs broken down by status.",
    ),
    # ---- GetWorkflow --------------------------------------------------------------------------
    _message("GetWorkflowRequest", [F("workflowId", required=True)], {"workflowId": WORKFLOW_ID}),
    _message(
        "GetWorkflowResponse",
        [
            *_PARENT_RUN_FIELDS,
            *_PARENT_WORKFLOW_FIELDS,
            F("executions", "GetWorkflowExecution[]"),
            F("jobs", "GetWorkflowJob[]"),
        ],
        {
            **_PARENT_RUN,
            **_PARENT_WORKFLOW,
            "executions": [Use("GetWorkflowExecution")],
            "jobs": [Use("GetWorkflowJob")],
        },
    ),
    _message(
        "GetWorkflowExecution",
        [
            F("executionId"),
            F("execution", "integer<int32>"),
            F("status"),
            F("createdAt"),
            F("startedAt"),
            F("finishedAt"),
        ],
        {
            "executionId": "execution_123",
            "execution": 1,
            "status": "failed",
            "createdAt": CREATED_AT,
            "startedAt": STARTED_AT,
            "finishedAt": FINISHED_AT,
        },
        description="A workflow-level execution record; each re-run creates another execution.",
    ),
    _message(
        "GetWorkflowJob",
        [
            F("jobId"),
            F("jobKey"),
            F("status"),
            F("startedAt"),
            F("finishedAt"),
            F("attempts", "GetWorkflowJobAttempt[]"),
        ],
        {
            "jobId": JOB_ID,
            "jobKey": "test",
            "status": "failed",
            "startedAt": STARTED_AT,
            "finishedAt": FINISHED_AT,
            "attempts": [Use("GetWorkflowJobAttempt")],
        },
        description="A job of a workflow, with its per-job attempts.",
    ),
    _message(
        "GetWorkflowJobAttempt",
        [
            F("attemptId"),
            F("attempt", "integer<int32>"),
            F("status"),
            F("sandboxId"),
            F("sessionId"),
            F("startedAt"),
            F("finishedAt"),
        ],
        {
            "attemptId": ATTEMPT_ID,
            "attempt": 1,
            "status": "failed",
            "sandboxId": SANDBOX_ID,
            "sessionId": SESSION_ID,
            "startedAt": STARTED_AT,
            "finishedAt": FINISHED_AT,
        },
        description="One attempt of a workflow job (a per-job attempt, not a workflow execution record).",
    ),
    # ---- DispatchWorkflow ---------------------------------------------------------------------
    _message(
        "DispatchWorkflowRequest",
        [
            F("repo", required=True),
            F("workflow", required=True),
            F("ref"),
            F("inputs", MAP_TYPE),
        ],
        {
            "repo": REPO,
            "workflow": ".depot/workflows/deploy.yml",
            "ref": "main",
            "inputs": {"environment": "staging", "dry_run": "true"},
        },
    ),
    _message("DispatchWorkflowResponse", [F("orgId"), F("runId")], {"orgId": ORG_ID, "runId": RUN_ID}),
    # ---- RerunWorkflow ------------------------------------------------------------------------
    _message("RerunWorkflowRequest", [F("workflowId", required=True)], {"workflowId": WORKFLOW_ID}),
    _message(
        "RerunWorkflowResponse",
        [F("workflowId"), F("jobCount", "integer<int32>")],
        {"workflowId": WORKFLOW_ID, "jobCount": 4},
    ),
    # ---- CancelWorkflow -----------------------------------------------------------------------
    _message("CancelWorkflowRequest", [F("workflowId", required=True)], {"workflowId": WORKFLOW_ID}),
    _message(
        "CancelWorkflowResponse",
        [F("workflowId"), F("status")],
        {"workflowId": WORKFLOW_ID, "status": "cancelled"},
    ),
    # ---- GetJob -------------------------------------------------------------------------------
    _message("GetJobRequest", [F("jobId", required=True)], {"jobId": JOB_ID}),
    _message(
        "GetJobResponse",
        [
            *_PARENT_RUN_FIELDS,
            *_PARENT_WORKFLOW_FIELDS,
            *_PARENT_JOB_FIELDS,
            F("dependencies", "JobDetailDependency[]"),
            F("attempts", "JobDetailAttempt[]"),
            F("dependencyCount", "integer | null"),
            F("dependencyPreviewLimit", "integer | null"),
        ],
        {
            **_PARENT_RUN,
            **_PARENT_WORKFLOW,
            **_PARENT_JOB,
            "currentAttemptId": ATTEMPT_ID,
            "currentAttempt": 2,
            "matrix": [Use("JobDetailMatrixValue")],
            "strategy": Use("JobDetailStrategy"),
            "runsOn": Use("JobDetailRunsOn"),
            "dependencies": [Use("JobDetailDependency")],
            "attempts": [Use("JobDetailAttempt")],
            "dependencyCount": 150,
            "dependencyPreviewLimit": 100,
        },
    ),
    _message(
        "JobDetailMatrixValue",
        [F("key"), F("value")],
        {"key": "os", "value": "ubuntu-24.04"},
        description="A matrix key/value pair for a job instance.",
    ),
    _message(
        "JobDetailStrategy",
        [F("jobIndex", "integer<int32>"), F("jobTotal", "integer<int32>")],
        {"jobIndex": 1, "jobTotal": 4},
        description="Strategy context exposing a job's index within its matrix expansion.",
    ),
    _message(
        "JobDetailRunsOn",
        [
            F("labels", "string[]"),
            F("image"),
            F("cpus", "integer<int32>"),
            F("memoryGb", "integer<int32>"),
            F("size"),
        ],
        {"labels": ["depot-ubuntu-24.04-4"], "image": "node:22", "cpus": 4, "memoryGb": 16},
        # A size written as an expression is reported as written, with cpus and memoryGb zero.
        {"labels": ["depot-ubuntu-24.04"], "size": "${{ vars.RUNNER_SIZE }}"},
        description="Runner configuration from a job's runs-on, such as labels, image, CPU, memory, and size.",
    ),
    _message(
        "JobDetailDependency",
        [
            F("jobId"),
            F("jobKey"),
            F("jobDisplayName"),
            F("status"),
            F("conclusion"),
            F("errorMessage"),
            F("createdAt"),
            F("dispatchedAt"),
            F("startedAt"),
            F("finishedAt"),
        ],
        {
            "jobId": "job_122",
            "jobKey": "build",
            "jobDisplayName": "Build",
            "status": "failed",
            "conclusion": "failure",
            "errorMessage": "The sandbox stopped responding while the job was running.",
            "createdAt": CREATED_AT,
            "dispatchedAt": DISPATCHED_AT,
            "startedAt": STARTED_AT,
            "finishedAt": FINISHED_AT,
        },
        description="A job that another job depends on.",
    ),
    _message(
        "JobDetailAttempt",
        [
            F("attemptId"),
            F("attempt", "integer<int32>"),
            F("status"),
            F("conclusion"),
            F("errorMessage"),
            F("sandboxId"),
            F("sessionId"),
            F("createdAt"),
            F("dispatchedAt"),
            F("startedAt"),
            F("finishedAt"),
            F("isCurrent", "boolean"),
        ],
        {
            "attemptId": ATTEMPT_ID,
            "attempt": 2,
            "status": "failed",
            "conclusion": "failure",
            "errorMessage": "The sandbox stopped responding while the job was running.",
            "sandboxId": SANDBOX_ID,
            "sessionId": SESSION_ID,
            "createdAt": CREATED_AT,
            "dispatchedAt": DISPATCHED_AT,
            "startedAt": STARTED_AT,
            "finishedAt": FINISHED_AT,
            "isCurrent": True,
        },
        description="One attempt in a job's attempt history.",
    ),
    # ---- GetJobSummary ------------------------------------------------------------------------
    _message(
        "GetJobSummaryRequest",
        [F("jobId"), F("attemptId")],
        {"jobId": JOB_ID},
        {"jobId": JOB_ID, "attemptId": ATTEMPT_ID},
    ),
    _message(
        "GetJobSummaryResponse",
        [
            F("orgId"),
            F("runId"),
            F("workflowId"),
            F("jobId"),
            F("attemptId"),
            F("attempt", "integer<int32>"),
            F("jobStatus"),
            F("attemptStatus"),
            F("hasSummary", "boolean"),
            F("emptyReason"),
            F("stepCount", "integer"),
            F("markdown"),
        ],
        {
            "orgId": ORG_ID,
            "runId": RUN_ID,
            "workflowId": WORKFLOW_ID,
            "jobId": JOB_ID,
            "attemptId": ATTEMPT_ID,
            "attempt": 1,
            "jobStatus": "finished",
            "attemptStatus": "finished",
            "hasSummary": True,
            "stepCount": 2,
            "markdown": "## Test results\n\n412 passed, 0 failed\n\n## Coverage\n\n87.5% of lines covered\n",
        },
        {
            "orgId": ORG_ID,
            "runId": RUN_ID,
            "workflowId": WORKFLOW_ID,
            "jobId": JOB_ID,
            "jobStatus": "queued",
            "hasSummary": False,
            "emptyReason": "no_attempt",
        },
    ),
    # ---- GetJobMetrics ------------------------------------------------------------------------
    _message("GetJobMetricsRequest", [F("jobId", required=True)], {"jobId": JOB_ID}),
    _message(
        "GetJobMetricsResponse",
        [*_METRICS_CONTEXT_FIELDS, F("attempts", "CIMetricsAttemptSummary[]"), F("snapshotAt")],
        {**_METRICS_CONTEXT_EXAMPLE, "attempts": [Use("CIMetricsAttemptSummary")], "snapshotAt": SNAPSHOT_AT},
    ),
    _message(
        "CIMetricsJobContext",
        [
            F("jobId"),
            F("jobKey"),
            F("status"),
            F("conclusion"),
            F("currentAttempt", "integer<int32>"),
            F("createdAt"),
            F("startedAt"),
            F("finishedAt"),
        ],
        {
            "jobId": JOB_ID,
            "jobKey": "test",
            "status": "finished",
            "conclusion": "success",
            "currentAttempt": 1,
            "createdAt": CREATED_AT,
            "startedAt": STARTED_AT,
            "finishedAt": FINISHED_AT,
        },
    ),
    _message(
        "CIMetricsAttemptSummary",
        [
            F("attempt", "CIMetricsAttemptContext"),
            F("availability", "CIMetricsAvailability"),
            F("stats", "CIMetricsStats"),
            F("cap", "CIMetricsCapMetadata"),
        ],
        {
            "attempt": Use("CIMetricsAttemptContext"),
            "availability": Use("CIMetricsAvailability"),
            "stats": Use("CIMetricsStats"),
            "cap": Use("CIMetricsCapMetadata"),
        },
        description=(
            "Metric summary for one job attempt: attempt context, availability, summary stats, "
            "and downsampling metadata."
        ),
    ),
    _message(
        "CIMetricsAttemptContext",
        [
            F("attemptId"),
            F("attempt", "integer<int32>"),
            F("status"),
            F("conclusion"),
            F("sandboxId"),
            F("sessionId"),
            F("createdAt"),
            F("startedAt"),
            F("finishedAt"),
        ],
        {
            "attemptId": ATTEMPT_ID,
            "attempt": 1,
            "status": "finished",
            "conclusion": "success",
            "sandboxId": SANDBOX_ID,
            "sessionId": SESSION_ID,
            "createdAt": CREATED_AT,
            "startedAt": STARTED_AT,
            "finishedAt": FINISHED_AT,
        },
    ),
    _message(
        "CIMetricsAvailability",
        [F("code", "CIMetricsAvailabilityCode"), F("reason")],
        {"code": "CI_METRICS_AVAILABILITY_CODE_AVAILABLE", "reason": "available"},
        {"code": "CI_METRICS_AVAILABILITY_CODE_NO_SANDBOX", "reason": "no_sandbox"},
    ),
    _message(
        "CIMetricsStats",
        [
            F("sampleCount", "integer"),
            F("cpuSampleCount", "integer"),
            F("memorySampleCount", "integer"),
            F("peakCpuUtilization", "number | null"),
            F("averageCpuUtilization", "number | null"),
            F("peakMemoryUtilization", "number | null"),
            F("averageMemoryUtilization", "number | null"),
            F("observedStartedAt"),
            F("observedFinishedAt"),
            F("peakMemoryUsageBytes", "integer | string | null"),
            F("averageMemoryUsageBytes", "number | null"),
        ],
        {
            "sampleCount": 386,
            "cpuSampleCount": 386,
            "memorySampleCount": 385,
            "peakCpuUtilization": 0.97,
            "averageCpuUtilization": 0.42,
            "peakMemoryUtilization": 0.61,
            "averageMemoryUtilization": 0.38,
            "observedStartedAt": "2026-05-18T18:00:06Z",
            "observedFinishedAt": "2026-05-18T18:06:29Z",
            "peakMemoryUsageBytes": "10479720448",
            "averageMemoryUsageBytes": 6528350208.5,
        },
        description="Aggregate CPU and memory statistics computed across a job attempt's raw samples.",
    ),
    _message(
        "CIMetricsCapMetadata",
        [
            F("rawSampleCount", "integer"),
            F("returnedSampleCount", "integer"),
            F("maxReturnedSampleCount", "integer"),
            F("downsampled", "boolean"),
            F("downsampleStrategy"),
        ],
        {
            "rawSampleCount": 386,
            "returnedSampleCount": 200,
            "maxReturnedSampleCount": 200,
            "downsampled": True,
            "downsampleStrategy": "peak_preserving_even",
        },
    ),
    # ---- RetryJob -----------------------------------------------------------------------------
    _message(
        "RetryJobRequest",
        [F("workflowId", required=True), F("jobId", required=True)],
        {"workflowId": WORKFLOW_ID, "jobId": JOB_ID},
    ),
    _message(
        "RetryJobResponse",
        [F("jobId"), F("attemptId"), F("attempt", "integer<int32>"), F("status")],
        # attemptId is documented as empty in practice; it is set here only so that the examples
        # exercise every field of the schema.
        {"jobId": JOB_ID, "attemptId": "attempt_124", "attempt": 2, "status": "queued"},
    ),
    # ---- RetryFailedJobs ----------------------------------------------------------------------
    _message("RetryFailedJobsRequest", [F("workflowId", required=True)], {"workflowId": WORKFLOW_ID}),
    _message(
        "RetryFailedJobsResponse",
        [F("workflowId"), F("jobIds", "string[]"), F("jobCount", "integer<int32>")],
        {"workflowId": WORKFLOW_ID, "jobIds": [JOB_ID, "job_124", "job_125"], "jobCount": 3},
    ),
    # ---- CancelJob ----------------------------------------------------------------------------
    _message(
        "CancelJobRequest",
        [F("workflowId", required=True), F("jobId", required=True)],
        {"workflowId": WORKFLOW_ID, "jobId": JOB_ID},
    ),
    _message("CancelJobResponse", [F("jobId"), F("status")], {"jobId": JOB_ID, "status": "cancelled"}),
    # ---- GetAttempt ---------------------------------------------------------------------------
    _message("GetAttemptRequest", [F("attemptId", required=True)], {"attemptId": ATTEMPT_ID}),
    _message(
        "GetAttemptResponse",
        [
            *_PARENT_RUN_FIELDS,
            *_PARENT_WORKFLOW_FIELDS,
            *_PARENT_JOB_FIELDS,
            F("attempt", "JobDetailAttempt"),
        ],
        {
            **_PARENT_RUN,
            **_PARENT_WORKFLOW,
            **_PARENT_JOB,
            "currentAttemptId": ATTEMPT_ID,
            "currentAttempt": 2,
            "matrix": [Use("JobDetailMatrixValue")],
            "strategy": Use("JobDetailStrategy"),
            "runsOn": Use("JobDetailRunsOn"),
            "attempt": Use("JobDetailAttempt"),
        },
    ),
    # ---- GetJobAttemptMetrics -----------------------------------------------------------------
    _message("GetJobAttemptMetricsRequest", [F("attemptId", required=True)], {"attemptId": ATTEMPT_ID}),
    _message(
        "GetJobAttemptMetricsResponse",
        [*_METRICS_CONTEXT_FIELDS, F("attempt", "CIMetricsAttemptMetrics"), F("snapshotAt")],
        {**_METRICS_CONTEXT_EXAMPLE, "attempt": Use("CIMetricsAttemptMetrics"), "snapshotAt": SNAPSHOT_AT},
    ),
    _message(
        "CIMetricsAttemptMetrics",
        [
            F("attempt", "CIMetricsAttemptContext"),
            F("availability", "CIMetricsAvailability"),
            F("stats", "CIMetricsStats"),
            F("cap", "CIMetricsCapMetadata"),
            F("samples", "CIMetricSample[]"),
        ],
        {
            "attempt": Use("CIMetricsAttemptContext"),
            "availability": Use("CIMetricsAvailability"),
            "stats": Use("CIMetricsStats"),
            "cap": Use("CIMetricsCapMetadata"),
            "samples": [Use("CIMetricSample")],
        },
    ),
    _message(
        "CIMetricSample",
        [
            F("timestamp"),
            F("cpuUtilization", "number | null"),
            F("memoryUtilization", "number | null"),
            F("memoryUsageBytes", "integer | string | null"),
        ],
        {
            "timestamp": "2026-05-18T18:01:12Z",
            "cpuUtilization": 0.87,
            "memoryUtilization": 0.44,
            "memoryUsageBytes": "7559142195",
        },
        description="One CPU and memory sample of a job attempt, possibly downsampled.",
    ),
    # ---- GetJobAttemptLogs --------------------------------------------------------------------
    _message(
        "GetJobAttemptLogsRequest",
        [F("attemptId"), F("pageToken"), F("jobId", "string | null")],
        {"attemptId": ATTEMPT_ID, "pageToken": "eyJsaW5lIjo0Mn0"},
        {"jobId": JOB_ID},
    ),
    _message(
        "GetJobAttemptLogsResponse",
        [F("lines", "LogLine[]"), F("nextPageToken")],
        {"lines": [Use("LogLine")], "nextPageToken": "eyJsaW5lIjo0M30"},
    ),
    _message(
        "LogLine",
        [
            F("stepKey"),
            F("timestampMs", "integer | string"),
            F("lineNumber", "integer"),
            F("stream", "integer"),
            F("body"),
            F("stepId"),
            F("stepName"),
        ],
        {
            "stepKey": "step_3",
            "timestampMs": "1779127272000",
            "lineNumber": 42,
            "stream": 1,
            "body": "npm ERR! Test failed.  See above for more details.",
            "stepId": "unit-tests",
            "stepName": "Run unit tests",
        },
        description="A persisted log line of a job attempt.",
    ),
    # ---- StreamJobAttemptLogs -----------------------------------------------------------------
    _message(
        "StreamJobAttemptLogsRequest",
        [F("attemptId"), F("cursor"), F("jobId")],
        {"attemptId": ATTEMPT_ID, "cursor": "eyJsaW5lIjo0Mn0"},
        {"jobId": JOB_ID},
    ),
    _message(
        "StreamJobAttemptLogsResponse",
        [F("line", "LogLine"), F("nextCursor"), F("attemptStatus")],
        {"line": Use("LogLine"), "nextCursor": "eyJsaW5lIjo0M30", "attemptStatus": "running"},
        # A status-only message, sent while the stream waits for new rows.
        {"attemptStatus": "running"},
    ),
    # ---- ExportJobAttemptLogs -----------------------------------------------------------------
    _message(
        "ExportJobAttemptLogsRequest",
        [F("attemptId"), F("jobId"), F("format", "JobAttemptLogExportFormat")],
        {"attemptId": ATTEMPT_ID, "format": "JOB_ATTEMPT_LOG_EXPORT_FORMAT_JSONL"},
        {"jobId": JOB_ID, "format": "JOB_ATTEMPT_LOG_EXPORT_FORMAT_TEXT"},
    ),
    _message(
        "ExportJobAttemptLogsResponse",
        [F("chunk", "string<byte>", required=True), F("metadata", "JobAttemptLogExportMetadata", required=True)],
        {"metadata": Use("JobAttemptLogExportMetadata")},
        # "Run npm test\n> depot-cli@1.0.0 test\n", base64-encoded as proto JSON writes bytes.
        {"chunk": "UnVuIG5wbSB0ZXN0Cj4gZGVwb3QtY2xpQDEuMC4wIHRlc3QK"},
        oneof=True,
    ),
    _message(
        "JobAttemptLogExportMetadata",
        [F("filename"), F("contentType"), F("format", "JobAttemptLogExportFormat")],
        {
            "filename": "depot-ci-test-attempt-1.txt",
            "contentType": "text/plain; charset=utf-8",
            "format": "JOB_ATTEMPT_LOG_EXPORT_FORMAT_TEXT",
        },
        description=(
            "Metadata sent as the first response in every successful log export stream. Describes the "
            "byte format and advisory filename for the chunks that follow."
        ),
    ),
    # ---- ListArtifacts ------------------------------------------------------------------------
    _message(
        "ListArtifactsRequest",
        [
            F("runId", required=True),
            F("workflowId", "string | null"),
            F("jobId", "string | null"),
            F("attemptId", "string | null"),
            F("pageSize", "integer<int32>"),
            F("pageToken"),
        ],
        {
            "runId": RUN_ID,
            "workflowId": WORKFLOW_ID,
            "jobId": JOB_ID,
            "attemptId": ATTEMPT_ID,
            "pageSize": 50,
            "pageToken": "eyJvZmZzZXQiOjUwfQ",
        },
    ),
    _message(
        "ListArtifactsResponse",
        [F("artifacts", "Artifact[]"), F("nextPageToken", "string | null")],
        {"artifacts": [Use("Artifact")], "nextPageToken": "eyJvZmZzZXQiOjEwMH0"},
    ),
    _message(
        "Artifact",
        [
            F("artifactId"),
            F("runId"),
            F("workflowId"),
            F("workflowPath"),
            F("jobId"),
            F("jobKey"),
            F("attemptId"),
            F("attempt", "integer<int32>"),
            F("name"),
            F("sizeBytes", "integer | string"),
            F("createdAt"),
        ],
        {
            "artifactId": ARTIFACT_ID,
            "runId": RUN_ID,
            "workflowId": WORKFLOW_ID,
            "workflowPath": WORKFLOW_PATH,
            "jobId": JOB_ID,
            "jobKey": "build",
            "attemptId": ATTEMPT_ID,
            "attempt": 1,
            "name": "dist",
            "sizeBytes": "52428800",
            "createdAt": FINISHED_AT,
        },
        description="Metadata for one CI artifact produced by a job attempt.",
    ),
    # ---- GetArtifactDownloadURL ---------------------------------------------------------------
    _message("GetArtifactDownloadURLRequest", [F("artifactId", required=True)], {"artifactId": ARTIFACT_ID}),
    _message(
        "GetArtifactDownloadURLResponse",
        [F("artifact", "Artifact"), F("url"), F("expiresAt")],
        {
            "artifact": Use("Artifact"),
            "url": "https://example.com/ci-artifacts/artifact_123?signature=c2lnbmF0dXJl",
            "expiresAt": "2026-05-18T18:12:00Z",
        },
    ),
    # ---- GetFailureDiagnosis ------------------------------------------------------------------
    _message(
        "GetFailureDiagnosisRequest",
        [F("targetId", required=True), F("targetType", "FailureDiagnosisTargetType", required=True)],
        {"targetId": RUN_ID, "targetType": "FAILURE_DIAGNOSIS_TARGET_TYPE_RUN"},
    ),
    _message(
        "GetFailureDiagnosisResponse",
        [
            F("orgId"),
            F("target", "FailureDiagnosisTarget"),
            F("context", "FailureDiagnosisContext"),
            F("state", "FailureDiagnosisState"),
            F("emptyReason", "FailureDiagnosisEmptyReason"),
            F("failureGroups", "FailureGroup[]"),
            F("representativeAttempts", "RepresentativeAttempt[]"),
            F("bounds", "FailureDiagnosisBounds"),
            F("nextCommands", "DrillDownCommand[]"),
            F("commandCapabilities", "FailureDiagnosisCommandCapabilities"),
            F("overLimitBreakdown", "FailureDiagnosisBreakdownRow[]"),
        ],
        # One example per state: grouped failures, empty, and over the candidate limit.
        {
            "orgId": ORG_ID,
            "target": Use("FailureDiagnosisTarget"),
            "context": Use("FailureDiagnosisContext"),
            "state": "FAILURE_DIAGNOSIS_STATE_GROUPED_FAILURES",
            "failureGroups": [Use("FailureGroup")],
            "representativeAttempts": [Use("RepresentativeAttempt")],
            "bounds": Use("FailureDiagnosisBounds"),
            "nextCommands": [Use("DrillDownCommand", 0), Use("DrillDownCommand", 1)],
            "commandCapabilities": Use("FailureDiagnosisCommandCapabilities"),
        },
        {
            "orgId": ORG_ID,
            "target": Use("FailureDiagnosisTarget"),
            "context": Use("FailureDiagnosisContext"),
            "state": "FAILURE_DIAGNOSIS_STATE_EMPTY",
            "emptyReason": "FAILURE_DIAGNOSIS_EMPTY_REASON_NO_FAILURE_EVIDENCE",
            "bounds": Use("FailureDiagnosisBounds"),
        },
        {
            "orgId": ORG_ID,
            "target": Use("FailureDiagnosisTarget"),
            "context": Use("FailureDiagnosisContext"),
            "state": "FAILURE_DIAGNOSIS_STATE_OVER_LIMIT",
            "bounds": Use("FailureDiagnosisBounds"),
            "nextCommands": [Use("DrillDownCommand", 3)],
            "overLimitBreakdown": [Use("FailureDiagnosisBreakdownRow")],
        },
    ),
    _message(
        "FailureDiagnosisTarget",
        [
            F("targetId"),
            F("targetType", "FailureDiagnosisTargetType"),
            F("status", "FailureDiagnosisResourceStatus"),
        ],
        {"targetId": RUN_ID, "targetType": "FAILURE_DIAGNOSIS_TARGET_TYPE_RUN", "status": RESOURCE_FAILED},
        description="The resource a failure diagnosis was requested for: run, workflow, job, or attempt.",
    ),
    _message(
        "FailureDiagnosisContext",
        [
            F("runId"),
            F("repo"),
            F("ref"),
            F("sha"),
            F("headSha"),
            F("trigger"),
            F("runStatus", "FailureDiagnosisResourceStatus"),
            F("workflowId"),
            F("workflowName"),
            F("workflowPath"),
            F("workflowStatus", "FailureDiagnosisResourceStatus"),
            F("jobId"),
            F("jobKey"),
            F("jobDisplayName"),
            F("jobStatus", "FailureDiagnosisResourceStatus"),
            F("jobConclusion", "FailureDiagnosisConclusion"),
            F("attemptId"),
            F("attempt", "integer<int32>"),
            F("attemptStatus", "FailureDiagnosisResourceStatus"),
            F("attemptConclusion", "FailureDiagnosisConclusion"),
            F("truncatedContextFields", "string[]"),
        ],
        # The context of a run target: workflow, job and attempt fields stay empty.
        {
            "runId": RUN_ID,
            "repo": REPO,
            "ref": REF,
            "sha": SHA,
            "headSha": HEAD_SHA,
            "trigger": TRIGGER,
            "runStatus": RESOURCE_FAILED,
        },
        # The context of an attempt target.
        {
            "runId": RUN_ID,
            "repo": REPO,
            "ref": REF,
            "sha": SHA,
            "headSha": HEAD_SHA,
            "trigger": TRIGGER,
            "runStatus": RESOURCE_FAILED,
            "workflowId": WORKFLOW_ID,
            "workflowName": WORKFLOW_NAME,
            "workflowPath": WORKFLOW_PATH,
            "workflowStatus": RESOURCE_FAILED,
            "jobId": JOB_ID,
            "jobKey": "test",
            "jobDisplayName": "Test (ubuntu-24.04)",
            "jobStatus": RESOURCE_FAILED,
            "jobConclusion": CONCLUSION_FAILURE,
            "attemptId": ATTEMPT_ID,
            "attempt": 1,
            "attemptStatus": RESOURCE_FAILED,
            "attemptConclusion": CONCLUSION_FAILURE,
            "truncatedContextFields": ["ref"],
        },
        description=(
            "Resolved parent context for a failure diagnosis target, with identifiers, statuses, and conclusions."
        ),
    ),
    _message(
        "FailureGroup",
        [
            F("fingerprint"),
            F("source"),
            F("count", "integer"),
            F("errorMessage"),
            F("errorMessageTruncated", "boolean"),
            F("errorMessageOriginalLength", "integer"),
            F("diagnosis"),
            F("possibleFix"),
            F("representatives", "RepresentativeAttempt[]"),
            F("omittedRepresentativeCount", "integer"),
        ],
        {
            "fingerprint": "fp_5d41402abc4b2a76",
            "source": "attempt_error",
            "count": 3,
            "errorMessage": ERROR_MESSAGE,
            "errorMessageTruncated": True,
            "errorMessageOriginalLength": 1843,
            "diagnosis": "The unit tests fail because the snapshot for the login page is out of date.",
            "possibleFix": "Run `npm test -- -u` locally and commit the updated snapshot.",
            "representatives": [Use("RepresentativeAttempt")],
            "omittedRepresentativeCount": 2,
        },
        description="A group of failures that share a deterministic error fingerprint.",
    ),
    _message(
        "RepresentativeAttempt",
        [
            F("runId"),
            F("workflowId"),
            F("workflowName"),
            F("workflowPath"),
            F("jobId"),
            F("jobKey"),
            F("jobDisplayName"),
            F("jobStatus", "FailureDiagnosisResourceStatus"),
            F("jobConclusion", "FailureDiagnosisConclusion"),
            F("attemptId"),
            F("attempt", "integer<int32>"),
            F("attemptStatus", "FailureDiagnosisResourceStatus"),
            F("attemptConclusion", "FailureDiagnosisConclusion"),
            F("errorMessage"),
            F("errorMessageTruncated", "boolean"),
            F("errorMessageOriginalLength", "integer"),
            F("diagnosis"),
            F("possibleFix"),
            F("relevantLines", "RelevantErrorLine[]"),
            F("nextCommands", "DrillDownCommand[]"),
        ],
        {
            "runId": RUN_ID,
            "workflowId": WORKFLOW_ID,
            "workflowName": WORKFLOW_NAME,
            "workflowPath": WORKFLOW_PATH,
            "jobId": JOB_ID,
            "jobKey": "test",
            "jobDisplayName": "Test (ubuntu-24.04)",
            "jobStatus": RESOURCE_FAILED,
            "jobConclusion": CONCLUSION_FAILURE,
            "attemptId": ATTEMPT_ID,
            "attempt": 1,
            "attemptStatus": RESOURCE_FAILED,
            "attemptConclusion": CONCLUSION_FAILURE,
            "errorMessage": ERROR_MESSAGE,
            "errorMessageTruncated": True,
            "errorMessageOriginalLength": 1843,
            "diagnosis": "The login page snapshot no longer matches the rendered component.",
            "possibleFix": "Update the snapshot with `npm test -- -u` and commit it.",
            "relevantLines": [Use("RelevantErrorLine")],
            "nextCommands": [Use("DrillDownCommand", 0), Use("DrillDownCommand", 1)],
        },
        description="A failed attempt chosen as a sample of a failure group's failure.",
    ),
    _message(
        "RelevantErrorLine",
        [
            F("stepId"),
            F("lineNumber", "integer"),
            F("content"),
            F("contentTruncated", "boolean"),
            F("contentOriginalLength", "integer"),
        ],
        {
            "stepId": "unit-tests",
            "lineNumber": 42,
            "content": "FAIL src/login.test.ts > renders the login page: snapshot mismatch",
            "contentTruncated": True,
            "contentOriginalLength": 611,
        },
        description="An AI-selected log line correlated with a failure.",
    ),
    _message(
        "DrillDownCommand",
        [F("kind", "DrillDownCommandKind"), F("argv", "string[]"), F("targetId"), F("label")],
        {
            "kind": "DRILL_DOWN_COMMAND_KIND_LOGS",
            "argv": ["depot", "ci", "logs", ATTEMPT_ID],
            "targetId": ATTEMPT_ID,
            "label": "Logs",
        },
        {
            "kind": "DRILL_DOWN_COMMAND_KIND_SUMMARY",
            "argv": ["depot", "ci", "summary", ATTEMPT_ID],
            "targetId": ATTEMPT_ID,
            "label": "Summary",
        },
        {
            "kind": "DRILL_DOWN_COMMAND_KIND_DIAGNOSE_WORKFLOW",
            "argv": ["depot", "ci", "diagnose", "--workflow", WORKFLOW_ID],
            "targetId": WORKFLOW_ID,
            "label": "Diagnose workflow",
        },
        {
            "kind": "DRILL_DOWN_COMMAND_KIND_DIAGNOSE_JOB",
            "argv": ["depot", "ci", "diagnose", "--job", JOB_ID],
            "targetId": JOB_ID,
            "label": "Diagnose job",
        },
        description='A suggested drill-down command. For example, "depot ci logs" or "depot ci summary".',
    ),
    _message(
        "FailureDiagnosisBounds",
        [
            F("failedProblemCandidateCount", "integer"),
            F("failedProblemCandidateCap", "integer"),
            F("totalProblemJobCount", "integer"),
            F("skippedDependentCount", "integer"),
            F("totalFailureGroupCount", "integer"),
            F("omittedFailureGroupCount", "integer"),
            F("failureGroupLimit", "integer"),
            F("representativesPerGroupLimit", "integer"),
            F("recentAttemptLimit", "integer"),
            F("totalAttemptCount", "integer"),
            F("omittedAttemptCount", "integer"),
            F("relevantLineLimit", "integer"),
            F("errorLineBodyCharLimit", "integer"),
            F("errorMessageCharLimit", "integer"),
            F("contextLabelCharLimit", "integer"),
            F("overLimitWorkflowBreakdownLimit", "integer"),
            F("overLimitJobBreakdownLimit", "integer"),
            F("omittedWorkflowBreakdownCount", "integer"),
            F("omittedJobBreakdownCount", "integer"),
            F("truncated", "boolean"),
        ],
        {
            "failedProblemCandidateCount": 7,
            "failedProblemCandidateCap": 50,
            "totalProblemJobCount": 9,
            "skippedDependentCount": 2,
            "totalFailureGroupCount": 4,
            "omittedFailureGroupCount": 1,
            "failureGroupLimit": 3,
            "representativesPerGroupLimit": 3,
            "recentAttemptLimit": 5,
            "totalAttemptCount": 8,
            "omittedAttemptCount": 3,
            "relevantLineLimit": 20,
            "errorLineBodyCharLimit": 500,
            "errorMessageCharLimit": 1000,
            "contextLabelCharLimit": 200,
            "overLimitWorkflowBreakdownLimit": 20,
            "overLimitJobBreakdownLimit": 50,
            "omittedWorkflowBreakdownCount": 1,
            "omittedJobBreakdownCount": 6,
            "truncated": True,
        },
        description="Limits and counts that describe how a failure diagnosis was bounded or truncated.",
    ),
    _message(
        "FailureDiagnosisCommandCapabilities",
        [F("summaryCommandAvailable", "boolean")],
        {"summaryCommandAvailable": True},
        description=(
            "Availability flags for the suggested drill-down commands. Clients should hide commands "
            "whose flag is false."
        ),
    ),
    _message(
        "FailureDiagnosisBreakdownRow",
        [
            F("targetType", "FailureDiagnosisTargetType"),
            F("targetId"),
            F("label"),
            F("status", "FailureDiagnosisResourceStatus"),
            F("failedProblemCandidateCount", "integer"),
            F("nextCommands", "DrillDownCommand[]"),
        ],
        {
            "targetType": "FAILURE_DIAGNOSIS_TARGET_TYPE_JOB",
            "targetId": JOB_ID,
            "label": "test",
            "status": RESOURCE_FAILED,
            "failedProblemCandidateCount": 12,
            "nextCommands": [Use("DrillDownCommand", 3)],
        },
        description=(
            "Failure count for one workflow or job, in the breakdown returned when failed problem "
            "candidates exceed bounds.failedProblemCandidateCap."
        ),
    ),
)

MESSAGES: Final[Mapping[str, Message]] = {message.name: message for message in _MESSAGE_LIST}


# --------------------------------------------------------------------------------------------
# Matching the table against the reference, collecting descriptions
# --------------------------------------------------------------------------------------------


@dataclass
class Descriptions:
    """Everything the reference says, keyed to the table's messages, fields and enums."""

    fields: dict[tuple[str, str], list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    """(message, field) -> [(where it was printed, paragraphs)], in print order."""
    first_reference: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Message or enum name -> description of the first field printed with that type."""
    enum_values: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Full enum value name -> (where, meaning), from the "- VALUE: meaning" bullets."""

    def field_description(self, message: str, field_name: str) -> str:
        printed = self.fields.get((message, field_name))
        if printed:
            return "\n\n".join(printed[0][1])
        return SUPPLIED_FIELD_DESCRIPTIONS[(message, field_name)]


def _check_entry(entry: Entry, expected: Field, message: Message, where: str) -> None:
    if entry.name != expected.name:
        raise SpecMismatchError(
            f"{where}: the table expects field {expected.name!r} of {message.name} here, "
            f"the reference prints {entry.name!r} (line {entry.line})"
        )
    if entry.type != expected.type:
        raise SpecMismatchError(
            f"{where}: the reference prints type {entry.type!r} (line {entry.line}), the table says {expected.type!r}"
        )
    if entry.required != expected.required:
        marked = "marks" if entry.required else "does not mark"
        raise SpecMismatchError(f"{where}: the reference {marked} it required (line {entry.line}), the table disagrees")
    if entry.oneof != message.oneof:
        raise SpecMismatchError(f"{where}: oneof membership differs between the reference and the table")
    if not entry.description:
        raise SpecMismatchError(f"{where}: the reference prints no description (line {entry.line})")


def _collect_enum(entry: Entry, enum: Enum, where: str, found: Descriptions) -> None:
    if entry.enum_values != enum.full_values:
        raise SpecMismatchError(
            f"{where}: the reference lists {list(entry.enum_values)} (line {entry.line}), "
            f"the table says {list(enum.full_values)}"
        )
    prefix = enum_prefix(enum.name)
    for paragraph in entry.description:
        for line in paragraph.splitlines():
            bullet = re.fullmatch(r"- (?P<value>[A-Z][A-Z0-9_]*): (?P<meaning>.+)", line)
            if bullet is None:
                continue
            value = prefix + bullet["value"]
            if value not in enum.full_values:
                raise SpecMismatchError(f"{where}: bullet names unknown value {bullet['value']!r} of {enum.name}")
            known = found.enum_values.setdefault(value, (where, bullet["meaning"]))
            if known[1] != bullet["meaning"]:
                raise SpecMismatchError(f"{where}: the meaning of {value} differs from the one at {known[0]}")


def _match(entries: Sequence[Entry], position: int, message: Message, where: str, found: Descriptions) -> int:
    """Match `message`'s fields against entries[position:], recursing into expanded children.

    Returns the position after the last entry consumed.
    """
    for expected in message.fields:
        here = f"{where}.{expected.name}"
        if position >= len(entries):
            raise SpecMismatchError(f"{here}: the table has this field of {message.name}, the reference does not")
        entry = entries[position]
        position += 1
        _check_entry(entry, expected, message, here)
        found.fields.setdefault((message.name, expected.name), []).append((here, entry.description))
        target = element_type(expected.type)
        if target in MESSAGES or target in ENUMS:
            found.first_reference.setdefault(target, entry.description)
        if target in ENUMS:
            _collect_enum(entry, ENUMS[target], here, found)
        elif entry.enum_values:
            raise SpecMismatchError(f"{here}: the reference lists enum values for a non-enum (line {entry.line})")
        if entry.expanded:
            if target not in MESSAGES:
                raise SpecMismatchError(f"{here}: the reference expands children of non-message {target!r}")
            position = _match(entries, position, MESSAGES[target], here, found)
    return position


def match_reference(reference: Reference) -> Descriptions:
    """Check the reference against the table and collect every description it prints."""
    printed = [(doc.name, doc.streaming) for doc in reference.methods]
    expected = [(method.name, method.streaming) for method in METHODS]
    if printed != expected:
        raise SpecMismatchError(f"the reference's methods {printed} differ from the table's {expected}")
    found = Descriptions()
    for method, doc in zip(METHODS, reference.methods, strict=True):
        for message_name, entries, part in (
            (method.request, doc.params, "parameters"),
            (method.response, doc.returns, "returns"),
        ):
            end = _match(entries, 0, MESSAGES[message_name], f"{method.name} {part}", found)
            if end != len(entries):
                extra = entries[end]
                raise SpecMismatchError(
                    f"{method.name} {part}: the reference prints {extra.name!r} (line {extra.line}) "
                    f"where the table's {message_name} has ended"
                )
    _check_descriptions(found)
    return found


def _check_descriptions(found: Descriptions) -> None:
    for key, printed in found.fields.items():
        variants = {texts for _, texts in printed}
        if len(variants) > 1 and key not in ACCEPTED_DESCRIPTION_VARIANTS:
            places = ", ".join(where for where, _ in printed)
            raise SpecMismatchError(f"{key[0]}.{key[1]} is described differently at: {places}")
    for message in MESSAGES.values():
        for expected in message.fields:
            key = (message.name, expected.name)
            if key in found.fields and key in SUPPLIED_FIELD_DESCRIPTIONS:
                raise SpecMismatchError(f"{message.name}.{expected.name}: supplied description shadows the reference")
            if key not in found.fields and key not in SUPPLIED_FIELD_DESCRIPTIONS:
                raise SpecMismatchError(f"{message.name}.{expected.name}: no description in the reference or table")


def check_table() -> None:
    """Internal consistency of the hand-written table, independent of the reference."""
    for message in MESSAGES.values():
        for expected in message.fields:
            target = element_type(expected.type)
            if target not in SCALAR_SCHEMAS and target not in MESSAGES and target not in ENUMS:
                raise SpecMismatchError(f"{message.name}.{expected.name}: unknown type {expected.type!r}")
            if expected.type == MAP_TYPE + ARRAY_SUFFIX:
                raise SpecMismatchError(f"{message.name}.{expected.name}: a map cannot be repeated")
        names = {expected.name for expected in message.fields}
        for index, example in enumerate(message.examples):
            unknown = set(example) - names
            if unknown:
                raise SpecMismatchError(f"{message.name} example {index}: unknown fields {sorted(unknown)}")
    for enum in ENUMS.values():
        if enum.values[0] != "UNSPECIFIED":
            raise SpecMismatchError(f"{enum.name}: the first value must be UNSPECIFIED")


# --------------------------------------------------------------------------------------------
# Writing the OpenAPI document
# --------------------------------------------------------------------------------------------

# The key order libopenapi (which protoc-gen-connect-openapi renders with) gives schema objects.
# `examples` goes last: the generator writes none, and the properties read better first.
_SCHEMA_KEY_ORDER: Final = (
    "type",
    "oneOf",
    "unevaluatedProperties",
    "items",
    "properties",
    "title",
    "format",
    "minLength",
    "minimum",
    "maximum",
    "required",
    "enum",
    "additionalProperties",
    "description",
    "const",
    "not",
    "$ref",
    "examples",
)

_CONNECT_CODES: Final = (
    "canceled",
    "unknown",
    "invalid_argument",
    "deadline_exceeded",
    "not_found",
    "already_exists",
    "permission_denied",
    "resource_exhausted",
    "failed_precondition",
    "aborted",
    "out_of_range",
    "unimplemented",
    "internal",
    "unavailable",
    "data_loss",
    "unauthenticated",
)
_UNARY_MEDIA_TYPES: Final = ("application/json",)
_STREAM_MEDIA_TYPES: Final = ("application/connect+json", "application/connect+proto")


def _ordered(schema: Mapping[str, Any]) -> Schema:
    unknown = set(schema) - set(_SCHEMA_KEY_ORDER)
    if unknown:
        raise AssertionError(f"no place in the key order for {sorted(unknown)}")
    return {key: schema[key] for key in _SCHEMA_KEY_ORDER if key in schema}


def _ref(name: str) -> str:
    return f"{SCHEMA_REF}{PACKAGE}.{name}"


def type_schema(type_string: str) -> Schema:
    """The schema of a value of `type_string` (reference notation), without title or description."""
    if type_string.endswith(ARRAY_SUFFIX):
        return {"type": "array", "items": type_schema(element_type(type_string))}
    if type_string in SCALAR_SCHEMAS:
        return copy.deepcopy(dict(SCALAR_SCHEMAS[type_string]))
    if type_string in MESSAGES or type_string in ENUMS:
        return {"$ref": _ref(type_string)}
    raise SpecMismatchError(f"unknown type {type_string!r}")


def field_schema(expected: Field, description: str, *, closed_required: bool = False) -> Schema:
    """A property's schema. `closed_required`: a required field of a request-like message (not a oneof
    member), whose schema also says what the API rejects as missing: `""` for a string (the server
    reads an empty string as unset, so `minLength: 1`) and the UNSPECIFIED value of an enum (`not`).
    protoc-gen-connect-openapi does not write these keywords; they were added so API fuzzers
    (schemathesis) generate only requests the API accepts. The converter ignores both keywords.
    """
    schema = type_schema(expected.type)
    if closed_required and schema.get("type") == "string" and "format" not in schema:
        schema["minLength"] = 1
    if closed_required and expected.type in ENUMS:
        schema["not"] = {"const": f"{enum_prefix(expected.type)}UNSPECIFIED"}
    schema["title"] = snake_case(expected.name)
    schema["description"] = description
    return _ordered(schema)


def _resolve_example(value: Any) -> Any:
    if isinstance(value, Use):
        return _resolve_example(MESSAGES[value.message].examples[value.index])
    if isinstance(value, Mapping):
        return {key: _resolve_example(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolve_example(item) for item in value]
    return value


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(?=\s|$)", text)
    if match is None:
        raise SpecMismatchError(f"cannot find the first sentence of {text!r}")
    return match[1]


def _message_description(message: Message, methods: Mapping[str, tuple[Method, MethodDoc]], found: Descriptions) -> str:
    if message.name in methods:
        method, doc = methods[message.name]
        if message.name == method.request:
            return f"Request message for CIService.{method.name}: {first_sentence(doc.description[0])}"
        description = f"Response message for CIService.{method.name}."
        if method.streaming:
            description += " The server sends one of these per message on the response stream."
        return description
    if message.description is not None:
        return message.description
    return "\n\n".join(found.first_reference[message.name])


def message_schema(message: Message, description: str, found: Descriptions) -> Schema:
    properties = {
        expected.name: field_schema(
            expected,
            found.field_description(message.name, expected.name),
            closed_required=expected.required and not message.oneof,
        )
        for expected in message.fields
    }
    schema: Schema = {"type": "object", "title": message.name, "description": description}
    if message.oneof:
        # protoc-gen-connect-openapi writes one alternative per oneof member, sorted by name.
        # `additionalProperties` cannot see into `oneOf`, so `unevaluatedProperties` closes it.
        schema["oneOf"] = [
            _ordered({"type": "object", "title": name, "properties": {name: properties[name]}, "required": [name]})
            for name in sorted(properties)
        ]
        schema["unevaluatedProperties"] = False
    else:
        schema["properties"] = properties
        required = [expected.name for expected in message.fields if expected.required]
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
    schema["examples"] = [_resolve_example(example) for example in message.examples]
    return _ordered(schema)


def _map_entry_schemas() -> Iterator[tuple[str, Schema]]:
    """The `<Field>Entry` message protoc generates for each map field, as the generator emits it."""
    for message in MESSAGES.values():
        for expected in message.fields:
            if expected.type == MAP_TYPE:
                entry = expected.name[0].upper() + expected.name[1:] + "Entry"
                value = SCALAR_SCHEMAS[MAP_TYPE]["additionalProperties"]
                yield (
                    f"{PACKAGE}.{message.name}.{entry}",
                    {
                        "type": "object",
                        "properties": {
                            "key": {"type": "string", "title": "key"},
                            "value": dict(value),
                        },
                        "title": entry,
                        "additionalProperties": False,
                    },
                )


def enum_schema(enum: Enum, found: Descriptions) -> Schema:
    meanings = [
        f"- `{value}`: {found.enum_values[value][1]}" for value in enum.full_values if value in found.enum_values
    ]
    description = enum.summary + ("\n\n" + "\n".join(meanings) if meanings else "")
    return {"type": "string", "title": enum.name, "enum": list(enum.full_values), "description": description}


def _markdown_cell(text: str) -> str:
    return text.replace("|", "\\|")


def connect_error_schema(reference: Reference) -> Schema:
    rows = [
        "| Code | gRPC code | HTTP status | Meaning | Typical causes |",
        "| --- | --- | --- | --- | --- |",
        *(
            f"| `{error.code}` | {error.grpc_code} | {error.http_status} | "
            f"{_markdown_cell(error.meaning)} | {_markdown_cell(error.causes)} |"
            for error in reference.errors
        ),
    ]
    description = "\n\n".join(
        [
            "Error type returned by Connect: https://connectrpc.com/docs/go/errors/#http-representation",
            reference.errors_introduction,
            "\n".join(rows),
        ]
    )
    return {
        "type": "object",
        "properties": {
            "code": {
                "type": "string",
                "examples": ["not_found"],
                "enum": list(_CONNECT_CODES),
                "description": "The status code, which should be an enum value of [google.rpc.Code][google.rpc.Code].",
            },
            "message": {
                "type": "string",
                "description": (
                    "A developer-facing error message, which should be in English. Any user-facing error message "
                    "should be localized and sent in the [google.rpc.Status.details][google.rpc.Status.details] "
                    "field, or localized by the client."
                ),
            },
            "details": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "type": {"type": "string"},
                        "value": {"type": "string", "format": "binary"},
                        "debug": {"type": "object"},
                    },
                    "additionalProperties": True,
                },
                "description": (
                    "A list of messages that carry the error details. There is no limit on the number of messages."
                ),
            },
        },
        "title": "Connect Error",
        "additionalProperties": True,
        "description": description,
    }


def _helper_schemas(reference: Reference) -> dict[str, Schema]:
    return {
        "connect-protocol-version": {
            "type": "number",
            "title": "Connect-Protocol-Version",
            "enum": [1],
            "description": "Define the version of the Connect protocol",
            "const": 1,
        },
        # protoc-gen-connect-openapi types the header as any number; Connect allows 1 to 10 ASCII
        # digits (an integer from 0 to 10**10 - 1), so say so: fuzzers then send what servers accept.
        "connect-timeout-header": {
            "type": "integer",
            "title": "Connect-Timeout-Ms",
            "minimum": 0,
            "maximum": 9_999_999_999,
            "description": "Define the timeout, in ms",
        },
        "connect.error": connect_error_schema(reference),
    }


def _content(schema_name: str, media_types: Sequence[str]) -> dict[str, Any]:
    return {media_type: {"schema": {"$ref": _ref(schema_name)}} for media_type in media_types}


def operation(method: Method, doc: MethodDoc) -> dict[str, Any]:
    media_types = _STREAM_MEDIA_TYPES if method.streaming else _UNARY_MEDIA_TYPES
    return {
        "tags": [SERVICE],
        "summary": method.name,
        "description": "\n\n".join(doc.description),
        "operationId": f"{SERVICE}.{method.name}",
        "parameters": [
            {
                "name": "Connect-Protocol-Version",
                "in": "header",
                "required": True,
                "schema": {"$ref": f"{SCHEMA_REF}connect-protocol-version"},
            },
            {
                "name": "Connect-Timeout-Ms",
                "in": "header",
                "schema": {"$ref": f"{SCHEMA_REF}connect-timeout-header"},
            },
        ],
        "requestBody": {"content": _content(method.request, media_types), "required": True},
        "responses": {
            "200": {"description": "Success", "content": _content(method.response, media_types)},
            "default": {
                "description": "Error",
                "content": {"application/json": {"schema": {"$ref": f"{SCHEMA_REF}connect.error"}}},
            },
        },
        "security": [{SECURITY_SCHEME: []}],
    }


def type_names() -> list[str]:
    """Every message and enum name the reference may print as a type."""
    return [*MESSAGES, *ENUMS]


def build_document(reference_text: str) -> dict[str, Any]:
    """The OpenAPI document for `reference_text` (the contents of the committed reference copy)."""
    check_table()
    reference = parse_reference(reference_text, type_names())
    found = match_reference(reference)
    methods: dict[str, tuple[Method, MethodDoc]] = {}
    for method, doc in zip(METHODS, reference.methods, strict=True):
        methods[method.request] = methods[method.response] = (method, doc)

    schemas: dict[str, Schema] = _helper_schemas(reference)
    for message in MESSAGES.values():
        description = _message_description(message, methods, found)
        schemas[f"{PACKAGE}.{message.name}"] = message_schema(message, description, found)
    schemas.update(_map_entry_schemas())
    for enum in ENUMS.values():
        schemas[f"{PACKAGE}.{enum.name}"] = enum_schema(enum, found)

    return {
        "openapi": "3.1.0",
        "info": {
            "title": PACKAGE,
            "description": "\n\n".join(reference.introduction),
            "version": "v1",
        },
        "servers": [{"url": "https://api.depot.dev"}],
        "paths": {
            f"/{SERVICE}/{method.name}": {"post": operation(method, doc)}
            for method, doc in zip(METHODS, reference.methods, strict=True)
        },
        "components": {
            "schemas": dict(sorted(schemas.items())),
            "securitySchemes": {
                SECURITY_SCHEME: {
                    "type": "http",
                    "scheme": "bearer",
                    "description": (
                        "A Depot API token, sent as `Authorization: Bearer <token>`. Requests made with an "
                        "organization token must also send the `x-depot-org` header naming the organization; "
                        "without it the API answers `permission_denied`."
                    ),
                }
            },
        },
        "security": [{SECURITY_SCHEME: []}],
        "tags": [
            {
                "name": SERVICE,
                "description": (
                    "Depot CI: trigger and cancel runs, workflows, and jobs; inspect runs, workflows, jobs, and "
                    "attempts; and read their logs, metrics, artifacts, and failure diagnoses."
                ),
            }
        ],
    }


def render(document: Mapping[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def build(reference_path: Path = REFERENCE_PATH) -> str:
    """The exact text of spec/depot-ci.openapi.json, built from the reference at `reference_path`."""
    return render(build_document(reference_path.read_text(encoding="utf-8")))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Reconstruct the Depot CI OpenAPI artifact from the reference.")
    parser.add_argument("--output", type=Path, default=SPEC_PATH, help=f"where to write (default: {SPEC_PATH})")
    parser.add_argument("--force", action="store_true", help="replace an existing file that differs")
    args = parser.parse_args(argv)
    try:
        text = build()
    except (ReferenceFormatError, SpecMismatchError) as exc:
        print(f"build_spec: {exc}", file=sys.stderr)
        return 1
    target: Path = args.output
    if target.exists() and not args.force and target.read_text(encoding="utf-8") != text:
        print(
            f"build_spec: {target} differs from the reconstruction and may hold edits the reference does not "
            "have; nothing was written.\n"
            "  hint: write elsewhere with --output FILE and compare with `python -m codegen diff FILE "
            f"{target}`, or pass --force to replace it",
            file=sys.stderr,
        )
        return 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
