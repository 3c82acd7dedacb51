"""Mapping rules the golden files cannot show on their own: what lands in the model, and edge cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from codegen.model import FieldLabel, MapType, MessageRef, Scalar, StreamKind
from codegen.naming import map_entry_name

from .support import REF, compile_protos, connect_operation, convert, document, protos_of

PKG = "acme.rules.v1"
MSG = f"{PKG}.Thing"


def _thing(properties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {MSG: {"type": "object", "properties": properties, **extra}}


def _warnings(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(w.location, w.message) for w in convert(data).warnings]


def test_required_is_kept_in_the_model() -> None:
    data = document(_thing({"a": {"type": "string"}, "b": {"type": "string"}}, required=["b"]))
    message = convert(data).api.message(MSG)
    assert (message.field("a").required, message.field("b").required) == (False, True)


def test_property_pointers_are_kept_in_the_model() -> None:
    data = document(_thing({"a/b": {"type": "string", "title": "ab"}}))
    assert convert(data).api.message(MSG).field("ab").location == f"#/components/schemas/{MSG}/properties/a~1b"


def test_map_entry_components_only_give_the_key_type() -> None:
    entry = f"{MSG}.CountsEntry"
    data = document(
        {
            **_thing({"counts": {"type": "object", "additionalProperties": {"type": "string"}}}),
            entry: {
                "type": "object",
                "properties": {"key": {"type": "integer", "format": "int32"}, "value": {"type": "string"}},
            },
        }
    )
    api = convert(data).api
    message = api.message(MSG)
    assert message.field("counts").type == MapType(Scalar.INT32, Scalar.STRING)
    assert message.field("counts").label is FieldLabel.REPEATED
    assert message.nested_messages == ()
    assert entry not in {m.full_name for p in api.packages for m in p.messages}


def test_an_inline_object_becomes_a_nested_message_named_after_the_field() -> None:
    data = document(_thing({"limits": {"type": "object", "title": "resource_limits", "properties": {}}}))
    message = convert(data).api.message(MSG)
    assert message.field("resource_limits").type == MessageRef(f"{MSG}.ResourceLimits")
    assert [m.name for m in message.nested_messages] == ["ResourceLimits"]


def test_a_connect_get_next_to_its_post_is_not_a_warning() -> None:
    item = connect_operation(MSG, MSG)
    item["get"] = {"operationId": f"{PKG}.Svc.Call.get", "responses": {"200": {"description": "ok"}}}
    data = document(_thing({"a": {"type": "string"}}), {f"/{PKG}.Svc/Call": item})
    assert _warnings(data) == []
    assert [m.name for m in convert(data).api.packages[0].services[0].methods] == ["Call"]


def test_a_connect_get_without_a_post_is_a_warning() -> None:
    item = {"get": {"responses": {"200": {"description": "ok"}}}}
    data = document(_thing({"a": {"type": "string"}}), {f"/{PKG}.Svc/Call": item})
    assert [location for location, _ in _warnings(data)] == [f"#/paths/~1{PKG}.Svc~1Call/get"]


def test_every_rest_verb_is_a_warning_and_its_messages_are_still_converted() -> None:
    response = {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": REF + MSG}}}}}
    item = {verb: {"responses": response} for verb in ("put", "patch", "delete")}
    data = document(_thing({"a": {"type": "string"}}), {"/v1/things": item})
    assert [location for location, _ in _warnings(data)] == [
        "#/paths/~1v1~1things/put",
        "#/paths/~1v1~1things/patch",
        "#/paths/~1v1~1things/delete",
    ]
    assert convert(data).api.message(MSG).field("a").type is Scalar.STRING


def test_a_rest_get_with_a_connect_operation_id_but_no_body_is_skipped_with_a_warning() -> None:
    response = {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": REF + MSG}}}}}
    item = {"get": {"operationId": f"{PKG}.Svc.GetThing", "responses": response}}
    data = document(_thing({"a": {"type": "string"}}), {"/v1/things/{id}": item | {"parameters": [_ID]}})
    assert [location for location, _ in _warnings(data)] == ["#/paths/~1v1~1things~1{id}/get"]
    assert convert(data).api.packages[0].services == ()


_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}


def test_a_method_recovered_from_its_operation_id_keeps_its_streaming() -> None:
    item = connect_operation(MSG, MSG, ("application/connect+json",))
    item["post"]["operationId"] = f"{PKG}.Svc.Watch"
    data = document(_thing({"a": {"type": "string"}}), {"/api/watch": item})
    method = convert(data).api.packages[0].services[0].methods[0]
    assert (method.name, method.stream) == ("Watch", StreamKind.SERVER)


def test_a_oneof_is_never_named_like_one_of_its_members() -> None:
    alternatives = [
        {"type": "object", "properties": {"kind": {"type": "string"}}},
        {"type": "object", "properties": {"other": {"type": "string"}}},
    ]
    data = document({MSG: {"type": "object", "oneOf": alternatives}})
    message = convert(data).api.message(MSG)
    assert [o.name for o in message.oneofs] == ["kind_2"]


def test_the_proto_of_awkward_names_compiles(tmp_path: Path) -> None:
    """A json_name that needs escaping and a oneof beside a same-named member still give valid proto."""
    alternatives = [{"type": "object", "properties": {"kind": {"type": "string"}}}]
    data = document(
        {
            MSG: {
                "type": "object",
                "properties": {'say "hi"\\now': {"type": "string", "title": "greeting"}},
                "oneOf": alternatives,
            }
        }
    )
    protos = protos_of(data)
    text = protos["acme/rules/v1/rules.proto"]
    assert '[json_name = "say \\"hi\\"\\\\now"]' in text
    for relative, body in protos.items():
        (tmp_path / "in" / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / relative).write_text(body, encoding="utf-8")
    result = compile_protos(tmp_path / "in", tmp_path / "out")
    assert result.returncode == 0, result.stderr


def test_a_multi_line_title_stays_in_the_header_comment() -> None:
    data = document(_thing({"a": {"type": "string"}}))
    data["info"] = {"title": "Things\nAPI", "version": "v1\n"}
    text = protos_of(data)["acme/rules/v1/rules.proto"]
    assert text.splitlines()[1] == "// Source: Things API v1"


def test_required_applies_wherever_the_property_is_declared() -> None:
    schema = {
        "type": "object",
        "required": ["b"],
        "properties": {"a": {"type": "string"}},
        "allOf": [{"properties": {"b": {"type": "string"}, "c": {"type": "string"}}}, {"required": ["a"]}],
    }
    message = convert(document({MSG: schema})).api.message(MSG)
    assert {f.name: f.required for f in message.fields} == {"a": True, "b": True, "c": False}


@pytest.mark.parametrize(
    ("field", "entry"),
    [
        ("counts", "CountsEntry"),
        ("counts_by_id", "CountsByIdEntry"),
        ("sha256sum", "Sha256sumEntry"),
        ("x_2d", "X2dEntry"),
    ],
)
def test_the_map_key_comes_from_the_entry_protoc_would_name(field: str, entry: str) -> None:
    assert map_entry_name(field) == entry
    data = document(
        {
            **_thing({"m": {"type": "object", "title": field, "additionalProperties": {"type": "string"}}}),
            f"{MSG}.{entry}": {
                "type": "object",
                "properties": {"key": {"type": ["integer", "string"], "format": "int64"}, "value": {"type": "string"}},
            },
        }
    )
    assert convert(data).api.message(MSG).field(field).type == MapType(Scalar.INT64, Scalar.STRING)
