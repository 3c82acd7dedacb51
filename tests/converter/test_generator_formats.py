"""What the golden .proto files cannot show: the facts the model carries for later stages.

The golden fixtures (fixtures/gen_*, fixtures/opt_*, fixtures/case_*) pin the .proto text of every format and
option set protoc-gen-connect-openapi writes. These tests pin the rest of the model read from the same
documents: validation constraints and message rules (item 3 of the converter issue), the idempotency level of
methods, JSON names under `with-proto-names`, and what becomes of names the protobuf Python runtime owns.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from codegen.model import (
    Constraints,
    Field,
    Idempotency,
    Message,
    MessageRule,
    RuleKind,
)
from codegen.naming import lower_camel

from .support import FIXTURES, REF, compile_protos, connect_operation, convert, convert_fixture, document, protos_of


def _message(directory: str, full_name: str) -> Message:
    return convert_fixture(FIXTURES / directory).api.message(full_name)


def _field(directory: str, full_name: str, field: str) -> Field:
    return _message(directory, full_name).field(field)


# -- item 3: constraints are constraints, not structure ------------------------------------------


def test_an_inline_enum_on_a_scalar_is_an_allowed_values_constraint() -> None:
    request = _message("case_08_protovalidate_in_constraint", "acme.v1.PickRequest")
    assert request.field("region").constraints.allowed == ("eu", "us")
    assert request.field("tier").constraints.allowed == (1, 2, 3)
    assert request.nested_enums == ()


def test_one_of_required_names_is_an_exactly_one_of_rule() -> None:
    contact = _message("case_07_protovalidate_message_oneof", "acme.v1.Contact")
    assert contact.oneofs == ()
    assert [(r.kind, r.fields) for r in contact.rules] == [(RuleKind.EXACTLY_ONE, ("email", "phone"))]
    assert contact.rules[0].location == "#/components/schemas/acme.v1.Contact/allOf/0/oneOf"


def _constrained(schema: dict[str, Any], key: str = "x") -> Field:
    data = document(
        {"acme.v1.Thing": {"type": "object", "title": "Thing", "properties": {key: {"title": key, **schema}}}}
    )
    return convert(data).api.message("acme.v1.Thing").field(key)


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string", "minLength": 1, "maxLength": 64}, Constraints(min_length=1, max_length=64)),
        ({"type": "string", "pattern": "^[a-z]+$"}, Constraints(pattern="^[a-z]+$")),
        ({"type": "string", "format": "email"}, Constraints(format="email")),
        ({"type": "integer", "format": "int32", "minimum": 1, "maximum": 9}, Constraints(minimum=1, maximum=9)),
        (
            {"type": "number", "format": "double", "exclusiveMinimum": 0, "exclusiveMaximum": 1.5},
            Constraints(exclusive_minimum=0, exclusive_maximum=1.5),
        ),
        (
            {"type": ["integer", "string"], "format": "int64", "minimum": -5},
            Constraints(minimum=-5),
        ),
        ({"type": "string", "const": "v1"}, Constraints(allowed=("v1",))),
        ({"type": "string", "not": {"enum": ["admin", "root"]}}, Constraints(disallowed=("admin", "root"))),
        (
            {
                "type": "array",
                "items": {"type": "string", "maxLength": 3},
                "minItems": 1,
                "maxItems": 5,
                "uniqueItems": True,
            },
            Constraints(min_items=1, max_items=5, unique_items=True, items=Constraints(max_length=3)),
        ),
        ({"type": "string"}, Constraints()),
    ],
)
def test_protovalidate_keywords_are_kept_on_the_field(schema: dict[str, Any], expected: Constraints) -> None:
    assert _constrained(schema).constraints == expected


def test_constraints_do_not_change_the_proto() -> None:
    plain = document({"acme.v1.Thing": {"type": "object", "properties": {"x": {"type": "string", "title": "x"}}}})
    constrained = document(
        {
            "acme.v1.Thing": {
                "type": "object",
                "properties": {"x": {"type": "string", "title": "x", "minLength": 2, "enum": ["ab", "cd"]}},
                "anyOf": [{"required": ["x"]}],
            }
        }
    )
    assert protos_of(plain) == protos_of(constrained)


def test_any_of_required_names_is_an_at_least_one_of_rule() -> None:
    data = document(
        {
            "acme.v1.Filter": {
                "type": "object",
                "title": "Filter",
                "properties": {
                    "byName": {"type": "string", "title": "by_name"},
                    "byId": {"type": "string", "title": "by_id"},
                },
                "anyOf": [{"required": ["byName"]}, {"required": ["byId"]}],
            }
        }
    )
    message = convert(data).api.message("acme.v1.Filter")
    assert message.oneofs == ()
    assert message.rules == (
        MessageRule(RuleKind.AT_LEAST_ONE, ("by_name", "by_id"), "#/components/schemas/acme.v1.Filter/anyOf"),
    )


def test_a_proto_oneof_next_to_a_validation_rule_keeps_both() -> None:
    data = document(
        {
            "acme.v1.Pay": {
                "type": "object",
                "title": "Pay",
                "properties": {
                    "email": {"type": "string", "title": "email"},
                    "phone": {"type": "string", "title": "phone"},
                },
                "allOf": [
                    {"oneOf": [{"required": ["email"]}, {"required": ["phone"]}]},
                    {
                        "oneOf": [
                            {
                                "type": "object",
                                "properties": {"card": {"type": "string", "title": "card"}},
                                "required": ["card"],
                            },
                            {
                                "type": "object",
                                "properties": {"iban": {"type": "string", "title": "iban"}},
                                "required": ["iban"],
                            },
                        ]
                    },
                ],
            }
        }
    )
    message = convert(data).api.message("acme.v1.Pay")
    assert [(o.name, o.field_names) for o in message.oneofs] == [("kind", ("card", "iban"))]
    assert [(r.kind, r.fields) for r in message.rules] == [(RuleKind.EXACTLY_ONE, ("email", "phone"))]


# -- item 2: idempotency, JSON names, annotations -------------------------------------------------


def test_a_connect_get_operation_makes_the_method_side_effect_free() -> None:
    api = convert_fixture(FIXTURES / "case_04_connect_get_no_side_effects").api
    (method,) = api.packages[0].services[0].methods
    assert method.idempotency is Idempotency.NO_SIDE_EFFECTS


def test_methods_without_a_get_form_have_an_unknown_idempotency_level() -> None:
    api = convert_fixture(FIXTURES / "opt_get_and_streaming").api
    levels = {m.name: m.idempotency for m in api.packages[0].services[0].methods}
    assert levels == {
        "GetItem": Idempotency.NO_SIDE_EFFECTS,
        "Follow": Idempotency.UNKNOWN,
        "Legacy": Idempotency.NO_SIDE_EFFECTS,
    }


def test_with_proto_names_the_json_names_are_protobufs_default() -> None:
    person = _message("opt_proto_names", "acme.people.v1.Person")
    assert [(f.name, f.json_name) for f in person.fields] == [(f.name, lower_camel(f.name)) for f in person.fields]
    assert person.field("display_name").json_name == "displayName"


def test_a_custom_json_name_is_kept_when_keys_are_json_names() -> None:
    data = document(
        {
            "acme.v1.Thing": {
                "type": "object",
                "properties": {
                    "headSha": {"type": "string", "title": "head_sha"},
                    "ref": {"type": "string", "title": "git_ref"},
                },
            }
        }
    )
    thing = convert(data).api.message("acme.v1.Thing")
    assert [(f.name, f.json_name) for f in thing.fields] == [("head_sha", "headSha"), ("git_ref", "ref")]


def test_the_proto_annotation_is_not_part_of_the_comment() -> None:
    sample = _message("opt_proto_annotations", "acme.metrics.v1.Sample")
    assert sample.field("bytes_sent").description == "Bytes sent so far."
    assert sample.field("hash").description == ""
    assert sample.field("unit").description == ""


def test_the_path_prefix_is_kept() -> None:
    api = convert_fixture(FIXTURES / "opt_paths").api
    assert api.path_prefix == "/testing/1234"


# -- item 5: names the protobuf Python runtime owns ----------------------------------------------


def test_a_field_named_like_a_runtime_attribute_works_in_both_encodings(tmp_path: Path) -> None:
    result = convert_fixture(FIXTURES / "case_10_field_named_descriptor")
    envelope = result.api.message("acme.v1.Envelope")
    assert [(f.name, f.json_name) for f in envelope.fields] == [("DESCRIPTOR_", "DESCRIPTOR"), ("note", "note")]
    assert any(w.location.endswith("/properties/DESCRIPTOR") and "DESCRIPTOR" in w.message for w in result.warnings)
    _run_with_compiled(
        tmp_path,
        FIXTURES / "case_10_field_named_descriptor" / "expected",
        """
from google.protobuf import json_format
from acme.v1 import acme_pb2
parsed = json_format.Parse('{"DESCRIPTOR": "d", "note": "n"}', acme_pb2.Envelope())
assert json_format.MessageToDict(parsed) == {"DESCRIPTOR": "d", "note": "n"}, parsed
assert acme_pb2.Envelope.FromString(parsed.SerializeToString()) == parsed
assert acme_pb2.Envelope.DESCRIPTOR.full_name == "acme.v1.Envelope"
""",
    )


@pytest.mark.parametrize("name", ["SerializeToString", "ByteSize", "HasField", "Extensions"])
def test_every_message_attribute_of_the_runtime_is_avoided(name: str) -> None:
    data = document({"acme.v1.Thing": {"type": "object", "properties": {name: {"type": "string", "title": name}}}})
    result = convert(data)
    (field,) = result.api.message("acme.v1.Thing").fields
    assert (field.name, field.json_name) == (name + "_", name)
    assert [w.location for w in result.warnings] == [f"{REF}acme.v1.Thing/properties/{name}"]


def test_a_message_named_like_a_python_keyword_keeps_its_proto_name(tmp_path: Path) -> None:
    api = convert_fixture(FIXTURES / "case_11_message_named_none").api
    assert api.message("acme.v1.None").name == "None"
    _run_with_compiled(
        tmp_path,
        FIXTURES / "case_11_message_named_none" / "expected",
        """
from google.protobuf import json_format
from acme.v1 import acme_pb2
reply = getattr(acme_pb2, "None")(id="x")
assert json_format.MessageToDict(reply) == {"id": "x"}
assert type(reply).FromString(reply.SerializeToString()) == reply
""",
    )


def _run_with_compiled(tmp_path: Path, expected: Path, script: str) -> None:
    """Compile the expected .proto files and run `script` against them in a fresh interpreter (its own pool)."""
    out = tmp_path / "out"
    result = compile_protos(expected, out)
    assert result.returncode == 0, result.stderr
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=out, capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0, run.stderr


# -- item 1: YAML 1.2 --------------------------------------------------------------------------


def test_yaml_is_read_as_yaml_1_2() -> None:
    api = convert_fixture(FIXTURES / "case_13_yaml_1_2_booleans").api
    assert [v.name for v in api.enum("acme.v1.State").values] == ["STATE_UNSPECIFIED", "ON", "OFF"]
    assert api.message("acme.v1.Switch").field("on").json_name == "on"


def test_a_number_where_text_belongs_is_quoted_as_written() -> None:
    result = convert_fixture(FIXTURES / "yaml_1_2_scalars")
    assert result.api.version == "2026.10"
    (warning,) = [w for w in result.warnings if w.location == "#/info/version"]
    assert "2026.10" in warning.message


def test_a_streaming_method_written_without_with_streaming_is_reported() -> None:
    result = convert_fixture(FIXTURES / "opt_get_and_streaming")
    assert any(w.location == "#/paths/~1acme.feed.v1.FeedService~1Upload" for w in result.warnings)


def test_an_operation_from_connect_operation_helper_still_converts() -> None:
    data = document(
        {"acme.v1.Ping": {"type": "object", "properties": {}}},
        {"/acme.v1.PingService/Ping": connect_operation("acme.v1.Ping", "acme.v1.Ping")},
    )
    (method,) = convert(data).api.packages[0].services[0].methods
    assert method.idempotency is Idempotency.UNKNOWN


def test_several_oneofs_in_one_any_of_list_are_several_oneofs() -> None:
    # The v0.9 form with two oneofs in one message: each oneof's required lists and its own "none" branch.
    def none_of(*keys: str) -> dict[str, Any]:
        return {"not": {"anyOf": [{"required": [k]} for k in keys]}}

    data = document(
        {
            "acme.v1.T": {
                "type": "object",
                "title": "T",
                "properties": {n: {"type": "string", "title": n} for n in ("x", "a", "b", "c", "d")},
                "anyOf": [
                    {"required": ["a"]},
                    {"required": ["b"]},
                    none_of("a", "b"),
                    {"required": ["c"]},
                    {"required": ["d"]},
                    none_of("c", "d"),
                ],
            }
        }
    )
    message = convert(data).api.message("acme.v1.T")
    assert [(o.name, o.field_names) for o in message.oneofs] == [("kind", ("a", "b")), ("kind_2", ("c", "d"))]
    assert [f.name for f in message.fields if f.oneof is None] == ["x"]
    assert message.rules == ()


def test_fully_qualified_message_names_in_titles_still_split_by_the_document() -> None:
    # `fully-qualified-message-names`: titles are full names, so the paths say where the package ends.
    data = document(
        {
            "Acme.Shop.Cart": {"type": "object", "title": "Acme.Shop.Cart", "properties": {}},
            "Acme.Shop.Cart.Line": {"type": "object", "title": "Acme.Shop.Cart.Line", "properties": {}},
        },
        {"/Acme.Shop.CartService/Get": connect_operation("Acme.Shop.Cart", "Acme.Shop.Cart")},
    )
    (package,) = convert(data).api.packages
    assert package.name == "Acme.Shop"
    assert [(m.name, [n.name for n in m.nested_messages]) for m in package.messages] == [("Cart", ["Line"])]
