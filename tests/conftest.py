"""Shared test settings: paths of the repository, and one early stop for a spec whose examples
do not match their schemas (otherwise every test built on the examples fails, far from the cause)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# schemathesis (the API fuzzer the emulator tests run) pulls in jsonschema-rs, which
# openapi-spec-validator then prefers; its messages are worded differently ("info" instead of 'info').
# The converter's tests pin the pure-Python backend they were written against (set before any import
# of openapi_spec_validator, and inherited by the `python -m codegen` subprocesses).
os.environ.setdefault("OPENAPI_SPEC_VALIDATOR_SCHEMA_VALIDATOR_BACKEND", "jsonschema")

from codegen.diagnostics import Reporter
from codegen.openapi.examples import check_examples

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "depot-ci.openapi.json"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Stop the run with the examples' pointers when an example of the spec does not match its schema."""
    try:
        document = json.loads(SPEC.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        pytest.exit(f"{SPEC}: cannot read the spec: {error}", returncode=1)
    reporter = Reporter()
    check_examples(document, reporter)
    if reporter.errors:
        problems = "\n".join(str(problem) for problem in reporter.errors)
        pytest.exit(
            f"{SPEC.name}: examples do not match their schemas; fix them first (`make generate` stops here too):\n"
            f"{problems}",
            returncode=1,
        )


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root (where pyproject.toml is)."""
    return ROOT
