"""Lenient where the API survives, strict where it matters.

openapi-spec-validator still checks every document, but its findings are sorted: a problem in what the
converter reads (a message component, the bodies of a method it converts) would change the result and is an
error; anything else is a warning at its JSON pointer, and `--strict` makes every warning an error.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from codegen.diagnostics import Severity

from .support import FIXTURES, REF, connect_operation, convert, convert_fixture, document, errors_of, run_cli


def _greet(**schema_overrides: Any) -> dict[str, Any]:
    return document(
        {
            "acme.v1.Hello": {
                "type": "object",
                "title": "Hello",
                "properties": {"name": {"type": "string", "title": "name"}},
                **schema_overrides,
            },
            "connect-timeout-header": {"type": "number", "title": "Connect-Timeout-Ms"},
        },
        {"/acme.v1.Greeter/Hello": connect_operation("acme.v1.Hello", "acme.v1.Hello")},
    )


def test_a_missing_info_version_is_a_warning_at_info() -> None:
    result = convert_fixture(FIXTURES / "case_02_info_without_version")
    assert [(w.location, w.severity) for w in result.warnings] == [("#/info", Severity.WARNING)]
    assert "version" in result.warnings[0].message


def test_a_missing_info_version_is_an_error_under_strict(tmp_path: Path) -> None:
    spec = FIXTURES / "case_02_info_without_version" / "openapi.yaml"
    lenient = run_cli("proto", "--spec", spec, "--lock", tmp_path / "a.json", "--out", tmp_path / "a")
    assert lenient.returncode == 0, lenient.stderr
    assert "warning: #/info:" in lenient.stderr
    strict = run_cli("proto", "--spec", spec, "--lock", tmp_path / "b.json", "--out", tmp_path / "b", "--strict")
    assert strict.returncode == 2
    assert "error: #/info:" in strict.stderr
    assert not (tmp_path / "b").exists()


def test_invalid_json_schema_in_a_message_is_an_error() -> None:
    data = _greet()
    data["components"]["schemas"]["acme.v1.Hello"]["properties"]["name"]["type"] = "strin"
    locations = {d.location for d in errors_of(data) if d.severity is Severity.ERROR}
    assert f"{REF}acme.v1.Hello/properties/name/type" in locations


def test_invalid_json_schema_in_a_helper_is_a_warning() -> None:
    data = _greet()
    data["components"]["schemas"]["connect-timeout-header"]["minimum"] = "fast"
    result = convert(data)
    assert [w.location for w in result.warnings if "minimum" in w.location or "fast" in w.message] == [
        "#/components/schemas/connect-timeout-header/minimum"
    ]


def test_a_dangling_ref_in_a_message_is_an_error() -> None:
    data = _greet()
    data["components"]["schemas"]["acme.v1.Hello"]["properties"]["other"] = {"$ref": REF + "acme.v1.Missing"}
    errors = [d for d in errors_of(data) if d.severity is Severity.ERROR]
    assert [d.location for d in errors] == [f"{REF}acme.v1.Hello/properties/other/$ref"]


def test_a_dangling_ref_under_a_skipped_operation_is_a_warning() -> None:
    data = _greet()
    data["paths"]["/v1/hello"] = {
        "get": {
            "responses": {
                "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": REF + "Gone"}}}}
            }
        }
    }
    result = convert(data)
    pointer = "#/paths/~1v1~1hello/get/responses/200/content/application~1json/schema/$ref"
    assert pointer in [w.location for w in result.warnings]


def test_a_dangling_ref_in_a_converted_method_is_an_error() -> None:
    data = _greet()
    data["paths"]["/acme.v1.Greeter/Hello"]["post"]["responses"]["200"]["content"]["application/json"]["schema"] = {
        "$ref": REF + "acme.v1.Gone"
    }
    pointer = "#/paths/~1acme.v1.Greeter~1Hello/post/responses/200/content/application~1json/schema/$ref"
    assert pointer in [d.location for d in errors_of(data) if d.severity is Severity.ERROR]


def test_the_validity_fixture_converts_with_warnings_only() -> None:
    result = convert_fixture(FIXTURES / "openapi_validity")
    locations = [w.location for w in result.warnings]
    assert "#/info" in locations
    assert "#/paths/~1healthz/get/responses" in locations
    assert "#/components/schemas/connect-timeout-header/minimum" in locations


def test_duplicate_operation_ids_on_rest_paths_are_a_warning() -> None:
    result = convert_fixture(FIXTURES / "opt_paths")
    assert any("operationId" in w.message or "Operation ID" in w.message for w in result.warnings)


def test_yaml_keys_that_are_not_strings_are_quoted_as_written(tmp_path: Path) -> None:
    text = (FIXTURES / "case_02_info_without_version" / "openapi.yaml").read_text(encoding="utf-8")
    text = text.replace("'200':", "200:").replace("version: v1", "version: v1")
    assert "        200:" in text
    (tmp_path / "openapi.yaml").write_text(text, encoding="utf-8")
    result = convert_fixture(tmp_path)
    (warning,) = [w for w in result.warnings if w.location.endswith("/responses/200")]
    assert "200" in warning.message and "quote" in warning.hint


def test_a_key_yaml_1_2_reads_as_a_boolean_is_kept_as_written(tmp_path: Path) -> None:
    text = (FIXTURES / "case_13_yaml_1_2_booleans" / "openapi.yaml").read_text(encoding="utf-8")
    text = text.replace("        on:\n", "        true:\n")
    (tmp_path / "openapi.yaml").write_text(text, encoding="utf-8")
    result = convert_fixture(tmp_path)
    (warning,) = [w for w in result.warnings if w.location == "#/components/schemas/acme.v1.Switch/properties/true"]
    assert "`true`" in warning.message and "quote" in warning.hint
    field = result.api.message("acme.v1.Switch").field("on")
    assert field.json_name == "true"


def test_the_document_is_not_changed_by_sorting() -> None:
    data = _greet()
    del data["info"]["version"]
    before = copy.deepcopy(data)
    convert(data)
    assert data == before


def test_a_keyword_the_converter_does_not_read_is_a_warning_at_its_pointer() -> None:
    data = _greet(patternProperties={"^x-": {"type": "string"}})
    data["components"]["schemas"]["acme.v1.Hello"]["properties"]["name"]["multipleOf"] = 2
    result = convert(data)
    unread = [w.location for w in result.warnings if "is not read" in w.message]
    assert unread == [
        f"{REF}acme.v1.Hello/properties/name/multipleOf",
        f"{REF}acme.v1.Hello/patternProperties",
    ]
