"""docs/common-tasks.md tells the truth: its line counts are those of its blocks, and each task's
"before" and "after" code print the same against the same scripted service."""

from __future__ import annotations

import contextlib
import io
import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
from client.support import Script, ScriptedDepot, ScriptedDepotSync
from depot_ci.v1 import (
    CIServiceASGIApplication,
    CIServiceClientSync,
    Code,
    ConnectError,
    ExportJobAttemptLogsRequest,
    GetRunRequest,
    ListRunsRequest,
    StreamJobAttemptLogsRequest,
)
from live_servers import serve_asgi

from depot_ci_tools import export_job_attempt_logs

_BLOCK = re.compile(r"<!-- task: (?P<task>\w+) (?P<when>before|after) -->\n```python\n(?P<code>.*?)```", re.S)
_ROW = re.compile(r"^\| (?P<task>[^|]+?) \| (?P<before>\d+) \| (?P<after>\d+) \|$", re.M)
_TASKS = {
    "page through all runs": "paging",
    "retry a read on `unavailable`": "retries",
    "follow a job's logs, resuming after a cut": "follow",
    "export logs to a file (atomically, with progress)": "export",
    "send a token and an organization": "token",
}
_SCRIPTS: dict[str, dict[str, Any]] = {
    "paging": {},
    "retries": {"get_run_failures": 2},
    "follow": {"cut_after": {3, 6}},
    "export": {},
}


def _document(repo_root: Path) -> str:
    return (repo_root / "docs" / "common-tasks.md").read_text()


def _blocks(repo_root: Path) -> dict[tuple[str, str], str]:
    return {(m["task"], m["when"]): m["code"] for m in _BLOCK.finditer(_document(repo_root))}


def test_the_table_counts_the_lines_of_the_blocks(repo_root: Path) -> None:
    blocks = _blocks(repo_root)
    rows = {m["task"]: (int(m["before"]), int(m["after"])) for m in _ROW.finditer(_document(repo_root))}
    assert set(rows) == set(_TASKS)
    for title, task in _TASKS.items():
        counted = tuple(_lines(blocks[task, when]) for when in ("before", "after"))
        assert counted == rows[title], title
    # The "before" numbers, measured on the client as it was.
    assert [rows[title][0] for title in _TASKS] == [8, 9, 13, 15, 3]


def _lines(code: str) -> int:
    return sum(1 for line in code.splitlines() if line.strip())


def _run(code: str, depot: CIServiceClientSync | None) -> tuple[str, dict[str, Any]]:
    namespace: dict[str, Any] = {
        "depot": depot,
        "CIServiceClientSync": CIServiceClientSync,
        "Code": Code,
        "ConnectError": ConnectError,
        "ExportJobAttemptLogsRequest": ExportJobAttemptLogsRequest,
        "GetRunRequest": GetRunRequest,
        "ListRunsRequest": ListRunsRequest,
        "StreamJobAttemptLogsRequest": StreamJobAttemptLogsRequest,
        "Path": Path,
        "export_job_attempt_logs": export_job_attempt_logs,
        "os": os,
        "time": time,
    }
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, "<task>", "exec"), namespace)
    return output.getvalue(), namespace


@pytest.mark.parametrize("task", sorted(_SCRIPTS))
def test_before_and_after_print_the_same(
    repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, task: str
) -> None:
    blocks = _blocks(repo_root)
    outputs = []
    for when in ("before", "after"):
        (tmp_path / when).mkdir()
        monkeypatch.chdir(tmp_path / when)
        service = ScriptedDepotSync()
        service.script = Script(**_SCRIPTS[task])
        with CIServiceClientSync.in_process(service) as depot:
            output, _ = _run(blocks[task, when], depot)
        outputs.append(output)
    assert outputs[0] == outputs[1]
    assert outputs[0].strip()


def test_token_before_and_after_send_the_same_headers(repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _blocks(repo_root)
    service = ScriptedDepot()
    with serve_asgi(CIServiceASGIApplication(service)) as url:
        monkeypatch.setenv("DEPOT_API_URL", url)
        monkeypatch.setenv("DEPOT_TOKEN", "token-1")
        monkeypatch.setenv("DEPOT_ORG_ID", "org-1")
        for when in ("before", "after"):
            _, namespace = _run(blocks["token", when], None)
            with namespace["depot"] as depot:
                depot.get_run(GetRunRequest(run_id="run_1"))
    assert service.script.headers == [{"authorization": "Bearer token-1", "x-depot-org": "org-1"}] * 2
