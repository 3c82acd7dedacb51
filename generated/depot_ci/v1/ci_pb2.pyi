from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union
from typing import Any as _Any

DESCRIPTOR: _descriptor.FileDescriptor

class CIMetricsAvailabilityCode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    """Availability code explaining why CPU and memory metrics are or are not present for a job
    attempt.

    - `CI_METRICS_AVAILABILITY_CODE_AVAILABLE`: Metrics samples were observed for the attempt.
    - `CI_METRICS_AVAILABILITY_CODE_NO_SANDBOX`: The attempt never ran on a sandbox, so no metrics
      could be collected.
    - `CI_METRICS_AVAILABILITY_CODE_NO_TIME_RANGE`: The attempt has no resolvable start and finish
      time, so no metric window could be queried.
    - `CI_METRICS_AVAILABILITY_CODE_NO_SAMPLES`: The attempt ran on a sandbox but no samples were
      recorded in its time range.
    """
    __slots__ = ()
    CI_METRICS_AVAILABILITY_CODE_UNSPECIFIED: _ClassVar[CIMetricsAvailabilityCode]
    CI_METRICS_AVAILABILITY_CODE_AVAILABLE: _ClassVar[CIMetricsAvailabilityCode]
    CI_METRICS_AVAILABILITY_CODE_NO_SANDBOX: _ClassVar[CIMetricsAvailabilityCode]
    CI_METRICS_AVAILABILITY_CODE_NO_TIME_RANGE: _ClassVar[CIMetricsAvailabilityCode]
    CI_METRICS_AVAILABILITY_CODE_NO_SAMPLES: _ClassVar[CIMetricsAvailabilityCode]

class DrillDownCommandKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    """Kind of drill-down command a failure diagnosis suggests.

    - `DRILL_DOWN_COMMAND_KIND_LOGS`: Equivalent to depot ci logs <attempt_id>.
    - `DRILL_DOWN_COMMAND_KIND_SUMMARY`: Equivalent to depot ci summary <attempt_id>.
    - `DRILL_DOWN_COMMAND_KIND_DIAGNOSE_WORKFLOW`: Equivalent to depot ci diagnose --workflow
      <workflow_id>.
    - `DRILL_DOWN_COMMAND_KIND_DIAGNOSE_JOB`: Equivalent to depot ci diagnose --job <job_id>.
    """
    __slots__ = ()
    DRILL_DOWN_COMMAND_KIND_UNSPECIFIED: _ClassVar[DrillDownCommandKind]
    DRILL_DOWN_COMMAND_KIND_LOGS: _ClassVar[DrillDownCommandKind]
    DRILL_DOWN_COMMAND_KIND_SUMMARY: _ClassVar[DrillDownCommandKind]
    DRILL_DOWN_COMMAND_KIND_DIAGNOSE_WORKFLOW: _ClassVar[DrillDownCommandKind]
    DRILL_DOWN_COMMAND_KIND_DIAGNOSE_JOB: _ClassVar[DrillDownCommandKind]

class FailureDiagnosisConclusion(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    """Conclusion of a job or attempt, as reported in a failure diagnosis.

    Unspecified until it concludes.
    """
    __slots__ = ()
    FAILURE_DIAGNOSIS_CONCLUSION_UNSPECIFIED: _ClassVar[FailureDiagnosisConclusion]
    FAILURE_DIAGNOSIS_CONCLUSION_SUCCESS: _ClassVar[FailureDiagnosisConclusion]
    FAILURE_DIAGNOSIS_CONCLUSION_FAILURE: _ClassVar[FailureDiagnosisConclusion]
    FAILURE_DIAGNOSIS_CONCLUSION_CANCELLED: _ClassVar[FailureDiagnosisConclusion]
    FAILURE_DIAGNOSIS_CONCLUSION_SKIPPED: _ClassVar[FailureDiagnosisConclusion]
    FAILURE_DIAGNOSIS_CONCLUSION_TIMED_OUT: _ClassVar[FailureDiagnosisConclusion]

class FailureDiagnosisEmptyReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    """Reason a failure diagnosis is empty. Set only when the diagnosis state is EMPTY."""
    __slots__ = ()
    FAILURE_DIAGNOSIS_EMPTY_REASON_UNSPECIFIED: _ClassVar[FailureDiagnosisEmptyReason]
    FAILURE_DIAGNOSIS_EMPTY_REASON_NO_FAILURE_EVIDENCE: _ClassVar[FailureDiagnosisEmptyReason]

class FailureDiagnosisResourceStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    """Current state of a run, workflow, job, or attempt, as reported in a failure diagnosis."""
    __slots__ = ()
    FAILURE_DIAGNOSIS_RESOURCE_STATUS_UNSPECIFIED: _ClassVar[FailureDiagnosisResourceStatus]
    FAILURE_DIAGNOSIS_RESOURCE_STATUS_QUEUED: _ClassVar[FailureDiagnosisResourceStatus]
    FAILURE_DIAGNOSIS_RESOURCE_STATUS_WAITING: _ClassVar[FailureDiagnosisResourceStatus]
    FAILURE_DIAGNOSIS_RESOURCE_STATUS_RUNNING: _ClassVar[FailureDiagnosisResourceStatus]
    FAILURE_DIAGNOSIS_RESOURCE_STATUS_FINISHED: _ClassVar[FailureDiagnosisResourceStatus]
    FAILURE_DIAGNOSIS_RESOURCE_STATUS_FAILED: _ClassVar[FailureDiagnosisResourceStatus]
    FAILURE_DIAGNOSIS_RESOURCE_STATUS_CANCELLED: _ClassVar[FailureDiagnosisResourceStatus]
    FAILURE_DIAGNOSIS_RESOURCE_STATUS_SKIPPED: _ClassVar[FailureDiagnosisResourceStatus]

class FailureDiagnosisState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    """Overall state of a failure diagnosis.

    - `FAILURE_DIAGNOSIS_STATE_EMPTY`: No failure evidence found. `failure_groups` and
      `representative_attempts` are empty.
    - `FAILURE_DIAGNOSIS_STATE_GROUPED_FAILURES`: Failures grouped by fingerprint into
      `failure_groups`. Returned for run and workflow targets.
    - `FAILURE_DIAGNOSIS_STATE_FOCUSED_FAILURE`: Diagnosis focuses on a single job or attempt.
      Returned for job and attempt targets.
    - `FAILURE_DIAGNOSIS_STATE_OVER_LIMIT`: Too many failed candidates to diagnose individually.
      `over_limit_breakdown` lists per-workflow and per-job counts instead.
    """
    __slots__ = ()
    FAILURE_DIAGNOSIS_STATE_UNSPECIFIED: _ClassVar[FailureDiagnosisState]
    FAILURE_DIAGNOSIS_STATE_EMPTY: _ClassVar[FailureDiagnosisState]
    FAILURE_DIAGNOSIS_STATE_GROUPED_FAILURES: _ClassVar[FailureDiagnosisState]
    FAILURE_DIAGNOSIS_STATE_FOCUSED_FAILURE: _ClassVar[FailureDiagnosisState]
    FAILURE_DIAGNOSIS_STATE_OVER_LIMIT: _ClassVar[FailureDiagnosisState]

class FailureDiagnosisTargetType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    """Type of CI resource a failure diagnosis or one of its rows refers to: run, workflow, job, or
    attempt.
    """
    __slots__ = ()
    FAILURE_DIAGNOSIS_TARGET_TYPE_UNSPECIFIED: _ClassVar[FailureDiagnosisTargetType]
    FAILURE_DIAGNOSIS_TARGET_TYPE_RUN: _ClassVar[FailureDiagnosisTargetType]
    FAILURE_DIAGNOSIS_TARGET_TYPE_WORKFLOW: _ClassVar[FailureDiagnosisTargetType]
    FAILURE_DIAGNOSIS_TARGET_TYPE_JOB: _ClassVar[FailureDiagnosisTargetType]
    FAILURE_DIAGNOSIS_TARGET_TYPE_ATTEMPT: _ClassVar[FailureDiagnosisTargetType]

class JobAttemptLogExportFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    """Byte format of a job attempt log export: plain text or JSON Lines.

    Unspecified selects text.
    """
    __slots__ = ()
    JOB_ATTEMPT_LOG_EXPORT_FORMAT_UNSPECIFIED: _ClassVar[JobAttemptLogExportFormat]
    JOB_ATTEMPT_LOG_EXPORT_FORMAT_TEXT: _ClassVar[JobAttemptLogExportFormat]
    JOB_ATTEMPT_LOG_EXPORT_FORMAT_JSONL: _ClassVar[JobAttemptLogExportFormat]
CI_METRICS_AVAILABILITY_CODE_UNSPECIFIED: CIMetricsAvailabilityCode
CI_METRICS_AVAILABILITY_CODE_AVAILABLE: CIMetricsAvailabilityCode
CI_METRICS_AVAILABILITY_CODE_NO_SANDBOX: CIMetricsAvailabilityCode
CI_METRICS_AVAILABILITY_CODE_NO_TIME_RANGE: CIMetricsAvailabilityCode
CI_METRICS_AVAILABILITY_CODE_NO_SAMPLES: CIMetricsAvailabilityCode
DRILL_DOWN_COMMAND_KIND_UNSPECIFIED: DrillDownCommandKind
DRILL_DOWN_COMMAND_KIND_LOGS: DrillDownCommandKind
DRILL_DOWN_COMMAND_KIND_SUMMARY: DrillDownCommandKind
DRILL_DOWN_COMMAND_KIND_DIAGNOSE_WORKFLOW: DrillDownCommandKind
DRILL_DOWN_COMMAND_KIND_DIAGNOSE_JOB: DrillDownCommandKind
FAILURE_DIAGNOSIS_CONCLUSION_UNSPECIFIED: FailureDiagnosisConclusion
FAILURE_DIAGNOSIS_CONCLUSION_SUCCESS: FailureDiagnosisConclusion
FAILURE_DIAGNOSIS_CONCLUSION_FAILURE: FailureDiagnosisConclusion
FAILURE_DIAGNOSIS_CONCLUSION_CANCELLED: FailureDiagnosisConclusion
FAILURE_DIAGNOSIS_CONCLUSION_SKIPPED: FailureDiagnosisConclusion
FAILURE_DIAGNOSIS_CONCLUSION_TIMED_OUT: FailureDiagnosisConclusion
FAILURE_DIAGNOSIS_EMPTY_REASON_UNSPECIFIED: FailureDiagnosisEmptyReason
FAILURE_DIAGNOSIS_EMPTY_REASON_NO_FAILURE_EVIDENCE: FailureDiagnosisEmptyReason
FAILURE_DIAGNOSIS_RESOURCE_STATUS_UNSPECIFIED: FailureDiagnosisResourceStatus
FAILURE_DIAGNOSIS_RESOURCE_STATUS_QUEUED: FailureDiagnosisResourceStatus
FAILURE_DIAGNOSIS_RESOURCE_STATUS_WAITING: FailureDiagnosisResourceStatus
FAILURE_DIAGNOSIS_RESOURCE_STATUS_RUNNING: FailureDiagnosisResourceStatus
FAILURE_DIAGNOSIS_RESOURCE_STATUS_FINISHED: FailureDiagnosisResourceStatus
FAILURE_DIAGNOSIS_RESOURCE_STATUS_FAILED: FailureDiagnosisResourceStatus
FAILURE_DIAGNOSIS_RESOURCE_STATUS_CANCELLED: FailureDiagnosisResourceStatus
FAILURE_DIAGNOSIS_RESOURCE_STATUS_SKIPPED: FailureDiagnosisResourceStatus
FAILURE_DIAGNOSIS_STATE_UNSPECIFIED: FailureDiagnosisState
FAILURE_DIAGNOSIS_STATE_EMPTY: FailureDiagnosisState
FAILURE_DIAGNOSIS_STATE_GROUPED_FAILURES: FailureDiagnosisState
FAILURE_DIAGNOSIS_STATE_FOCUSED_FAILURE: FailureDiagnosisState
FAILURE_DIAGNOSIS_STATE_OVER_LIMIT: FailureDiagnosisState
FAILURE_DIAGNOSIS_TARGET_TYPE_UNSPECIFIED: FailureDiagnosisTargetType
FAILURE_DIAGNOSIS_TARGET_TYPE_RUN: FailureDiagnosisTargetType
FAILURE_DIAGNOSIS_TARGET_TYPE_WORKFLOW: FailureDiagnosisTargetType
FAILURE_DIAGNOSIS_TARGET_TYPE_JOB: FailureDiagnosisTargetType
FAILURE_DIAGNOSIS_TARGET_TYPE_ATTEMPT: FailureDiagnosisTargetType
JOB_ATTEMPT_LOG_EXPORT_FORMAT_UNSPECIFIED: JobAttemptLogExportFormat
JOB_ATTEMPT_LOG_EXPORT_FORMAT_TEXT: JobAttemptLogExportFormat
JOB_ATTEMPT_LOG_EXPORT_FORMAT_JSONL: JobAttemptLogExportFormat

class Artifact(_message.Message):
    """Metadata for one CI artifact produced by a job attempt."""
    __slots__ = ("artifact_id", "run_id", "workflow_id", "workflow_path", "job_id", "job_key", "attempt_id", "attempt", "name", "size_bytes", "created_at")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_PATH_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_KEY_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    """Unique identifier for the artifact.

    Pass it to `get_artifact_download_url` to download the artifact.
    """
    run_id: str
    """Unique identifier for the parent CI run."""
    workflow_id: str
    """Unique identifier for the parent workflow."""
    workflow_path: str
    """Parent workflow file path.

    For example, ".depot/workflows/ci.yml". Empty when the workflow YAML was passed via
    `workflow_content` in the `run` request.
    """
    job_id: str
    """Unique identifier for the parent job."""
    job_key: str
    """Parent job key from the workflow. For example, "build" or "test"."""
    attempt_id: str
    """Unique identifier for the job attempt that produced the artifact."""
    attempt: int
    """Attempt number that produced the artifact, starting at 1."""
    name: str
    """Artifact name as authored by the workflow."""
    size_bytes: int
    """Artifact size in bytes."""
    created_at: str
    """Artifact creation time, in RFC 3339 format."""
    def __init__(self, artifact_id: _Optional[str] = ..., run_id: _Optional[str] = ..., workflow_id: _Optional[str] = ..., workflow_path: _Optional[str] = ..., job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., name: _Optional[str] = ..., size_bytes: _Optional[int] = ..., created_at: _Optional[str] = ...) -> None: ...

class AttemptStatus(_message.Message):
    """One attempt of a job, the original or a retry: the attempt's identifier, number, current
    status, and sandbox/session IDs (when active).
    """
    __slots__ = ("attempt_id", "attempt", "status", "sandbox_id", "session_id")
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SANDBOX_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    """Unique identifier for the job attempt."""
    attempt: int
    """Attempt number, starting at 1 for the first run."""
    status: str
    """Current state of the attempt.

    Can be "queued", "waiting", "running", "finished", "failed", or "cancelled".
    """
    sandbox_id: str
    """Unique identifier for the sandbox currently running this attempt, when one exists."""
    session_id: str
    """Unique identifier for the interactive session attached to that sandbox, when one is
    available.
    """
    def __init__(self, attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., status: _Optional[str] = ..., sandbox_id: _Optional[str] = ..., session_id: _Optional[str] = ...) -> None: ...

class CIMetricSample(_message.Message):
    """One CPU and memory sample of a job attempt, possibly downsampled."""
    __slots__ = ("timestamp", "cpu_utilization", "memory_utilization", "memory_usage_bytes")
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    CPU_UTILIZATION_FIELD_NUMBER: _ClassVar[int]
    MEMORY_UTILIZATION_FIELD_NUMBER: _ClassVar[int]
    MEMORY_USAGE_BYTES_FIELD_NUMBER: _ClassVar[int]
    timestamp: str
    """Sample timestamp, in RFC 3339 format."""
    cpu_utilization: float
    """CPU utilization as a fraction from 0 to 1.

    Unset when no CPU sample was recorded at this timestamp.
    """
    memory_utilization: float
    """Memory utilization as a fraction from 0 to 1.

    Unset when no memory sample was recorded at this timestamp.
    """
    memory_usage_bytes: int
    """Memory usage in bytes. Unset when no memory sample was recorded at this timestamp."""
    def __init__(self, timestamp: _Optional[str] = ..., cpu_utilization: _Optional[float] = ..., memory_utilization: _Optional[float] = ..., memory_usage_bytes: _Optional[int] = ...) -> None: ...

class CIMetricsAttemptContext(_message.Message):
    """Attempt context: identifiers, status, conclusion, and lifecycle timestamps."""
    __slots__ = ("attempt_id", "attempt", "status", "conclusion", "sandbox_id", "session_id", "created_at", "started_at", "finished_at")
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CONCLUSION_FIELD_NUMBER: _ClassVar[int]
    SANDBOX_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    """Unique identifier for the job attempt."""
    attempt: int
    """Attempt number, starting at 1 for the first run."""
    status: str
    """Current state of the attempt.

    Can be "queued", "waiting", "running", "finished", "failed", or "cancelled".
    """
    conclusion: str
    """Conclusion of the attempt.

    Can be "success", "failure", "cancelled", "skipped", or "timed_out". Empty until the attempt
    concludes.
    """
    sandbox_id: str
    """Unique identifier for the sandbox that ran this attempt, when one exists."""
    session_id: str
    """Unique identifier for the interactive session attached to that sandbox, when one is
    available.
    """
    created_at: str
    """Attempt creation time, in RFC 3339 format."""
    started_at: str
    """Attempt start time, in RFC 3339 format. Empty until the attempt starts."""
    finished_at: str
    """Attempt finish time, in RFC 3339 format. Empty until the attempt finishes."""
    def __init__(self, attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., status: _Optional[str] = ..., conclusion: _Optional[str] = ..., sandbox_id: _Optional[str] = ..., session_id: _Optional[str] = ..., created_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class CIMetricsAttemptMetrics(_message.Message):
    """Attempt-level metrics: attempt context, availability, summary stats, downsampling metadata,
    and raw samples.
    """
    __slots__ = ("attempt", "availability", "stats", "cap", "samples")
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    AVAILABILITY_FIELD_NUMBER: _ClassVar[int]
    STATS_FIELD_NUMBER: _ClassVar[int]
    CAP_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    attempt: CIMetricsAttemptContext
    """Attempt context: identifiers, status, conclusion, and lifecycle timestamps."""
    availability: CIMetricsAvailability
    """Availability code and reason explaining why metrics are or are not present."""
    stats: CIMetricsStats
    """Aggregate CPU and memory statistics computed across the raw samples."""
    cap: CIMetricsCapMetadata
    """Downsampling metadata describing how raw samples were reduced for transport."""
    samples: _containers.RepeatedCompositeFieldContainer[CIMetricSample]
    """Time-ordered CPU and memory samples for the attempt, possibly downsampled."""
    def __init__(self, attempt: _Optional[_Union[CIMetricsAttemptContext, _Mapping[str, _Any]]] = ..., availability: _Optional[_Union[CIMetricsAvailability, _Mapping[str, _Any]]] = ..., stats: _Optional[_Union[CIMetricsStats, _Mapping[str, _Any]]] = ..., cap: _Optional[_Union[CIMetricsCapMetadata, _Mapping[str, _Any]]] = ..., samples: _Optional[_Iterable[_Union[CIMetricSample, _Mapping[str, _Any]]]] = ...) -> None: ...

class CIMetricsAttemptSummary(_message.Message):
    """Metric summary for one job attempt: attempt context, availability, summary stats, and
    downsampling metadata.
    """
    __slots__ = ("attempt", "availability", "stats", "cap")
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    AVAILABILITY_FIELD_NUMBER: _ClassVar[int]
    STATS_FIELD_NUMBER: _ClassVar[int]
    CAP_FIELD_NUMBER: _ClassVar[int]
    attempt: CIMetricsAttemptContext
    """Attempt context: identifiers, status, conclusion, and lifecycle timestamps."""
    availability: CIMetricsAvailability
    """Availability code and reason explaining why metrics are or are not present."""
    stats: CIMetricsStats
    """Aggregate CPU and memory statistics computed across the raw samples."""
    cap: CIMetricsCapMetadata
    """Downsampling metadata describing how raw samples were reduced for transport."""
    def __init__(self, attempt: _Optional[_Union[CIMetricsAttemptContext, _Mapping[str, _Any]]] = ..., availability: _Optional[_Union[CIMetricsAvailability, _Mapping[str, _Any]]] = ..., stats: _Optional[_Union[CIMetricsStats, _Mapping[str, _Any]]] = ..., cap: _Optional[_Union[CIMetricsCapMetadata, _Mapping[str, _Any]]] = ...) -> None: ...

class CIMetricsAvailability(_message.Message):
    """Availability code and reason explaining why metrics are or are not present."""
    __slots__ = ("code", "reason")
    CODE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    code: CIMetricsAvailabilityCode
    """Availability code.

    - AVAILABLE: Metrics samples were observed for the attempt.
    - NO_SANDBOX: The attempt never ran on a sandbox, so no metrics could be collected.
    - NO_TIME_RANGE: The attempt has no resolvable start and finish time, so no metric window could
      be queried.
    - NO_SAMPLES: The attempt ran on a sandbox but no samples were recorded in its time range.
    """
    reason: str
    """Short reason string matching the code, for example "available", "no_sandbox",
    "no_time_range", or "no_samples".
    """
    def __init__(self, code: _Optional[_Union[CIMetricsAvailabilityCode, str]] = ..., reason: _Optional[str] = ...) -> None: ...

class CIMetricsCapMetadata(_message.Message):
    """Downsampling metadata describing how raw samples were reduced for transport."""
    __slots__ = ("raw_sample_count", "returned_sample_count", "max_returned_sample_count", "downsampled", "downsample_strategy")
    RAW_SAMPLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    RETURNED_SAMPLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_RETURNED_SAMPLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    DOWNSAMPLED_FIELD_NUMBER: _ClassVar[int]
    DOWNSAMPLE_STRATEGY_FIELD_NUMBER: _ClassVar[int]
    raw_sample_count: int
    """Raw sample count observed before downsampling."""
    returned_sample_count: int
    """Number of samples returned in the response."""
    max_returned_sample_count: int
    """Hard cap on the number of samples a single response will return."""
    downsampled: bool
    """True when the raw samples were downsampled to fit `max_returned_sample_count`."""
    downsample_strategy: str
    """Identifier for the downsampling strategy used, for example "peak_preserving_even".

    Empty when no downsampling was applied.
    """
    def __init__(self, raw_sample_count: _Optional[int] = ..., returned_sample_count: _Optional[int] = ..., max_returned_sample_count: _Optional[int] = ..., downsampled: _Optional[bool] = ..., downsample_strategy: _Optional[str] = ...) -> None: ...

class CIMetricsJobContext(_message.Message):
    """Job context: identifiers, status, conclusion, and lifecycle timestamps."""
    __slots__ = ("job_id", "job_key", "status", "conclusion", "current_attempt", "created_at", "started_at", "finished_at")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_KEY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CONCLUSION_FIELD_NUMBER: _ClassVar[int]
    CURRENT_ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    """Unique identifier for the job."""
    job_key: str
    """Job key from the workflow. For example, "build" or "test"."""
    status: str
    """Current state of the job.

    Can be "queued", "waiting", "running", "finished", "failed", "cancelled", or "skipped".
    "waiting" means the job is blocked behind another run that holds the same concurrency: group
    slot.
    """
    conclusion: str
    """Conclusion of the job.

    Can be "success", "failure", "cancelled", "skipped", or "timed_out". Empty until the job
    concludes.
    """
    current_attempt: int
    """Most recent attempt number for this job. Zero until the first attempt is dispatched."""
    created_at: str
    """Job creation time, in RFC 3339 format."""
    started_at: str
    """Job start time, in RFC 3339 format. Empty until the job starts."""
    finished_at: str
    """Job finish time, in RFC 3339 format. Empty until the job finishes."""
    def __init__(self, job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., status: _Optional[str] = ..., conclusion: _Optional[str] = ..., current_attempt: _Optional[int] = ..., created_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class CIMetricsJobMetrics(_message.Message):
    """A job in a workflow and its per-attempt metric summaries."""
    __slots__ = ("job", "attempts")
    JOB_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    job: CIMetricsJobContext
    """Job context: identifiers, status, conclusion, and lifecycle timestamps."""
    attempts: _containers.RepeatedCompositeFieldContainer[CIMetricsAttemptSummary]
    """Per-attempt metric summaries for this job, ordered by attempt number ascending."""
    def __init__(self, job: _Optional[_Union[CIMetricsJobContext, _Mapping[str, _Any]]] = ..., attempts: _Optional[_Iterable[_Union[CIMetricsAttemptSummary, _Mapping[str, _Any]]]] = ...) -> None: ...

class CIMetricsRunContext(_message.Message):
    """`run` context: identifiers, trigger, status, and lifecycle timestamps."""
    __slots__ = ("run_id", "repo", "ref", "sha", "head_sha", "trigger", "status", "created_at", "started_at", "finished_at")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    REPO_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    HEAD_SHA_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    """Unique identifier for the CI run."""
    repo: str
    """GitHub repository in owner/name format. For example, "depot/cli"."""
    ref: str
    """Git ref the run was triggered against. Empty when the trigger carries no ref."""
    sha: str
    """Commit SHA the run executes against. Empty for open pull_request runs."""
    head_sha: str
    """Source commit SHA for pull_request and merge_group triggers.

    Empty for triggers that don't carry a head SHA.
    """
    trigger: str
    """Event that triggered the run, for example "push", "pull_request", "pull_request_target",
    "merge_group", "schedule", "workflow_run", or "workflow_dispatch".
    """
    status: str
    """Current state of the run, for example "queued", "running", "finished", "failed", or
    "cancelled".
    """
    created_at: str
    """`run` creation time, in RFC 3339 format."""
    started_at: str
    """`run` start time, in RFC 3339 format. Empty until the run starts."""
    finished_at: str
    """`run` finish time, in RFC 3339 format. Empty until the run finishes."""
    def __init__(self, run_id: _Optional[str] = ..., repo: _Optional[str] = ..., ref: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., trigger: _Optional[str] = ..., status: _Optional[str] = ..., created_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class CIMetricsStats(_message.Message):
    """Aggregate CPU and memory statistics computed across a job attempt's raw samples."""
    __slots__ = ("sample_count", "cpu_sample_count", "memory_sample_count", "peak_cpu_utilization", "average_cpu_utilization", "peak_memory_utilization", "average_memory_utilization", "observed_started_at", "observed_finished_at", "peak_memory_usage_bytes", "average_memory_usage_bytes")
    SAMPLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    CPU_SAMPLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    MEMORY_SAMPLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    PEAK_CPU_UTILIZATION_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_CPU_UTILIZATION_FIELD_NUMBER: _ClassVar[int]
    PEAK_MEMORY_UTILIZATION_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_MEMORY_UTILIZATION_FIELD_NUMBER: _ClassVar[int]
    OBSERVED_STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    OBSERVED_FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    PEAK_MEMORY_USAGE_BYTES_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_MEMORY_USAGE_BYTES_FIELD_NUMBER: _ClassVar[int]
    sample_count: int
    """Total number of merged samples observed for the attempt."""
    cpu_sample_count: int
    """Number of samples that included a CPU utilization value."""
    memory_sample_count: int
    """Number of samples that included a memory utilization value."""
    peak_cpu_utilization: float
    """Peak observed CPU utilization as a fraction from 0 to 1.

    Unset when no CPU samples were observed.
    """
    average_cpu_utilization: float
    """Average observed CPU utilization as a fraction from 0 to 1.

    Unset when no CPU samples were observed.
    """
    peak_memory_utilization: float
    """Peak observed memory utilization as a fraction from 0 to 1.

    Unset when no memory samples were observed.
    """
    average_memory_utilization: float
    """Average observed memory utilization as a fraction from 0 to 1.

    Unset when no memory samples were observed.
    """
    observed_started_at: str
    """Timestamp of the first observed sample, in RFC 3339 format.

    Empty when no samples were observed.
    """
    observed_finished_at: str
    """Timestamp of the last observed sample, in RFC 3339 format.

    Empty when no samples were observed.
    """
    peak_memory_usage_bytes: int
    """Peak observed memory usage in bytes. Unset when no memory samples were observed."""
    average_memory_usage_bytes: float
    """Average observed memory usage in bytes. Unset when no memory samples were observed."""
    def __init__(self, sample_count: _Optional[int] = ..., cpu_sample_count: _Optional[int] = ..., memory_sample_count: _Optional[int] = ..., peak_cpu_utilization: _Optional[float] = ..., average_cpu_utilization: _Optional[float] = ..., peak_memory_utilization: _Optional[float] = ..., average_memory_utilization: _Optional[float] = ..., observed_started_at: _Optional[str] = ..., observed_finished_at: _Optional[str] = ..., peak_memory_usage_bytes: _Optional[int] = ..., average_memory_usage_bytes: _Optional[float] = ...) -> None: ...

class CIMetricsWorkflowContext(_message.Message):
    """Workflow context: identifiers, status, and lifecycle timestamps."""
    __slots__ = ("workflow_id", "workflow_path", "name", "status", "created_at", "started_at", "finished_at")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_PATH_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    """Unique identifier for the workflow."""
    workflow_path: str
    """Workflow file path, for example ".depot/workflows/ci.yml".

    Empty when the workflow YAML was passed via `workflow_content` in the `run` request.
    """
    name: str
    """Workflow name from the YAML name: key.

    Falls back to the file path stem when the workflow doesn't set name:. Empty when neither is
    available.
    """
    status: str
    """Current state of the workflow, for example "queued", "running", "finished", "failed", or
    "cancelled".
    """
    created_at: str
    """Workflow creation time, in RFC 3339 format."""
    started_at: str
    """Workflow start time, in RFC 3339 format. Empty until the workflow starts."""
    finished_at: str
    """Workflow finish time, in RFC 3339 format. Empty until the workflow finishes."""
    def __init__(self, workflow_id: _Optional[str] = ..., workflow_path: _Optional[str] = ..., name: _Optional[str] = ..., status: _Optional[str] = ..., created_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class CIMetricsWorkflowMetrics(_message.Message):
    """Per-workflow rollup containing the workflow's jobs and their per-attempt metric summaries."""
    __slots__ = ("workflow", "jobs")
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    JOBS_FIELD_NUMBER: _ClassVar[int]
    workflow: CIMetricsWorkflowContext
    """Workflow context: identifiers, status, and lifecycle timestamps."""
    jobs: _containers.RepeatedCompositeFieldContainer[CIMetricsJobMetrics]
    """Jobs in the workflow and their per-attempt metric summaries."""
    def __init__(self, workflow: _Optional[_Union[CIMetricsWorkflowContext, _Mapping[str, _Any]]] = ..., jobs: _Optional[_Iterable[_Union[CIMetricsJobMetrics, _Mapping[str, _Any]]]] = ...) -> None: ...

class CancelJobRequest(_message.Message):
    """Request message for `cancel_job`: Cancels a queued, waiting, or running job and its active
    attempt.
    """
    __slots__ = ("workflow_id", "job_id")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    """Unique identifier for the workflow containing the job.

    Returned by `get_run_status` and `list_workflows`.
    """
    job_id: str
    """Unique identifier for the job to cancel.

    Returned by `get_run_status` and `get_workflow`.
    """
    def __init__(self, workflow_id: _Optional[str] = ..., job_id: _Optional[str] = ...) -> None: ...

class CancelJobResponse(_message.Message):
    """Response message for `cancel_job`."""
    __slots__ = ("job_id", "status")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    """Unique identifier for the job. Matches the request `job_id`."""
    status: str
    """Updated job status. Should be "cancelled"."""
    def __init__(self, job_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class CancelRunRequest(_message.Message):
    """Request message for `cancel_run`: Cancels a queued or running CI run and any of its
    unfinished workflows, jobs, and attempts.
    """
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    """Unique identifier for the CI run.

    Returned by `run`, `dispatch_workflow`, and `list_runs`.
    """
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class CancelRunResponse(_message.Message):
    """Response message for `cancel_run`."""
    __slots__ = ("run_id", "status")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    """Unique identifier for the CI run. Matches the request `run_id`."""
    status: str
    """Updated run status. Should be "cancelled"."""
    def __init__(self, run_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class CancelWorkflowRequest(_message.Message):
    """Request message for `cancel_workflow`: Cancels a queued or running workflow and all its child
    jobs.
    """
    __slots__ = ("workflow_id",)
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    """Unique identifier for the workflow to cancel.

    Returned by `get_run_status` and `list_workflows`.
    """
    def __init__(self, workflow_id: _Optional[str] = ...) -> None: ...

class CancelWorkflowResponse(_message.Message):
    """Response message for `cancel_workflow`."""
    __slots__ = ("workflow_id", "status")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    """Unique identifier for the workflow. Matches the request `workflow_id`."""
    status: str
    """Updated workflow status. Should be "cancelled"."""
    def __init__(self, workflow_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class DispatchWorkflowRequest(_message.Message):
    """Request message for `dispatch_workflow`: Triggers a single workflow configured with an
    on.workflow_dispatch trigger and validates inputs against its input schema.
    """
    __slots__ = ("repo", "workflow", "ref", "inputs")
    class InputsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    REPO_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    INPUTS_FIELD_NUMBER: _ClassVar[int]
    repo: str
    """GitHub repository to run workflows from, in owner/name format.

    For example, "depot/cli". Must be connected to your Depot organization through the Depot GitHub
    app.
    """
    workflow: str
    """Path of the workflow file to run, relative to the repo root.

    For example, ".depot/workflows/deploy.yml". The workflow must be configured with an
    on.workflow_dispatch trigger. Required.
    """
    ref: str
    """Branch or tag to run the workflow on.

    An unqualified name like "main" is treated as a branch. To use a tag, pass the fully-qualified
    ref "refs/tags/v1.0". Leave empty to use the repository's default branch. Default: HEAD of the
    default branch.
    """
    inputs: _containers.ScalarMap[str, str]
    """Inputs to pass to the workflow, as key-value pairs.

    All values are strings. The server validates each value against the workflow's workflow_dispatch
    input schema. Boolean inputs must be the string "true" or "false", number inputs must be
    numeric, and choice inputs must match one of the defined options. Unknown inputs are rejected. A
    required input must be supplied only if it has no default; one that has a default may be
    omitted.
    """
    def __init__(self, repo: _Optional[str] = ..., workflow: _Optional[str] = ..., ref: _Optional[str] = ..., inputs: _Optional[_Mapping[str, str]] = ...) -> None: ...

class DispatchWorkflowResponse(_message.Message):
    """Response message for `dispatch_workflow`."""
    __slots__ = ("org_id", "run_id")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    """Depot organization that owns this run."""
    run_id: str
    """Unique identifier for the created CI run.

    Use it for methods like `get_run`, `get_run_status`, `cancel_run`, and `list_artifacts` to
    track, cancel, or fetch results from the run.
    """
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ...) -> None: ...

class DrillDownCommand(_message.Message):
    """A suggested drill-down command. For example, "depot ci logs" or "depot ci summary"."""
    __slots__ = ("kind", "argv", "target_id", "label")
    KIND_FIELD_NUMBER: _ClassVar[int]
    ARGV_FIELD_NUMBER: _ClassVar[int]
    TARGET_ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    kind: DrillDownCommandKind
    """Kind of drill-down command.

    - LOGS: Equivalent to depot ci logs <attempt_id>.
    - SUMMARY: Equivalent to depot ci summary <attempt_id>.
    - DIAGNOSE_WORKFLOW: Equivalent to depot ci diagnose --workflow <workflow_id>.
    - DIAGNOSE_JOB: Equivalent to depot ci diagnose --job <job_id>.
    """
    argv: _containers.RepeatedScalarFieldContainer[str]
    """Suggested command and arguments. For example, ["depot", "ci", "logs", "<attempt_id>"]."""
    target_id: str
    """Unique identifier for the resource the command targets."""
    label: str
    """Human-readable label for the command. For example, "Logs" or "Diagnose workflow"."""
    def __init__(self, kind: _Optional[_Union[DrillDownCommandKind, str]] = ..., argv: _Optional[_Iterable[str]] = ..., target_id: _Optional[str] = ..., label: _Optional[str] = ...) -> None: ...

class ExportJobAttemptLogsRequest(_message.Message):
    """Request message for `export_job_attempt_logs`: Exports a finite snapshot of persisted log
    lines.
    """
    __slots__ = ("attempt_id", "job_id", "format")
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    """Unique identifier for the job attempt. Set exactly one of `attempt_id` or `job_id`."""
    job_id: str
    """Unique identifier for a CI job.

    Export resolves it to that job's latest attempt at stream start. Set exactly one of `attempt_id`
    or `job_id`.
    """
    format: JobAttemptLogExportFormat
    """Selects the export byte format. Default: text."""
    def __init__(self, attempt_id: _Optional[str] = ..., job_id: _Optional[str] = ..., format: _Optional[_Union[JobAttemptLogExportFormat, str]] = ...) -> None: ...

class ExportJobAttemptLogsResponse(_message.Message):
    """Response message for `export_job_attempt_logs`.

    The server sends one of these per message on the response stream.
    """
    __slots__ = ("metadata", "chunk")
    METADATA_FIELD_NUMBER: _ClassVar[int]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    metadata: JobAttemptLogExportMetadata
    """First response in every successful export stream.

    Describes the byte format and advisory filename for following chunks.
    """
    chunk: bytes
    """Export file bytes, at most 256 KiB per chunk.

    Append chunks in stream order to reconstruct the text or JSONL export. In JSON-encoded
    Connect/grpc-web protocols, bytes are represented using the protocol's base64 encoding.
    """
    def __init__(self, metadata: _Optional[_Union[JobAttemptLogExportMetadata, _Mapping[str, _Any]]] = ..., chunk: _Optional[bytes] = ...) -> None: ...

class FailureDiagnosisBounds(_message.Message):
    """Limits and counts that describe how a failure diagnosis was bounded or truncated."""
    __slots__ = ("failed_problem_candidate_count", "failed_problem_candidate_cap", "total_problem_job_count", "skipped_dependent_count", "total_failure_group_count", "omitted_failure_group_count", "failure_group_limit", "representatives_per_group_limit", "recent_attempt_limit", "total_attempt_count", "omitted_attempt_count", "relevant_line_limit", "error_line_body_char_limit", "error_message_char_limit", "context_label_char_limit", "over_limit_workflow_breakdown_limit", "over_limit_job_breakdown_limit", "omitted_workflow_breakdown_count", "omitted_job_breakdown_count", "truncated")
    FAILED_PROBLEM_CANDIDATE_COUNT_FIELD_NUMBER: _ClassVar[int]
    FAILED_PROBLEM_CANDIDATE_CAP_FIELD_NUMBER: _ClassVar[int]
    TOTAL_PROBLEM_JOB_COUNT_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_DEPENDENT_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FAILURE_GROUP_COUNT_FIELD_NUMBER: _ClassVar[int]
    OMITTED_FAILURE_GROUP_COUNT_FIELD_NUMBER: _ClassVar[int]
    FAILURE_GROUP_LIMIT_FIELD_NUMBER: _ClassVar[int]
    REPRESENTATIVES_PER_GROUP_LIMIT_FIELD_NUMBER: _ClassVar[int]
    RECENT_ATTEMPT_LIMIT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_ATTEMPT_COUNT_FIELD_NUMBER: _ClassVar[int]
    OMITTED_ATTEMPT_COUNT_FIELD_NUMBER: _ClassVar[int]
    RELEVANT_LINE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    ERROR_LINE_BODY_CHAR_LIMIT_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_CHAR_LIMIT_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_LABEL_CHAR_LIMIT_FIELD_NUMBER: _ClassVar[int]
    OVER_LIMIT_WORKFLOW_BREAKDOWN_LIMIT_FIELD_NUMBER: _ClassVar[int]
    OVER_LIMIT_JOB_BREAKDOWN_LIMIT_FIELD_NUMBER: _ClassVar[int]
    OMITTED_WORKFLOW_BREAKDOWN_COUNT_FIELD_NUMBER: _ClassVar[int]
    OMITTED_JOB_BREAKDOWN_COUNT_FIELD_NUMBER: _ClassVar[int]
    TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    failed_problem_candidate_count: int
    """Number of failed problem candidates, the failed and cancelled jobs the diagnosis examined."""
    failed_problem_candidate_cap: int
    """Maximum number of failed problem candidates the diagnosis examines.

    Above this limit the response switches to the over-limit breakdown.
    """
    total_problem_job_count: int
    """Total number of jobs identified as problem candidates."""
    skipped_dependent_count: int
    """Number of jobs skipped because a failed dependency prevented them from running."""
    total_failure_group_count: int
    """Total number of distinct failure groups identified, before any cap."""
    omitted_failure_group_count: int
    """Number of failure groups omitted because the response exceeded the group limit."""
    failure_group_limit: int
    """Maximum number of failure groups returned in a single response."""
    representatives_per_group_limit: int
    """Maximum number of representative attempts returned per failure group."""
    recent_attempt_limit: int
    """Maximum number of recent attempts considered for focused diagnoses."""
    total_attempt_count: int
    """Total number of attempts examined for the target. Populated for focused job diagnoses."""
    omitted_attempt_count: int
    """Number of attempts omitted because the response exceeded the recent attempt limit."""
    relevant_line_limit: int
    """Maximum number of relevant log lines returned per representative attempt."""
    error_line_body_char_limit: int
    """Character cap applied to each relevant log line body."""
    error_message_char_limit: int
    """Character cap applied to `error_message` values in the response."""
    context_label_char_limit: int
    """Character cap applied to context label strings such as repo, ref, and `workflow_name`."""
    over_limit_workflow_breakdown_limit: int
    """Maximum number of workflow breakdown rows returned in an over-limit response."""
    over_limit_job_breakdown_limit: int
    """Maximum number of job breakdown rows returned in an over-limit response."""
    omitted_workflow_breakdown_count: int
    """Number of workflow breakdown rows omitted because they exceeded the limit."""
    omitted_job_breakdown_count: int
    """Number of job breakdown rows omitted because they exceeded the limit."""
    truncated: bool
    """True when any part of the response was truncated to fit the limits above."""
    def __init__(self, failed_problem_candidate_count: _Optional[int] = ..., failed_problem_candidate_cap: _Optional[int] = ..., total_problem_job_count: _Optional[int] = ..., skipped_dependent_count: _Optional[int] = ..., total_failure_group_count: _Optional[int] = ..., omitted_failure_group_count: _Optional[int] = ..., failure_group_limit: _Optional[int] = ..., representatives_per_group_limit: _Optional[int] = ..., recent_attempt_limit: _Optional[int] = ..., total_attempt_count: _Optional[int] = ..., omitted_attempt_count: _Optional[int] = ..., relevant_line_limit: _Optional[int] = ..., error_line_body_char_limit: _Optional[int] = ..., error_message_char_limit: _Optional[int] = ..., context_label_char_limit: _Optional[int] = ..., over_limit_workflow_breakdown_limit: _Optional[int] = ..., over_limit_job_breakdown_limit: _Optional[int] = ..., omitted_workflow_breakdown_count: _Optional[int] = ..., omitted_job_breakdown_count: _Optional[int] = ..., truncated: _Optional[bool] = ...) -> None: ...

class FailureDiagnosisBreakdownRow(_message.Message):
    """Failure count for one workflow or job, in the breakdown returned when failed problem
    candidates exceed `bounds.failed_problem_candidate_cap`.
    """
    __slots__ = ("target_type", "target_id", "label", "status", "failed_problem_candidate_count", "next_commands")
    TARGET_TYPE_FIELD_NUMBER: _ClassVar[int]
    TARGET_ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FAILED_PROBLEM_CANDIDATE_COUNT_FIELD_NUMBER: _ClassVar[int]
    NEXT_COMMANDS_FIELD_NUMBER: _ClassVar[int]
    target_type: FailureDiagnosisTargetType
    """Resource type for `target_id`: workflow or job."""
    target_id: str
    """Unique identifier for the resource this row describes."""
    label: str
    """Human-readable label for the resource. For example, a workflow name or job key."""
    status: FailureDiagnosisResourceStatus
    """Current state of the resource."""
    failed_problem_candidate_count: int
    """Number of failed problem candidates attributed to this resource."""
    next_commands: _containers.RepeatedCompositeFieldContainer[DrillDownCommand]
    """Drill-down commands suggested for this resource."""
    def __init__(self, target_type: _Optional[_Union[FailureDiagnosisTargetType, str]] = ..., target_id: _Optional[str] = ..., label: _Optional[str] = ..., status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., failed_problem_candidate_count: _Optional[int] = ..., next_commands: _Optional[_Iterable[_Union[DrillDownCommand, _Mapping[str, _Any]]]] = ...) -> None: ...

class FailureDiagnosisCommandCapabilities(_message.Message):
    """Availability flags for the suggested drill-down commands.

    Clients should hide commands whose flag is false.
    """
    __slots__ = ("summary_command_available",)
    SUMMARY_COMMAND_AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    summary_command_available: bool
    """True when the summary drill-down command is available for this diagnosis."""
    def __init__(self, summary_command_available: _Optional[bool] = ...) -> None: ...

class FailureDiagnosisContext(_message.Message):
    """Resolved parent context for a failure diagnosis target, with identifiers, statuses, and
    conclusions.
    """
    __slots__ = ("run_id", "repo", "ref", "sha", "head_sha", "trigger", "run_status", "workflow_id", "workflow_name", "workflow_path", "workflow_status", "job_id", "job_key", "job_display_name", "job_status", "job_conclusion", "attempt_id", "attempt", "attempt_status", "attempt_conclusion", "truncated_context_fields")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    REPO_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    HEAD_SHA_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    RUN_STATUS_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_NAME_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_PATH_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_STATUS_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_KEY_FIELD_NUMBER: _ClassVar[int]
    JOB_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    JOB_STATUS_FIELD_NUMBER: _ClassVar[int]
    JOB_CONCLUSION_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_STATUS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_CONCLUSION_FIELD_NUMBER: _ClassVar[int]
    TRUNCATED_CONTEXT_FIELDS_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    """Unique identifier for the parent CI run."""
    repo: str
    """GitHub repository in owner/name format. For example, "depot/cli"."""
    ref: str
    """Git ref the run was triggered against. Empty when the trigger carries no ref."""
    sha: str
    """Commit SHA the run executes against. Empty for open pull_request runs."""
    head_sha: str
    """Source commit SHA for pull_request and merge_group triggers.

    Empty for triggers that don't carry a head SHA.
    """
    trigger: str
    """Event that triggered the run, for example "push", "pull_request", "pull_request_target",
    "merge_group", "schedule", "workflow_run", or "workflow_dispatch".
    """
    run_status: FailureDiagnosisResourceStatus
    """Current state of the parent run."""
    workflow_id: str
    """Unique identifier for the parent workflow. Empty when the target is a run."""
    workflow_name: str
    """Parent workflow name from the YAML name: key.

    Falls back to the file path stem when the workflow doesn't set name:. Empty when neither is
    available.
    """
    workflow_path: str
    """Parent workflow file path.

    For example, ".depot/workflows/ci.yml". Empty when the workflow YAML was passed via
    `workflow_content` in the `run` request, or when the target is a run.
    """
    workflow_status: FailureDiagnosisResourceStatus
    """Current state of the parent workflow."""
    job_id: str
    """Unique identifier for the parent job. Empty when the target is a run or workflow."""
    job_key: str
    """Parent job key from the workflow. Empty when the target is a run or workflow."""
    job_display_name: str
    """Human-readable display name for the parent job.

    Falls back to `job_key` when no display name is set.
    """
    job_status: FailureDiagnosisResourceStatus
    """Current state of the parent job."""
    job_conclusion: FailureDiagnosisConclusion
    """Conclusion of the parent job. Unspecified until the job concludes."""
    attempt_id: str
    """Unique identifier for the parent attempt. Empty unless the target is an attempt."""
    attempt: int
    """Attempt number for the parent attempt. Zero unless the target is an attempt."""
    attempt_status: FailureDiagnosisResourceStatus
    """Current state of the parent attempt."""
    attempt_conclusion: FailureDiagnosisConclusion
    """Conclusion of the parent attempt. Unspecified until the attempt concludes."""
    truncated_context_fields: _containers.RepeatedScalarFieldContainer[str]
    """Names of context fields that were truncated to fit the response limits."""
    def __init__(self, run_id: _Optional[str] = ..., repo: _Optional[str] = ..., ref: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., trigger: _Optional[str] = ..., run_status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., workflow_id: _Optional[str] = ..., workflow_name: _Optional[str] = ..., workflow_path: _Optional[str] = ..., workflow_status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., job_display_name: _Optional[str] = ..., job_status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., job_conclusion: _Optional[_Union[FailureDiagnosisConclusion, str]] = ..., attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., attempt_status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., attempt_conclusion: _Optional[_Union[FailureDiagnosisConclusion, str]] = ..., truncated_context_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class FailureDiagnosisTarget(_message.Message):
    """The resource a failure diagnosis was requested for: run, workflow, job, or attempt."""
    __slots__ = ("target_id", "target_type", "status")
    TARGET_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_TYPE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    target_id: str
    """Unique identifier for the diagnosed resource."""
    target_type: FailureDiagnosisTargetType
    """Resource type for `target_id`: run, workflow, job, or attempt."""
    status: FailureDiagnosisResourceStatus
    """Current state of the target resource."""
    def __init__(self, target_id: _Optional[str] = ..., target_type: _Optional[_Union[FailureDiagnosisTargetType, str]] = ..., status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ...) -> None: ...

class FailureGroup(_message.Message):
    """A group of failures that share a deterministic error fingerprint."""
    __slots__ = ("fingerprint", "source", "count", "error_message", "error_message_truncated", "error_message_original_length", "diagnosis", "possible_fix", "representatives", "omitted_representative_count")
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_ORIGINAL_LENGTH_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSIS_FIELD_NUMBER: _ClassVar[int]
    POSSIBLE_FIX_FIELD_NUMBER: _ClassVar[int]
    REPRESENTATIVES_FIELD_NUMBER: _ClassVar[int]
    OMITTED_REPRESENTATIVE_COUNT_FIELD_NUMBER: _ClassVar[int]
    fingerprint: str
    """Identifier for this failure group, computed from the error text.

    Two failures share a fingerprint when their errors match after variable details like timestamps,
    IDs, and file paths are removed, so the same logical error from different attempts falls into
    the same group.
    """
    source: str
    """Origin of the error text used to form the fingerprint.

    Can be "attempt_error", "job_error", "workflow_error", or "status".
    """
    count: int
    """Number of candidate attempts that fell into this group."""
    error_message: str
    """Representative error message for the group, possibly truncated."""
    error_message_truncated: bool
    """True when `error_message` was truncated to fit the response limit."""
    error_message_original_length: int
    """Length of the full `error_message`, in characters, before any truncation."""
    diagnosis: str
    """AI-generated diagnosis summarizing the failure. Empty when no diagnosis is available."""
    possible_fix: str
    """AI-generated suggested fix. Empty when no suggestion is available."""
    representatives: _containers.RepeatedCompositeFieldContainer[RepresentativeAttempt]
    """Attempts chosen as samples of the group's failure, up to
    `bounds.representatives_per_group_limit` entries. Each job's current attempt is preferred,
    then more recent attempts.
    """
    omitted_representative_count: int
    """Number of additional candidate attempts omitted from representatives."""
    def __init__(self, fingerprint: _Optional[str] = ..., source: _Optional[str] = ..., count: _Optional[int] = ..., error_message: _Optional[str] = ..., error_message_truncated: _Optional[bool] = ..., error_message_original_length: _Optional[int] = ..., diagnosis: _Optional[str] = ..., possible_fix: _Optional[str] = ..., representatives: _Optional[_Iterable[_Union[RepresentativeAttempt, _Mapping[str, _Any]]]] = ..., omitted_representative_count: _Optional[int] = ...) -> None: ...

class GetArtifactDownloadURLRequest(_message.Message):
    """Request message for `get_artifact_download_url`: Returns a short-lived signed HTTPS URL for
    one artifact.
    """
    __slots__ = ("artifact_id",)
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    """Unique identifier for the artifact. Returned by `list_artifacts`."""
    def __init__(self, artifact_id: _Optional[str] = ...) -> None: ...

class GetArtifactDownloadURLResponse(_message.Message):
    """Response message for `get_artifact_download_url`."""
    __slots__ = ("artifact", "url", "expires_at")
    ARTIFACT_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    artifact: Artifact
    """Artifact metadata for the requested `artifact_id`."""
    url: str
    """Signed HTTPS URL for the artifact content.

    Works with any standard HTTPS client and needs no extra authentication; anyone holding the URL
    can download the artifact until it expires.
    """
    expires_at: str
    """Signed URL expiration time, in RFC 3339 format.

    URLs expire 5 minutes after issuance. Artifact retention is unaffected.
    """
    def __init__(self, artifact: _Optional[_Union[Artifact, _Mapping[str, _Any]]] = ..., url: _Optional[str] = ..., expires_at: _Optional[str] = ...) -> None: ...

class GetAttemptRequest(_message.Message):
    """Request message for `get_attempt`: Returns an attempt's identity, status, timestamps, and
    sandbox/session IDs, with parent run, workflow, and job context.
    """
    __slots__ = ("attempt_id",)
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    """Unique identifier for the job attempt.

    Returned by `get_run_status`, `get_workflow`, and `get_job`.
    """
    def __init__(self, attempt_id: _Optional[str] = ...) -> None: ...

class GetAttemptResponse(_message.Message):
    """Response message for `get_attempt`."""
    __slots__ = ("org_id", "run_id", "repo", "ref", "sha", "head_sha", "trigger", "run_status", "run_created_at", "run_started_at", "run_finished_at", "workflow_id", "workflow_name", "workflow_path", "workflow_status", "workflow_error_message", "workflow_created_at", "workflow_started_at", "workflow_finished_at", "job_id", "job_key", "job_display_name", "job_status", "job_conclusion", "job_error_message", "job_created_at", "job_dispatched_at", "job_started_at", "job_finished_at", "current_attempt_id", "current_attempt", "matrix", "strategy", "runs_on", "attempt")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    REPO_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    HEAD_SHA_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    RUN_STATUS_FIELD_NUMBER: _ClassVar[int]
    RUN_CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    RUN_STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    RUN_FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_NAME_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_PATH_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_STATUS_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_KEY_FIELD_NUMBER: _ClassVar[int]
    JOB_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    JOB_STATUS_FIELD_NUMBER: _ClassVar[int]
    JOB_CONCLUSION_FIELD_NUMBER: _ClassVar[int]
    JOB_ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    JOB_CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    JOB_DISPATCHED_AT_FIELD_NUMBER: _ClassVar[int]
    JOB_STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    JOB_FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    CURRENT_ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENT_ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    MATRIX_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    RUNS_ON_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    """Depot organization that owns this attempt."""
    run_id: str
    """Unique identifier for the parent CI run."""
    repo: str
    """GitHub repository in owner/name format. For example, "depot/cli"."""
    ref: str
    """Git ref the parent run was triggered against. Empty when the trigger carries no ref."""
    sha: str
    """Commit SHA the parent run executes against.

    For pull_request triggers, the merge commit SHA.
    """
    head_sha: str
    """Source commit SHA for pull_request and merge_group triggers.

    Empty for triggers that don't carry a head SHA.
    """
    trigger: str
    """Event that triggered the parent run, for example "push", "pull_request",
    "pull_request_target", "merge_group", "schedule", "workflow_run", or "workflow_dispatch".
    """
    run_status: str
    """Current state of the parent run.

    Can be "queued", "running", "finished", "failed", or "cancelled".
    """
    run_created_at: str
    """Parent run creation time, in RFC 3339 format."""
    run_started_at: str
    """Parent run start time, in RFC 3339 format. Empty until the run starts."""
    run_finished_at: str
    """Parent run finish time, in RFC 3339 format. Empty until the run finishes."""
    workflow_id: str
    """Unique identifier for the parent workflow."""
    workflow_name: str
    """Parent workflow name from the YAML name: key.

    Falls back to the file path stem when the workflow doesn't set name:. Empty when neither is
    available.
    """
    workflow_path: str
    """Parent workflow file path.

    For example, ".depot/workflows/ci.yml". Empty when the workflow YAML was passed via
    `workflow_content` in the `run` request.
    """
    workflow_status: str
    """Current state of the parent workflow.

    Can be "queued", "running", "finished", "failed", or "cancelled".
    """
    workflow_error_message: str
    """Parent workflow error or cancellation reason.

    For example, a compilation or validation error. Empty when the workflow is healthy.
    """
    workflow_created_at: str
    """Parent workflow creation time, in RFC 3339 format."""
    workflow_started_at: str
    """Parent workflow start time, in RFC 3339 format. Empty until the workflow starts."""
    workflow_finished_at: str
    """Parent workflow finish time, in RFC 3339 format. Empty until the workflow finishes."""
    job_id: str
    """Unique identifier for the parent job."""
    job_key: str
    """Parent job key from the workflow. For example, "build" or "test"."""
    job_display_name: str
    """Human-readable display name for the parent job.

    Falls back to `job_key` when no display name is set.
    """
    job_status: str
    """Current state of the parent job.

    Can be "queued", "waiting", "running", "finished", "failed", "cancelled", or "skipped".
    "waiting" means the job is blocked behind another run that holds the same concurrency: group
    slot.
    """
    job_conclusion: str
    """Conclusion of the parent job.

    Can be "success", "failure", "cancelled", "skipped", or "timed_out". Empty until the job
    concludes.
    """
    job_error_message: str
    """Parent job error message populated for orchestration or worker failures.

    Empty when the job has no error.
    """
    job_created_at: str
    """Parent job creation time, in RFC 3339 format."""
    job_dispatched_at: str
    """Parent job dispatch time, in RFC 3339 format.

    Empty until the job is dispatched to a worker.
    """
    job_started_at: str
    """Parent job start time, in RFC 3339 format. Empty until the job starts."""
    job_finished_at: str
    """Parent job finish time, in RFC 3339 format. Empty until the job finishes."""
    current_attempt_id: str
    """Unique identifier for the parent job's most recent attempt.

    Equals `attempt.attempt_id` when this is the current attempt.
    """
    current_attempt: int
    """Most recent attempt number for the parent job.

    Equals attempt.attempt when this is the current attempt.
    """
    matrix: _containers.RepeatedCompositeFieldContainer[JobDetailMatrixValue]
    """Matrix key/value pairs for the parent job instance.

    Empty when the job is not part of a matrix strategy.
    """
    strategy: JobDetailStrategy
    """Strategy context exposing the parent job's index within its matrix expansion.

    Unset when no strategy context is available.
    """
    runs_on: JobDetailRunsOn
    """Runner configuration from the parent job's runs-on: labels, image, CPU, memory, and size.
    Unset when no runner configuration is available.
    """
    attempt: JobDetailAttempt
    """The requested attempt's identifiers, lifecycle timestamps, conclusion, and sandbox/session
    linkage.
    """
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ..., repo: _Optional[str] = ..., ref: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., trigger: _Optional[str] = ..., run_status: _Optional[str] = ..., run_created_at: _Optional[str] = ..., run_started_at: _Optional[str] = ..., run_finished_at: _Optional[str] = ..., workflow_id: _Optional[str] = ..., workflow_name: _Optional[str] = ..., workflow_path: _Optional[str] = ..., workflow_status: _Optional[str] = ..., workflow_error_message: _Optional[str] = ..., workflow_created_at: _Optional[str] = ..., workflow_started_at: _Optional[str] = ..., workflow_finished_at: _Optional[str] = ..., job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., job_display_name: _Optional[str] = ..., job_status: _Optional[str] = ..., job_conclusion: _Optional[str] = ..., job_error_message: _Optional[str] = ..., job_created_at: _Optional[str] = ..., job_dispatched_at: _Optional[str] = ..., job_started_at: _Optional[str] = ..., job_finished_at: _Optional[str] = ..., current_attempt_id: _Optional[str] = ..., current_attempt: _Optional[int] = ..., matrix: _Optional[_Iterable[_Union[JobDetailMatrixValue, _Mapping[str, _Any]]]] = ..., strategy: _Optional[_Union[JobDetailStrategy, _Mapping[str, _Any]]] = ..., runs_on: _Optional[_Union[JobDetailRunsOn, _Mapping[str, _Any]]] = ..., attempt: _Optional[_Union[JobDetailAttempt, _Mapping[str, _Any]]] = ...) -> None: ...

class GetFailureDiagnosisRequest(_message.Message):
    """Request message for `get_failure_diagnosis`: Returns a failure diagnosis for a run, workflow,
    job, or attempt.
    """
    __slots__ = ("target_id", "target_type")
    TARGET_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_TYPE_FIELD_NUMBER: _ClassVar[int]
    target_id: str
    """Unique identifier for the resource to diagnose: a CI run, workflow, job, or attempt.

    Must match `target_type`.
    """
    target_type: FailureDiagnosisTargetType
    """Resource type for `target_id`: run, workflow, job, or attempt."""
    def __init__(self, target_id: _Optional[str] = ..., target_type: _Optional[_Union[FailureDiagnosisTargetType, str]] = ...) -> None: ...

class GetFailureDiagnosisResponse(_message.Message):
    """Response message for `get_failure_diagnosis`."""
    __slots__ = ("org_id", "target", "context", "state", "empty_reason", "failure_groups", "representative_attempts", "bounds", "next_commands", "command_capabilities", "over_limit_breakdown")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    EMPTY_REASON_FIELD_NUMBER: _ClassVar[int]
    FAILURE_GROUPS_FIELD_NUMBER: _ClassVar[int]
    REPRESENTATIVE_ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    BOUNDS_FIELD_NUMBER: _ClassVar[int]
    NEXT_COMMANDS_FIELD_NUMBER: _ClassVar[int]
    COMMAND_CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    OVER_LIMIT_BREAKDOWN_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    """Depot organization that owns the diagnosed resource."""
    target: FailureDiagnosisTarget
    """The resource the diagnosis was requested for: run, workflow, job, or attempt."""
    context: FailureDiagnosisContext
    """Resolved parent context for the target, with identifiers, statuses, and conclusions."""
    state: FailureDiagnosisState
    """Overall diagnosis state.

    - EMPTY: No failure evidence found. `failure_groups` and `representative_attempts` are empty.
    - GROUPED_FAILURES: Failures grouped by fingerprint into `failure_groups`. Returned for run and
      workflow targets.
    - FOCUSED_FAILURE: Diagnosis focuses on a single job or attempt. Returned for job and attempt
      targets.
    - OVER_LIMIT: Too many failed candidates to diagnose individually. `over_limit_breakdown` lists
      per-workflow and per-job counts instead.
    """
    empty_reason: FailureDiagnosisEmptyReason
    """Reason the diagnosis is empty. Set only when state is EMPTY."""
    failure_groups: _containers.RepeatedCompositeFieldContainer[FailureGroup]
    """Failures grouped by deterministic error fingerprint.

    Empty when state is EMPTY or OVER_LIMIT.
    """
    representative_attempts: _containers.RepeatedCompositeFieldContainer[RepresentativeAttempt]
    """Representative attempts from all failure groups in one list.

    Contains the same entries as the nested `failure_groups`[].representatives lists. Empty when
    state is EMPTY or OVER_LIMIT.
    """
    bounds: FailureDiagnosisBounds
    """Limits and counts that describe how the diagnosis was bounded or truncated."""
    next_commands: _containers.RepeatedCompositeFieldContainer[DrillDownCommand]
    """Drill-down commands from all representative attempts in one list.

    For example, "depot ci logs" or "depot ci diagnose". Contains the same entries as the nested
    `representative_attempts`[].`next_commands` lists. In an OVER_LIMIT response, contains the
    diagnose commands from `over_limit_breakdown`[].`next_commands` instead. Empty when state is
    EMPTY.
    """
    command_capabilities: FailureDiagnosisCommandCapabilities
    """Availability flags for the suggested drill-down commands.

    Clients should hide commands whose flag is false. Unset means all commands are available.
    """
    over_limit_breakdown: _containers.RepeatedCompositeFieldContainer[FailureDiagnosisBreakdownRow]
    """Failure counts by workflow and by job, returned when failed problem candidates exceed
    `bounds.failed_problem_candidate_cap`. Empty for other states.
    """
    def __init__(self, org_id: _Optional[str] = ..., target: _Optional[_Union[FailureDiagnosisTarget, _Mapping[str, _Any]]] = ..., context: _Optional[_Union[FailureDiagnosisContext, _Mapping[str, _Any]]] = ..., state: _Optional[_Union[FailureDiagnosisState, str]] = ..., empty_reason: _Optional[_Union[FailureDiagnosisEmptyReason, str]] = ..., failure_groups: _Optional[_Iterable[_Union[FailureGroup, _Mapping[str, _Any]]]] = ..., representative_attempts: _Optional[_Iterable[_Union[RepresentativeAttempt, _Mapping[str, _Any]]]] = ..., bounds: _Optional[_Union[FailureDiagnosisBounds, _Mapping[str, _Any]]] = ..., next_commands: _Optional[_Iterable[_Union[DrillDownCommand, _Mapping[str, _Any]]]] = ..., command_capabilities: _Optional[_Union[FailureDiagnosisCommandCapabilities, _Mapping[str, _Any]]] = ..., over_limit_breakdown: _Optional[_Iterable[_Union[FailureDiagnosisBreakdownRow, _Mapping[str, _Any]]]] = ...) -> None: ...

class GetJobAttemptLogsRequest(_message.Message):
    """Request message for `get_job_attempt_logs`: Returns persisted log lines for a job attempt,
    oldest first.
    """
    __slots__ = ("attempt_id", "page_token", "job_id")
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    """Unique identifier for the job attempt. Set exactly one of `attempt_id` or `job_id`."""
    page_token: str
    """Token to fetch lines after a previous response.

    Use the `next_page_token` value from a prior response. Leave empty to fetch from the first line.
    """
    job_id: str
    """Unique identifier for a CI job.

    Resolves to the job's latest attempt; the page token pins that attempt, so later pages stay on
    the same attempt even if a retry creates a newer one. Set exactly one of `attempt_id` or
    `job_id`.
    """
    def __init__(self, attempt_id: _Optional[str] = ..., page_token: _Optional[str] = ..., job_id: _Optional[str] = ...) -> None: ...

class GetJobAttemptLogsResponse(_message.Message):
    """Response message for `get_job_attempt_logs`."""
    __slots__ = ("lines", "next_page_token")
    LINES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    lines: _containers.RepeatedCompositeFieldContainer[LogLine]
    """Persisted log lines for the attempt, ordered by timestamp and line number."""
    next_page_token: str
    """Token to fetch lines persisted after this response.

    Empty when the response contains no lines. While the attempt is running, poll with the newest
    token to tail new lines.
    """
    def __init__(self, lines: _Optional[_Iterable[_Union[LogLine, _Mapping[str, _Any]]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetJobAttemptMetricsRequest(_message.Message):
    """Request message for `get_job_attempt_metrics`: Returns CPU and memory metrics for one job
    attempt.
    """
    __slots__ = ("attempt_id",)
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    """Unique identifier for the job attempt."""
    def __init__(self, attempt_id: _Optional[str] = ...) -> None: ...

class GetJobAttemptMetricsResponse(_message.Message):
    """Response message for `get_job_attempt_metrics`."""
    __slots__ = ("run", "workflow", "job", "attempt", "snapshot_at")
    RUN_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    JOB_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_AT_FIELD_NUMBER: _ClassVar[int]
    run: CIMetricsRunContext
    """Parent run context: identifiers, trigger, status, and lifecycle timestamps."""
    workflow: CIMetricsWorkflowContext
    """Parent workflow context: identifiers, status, and lifecycle timestamps."""
    job: CIMetricsJobContext
    """Parent job context: identifiers, status, conclusion, and lifecycle timestamps."""
    attempt: CIMetricsAttemptMetrics
    """Attempt-level metrics: attempt context, availability, summary stats, downsampling metadata,
    and raw samples.
    """
    snapshot_at: str
    """Server time at which this metrics snapshot was captured, in RFC 3339 format.

    For attempts that haven't finished yet, CPU and memory data is collected up to this time, so a
    running attempt's metrics grow on successive calls.
    """
    def __init__(self, run: _Optional[_Union[CIMetricsRunContext, _Mapping[str, _Any]]] = ..., workflow: _Optional[_Union[CIMetricsWorkflowContext, _Mapping[str, _Any]]] = ..., job: _Optional[_Union[CIMetricsJobContext, _Mapping[str, _Any]]] = ..., attempt: _Optional[_Union[CIMetricsAttemptMetrics, _Mapping[str, _Any]]] = ..., snapshot_at: _Optional[str] = ...) -> None: ...

class GetJobMetricsRequest(_message.Message):
    """Request message for `get_job_metrics`: Returns per-attempt CPU and memory metric summaries
    for one job.
    """
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    """Unique identifier for the job."""
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class GetJobMetricsResponse(_message.Message):
    """Response message for `get_job_metrics`."""
    __slots__ = ("run", "workflow", "job", "attempts", "snapshot_at")
    RUN_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    JOB_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_AT_FIELD_NUMBER: _ClassVar[int]
    run: CIMetricsRunContext
    """Parent run context: identifiers, trigger, status, and lifecycle timestamps."""
    workflow: CIMetricsWorkflowContext
    """Parent workflow context: identifiers, status, and lifecycle timestamps."""
    job: CIMetricsJobContext
    """Job context: identifiers, status, conclusion, and lifecycle timestamps."""
    attempts: _containers.RepeatedCompositeFieldContainer[CIMetricsAttemptSummary]
    """Per-attempt metric summaries for this job, ordered by attempt number ascending."""
    snapshot_at: str
    """Server time at which this metrics snapshot was captured, in RFC 3339 format.

    For attempts that haven't finished yet, CPU and memory data is collected up to this time, so a
    running attempt's metrics grow on successive calls.
    """
    def __init__(self, run: _Optional[_Union[CIMetricsRunContext, _Mapping[str, _Any]]] = ..., workflow: _Optional[_Union[CIMetricsWorkflowContext, _Mapping[str, _Any]]] = ..., job: _Optional[_Union[CIMetricsJobContext, _Mapping[str, _Any]]] = ..., attempts: _Optional[_Iterable[_Union[CIMetricsAttemptSummary, _Mapping[str, _Any]]]] = ..., snapshot_at: _Optional[str] = ...) -> None: ...

class GetJobRequest(_message.Message):
    """Request message for `get_job`: Returns a job's identity, status, timestamps, runner
    configuration, parent run and workflow context, dependencies, and attempt history.
    """
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    """Unique identifier for the job. Returned by `get_run_status` and `get_workflow`."""
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class GetJobResponse(_message.Message):
    """Response message for `get_job`."""
    __slots__ = ("org_id", "run_id", "repo", "ref", "sha", "head_sha", "trigger", "run_status", "run_created_at", "run_started_at", "run_finished_at", "workflow_id", "workflow_name", "workflow_path", "workflow_status", "workflow_error_message", "workflow_created_at", "workflow_started_at", "workflow_finished_at", "job_id", "job_key", "job_display_name", "job_status", "job_conclusion", "job_error_message", "job_created_at", "job_dispatched_at", "job_started_at", "job_finished_at", "current_attempt_id", "current_attempt", "matrix", "strategy", "runs_on", "dependencies", "attempts", "dependency_count", "dependency_preview_limit")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    REPO_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    HEAD_SHA_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    RUN_STATUS_FIELD_NUMBER: _ClassVar[int]
    RUN_CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    RUN_STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    RUN_FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_NAME_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_PATH_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_STATUS_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_KEY_FIELD_NUMBER: _ClassVar[int]
    JOB_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    JOB_STATUS_FIELD_NUMBER: _ClassVar[int]
    JOB_CONCLUSION_FIELD_NUMBER: _ClassVar[int]
    JOB_ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    JOB_CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    JOB_DISPATCHED_AT_FIELD_NUMBER: _ClassVar[int]
    JOB_STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    JOB_FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    CURRENT_ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENT_ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    MATRIX_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    RUNS_ON_FIELD_NUMBER: _ClassVar[int]
    DEPENDENCIES_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    DEPENDENCY_COUNT_FIELD_NUMBER: _ClassVar[int]
    DEPENDENCY_PREVIEW_LIMIT_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    """Depot organization that owns this job."""
    run_id: str
    """Unique identifier for the parent CI run."""
    repo: str
    """GitHub repository in owner/name format. For example, "depot/cli"."""
    ref: str
    """Git ref the parent run was triggered against. Empty when the trigger carries no ref."""
    sha: str
    """Commit SHA the parent run executes against.

    For pull_request triggers, the merge commit SHA.
    """
    head_sha: str
    """Source commit SHA for pull_request and merge_group triggers.

    Empty for triggers that don't carry a head SHA.
    """
    trigger: str
    """Event that triggered the parent run, for example "push", "pull_request",
    "pull_request_target", "merge_group", "schedule", "workflow_run", or "workflow_dispatch".
    """
    run_status: str
    """Current state of the parent run.

    Can be "queued", "running", "finished", "failed", or "cancelled".
    """
    run_created_at: str
    """Parent run creation time, in RFC 3339 format."""
    run_started_at: str
    """Parent run start time, in RFC 3339 format. Empty until the run starts."""
    run_finished_at: str
    """Parent run finish time, in RFC 3339 format. Empty until the run finishes."""
    workflow_id: str
    """Unique identifier for the parent workflow."""
    workflow_name: str
    """Parent workflow name from the YAML name: key.

    Falls back to the file path stem when the workflow doesn't set name:. Empty when neither is
    available.
    """
    workflow_path: str
    """Parent workflow file path.

    For example, ".depot/workflows/ci.yml". Empty when the workflow YAML was passed via
    `workflow_content` in the `run` request.
    """
    workflow_status: str
    """Current state of the parent workflow.

    Can be "queued", "running", "finished", "failed", or "cancelled".
    """
    workflow_error_message: str
    """Parent workflow error or cancellation reason.

    For example, a compilation or validation error. Empty when the workflow is healthy.
    """
    workflow_created_at: str
    """Parent workflow creation time, in RFC 3339 format."""
    workflow_started_at: str
    """Parent workflow start time, in RFC 3339 format. Empty until the workflow starts."""
    workflow_finished_at: str
    """Parent workflow finish time, in RFC 3339 format. Empty until the workflow finishes."""
    job_id: str
    """Unique identifier for the job."""
    job_key: str
    """Job key from the workflow. For example, "build" or "test"."""
    job_display_name: str
    """Human-readable display name from the workflow.

    Falls back to `job_key` when no display name is set.
    """
    job_status: str
    """Current state of the job.

    Can be "queued", "waiting", "running", "finished", "failed", "cancelled", or "skipped".
    "waiting" means the job is blocked behind another run that holds the same concurrency: group
    slot.
    """
    job_conclusion: str
    """Conclusion of the job.

    Can be "success", "failure", "cancelled", "skipped", or "timed_out". Empty until the job
    concludes.
    """
    job_error_message: str
    """Job error message populated for orchestration or worker failures.

    Empty when the job has no error.
    """
    job_created_at: str
    """Job creation time, in RFC 3339 format."""
    job_dispatched_at: str
    """Job dispatch time, in RFC 3339 format. Empty until the job is dispatched to a worker."""
    job_started_at: str
    """Job start time, in RFC 3339 format. Empty until the job starts."""
    job_finished_at: str
    """Job finish time, in RFC 3339 format. Empty until the job finishes."""
    current_attempt_id: str
    """Unique identifier for the most recent attempt for this job.

    Empty until the first attempt is dispatched, and cleared while a retried job waits for its next
    attempt to be dispatched.
    """
    current_attempt: int
    """Most recent attempt number for this job. Zero until the first attempt is dispatched."""
    matrix: _containers.RepeatedCompositeFieldContainer[JobDetailMatrixValue]
    """Matrix key/value pairs for this job instance.

    Empty when the job is not part of a matrix strategy.
    """
    strategy: JobDetailStrategy
    """Strategy context exposing this job's index within its matrix expansion.

    Unset when no strategy context is available.
    """
    runs_on: JobDetailRunsOn
    """Runner configuration from the job's runs-on, such as labels, image, CPU, memory, and size.
    Unset when no runner configuration is available.
    """
    dependencies: _containers.RepeatedCompositeFieldContainer[JobDetailDependency]
    """Jobs this job depends on.

    Contains every dependency when the job has 100 or fewer; for jobs with more, a preview of 100
    entries that prioritizes failed and cancelled dependencies.
    """
    attempts: _containers.RepeatedCompositeFieldContainer[JobDetailAttempt]
    """Attempt history for this job, ordered by attempt number ascending."""
    dependency_count: int
    """Total number of dependencies. Set only when dependencies is a capped preview."""
    dependency_preview_limit: int
    """Maximum number of entries returned in dependencies.

    Set only when dependencies is a capped preview.
    """
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ..., repo: _Optional[str] = ..., ref: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., trigger: _Optional[str] = ..., run_status: _Optional[str] = ..., run_created_at: _Optional[str] = ..., run_started_at: _Optional[str] = ..., run_finished_at: _Optional[str] = ..., workflow_id: _Optional[str] = ..., workflow_name: _Optional[str] = ..., workflow_path: _Optional[str] = ..., workflow_status: _Optional[str] = ..., workflow_error_message: _Optional[str] = ..., workflow_created_at: _Optional[str] = ..., workflow_started_at: _Optional[str] = ..., workflow_finished_at: _Optional[str] = ..., job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., job_display_name: _Optional[str] = ..., job_status: _Optional[str] = ..., job_conclusion: _Optional[str] = ..., job_error_message: _Optional[str] = ..., job_created_at: _Optional[str] = ..., job_dispatched_at: _Optional[str] = ..., job_started_at: _Optional[str] = ..., job_finished_at: _Optional[str] = ..., current_attempt_id: _Optional[str] = ..., current_attempt: _Optional[int] = ..., matrix: _Optional[_Iterable[_Union[JobDetailMatrixValue, _Mapping[str, _Any]]]] = ..., strategy: _Optional[_Union[JobDetailStrategy, _Mapping[str, _Any]]] = ..., runs_on: _Optional[_Union[JobDetailRunsOn, _Mapping[str, _Any]]] = ..., dependencies: _Optional[_Iterable[_Union[JobDetailDependency, _Mapping[str, _Any]]]] = ..., attempts: _Optional[_Iterable[_Union[JobDetailAttempt, _Mapping[str, _Any]]]] = ..., dependency_count: _Optional[int] = ..., dependency_preview_limit: _Optional[int] = ...) -> None: ...

class GetJobSummaryRequest(_message.Message):
    """Request message for `get_job_summary`: Returns authored step summary markdown for a job, a
    specific attempt, or both.
    """
    __slots__ = ("job_id", "attempt_id")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    """Unique identifier for the job whose current attempt should be summarized.

    Required unless `attempt_id` is set.
    """
    attempt_id: str
    """Unique identifier for a specific job attempt to summarize.

    Required unless `job_id` is set. When sent alongside `job_id`, the attempt must belong to that
    job.
    """
    def __init__(self, job_id: _Optional[str] = ..., attempt_id: _Optional[str] = ...) -> None: ...

class GetJobSummaryResponse(_message.Message):
    """Response message for `get_job_summary`."""
    __slots__ = ("org_id", "run_id", "workflow_id", "job_id", "attempt_id", "attempt", "job_status", "attempt_status", "has_summary", "empty_reason", "step_count", "markdown")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    JOB_STATUS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_STATUS_FIELD_NUMBER: _ClassVar[int]
    HAS_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    EMPTY_REASON_FIELD_NUMBER: _ClassVar[int]
    STEP_COUNT_FIELD_NUMBER: _ClassVar[int]
    MARKDOWN_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    """Organization that owns this job."""
    run_id: str
    """Unique identifier for the parent CI run."""
    workflow_id: str
    """Unique identifier for the parent workflow."""
    job_id: str
    """Unique identifier for the job."""
    attempt_id: str
    """Unique identifier for the job attempt. Empty when no attempt exists yet."""
    attempt: int
    """Attempt number, starting at 1. Zero when no attempt exists yet."""
    job_status: str
    """Current state of the job.

    Can be "queued", "waiting", "running", "finished", "failed", "cancelled", or "skipped".
    "waiting" means the job is blocked behind another run that holds the same concurrency: group
    slot.
    """
    attempt_status: str
    """Current state of the attempt.

    Can be "queued", "waiting", "running", "finished", "failed", or "cancelled". Empty when no
    attempt exists yet.
    """
    has_summary: bool
    """True when authored step summary markdown is available for the selected attempt."""
    empty_reason: str
    """Set when `has_summary` is false, for example "no_summary" or "no_attempt"."""
    step_count: int
    """Count of non-empty step summaries included in markdown."""
    markdown: str
    """Authored step summary markdown joined in step order."""
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ..., workflow_id: _Optional[str] = ..., job_id: _Optional[str] = ..., attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., job_status: _Optional[str] = ..., attempt_status: _Optional[str] = ..., has_summary: _Optional[bool] = ..., empty_reason: _Optional[str] = ..., step_count: _Optional[int] = ..., markdown: _Optional[str] = ...) -> None: ...

class GetRunMetricsRequest(_message.Message):
    """Request message for `get_run_metrics`: Returns workflow, job, and attempt CPU and memory
    metric summaries for one run.
    """
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    """Unique identifier for the CI run.

    Returned by `run`, `dispatch_workflow`, and `list_runs`.
    """
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class GetRunMetricsResponse(_message.Message):
    """Response message for `get_run_metrics`."""
    __slots__ = ("run", "workflows", "snapshot_at")
    RUN_FIELD_NUMBER: _ClassVar[int]
    WORKFLOWS_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_AT_FIELD_NUMBER: _ClassVar[int]
    run: CIMetricsRunContext
    """`run` context: identifiers, trigger, status, and lifecycle timestamps."""
    workflows: _containers.RepeatedCompositeFieldContainer[CIMetricsWorkflowMetrics]
    """Per-workflow rollups containing each workflow's jobs and per-attempt metric summaries."""
    snapshot_at: str
    """Server time at which this metrics snapshot was captured, in RFC 3339 format.

    For attempts that haven't finished yet, CPU and memory data is collected up to this time, so a
    running attempt's metrics grow on successive calls.
    """
    def __init__(self, run: _Optional[_Union[CIMetricsRunContext, _Mapping[str, _Any]]] = ..., workflows: _Optional[_Iterable[_Union[CIMetricsWorkflowMetrics, _Mapping[str, _Any]]]] = ..., snapshot_at: _Optional[str] = ...) -> None: ...

class GetRunRequest(_message.Message):
    """Request message for `get_run`: Returns a CI run's identity, repo, trigger, status, and
    timestamps.
    """
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    """Unique identifier for the CI run.

    Returned by `run`, `dispatch_workflow`, and `list_runs`.
    """
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class GetRunResponse(_message.Message):
    """Response message for `get_run`."""
    __slots__ = ("org_id", "run_id", "repo", "ref", "sha", "head_sha", "trigger", "status", "created_at", "started_at", "finished_at")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    REPO_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    HEAD_SHA_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    """Depot organization that owns this run."""
    run_id: str
    """Unique identifier for the CI run."""
    repo: str
    """GitHub repository in owner/name format. For example, "depot/cli"."""
    ref: str
    """Git ref the run was triggered against.

    For example, "refs/heads/main" or "refs/pull/42/merge". Empty when the trigger carries no ref.
    """
    sha: str
    """Commit SHA the run executes against.

    Empty for open pull_request runs; populated with the merge commit SHA once the PR is closed and
    merged.
    """
    head_sha: str
    """Source commit SHA for pull_request and merge_group triggers; matches the PR or merge group
    head. Empty for triggers that don't carry a head SHA.
    """
    trigger: str
    """Event that triggered the run, for example "push", "pull_request", "pull_request_target",
    "merge_group", "schedule", "workflow_run", or "workflow_dispatch".
    """
    status: str
    """Current state of the run.

    Can be "queued", "running", "finished", "failed", or "cancelled".
    """
    created_at: str
    """Creation time, in RFC 3339 format."""
    started_at: str
    """Start time, in RFC 3339 format. Empty until the run starts."""
    finished_at: str
    """Finish time, in RFC 3339 format. Empty until the run finishes."""
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ..., repo: _Optional[str] = ..., ref: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., trigger: _Optional[str] = ..., status: _Optional[str] = ..., created_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class GetRunStatusRequest(_message.Message):
    """Request message for `get_run_status`: Returns a CI run's status with its nested workflows,
    jobs, and attempts.
    """
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    """Unique identifier for the CI run.

    Returned by `run`, `dispatch_workflow`, and `list_runs`.
    """
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class GetRunStatusResponse(_message.Message):
    """Response message for `get_run_status`."""
    __slots__ = ("org_id", "run_id", "status", "workflows")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    WORKFLOWS_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    """Depot organization that owns this run."""
    run_id: str
    """Unique identifier for the CI run."""
    status: str
    """Current state of the run.

    Can be "queued", "running", "finished", "failed", or "cancelled".
    """
    workflows: _containers.RepeatedCompositeFieldContainer[WorkflowStatus]
    """Workflows in the run with their nested jobs and attempts."""
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ..., status: _Optional[str] = ..., workflows: _Optional[_Iterable[_Union[WorkflowStatus, _Mapping[str, _Any]]]] = ...) -> None: ...

class GetWorkflowExecution(_message.Message):
    """A workflow-level execution record; each re-run creates another execution."""
    __slots__ = ("execution_id", "execution", "status", "created_at", "started_at", "finished_at")
    EXECUTION_ID_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    execution_id: str
    """Unique identifier for the workflow execution."""
    execution: int
    """Execution number, starting at 1 for the first execution."""
    status: str
    """Current state of the execution.

    Can be "queued", "running", "finished", "failed", or "cancelled".
    """
    created_at: str
    """Execution creation time, in RFC 3339 format."""
    started_at: str
    """Execution start time, in RFC 3339 format. Empty until the execution starts."""
    finished_at: str
    """Execution finish time, in RFC 3339 format. Empty until the execution finishes."""
    def __init__(self, execution_id: _Optional[str] = ..., execution: _Optional[int] = ..., status: _Optional[str] = ..., created_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class GetWorkflowJob(_message.Message):
    """A job of a workflow, with its per-job attempts."""
    __slots__ = ("job_id", "job_key", "status", "started_at", "finished_at", "attempts")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_KEY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    """Unique identifier for the job."""
    job_key: str
    """Job key from the workflow. For example, "build" or "test"."""
    status: str
    """Current state of the job.

    Can be "queued", "waiting", "running", "finished", "failed", "cancelled", or "skipped".
    "waiting" means the job is blocked behind another run that holds the same concurrency: group
    slot.
    """
    started_at: str
    """Job start time, in RFC 3339 format. Empty until the job starts."""
    finished_at: str
    """Job finish time, in RFC 3339 format. Empty until the job finishes."""
    attempts: _containers.RepeatedCompositeFieldContainer[GetWorkflowJobAttempt]
    """Per-job attempts, not workflow execution records."""
    def __init__(self, job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., status: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ..., attempts: _Optional[_Iterable[_Union[GetWorkflowJobAttempt, _Mapping[str, _Any]]]] = ...) -> None: ...

class GetWorkflowJobAttempt(_message.Message):
    """One attempt of a workflow job (a per-job attempt, not a workflow execution record)."""
    __slots__ = ("attempt_id", "attempt", "status", "sandbox_id", "session_id", "started_at", "finished_at")
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SANDBOX_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    """Unique identifier for the job attempt."""
    attempt: int
    """Attempt number, starting at 1 for the first run."""
    status: str
    """Current state of the attempt.

    Can be "queued", "waiting", "running", "finished", "failed", or "cancelled".
    """
    sandbox_id: str
    """Unique identifier for the sandbox currently running this attempt, when one exists."""
    session_id: str
    """Unique identifier for the interactive session attached to that sandbox, when one is
    available.
    """
    started_at: str
    """Attempt start time, in RFC 3339 format. Empty until the attempt starts."""
    finished_at: str
    """Attempt finish time, in RFC 3339 format. Empty until the attempt finishes."""
    def __init__(self, attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., status: _Optional[str] = ..., sandbox_id: _Optional[str] = ..., session_id: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class GetWorkflowRequest(_message.Message):
    """Request message for `get_workflow`: Returns a workflow's identity, status, timestamps, parent
    run context, execution history, and nested jobs and attempts.
    """
    __slots__ = ("workflow_id",)
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    """Unique identifier for the workflow. Returned by `get_run_status` and `list_workflows`."""
    def __init__(self, workflow_id: _Optional[str] = ...) -> None: ...

class GetWorkflowResponse(_message.Message):
    """Response message for `get_workflow`."""
    __slots__ = ("org_id", "run_id", "repo", "ref", "sha", "head_sha", "trigger", "run_status", "run_created_at", "run_started_at", "run_finished_at", "workflow_id", "workflow_name", "workflow_path", "workflow_status", "workflow_error_message", "workflow_created_at", "workflow_started_at", "workflow_finished_at", "executions", "jobs")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    REPO_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    HEAD_SHA_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    RUN_STATUS_FIELD_NUMBER: _ClassVar[int]
    RUN_CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    RUN_STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    RUN_FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_NAME_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_PATH_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_STATUS_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    EXECUTIONS_FIELD_NUMBER: _ClassVar[int]
    JOBS_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    """Depot organization that owns this workflow."""
    run_id: str
    """Unique identifier for the parent CI run."""
    repo: str
    """GitHub repository in owner/name format. For example, "depot/cli"."""
    ref: str
    """Git ref the parent run was triggered against. Empty when the trigger carries no ref."""
    sha: str
    """Commit SHA the parent run executes against.

    For pull_request triggers, the merge commit SHA.
    """
    head_sha: str
    """Source commit SHA for pull_request and merge_group triggers.

    Empty for triggers that don't carry a head SHA.
    """
    trigger: str
    """Event that triggered the parent run, for example "push", "pull_request",
    "pull_request_target", "merge_group", "schedule", "workflow_run", or "workflow_dispatch".
    """
    run_status: str
    """Current state of the parent run.

    Can be "queued", "running", "finished", "failed", or "cancelled".
    """
    run_created_at: str
    """Parent run creation time, in RFC 3339 format."""
    run_started_at: str
    """Parent run start time, in RFC 3339 format. Empty until the run starts."""
    run_finished_at: str
    """Parent run finish time, in RFC 3339 format. Empty until the run finishes."""
    workflow_id: str
    """Unique identifier for the workflow."""
    workflow_name: str
    """Workflow name from the YAML name: key.

    Falls back to the file path stem when the workflow doesn't set name:. Empty when neither is
    available.
    """
    workflow_path: str
    """Workflow file path.

    For example, ".depot/workflows/ci.yml". Empty when the workflow YAML was passed via
    `workflow_content` in the `run` request.
    """
    workflow_status: str
    """Current state of the workflow.

    Can be "queued", "running", "finished", "failed", or "cancelled".
    """
    workflow_error_message: str
    """Workflow error or cancellation reason.

    For example, a compilation or validation error. Empty when the workflow is healthy.
    """
    workflow_created_at: str
    """Workflow creation time, in RFC 3339 format."""
    workflow_started_at: str
    """Workflow start time, in RFC 3339 format. Empty until the workflow starts."""
    workflow_finished_at: str
    """Workflow finish time, in RFC 3339 format. Empty until the workflow finishes."""
    executions: _containers.RepeatedCompositeFieldContainer[GetWorkflowExecution]
    """Workflow-level execution records; each re-run creates another execution."""
    jobs: _containers.RepeatedCompositeFieldContainer[GetWorkflowJob]
    """Workflow jobs and their per-job attempts."""
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ..., repo: _Optional[str] = ..., ref: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., trigger: _Optional[str] = ..., run_status: _Optional[str] = ..., run_created_at: _Optional[str] = ..., run_started_at: _Optional[str] = ..., run_finished_at: _Optional[str] = ..., workflow_id: _Optional[str] = ..., workflow_name: _Optional[str] = ..., workflow_path: _Optional[str] = ..., workflow_status: _Optional[str] = ..., workflow_error_message: _Optional[str] = ..., workflow_created_at: _Optional[str] = ..., workflow_started_at: _Optional[str] = ..., workflow_finished_at: _Optional[str] = ..., executions: _Optional[_Iterable[_Union[GetWorkflowExecution, _Mapping[str, _Any]]]] = ..., jobs: _Optional[_Iterable[_Union[GetWorkflowJob, _Mapping[str, _Any]]]] = ...) -> None: ...

class JobAttemptLogExportMetadata(_message.Message):
    """Metadata sent as the first response in every successful log export stream.

    Describes the byte format and advisory filename for the chunks that follow.
    """
    __slots__ = ("filename", "content_type", "format")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    filename: str
    """Suggested filename for saving the export, with the extension matching the format. .txt for
    text or .jsonl for JSONL. The naming pattern isn't guaranteed and may change, so don't
    extract the attempt ID or other values from it.
    """
    content_type: str
    """Exact media type for chunk bytes. text/plain; charset=utf-8 for text or application/x-ndjson;
    charset=utf-8 for JSONL.
    """
    format: JobAttemptLogExportFormat
    """Selected byte format for following chunk responses."""
    def __init__(self, filename: _Optional[str] = ..., content_type: _Optional[str] = ..., format: _Optional[_Union[JobAttemptLogExportFormat, str]] = ...) -> None: ...

class JobDetailAttempt(_message.Message):
    """One attempt in a job's attempt history."""
    __slots__ = ("attempt_id", "attempt", "status", "conclusion", "error_message", "sandbox_id", "session_id", "created_at", "dispatched_at", "started_at", "finished_at", "is_current")
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CONCLUSION_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    SANDBOX_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    DISPATCHED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    IS_CURRENT_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    """Unique identifier for the job attempt."""
    attempt: int
    """Attempt number, starting at 1 for the first run."""
    status: str
    """Current state of the attempt.

    Can be "queued", "waiting", "running", "finished", "failed", or "cancelled".
    """
    conclusion: str
    """Conclusion of the attempt.

    Can be "success", "failure", "cancelled", "skipped", or "timed_out". Empty until the attempt
    concludes.
    """
    error_message: str
    """Attempt error message populated for orchestration or worker failures.

    Empty when the attempt has no error.
    """
    sandbox_id: str
    """Unique identifier for the sandbox that ran this attempt, when one exists."""
    session_id: str
    """Unique identifier for the interactive session attached to that sandbox, when one is
    available.
    """
    created_at: str
    """Attempt creation time, in RFC 3339 format."""
    dispatched_at: str
    """Attempt dispatch time, in RFC 3339 format.

    Empty until the attempt is dispatched to a worker.
    """
    started_at: str
    """Attempt start time, in RFC 3339 format. Empty until the attempt starts."""
    finished_at: str
    """Attempt finish time, in RFC 3339 format. Empty until the attempt finishes."""
    is_current: bool
    """True when this attempt is the job's current attempt."""
    def __init__(self, attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., status: _Optional[str] = ..., conclusion: _Optional[str] = ..., error_message: _Optional[str] = ..., sandbox_id: _Optional[str] = ..., session_id: _Optional[str] = ..., created_at: _Optional[str] = ..., dispatched_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ..., is_current: _Optional[bool] = ...) -> None: ...

class JobDetailDependency(_message.Message):
    """A job that another job depends on."""
    __slots__ = ("job_id", "job_key", "job_display_name", "status", "conclusion", "error_message", "created_at", "dispatched_at", "started_at", "finished_at")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_KEY_FIELD_NUMBER: _ClassVar[int]
    JOB_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CONCLUSION_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    DISPATCHED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    """Unique identifier for the dependency job."""
    job_key: str
    """Job key from the workflow. For example, "build" or "test"."""
    job_display_name: str
    """Human-readable display name from the workflow.

    Falls back to `job_key` when no display name is set.
    """
    status: str
    """Current state of the dependency job.

    Can be "queued", "waiting", "running", "finished", "failed", "cancelled", or "skipped".
    "waiting" means the job is blocked behind another run that holds the same concurrency: group
    slot.
    """
    conclusion: str
    """Conclusion of the dependency job.

    Can be "success", "failure", "cancelled", "skipped", or "timed_out". Empty until the job
    concludes.
    """
    error_message: str
    """Dependency job error message populated for orchestration or worker failures.

    Empty when the job has no error.
    """
    created_at: str
    """Dependency job creation time, in RFC 3339 format."""
    dispatched_at: str
    """Dependency job dispatch time, in RFC 3339 format.

    Empty until the job is dispatched to a worker.
    """
    started_at: str
    """Dependency job start time, in RFC 3339 format. Empty until the job starts."""
    finished_at: str
    """Dependency job finish time, in RFC 3339 format. Empty until the job finishes."""
    def __init__(self, job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., job_display_name: _Optional[str] = ..., status: _Optional[str] = ..., conclusion: _Optional[str] = ..., error_message: _Optional[str] = ..., created_at: _Optional[str] = ..., dispatched_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class JobDetailMatrixValue(_message.Message):
    """A matrix key/value pair for a job instance."""
    __slots__ = ("key", "value")
    KEY_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    key: str
    """Matrix dimension name. For example, "os" or "node-version"."""
    value: str
    """Matrix dimension value for this job instance, serialized as a string."""
    def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...

class JobDetailRunsOn(_message.Message):
    """Runner configuration from a job's runs-on, such as labels, image, CPU, memory, and size."""
    __slots__ = ("labels", "image", "cpus", "memory_gb", "size")
    LABELS_FIELD_NUMBER: _ClassVar[int]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    CPUS_FIELD_NUMBER: _ClassVar[int]
    MEMORY_GB_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    labels: _containers.RepeatedScalarFieldContainer[str]
    """Runner labels specified on the job's runs-on."""
    image: str
    """Container image used for the job, when one is configured. Empty otherwise."""
    cpus: int
    """CPU count allocated to the runner. Zero when unset."""
    memory_gb: int
    """Memory allocated to the runner, in gigabytes. Zero when unset."""
    size: str
    """Runner size from the job's runs-on, exactly as written in the workflow.

    Set whenever the runner config used a ${{ }} expression in its size or image. The value is
    usually an expression like "${{ vars.RUNNER_SIZE }}", but can be a literal like "4x16" when only
    the image was the expression. In that case cpus and `memory_gb` are zero and stay zero for the
    life of the job, so this is the only runner-size value the API reports for it. Empty when the
    size was a plain literal with no expressions, in which case cpus and `memory_gb` carry the
    resolved values instead.
    """
    def __init__(self, labels: _Optional[_Iterable[str]] = ..., image: _Optional[str] = ..., cpus: _Optional[int] = ..., memory_gb: _Optional[int] = ..., size: _Optional[str] = ...) -> None: ...

class JobDetailStrategy(_message.Message):
    """Strategy context exposing a job's index within its matrix expansion."""
    __slots__ = ("job_index", "job_total")
    JOB_INDEX_FIELD_NUMBER: _ClassVar[int]
    JOB_TOTAL_FIELD_NUMBER: _ClassVar[int]
    job_index: int
    """Zero-based index of this job within the matrix expansion."""
    job_total: int
    """Total number of jobs produced by the matrix expansion."""
    def __init__(self, job_index: _Optional[int] = ..., job_total: _Optional[int] = ...) -> None: ...

class JobStatus(_message.Message):
    """A job that makes up a workflow, with all of its attempts."""
    __slots__ = ("job_id", "job_key", "status", "attempts")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_KEY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    """Unique identifier for the job."""
    job_key: str
    """Job key from the workflow. For example, "build" or "test"."""
    status: str
    """Current state of the job.

    Can be "queued", "waiting", "running", "finished", "failed", "cancelled", or "skipped".
    "waiting" means the job is blocked behind another run that holds the same concurrency: group
    slot.
    """
    attempts: _containers.RepeatedCompositeFieldContainer[AttemptStatus]
    """All attempts for this job, including the original and any retries.

    Each contains the attempt's identifier, number, current status, and sandbox/session IDs (when
    active). Order is not guaranteed.
    """
    def __init__(self, job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., status: _Optional[str] = ..., attempts: _Optional[_Iterable[_Union[AttemptStatus, _Mapping[str, _Any]]]] = ...) -> None: ...

class ListArtifactsRequest(_message.Message):
    """Request message for `list_artifacts`: Returns CI artifact metadata for one run, optionally
    narrowed to a workflow, job, or attempt.
    """
    __slots__ = ("run_id", "workflow_id", "job_id", "attempt_id", "page_size", "page_token")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    """Unique identifier for the CI run.

    Returned by `run`, `dispatch_workflow`, and `list_runs`.
    """
    workflow_id: str
    """Narrows the list to artifacts from one workflow.

    Must belong to the run. Leave unset to include all workflows.
    """
    job_id: str
    """Narrows the list to artifacts from one job.

    Must belong to the run, and to `workflow_id` when both are set. Leave unset to include all jobs.
    """
    attempt_id: str
    """Narrows the list to artifacts from one job attempt.

    Must belong to the run, and to `workflow_id` and `job_id` when set. Leave unset to include all
    attempts.
    """
    page_size: int
    """Number of artifacts to return per page. Maximum: 500. Default: 100."""
    page_token: str
    """Token to fetch the next page of artifacts.

    Use the `next_page_token` value from a prior response with the same filters. Leave empty to
    fetch the first page.
    """
    def __init__(self, run_id: _Optional[str] = ..., workflow_id: _Optional[str] = ..., job_id: _Optional[str] = ..., attempt_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListArtifactsResponse(_message.Message):
    """Response message for `list_artifacts`."""
    __slots__ = ("artifacts", "next_page_token")
    ARTIFACTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    artifacts: _containers.RepeatedCompositeFieldContainer[Artifact]
    """Artifacts matching the request, up to `page_size` entries."""
    next_page_token: str
    """Token to retrieve the next page of results. Unset when no more pages are available."""
    def __init__(self, artifacts: _Optional[_Iterable[_Union[Artifact, _Mapping[str, _Any]]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListRunsRequest(_message.Message):
    """Request message for `list_runs`: Returns CI runs for the authenticated organization, newest
    first.
    """
    __slots__ = ("status", "page_size", "page_token", "repo", "sha", "trigger", "pr")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    REPO_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    PR_FIELD_NUMBER: _ClassVar[int]
    status: _containers.RepeatedScalarFieldContainer[str]
    """Statuses of runs to return.

    Can be "queued", "running", "finished", "failed", or "cancelled". Multiple values are ORed.
    Default: ["running", "queued"].
    """
    page_size: int
    """Number of runs to return per page. Maximum: 100. Default: 50."""
    page_token: str
    """Token to fetch the next page of runs.

    Use the `next_page_token` value from a prior response. Leave empty to fetch the first page.
    """
    repo: str
    """Repository to return runs from, in owner/name format.

    For example, "depot/cli". Required if pr is set.
    """
    sha: str
    """Commit SHA prefix to return runs for.

    Matched against the run's sha or `head_sha`. 1-40 hex characters.
    """
    trigger: str
    """Trigger event to return runs for, for example "push", "pull_request", "pull_request_target",
    "merge_group", "schedule", "workflow_run", or "workflow_dispatch".
    """
    pr: str
    """Pull request number to return runs for. Requires repo."""
    def __init__(self, status: _Optional[_Iterable[str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., repo: _Optional[str] = ..., sha: _Optional[str] = ..., trigger: _Optional[str] = ..., pr: _Optional[str] = ...) -> None: ...

class ListRunsResponse(_message.Message):
    """Response message for `list_runs`."""
    __slots__ = ("runs", "next_page_token")
    RUNS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    runs: _containers.RepeatedCompositeFieldContainer[ListRunsResponseRun]
    """Recent runs matching the request, newest first."""
    next_page_token: str
    """Token to retrieve the next page of results. Empty when no more pages are available."""
    def __init__(self, runs: _Optional[_Iterable[_Union[ListRunsResponseRun, _Mapping[str, _Any]]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListRunsResponseRun(_message.Message):
    """A recent CI run matching a `list_runs` request."""
    __slots__ = ("run_id", "repo", "trigger", "sha", "status", "created_at", "ref", "head_sha")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    REPO_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    HEAD_SHA_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    """Unique identifier for the CI run."""
    repo: str
    """GitHub repository in owner/name format. For example, "depot/cli"."""
    trigger: str
    """Event that triggered the run, for example "push", "pull_request", "pull_request_target",
    "merge_group", "schedule", "workflow_run", or "workflow_dispatch".
    """
    sha: str
    """Commit SHA the run executes against. Empty for open pull_request runs."""
    status: str
    """Current state of the run.

    Can be "queued", "running", "finished", "failed", or "cancelled".
    """
    created_at: str
    """`run` creation time, in RFC 3339 format."""
    ref: str
    """Git ref the run was triggered against.

    For example, "refs/heads/main" or "refs/pull/42/merge". Empty when the trigger carries no ref.
    """
    head_sha: str
    """Source commit SHA for pull_request and merge_group triggers.

    Empty for triggers that don't carry a head SHA.
    """
    def __init__(self, run_id: _Optional[str] = ..., repo: _Optional[str] = ..., trigger: _Optional[str] = ..., sha: _Optional[str] = ..., status: _Optional[str] = ..., created_at: _Optional[str] = ..., ref: _Optional[str] = ..., head_sha: _Optional[str] = ...) -> None: ...

class ListWorkflowsRequest(_message.Message):
    """Request message for `list_workflows`: Returns CI workflows for the authenticated
    organization, newest first.
    """
    __slots__ = ("page_size", "name", "repo", "status", "trigger", "sha", "pr")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REPO_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    PR_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    """Number of workflows to return per page. Maximum: 200. Default: 50."""
    name: str
    """Text to match against the workflow name or file path.

    Only workflows containing this text are returned.
    """
    repo: str
    """Repository to return workflows from, in owner/name format. For example, "depot/cli"."""
    status: _containers.RepeatedScalarFieldContainer[str]
    """Statuses of workflows to return.

    Can be "queued", "running", "finished", "failed", or "cancelled". Multiple values are ORed.
    """
    trigger: str
    """Trigger event to return workflows for, for example "push", "pull_request",
    "pull_request_target", "merge_group", "schedule", "workflow_run", or "workflow_dispatch".
    """
    sha: str
    """Commit SHA prefix to return workflows for, matched against the parent run's `head_sha`.

    1-40 hex characters.
    """
    pr: str
    """Pull request number to return workflows for."""
    def __init__(self, page_size: _Optional[int] = ..., name: _Optional[str] = ..., repo: _Optional[str] = ..., status: _Optional[_Iterable[str]] = ..., trigger: _Optional[str] = ..., sha: _Optional[str] = ..., pr: _Optional[str] = ...) -> None: ...

class ListWorkflowsResponse(_message.Message):
    """Response message for `list_workflows`."""
    __slots__ = ("workflows",)
    WORKFLOWS_FIELD_NUMBER: _ClassVar[int]
    workflows: _containers.RepeatedCompositeFieldContainer[ListWorkflowsResponseWorkflow]
    """Recent workflows matching the request, newest first."""
    def __init__(self, workflows: _Optional[_Iterable[_Union[ListWorkflowsResponseWorkflow, _Mapping[str, _Any]]]] = ...) -> None: ...

class ListWorkflowsResponseJobCounts(_message.Message):
    """Counts of a workflow's jobs broken down by status."""
    __slots__ = ("total", "queued", "waiting", "running", "finished", "failed", "cancelled", "skipped")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    QUEUED_FIELD_NUMBER: _ClassVar[int]
    WAITING_FIELD_NUMBER: _ClassVar[int]
    RUNNING_FIELD_NUMBER: _ClassVar[int]
    FINISHED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    total: int
    """Total number of jobs in the workflow."""
    queued: int
    """Number of jobs currently queued."""
    waiting: int
    """Number of jobs waiting on dependencies."""
    running: int
    """Number of jobs currently running."""
    finished: int
    """Number of jobs that finished successfully."""
    failed: int
    """Number of jobs that failed."""
    cancelled: int
    """Number of jobs that were cancelled."""
    skipped: int
    """Number of jobs that were skipped."""
    def __init__(self, total: _Optional[int] = ..., queued: _Optional[int] = ..., waiting: _Optional[int] = ..., running: _Optional[int] = ..., finished: _Optional[int] = ..., failed: _Optional[int] = ..., cancelled: _Optional[int] = ..., skipped: _Optional[int] = ...) -> None: ...

class ListWorkflowsResponseWorkflow(_message.Message):
    """A recent workflow matching a `list_workflows` request."""
    __slots__ = ("workflow_id", "name", "workflow_path", "repo", "status", "trigger", "run_id", "sha", "head_sha", "created_at", "job_counts")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_PATH_FIELD_NUMBER: _ClassVar[int]
    REPO_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    HEAD_SHA_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    JOB_COUNTS_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    """Unique identifier for the workflow."""
    name: str
    """Workflow name from the YAML name: key.

    Falls back to the file path stem when the workflow doesn't set name:. Empty when neither is
    available.
    """
    workflow_path: str
    """Workflow file path.

    For example, ".depot/workflows/ci.yml". Empty when the workflow YAML was passed via
    `workflow_content` in the `run` request.
    """
    repo: str
    """GitHub repository in owner/name format. For example, "depot/cli"."""
    status: str
    """Current state of the workflow.

    Can be "queued", "running", "finished", "failed", or "cancelled".
    """
    trigger: str
    """Event that triggered the parent run, for example "push", "pull_request",
    "pull_request_target", "merge_group", "schedule", "workflow_run", or "workflow_dispatch".
    """
    run_id: str
    """Unique identifier for the parent CI run."""
    sha: str
    """Commit SHA the parent run executes against. Empty for open pull_request runs."""
    head_sha: str
    """Source commit SHA for pull_request and merge_group triggers.

    Empty for triggers that don't carry a head SHA.
    """
    created_at: str
    """Workflow creation time, in RFC 3339 format."""
    job_counts: ListWorkflowsResponseJobCounts
    """Counts of jobs in the workflow broken down by status."""
    def __init__(self, workflow_id: _Optional[str] = ..., name: _Optional[str] = ..., workflow_path: _Optional[str] = ..., repo: _Optional[str] = ..., status: _Optional[str] = ..., trigger: _Optional[str] = ..., run_id: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., created_at: _Optional[str] = ..., job_counts: _Optional[_Union[ListWorkflowsResponseJobCounts, _Mapping[str, _Any]]] = ...) -> None: ...

class LogLine(_message.Message):
    """A persisted log line of a job attempt."""
    __slots__ = ("step_key", "timestamp_ms", "line_number", "stream", "body", "step_id", "step_name")
    STEP_KEY_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    LINE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    STREAM_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    STEP_ID_FIELD_NUMBER: _ClassVar[int]
    STEP_NAME_FIELD_NUMBER: _ClassVar[int]
    step_key: str
    """Depot-assigned key correlating the line with a workflow step.

    Stable across responses for the same step.
    """
    timestamp_ms: int
    """Log timestamp as Unix epoch milliseconds."""
    line_number: int
    """Persisted line number within the emitting stream."""
    stream: int
    """0 for stdout, 1 for stderr."""
    body: str
    """Log line content, without a trailing newline."""
    step_id: str
    """User-authored workflow step ID from the step's id: key. Empty when not set."""
    step_name: str
    """User-authored workflow step name from the step's name: key. Empty when not set."""
    def __init__(self, step_key: _Optional[str] = ..., timestamp_ms: _Optional[int] = ..., line_number: _Optional[int] = ..., stream: _Optional[int] = ..., body: _Optional[str] = ..., step_id: _Optional[str] = ..., step_name: _Optional[str] = ...) -> None: ...

class RelevantErrorLine(_message.Message):
    """An AI-selected log line correlated with a failure."""
    __slots__ = ("step_id", "line_number", "content", "content_truncated", "content_original_length")
    STEP_ID_FIELD_NUMBER: _ClassVar[int]
    LINE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ORIGINAL_LENGTH_FIELD_NUMBER: _ClassVar[int]
    step_id: str
    """Workflow step identifier the line was emitted from.

    Empty when not associated with a step.
    """
    line_number: int
    """Persisted line number within the emitting stream."""
    content: str
    """Log line content, possibly truncated."""
    content_truncated: bool
    """True when content was truncated to fit the per-line limit."""
    content_original_length: int
    """Length of the full content, in characters, before any truncation."""
    def __init__(self, step_id: _Optional[str] = ..., line_number: _Optional[int] = ..., content: _Optional[str] = ..., content_truncated: _Optional[bool] = ..., content_original_length: _Optional[int] = ...) -> None: ...

class RepresentativeAttempt(_message.Message):
    """A failed attempt chosen as a sample of a failure group's failure."""
    __slots__ = ("run_id", "workflow_id", "workflow_name", "workflow_path", "job_id", "job_key", "job_display_name", "job_status", "job_conclusion", "attempt_id", "attempt", "attempt_status", "attempt_conclusion", "error_message", "error_message_truncated", "error_message_original_length", "diagnosis", "possible_fix", "relevant_lines", "next_commands")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_NAME_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_PATH_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_KEY_FIELD_NUMBER: _ClassVar[int]
    JOB_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    JOB_STATUS_FIELD_NUMBER: _ClassVar[int]
    JOB_CONCLUSION_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_STATUS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_CONCLUSION_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_ORIGINAL_LENGTH_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSIS_FIELD_NUMBER: _ClassVar[int]
    POSSIBLE_FIX_FIELD_NUMBER: _ClassVar[int]
    RELEVANT_LINES_FIELD_NUMBER: _ClassVar[int]
    NEXT_COMMANDS_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    """Unique identifier for the parent CI run."""
    workflow_id: str
    """Unique identifier for the parent workflow."""
    workflow_name: str
    """Parent workflow name from the YAML name: key.

    Falls back to the file path stem when the workflow doesn't set name:. Empty when neither is
    available.
    """
    workflow_path: str
    """Parent workflow file path.

    For example, ".depot/workflows/ci.yml". Empty when the workflow YAML was passed via
    `workflow_content` in the `run` request.
    """
    job_id: str
    """Unique identifier for the parent job."""
    job_key: str
    """Parent job key from the workflow."""
    job_display_name: str
    """Human-readable display name for the parent job.

    Falls back to `job_key` when no display name is set.
    """
    job_status: FailureDiagnosisResourceStatus
    """Current state of the parent job."""
    job_conclusion: FailureDiagnosisConclusion
    """Conclusion of the parent job. Unspecified until the job concludes."""
    attempt_id: str
    """Unique identifier for this attempt."""
    attempt: int
    """Attempt number, starting at 1 for the first run."""
    attempt_status: FailureDiagnosisResourceStatus
    """Current state of the attempt."""
    attempt_conclusion: FailureDiagnosisConclusion
    """Conclusion of the attempt. Unspecified until the attempt concludes."""
    error_message: str
    """Error message captured for this attempt, possibly truncated."""
    error_message_truncated: bool
    """True when `error_message` was truncated to fit the response limit."""
    error_message_original_length: int
    """Length of the full `error_message`, in characters, before any truncation."""
    diagnosis: str
    """AI-generated diagnosis for this attempt. Empty when no diagnosis is available."""
    possible_fix: str
    """AI-generated suggested fix for this attempt. Empty when no suggestion is available."""
    relevant_lines: _containers.RepeatedCompositeFieldContainer[RelevantErrorLine]
    """AI-selected log lines correlated with the failure.

    Empty when no log analysis is available.
    """
    next_commands: _containers.RepeatedCompositeFieldContainer[DrillDownCommand]
    """Drill-down commands suggested for this attempt.

    For example, "depot ci logs" or "depot ci summary".
    """
    def __init__(self, run_id: _Optional[str] = ..., workflow_id: _Optional[str] = ..., workflow_name: _Optional[str] = ..., workflow_path: _Optional[str] = ..., job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., job_display_name: _Optional[str] = ..., job_status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., job_conclusion: _Optional[_Union[FailureDiagnosisConclusion, str]] = ..., attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., attempt_status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., attempt_conclusion: _Optional[_Union[FailureDiagnosisConclusion, str]] = ..., error_message: _Optional[str] = ..., error_message_truncated: _Optional[bool] = ..., error_message_original_length: _Optional[int] = ..., diagnosis: _Optional[str] = ..., possible_fix: _Optional[str] = ..., relevant_lines: _Optional[_Iterable[_Union[RelevantErrorLine, _Mapping[str, _Any]]]] = ..., next_commands: _Optional[_Iterable[_Union[DrillDownCommand, _Mapping[str, _Any]]]] = ...) -> None: ...

class RerunWorkflowRequest(_message.Message):
    """Request message for `rerun_workflow`: Resets every job in a workflow that's in a terminal
    state (finished, failed, or cancelled) to queued and runs them all again.
    """
    __slots__ = ("workflow_id",)
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    """Unique identifier for the workflow to re-run.

    Returned by `get_run_status` and `list_workflows`.
    """
    def __init__(self, workflow_id: _Optional[str] = ...) -> None: ...

class RerunWorkflowResponse(_message.Message):
    """Response message for `rerun_workflow`."""
    __slots__ = ("workflow_id", "job_count")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_COUNT_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    """Unique identifier for the workflow.

    Matches the request `workflow_id`. A re-run creates a new workflow execution rather than a new
    workflow.
    """
    job_count: int
    """Number of jobs reset to queued.

    A re-run resets every job in the workflow, so this is the workflow's total job count.
    """
    def __init__(self, workflow_id: _Optional[str] = ..., job_count: _Optional[int] = ...) -> None: ...

class RetryFailedJobsRequest(_message.Message):
    """Request message for `retry_failed_jobs`: Retries only the failed and cancelled jobs in a
    workflow, along with any skipped jobs that depend on them.
    """
    __slots__ = ("workflow_id",)
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    """Unique identifier for the workflow containing failed jobs.

    Returned by `get_run_status` and `list_workflows`.
    """
    def __init__(self, workflow_id: _Optional[str] = ...) -> None: ...

class RetryFailedJobsResponse(_message.Message):
    """Response message for `retry_failed_jobs`."""
    __slots__ = ("workflow_id", "job_ids", "job_count")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_IDS_FIELD_NUMBER: _ClassVar[int]
    JOB_COUNT_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    """Unique identifier for the workflow.

    Matches the request `workflow_id`. A retry creates a new workflow execution rather than a new
    workflow.
    """
    job_ids: _containers.RepeatedScalarFieldContainer[str]
    """Unique identifiers for jobs that were set back to queued.

    A new attempt is created for each job when it runs again.
    """
    job_count: int
    """Number of jobs reset to queued.

    Includes failed and cancelled jobs, plus any skipped jobs that depend on them. Equal to the
    number of entries in the `job_ids` array.
    """
    def __init__(self, workflow_id: _Optional[str] = ..., job_ids: _Optional[_Iterable[str]] = ..., job_count: _Optional[int] = ...) -> None: ...

class RetryJobRequest(_message.Message):
    """Request message for `retry_job`: Retries a failed or cancelled job, along with any skipped
    jobs that depend on it.
    """
    __slots__ = ("workflow_id", "job_id")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    """Unique identifier for the workflow containing the job.

    Returned by `get_run_status` and `list_workflows`.
    """
    job_id: str
    """Unique identifier for the job to retry. Returned by `get_run_status` and `get_workflow`."""
    def __init__(self, workflow_id: _Optional[str] = ..., job_id: _Optional[str] = ...) -> None: ...

class RetryJobResponse(_message.Message):
    """Response message for `retry_job`."""
    __slots__ = ("job_id", "attempt_id", "attempt", "status")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    """Unique identifier for the job.

    Matches the request `job_id`. A retry creates a new attempt rather than a new job.
    """
    attempt_id: str
    """Empty in the response.

    The new attempt is created once the job runs again and appears in the attempts array returned by
    `get_job`.
    """
    attempt: int
    """Attempt number the next attempt will use, one greater than the prior attempt."""
    status: str
    """Updated job status. Should be "queued"."""
    def __init__(self, job_id: _Optional[str] = ..., attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., status: _Optional[str] = ...) -> None: ...

class RunRequest(_message.Message):
    """Request message for `run`: Triggers a CI run."""
    __slots__ = ("repo", "sha", "workflow", "workflow_content", "job")
    REPO_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_CONTENT_FIELD_NUMBER: _ClassVar[int]
    JOB_FIELD_NUMBER: _ClassVar[int]
    repo: str
    """GitHub repository to run workflows from, in owner/name format.

    For example, "depot/cli". Must be connected to your Depot organization through the Depot GitHub
    app.
    """
    sha: str
    """Commit SHA to run against.

    Use a specific commit to run a particular version of your workflow files (and have that SHA
    appear in github.sha), or omit to run the latest commit on the default branch. Must be a full
    40-character hex SHA. Default: HEAD of the default branch.
    """
    workflow: str
    """Path of the workflow file to run, relative to the repo root.

    For example, ".depot/workflows/ci.yml". Mutually exclusive with `workflow_content`; if neither
    is provided, runs all workflows in the repo.
    """
    workflow_content: _containers.RepeatedScalarFieldContainer[str]
    """An array of workflow YAMLs to run.

    Depot reads the YAML from the request instead of the repo. Each entry must be the complete
    content of a workflow (as found in .depot/workflows/). Useful for testing workflow YAML changes
    without committing them. Mutually exclusive with workflow; if neither is provided, runs all
    workflows in the repo.
    """
    job: str
    """Job key of a single job to run from within a workflow.

    For example, "build" or "test". When specified, the run skips all other jobs in the workflow.
    Valid only when a single workflow is specified, either through workflow or a `workflow_content`
    entry containing one workflow.
    """
    def __init__(self, repo: _Optional[str] = ..., sha: _Optional[str] = ..., workflow: _Optional[str] = ..., workflow_content: _Optional[_Iterable[str]] = ..., job: _Optional[str] = ...) -> None: ...

class RunResponse(_message.Message):
    """Response message for `run`."""
    __slots__ = ("org_id", "run_id")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    """Depot organization that owns this run."""
    run_id: str
    """Unique identifier for the created CI run.

    Use it for methods like `get_run`, `get_run_status`, `cancel_run`, and `list_artifacts` to
    track, cancel, or fetch results from the run.
    """
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ...) -> None: ...

class StreamJobAttemptLogsRequest(_message.Message):
    """Request message for `stream_job_attempt_logs`: Follows a job attempt's persisted log lines,
    streaming new lines while the attempt runs.
    """
    __slots__ = ("attempt_id", "cursor", "job_id")
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    """Unique identifier for the job attempt. Set exactly one of `attempt_id` or `job_id`."""
    cursor: str
    """Opaque cursor returned by a previous stream response for the same target.

    Omit it to stream from the first persisted line.
    """
    job_id: str
    """Unique identifier for a CI job.

    The stream resolves it to that job's latest attempt. Set exactly one of `attempt_id` or
    `job_id`.
    """
    def __init__(self, attempt_id: _Optional[str] = ..., cursor: _Optional[str] = ..., job_id: _Optional[str] = ...) -> None: ...

class StreamJobAttemptLogsResponse(_message.Message):
    """Response message for `stream_job_attempt_logs`.

    The server sends one of these per message on the response stream.
    """
    __slots__ = ("line", "next_cursor", "attempt_status")
    LINE_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_STATUS_FIELD_NUMBER: _ClassVar[int]
    line: LogLine
    """Set when this response carries a persisted log line.

    Status-only responses can omit it while the stream is waiting for rows.
    """
    next_cursor: str
    """Opaque cursor to resume after the emitted line.

    Set on responses that carry a line. Persist the newest value and send it as cursor on a later
    request.
    """
    attempt_status: str
    """Current state of the attempt.

    Can be "queued", "waiting", "running", "finished", "failed", or "cancelled".
    """
    def __init__(self, line: _Optional[_Union[LogLine, _Mapping[str, _Any]]] = ..., next_cursor: _Optional[str] = ..., attempt_status: _Optional[str] = ...) -> None: ...

class WorkflowStatus(_message.Message):
    """A workflow in a run, with its nested jobs and attempts."""
    __slots__ = ("workflow_id", "status", "workflow_path", "jobs", "name", "error_message")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_PATH_FIELD_NUMBER: _ClassVar[int]
    JOBS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    """Unique identifier for the workflow."""
    status: str
    """Current state of the workflow.

    Can be "queued", "running", "finished", "failed", or "cancelled".
    """
    workflow_path: str
    """Workflow file path.

    For example, ".depot/workflows/ci.yml". Empty when the workflow YAML was passed via
    `workflow_content` in the `run` request.
    """
    jobs: _containers.RepeatedCompositeFieldContainer[JobStatus]
    """Jobs that make up the workflow."""
    name: str
    """Workflow name from the YAML name: key. Empty when not set."""
    error_message: str
    """Workflow error or cancellation reason.

    For example, a compilation or validation error. Empty when the workflow is healthy.
    """
    def __init__(self, workflow_id: _Optional[str] = ..., status: _Optional[str] = ..., workflow_path: _Optional[str] = ..., jobs: _Optional[_Iterable[_Union[JobStatus, _Mapping[str, _Any]]]] = ..., name: _Optional[str] = ..., error_message: _Optional[str] = ...) -> None: ...
