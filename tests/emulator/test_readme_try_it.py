"""The README's "Try it locally" promises: its client example, pointed at the emulator, prints a run's
status (and the attempt's log lines); its pytest example passes as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from depot_ci.v1 import GetRunStatusRequest, RunRequest

from depot_ci_emulator.testing import run_emulator

from .support import THREE_JOBS, jobs_by_key


def _example(repo_root: Path, marker: str) -> str:
    found = re.search(rf"<!-- {marker} -->\n```python\n(.*?)```", (repo_root / "README.md").read_text(), re.S)
    assert found, marker
    return found[1]


def test_the_client_example_pointed_at_the_emulator_prints_the_run_status(repo_root: Path, tmp_path: Path) -> None:
    workflows = tmp_path / "repo" / ".depot" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "ci.yml").write_text(THREE_JOBS)
    with run_emulator(token="dev-token", repos={"acme/app": tmp_path / "repo"}) as emulator:
        with emulator.client() as client:
            run_id = client.run(RunRequest(repo="acme/app", workflow=".depot/workflows/ci.yml")).run_id
            emulator.wait_for_run(run_id)
            attempt_id = jobs_by_key(client.get_run_status(GetRunStatusRequest(run_id=run_id)))["test"][0].attempts[0]
        code = _example(repo_root, "example: client")
        for placeholder, value in [
            ('"run_123"', f'"{run_id}"'),
            ('"attempt_123"', f'"{attempt_id.attempt_id}"'),
        ]:
            assert placeholder in code
            code = code.replace(placeholder, value)
        script = tmp_path / "client_example.py"
        script.write_text(code)
        result = subprocess.run(
            [sys.executable, str(script)],
            env={**os.environ, "DEPOT_API_URL": emulator.base_url, "DEPOT_TOKEN": "dev-token"},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        ".depot/workflows/ci.yml failed ['build', 'test', 'deploy']",
        "testing",
        "assertion failed: 1 != 2",
        "Process completed with exit code 3.",
        "cleanup",
    ]


def test_the_pytest_example_passes(repo_root: Path, tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["depot_ci_emulator.pytest_plugin"]\n')
    (tmp_path / "test_example.py").write_text(_example(repo_root, "emulator-example: pytest"))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
    lines = [line for line in _example(repo_root, "emulator-example: pytest").splitlines() if line.strip()]
    assert len(lines) <= 10


def test_the_follow_example_streams_a_run_live(repo_root: Path, tmp_path: Path) -> None:
    code = _example(repo_root, "emulator-example: follow")
    script = tmp_path / "follow_example.py"
    script.write_text(code)
    with run_emulator(token="dev-token", speed=10) as emulator:
        result = subprocess.run(
            [sys.executable, str(script)],
            env={**os.environ, "DEPOT_API_URL": emulator.base_url, "DEPOT_TOKEN": "dev-token"},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    # Both lines arrive while the attempt runs (5 emulated seconds apart): the stream follows it live.
    assert result.stdout.splitlines() == ["running step-1 compiling", "running step-1 compiled", "## Build: ok"]
