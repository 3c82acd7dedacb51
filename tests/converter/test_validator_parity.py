"""codegen's fast validator says what openapi-spec-validator says, on every bad document and every good one.

The reference (tests/converter/reference_validator.py) is openapi-spec-validator 0.9 with pure-Python
jsonschema, its errors put back at their place in the document: what codegen used before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from codegen.openapi.validate import Finding, openapi_findings
from codegen.openapi.yaml12 import parse_yaml

from .bad_documents import BAD_DOCUMENTS, EDGE_DOCUMENTS, PKG
from .reference_validator import reference_findings, reference_run
from .support import FIXTURES, REPO, fixture_spec

URL = f"#/paths/~1{PKG}.Svc~1Call"
X = f"#/components/schemas/{PKG}.Thing/properties/x"

# Where codegen is more precise than openapi-spec-validator, which reported these at `#`, at the
# operation, or at the schema holding a bad `default`: (the reference's pointer, codegen's pointer).
# The messages are the same.
MORE_PRECISE: dict[str, tuple[str, str]] = {
    "duplicate operation parameter": (f"{URL}/post", f"{URL}/post/parameters/1"),
    "duplicate path-level parameter": ("#", f"{URL}/parameters/1"),
    "duplicate tag": ("#", "#/tags/2/name"),
    "default of the wrong type": (X, f"{X}/default"),
    "default outside int32": (X, f"{X}/default"),
    "default object missing a required property": (X, f"{X}/default"),
    "null default without nullable": (X, f"{X}/default"),
    "bad default in a referenced component": (
        f"#/components/schemas/{PKG}.E",
        f"#/components/schemas/{PKG}.E/default",
    ),
    "path item from components, duplicate parameter": (
        "#/components/pathItems/P/get",
        "#/components/pathItems/P/get/parameters/1",
    ),
}


@pytest.mark.parametrize("name", list(BAD_DOCUMENTS))
def test_the_same_findings_as_openapi_spec_validator(name: str) -> None:
    data = BAD_DOCUMENTS[name]()
    ours = openapi_findings(data)
    assert ours, "a bad document must have findings"
    if name == "path template that cannot be parsed":
        # openapi-spec-validator raised ValueError (codegen used to report it at `#`).
        with pytest.raises(ValueError, match="expected '}'"):
            reference_findings(data)
        assert ours == [
            Finding(
                "#/paths/~1items~1{id",
                "the path template '/items/{id' cannot be parsed: expected '}' before end of string",
            )
        ]
        return
    expected, complete = reference_run(data)
    if name in MORE_PRECISE:
        theirs, precise = MORE_PRECISE[name]
        assert [f.pointer for f in expected] == [theirs]
        expected = [Finding(precise, f.message) for f in expected]
    if complete:
        assert ours == expected
    else:
        # openapi-spec-validator raised on the broken structure: up to there, the same findings (codegen
        # walks on, or ends its semantic pass with one finding at `#` saying it could not).
        assert ours[: len(expected)] == expected


@pytest.mark.parametrize("name", list(EDGE_DOCUMENTS))
def test_the_same_findings_on_edge_cases_of_the_walk(name: str) -> None:
    data = EDGE_DOCUMENTS[name]()
    expected = reference_findings(data)
    if name in MORE_PRECISE:
        theirs, precise = MORE_PRECISE[name]
        assert [f.pointer for f in expected] == [theirs]
        expected = [Finding(precise, f.message) for f in expected]
    assert openapi_findings(data) == expected


def test_the_edge_cases_include_both_outcomes() -> None:
    outcomes = {bool(openapi_findings(build())) for build in EDGE_DOCUMENTS.values()}
    assert outcomes == {True, False}


def _good_documents() -> list[Path]:
    specs = [fixture_spec(directory) for directory in sorted(FIXTURES.iterdir()) if directory.is_dir()]
    return [*specs, REPO / "spec" / "depot-ci.openapi.json"]


def _read(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    # YAML 1.2, as codegen reads it (`version: 1.10` and `on:` mean what they do in the converter).
    return parse_yaml(text, path).data if path.suffix in (".yaml", ".yml") else json.loads(text)


@pytest.mark.parametrize(
    "path", _good_documents(), ids=lambda p: p.parent.name if p.name != "depot-ci.openapi.json" else "depot"
)
def test_the_same_findings_on_every_fixture(path: Path) -> None:
    # Some fixtures convert although they are not valid OpenAPI (case_02: no `info.version`): there
    # the findings are warnings, and they must still be openapi-spec-validator's.
    data = _read(path)
    expected, complete = reference_run(data)
    ours = openapi_findings(data)
    if complete:
        assert ours == expected
    else:
        # As above: openapi-spec-validator raised on the broken structure; up to there, the same findings.
        assert ours[: len(expected)] == expected


def test_no_findings_in_the_depot_spec() -> None:
    data = _read(REPO / "spec" / "depot-ci.openapi.json")
    assert reference_findings(data) == []
    assert openapi_findings(data) == []
