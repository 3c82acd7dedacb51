"""ListRuns and ListWorkflows over 120 runs: filters, defaults, newest first, page tokens, limits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from depot_ci.v1 import CIServiceClientSync, ListRunsRequest, ListWorkflowsRequest, RunRequest

from depot_ci_emulator.testing import RunningEmulator, run_emulator

from .support import eventually

PASS = "name: pass\non: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo ok}]\n"
FAIL = (
    "name: fail\non: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: exit 1}]\n"
    "  b:\n    runs-on: x\n    steps: [{run: echo}]\n"
)
EVERY = ["queued", "running", "finished", "failed", "cancelled"]


@pytest.fixture(scope="module")
def many_runs() -> Iterator[tuple[RunningEmulator, list[tuple[str, str, str, str]]]]:
    """120 finished runs: (run id, repo, status, sha), oldest first."""
    with run_emulator() as emulator, emulator.client() as client:
        runs = []
        for index in range(120):
            repo = "acme/app" if index % 2 else "acme/lib"
            sha = f"{index:03d}".ljust(40, "a")
            run_id = client.run(
                RunRequest(repo=repo, sha=sha, workflow_content=[FAIL if index % 3 == 0 else PASS])
            ).run_id
            runs.append((run_id, repo, "failed" if index % 3 == 0 else "finished", sha))
        eventually(lambda: not client.list_runs(ListRunsRequest()).runs)
        yield emulator, runs


def _pages(client: CIServiceClientSync, request: ListRunsRequest) -> list[list[str]]:
    pages = []
    while True:
        response = client.list_runs(request)
        pages.append([r.run_id for r in response.runs])
        if not response.next_page_token:
            return pages
        request.page_token = response.next_page_token


def test_paging_with_filters_is_complete_and_newest_first(many_runs: tuple[RunningEmulator, list]) -> None:  # type: ignore[type-arg]
    emulator, runs = many_runs
    with emulator.client("json") as client:
        pages = _pages(client, ListRunsRequest(status=["finished"], repo="acme/app", page_size=7))
        every = _pages(client, ListRunsRequest(status=EVERY, page_size=100))
        failed = _pages(client, ListRunsRequest(status=["failed", "cancelled"]))
    expected = [r[0] for r in reversed(runs) if r[1] == "acme/app" and r[2] == "finished"]
    assert [len(p) for p in pages] == [7] * (len(expected) // 7) + ([len(expected) % 7] if len(expected) % 7 else [])
    assert [run_id for page in pages for run_id in page] == expected
    assert [len(p) for p in every] == [100, 20]
    assert [run_id for page in every for run_id in page] == [r[0] for r in reversed(runs)]
    assert failed == [[r[0] for r in reversed(runs) if r[2] == "failed"]]


def test_defaults_limits_and_other_filters(many_runs: tuple[RunningEmulator, list]) -> None:  # type: ignore[type-arg]
    emulator, runs = many_runs
    with emulator.client() as client:
        assert client.list_runs(ListRunsRequest()).runs == []  # default: running and queued
        first = client.list_runs(ListRunsRequest(status=EVERY))
        assert len(first.runs) == 50 and first.next_page_token
        assert len(client.list_runs(ListRunsRequest(status=EVERY, page_size=1000)).runs) == 100
        by_sha = client.list_runs(ListRunsRequest(status=EVERY, sha=runs[77][3][:38]))
        assert [r.run_id for r in by_sha.runs] == [runs[77][0]]
        assert by_sha.runs[0].sha == runs[77][3] and by_sha.runs[0].created_at.endswith("Z")
        assert client.list_runs(ListRunsRequest(status=EVERY, trigger="pull_request")).runs == []
        assert len(client.list_runs(ListRunsRequest(status=EVERY, trigger="push", page_size=100)).runs) == 100


@pytest.mark.parametrize(
    ("request_", "text"),
    [
        (ListRunsRequest(status=["done"]), "status[0]: 'done' is not a run status"),
        (ListRunsRequest(page_size=-1), "pageSize must be between 0 and 100"),
        (ListRunsRequest(repo="acme"), "owner/name"),
        (ListRunsRequest(sha="xyz"), "1-40 hex characters"),
        (ListRunsRequest(pr="42"), "pr requires repo"),
        (ListRunsRequest(repo="acme/app", pr="forty-two"), "pull request number"),
        (ListRunsRequest(page_token="garbage!"), "pageToken is not a token this server issued"),
    ],
)
def test_bad_list_requests_are_invalid_argument(
    many_runs: tuple[RunningEmulator, list],
    request_: ListRunsRequest,
    text: str,  # type: ignore[type-arg]
) -> None:
    with many_runs[0].client() as client, pytest.raises(ConnectError) as caught:
        client.list_runs(request_)
    assert caught.value.code == Code.INVALID_ARGUMENT and text in caught.value.message, caught.value.message


def test_a_page_token_only_works_with_its_filters(many_runs: tuple[RunningEmulator, list]) -> None:  # type: ignore[type-arg]
    with many_runs[0].client() as client:
        token = client.list_runs(ListRunsRequest(status=EVERY, page_size=5)).next_page_token
        with pytest.raises(ConnectError) as caught:
            client.list_runs(ListRunsRequest(status=["failed"], page_size=5, page_token=token))
    assert caught.value.code == Code.INVALID_ARGUMENT and "other filters" in caught.value.message


def test_list_workflows(many_runs: tuple[RunningEmulator, list]) -> None:  # type: ignore[type-arg]
    emulator, runs = many_runs
    with emulator.client() as client:
        default = client.list_workflows(ListWorkflowsRequest())
        capped = client.list_workflows(ListWorkflowsRequest(page_size=500))
        failing = client.list_workflows(
            ListWorkflowsRequest(name="FAI", repo="acme/lib", status=["failed"], page_size=200)
        )
        with pytest.raises(ConnectError) as bad:
            client.list_workflows(ListWorkflowsRequest(status=["skipped"]))
    assert len(default.workflows) == 50 and len(capped.workflows) == 120
    assert [w.run_id for w in capped.workflows] == [r[0] for r in reversed(runs)]
    expected = [r[0] for r in reversed(runs) if r[1] == "acme/lib" and r[2] == "failed"]
    assert [w.run_id for w in failing.workflows] == expected
    counts = failing.workflows[0].job_counts
    assert (counts.total, counts.failed, counts.finished, counts.queued) == (2, 1, 1, 0)
    assert (failing.workflows[0].name, failing.workflows[0].trigger, failing.workflows[0].repo) == (
        "fail",
        "push",
        "acme/lib",
    )
    assert bad.value.code == Code.INVALID_ARGUMENT
