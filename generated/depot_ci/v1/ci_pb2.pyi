from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union
from typing import Any as _Any

DESCRIPTOR: _descriptor.FileDescriptor

class CIMetricsAvailabilityCode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CI_METRICS_AVAILABILITY_CODE_UNSPECIFIED: _ClassVar[CIMetricsAvailabilityCode]
    CI_METRICS_AVAILABILITY_CODE_AVAILABLE: _ClassVar[CIMetricsAvailabilityCode]
    CI_METRICS_AVAILABILITY_CODE_NO_SANDBOX: _ClassVar[CIMetricsAvailabilityCode]
    CI_METRICS_AVAILABILITY_CODE_NO_TIME_RANGE: _ClassVar[CIMetricsAvailabilityCode]
    CI_METRICS_AVAILABILITY_CODE_NO_SAMPLES: _ClassVar[CIMetricsAvailabilityCode]

class DrillDownCommandKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DRILL_DOWN_COMMAND_KIND_UNSPECIFIED: _ClassVar[DrillDownCommandKind]
    DRILL_DOWN_COMMAND_KIND_LOGS: _ClassVar[DrillDownCommandKind]
    DRILL_DOWN_COMMAND_KIND_SUMMARY: _ClassVar[DrillDownCommandKind]
    DRILL_DOWN_COMMAND_KIND_DIAGNOSE_WORKFLOW: _ClassVar[DrillDownCommandKind]
    DRILL_DOWN_COMMAND_KIND_DIAGNOSE_JOB: _ClassVar[DrillDownCommandKind]

class FailureDiagnosisConclusion(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FAILURE_DIAGNOSIS_CONCLUSION_UNSPECIFIED: _ClassVar[FailureDiagnosisConclusion]
    FAILURE_DIAGNOSIS_CONCLUSION_SUCCESS: _ClassVar[FailureDiagnosisConclusion]
    FAILURE_DIAGNOSIS_CONCLUSION_FAILURE: _ClassVar[FailureDiagnosisConclusion]
    FAILURE_DIAGNOSIS_CONCLUSION_CANCELLED: _ClassVar[FailureDiagnosisConclusion]
    FAILURE_DIAGNOSIS_CONCLUSION_SKIPPED: _ClassVar[FailureDiagnosisConclusion]
    FAILURE_DIAGNOSIS_CONCLUSION_TIMED_OUT: _ClassVar[FailureDiagnosisConclusion]

class FailureDiagnosisEmptyReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FAILURE_DIAGNOSIS_EMPTY_REASON_UNSPECIFIED: _ClassVar[FailureDiagnosisEmptyReason]
    FAILURE_DIAGNOSIS_EMPTY_REASON_NO_FAILURE_EVIDENCE: _ClassVar[FailureDiagnosisEmptyReason]

class FailureDiagnosisResourceStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
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
    __slots__ = ()
    FAILURE_DIAGNOSIS_STATE_UNSPECIFIED: _ClassVar[FailureDiagnosisState]
    FAILURE_DIAGNOSIS_STATE_EMPTY: _ClassVar[FailureDiagnosisState]
    FAILURE_DIAGNOSIS_STATE_GROUPED_FAILURES: _ClassVar[FailureDiagnosisState]
    FAILURE_DIAGNOSIS_STATE_FOCUSED_FAILURE: _ClassVar[FailureDiagnosisState]
    FAILURE_DIAGNOSIS_STATE_OVER_LIMIT: _ClassVar[FailureDiagnosisState]

class FailureDiagnosisTargetType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FAILURE_DIAGNOSIS_TARGET_TYPE_UNSPECIFIED: _ClassVar[FailureDiagnosisTargetType]
    FAILURE_DIAGNOSIS_TARGET_TYPE_RUN: _ClassVar[FailureDiagnosisTargetType]
    FAILURE_DIAGNOSIS_TARGET_TYPE_WORKFLOW: _ClassVar[FailureDiagnosisTargetType]
    FAILURE_DIAGNOSIS_TARGET_TYPE_JOB: _ClassVar[FailureDiagnosisTargetType]
    FAILURE_DIAGNOSIS_TARGET_TYPE_ATTEMPT: _ClassVar[FailureDiagnosisTargetType]

class JobAttemptLogExportFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
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
    run_id: str
    workflow_id: str
    workflow_path: str
    job_id: str
    job_key: str
    attempt_id: str
    attempt: int
    name: str
    size_bytes: int
    created_at: str
    def __init__(self, artifact_id: _Optional[str] = ..., run_id: _Optional[str] = ..., workflow_id: _Optional[str] = ..., workflow_path: _Optional[str] = ..., job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., name: _Optional[str] = ..., size_bytes: _Optional[int] = ..., created_at: _Optional[str] = ...) -> None: ...

class AttemptStatus(_message.Message):
    __slots__ = ("attempt_id", "attempt", "status", "sandbox_id", "session_id")
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SANDBOX_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    attempt: int
    status: str
    sandbox_id: str
    session_id: str
    def __init__(self, attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., status: _Optional[str] = ..., sandbox_id: _Optional[str] = ..., session_id: _Optional[str] = ...) -> None: ...

class CIMetricSample(_message.Message):
    __slots__ = ("timestamp", "cpu_utilization", "memory_utilization", "memory_usage_bytes")
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    CPU_UTILIZATION_FIELD_NUMBER: _ClassVar[int]
    MEMORY_UTILIZATION_FIELD_NUMBER: _ClassVar[int]
    MEMORY_USAGE_BYTES_FIELD_NUMBER: _ClassVar[int]
    timestamp: str
    cpu_utilization: float
    memory_utilization: float
    memory_usage_bytes: int
    def __init__(self, timestamp: _Optional[str] = ..., cpu_utilization: _Optional[float] = ..., memory_utilization: _Optional[float] = ..., memory_usage_bytes: _Optional[int] = ...) -> None: ...

class CIMetricsAttemptContext(_message.Message):
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
    attempt: int
    status: str
    conclusion: str
    sandbox_id: str
    session_id: str
    created_at: str
    started_at: str
    finished_at: str
    def __init__(self, attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., status: _Optional[str] = ..., conclusion: _Optional[str] = ..., sandbox_id: _Optional[str] = ..., session_id: _Optional[str] = ..., created_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class CIMetricsAttemptMetrics(_message.Message):
    __slots__ = ("attempt", "availability", "stats", "cap", "samples")
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    AVAILABILITY_FIELD_NUMBER: _ClassVar[int]
    STATS_FIELD_NUMBER: _ClassVar[int]
    CAP_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    attempt: CIMetricsAttemptContext
    availability: CIMetricsAvailability
    stats: CIMetricsStats
    cap: CIMetricsCapMetadata
    samples: _containers.RepeatedCompositeFieldContainer[CIMetricSample]
    def __init__(self, attempt: _Optional[_Union[CIMetricsAttemptContext, _Mapping[str, _Any]]] = ..., availability: _Optional[_Union[CIMetricsAvailability, _Mapping[str, _Any]]] = ..., stats: _Optional[_Union[CIMetricsStats, _Mapping[str, _Any]]] = ..., cap: _Optional[_Union[CIMetricsCapMetadata, _Mapping[str, _Any]]] = ..., samples: _Optional[_Iterable[_Union[CIMetricSample, _Mapping[str, _Any]]]] = ...) -> None: ...

class CIMetricsAttemptSummary(_message.Message):
    __slots__ = ("attempt", "availability", "stats", "cap")
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    AVAILABILITY_FIELD_NUMBER: _ClassVar[int]
    STATS_FIELD_NUMBER: _ClassVar[int]
    CAP_FIELD_NUMBER: _ClassVar[int]
    attempt: CIMetricsAttemptContext
    availability: CIMetricsAvailability
    stats: CIMetricsStats
    cap: CIMetricsCapMetadata
    def __init__(self, attempt: _Optional[_Union[CIMetricsAttemptContext, _Mapping[str, _Any]]] = ..., availability: _Optional[_Union[CIMetricsAvailability, _Mapping[str, _Any]]] = ..., stats: _Optional[_Union[CIMetricsStats, _Mapping[str, _Any]]] = ..., cap: _Optional[_Union[CIMetricsCapMetadata, _Mapping[str, _Any]]] = ...) -> None: ...

class CIMetricsAvailability(_message.Message):
    __slots__ = ("code", "reason")
    CODE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    code: CIMetricsAvailabilityCode
    reason: str
    def __init__(self, code: _Optional[_Union[CIMetricsAvailabilityCode, str]] = ..., reason: _Optional[str] = ...) -> None: ...

class CIMetricsCapMetadata(_message.Message):
    __slots__ = ("raw_sample_count", "returned_sample_count", "max_returned_sample_count", "downsampled", "downsample_strategy")
    RAW_SAMPLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    RETURNED_SAMPLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_RETURNED_SAMPLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    DOWNSAMPLED_FIELD_NUMBER: _ClassVar[int]
    DOWNSAMPLE_STRATEGY_FIELD_NUMBER: _ClassVar[int]
    raw_sample_count: int
    returned_sample_count: int
    max_returned_sample_count: int
    downsampled: bool
    downsample_strategy: str
    def __init__(self, raw_sample_count: _Optional[int] = ..., returned_sample_count: _Optional[int] = ..., max_returned_sample_count: _Optional[int] = ..., downsampled: _Optional[bool] = ..., downsample_strategy: _Optional[str] = ...) -> None: ...

class CIMetricsJobContext(_message.Message):
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
    job_key: str
    status: str
    conclusion: str
    current_attempt: int
    created_at: str
    started_at: str
    finished_at: str
    def __init__(self, job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., status: _Optional[str] = ..., conclusion: _Optional[str] = ..., current_attempt: _Optional[int] = ..., created_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class CIMetricsJobMetrics(_message.Message):
    __slots__ = ("job", "attempts")
    JOB_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    job: CIMetricsJobContext
    attempts: _containers.RepeatedCompositeFieldContainer[CIMetricsAttemptSummary]
    def __init__(self, job: _Optional[_Union[CIMetricsJobContext, _Mapping[str, _Any]]] = ..., attempts: _Optional[_Iterable[_Union[CIMetricsAttemptSummary, _Mapping[str, _Any]]]] = ...) -> None: ...

class CIMetricsRunContext(_message.Message):
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
    repo: str
    ref: str
    sha: str
    head_sha: str
    trigger: str
    status: str
    created_at: str
    started_at: str
    finished_at: str
    def __init__(self, run_id: _Optional[str] = ..., repo: _Optional[str] = ..., ref: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., trigger: _Optional[str] = ..., status: _Optional[str] = ..., created_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class CIMetricsStats(_message.Message):
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
    cpu_sample_count: int
    memory_sample_count: int
    peak_cpu_utilization: float
    average_cpu_utilization: float
    peak_memory_utilization: float
    average_memory_utilization: float
    observed_started_at: str
    observed_finished_at: str
    peak_memory_usage_bytes: int
    average_memory_usage_bytes: float
    def __init__(self, sample_count: _Optional[int] = ..., cpu_sample_count: _Optional[int] = ..., memory_sample_count: _Optional[int] = ..., peak_cpu_utilization: _Optional[float] = ..., average_cpu_utilization: _Optional[float] = ..., peak_memory_utilization: _Optional[float] = ..., average_memory_utilization: _Optional[float] = ..., observed_started_at: _Optional[str] = ..., observed_finished_at: _Optional[str] = ..., peak_memory_usage_bytes: _Optional[int] = ..., average_memory_usage_bytes: _Optional[float] = ...) -> None: ...

class CIMetricsWorkflowContext(_message.Message):
    __slots__ = ("workflow_id", "workflow_path", "name", "status", "created_at", "started_at", "finished_at")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_PATH_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    workflow_path: str
    name: str
    status: str
    created_at: str
    started_at: str
    finished_at: str
    def __init__(self, workflow_id: _Optional[str] = ..., workflow_path: _Optional[str] = ..., name: _Optional[str] = ..., status: _Optional[str] = ..., created_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class CIMetricsWorkflowMetrics(_message.Message):
    __slots__ = ("workflow", "jobs")
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    JOBS_FIELD_NUMBER: _ClassVar[int]
    workflow: CIMetricsWorkflowContext
    jobs: _containers.RepeatedCompositeFieldContainer[CIMetricsJobMetrics]
    def __init__(self, workflow: _Optional[_Union[CIMetricsWorkflowContext, _Mapping[str, _Any]]] = ..., jobs: _Optional[_Iterable[_Union[CIMetricsJobMetrics, _Mapping[str, _Any]]]] = ...) -> None: ...

class CancelJobRequest(_message.Message):
    __slots__ = ("workflow_id", "job_id")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    job_id: str
    def __init__(self, workflow_id: _Optional[str] = ..., job_id: _Optional[str] = ...) -> None: ...

class CancelJobResponse(_message.Message):
    __slots__ = ("job_id", "status")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    status: str
    def __init__(self, job_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class CancelRunRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class CancelRunResponse(_message.Message):
    __slots__ = ("run_id", "status")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    status: str
    def __init__(self, run_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class CancelWorkflowRequest(_message.Message):
    __slots__ = ("workflow_id",)
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    def __init__(self, workflow_id: _Optional[str] = ...) -> None: ...

class CancelWorkflowResponse(_message.Message):
    __slots__ = ("workflow_id", "status")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    status: str
    def __init__(self, workflow_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class DispatchWorkflowRequest(_message.Message):
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
    workflow: str
    ref: str
    inputs: _containers.ScalarMap[str, str]
    def __init__(self, repo: _Optional[str] = ..., workflow: _Optional[str] = ..., ref: _Optional[str] = ..., inputs: _Optional[_Mapping[str, str]] = ...) -> None: ...

class DispatchWorkflowResponse(_message.Message):
    __slots__ = ("org_id", "run_id")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    run_id: str
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ...) -> None: ...

class DrillDownCommand(_message.Message):
    __slots__ = ("kind", "argv", "target_id", "label")
    KIND_FIELD_NUMBER: _ClassVar[int]
    ARGV_FIELD_NUMBER: _ClassVar[int]
    TARGET_ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    kind: DrillDownCommandKind
    argv: _containers.RepeatedScalarFieldContainer[str]
    target_id: str
    label: str
    def __init__(self, kind: _Optional[_Union[DrillDownCommandKind, str]] = ..., argv: _Optional[_Iterable[str]] = ..., target_id: _Optional[str] = ..., label: _Optional[str] = ...) -> None: ...

class ExportJobAttemptLogsRequest(_message.Message):
    __slots__ = ("attempt_id", "job_id", "format")
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    job_id: str
    format: JobAttemptLogExportFormat
    def __init__(self, attempt_id: _Optional[str] = ..., job_id: _Optional[str] = ..., format: _Optional[_Union[JobAttemptLogExportFormat, str]] = ...) -> None: ...

class ExportJobAttemptLogsResponse(_message.Message):
    __slots__ = ("metadata", "chunk")
    METADATA_FIELD_NUMBER: _ClassVar[int]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    metadata: JobAttemptLogExportMetadata
    chunk: bytes
    def __init__(self, metadata: _Optional[_Union[JobAttemptLogExportMetadata, _Mapping[str, _Any]]] = ..., chunk: _Optional[bytes] = ...) -> None: ...

class FailureDiagnosisBounds(_message.Message):
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
    failed_problem_candidate_cap: int
    total_problem_job_count: int
    skipped_dependent_count: int
    total_failure_group_count: int
    omitted_failure_group_count: int
    failure_group_limit: int
    representatives_per_group_limit: int
    recent_attempt_limit: int
    total_attempt_count: int
    omitted_attempt_count: int
    relevant_line_limit: int
    error_line_body_char_limit: int
    error_message_char_limit: int
    context_label_char_limit: int
    over_limit_workflow_breakdown_limit: int
    over_limit_job_breakdown_limit: int
    omitted_workflow_breakdown_count: int
    omitted_job_breakdown_count: int
    truncated: bool
    def __init__(self, failed_problem_candidate_count: _Optional[int] = ..., failed_problem_candidate_cap: _Optional[int] = ..., total_problem_job_count: _Optional[int] = ..., skipped_dependent_count: _Optional[int] = ..., total_failure_group_count: _Optional[int] = ..., omitted_failure_group_count: _Optional[int] = ..., failure_group_limit: _Optional[int] = ..., representatives_per_group_limit: _Optional[int] = ..., recent_attempt_limit: _Optional[int] = ..., total_attempt_count: _Optional[int] = ..., omitted_attempt_count: _Optional[int] = ..., relevant_line_limit: _Optional[int] = ..., error_line_body_char_limit: _Optional[int] = ..., error_message_char_limit: _Optional[int] = ..., context_label_char_limit: _Optional[int] = ..., over_limit_workflow_breakdown_limit: _Optional[int] = ..., over_limit_job_breakdown_limit: _Optional[int] = ..., omitted_workflow_breakdown_count: _Optional[int] = ..., omitted_job_breakdown_count: _Optional[int] = ..., truncated: _Optional[bool] = ...) -> None: ...

class FailureDiagnosisBreakdownRow(_message.Message):
    __slots__ = ("target_type", "target_id", "label", "status", "failed_problem_candidate_count", "next_commands")
    TARGET_TYPE_FIELD_NUMBER: _ClassVar[int]
    TARGET_ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FAILED_PROBLEM_CANDIDATE_COUNT_FIELD_NUMBER: _ClassVar[int]
    NEXT_COMMANDS_FIELD_NUMBER: _ClassVar[int]
    target_type: FailureDiagnosisTargetType
    target_id: str
    label: str
    status: FailureDiagnosisResourceStatus
    failed_problem_candidate_count: int
    next_commands: _containers.RepeatedCompositeFieldContainer[DrillDownCommand]
    def __init__(self, target_type: _Optional[_Union[FailureDiagnosisTargetType, str]] = ..., target_id: _Optional[str] = ..., label: _Optional[str] = ..., status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., failed_problem_candidate_count: _Optional[int] = ..., next_commands: _Optional[_Iterable[_Union[DrillDownCommand, _Mapping[str, _Any]]]] = ...) -> None: ...

class FailureDiagnosisCommandCapabilities(_message.Message):
    __slots__ = ("summary_command_available",)
    SUMMARY_COMMAND_AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    summary_command_available: bool
    def __init__(self, summary_command_available: _Optional[bool] = ...) -> None: ...

class FailureDiagnosisContext(_message.Message):
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
    repo: str
    ref: str
    sha: str
    head_sha: str
    trigger: str
    run_status: FailureDiagnosisResourceStatus
    workflow_id: str
    workflow_name: str
    workflow_path: str
    workflow_status: FailureDiagnosisResourceStatus
    job_id: str
    job_key: str
    job_display_name: str
    job_status: FailureDiagnosisResourceStatus
    job_conclusion: FailureDiagnosisConclusion
    attempt_id: str
    attempt: int
    attempt_status: FailureDiagnosisResourceStatus
    attempt_conclusion: FailureDiagnosisConclusion
    truncated_context_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, run_id: _Optional[str] = ..., repo: _Optional[str] = ..., ref: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., trigger: _Optional[str] = ..., run_status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., workflow_id: _Optional[str] = ..., workflow_name: _Optional[str] = ..., workflow_path: _Optional[str] = ..., workflow_status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., job_display_name: _Optional[str] = ..., job_status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., job_conclusion: _Optional[_Union[FailureDiagnosisConclusion, str]] = ..., attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., attempt_status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., attempt_conclusion: _Optional[_Union[FailureDiagnosisConclusion, str]] = ..., truncated_context_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class FailureDiagnosisTarget(_message.Message):
    __slots__ = ("target_id", "target_type", "status")
    TARGET_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_TYPE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    target_id: str
    target_type: FailureDiagnosisTargetType
    status: FailureDiagnosisResourceStatus
    def __init__(self, target_id: _Optional[str] = ..., target_type: _Optional[_Union[FailureDiagnosisTargetType, str]] = ..., status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ...) -> None: ...

class FailureGroup(_message.Message):
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
    source: str
    count: int
    error_message: str
    error_message_truncated: bool
    error_message_original_length: int
    diagnosis: str
    possible_fix: str
    representatives: _containers.RepeatedCompositeFieldContainer[RepresentativeAttempt]
    omitted_representative_count: int
    def __init__(self, fingerprint: _Optional[str] = ..., source: _Optional[str] = ..., count: _Optional[int] = ..., error_message: _Optional[str] = ..., error_message_truncated: _Optional[bool] = ..., error_message_original_length: _Optional[int] = ..., diagnosis: _Optional[str] = ..., possible_fix: _Optional[str] = ..., representatives: _Optional[_Iterable[_Union[RepresentativeAttempt, _Mapping[str, _Any]]]] = ..., omitted_representative_count: _Optional[int] = ...) -> None: ...

class GetArtifactDownloadURLRequest(_message.Message):
    __slots__ = ("artifact_id",)
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    def __init__(self, artifact_id: _Optional[str] = ...) -> None: ...

class GetArtifactDownloadURLResponse(_message.Message):
    __slots__ = ("artifact", "url", "expires_at")
    ARTIFACT_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    artifact: Artifact
    url: str
    expires_at: str
    def __init__(self, artifact: _Optional[_Union[Artifact, _Mapping[str, _Any]]] = ..., url: _Optional[str] = ..., expires_at: _Optional[str] = ...) -> None: ...

class GetAttemptRequest(_message.Message):
    __slots__ = ("attempt_id",)
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    def __init__(self, attempt_id: _Optional[str] = ...) -> None: ...

class GetAttemptResponse(_message.Message):
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
    run_id: str
    repo: str
    ref: str
    sha: str
    head_sha: str
    trigger: str
    run_status: str
    run_created_at: str
    run_started_at: str
    run_finished_at: str
    workflow_id: str
    workflow_name: str
    workflow_path: str
    workflow_status: str
    workflow_error_message: str
    workflow_created_at: str
    workflow_started_at: str
    workflow_finished_at: str
    job_id: str
    job_key: str
    job_display_name: str
    job_status: str
    job_conclusion: str
    job_error_message: str
    job_created_at: str
    job_dispatched_at: str
    job_started_at: str
    job_finished_at: str
    current_attempt_id: str
    current_attempt: int
    matrix: _containers.RepeatedCompositeFieldContainer[JobDetailMatrixValue]
    strategy: JobDetailStrategy
    runs_on: JobDetailRunsOn
    attempt: JobDetailAttempt
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ..., repo: _Optional[str] = ..., ref: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., trigger: _Optional[str] = ..., run_status: _Optional[str] = ..., run_created_at: _Optional[str] = ..., run_started_at: _Optional[str] = ..., run_finished_at: _Optional[str] = ..., workflow_id: _Optional[str] = ..., workflow_name: _Optional[str] = ..., workflow_path: _Optional[str] = ..., workflow_status: _Optional[str] = ..., workflow_error_message: _Optional[str] = ..., workflow_created_at: _Optional[str] = ..., workflow_started_at: _Optional[str] = ..., workflow_finished_at: _Optional[str] = ..., job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., job_display_name: _Optional[str] = ..., job_status: _Optional[str] = ..., job_conclusion: _Optional[str] = ..., job_error_message: _Optional[str] = ..., job_created_at: _Optional[str] = ..., job_dispatched_at: _Optional[str] = ..., job_started_at: _Optional[str] = ..., job_finished_at: _Optional[str] = ..., current_attempt_id: _Optional[str] = ..., current_attempt: _Optional[int] = ..., matrix: _Optional[_Iterable[_Union[JobDetailMatrixValue, _Mapping[str, _Any]]]] = ..., strategy: _Optional[_Union[JobDetailStrategy, _Mapping[str, _Any]]] = ..., runs_on: _Optional[_Union[JobDetailRunsOn, _Mapping[str, _Any]]] = ..., attempt: _Optional[_Union[JobDetailAttempt, _Mapping[str, _Any]]] = ...) -> None: ...

class GetFailureDiagnosisRequest(_message.Message):
    __slots__ = ("target_id", "target_type")
    TARGET_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_TYPE_FIELD_NUMBER: _ClassVar[int]
    target_id: str
    target_type: FailureDiagnosisTargetType
    def __init__(self, target_id: _Optional[str] = ..., target_type: _Optional[_Union[FailureDiagnosisTargetType, str]] = ...) -> None: ...

class GetFailureDiagnosisResponse(_message.Message):
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
    target: FailureDiagnosisTarget
    context: FailureDiagnosisContext
    state: FailureDiagnosisState
    empty_reason: FailureDiagnosisEmptyReason
    failure_groups: _containers.RepeatedCompositeFieldContainer[FailureGroup]
    representative_attempts: _containers.RepeatedCompositeFieldContainer[RepresentativeAttempt]
    bounds: FailureDiagnosisBounds
    next_commands: _containers.RepeatedCompositeFieldContainer[DrillDownCommand]
    command_capabilities: FailureDiagnosisCommandCapabilities
    over_limit_breakdown: _containers.RepeatedCompositeFieldContainer[FailureDiagnosisBreakdownRow]
    def __init__(self, org_id: _Optional[str] = ..., target: _Optional[_Union[FailureDiagnosisTarget, _Mapping[str, _Any]]] = ..., context: _Optional[_Union[FailureDiagnosisContext, _Mapping[str, _Any]]] = ..., state: _Optional[_Union[FailureDiagnosisState, str]] = ..., empty_reason: _Optional[_Union[FailureDiagnosisEmptyReason, str]] = ..., failure_groups: _Optional[_Iterable[_Union[FailureGroup, _Mapping[str, _Any]]]] = ..., representative_attempts: _Optional[_Iterable[_Union[RepresentativeAttempt, _Mapping[str, _Any]]]] = ..., bounds: _Optional[_Union[FailureDiagnosisBounds, _Mapping[str, _Any]]] = ..., next_commands: _Optional[_Iterable[_Union[DrillDownCommand, _Mapping[str, _Any]]]] = ..., command_capabilities: _Optional[_Union[FailureDiagnosisCommandCapabilities, _Mapping[str, _Any]]] = ..., over_limit_breakdown: _Optional[_Iterable[_Union[FailureDiagnosisBreakdownRow, _Mapping[str, _Any]]]] = ...) -> None: ...

class GetJobAttemptLogsRequest(_message.Message):
    __slots__ = ("attempt_id", "page_token", "job_id")
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    page_token: str
    job_id: str
    def __init__(self, attempt_id: _Optional[str] = ..., page_token: _Optional[str] = ..., job_id: _Optional[str] = ...) -> None: ...

class GetJobAttemptLogsResponse(_message.Message):
    __slots__ = ("lines", "next_page_token")
    LINES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    lines: _containers.RepeatedCompositeFieldContainer[LogLine]
    next_page_token: str
    def __init__(self, lines: _Optional[_Iterable[_Union[LogLine, _Mapping[str, _Any]]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetJobAttemptMetricsRequest(_message.Message):
    __slots__ = ("attempt_id",)
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    def __init__(self, attempt_id: _Optional[str] = ...) -> None: ...

class GetJobAttemptMetricsResponse(_message.Message):
    __slots__ = ("run", "workflow", "job", "attempt", "snapshot_at")
    RUN_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    JOB_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_AT_FIELD_NUMBER: _ClassVar[int]
    run: CIMetricsRunContext
    workflow: CIMetricsWorkflowContext
    job: CIMetricsJobContext
    attempt: CIMetricsAttemptMetrics
    snapshot_at: str
    def __init__(self, run: _Optional[_Union[CIMetricsRunContext, _Mapping[str, _Any]]] = ..., workflow: _Optional[_Union[CIMetricsWorkflowContext, _Mapping[str, _Any]]] = ..., job: _Optional[_Union[CIMetricsJobContext, _Mapping[str, _Any]]] = ..., attempt: _Optional[_Union[CIMetricsAttemptMetrics, _Mapping[str, _Any]]] = ..., snapshot_at: _Optional[str] = ...) -> None: ...

class GetJobMetricsRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class GetJobMetricsResponse(_message.Message):
    __slots__ = ("run", "workflow", "job", "attempts", "snapshot_at")
    RUN_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    JOB_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_AT_FIELD_NUMBER: _ClassVar[int]
    run: CIMetricsRunContext
    workflow: CIMetricsWorkflowContext
    job: CIMetricsJobContext
    attempts: _containers.RepeatedCompositeFieldContainer[CIMetricsAttemptSummary]
    snapshot_at: str
    def __init__(self, run: _Optional[_Union[CIMetricsRunContext, _Mapping[str, _Any]]] = ..., workflow: _Optional[_Union[CIMetricsWorkflowContext, _Mapping[str, _Any]]] = ..., job: _Optional[_Union[CIMetricsJobContext, _Mapping[str, _Any]]] = ..., attempts: _Optional[_Iterable[_Union[CIMetricsAttemptSummary, _Mapping[str, _Any]]]] = ..., snapshot_at: _Optional[str] = ...) -> None: ...

class GetJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class GetJobResponse(_message.Message):
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
    run_id: str
    repo: str
    ref: str
    sha: str
    head_sha: str
    trigger: str
    run_status: str
    run_created_at: str
    run_started_at: str
    run_finished_at: str
    workflow_id: str
    workflow_name: str
    workflow_path: str
    workflow_status: str
    workflow_error_message: str
    workflow_created_at: str
    workflow_started_at: str
    workflow_finished_at: str
    job_id: str
    job_key: str
    job_display_name: str
    job_status: str
    job_conclusion: str
    job_error_message: str
    job_created_at: str
    job_dispatched_at: str
    job_started_at: str
    job_finished_at: str
    current_attempt_id: str
    current_attempt: int
    matrix: _containers.RepeatedCompositeFieldContainer[JobDetailMatrixValue]
    strategy: JobDetailStrategy
    runs_on: JobDetailRunsOn
    dependencies: _containers.RepeatedCompositeFieldContainer[JobDetailDependency]
    attempts: _containers.RepeatedCompositeFieldContainer[JobDetailAttempt]
    dependency_count: int
    dependency_preview_limit: int
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ..., repo: _Optional[str] = ..., ref: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., trigger: _Optional[str] = ..., run_status: _Optional[str] = ..., run_created_at: _Optional[str] = ..., run_started_at: _Optional[str] = ..., run_finished_at: _Optional[str] = ..., workflow_id: _Optional[str] = ..., workflow_name: _Optional[str] = ..., workflow_path: _Optional[str] = ..., workflow_status: _Optional[str] = ..., workflow_error_message: _Optional[str] = ..., workflow_created_at: _Optional[str] = ..., workflow_started_at: _Optional[str] = ..., workflow_finished_at: _Optional[str] = ..., job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., job_display_name: _Optional[str] = ..., job_status: _Optional[str] = ..., job_conclusion: _Optional[str] = ..., job_error_message: _Optional[str] = ..., job_created_at: _Optional[str] = ..., job_dispatched_at: _Optional[str] = ..., job_started_at: _Optional[str] = ..., job_finished_at: _Optional[str] = ..., current_attempt_id: _Optional[str] = ..., current_attempt: _Optional[int] = ..., matrix: _Optional[_Iterable[_Union[JobDetailMatrixValue, _Mapping[str, _Any]]]] = ..., strategy: _Optional[_Union[JobDetailStrategy, _Mapping[str, _Any]]] = ..., runs_on: _Optional[_Union[JobDetailRunsOn, _Mapping[str, _Any]]] = ..., dependencies: _Optional[_Iterable[_Union[JobDetailDependency, _Mapping[str, _Any]]]] = ..., attempts: _Optional[_Iterable[_Union[JobDetailAttempt, _Mapping[str, _Any]]]] = ..., dependency_count: _Optional[int] = ..., dependency_preview_limit: _Optional[int] = ...) -> None: ...

class GetJobSummaryRequest(_message.Message):
    __slots__ = ("job_id", "attempt_id")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    attempt_id: str
    def __init__(self, job_id: _Optional[str] = ..., attempt_id: _Optional[str] = ...) -> None: ...

class GetJobSummaryResponse(_message.Message):
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
    run_id: str
    workflow_id: str
    job_id: str
    attempt_id: str
    attempt: int
    job_status: str
    attempt_status: str
    has_summary: bool
    empty_reason: str
    step_count: int
    markdown: str
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ..., workflow_id: _Optional[str] = ..., job_id: _Optional[str] = ..., attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., job_status: _Optional[str] = ..., attempt_status: _Optional[str] = ..., has_summary: _Optional[bool] = ..., empty_reason: _Optional[str] = ..., step_count: _Optional[int] = ..., markdown: _Optional[str] = ...) -> None: ...

class GetRunMetricsRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class GetRunMetricsResponse(_message.Message):
    __slots__ = ("run", "workflows", "snapshot_at")
    RUN_FIELD_NUMBER: _ClassVar[int]
    WORKFLOWS_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_AT_FIELD_NUMBER: _ClassVar[int]
    run: CIMetricsRunContext
    workflows: _containers.RepeatedCompositeFieldContainer[CIMetricsWorkflowMetrics]
    snapshot_at: str
    def __init__(self, run: _Optional[_Union[CIMetricsRunContext, _Mapping[str, _Any]]] = ..., workflows: _Optional[_Iterable[_Union[CIMetricsWorkflowMetrics, _Mapping[str, _Any]]]] = ..., snapshot_at: _Optional[str] = ...) -> None: ...

class GetRunRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class GetRunResponse(_message.Message):
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
    run_id: str
    repo: str
    ref: str
    sha: str
    head_sha: str
    trigger: str
    status: str
    created_at: str
    started_at: str
    finished_at: str
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ..., repo: _Optional[str] = ..., ref: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., trigger: _Optional[str] = ..., status: _Optional[str] = ..., created_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class GetRunStatusRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class GetRunStatusResponse(_message.Message):
    __slots__ = ("org_id", "run_id", "status", "workflows")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    WORKFLOWS_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    run_id: str
    status: str
    workflows: _containers.RepeatedCompositeFieldContainer[WorkflowStatus]
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ..., status: _Optional[str] = ..., workflows: _Optional[_Iterable[_Union[WorkflowStatus, _Mapping[str, _Any]]]] = ...) -> None: ...

class GetWorkflowExecution(_message.Message):
    __slots__ = ("execution_id", "execution", "status", "created_at", "started_at", "finished_at")
    EXECUTION_ID_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    execution_id: str
    execution: int
    status: str
    created_at: str
    started_at: str
    finished_at: str
    def __init__(self, execution_id: _Optional[str] = ..., execution: _Optional[int] = ..., status: _Optional[str] = ..., created_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class GetWorkflowJob(_message.Message):
    __slots__ = ("job_id", "job_key", "status", "started_at", "finished_at", "attempts")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_KEY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    job_key: str
    status: str
    started_at: str
    finished_at: str
    attempts: _containers.RepeatedCompositeFieldContainer[GetWorkflowJobAttempt]
    def __init__(self, job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., status: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ..., attempts: _Optional[_Iterable[_Union[GetWorkflowJobAttempt, _Mapping[str, _Any]]]] = ...) -> None: ...

class GetWorkflowJobAttempt(_message.Message):
    __slots__ = ("attempt_id", "attempt", "status", "sandbox_id", "session_id", "started_at", "finished_at")
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SANDBOX_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    attempt: int
    status: str
    sandbox_id: str
    session_id: str
    started_at: str
    finished_at: str
    def __init__(self, attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., status: _Optional[str] = ..., sandbox_id: _Optional[str] = ..., session_id: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class GetWorkflowRequest(_message.Message):
    __slots__ = ("workflow_id",)
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    def __init__(self, workflow_id: _Optional[str] = ...) -> None: ...

class GetWorkflowResponse(_message.Message):
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
    run_id: str
    repo: str
    ref: str
    sha: str
    head_sha: str
    trigger: str
    run_status: str
    run_created_at: str
    run_started_at: str
    run_finished_at: str
    workflow_id: str
    workflow_name: str
    workflow_path: str
    workflow_status: str
    workflow_error_message: str
    workflow_created_at: str
    workflow_started_at: str
    workflow_finished_at: str
    executions: _containers.RepeatedCompositeFieldContainer[GetWorkflowExecution]
    jobs: _containers.RepeatedCompositeFieldContainer[GetWorkflowJob]
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ..., repo: _Optional[str] = ..., ref: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., trigger: _Optional[str] = ..., run_status: _Optional[str] = ..., run_created_at: _Optional[str] = ..., run_started_at: _Optional[str] = ..., run_finished_at: _Optional[str] = ..., workflow_id: _Optional[str] = ..., workflow_name: _Optional[str] = ..., workflow_path: _Optional[str] = ..., workflow_status: _Optional[str] = ..., workflow_error_message: _Optional[str] = ..., workflow_created_at: _Optional[str] = ..., workflow_started_at: _Optional[str] = ..., workflow_finished_at: _Optional[str] = ..., executions: _Optional[_Iterable[_Union[GetWorkflowExecution, _Mapping[str, _Any]]]] = ..., jobs: _Optional[_Iterable[_Union[GetWorkflowJob, _Mapping[str, _Any]]]] = ...) -> None: ...

class JobAttemptLogExportMetadata(_message.Message):
    __slots__ = ("filename", "content_type", "format")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    filename: str
    content_type: str
    format: JobAttemptLogExportFormat
    def __init__(self, filename: _Optional[str] = ..., content_type: _Optional[str] = ..., format: _Optional[_Union[JobAttemptLogExportFormat, str]] = ...) -> None: ...

class JobDetailAttempt(_message.Message):
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
    attempt: int
    status: str
    conclusion: str
    error_message: str
    sandbox_id: str
    session_id: str
    created_at: str
    dispatched_at: str
    started_at: str
    finished_at: str
    is_current: bool
    def __init__(self, attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., status: _Optional[str] = ..., conclusion: _Optional[str] = ..., error_message: _Optional[str] = ..., sandbox_id: _Optional[str] = ..., session_id: _Optional[str] = ..., created_at: _Optional[str] = ..., dispatched_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ..., is_current: _Optional[bool] = ...) -> None: ...

class JobDetailDependency(_message.Message):
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
    job_key: str
    job_display_name: str
    status: str
    conclusion: str
    error_message: str
    created_at: str
    dispatched_at: str
    started_at: str
    finished_at: str
    def __init__(self, job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., job_display_name: _Optional[str] = ..., status: _Optional[str] = ..., conclusion: _Optional[str] = ..., error_message: _Optional[str] = ..., created_at: _Optional[str] = ..., dispatched_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class JobDetailMatrixValue(_message.Message):
    __slots__ = ("key", "value")
    KEY_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    key: str
    value: str
    def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...

class JobDetailRunsOn(_message.Message):
    __slots__ = ("labels", "image", "cpus", "memory_gb", "size")
    LABELS_FIELD_NUMBER: _ClassVar[int]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    CPUS_FIELD_NUMBER: _ClassVar[int]
    MEMORY_GB_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    labels: _containers.RepeatedScalarFieldContainer[str]
    image: str
    cpus: int
    memory_gb: int
    size: str
    def __init__(self, labels: _Optional[_Iterable[str]] = ..., image: _Optional[str] = ..., cpus: _Optional[int] = ..., memory_gb: _Optional[int] = ..., size: _Optional[str] = ...) -> None: ...

class JobDetailStrategy(_message.Message):
    __slots__ = ("job_index", "job_total")
    JOB_INDEX_FIELD_NUMBER: _ClassVar[int]
    JOB_TOTAL_FIELD_NUMBER: _ClassVar[int]
    job_index: int
    job_total: int
    def __init__(self, job_index: _Optional[int] = ..., job_total: _Optional[int] = ...) -> None: ...

class JobStatus(_message.Message):
    __slots__ = ("job_id", "job_key", "status", "attempts")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_KEY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    job_key: str
    status: str
    attempts: _containers.RepeatedCompositeFieldContainer[AttemptStatus]
    def __init__(self, job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., status: _Optional[str] = ..., attempts: _Optional[_Iterable[_Union[AttemptStatus, _Mapping[str, _Any]]]] = ...) -> None: ...

class ListArtifactsRequest(_message.Message):
    __slots__ = ("run_id", "workflow_id", "job_id", "attempt_id", "page_size", "page_token")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    workflow_id: str
    job_id: str
    attempt_id: str
    page_size: int
    page_token: str
    def __init__(self, run_id: _Optional[str] = ..., workflow_id: _Optional[str] = ..., job_id: _Optional[str] = ..., attempt_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListArtifactsResponse(_message.Message):
    __slots__ = ("artifacts", "next_page_token")
    ARTIFACTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    artifacts: _containers.RepeatedCompositeFieldContainer[Artifact]
    next_page_token: str
    def __init__(self, artifacts: _Optional[_Iterable[_Union[Artifact, _Mapping[str, _Any]]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListRunsRequest(_message.Message):
    __slots__ = ("status", "page_size", "page_token", "repo", "sha", "trigger", "pr")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    REPO_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    PR_FIELD_NUMBER: _ClassVar[int]
    status: _containers.RepeatedScalarFieldContainer[str]
    page_size: int
    page_token: str
    repo: str
    sha: str
    trigger: str
    pr: str
    def __init__(self, status: _Optional[_Iterable[str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., repo: _Optional[str] = ..., sha: _Optional[str] = ..., trigger: _Optional[str] = ..., pr: _Optional[str] = ...) -> None: ...

class ListRunsResponse(_message.Message):
    __slots__ = ("runs", "next_page_token")
    RUNS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    runs: _containers.RepeatedCompositeFieldContainer[ListRunsResponseRun]
    next_page_token: str
    def __init__(self, runs: _Optional[_Iterable[_Union[ListRunsResponseRun, _Mapping[str, _Any]]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListRunsResponseRun(_message.Message):
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
    repo: str
    trigger: str
    sha: str
    status: str
    created_at: str
    ref: str
    head_sha: str
    def __init__(self, run_id: _Optional[str] = ..., repo: _Optional[str] = ..., trigger: _Optional[str] = ..., sha: _Optional[str] = ..., status: _Optional[str] = ..., created_at: _Optional[str] = ..., ref: _Optional[str] = ..., head_sha: _Optional[str] = ...) -> None: ...

class ListWorkflowsRequest(_message.Message):
    __slots__ = ("page_size", "name", "repo", "status", "trigger", "sha", "pr")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REPO_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    PR_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    name: str
    repo: str
    status: _containers.RepeatedScalarFieldContainer[str]
    trigger: str
    sha: str
    pr: str
    def __init__(self, page_size: _Optional[int] = ..., name: _Optional[str] = ..., repo: _Optional[str] = ..., status: _Optional[_Iterable[str]] = ..., trigger: _Optional[str] = ..., sha: _Optional[str] = ..., pr: _Optional[str] = ...) -> None: ...

class ListWorkflowsResponse(_message.Message):
    __slots__ = ("workflows",)
    WORKFLOWS_FIELD_NUMBER: _ClassVar[int]
    workflows: _containers.RepeatedCompositeFieldContainer[ListWorkflowsResponseWorkflow]
    def __init__(self, workflows: _Optional[_Iterable[_Union[ListWorkflowsResponseWorkflow, _Mapping[str, _Any]]]] = ...) -> None: ...

class ListWorkflowsResponseJobCounts(_message.Message):
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
    queued: int
    waiting: int
    running: int
    finished: int
    failed: int
    cancelled: int
    skipped: int
    def __init__(self, total: _Optional[int] = ..., queued: _Optional[int] = ..., waiting: _Optional[int] = ..., running: _Optional[int] = ..., finished: _Optional[int] = ..., failed: _Optional[int] = ..., cancelled: _Optional[int] = ..., skipped: _Optional[int] = ...) -> None: ...

class ListWorkflowsResponseWorkflow(_message.Message):
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
    name: str
    workflow_path: str
    repo: str
    status: str
    trigger: str
    run_id: str
    sha: str
    head_sha: str
    created_at: str
    job_counts: ListWorkflowsResponseJobCounts
    def __init__(self, workflow_id: _Optional[str] = ..., name: _Optional[str] = ..., workflow_path: _Optional[str] = ..., repo: _Optional[str] = ..., status: _Optional[str] = ..., trigger: _Optional[str] = ..., run_id: _Optional[str] = ..., sha: _Optional[str] = ..., head_sha: _Optional[str] = ..., created_at: _Optional[str] = ..., job_counts: _Optional[_Union[ListWorkflowsResponseJobCounts, _Mapping[str, _Any]]] = ...) -> None: ...

class LogLine(_message.Message):
    __slots__ = ("step_key", "timestamp_ms", "line_number", "stream", "body", "step_id", "step_name")
    STEP_KEY_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_MS_FIELD_NUMBER: _ClassVar[int]
    LINE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    STREAM_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    STEP_ID_FIELD_NUMBER: _ClassVar[int]
    STEP_NAME_FIELD_NUMBER: _ClassVar[int]
    step_key: str
    timestamp_ms: int
    line_number: int
    stream: int
    body: str
    step_id: str
    step_name: str
    def __init__(self, step_key: _Optional[str] = ..., timestamp_ms: _Optional[int] = ..., line_number: _Optional[int] = ..., stream: _Optional[int] = ..., body: _Optional[str] = ..., step_id: _Optional[str] = ..., step_name: _Optional[str] = ...) -> None: ...

class RelevantErrorLine(_message.Message):
    __slots__ = ("step_id", "line_number", "content", "content_truncated", "content_original_length")
    STEP_ID_FIELD_NUMBER: _ClassVar[int]
    LINE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ORIGINAL_LENGTH_FIELD_NUMBER: _ClassVar[int]
    step_id: str
    line_number: int
    content: str
    content_truncated: bool
    content_original_length: int
    def __init__(self, step_id: _Optional[str] = ..., line_number: _Optional[int] = ..., content: _Optional[str] = ..., content_truncated: _Optional[bool] = ..., content_original_length: _Optional[int] = ...) -> None: ...

class RepresentativeAttempt(_message.Message):
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
    workflow_id: str
    workflow_name: str
    workflow_path: str
    job_id: str
    job_key: str
    job_display_name: str
    job_status: FailureDiagnosisResourceStatus
    job_conclusion: FailureDiagnosisConclusion
    attempt_id: str
    attempt: int
    attempt_status: FailureDiagnosisResourceStatus
    attempt_conclusion: FailureDiagnosisConclusion
    error_message: str
    error_message_truncated: bool
    error_message_original_length: int
    diagnosis: str
    possible_fix: str
    relevant_lines: _containers.RepeatedCompositeFieldContainer[RelevantErrorLine]
    next_commands: _containers.RepeatedCompositeFieldContainer[DrillDownCommand]
    def __init__(self, run_id: _Optional[str] = ..., workflow_id: _Optional[str] = ..., workflow_name: _Optional[str] = ..., workflow_path: _Optional[str] = ..., job_id: _Optional[str] = ..., job_key: _Optional[str] = ..., job_display_name: _Optional[str] = ..., job_status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., job_conclusion: _Optional[_Union[FailureDiagnosisConclusion, str]] = ..., attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., attempt_status: _Optional[_Union[FailureDiagnosisResourceStatus, str]] = ..., attempt_conclusion: _Optional[_Union[FailureDiagnosisConclusion, str]] = ..., error_message: _Optional[str] = ..., error_message_truncated: _Optional[bool] = ..., error_message_original_length: _Optional[int] = ..., diagnosis: _Optional[str] = ..., possible_fix: _Optional[str] = ..., relevant_lines: _Optional[_Iterable[_Union[RelevantErrorLine, _Mapping[str, _Any]]]] = ..., next_commands: _Optional[_Iterable[_Union[DrillDownCommand, _Mapping[str, _Any]]]] = ...) -> None: ...

class RerunWorkflowRequest(_message.Message):
    __slots__ = ("workflow_id",)
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    def __init__(self, workflow_id: _Optional[str] = ...) -> None: ...

class RerunWorkflowResponse(_message.Message):
    __slots__ = ("workflow_id", "job_count")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_COUNT_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    job_count: int
    def __init__(self, workflow_id: _Optional[str] = ..., job_count: _Optional[int] = ...) -> None: ...

class RetryFailedJobsRequest(_message.Message):
    __slots__ = ("workflow_id",)
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    def __init__(self, workflow_id: _Optional[str] = ...) -> None: ...

class RetryFailedJobsResponse(_message.Message):
    __slots__ = ("workflow_id", "job_ids", "job_count")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_IDS_FIELD_NUMBER: _ClassVar[int]
    JOB_COUNT_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    job_ids: _containers.RepeatedScalarFieldContainer[str]
    job_count: int
    def __init__(self, workflow_id: _Optional[str] = ..., job_ids: _Optional[_Iterable[str]] = ..., job_count: _Optional[int] = ...) -> None: ...

class RetryJobRequest(_message.Message):
    __slots__ = ("workflow_id", "job_id")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    job_id: str
    def __init__(self, workflow_id: _Optional[str] = ..., job_id: _Optional[str] = ...) -> None: ...

class RetryJobResponse(_message.Message):
    __slots__ = ("job_id", "attempt_id", "attempt", "status")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    attempt_id: str
    attempt: int
    status: str
    def __init__(self, job_id: _Optional[str] = ..., attempt_id: _Optional[str] = ..., attempt: _Optional[int] = ..., status: _Optional[str] = ...) -> None: ...

class RunRequest(_message.Message):
    __slots__ = ("repo", "sha", "workflow", "workflow_content", "job")
    REPO_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_CONTENT_FIELD_NUMBER: _ClassVar[int]
    JOB_FIELD_NUMBER: _ClassVar[int]
    repo: str
    sha: str
    workflow: str
    workflow_content: _containers.RepeatedScalarFieldContainer[str]
    job: str
    def __init__(self, repo: _Optional[str] = ..., sha: _Optional[str] = ..., workflow: _Optional[str] = ..., workflow_content: _Optional[_Iterable[str]] = ..., job: _Optional[str] = ...) -> None: ...

class RunResponse(_message.Message):
    __slots__ = ("org_id", "run_id")
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    run_id: str
    def __init__(self, org_id: _Optional[str] = ..., run_id: _Optional[str] = ...) -> None: ...

class StreamJobAttemptLogsRequest(_message.Message):
    __slots__ = ("attempt_id", "cursor", "job_id")
    ATTEMPT_ID_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    attempt_id: str
    cursor: str
    job_id: str
    def __init__(self, attempt_id: _Optional[str] = ..., cursor: _Optional[str] = ..., job_id: _Optional[str] = ...) -> None: ...

class StreamJobAttemptLogsResponse(_message.Message):
    __slots__ = ("line", "next_cursor", "attempt_status")
    LINE_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_STATUS_FIELD_NUMBER: _ClassVar[int]
    line: LogLine
    next_cursor: str
    attempt_status: str
    def __init__(self, line: _Optional[_Union[LogLine, _Mapping[str, _Any]]] = ..., next_cursor: _Optional[str] = ..., attempt_status: _Optional[str] = ...) -> None: ...

class WorkflowStatus(_message.Message):
    __slots__ = ("workflow_id", "status", "workflow_path", "jobs", "name", "error_message")
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_PATH_FIELD_NUMBER: _ClassVar[int]
    JOBS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    workflow_id: str
    status: str
    workflow_path: str
    jobs: _containers.RepeatedCompositeFieldContainer[JobStatus]
    name: str
    error_message: str
    def __init__(self, workflow_id: _Optional[str] = ..., status: _Optional[str] = ..., workflow_path: _Optional[str] = ..., jobs: _Optional[_Iterable[_Union[JobStatus, _Mapping[str, _Any]]]] = ..., name: _Optional[str] = ..., error_message: _Optional[str] = ...) -> None: ...
