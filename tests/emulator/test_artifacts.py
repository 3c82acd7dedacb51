"""Artifacts over HTTP: upload-artifact steps, ListArtifacts filters and pages, signed download URLs."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import (
    GetArtifactDownloadURLRequest,
    GetRunStatusRequest,
    ListArtifactsRequest,
    RunRequest,
)

from depot_ci_emulator import ManualClock
from depot_ci_emulator.artifacts import content, simulated_size
from depot_ci_emulator.testing import RunningEmulator

from .support import eventually, jobs_by_key

UPLOADS = """\
name: uploads
on: push
jobs:
  build:
    runs-on: depot-ubuntu-24.04
    strategy:
      matrix:
        os: [linux, mac]
    steps:
      - run: echo building
      - uses: actions/upload-artifact@v4
        with:
          name: dist-${{ matrix.os }}
          path: dist/
      - uses: actions/upload-artifact@v4
        with:
          name: report-${{ matrix.os }}
          path: reports/junit.xml
  broken:
    runs-on: depot-ubuntu-24.04
    steps:
      - uses: actions/upload-artifact@v4
        with:
          name: no-path
"""


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status), bytes(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _finished_run(emulator: RunningEmulator, clock: ManualClock | None = None) -> str:
    with emulator.client() as client:
        run_id = client.run(RunRequest(repo="acme/app", workflow_content=[UPLOADS])).run_id
    eventually(lambda: emulator.wait_for_run(run_id, timeout_s=0.05) if _done(emulator, run_id) else None, clock=clock)
    return run_id


def _done(emulator: RunningEmulator, run_id: str) -> bool:
    with emulator.client() as client:
        return client.get_run_status(GetRunStatusRequest(run_id=run_id)).status in ("finished", "failed")


def test_upload_steps_make_artifacts_listed_with_filters_and_pages(depot_emulator: RunningEmulator) -> None:
    run_id = _finished_run(depot_emulator)
    with depot_emulator.client() as client:
        listed = client.list_artifacts(ListArtifactsRequest(run_id=run_id))
        status = client.get_run_status(GetRunStatusRequest(run_id=run_id))
        builds = jobs_by_key(status)["build"]
        broken = jobs_by_key(status)["broken"][0]
        assert broken.status == "failed"  # a missing path fails the step, as the action does
        names = sorted(a.name for a in listed.artifacts)
        assert names == ["dist-linux", "dist-mac", "report-linux", "report-mac"]
        assert not listed.HasField("next_page_token")
        dist = next(a for a in listed.artifacts if a.name == "dist-linux")
        assert dist.size_bytes == simulated_size("dist-linux", "dist/") and dist.attempt == 1
        assert dist.job_key == "build" and dist.created_at.endswith("Z")
        # Filters narrow; a page of 1 walks through every artifact exactly once.
        job = builds[0]
        by_job = client.list_artifacts(ListArtifactsRequest(run_id=run_id, job_id=job.job_id)).artifacts
        assert {a.job_id for a in by_job} == {job.job_id} and len(by_job) == 2
        attempt_id = job.attempts[0].attempt_id
        request = ListArtifactsRequest(run_id=run_id, workflow_id=dist.workflow_id, attempt_id=attempt_id)
        assert {a.attempt_id for a in client.list_artifacts(request).artifacts} == {attempt_id}
        seen, token = [], ""
        while True:
            page = client.list_artifacts(ListArtifactsRequest(run_id=run_id, page_size=1, page_token=token))
            seen += [a.artifact_id for a in page.artifacts]
            if not page.HasField("next_page_token"):
                break
            token = page.next_page_token
        assert sorted(seen) == sorted(a.artifact_id for a in listed.artifacts)
        assert [
            a.artifact_id for a in client.iter_list_artifacts(ListArtifactsRequest(run_id=run_id, page_size=1))
        ] == seen
        # "Must belong to" checks, unknown ids, a token for other filters.
        other = client.run(RunRequest(repo="acme/app", workflow_content=[UPLOADS])).run_id
        cases = [
            (ListArtifactsRequest(), Code.INVALID_ARGUMENT, "runId is required"),
            (ListArtifactsRequest(run_id="run_missing"), Code.NOT_FOUND, "run run_missing"),
            (ListArtifactsRequest(run_id=other, workflow_id=dist.workflow_id), Code.INVALID_ARGUMENT, "workflowId"),
            (ListArtifactsRequest(run_id=other, job_id=job.job_id), Code.INVALID_ARGUMENT, "jobId"),
            (ListArtifactsRequest(run_id=other, attempt_id=attempt_id), Code.INVALID_ARGUMENT, "attemptId"),
            (
                ListArtifactsRequest(run_id=run_id, job_id=broken.job_id, attempt_id=attempt_id),
                Code.INVALID_ARGUMENT,
                f"does not belong to job {broken.job_id}",
            ),
            (ListArtifactsRequest(run_id=run_id, page_size=-1), Code.INVALID_ARGUMENT, "pageSize"),
            (
                ListArtifactsRequest(run_id=other, page_token=page.next_page_token or token),
                Code.INVALID_ARGUMENT,
                "pageToken",
            ),
            (ListArtifactsRequest(run_id=run_id, job_id="job_missing"), Code.NOT_FOUND, "job job_missing"),
        ]
        for bad, code, text in cases:
            with pytest.raises(ConnectError) as caught:
                client.list_artifacts(bad)
            assert caught.value.code == code and text in caught.value.message, (bad, caught.value.message)


def test_a_signed_url_works_then_expires_then_fails_when_altered(
    paused_emulator: RunningEmulator, manual_clock: ManualClock
) -> None:
    run_id = _finished_run(paused_emulator, manual_clock)
    with paused_emulator.client() as client:
        artifact = client.list_artifacts(ListArtifactsRequest(run_id=run_id)).artifacts[0]
        issued = client.get_artifact_download_url(GetArtifactDownloadURLRequest(artifact_id=artifact.artifact_id))
        with pytest.raises(ConnectError) as missing:
            client.get_artifact_download_url(GetArtifactDownloadURLRequest(artifact_id="artifact_missing"))
    assert missing.value.code == Code.NOT_FOUND
    assert issued.artifact == artifact and issued.url.startswith(paused_emulator.base_url + "/artifacts/")
    status, body = _get(issued.url)  # no token needed
    assert status == 200 and body == content(
        artifact.name, "dist/" if "dist" in artifact.name else "reports/junit.xml", artifact.size_bytes
    )
    assert len(body) == artifact.size_bytes
    for altered in (
        issued.url.replace("signature=", "signature=0"),
        issued.url.replace("expires=", "expires=9"),
        issued.url.replace(artifact.artifact_id, artifact.artifact_id[:-1] + "0"),
        issued.url.split("?")[0],
    ):
        assert _get(altered)[0] == 403, altered
    manual_clock.advance(299)
    assert _get(issued.url)[0] == 200
    manual_clock.advance(1)  # 5 minutes after issuance
    status, body = _get(issued.url)
    assert status == 403 and b"expired" in body
