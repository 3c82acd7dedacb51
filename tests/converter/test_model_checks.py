"""Rules protoc enforces are checked on the model, at the document's pointer: protoc is never first to find them.

Every case would otherwise reach protoc (or the Python runtime) and fail there with a line number in a file the
user never wrote. Each asserts the exact pointer and that a hint says what to do.
"""

from __future__ import annotations

from typing import Any

import pytest

from codegen.diagnostics import Diagnostic, Severity

from .support import REF, connect_operation, convert, document, errors_of, protos_of


def _error(diagnostics: list[Diagnostic]) -> Diagnostic:
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    assert len(errors) == 1, "\n".join(str(d) for d in errors)
    assert errors[0].hint, f"no hint in: {errors[0]}"
    return errors[0]


def _enum(*values: Any, numbered: bool = False) -> dict[str, Any]:
    return {"type": ["string", "integer"] if numbered else "string", "enum": list(values)}


def test_enum_values_share_the_scope_of_their_enum() -> None:
    data = document(
        {
            "acme.v1.Color": _enum("COLOR_UNSPECIFIED", "UNKNOWN"),
            "acme.v1.Shape": _enum("SHAPE_UNSPECIFIED", "UNKNOWN"),
        }
    )
    error = _error(errors_of(data))
    assert error.location == f"{REF}acme.v1.Shape/enum/1"
    assert "UNKNOWN" in error.message and "acme.v1.Color" in error.message


def test_an_enum_value_cannot_be_named_like_a_message_of_its_scope() -> None:
    data = document(
        {
            "acme.v1.Kind": _enum("KIND_UNSPECIFIED", "Widget"),
            "acme.v1.Widget": {"type": "object", "properties": {}},
        }
    )
    error = _error(errors_of(data))
    assert error.location in (f"{REF}acme.v1.Kind/enum/1", f"{REF}acme.v1.Widget")
    assert "Widget" in error.message


def test_a_nested_enum_value_cannot_be_named_like_a_field_of_the_message() -> None:
    data = document(
        {
            "acme.v1.Lamp": {
                "type": "object",
                "properties": {"ON": {"type": "string", "title": "ON"}},
            },
            "acme.v1.Lamp.Mode": _enum("MODE_UNSPECIFIED", "ON"),
        }
    )
    error = _error(errors_of(data))
    assert error.location in (f"{REF}acme.v1.Lamp.Mode/enum/1", f"{REF}acme.v1.Lamp/properties/ON")
    assert "ON" in error.message


def test_enum_values_that_differ_only_by_case_or_prefix_clash() -> None:
    data = document({"acme.v1.Answer": _enum("ANSWER_UNSPECIFIED", "ANSWER_NO", "no")})
    error = _error(errors_of(data))
    assert error.location == f"{REF}acme.v1.Answer/enum/2"
    assert "ANSWER_NO" in error.message


def test_a_field_cannot_be_named_like_a_nested_type() -> None:
    data = document(
        {
            "acme.v1.Order": {"type": "object", "properties": {"Line": {"type": "string", "title": "Line"}}},
            "acme.v1.Order.Line": {"type": "object", "properties": {}},
        }
    )
    error = _error(errors_of(data))
    assert error.location in (f"{REF}acme.v1.Order/properties/Line", f"{REF}acme.v1.Order.Line")


def test_a_service_cannot_be_named_like_a_message() -> None:
    data = document(
        {"acme.v1.Widget": {"type": "object", "properties": {}}},
        {"/acme.v1.Widget/Get": connect_operation("acme.v1.Widget", "acme.v1.Widget")},
    )
    error = _error(errors_of(data))
    assert error.location == "#/paths/~1acme.v1.Widget~1Get/post"
    assert "Widget" in error.message


@pytest.mark.parametrize("name", ["DESCRIPTOR", "_sym_db"])
def test_a_type_named_like_a_generated_module_global_stops_the_run(name: str) -> None:
    data = document({f"acme.v1.{name}": {"type": "object", "title": name, "properties": {}}})
    error = _error(errors_of(data))
    assert error.location == f"{REF}acme.v1.{name}"
    assert name in error.message


def test_numbered_enum_values_must_not_repeat_a_number() -> None:
    data = document({"acme.v1.Level": _enum("LEVEL_UNSPECIFIED", 0, "LEVEL_LOW", 1, "LEVEL_MIN", 1, numbered=True)})
    error = _error(errors_of(data))
    assert error.location == f"{REF}acme.v1.Level/enum/5"
    assert "1" in error.message and "LEVEL_LOW" in error.message


def test_numbered_enum_values_must_fit_in_32_bits() -> None:
    data = document({"acme.v1.Level": _enum("LEVEL_UNSPECIFIED", 0, "LEVEL_HUGE", 2**31, numbered=True)})
    assert _error(errors_of(data)).location == f"{REF}acme.v1.Level/enum/3"


def test_a_numbered_enum_must_have_a_zero_value() -> None:
    data = document({"acme.v1.PayType": _enum("PAY_TYPE_UNSPECIFIED", 1, "PAY_TYPE_CARD", 2, numbered=True)})
    error = _error(errors_of(data))
    assert error.location == f"{REF}acme.v1.PayType/enum"
    assert "0" in error.message


def test_an_enum_list_that_is_not_name_number_pairs_is_reported() -> None:
    data = document({"acme.v1.Level": _enum("LEVEL_UNSPECIFIED", 0, "LEVEL_LOW", numbered=True)})
    assert _error(errors_of(data)).location == f"{REF}acme.v1.Level/enum"


def test_numbered_enum_values_use_the_documents_numbers_over_the_lock() -> None:
    data = document({"acme.v1.Level": _enum("LEVEL_UNSPECIFIED", 0, "LEVEL_LOW", 4, numbered=True)})
    lock = {"enums": {"acme.v1.Level": {"values": {"LEVEL_UNSPECIFIED": 0, "LEVEL_LOW": 1}}}}
    result = convert(data, lock)
    assert [(v.name, v.number) for v in result.api.enum("acme.v1.Level").values] == [
        ("LEVEL_UNSPECIFIED", 0),
        ("LEVEL_LOW", 4),
    ]
    assert [w.location for w in result.warnings] == [f"{REF}acme.v1.Level/enum/3"]


def test_a_document_number_the_lock_reserved_is_an_error() -> None:
    data = document({"acme.v1.Level": _enum("LEVEL_UNSPECIFIED", 0, "LEVEL_LOW", 4, numbered=True)})
    lock = {"enums": {"acme.v1.Level": {"values": {"LEVEL_UNSPECIFIED": 0}, "reserved": {"numbers": [4]}}}}
    error = _error(errors_of(data, lock))
    assert error.location == f"{REF}acme.v1.Level/enum/3"


# -- schemas the converter cannot classify are errors at their pointer, never a guess -------------


@pytest.mark.parametrize(
    ("schema", "where"),
    [
        # one alternative names a property, the other declares one: neither a rule nor a oneof
        (
            {
                "properties": {"a": {"type": "string", "title": "a"}},
                "oneOf": [{"required": ["a"]}, {"properties": {"b": {"type": "string"}}, "required": ["b"]}],
            },
            "/oneOf",
        ),
        # a rule about a property that does not exist
        ({"properties": {"a": {"type": "string", "title": "a"}}, "not": {"required": ["a", "zzz"]}}, "/not"),
        ({"properties": {"a": {"type": "string", "title": "a"}}, "anyOf": [{"required": ["zzz"]}]}, "/anyOf/0"),
        # an anyOf of schemas (not of required lists) has no proto form
        ({"anyOf": [{"type": "string"}, {"type": "integer"}]}, "/anyOf"),
    ],
)
def test_a_message_form_that_is_neither_structure_nor_rule_is_an_error(schema: dict[str, Any], where: str) -> None:
    data = document({"acme.v1.Thing": {"type": "object", "title": "Thing", **schema}})
    error = _error(errors_of(data))
    assert error.location == f"{REF}acme.v1.Thing{where}"


def test_a_proto_oneof_member_written_twice_is_reported() -> None:
    data = document(
        {
            "acme.v1.Thing": {
                "type": "object",
                "properties": {"a": {"type": "string", "title": "a"}, "b": {"type": "string", "title": "b"}},
                "allOf": [{"not": {"required": ["a", "b"]}}, {"not": {"required": ["b", "a"]}}],
            }
        }
    )
    # the same group twice is one oneof, not two
    assert "oneof kind {" in next(iter(protos_of(data).values()))
    assert "kind_2" not in next(iter(protos_of(data).values()))


def test_a_field_in_two_oneofs_is_an_error() -> None:
    data = document(
        {
            "acme.v1.Thing": {
                "type": "object",
                "properties": {n: {"type": "string", "title": n} for n in ("a", "b", "c")},
                "allOf": [{"not": {"required": ["a", "b"]}}, {"not": {"required": ["b", "c"]}}],
            }
        }
    )
    error = _error(errors_of(data))
    assert error.location == f"{REF}acme.v1.Thing/allOf/1/not"
    assert "'b'" in error.message
