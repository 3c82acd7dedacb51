"""Lint and type checks as tests, so `make test` (and CI) enforce them.

`ruff` on codegen/, generated/, depot_ci_emulator/, the tests and bench/; `mypy --strict` on codegen/, bench/,
depot_ci_emulator/ and the generated package, whose _pb2 modules are checked through their .pyi stubs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("target", ["codegen", "generated", "depot_ci_emulator", "tests", "bench"])
def test_ruff_is_clean(repo_root: Path, target: str) -> None:
    result = _run([sys.executable, "-m", "ruff", "check", "--no-cache", target], repo_root)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("target", ["codegen", "generated/depot_ci", "depot_ci_emulator", "bench"])
def test_mypy_strict_is_clean(repo_root: Path, target: str) -> None:
    result = _run([sys.executable, "-m", "mypy", "--no-incremental", "--strict", target], repo_root)
    assert result.returncode == 0, result.stdout + result.stderr
