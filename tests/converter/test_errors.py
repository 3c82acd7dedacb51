"""Bad input stops the conversion with one diagnostic per problem, each naming its JSON pointer and a hint.

Every case asserts the exact pointer: a message that points somewhere near the problem is a bug.
Lock contradictions are in test_lock.py; the same errors through the command line in test_cli.py.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from codegen.diagnostics import CodegenError, Diagnostic, Severity
from codegen.openapi import load, load_data

from .support import REF, connect_operation, convert, document, errors_of

PKG = "acme.bad.v1"
MSG = f"{PKG}.Thing"
PROPS = f"#/components/schemas/{MSG}/properties"


def _with_property(schema: Any, key: str = "x", extra_schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return document({MSG: {"type": "object", "properties": {key: schema}}, **(extra_schemas or {})})


def _only_error(diagnostics: list[Diagnostic]) -> Diagnostic:
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    assert len(errors) == 1, "\n".join(str(d) for d in errors)
    assert errors[0].hint, f"no hint in: {errors[0]}"
    return errors[0]


def _load_errors(data: Any) -> list[Diagnostic]:
    with pytest.raises(CodegenError) as raised:
        load_data(data, "openapi.json")
    return list(raised.value.diagnostics)


# -- invalid documents ---------------------------------------------------------------------


def test_a_document_that_is_not_an_object() -> None:
    error = _only_error(_load_errors(["openapi"]))
    assert error.location == "#"


def test_a_document_without_info_converts_with_a_warning() -> None:
    # info carries only the title and version of the generated headers: no API meaning, so a warning.
    data = document({})
    del data["info"]
    (warning,) = convert(data).warnings
    assert warning.location == "#"
    assert "'info' is a required property" in warning.message


def test_an_openapi_3_0_document() -> None:
    data = document({})
    data["openapi"] = "3.0.3"
    error = _only_error(_load_errors(data))
    assert error.location == "#/openapi"
    assert "3.1" in error.hint or "3.1" in error.message


def test_a_malformed_operation_is_reported_where_it_is() -> None:
    data = document({}, {"/acme.bad.v1.Svc/Call": {"post": {"responses": "none"}}})
    errors = [d for d in errors_of(data) if d.severity is Severity.ERROR]
    # The invalid `responses` explains the missing 200 response below it: one error there, not two.
    assert {d.location for d in errors} == {
        "#/paths/~1acme.bad.v1.Svc~1Call/post/responses",
        "#/paths/~1acme.bad.v1.Svc~1Call/post/requestBody/content",
    }


def test_an_invalid_schema_is_reported_at_its_place_in_the_document() -> None:
    error = _only_error(errors_of(_with_property({"type": 5})))
    assert error.location == f"{PROPS}/x/type"


def test_an_invalid_schema_reached_through_a_ref_is_reported_at_the_component() -> None:
    data = document(
        {MSG: {"type": "object", "properties": {"x": {"type": "strnig"}}}},
        {f"/{PKG}.Svc/Call": connect_operation(MSG, MSG)},
    )
    error = _only_error(errors_of(data))
    assert error.location == f"{PROPS}/x/type"


def test_a_duplicate_operation_id_names_the_operation() -> None:
    paths = {
        f"/{PKG}.Svc/A": connect_operation(MSG, MSG),
        f"/{PKG}.Svc/B": connect_operation(MSG, MSG),
    }
    for item in paths.values():
        item["post"]["operationId"] = "same"
    # Connect paths carry the method names; the operationIds are not needed, so this is a warning.
    result = convert(_with_property({"type": "string"}) | {"paths": paths})
    assert [w.location for w in result.warnings if "unique" in w.message] == [f"#/paths/~1{PKG}.Svc~1B/post"]


def test_an_unparsable_json_file(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.json"
    spec.write_text('{"openapi": "3.1.0",\n  "info": }', encoding="utf-8")
    with pytest.raises(CodegenError) as raised:
        load(spec)
    error = _only_error(list(raised.value.diagnostics))
    assert error.location == f"{spec}:2:11"


def test_a_yaml_key_that_is_not_a_string(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: v1}\npaths:\n  /acme.bad.v1.Svc/Call:\n    post:\n"
        "      responses:\n        200: {description: ok}\n",
        encoding="utf-8",
    )
    (note,) = load(spec).notes
    assert note.location == "#/paths/~1acme.bad.v1.Svc~1Call/post/responses/200"
    assert "`200`" in note.message and "openapi.yaml:7:9" in note.message
    assert "quote" in note.hint


# -- references ----------------------------------------------------------------------------


def test_a_ref_to_nothing() -> None:
    error = _only_error(errors_of(_with_property({"$ref": REF + f"{PKG}.Missing"})))
    assert error.location == f"{PROPS}/x/$ref"
    assert f"{PKG}.Missing" in error.message


def test_a_ref_to_another_file() -> None:
    error = _only_error(errors_of(_with_property({"$ref": "common.yaml#/components/schemas/X"})))
    assert error.location == f"{PROPS}/x/$ref"


def test_every_dangling_ref_is_reported() -> None:
    data = document(
        {
            MSG: {"type": "object", "properties": {"a": {"$ref": REF + "nope.v1.A"}, "b": {"$ref": REF + "nope.v1.B"}}},
        },
        {f"/{PKG}.Svc/Call": connect_operation(f"{PKG}.Request", MSG)},
    )
    locations = {d.location for d in errors_of(data) if d.severity is Severity.ERROR}
    assert locations >= {
        f"#/paths/~1{PKG}.Svc~1Call/post/requestBody/content/application~1json/schema/$ref",
        f"{PROPS}/a/$ref",
        f"{PROPS}/b/$ref",
    }


def test_a_ref_to_a_helper_schema_in_a_field() -> None:
    data = _with_property({"$ref": REF + "connect.error"}, extra_schemas={"connect.error": {"type": "object"}})
    error = _only_error(errors_of(data))
    assert error.location == f"{PROPS}/x/$ref"


def test_a_ref_to_a_map_entry_schema_in_a_field() -> None:
    entry = f"{MSG}.TagsEntry"
    data = document(
        {
            MSG: {
                "type": "object",
                "properties": {
                    "tags": {"type": "object", "additionalProperties": {"type": "string"}},
                    "entry": {"$ref": REF + entry},
                },
            },
            entry: {"type": "object", "properties": {"key": {"type": "string"}, "value": {"type": "string"}}},
        }
    )
    error = _only_error(errors_of(data))
    assert error.location == f"{PROPS}/entry/$ref"


# -- unsupported constructs ----------------------------------------------------------------

_UNSUPPORTED: list[tuple[str, Any, str]] = [
    ("type list of unrelated types", {"type": ["string", "boolean"]}, "/x/type"),
    ("type list with null and two types", {"type": ["string", "boolean", "null"]}, "/x/type"),
    ("64-bit form with a 32-bit format", {"type": ["integer", "string"], "format": "int32"}, "/x/format"),
    ("unknown integer format", {"type": "integer", "format": "int128"}, "/x/format"),
    ("anyOf in a property", {"anyOf": [{"type": "string"}, {"type": "integer"}]}, "/x/anyOf"),
    ("oneOf of unrelated types", {"oneOf": [{"type": "string"}, {"type": "boolean"}]}, "/x/oneOf"),
    ("allOf of two schemas", {"allOf": [{"type": "string"}, {"maxLength": 3}]}, "/x/allOf"),
    ("array of arrays", {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}, "/x/items"),
    ("array without items", {"type": "array"}, "/x"),
    (
        "map of maps",
        {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "string"}}},
        "/x/additionalProperties",
    ),
    (
        "map of inline objects",
        {"type": "object", "additionalProperties": {"type": "object", "properties": {"a": {"type": "string"}}}},
        "/x/additionalProperties",
    ),
    ("object without properties", {"type": "object"}, "/x"),
    ("schema without a type", {"description": "anything"}, "/x"),
    ("null type alone", {"type": "null"}, "/x/type"),
]


@pytest.mark.parametrize(("schema", "suffix"), [c[1:] for c in _UNSUPPORTED], ids=[c[0] for c in _UNSUPPORTED])
def test_an_unsupported_property_schema(schema: Any, suffix: str) -> None:
    error = _only_error(errors_of(_with_property(schema)))
    assert error.location == PROPS + suffix


def test_anyof_at_message_level() -> None:
    data = document({MSG: {"type": "object", "anyOf": [{"properties": {"a": {"type": "string"}}}]}})
    assert _only_error(errors_of(data)).location == f"#/components/schemas/{MSG}/anyOf"


def test_allof_inheritance_at_message_level() -> None:
    data = document(
        {
            f"{PKG}.Base": {"type": "object", "properties": {"id": {"type": "string"}}},
            MSG: {"type": "object", "allOf": [{"$ref": REF + f"{PKG}.Base"}]},
        }
    )
    assert _only_error(errors_of(data)).location == f"#/components/schemas/{MSG}/allOf/0"


def test_a_oneof_alternative_with_two_properties() -> None:
    alternative = {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}}}
    data = document({MSG: {"type": "object", "oneOf": [alternative]}})
    assert _only_error(errors_of(data)).location == f"#/components/schemas/{MSG}/oneOf/0"


def test_a_repeated_oneof_member() -> None:
    alternative = {"type": "object", "properties": {"a": {"type": "array", "items": {"type": "string"}}}}
    data = document({MSG: {"type": "object", "oneOf": [alternative]}})
    assert _only_error(errors_of(data)).location == f"#/components/schemas/{MSG}/oneOf/0/properties/a"


def test_two_properties_with_one_field_name() -> None:
    data = _with_property({"type": "string"}, "headSha")
    data["components"]["schemas"][MSG]["properties"]["head_sha"] = {"type": "string"}
    assert _only_error(errors_of(data)).location == f"{PROPS}/head_sha"


# -- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "location"),
    [
        ("123", f"{PROPS}/123"),
        ("\u00e9t\u00e9", f"{PROPS}/\u00e9t\u00e9"),  # snake_case would keep only the `t`
        ("a/b~c", f"{PROPS}/a~1b~0c"),
    ],
)
def test_a_property_key_that_gives_no_proto_name(key: str, location: str) -> None:
    error = _only_error(errors_of(_with_property({"type": "string"}, key)))
    assert error.location == location
    assert "title" in error.hint


def test_a_title_fixes_a_key_that_gives_no_proto_name() -> None:
    data = _with_property({"type": "string", "title": "summer"}, "\u00e9t\u00e9")
    field = convert(data).api.message(MSG).field("summer")
    assert field.json_name == "\u00e9t\u00e9"


@pytest.mark.parametrize(
    "name", [f"{PKG}.Bad-Name", f"{PKG}.9Lives", "acme.bad-pkg.v1.Thing", "Th ing", f"{PKG}.Thing.In-ner"]
)
def test_a_component_name_that_is_not_a_proto_name(name: str) -> None:
    schemas = {name: {"type": "object", "properties": {"a": {"type": "string"}}}}
    if name.endswith(".In-ner"):
        schemas[MSG] = {"type": "object", "properties": {"a": {"type": "string"}}}
    error = _only_error(errors_of(document(schemas)))
    assert error.location == f"#/components/schemas/{name}"


def test_an_enum_value_that_is_not_a_proto_name() -> None:
    data = document({f"{PKG}.Color": {"type": "string", "enum": ["COLOR_UNSPECIFIED", "dark-red"]}})
    assert _only_error(errors_of(data)).location == f"#/components/schemas/{PKG}.Color/enum/1"


def test_an_enum_value_listed_twice() -> None:
    data = document({f"{PKG}.Color": {"type": "string", "enum": ["COLOR_UNSPECIFIED", "COLOR_RED", "COLOR_RED"]}})
    assert _only_error(errors_of(data)).location == f"#/components/schemas/{PKG}.Color/enum/2"


def test_a_title_and_key_that_are_no_field_names() -> None:
    data = _with_property({"type": "string", "title": "not valid"}, "\u00e9t\u00e9")
    assert _only_error(errors_of(data)).location == f"{PROPS}/\u00e9t\u00e9/title"


def test_a_nested_type_without_its_parent_is_held_by_an_empty_message() -> None:
    # trim-unused-types can drop the parent of a nested type; the paths say where the package ends.
    data = document(
        {f"{PKG}.Outer.Inner": {"type": "object", "title": "Inner", "properties": {"a": {"type": "string"}}}},
        {f"/{PKG}.Svc/Call": connect_operation(f"{PKG}.Outer.Inner", f"{PKG}.Outer.Inner")},
    )
    result = convert(data)
    (outer,) = result.api.packages[0].messages
    assert (outer.full_name, outer.fields, [m.name for m in outer.nested_messages]) == (f"{PKG}.Outer", (), ["Inner"])
    assert [w.location for w in result.warnings] == [f"#/components/schemas/{PKG}.Outer.Inner"]


def test_a_nested_type_whose_parent_is_missing_but_not_its_grandparent() -> None:
    data = document(
        {
            f"{PKG}.Outer": {"type": "object", "title": "Outer", "properties": {}},
            f"{PKG}.Outer.Mid.Inner": {"type": "object", "title": "Inner", "properties": {}},
        },
        {f"/{PKG}.Svc/Call": connect_operation(f"{PKG}.Outer", f"{PKG}.Outer")},
    )
    assert _only_error(errors_of(data)).location == f"#/components/schemas/{PKG}.Outer.Mid.Inner"


def test_an_inline_object_whose_nested_message_clashes_with_a_nested_component() -> None:
    data = document(
        {
            MSG: {
                "type": "object",
                "properties": {"inner": {"type": "object", "properties": {"a": {"type": "string"}}}},
            },
            f"{MSG}.Inner": {"type": "object", "properties": {"b": {"type": "string"}}},
        }
    )
    error = _only_error(errors_of(data))
    assert error.location == f"#/components/schemas/{MSG}.Inner"
    assert f"{PROPS}/inner" in error.hint


def test_a_google_protobuf_component_that_is_not_a_well_known_type() -> None:
    data = _with_property(
        {"$ref": REF + "google.protobuf.Mystery"},
        extra_schemas={"google.protobuf.Mystery": {"type": "object", "properties": {"a": {"type": "string"}}}},
    )
    assert _only_error(errors_of(data)).location == "#/components/schemas/google.protobuf.Mystery"


# -- methods -------------------------------------------------------------------------------


def _service_document(operation: dict[str, Any]) -> dict[str, Any]:
    return document(
        {MSG: {"type": "object", "properties": {"a": {"type": "string"}}}, f"{PKG}.Color": {"enum": ["C_UNSPECIFIED"]}},
        {f"/{PKG}.Svc/Call": operation},
    )


def test_a_connect_method_without_a_response_body() -> None:
    operation = connect_operation(MSG, MSG)
    del operation["post"]["responses"]["200"]["content"]
    error = _only_error(errors_of(_service_document(operation)))
    assert error.location == f"#/paths/~1{PKG}.Svc~1Call/post/responses/200/content"


def test_a_connect_method_whose_request_is_not_a_message() -> None:
    operation = connect_operation(f"{PKG}.Color", MSG)
    error = _only_error(errors_of(_service_document(operation)))
    assert error.location == f"#/paths/~1{PKG}.Svc~1Call/post/requestBody/content"


def test_a_connect_method_whose_media_types_carry_different_messages() -> None:
    operation = connect_operation(MSG, MSG, ("application/json", "application/proto"))
    operation["post"]["requestBody"]["content"]["application/proto"]["schema"]["$ref"] = REF + "google.protobuf.Empty"
    data = _service_document(operation)
    data["components"]["schemas"]["google.protobuf.Empty"] = {"type": "object"}
    error = _only_error(errors_of(data))
    assert error.location == f"#/paths/~1{PKG}.Svc~1Call/post/requestBody/content"


# -- all of them at once -------------------------------------------------------------------


def test_every_problem_gets_its_own_message() -> None:
    data = document(
        {
            MSG: {
                "type": "object",
                "properties": {
                    "a": {"type": ["string", "boolean"]},
                    "b": {"anyOf": [{"type": "string"}]},
                    "c": {"type": "string"},
                },
            },
            f"{PKG}.Bad-Name": {"type": "object", "properties": {}},
        }
    )
    original = copy.deepcopy(data)
    errors = [d for d in errors_of(data) if d.severity is Severity.ERROR]
    assert [d.location for d in errors] == [
        f"{PROPS}/a/type",
        f"{PROPS}/b/anyOf",
        f"#/components/schemas/{PKG}.Bad-Name",
    ]
    assert data == original, "the converter must not modify the document"
