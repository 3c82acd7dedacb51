"""What mypy --strict says about code that uses the package (with types-protobuf, the `typing` extra)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

USER_CODE = '''
from typing import Any

from depot_ci.v1 import CIServiceClientSync, CIServiceSync, GetRunStatusRequest, GetRunStatusResponse, RequestContext


def workflows(depot: CIServiceClientSync) -> int:
    status = depot.get_run_status(GetRunStatusRequest(run_id="run_1"))
    return len(status.workflow)  # the typo mypy must catch: the field is `workflows`


class Fake(CIServiceSync):
    def get_run_status(self, request: GetRunStatusRequest, ctx: RequestContext[Any, Any]) -> GetRunStatusResponse:
        ctx.request_headers.get("authorization")
        return GetRunStatusResponse(run_id=request.run_id)


class Untyped(CIServiceSync):
    def get_run_status(self, request: GetRunStatusRequest, ctx: object) -> GetRunStatusResponse:
        return GetRunStatusResponse(run_id=request.run_id)
'''


def test_mypy_catches_a_typo_in_a_response_field_and_accepts_typed_handlers(tmp_path: Path) -> None:
    (tmp_path / "user_code.py").write_text(USER_CODE)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "user_code.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert 'user_code.py:9: error: "GetRunStatusResponse" has no attribute "workflow"' in errors[0]
