"""Edge values of every field of every message component, checked one field at a time.

Integers at and beyond the proto type's range (64-bit ones past 2^53, negative and zero), empty and
non-ASCII strings, empty repeated fields and maps, each oneof alternative, and proto3 `optional`
fields set to their zero value (present) versus unset (absent). Out-of-range values, which the JSON
Schema alone admits, must be rejected by `json_format` with a ParseError naming the field rather
than silently changed.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from google.protobuf import json_format
from google.protobuf.descriptor import FieldDescriptor

from .support import (
    FLOATING,
    INTEGER_RANGES,
    SIXTY_FOUR_BIT,
    FieldRef,
    binary_round_trip,
    canonical,
    component_fields,
    descriptor,
    enum_names,
    is_map,
    is_proto3_optional,
    json_round_trip,
    message_class,
    message_type,
    schema_admits,
)

_T = FieldDescriptor


def _element(field: FieldDescriptor) -> FieldDescriptor:
    """The field holding the values: the map entry's `value` for a map, the field itself otherwise."""
    return message_type(field).fields_by_name["value"] if is_map(field) else field


def _wrap(ref: FieldRef, value: Any) -> dict[str, Any]:
    """A component instance holding `value` in the field of `ref` (as a list item or map value if need be)."""
    if is_map(ref.field):
        return {ref.key: {"k": value}}
    if ref.field.is_repeated:
        return {ref.key: [value]}
    return {ref.key: value}


def _zero_json(field: FieldDescriptor) -> Any:
    """The zero value of a singular field, as protobuf JSON prints it."""
    if field.type == _T.TYPE_MESSAGE:
        return {}
    if field.type == _T.TYPE_ENUM:
        return enum_names(field)[0]
    if field.type in SIXTY_FOUR_BIT:
        return "0"
    if field.type in FLOATING:
        return 0.0
    return {_T.TYPE_BOOL: False, _T.TYPE_STRING: "", _T.TYPE_BYTES: ""}.get(field.type, 0)


def _round_trips(ref: FieldRef, instance: dict[str, Any]) -> list[dict[str, Any]]:
    """The JSON of `instance` after a JSON round trip and after a binary one."""
    message, through_json = json_round_trip(json.dumps(instance), message_class(ref.component))
    decoded, through_binary = binary_round_trip(message)
    assert decoded == message
    return [through_json, through_binary]


def _ids(refs: list[FieldRef]) -> list[str]:
    return [str(ref) for ref in refs]


INTEGERS = component_fields(lambda field: _element(field).type in INTEGER_RANGES)
SIXTY_FOURS = [ref for ref in INTEGERS if _element(ref.field).type in SIXTY_FOUR_BIT]
STRINGS = component_fields(lambda field: _element(field).type == _T.TYPE_STRING)
COLLECTIONS = component_fields(lambda field: field.is_repeated)
OPTIONALS = component_fields(is_proto3_optional)
IMPLICIT = component_fields(lambda field: not field.is_repeated and not field.has_presence)
ONEOF_MEMBERS = component_fields(lambda field: field.containing_oneof is not None and not is_proto3_optional(field))


def test_the_spec_has_every_kind_of_edge() -> None:
    # Guards against parametrizing over nothing if the spec or the field selection changes.
    assert SIXTY_FOURS and STRINGS and COLLECTIONS and OPTIONALS and IMPLICIT and ONEOF_MEMBERS
    assert any(is_map(ref.field) for ref in COLLECTIONS)
    assert any(_element(ref.field).type == _T.TYPE_UINT64 for ref in SIXTY_FOURS)
    assert any(_element(ref.field).type == _T.TYPE_INT64 for ref in SIXTY_FOURS)


# ---- integers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", SIXTY_FOURS, ids=_ids(SIXTY_FOURS))
def test_64_bit_integers_beyond_2_53_keep_every_digit(ref: FieldRef) -> None:
    low, high = INTEGER_RANGES[_element(ref.field).type]
    values = [2**53 + 1, 2**62 + 7, high] + ([-(2**53) - 1, low] if low < 0 else [])
    for value in values:
        for written in (value, str(value)):
            assert _round_trips(ref, _wrap(ref, written)) == [_wrap(ref, str(value))] * 2, written


@pytest.mark.parametrize("ref", INTEGERS, ids=_ids(INTEGERS))
def test_integers_round_trip_at_zero_negative_and_the_range_ends(ref: FieldRef) -> None:
    low, high = INTEGER_RANGES[_element(ref.field).type]
    for value in sorted({low, -1 if low < 0 else 0, 0, 1, high}):
        instance = _wrap(ref, value)
        assert _round_trips(ref, instance) == [canonical(instance, descriptor(ref.component))] * 2, value


def _out_of_range() -> list[Any]:
    cases = []
    for ref in INTEGERS:
        low, high = INTEGER_RANGES[_element(ref.field).type]
        for value in (low - 1, high + 1):
            cases.append(pytest.param(ref, value, id=f"{ref}={value}"))
            if _element(ref.field).type in SIXTY_FOUR_BIT:
                cases.append(pytest.param(ref, str(value), id=f"{ref}='{value}'"))
    return cases


@pytest.mark.parametrize(("ref", "value"), _out_of_range())
def test_out_of_range_integers_are_rejected_naming_the_field(ref: FieldRef, value: int | str) -> None:
    # What JSON Schema alone would let through...
    assert schema_admits(ref.pointer, _wrap(ref, value)[ref.key])
    # ...protobuf refuses, and says which field.
    with pytest.raises(json_format.ParseError, match=rf"\b{re.escape(ref.key)}\b.*out of range"):
        json_format.Parse(json.dumps(_wrap(ref, value)), message_class(ref.component)())


@pytest.mark.parametrize("ref", INTEGERS, ids=_ids(INTEGERS))
@pytest.mark.parametrize("value", [1.5, "1.5", "twelve", "0x10"])
def test_non_integers_are_rejected_naming_the_field(ref: FieldRef, value: float | str) -> None:
    with pytest.raises(json_format.ParseError, match=rf"\b{re.escape(ref.key)}\b"):
        json_format.Parse(json.dumps(_wrap(ref, value)), message_class(ref.component)())


DOUBLES = component_fields(lambda field: _element(field).type in FLOATING)


@pytest.mark.parametrize("ref", DOUBLES, ids=_ids(DOUBLES))
def test_non_finite_doubles_round_trip_but_fall_outside_the_schema(ref: FieldRef) -> None:
    # protobuf JSON writes NaN and the infinities as the strings "NaN", "Infinity" and "-Infinity";
    # the spec's `type: number` cannot hold them (a known gap of the schema, reported). So the
    # strategies draw finite doubles only, and this test pins both halves of the behaviour.
    for text in ("NaN", "Infinity", "-Infinity"):
        instance = _wrap(ref, text)
        assert _round_trips(ref, instance) == [instance] * 2, text
        assert not schema_admits(ref.pointer, instance[ref.key]), text


# ---- strings ----------------------------------------------------------------------------------

TEXTS = ["", "depot/cli", "żółć ☃ 日本語 🎉", 'tab\tnewline\nquote"backslash\\', "\u0000\u2028\U0010ffff"]


@pytest.mark.parametrize("ref", STRINGS, ids=_ids(STRINGS))
def test_empty_and_non_ascii_strings_round_trip(ref: FieldRef) -> None:
    for text in TEXTS:
        instance = _wrap(ref, text)
        expected = instance if text or ref.field.is_repeated or ref.field.has_presence else {}
        assert _round_trips(ref, instance) == [expected] * 2, text


# ---- repeated fields and maps -------------------------------------------------------------------


@pytest.mark.parametrize("ref", COLLECTIONS, ids=_ids(COLLECTIONS))
def test_empty_repeated_fields_and_maps_are_omitted(ref: FieldRef) -> None:
    empty: dict[str, Any] = {ref.key: {} if is_map(ref.field) else []}
    message, _ = json_round_trip(json.dumps(empty), message_class(ref.component))
    assert message.ByteSize() == 0
    assert _round_trips(ref, empty) == [{}, {}]


# ---- oneofs -----------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", ONEOF_MEMBERS, ids=_ids(ONEOF_MEMBERS))
def test_each_oneof_alternative_is_present_even_at_its_zero_value(ref: FieldRef) -> None:
    oneof = ref.field.containing_oneof
    assert oneof is not None
    instance = {ref.key: _zero_json(ref.field)}
    message, _ = json_round_trip(json.dumps(instance), message_class(ref.component))
    assert message.WhichOneof(oneof.name) == ref.field.name
    assert _round_trips(ref, instance) == [instance] * 2


@pytest.mark.parametrize("ref", ONEOF_MEMBERS, ids=_ids(ONEOF_MEMBERS))
def test_oneof_alternatives_exclude_each_other(ref: FieldRef) -> None:
    oneof = ref.field.containing_oneof
    assert oneof is not None
    others = [field for field in oneof.fields if field is not ref.field]
    assert others
    for other in others:
        both = {ref.key: _zero_json(ref.field), other.json_name: _zero_json(other)}
        with pytest.raises(json_format.ParseError, match=oneof.name):
            json_format.Parse(json.dumps(both), message_class(ref.component)())
        # Through the API, setting one member clears the other.
        message, _ = json_round_trip(json.dumps({other.json_name: _zero_json(other)}), message_class(ref.component))
        json_format.ParseDict({ref.key: _zero_json(ref.field)}, message)
        assert message.WhichOneof(oneof.name) == ref.field.name
        assert json_format.MessageToDict(message) == {ref.key: _zero_json(ref.field)}


# ---- presence ---------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", OPTIONALS, ids=_ids(OPTIONALS))
def test_optional_field_at_zero_is_present_and_unset_is_absent(ref: FieldRef) -> None:
    message_type = message_class(ref.component)
    zero = {ref.key: _zero_json(ref.field)}
    present, _ = json_round_trip(json.dumps(zero), message_type)
    assert present.HasField(ref.field.name)
    assert _round_trips(ref, zero) == [zero] * 2
    assert binary_round_trip(present)[0].HasField(ref.field.name)

    for unset in ({}, {ref.key: None}):
        absent, _ = json_round_trip(json.dumps(unset), message_type)
        assert not absent.HasField(ref.field.name)
        assert _round_trips(ref, unset) == [{}, {}]


@pytest.mark.parametrize("ref", IMPLICIT, ids=_ids(IMPLICIT))
def test_field_without_presence_at_zero_is_omitted(ref: FieldRef) -> None:
    zero = {ref.key: _zero_json(ref.field)}
    message, _ = json_round_trip(json.dumps(zero), message_class(ref.component))
    assert message.SerializeToString() == b""
    assert _round_trips(ref, zero) == [{}, {}]
