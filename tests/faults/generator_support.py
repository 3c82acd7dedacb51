"""Helpers of the generator fault tests: scratch projects, whole-tree snapshots, CLI runs.

Permission faults need a process that the file modes bind: root ignores them (CAP_DAC_OVERRIDE),
so when the tests run as root the CLI runs without that capability (dropped from its bounding
set before exec); as any other user the modes bind by themselves.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "converter" / "fixtures"

__all__ = ["FIXTURES", "REPO", "Snapshot", "assert_refused", "copy_project", "run_codegen", "snapshot"]

Snapshot = dict[str, tuple[str, int, bytes | None]]

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE = 1
_CAP_DAC_READ_SEARCH = 2


def _bound_by_file_modes() -> None:
    """In the child before exec: umask 022, and (as root) no capability to ignore file modes."""
    os.umask(0o022)
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
            if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "cannot drop CAP_DAC_OVERRIDE")


def run_codegen(*args: str | Path, cwd: Path = REPO, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m codegen <args>` in a subprocess bound by file modes, with umask 022."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "codegen", *(str(a) for a in args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=_bound_by_file_modes,
    )


def snapshot(root: Path) -> Snapshot:
    """Every file, directory and link below `root` (itself included): kind, mode and bytes."""
    found: Snapshot = {}
    for path in [root, *sorted(root.rglob("*"))]:
        if "__pycache__" in path.parts:
            continue
        info = path.lstat()
        name = path.relative_to(root).as_posix()
        if stat.S_ISLNK(info.st_mode):
            found[name] = ("link", 0, os.readlink(path).encode())
        elif stat.S_ISDIR(info.st_mode):
            found[name] = ("dir", stat.S_IMODE(info.st_mode), None)
        else:
            found[name] = ("file", stat.S_IMODE(info.st_mode), path.read_bytes())
    return found


def copy_project(into: Path) -> Path:
    """A scratch copy of pyproject.toml, spec/, proto/ and generated/ (with its manifest); returns its pyproject."""
    for name in ("spec", "proto", "generated"):
        shutil.copytree(REPO / name, into / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", into / "pyproject.toml")
    for path in [into, *into.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return into / "pyproject.toml"


def assert_refused(run: subprocess.CompletedProcess[str], location: str, *, inside: bool = False) -> list[str]:
    """Exit 2, no traceback, the first error at `location` (or, `inside`, at a path below it), a hint.

    Returns the error lines.
    """
    assert run.returncode == 2, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr, run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    assert errors, run.stderr
    expected = f"error: {location}/" if inside else f"error: {location}: "
    assert errors[0].startswith(expected), (location, run.stderr)
    assert "  hint: " in run.stderr, run.stderr
    assert "nothing was written" in run.stderr, run.stderr
    return errors
