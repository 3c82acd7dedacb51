"""`python -m depot_ci_emulator` as a user runs it: banner, Ctrl-C, --db across a restart, bad options."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from depot_ci.v1 import CIServiceClientSync, GetJobRequest, GetRunRequest, GetRunStatusRequest, RunRequest

from .support import SLOW, THREE_JOBS, eventually


@contextmanager
def _cli(*args: str) -> Iterator[tuple[str, subprocess.Popen[str], str]]:
    """Start the CLI; yield its URL, the process and its start-up banner (read up to "Ctrl-C stops it.")."""
    process = subprocess.Popen(
        [sys.executable, "-m", "depot_ci_emulator", "--port", "0", "--token", "cli-token", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        banner = [process.stdout.readline()]
        found = re.search(r"on (http://127\.0\.0\.1:\d+)", banner[0])
        assert found, banner[0] + (process.stderr.read() if process.stderr else "")
        while banner[-1] and not banner[-1].startswith("Ctrl-C stops it."):
            banner.append(process.stdout.readline())
        yield found[1], process, "".join(banner)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=10)


def _stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    return out


def test_state_survives_a_restart_with_db(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    headers = {"Authorization": "Bearer cli-token"}
    with _cli("--db", str(db), "--speed", "1000") as (url, process, banner):
        assert f"state {db}" in banner
        with CIServiceClientSync(url, headers=headers) as client:
            done = client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS])).run_id
            eventually(lambda: client.get_run(GetRunRequest(run_id=done)).status == "failed")
            before = client.get_run(GetRunRequest(run_id=done))
            busy = client.run(
                RunRequest(repo="acme/app", workflow_content=[SLOW.replace("sleep 600", "sleep 9999")])
            ).run_id
            eventually(lambda: client.get_run(GetRunRequest(run_id=busy)).status == "running")
        out = _stop(process)
    assert "Depot CI emulator stopped." in out
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] >= 1
    with _cli("--db", str(db), "--speed", "1000") as (url, process, _):
        with CIServiceClientSync(url, headers=headers) as client:
            assert client.get_run(GetRunRequest(run_id=done)) == before
            jobs = {
                j.job_key: j for w in client.get_run_status(GetRunStatusRequest(run_id=busy)).workflows for j in w.jobs
            }
            slow = client.get_job(GetJobRequest(job_id=jobs["slow"].job_id))
            assert (slow.job_status, slow.job_conclusion) == ("failed", "failure")
            assert "the emulator stopped while this attempt ran" in slow.attempts[0].error_message
            eventually(lambda: client.get_run(GetRunRequest(run_id=busy)).status == "failed")
            later = client.run(RunRequest(repo="acme/app", workflow_content=[THREE_JOBS])).run_id
            assert client.get_run(GetRunRequest(run_id=later)).created_at > before.finished_at
        _stop(process)


def test_banner_has_the_url_token_and_a_snippet() -> None:
    with _cli("--demo") as (url, process, out):
        _stop(process)
    assert "token: cli-token" in out and "demo run: run_" in out
    assert f'CIServiceClientSync("{url}", headers=headers)' in out
    assert '"Authorization": "Bearer cli-token"' in out


def test_the_banners_snippet_prints_the_demo_runs_attempt_ids() -> None:
    # The README's log examples need an attempt id: the pasted snippet shows where to find one.
    with _cli("--demo", "--speed", "1000") as (_, process, out):
        snippet = out.split("Paste into Python to call it:\n", 1)[1].split("Ctrl-C stops it.")[0]
        command = [sys.executable, "-c", snippet]

        def attempts_printed() -> str | None:
            printed = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True).stdout
            return printed if "attempt_" in printed else None

        printed = eventually(attempts_printed)
        _stop(process)
    lines = printed.splitlines()
    assert lines and all(re.fullmatch(r"[\w-]+ \w+ \[('attempt_\w+'(, )?)*\]", line) for line in lines), printed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--repo", "acme"], "--repo takes owner/name=DIR"),
        (["--repo", "acme/app=/does/not/exist"], "is not a directory"),
        (["--org-token", "nope"], "ORG_ID=TOKEN"),
        (["--speed", "0"], "--speed must be a positive number"),
        (["--db", "{tmp}/notadb"], "not a usable emulator database"),
        (["--db", "{tmp}/newer.db"], "schema version 99, written by a newer emulator"),
    ],
)
def test_bad_options_exit_2_with_a_message(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "notadb").write_text("hello, I am not SQLite" * 100)
    newer = sqlite3.connect(tmp_path / "newer.db")
    newer.execute("PRAGMA user_version = 99")
    newer.close()
    command = [sys.executable, "-m", "depot_ci_emulator", "--port", "0", *[a.format(tmp=tmp_path) for a in args]]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2, result
    assert message in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert (tmp_path / "notadb").read_text().startswith("hello")


def test_port_in_use_is_a_clear_error() -> None:
    with _cli() as (url, process, _):
        port = url.rsplit(":", 1)[1]
        result = subprocess.run(
            [sys.executable, "-m", "depot_ci_emulator", "--port", port],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        _stop(process)
    assert result.returncode == 2 and "pass --port 0" in result.stderr, result.stderr
