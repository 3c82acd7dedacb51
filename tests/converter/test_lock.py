"""The field-number lock: numbers never move, removed ones are reserved for good, refinements apply.

Every test starts from a document and the lock its first conversion wrote, edits the document the
way an API evolves, converts again with that lock, and checks the numbers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codegen.diagnostics import CodegenError
from codegen.lock import Lock, dump_lock, parse_lock
from codegen.model import Api, Enum, Idempotency, MapType, Message, Scalar, StreamKind
from codegen.openapi import Document
from codegen.pipeline import ModelResult, to_model
from codegen.proto import to_proto

from .support import REF, connect_operation, convert, document, errors_of, lock_data

PKG = "acme.lock.v1"
ITEM = f"{PKG}.Item"
COLOR = f"{PKG}.Color"


def _item_document(
    fields: Sequence[str] | Mapping[str, Any],
    colors: Sequence[str] = ("COLOR_UNSPECIFIED", "COLOR_RED", "COLOR_BLUE"),
) -> dict[str, Any]:
    """`Item` with string properties named `fields` (or the given property schemas), and the enum `Color`."""
    properties = (
        dict(fields) if isinstance(fields, Mapping) else {name: {"type": "string", "title": name} for name in fields}
    )
    return document(
        {
            ITEM: {"type": "object", "properties": properties},
            COLOR: {"type": "string", "enum": list(colors)},
        }
    )


def _relock(result: ModelResult) -> dict[str, Any]:
    """The lock a conversion wrote, as read back from its file text."""
    return lock_data(result)


def _numbers(api: Api, message: str = ITEM) -> dict[str, int]:
    return {f.name: f.number for f in api.message(message).fields}


def _values(api: Api, enum: str = COLOR) -> dict[str, int]:
    return {v.name: v.number for v in api.enum(enum).values}


def _item(api: Api) -> Message:
    return api.message(ITEM)


def _color(api: Api) -> Enum:
    return api.enum(COLOR)


BASE = ["alpha", "beta", "gamma", "delta"]


@pytest.fixture()
def base_lock() -> dict[str, Any]:
    """The lock written by converting the base document without a lock."""
    first = convert(_item_document(BASE))
    assert _numbers(first.api) == {"alpha": 1, "beta": 2, "gamma": 3, "delta": 4}
    assert _values(first.api) == {"COLOR_UNSPECIFIED": 0, "COLOR_RED": 1, "COLOR_BLUE": 2}
    return _relock(first)


# -- numbers -------------------------------------------------------------------------------


def test_without_a_lock_numbers_follow_declaration_order_with_oneof_members_last() -> None:
    data = document(
        {
            ITEM: {
                "type": "object",
                "properties": {"zeta": {"type": "string"}, "alpha": {"type": "string"}},
                "oneOf": [
                    {"type": "object", "properties": {"omega": {"type": "string"}}},
                    {"type": "object", "properties": {"beta": {"type": "string"}}},
                ],
            }
        }
    )
    assert _numbers(convert(data).api) == {"zeta": 1, "alpha": 2, "omega": 3, "beta": 4}


def test_adding_a_field_gives_it_the_next_number_and_keeps_the_others(base_lock: dict[str, Any]) -> None:
    result = convert(_item_document([*BASE, "epsilon"]), base_lock)
    assert _numbers(result.api) == {"alpha": 1, "beta": 2, "gamma": 3, "delta": 4, "epsilon": 5}
    assert _item(result.api).reserved_numbers == ()


def test_a_field_added_at_the_top_still_gets_max_plus_one(base_lock: dict[str, Any]) -> None:
    result = convert(_item_document(["epsilon", *BASE]), base_lock)
    assert _numbers(result.api)["epsilon"] == 5
    assert [f.name for f in _item(result.api).fields] == ["epsilon", *BASE]


def test_removing_a_field_reserves_its_number_and_name(base_lock: dict[str, Any]) -> None:
    result = convert(_item_document(["alpha", "beta", "delta"]), base_lock)
    assert _numbers(result.api) == {"alpha": 1, "beta": 2, "delta": 4}
    item = _item(result.api)
    assert item.reserved_numbers == (3,)
    assert item.reserved_names == ("gamma",)
    text = to_proto(result.api)["acme/lock/v1/lock.proto"]
    assert '  reserved 3;\n  reserved "gamma";\n' in text
    assert _relock(result)["messages"][ITEM]["fields"]["gamma"] == 3, "the lock must remember the removed number"


def test_a_removed_number_is_never_reused(base_lock: dict[str, Any]) -> None:
    removed = _relock(convert(_item_document(["alpha", "beta", "gamma"]), base_lock))
    result = convert(_item_document(["alpha", "beta", "gamma", "epsilon"]), removed)
    assert _numbers(result.api)["epsilon"] == 5
    assert _item(result.api).reserved_numbers == (4,)


def test_removing_the_highest_field_does_not_lower_the_next_number(base_lock: dict[str, Any]) -> None:
    lock = _relock(convert(_item_document(["alpha"]), base_lock))
    assert _numbers(convert(_item_document(["alpha", "zeta"]), lock).api)["zeta"] == 5


def test_reordering_fields_keeps_every_number(base_lock: dict[str, Any]) -> None:
    result = convert(_item_document(["delta", "beta", "alpha", "gamma"]), base_lock)
    assert _numbers(result.api) == {"alpha": 1, "beta": 2, "gamma": 3, "delta": 4}
    assert [f.name for f in _item(result.api).fields] == ["delta", "beta", "alpha", "gamma"]


def test_renaming_a_field_reserves_the_old_name_and_gives_the_new_one_a_new_number(base_lock: dict[str, Any]) -> None:
    result = convert(_item_document(["alpha", "beta", "gamma_two", "delta"]), base_lock)
    assert _numbers(result.api) == {"alpha": 1, "beta": 2, "gamma_two": 5, "delta": 4}
    assert _item(result.api).reserved_names == ("gamma",)
    assert _item(result.api).reserved_numbers == (3,)


def test_renaming_only_the_json_key_keeps_the_number(base_lock: dict[str, Any]) -> None:
    properties = {name: {"type": "string", "title": name} for name in BASE}
    properties["gammaRenamed"] = properties.pop("gamma")  # same title, so the same proto field
    result = convert(_item_document(properties), base_lock)
    assert _numbers(result.api)["gamma"] == 3
    assert _item(result.api).field("gamma").json_name == "gammaRenamed"
    assert _item(result.api).reserved_numbers == ()


def test_readding_a_removed_field_gives_back_its_old_number(base_lock: dict[str, Any]) -> None:
    removed = _relock(convert(_item_document(["alpha", "delta"]), base_lock))
    result = convert(_item_document(["alpha", "gamma", "delta", "epsilon"]), removed)
    assert _numbers(result.api) == {"alpha": 1, "gamma": 3, "delta": 4, "epsilon": 5}
    assert _item(result.api).reserved_numbers == (2,)
    assert _item(result.api).reserved_names == ("beta",)


def test_a_lock_entry_for_a_field_the_document_lacks_is_honoured_when_it_appears(base_lock: dict[str, Any]) -> None:
    base_lock["messages"][ITEM]["fields"]["omega"] = 40
    before = convert(_item_document(BASE), base_lock)
    assert 40 in _item(before.api).reserved_numbers, "a pre-assigned number is kept free until its field appears"
    after = convert(_item_document([*BASE, "omega", "epsilon"]), _relock(before))
    assert _numbers(after.api)["omega"] == 40
    assert _numbers(after.api)["epsilon"] == 41
    assert _item(after.api).reserved_numbers == ()


def test_new_numbers_skip_the_range_protobuf_reserves() -> None:
    lock = {"messages": {ITEM: {"fields": {"alpha": 18999}}}}
    assert _numbers(convert(_item_document(["alpha", "beta"]), lock).api)["beta"] == 20000


def test_numbers_reserved_in_the_lock_are_never_handed_out() -> None:
    lock = {"messages": {ITEM: {"fields": {"alpha": 1}, "reserved": {"numbers": [2, 7], "names": ["old"]}}}}
    result = convert(_item_document(["alpha", "beta"]), lock)
    assert _numbers(result.api)["beta"] == 8
    assert _item(result.api).reserved_numbers == (2, 7)
    assert _item(result.api).reserved_names == ("old",)


def test_oneof_members_follow_the_order_the_lock_gives() -> None:
    data = document(
        {
            ITEM: {
                "type": "object",
                "oneOf": [
                    {"type": "object", "properties": {"text": {"type": "string"}}},
                    {"type": "object", "properties": {"blob": {"type": "string", "format": "byte"}}},
                ],
            }
        }
    )
    plain = convert(data)
    assert _numbers(plain.api) == {"text": 1, "blob": 2}
    ordered = convert(data, {"messages": {ITEM: {"oneofs": {"payload": ["blob", "text"]}}}})
    assert _numbers(ordered.api) == {"blob": 1, "text": 2}
    assert [o.name for o in _item(ordered.api).oneofs] == ["payload"]


def test_converting_with_the_written_lock_changes_nothing(base_lock: dict[str, Any]) -> None:
    result = convert(_item_document(["alpha", "gamma", "epsilon"], ["COLOR_UNSPECIFIED", "COLOR_GREEN"]), base_lock)
    again = convert(_item_document(["alpha", "gamma", "epsilon"], ["COLOR_UNSPECIFIED", "COLOR_GREEN"]), result.lock)
    assert dump_lock(again.lock) == dump_lock(result.lock)
    assert to_proto(again.api) == to_proto(result.api)


# -- enum values ---------------------------------------------------------------------------


def test_adding_an_enum_value_gives_it_the_next_number(base_lock: dict[str, Any]) -> None:
    colors = ["COLOR_GREEN", "COLOR_UNSPECIFIED", "COLOR_RED", "COLOR_BLUE"]
    result = convert(_item_document(BASE, colors), base_lock)
    assert _values(result.api) == {"COLOR_UNSPECIFIED": 0, "COLOR_RED": 1, "COLOR_BLUE": 2, "COLOR_GREEN": 3}


def test_removing_an_enum_value_reserves_it_and_never_reuses_its_number(base_lock: dict[str, Any]) -> None:
    removed = convert(_item_document(BASE, ["COLOR_UNSPECIFIED", "COLOR_BLUE"]), base_lock)
    assert _color(removed.api).reserved_numbers == (1,)
    assert _color(removed.api).reserved_names == ("COLOR_RED",)
    text = to_proto(removed.api)["acme/lock/v1/lock.proto"]
    assert '  reserved 1;\n  reserved "COLOR_RED";\n' in text
    added = convert(_item_document(BASE, ["COLOR_UNSPECIFIED", "COLOR_BLUE", "COLOR_GREEN"]), _relock(removed))
    assert _values(added.api) == {"COLOR_UNSPECIFIED": 0, "COLOR_BLUE": 2, "COLOR_GREEN": 3}


def test_readding_an_enum_value_gives_back_its_old_number(base_lock: dict[str, Any]) -> None:
    removed = _relock(convert(_item_document(BASE, ["COLOR_UNSPECIFIED", "COLOR_BLUE"]), base_lock))
    result = convert(_item_document(BASE, ["COLOR_UNSPECIFIED", "COLOR_RED", "COLOR_BLUE"]), removed)
    assert _values(result.api) == {"COLOR_UNSPECIFIED": 0, "COLOR_RED": 1, "COLOR_BLUE": 2}
    assert _color(result.api).reserved_numbers == ()


# -- refinements ---------------------------------------------------------------------------

_INT64 = {"type": ["integer", "string"], "format": "int64"}


@pytest.mark.parametrize(
    ("schema", "refined"),
    [
        (_INT64, Scalar.UINT64),
        (_INT64, Scalar.SINT64),
        (_INT64, Scalar.FIXED64),
        (_INT64, Scalar.SFIXED64),
        ({"type": "integer", "format": "int32"}, Scalar.SINT32),
        ({"type": "integer", "format": "int32"}, Scalar.SFIXED32),
        ({"type": "integer"}, Scalar.FIXED32),
    ],
)
def test_a_lock_type_refines_the_scalar(schema: dict[str, Any], refined: Scalar) -> None:
    lock = {"messages": {ITEM: {"fields": {"size": {"number": 3, "type": refined.value}}}}}
    result = convert(_item_document({"size": schema}), lock)
    assert _item(result.api).field("size").type is refined
    assert _relock(result)["messages"][ITEM]["fields"]["size"] == {"number": 3, "type": refined.value}


def test_a_lock_map_key_and_value_type_refine_a_map() -> None:
    schema = {"type": "object", "additionalProperties": _INT64}
    lock = {"messages": {ITEM: {"fields": {"totals": {"number": 1, "type": "fixed64", "map_key": "sint32"}}}}}
    field = _item(convert(_item_document({"totals": schema}), lock).api).field("totals")
    assert field.type == MapType(Scalar.SINT32, Scalar.FIXED64)


@pytest.mark.parametrize("kind", [StreamKind.CLIENT, StreamKind.BIDI, StreamKind.SERVER])
def test_the_lock_says_which_side_of_a_streaming_method_streams(kind: StreamKind) -> None:
    data = _item_document(BASE)
    data["paths"] = {f"/{PKG}.Svc/Pipe": connect_operation(ITEM, ITEM, ("application/connect+json",))}
    default = convert(data).api.packages[0].services[0].methods[0]
    assert default.stream is StreamKind.SERVER
    method = convert(data, {"methods": {f"{PKG}.Svc/Pipe": {"streaming": kind.value}}}).api.packages[0]
    assert method.services[0].methods[0].stream is kind


@pytest.mark.parametrize("level", [Idempotency.NO_SIDE_EFFECTS, Idempotency.IDEMPOTENT])
def test_the_lock_gives_a_method_its_idempotency_level(level: Idempotency) -> None:
    data = _item_document(BASE)
    data["paths"] = {f"/{PKG}.Svc/Get": connect_operation(ITEM, ITEM)}
    assert convert(data).api.packages[0].services[0].methods[0].idempotency is Idempotency.UNKNOWN
    lock = {"methods": {f"{PKG}.Svc/Get": {"idempotency": level.value}}}
    result = convert(data, lock)
    assert result.api.packages[0].services[0].methods[0].idempotency is level
    assert _relock(result)["methods"] == lock["methods"]
    proto = to_proto(result.api)
    assert f"rpc Get({ITEM.rsplit('.', 1)[1]}) returns ({ITEM.rsplit('.', 1)[1]}) {{" in "".join(proto.values())
    assert f"option idempotency_level = {level.name};" in "".join(proto.values())


def test_an_unknown_idempotency_level_is_an_error_at_its_pointer() -> None:
    data = _item_document(BASE)
    data["paths"] = {f"/{PKG}.Svc/Get": connect_operation(ITEM, ITEM)}
    errors = _lock_errors(data, {"methods": {f"{PKG}.Svc/Get": {"idempotency": "read_only"}}})
    assert list(errors) == [f"lock.json#/methods/{PKG}.Svc~1Get/idempotency"]
    assert "no_side_effects" in errors[f"lock.json#/methods/{PKG}.Svc~1Get/idempotency"]


# -- contradictions ------------------------------------------------------------------------


def _lock_errors(data: dict[str, Any], lock: dict[str, Any]) -> dict[str, str]:
    """{location: message} of the errors converting `data` with `lock` gives (parse or conversion)."""
    return {d.location: f"{d.message} / {d.hint}" for d in errors_of(data, lock) if d.severity.value == "error"}


@pytest.mark.parametrize(
    ("field", "schema"),
    [
        ("alpha", {"type": "string"}),
        ("alpha", {"type": "integer", "format": "int32"}),  # int32 -> uint64 changes the JSON form
        ("alpha", {"$ref": REF + COLOR}),
    ],
)
def test_a_refinement_that_changes_the_json_shape_is_an_error(field: str, schema: dict[str, Any]) -> None:
    lock = {"messages": {ITEM: {"fields": {field: {"number": 1, "type": "uint64"}}}}}
    errors = _lock_errors(_item_document({field: schema}), lock)
    assert list(errors) == [f"lock.json#/messages/{ITEM}/fields/{field}/type"]
    assert "uint64" in errors[f"lock.json#/messages/{ITEM}/fields/{field}/type"]


def test_two_fields_with_one_number_is_an_error() -> None:
    errors = _lock_errors(_item_document(BASE), {"messages": {ITEM: {"fields": {"alpha": 1, "beta": 1}}}})
    assert list(errors) == [f"lock.json#/messages/{ITEM}/fields/beta"]
    assert "both have number 1" in errors[f"lock.json#/messages/{ITEM}/fields/beta"]


def test_a_field_number_that_is_also_reserved_is_an_error() -> None:
    lock = {"messages": {ITEM: {"fields": {"alpha": 1, "beta": 2}, "reserved": {"numbers": [2]}}}}
    errors = _lock_errors(_item_document(BASE), lock)
    assert list(errors) == [f"lock.json#/messages/{ITEM}/fields/beta"]
    assert "also reserved" in errors[f"lock.json#/messages/{ITEM}/fields/beta"]


@pytest.mark.parametrize("number", [0, -1, 19000, 19999, 536_870_912, "7", 1.5, True])
def test_an_unusable_field_number_is_an_error(number: object) -> None:
    errors = _lock_errors(_item_document(BASE), {"messages": {ITEM: {"fields": {"alpha": number}}}})
    assert list(errors) == [f"lock.json#/messages/{ITEM}/fields/alpha"]


def test_an_unusable_number_in_the_long_form_names_the_number() -> None:
    lock = {"messages": {ITEM: {"fields": {"alpha": {"number": 19000, "type": "uint64"}}}}}
    errors = _lock_errors(_item_document({"alpha": _INT64}), lock)
    assert list(errors) == [f"lock.json#/messages/{ITEM}/fields/alpha/number"]


def test_an_unknown_field_setting_is_an_error() -> None:
    lock = {"messages": {ITEM: {"fields": {"alpha": {"number": 1, "tpye": "uint64"}}}}}
    assert list(_lock_errors(_item_document({"alpha": _INT64}), lock)) == [
        f"lock.json#/messages/{ITEM}/fields/alpha/tpye"
    ]


def test_a_map_key_on_a_field_that_is_not_a_map_is_an_error() -> None:
    lock = {"messages": {ITEM: {"fields": {"alpha": {"number": 1, "map_key": "int32"}}}}}
    assert list(_lock_errors(_item_document(BASE), lock)) == [f"lock.json#/messages/{ITEM}/fields/alpha/map_key"]


def test_a_map_key_type_protobuf_does_not_allow_is_an_error() -> None:
    schema = {"type": "object", "additionalProperties": {"type": "string"}}
    lock = {"messages": {ITEM: {"fields": {"tags": {"number": 1, "map_key": "double"}}}}}
    assert list(_lock_errors(_item_document({"tags": schema}), lock)) == [
        f"lock.json#/messages/{ITEM}/fields/tags/map_key"
    ]


def test_a_field_the_lock_reserves_by_name_is_an_error_at_the_property() -> None:
    lock = {"messages": {ITEM: {"reserved": {"names": ["beta"]}}}}
    errors = _lock_errors(_item_document(BASE), lock)
    assert list(errors) == [f"#/components/schemas/{ITEM}/properties/beta"]
    assert f"lock.json#/messages/{ITEM}/reserved" in errors[f"#/components/schemas/{ITEM}/properties/beta"]


def test_a_field_both_numbered_and_reserved_by_name_is_an_error() -> None:
    lock = {"messages": {ITEM: {"fields": {"beta": 2}, "reserved": {"names": ["beta"]}}}}
    assert list(_lock_errors(_item_document(BASE), lock)) == [f"lock.json#/messages/{ITEM}/fields/beta"]


def test_a_field_in_two_oneofs_is_an_error() -> None:
    lock = {"messages": {ITEM: {"oneofs": {"a": ["alpha"], "b": ["alpha"]}}}}
    assert list(_lock_errors(_item_document(BASE), lock)) == [f"lock.json#/messages/{ITEM}/oneofs/b"]


def test_two_enum_values_with_one_number_is_an_error() -> None:
    lock = {"enums": {COLOR: {"values": {"COLOR_UNSPECIFIED": 0, "COLOR_RED": 0}}}}
    assert list(_lock_errors(_item_document(BASE), lock)) == [f"lock.json#/enums/{COLOR}/values/COLOR_UNSPECIFIED"]


def test_an_enum_value_number_that_is_also_reserved_is_an_error() -> None:
    lock = {"enums": {COLOR: {"values": {"COLOR_RED": 1}, "reserved": {"numbers": [1]}}}}
    assert list(_lock_errors(_item_document(BASE), lock)) == [f"lock.json#/enums/{COLOR}/values/COLOR_RED"]


def test_an_enum_value_the_lock_reserves_by_name_is_an_error_at_the_value() -> None:
    lock = {"enums": {COLOR: {"values": {"COLOR_UNSPECIFIED": 0}, "reserved": {"names": ["COLOR_RED"]}}}}
    errors = _lock_errors(_item_document(BASE), lock)
    assert list(errors) == [f"#/components/schemas/{COLOR}/enum/1"]


def test_an_enum_the_lock_leaves_without_a_zero_is_an_error() -> None:
    lock = {"enums": {COLOR: {"values": {"COLOR_UNSPECIFIED": 5}}}}
    errors = _lock_errors(_item_document(BASE), lock)
    assert list(errors) == [f"#/components/schemas/{COLOR}/enum"]
    assert f"lock.json#/enums/{COLOR}" in errors[f"#/components/schemas/{COLOR}/enum"]


def test_an_unknown_streaming_kind_is_an_error() -> None:
    lock = {"methods": {f"{PKG}.Svc/Pipe": {"streaming": "both"}}}
    assert list(_lock_errors(_item_document(BASE), lock)) == [f"lock.json#/methods/{PKG}.Svc~1Pipe/streaming"]


@pytest.mark.parametrize(
    ("media", "streaming"),
    [(("application/json",), "bidi"), (("application/json",), "server"), (("application/connect+json",), "unary")],
)
def test_lock_streaming_that_contradicts_the_media_types_is_an_error(media: tuple[str, ...], streaming: str) -> None:
    data = _item_document(BASE)
    data["paths"] = {f"/{PKG}.Svc/Pipe": connect_operation(ITEM, ITEM, media)}
    errors = _lock_errors(data, {"methods": {f"{PKG}.Svc/Pipe": {"streaming": streaming}}})
    assert list(errors) == [f"lock.json#/methods/{PKG}.Svc~1Pipe/streaming"]


def test_an_unknown_lock_section_is_an_error() -> None:
    assert list(_lock_errors(_item_document(BASE), {"fields": {}})) == ["lock.json#/fields"]


_MALFORMED_LOCKS: list[tuple[str, Any, str]] = [
    ("not an object", [], "lock.json#"),
    ("fields as a list", {"messages": {ITEM: {"fields": [1]}}}, f"lock.json#/messages/{ITEM}/fields"),
    ("values as a list", {"enums": {COLOR: {"values": ["A"]}}}, f"lock.json#/enums/{COLOR}/values"),
    ("oneofs as a list", {"messages": {ITEM: {"oneofs": ["x"]}}}, f"lock.json#/messages/{ITEM}/oneofs"),
    ("oneof members not a list", {"messages": {ITEM: {"oneofs": {"k": "x"}}}}, f"lock.json#/messages/{ITEM}/oneofs/k"),
    ("reserved as a list", {"messages": {ITEM: {"reserved": [4]}}}, f"lock.json#/messages/{ITEM}/reserved"),
    (
        "reserved numbers not a list",
        {"messages": {ITEM: {"reserved": {"numbers": 4}}}},
        f"lock.json#/messages/{ITEM}/reserved/numbers",
    ),
    (
        "reserved name not a string",
        {"enums": {COLOR: {"reserved": {"names": [4]}}}},
        f"lock.json#/enums/{COLOR}/reserved/names/0",
    ),
    ("misspelt message setting", {"messages": {ITEM: {"feilds": {"alpha": 1}}}}, f"lock.json#/messages/{ITEM}/feilds"),
    ("misspelt enum setting", {"enums": {COLOR: {"value": {}}}}, f"lock.json#/enums/{COLOR}/value"),
    ("message entry not an object", {"messages": {ITEM: 3}}, f"lock.json#/messages/{ITEM}"),
    ("messages not an object", {"messages": []}, "lock.json#/messages"),
    (
        "method entry not an object",
        {"methods": {f"{PKG}.Svc/Pipe": "bidi"}},
        f"lock.json#/methods/{PKG}.Svc~1Pipe",
    ),
    (
        "enum value out of range",
        {"enums": {COLOR: {"values": {"COLOR_RED": 2**31}}}},
        f"lock.json#/enums/{COLOR}/values/COLOR_RED",
    ),
]


@pytest.mark.parametrize(("data", "location"), [c[1:] for c in _MALFORMED_LOCKS], ids=[c[0] for c in _MALFORMED_LOCKS])
def test_a_malformed_lock_is_an_error_not_a_crash(data: Any, location: str) -> None:
    with pytest.raises(CodegenError) as raised:
        parse_lock(data, "lock.json")
    assert [d.location for d in raised.value.diagnostics] == [location]
    assert all(d.hint for d in raised.value.diagnostics)


def test_enum_values_may_use_the_whole_int32_range() -> None:
    lock = parse_lock({"enums": {COLOR: {"values": {"A": -(2**31), "B": 2**31 - 1, "C": 19000}}}}, "lock.json")
    assert lock.enum(COLOR).values == {"A": -(2**31), "B": 2**31 - 1, "C": 19000}


def test_every_contradiction_is_reported_not_just_the_first() -> None:
    lock = {
        "messages": {ITEM: {"fields": {"alpha": 0, "beta": 19000}}},
        "enums": {COLOR: {"values": {"COLOR_RED": 1, "COLOR_BLUE": 1}}},
    }
    with pytest.raises(CodegenError) as raised:
        parse_lock(lock, "lock.json")
    assert [d.location for d in raised.value.diagnostics] == [
        f"lock.json#/messages/{ITEM}/fields/alpha",
        f"lock.json#/messages/{ITEM}/fields/beta",
        f"lock.json#/enums/{COLOR}/values/COLOR_RED",
    ]
    assert all(d.hint for d in raised.value.diagnostics)


# -- the file ------------------------------------------------------------------------------

_MESSY_LOCK: dict[str, Any] = {
    "methods": {"z.v1.S/B": {"streaming": "bidi"}, "a.v1.S/A": {"streaming": "client"}},
    "messages": {
        "z.v1.Z": {
            "reserved": {"numbers": [9, 3], "names": ["zz", "aa"]},
            "oneofs": {"pick": ["second", "first"]},
            "fields": {"second": 2, "first": {"number": 1, "type": "uint64"}, "map": {"map_key": "int32", "number": 4}},
        },
        "a.v1.A": {"fields": {"x": 1}},
    },
    "enums": {"m.v1.E": {"values": {"B": 1, "A": 0}, "reserved": {"numbers": [5, 2], "names": ["Q", "C"]}}},
}


def test_dump_lock_is_sorted_and_stable() -> None:
    text = dump_lock(parse_lock(_MESSY_LOCK, "lock.json"))
    assert dump_lock(parse_lock(json.loads(text), "lock.json")) == text
    assert text.endswith("}\n")

    def check_sorted(node: Any, where: str) -> None:
        if isinstance(node, dict):
            assert list(node) == sorted(node), f"keys of {where} are not sorted"
            for key, value in node.items():
                check_sorted(value, f"{where}/{key}")

    data = json.loads(text)
    check_sorted(data, "#")
    assert data["messages"]["z.v1.Z"]["reserved"] == {"names": ["aa", "zz"], "numbers": [3, 9]}
    assert data["enums"]["m.v1.E"]["reserved"] == {"names": ["C", "Q"], "numbers": [2, 5]}
    assert data["messages"]["z.v1.Z"]["fields"]["first"] == {"number": 1, "type": "uint64"}
    assert data["messages"]["z.v1.Z"]["fields"]["map"] == {"map_key": "int32", "number": 4}
    assert data["messages"]["z.v1.Z"]["oneofs"] == {"pick": ["second", "first"]}, "oneof member order is data"
    assert data["methods"] == {"a.v1.S/A": {"streaming": "client"}, "z.v1.S/B": {"streaming": "bidi"}}


def test_parse_lock_keeps_everything_dump_lock_writes() -> None:
    lock = parse_lock(_MESSY_LOCK, "lock.json")
    again = parse_lock(json.loads(dump_lock(lock)), "lock.json")
    assert again == lock


def test_a_lock_with_a_stale_oneof_is_still_readable_after_the_next_conversion() -> None:
    data = document(
        {
            ITEM: {
                "type": "object",
                "oneOf": [
                    {"type": "object", "properties": {"a": {"type": "string"}}},
                    {"type": "object", "properties": {"c": {"type": "string"}}},
                ],
            }
        }
    )
    lock = {"messages": {ITEM: {"fields": {"a": 1, "b": 2, "c": 3}, "oneofs": {"kind": ["a", "b"], "other": ["c"]}}}}
    written = _relock(convert(data, lock))
    parse_lock(written, "lock.json")  # must not raise: no field may be listed in two oneofs
    assert written["messages"][ITEM]["oneofs"] == {"kind": ["a", "c"]}


def test_two_oneof_groups_never_share_the_lock_name_of_one() -> None:
    def group(*keys: str) -> dict[str, Any]:
        return {"oneOf": [{"type": "object", "properties": {k: {"type": "string"}}} for k in keys]}

    data = document({ITEM: {"type": "object", "allOf": [group("a", "x"), group("b", "y")]}})
    lock = {"messages": {ITEM: {"fields": {"a": 1, "b": 2}, "oneofs": {"kind": ["a", "b"]}}}}
    item = _item(convert(data, lock).api)
    assert [(o.name, o.field_names) for o in item.oneofs] == [("kind", ("a", "x")), ("kind_2", ("b", "y"))]


# -- property: random edit sequences -------------------------------------------------------

_NAMES = [f"field_{letter}" for letter in "abcdefghij"]
_VALUES = [f"SHADE_{letter}" for letter in "ABCDEFGH"]

_edit = st.one_of(
    # Moving fields between two oneofs comes first and twice: the interesting lock states need several moves.
    st.tuples(st.just("regroup"), st.integers(0, 20), st.sampled_from([0, 1, None])),
    st.tuples(st.just("regroup"), st.integers(0, 20), st.sampled_from([1, None, 0])),
    st.tuples(st.just("add"), st.sampled_from(_NAMES), st.integers(0, 20)),
    st.tuples(st.just("remove"), st.integers(0, 20)),
    st.tuples(st.just("rename"), st.integers(0, 20), st.sampled_from(_NAMES)),
    st.tuples(st.just("reorder"), st.randoms(use_true_random=False)),
    st.tuples(st.just("add_value"), st.sampled_from(_VALUES)),
    st.tuples(st.just("remove_value"), st.integers(0, 20)),
)


def _apply(edit: tuple[Any, ...], fields: list[str], groups: dict[str, int | None], values: list[str]) -> None:
    """Apply one edit: fields are added, removed, renamed, reordered, or moved in or out of two oneofs."""
    kind = edit[0]
    if kind == "add" and edit[1] not in fields:
        fields.insert(edit[2] % (len(fields) + 1), edit[1])
    elif kind == "remove" and fields:
        del fields[edit[1] % len(fields)]
    elif kind == "rename" and fields and edit[2] not in fields:
        index = edit[1] % len(fields)
        groups[edit[2]] = groups.get(fields[index])
        fields[index] = edit[2]
    elif kind == "reorder":
        edit[1].shuffle(fields)
    elif kind == "regroup" and fields:
        groups[fields[edit[1] % len(fields)]] = edit[2]
    elif kind == "add_value" and edit[1] not in values:
        values.append(edit[1])
    elif kind == "remove_value" and len(values) > 1:
        del values[1 + edit[1] % (len(values) - 1)]  # the first (zero) value stays


def _fast_convert(fields: list[str], groups: dict[str, int | None], values: list[str], lock: Lock) -> ModelResult:
    """Convert without validating the document (it is well-formed by construction), for speed."""
    string = {"type": "string"}
    data = _item_document([name for name in fields if groups.get(name) is None], values)
    item = data["components"]["schemas"][ITEM]
    item["allOf"] = [
        {"oneOf": [{"type": "object", "properties": {name: string}} for name in members]}
        for members in ([n for n in fields if groups.get(n) == g] for g in (0, 1))
        if members
    ]
    return to_model(Document("openapi.json", data), lock)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=st.lists(st.sampled_from(_NAMES), min_size=1, max_size=5, unique=True),
    edits=st.lists(_edit, min_size=1, max_size=12),
)
def test_random_edit_sequences_never_move_or_reuse_a_number(start: list[str], edits: list[tuple[Any, ...]]) -> None:
    fields = list(start)
    groups: dict[str, int | None] = {}
    values = ["SHADE_UNSPECIFIED"]
    lock = Lock(source="lock.json")
    field_history: dict[str, int] = {}
    value_history: dict[str, int] = {"SHADE_UNSPECIFIED": 0}
    for step in range(len(edits) + 1):
        if step:
            _apply(edits[step - 1], fields, groups, values)
        result = _fast_convert(fields, groups, values, lock)
        item = result.api.message(ITEM)
        numbers = {f.name: f.number for f in item.fields}
        assert sorted(numbers) == sorted(fields)
        for name, number in numbers.items():
            if name in field_history:
                assert number == field_history[name], f"{name} moved from {field_history[name]} to {number}"
        ever = max(field_history.values(), default=0)
        new = sorted(numbers[name] for name in fields if name not in field_history)
        assert new == list(range(ever + 1, ever + 1 + len(new))), f"new fields got {new}; {ever} was used before"
        gone = {name: number for name, number in field_history.items() if name not in numbers}
        assert set(item.reserved_numbers) == set(gone.values())
        assert set(item.reserved_names) == set(gone)
        field_history.update(numbers)
        assert len(set(field_history.values())) == len(field_history), "a number was given to two names"
        oneof_names = [o.name for o in item.oneofs]
        assert len(set(oneof_names)) == len(oneof_names)
        assert not set(oneof_names) & set(numbers), "a oneof is named like a field"

        shades = {v.name: v.number for v in result.api.enum(COLOR).values}
        for name, number in shades.items():
            if name in value_history:
                assert number == value_history[name]
            else:
                assert number == max(value_history.values()) + 1
            value_history[name] = number
        removed_shades = {name: number for name, number in value_history.items() if name not in shades}
        assert set(result.api.enum(COLOR).reserved_numbers) == set(removed_shades.values())
        # What the next run reads is what this run's file holds (and it must be readable).
        lock = parse_lock(json.loads(dump_lock(result.lock)), "lock.json")
