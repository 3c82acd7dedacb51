"""The shared cases the render side answers, each from its own document through the whole pipeline.

../shared/cases/ (copied to fixtures/cases/): 04 (Connect GET), 07 (a message rule), 08 (allowed values),
10 (a field named DESCRIPTOR), 11 (a message named None). Each document is generated into a fresh
package, which a fresh interpreter then calls (fixtures/call_case.py: WSGI and ASGI, binary protobuf and
JSON; fixtures/get_case.py: the case's GET request line over real HTTP, uvicorn and waitress).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

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


def test_case_04_get_is_answered_by_both_servers(tmp_path: Path) -> None:
    root = _generate(tmp_path, "04-connect-get-no-side-effects.yaml", "hello")
    found = _run(root, "get_case.py", "hello.helloworld_connect", "Greeter", "SayHello", str(CASES / "04-request.txt"))
    assert found == {"idempotency": "NO_SIDE_EFFECTS", "answers": [[200, {"message": "Hello x"}]] * 2}


def test_case_07_exactly_one_of_email_phone(tmp_path: Path) -> None:
    root = _generate(tmp_path, "07-protovalidate-message-oneof.yaml", "contacts")
    requests = [{"name": "n", "email": "e"}, {"phone": "p"}, {"email": "e", "phone": "p"}, {"name": "n"}]
    assert _calls(root, "contacts.v1.acme_connect", "ContactService", "Add", "Contact", requests) == [
        'ok {"name": "n", "email": "e"}',
        'ok {"phone": "p"}',
        "invalid_argument: exactly one of email, phone must be set (email, phone are)",
        "invalid_argument: exactly one of email, phone must be set (none is)",
    ]


def test_case_08_allowed_values(tmp_path: Path) -> None:
    root = _generate(tmp_path, "08-protovalidate-in-constraint.yaml", "regions")
    requests = [{"region": "eu", "tier": 3}, {"region": "asia"}, {"tier": 4}, {"region": "x", "tier": 9}, {}]
    assert _calls(root, "regions.v1.acme_connect", "RegionService", "Pick", "PickRequest", requests) == [
        'ok {"region": "eu", "tier": 3}',
        'invalid_argument: region must be one of "eu", "us"',
        "invalid_argument: tier must be one of 1, 2, 3",
        'invalid_argument: region must be one of "eu", "us"; tier must be one of 1, 2, 3',
        "ok {}",
    ]


def test_case_10_field_named_descriptor_works_in_both_encodings(tmp_path: Path) -> None:
    root = _generate(tmp_path, "10-field-named-DESCRIPTOR.yaml", "mail")
    requests = [{"DESCRIPTOR": "d", "note": "n"}, {"note": "only"}]
    assert _calls(root, "mail.v1.acme_connect", "MailService", "Import", "Envelope", requests) == [
        'ok {"DESCRIPTOR": "d", "note": "n"}',
        'ok {"note": "only"}',
    ]


@pytest.mark.parametrize("module", ["lookup.v1.acme_connect"])
def test_case_11_message_named_none_works_in_both_encodings(tmp_path: Path, module: str) -> None:
    root = _generate(tmp_path, "11-message-named-None.yaml", "lookup")
    assert _calls(root, module, "LookupService", "Lookup", "Query", [{"id": "x"}]) == ["ok {}"]
