"""GetFailureDiagnosis over HTTP: grouping by fingerprint, focused, over-limit and empty diagnoses."""

from __future__ import annotations

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import (
    DrillDownCommandKind,
    FailureDiagnosisEmptyReason,
    FailureDiagnosisResourceStatus,
    FailureDiagnosisState,
    FailureDiagnosisTargetType,
    GetFailureDiagnosisRequest,
    GetFailureDiagnosisResponse,
    GetRunStatusRequest,
    RunRequest,
)

from depot_ci_emulator.diagnosis import FAILED_CANDIDATE_CAP, fingerprint, normalize
from depot_ci_emulator.testing import RunningEmulator

from .support import SLOW, eventually, job_in_status, jobs_by_key

FAILING = """\
name: failing
on: push
jobs:
  test:
    runs-on: depot-ubuntu-24.04
    strategy:
      matrix:
        include:
          - shard: 1
            at: "[2026-11-30T05:01:02.123Z]"
            id: run_3fa9c2d1e0
            f: /home/runner/work/app/tests/test_one.py:14 (deadbeefcafe01)
          - shard: 2
            at: "[2026-12-01 07:08:09]"
            id: 0b6e1f6a-8d1c-4c55-9a3e-4f0f9c1d2e3a
            f: src/app/tests/test_two.py:247 (0123456789abcdef)
    steps:
      - id: pytest
        name: Run tests
        run: |
          echo collecting
          echo "${{ matrix.at }} ERROR refused ${{ matrix.id }} at ${{ matrix.f }}" >&2
          exit 1
      - name: upload summary
        if: always()
        run: echo "tests failed" >> $DEPOT_STEP_SUMMARY
  lint:
    runs-on: depot-ubuntu-24.04
    steps:
      - run: |
          echo "ERROR: no space left on device" >&2
          exit 2
  ok:
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo fine
  deploy:
    needs: [test, lint]
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo deploy
"""


def _type(name: str) -> FailureDiagnosisTargetType:
    return FailureDiagnosisTargetType.Value(f"FAILURE_DIAGNOSIS_TARGET_TYPE_{name}")  # type: ignore[return-value]


def _diagnose(emulator: RunningEmulator, kind: str, target: str) -> GetFailureDiagnosisResponse:
    with emulator.client() as client:
        return client.get_failure_diagnosis(GetFailureDiagnosisRequest(target_id=target, target_type=_type(kind)))


def test_same_error_with_different_timestamps_and_ids_is_one_group(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[FAILING])).run_id
        depot_emulator.wait_for_run(run_id)
        status = client.get_run_status(GetRunStatusRequest(run_id=run_id))
    jobs = jobs_by_key(status)
    for kind, target in (("RUN", run_id), ("WORKFLOW", status.workflows[0].workflow_id)):
        diagnosis = _diagnose(depot_emulator, kind, target)
        assert FailureDiagnosisState.Name(diagnosis.state) == "FAILURE_DIAGNOSIS_STATE_GROUPED_FAILURES"
        assert [g.count for g in diagnosis.failure_groups] == [2, 1]
        shared, lint = diagnosis.failure_groups
        assert shared.source == lint.source == "attempt_error" and shared.fingerprint != lint.fingerprint
        assert {r.job_id for r in shared.representatives} == {j.job_id for j in jobs["test"]}
        assert lint.error_message == "ERROR: no space left on device\nProcess completed with exit code 2."
        representative = shared.representatives[0]
        assert [(x.step_id, x.line_number) for x in representative.relevant_lines] == [("pytest", 1), ("pytest", 2)]
        assert "ERROR refused" in representative.relevant_lines[0].content
        kinds = {DrillDownCommandKind.Name(c.kind) for c in representative.next_commands}
        assert kinds == {
            "DRILL_DOWN_COMMAND_KIND_LOGS",
            "DRILL_DOWN_COMMAND_KIND_SUMMARY",
            "DRILL_DOWN_COMMAND_KIND_DIAGNOSE_JOB",
        }
        assert list(representative.next_commands[0].argv) == ["depot", "ci", "logs", representative.attempt_id]
        assert len(diagnosis.representative_attempts) == 3 and diagnosis.command_capabilities.summary_command_available
        bounds = diagnosis.bounds
        assert (bounds.failed_problem_candidate_count, bounds.total_problem_job_count) == (3, 3)
        assert (bounds.skipped_dependent_count, bounds.total_failure_group_count) == (1, 2)
        assert bounds.failed_problem_candidate_cap == FAILED_CANDIDATE_CAP and not bounds.truncated
        assert diagnosis.context.run_id == run_id and diagnosis.org_id == depot_emulator.org_id
    # Job and attempt targets: a focused diagnosis with the same fingerprint.
    test_job = jobs["test"][0]
    focused = _diagnose(depot_emulator, "JOB", test_job.job_id)
    assert FailureDiagnosisState.Name(focused.state) == "FAILURE_DIAGNOSIS_STATE_FOCUSED_FAILURE"
    assert focused.failure_groups[0].fingerprint == shared.fingerprint and focused.bounds.total_attempt_count == 1
    assert focused.context.job_id == test_job.job_id and focused.context.workflow_name == "failing"
    assert focused.context.job_display_name.startswith("test")
    attempt = _diagnose(depot_emulator, "ATTEMPT", test_job.attempts[0].attempt_id)
    assert FailureDiagnosisState.Name(attempt.state) == "FAILURE_DIAGNOSIS_STATE_FOCUSED_FAILURE"
    assert attempt.representative_attempts[0].attempt_id == test_job.attempts[0].attempt_id
    # A job that succeeded has no failure evidence.
    empty = _diagnose(depot_emulator, "JOB", jobs["ok"][0].job_id)
    assert FailureDiagnosisState.Name(empty.state) == "FAILURE_DIAGNOSIS_STATE_EMPTY"
    assert FailureDiagnosisEmptyReason.Name(empty.empty_reason) == "FAILURE_DIAGNOSIS_EMPTY_REASON_NO_FAILURE_EVIDENCE"
    assert not empty.failure_groups and not empty.next_commands


def test_a_running_run_without_failures_is_empty(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[SLOW])).run_id
        eventually(lambda: job_in_status(client, run_id, "slow", "running"))
    diagnosis = _diagnose(depot_emulator, "RUN", run_id)
    assert FailureDiagnosisState.Name(diagnosis.state) == "FAILURE_DIAGNOSIS_STATE_EMPTY"
    assert FailureDiagnosisResourceStatus.Name(diagnosis.target.status) == "FAILURE_DIAGNOSIS_RESOURCE_STATUS_RUNNING"


def test_too_many_failures_give_an_over_limit_breakdown(depot_emulator: RunningEmulator) -> None:
    count = FAILED_CANDIDATE_CAP + 1
    workflow = (
        "on: push\njobs:\n  shard:\n    runs-on: depot-ubuntu-24.04\n    strategy:\n      matrix:\n"
        f"        n: [{', '.join(str(i) for i in range(count))}]\n    steps:\n      - run: exit 1\n"
    )
    with depot_emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[workflow])).run_id
        depot_emulator.wait_for_run(run_id)
    diagnosis = _diagnose(depot_emulator, "RUN", run_id)
    assert FailureDiagnosisState.Name(diagnosis.state) == "FAILURE_DIAGNOSIS_STATE_OVER_LIMIT"
    assert not diagnosis.failure_groups and diagnosis.bounds.failed_problem_candidate_count == count
    rows = diagnosis.over_limit_breakdown
    assert FailureDiagnosisTargetType.Name(rows[0].target_type) == "FAILURE_DIAGNOSIS_TARGET_TYPE_WORKFLOW"
    assert rows[0].failed_problem_candidate_count == count
    assert len(rows) == 1 + diagnosis.bounds.over_limit_job_breakdown_limit and diagnosis.bounds.truncated
    assert diagnosis.bounds.omitted_job_breakdown_count == count - diagnosis.bounds.over_limit_job_breakdown_limit
    assert DrillDownCommandKind.Name(diagnosis.next_commands[0].kind) == "DRILL_DOWN_COMMAND_KIND_DIAGNOSE_WORKFLOW"


def test_diagnosis_errors(depot_emulator: RunningEmulator) -> None:
    with depot_emulator.client() as client:
        for request, code in (
            (GetFailureDiagnosisRequest(target_id="run_x"), Code.INVALID_ARGUMENT),
            (GetFailureDiagnosisRequest(target_type=_type("RUN")), Code.INVALID_ARGUMENT),
            (GetFailureDiagnosisRequest(target_id="run_x", target_type=_type("RUN")), Code.NOT_FOUND),
            (GetFailureDiagnosisRequest(target_id="job_x", target_type=_type("JOB")), Code.NOT_FOUND),
        ):
            with pytest.raises(ConnectError) as caught:
                client.get_failure_diagnosis(request)
            assert caught.value.code == code


def test_fingerprints_ignore_variable_details() -> None:
    a = "2026-11-30T05:01:02Z attempt_1a2b3c4d failed reading /tmp/build/7/out.log after 31 retries (0xdeadbeef)"
    b = "2026-12-01T23:59:59.999+02:00 attempt_ffee0099 failed reading C:\\work\\x.log after 2 retries (0x12)"
    assert normalize(a) == normalize(b) == "<time> <id> failed reading <path> after <n> retries (<hex>)"
    assert fingerprint("attempt_error", a) == fingerprint("attempt_error", b)
    assert fingerprint("attempt_error", a) != fingerprint("job_error", a)
    assert fingerprint("attempt_error", "disk full") != fingerprint("attempt_error", "connection refused")
