"""The shared cases the render side answers, each from its own document through the whole pipeline.

../shared/cases/ (copied to fixtures/cases/): 11 (a message named None). Each document is generated into
a fresh package, which a fresh interpreter then calls (fixtures/call_case.py: WSGI and ASGI, binary
protobuf and JSON).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from codegen.config import Config
from codegen.pipeline import generate

from .support import FIXTURES, REPO

CASES = FIXTURES / "cases"


def _generate(tmp_path: Path, document: str, package: str) -> Path:
    generate(
        Config(
            spec=CASES / document,
            lock=tmp_path / "lock.json",
            proto_out=tmp_path / "proto",
            python_out=tmp_path / "python",
            python_package=package,
        )
    )
    return tmp_path / "python"


def _run(root: Path, script: str, *args: str) -> Any:
    completed = subprocess.run(
        [sys.executable, str(FIXTURES / script), *args],
        cwd=root,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(REPO), str(REPO / "tests")])},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout)


def _calls(root: Path, module: str, service: str, method: str, request_type: str, requests: list[Any]) -> Any:
    return _run(
        root, "call_case.py", module, service, method, request_type, json.dumps([json.dumps(r) for r in requests])
    )


def test_case_11_message_named_none_works_in_both_encodings(tmp_path: Path) -> None:
    root = _generate(tmp_path, "11-message-named-None.yaml", "lookup")
    assert _calls(root, "lookup.v1.acme_connect", "LookupService", "Lookup", "Query", [{"id": "x"}]) == ["ok {}"]
