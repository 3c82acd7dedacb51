"""Runs from workflow files of a local repository (`--repo owner/name=DIR`), and DispatchWorkflow
with the reference's input rules."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import DispatchWorkflowRequest, GetJobRequest, GetRunRequest, GetRunStatusRequest, RunRequest

from depot_ci_emulator import ManualClock
from depot_ci_emulator.testing import RunningEmulator, run_emulator

from .support import THREE_JOBS

DEPLOY = """\
name: Deploy
on:
  workflow_dispatch:
    inputs:
      environment:
        type: choice
        options: [staging, production]
        required: true
      dry-run:
        type: boolean
        default: false
      replicas:
        type: number
        required: true
        default: 2
      message:
        type: string
jobs:
  deploy:
    runs-on: depot-ubuntu-24.04
    steps:
      - run: |
          echo env=${{ inputs.environment }} dry=${{ inputs.dry-run }} replicas=${{ github.event.inputs.replicas }}
          echo message=[${{ inputs.message }}] ref=${{ github.ref }}
"""


@pytest.fixture
def repo_emulator(tmp_path: Path) -> Iterator[RunningEmulator]:
    workflows = tmp_path / ".depot" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "deploy.yml").write_text(DEPLOY)
    (workflows / "ci.yaml").write_text(THREE_JOBS)
    (workflows / "notes.txt").write_text("not a workflow")
    (tmp_path / "push-only.yml").write_text("on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n")
    with run_emulator(repos={"acme/app": tmp_path}) as emulator:
        yield emulator


def _error(call: object) -> ConnectError:
    with pytest.raises(ConnectError) as caught:
        call()  # type: ignore[operator]
    return caught.value


def _deploy_log(emulator: RunningEmulator, run_id: str) -> list[str]:
    with emulator.client() as client:
        (workflow,) = client.get_run_status(GetRunStatusRequest(run_id=run_id)).workflows
    store = emulator.emulator.store
    assert store is not None
    return [line.body for line in store.log_lines(workflow.jobs[0].attempts[0].attempt_id)]


def test_dispatch_with_valid_inputs(repo_emulator: RunningEmulator) -> None:
    request = DispatchWorkflowRequest(
        repo="acme/app",
        workflow=".depot/workflows/deploy.yml",
        ref="release",
        inputs={"environment": "production", "dry-run": "true"},
    )
    with repo_emulator.client("json") as client:
        response = client.dispatch_workflow(request)
        assert response.org_id == repo_emulator.org_id
        run = repo_emulator.wait_for_run(response.run_id)
        status = client.get_run_status(GetRunStatusRequest(run_id=response.run_id))
    assert (run.status, run.trigger, run.ref) == ("finished", "workflow_dispatch", "refs/heads/release")
    assert (status.workflows[0].name, status.workflows[0].workflow_path) == ("Deploy", ".depot/workflows/deploy.yml")
    assert _deploy_log(repo_emulator, response.run_id) == [
        "env=production dry=true replicas=2",
        "message=[] ref=refs/heads/release",
    ]


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        ({"environment": "staging", "dry-run": "yes"}, ['inputs.dry-run: a boolean input must be "true" or "false"']),
        ({"environment": "staging", "replicas": "two"}, ["inputs.replicas: a number input must be numeric"]),
        ({"environment": "dev"}, ["inputs.environment: 'dev' is not one of the options (staging, production)"]),
        ({"environment": "staging", "colour": "red"}, ["inputs.colour: unknown input"]),
        ({}, ["inputs.environment: required by .depot/workflows/deploy.yml and has no default"]),
        ({"replicas": "1e", "dry-run": "TRUE"}, ["inputs.replicas", "inputs.dry-run", "inputs.environment"]),
    ],
)
def test_dispatch_with_invalid_inputs(
    repo_emulator: RunningEmulator, inputs: dict[str, str], expected: list[str]
) -> None:
    request = DispatchWorkflowRequest(repo="acme/app", workflow=".depot/workflows/deploy.yml", inputs=inputs)
    with repo_emulator.client() as client:
        error = _error(lambda: client.dispatch_workflow(request))
    assert error.code == Code.INVALID_ARGUMENT
    for text in expected:
        assert text in error.message, error.message


def test_dispatch_accepts_numbers_and_rejects_other_workflows(repo_emulator: RunningEmulator) -> None:
    with repo_emulator.client() as client:
        ok = client.dispatch_workflow(
            DispatchWorkflowRequest(
                repo="acme/app",
                workflow=".depot/workflows/deploy.yml",
                inputs={"environment": "staging", "replicas": "-1.5e3", "message": "hi there"},
            )
        )
        assert repo_emulator.wait_for_run(ok.run_id).status == "finished"
        no_trigger = _error(
            lambda: client.dispatch_workflow(DispatchWorkflowRequest(repo="acme/app", workflow="push-only.yml"))
        )
        missing = _error(
            lambda: client.dispatch_workflow(DispatchWorkflowRequest(repo="acme/app", workflow="nope.yml"))
        )
        escape = _error(lambda: client.dispatch_workflow(DispatchWorkflowRequest(repo="acme/app", workflow="../x.yml")))
        unknown_repo = _error(
            lambda: client.dispatch_workflow(DispatchWorkflowRequest(repo="acme/other", workflow="a.yml"))
        )
        bad_repo = _error(lambda: client.dispatch_workflow(DispatchWorkflowRequest(repo="acme", workflow="a.yml")))
    assert _deploy_log(repo_emulator, ok.run_id)[0] == "env=staging dry=false replicas=-1.5e3"
    assert no_trigger.code == Code.NOT_FOUND and "workflow_dispatch" in no_trigger.message
    assert missing.code == Code.NOT_FOUND and "nope.yml" in missing.message
    assert escape.code == Code.INVALID_ARGUMENT and "relative" in escape.message
    assert unknown_repo.code == Code.NOT_FOUND and "--repo acme/other=DIR" in unknown_repo.message
    assert bad_repo.code == Code.INVALID_ARGUMENT and "owner/name" in bad_repo.message


def test_run_from_files_of_the_repository(repo_emulator: RunningEmulator) -> None:
    with repo_emulator.client() as client:
        every = client.run(RunRequest(repo="acme/app")).run_id
        one = client.run(RunRequest(repo="acme/app", workflow="./.depot/workflows/ci.yaml")).run_id
        sha = "0123456789abcdef0123456789abcdef01234567"
        pinned = client.run(RunRequest(repo="acme/app", workflow=".depot/workflows/ci.yaml", sha=sha)).run_id
        for run_id in (every, one, pinned):
            repo_emulator.wait_for_run(run_id)
        paths = [w.workflow_path for w in client.get_run_status(GetRunStatusRequest(run_id=every)).workflows]
        assert paths == [".depot/workflows/ci.yaml", ".depot/workflows/deploy.yml"]
        (workflow,) = client.get_run_status(GetRunStatusRequest(run_id=one)).workflows
        assert (workflow.workflow_path, workflow.status) == (".depot/workflows/ci.yaml", "failed")
        assert client.get_run(GetRunRequest(run_id=pinned)).sha == sha
        both = _error(lambda: client.run(RunRequest(repo="acme/app", workflow="a.yml", workflow_content=[THREE_JOBS])))
        short = _error(lambda: client.run(RunRequest(repo="acme/app", sha="abc123")))
    assert both.code == Code.INVALID_ARGUMENT and "mutually exclusive" in both.message
    assert short.code == Code.INVALID_ARGUMENT and "sha must be a full 40-character" in short.message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "on: push\njobs:\n  a:\n    needs: b\n    runs-on: x\n    steps: [{run: echo}]\n",
            "workflowContent[1]: jobs.a.needs (line 3): unknown job 'b' (jobs: a)",
        ),
        (
            "on: push\njobs:\n  a:\n    needs: b\n    runs-on: x\n    steps: [{run: echo}]\n"
            "  b:\n    needs: [a]\n    runs-on: x\n    steps: [{run: echo}]\n",
            "the needs form a cycle: a -> b -> a",
        ),
        ("jobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n", "`on` is required"),
        ("on: push\njobs:\n  a:\n    steps: [{run: echo}]\n", "jobs.a (line 3): runs-on is required"),
        ("on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{name: nothing}]\n", "needs exactly one of `run`"),
        ("on: [push\n", "invalid YAML"),
        (
            "on: push\njobs:\n  a:\n    runs-on: x\n    strategy: {matrix: {os: []}}\n    steps: [{run: echo}]\n",
            "strategy.matrix (line 3).os: must be a non-empty list",
        ),
        (
            "on:\n  workflow_dispatch:\n    inputs:\n      x: {type: choice}\njobs: {}\n",
            "needs a non-empty list of options",
        ),
    ],
)
def test_invalid_workflows_are_invalid_argument_naming_the_problem(
    depot_emulator: RunningEmulator, content: str, expected: str
) -> None:
    with depot_emulator.client() as client:
        error = _error(lambda: client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS, content])))
    assert error.code == Code.INVALID_ARGUMENT
    assert expected in error.message, error.message


def test_a_run_from_a_workflow_file_goes_from_queued_to_terminal(tmp_path: Path) -> None:
    workflows = tmp_path / ".depot" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "ci.yml").write_text(THREE_JOBS)
    clock = ManualClock()
    seen: list[str] = []
    with run_emulator(repos={"acme/app": tmp_path}, clock=clock) as emulator, emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow=".depot/workflows/ci.yml")).run_id
        for _ in range(2000):
            status = client.get_run(GetRunRequest(run_id=run_id)).status
            if not seen or seen[-1] != status:
                seen.append(status)
            if status in ("finished", "failed", "cancelled"):
                break
            clock.advance(0.5)
            time.sleep(0.002)
        jobs = client.get_run_status(GetRunStatusRequest(run_id=run_id)).workflows[0].jobs
        conclusions = [client.get_job(GetJobRequest(job_id=j.job_id)).job_conclusion for j in jobs]
    assert seen == ["queued", "running", "failed"]
    assert [(j.job_key, j.status) for j in jobs] == [("build", "finished"), ("test", "failed"), ("deploy", "skipped")]
    assert conclusions == ["success", "failure", "skipped"]
