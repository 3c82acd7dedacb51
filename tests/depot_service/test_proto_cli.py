"""`python -m codegen proto` on the Depot spec and lock reproduces the committed proto/ and lock."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def test_proto_command_reproduces_the_committed_proto_tree(repo_root: Path, tmp_path: Path) -> None:
    lock = tmp_path / "depot-ci.lock.json"
    shutil.copy(repo_root / "spec" / "depot-ci.lock.json", lock)
    out = tmp_path / "proto"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "codegen",
            "proto",
            "--spec",
            "spec/depot-ci.openapi.json",
            "--lock",
            str(lock),
            "--out",
            str(out),
        ],
        cwd=repo_root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    committed = {p.relative_to(repo_root / "proto"): p.read_text() for p in (repo_root / "proto").rglob("*.proto")}
    produced = {p.relative_to(out): p.read_text() for p in out.rglob("*.proto")}
    assert produced == committed
    assert lock.read_text() == (repo_root / "spec" / "depot-ci.lock.json").read_text()
