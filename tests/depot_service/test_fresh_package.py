"""Generate the Depot package into a temporary directory, import it, and call every method.

Every method through the generated sync client (pyqwest's in-process WSGI transport) and async
client (in-process ASGI transport), in binary protobuf and JSON, against the generated server
applications backed by an implementation of the generated protocols that answers the spec's
examples (the one the end-to-end tests use).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from codegen.config import load_config
from codegen.pipeline import build

HERE = Path(__file__).resolve().parent


def test_a_freshly_generated_package_serves_and_calls_every_method(repo_root: Path, tmp_path: Path) -> None:
    generated = build(load_config(repo_root / "pyproject.toml"))
    for relative, text in generated.python.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = subprocess.run(
        [sys.executable, str(HERE / "fresh_package_calls.py")],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(repo_root / "tests")])},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"package {tmp_path / 'depot_ci' / '__init__.py'}"
    calls = lines[1:]
    methods = sum(len(service.methods) for package in generated.api.packages for service in package.services)
    operations = json.loads((repo_root / "spec" / "depot-ci.openapi.json").read_text(encoding="utf-8"))["paths"]
    assert methods == len(operations) > 0
    assert len(calls) == 2 * 2 * methods, result.stderr
    assert [line for line in calls if not line.endswith(" ok")] == []
