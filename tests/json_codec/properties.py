"""Properties of a generated connect module's protobuf-JSON functions, checked against json_format.

`check_message(module, message_class, examples)` runs three hypothesis properties on one message:
- encode: for random valid messages, `_JSONCodec().encode` writes exactly the bytes of the codec
  before the generated functions (`json.dumps(MessageToDict(m))`, compact, `ensure_ascii=False`);
- fast path: the canonical JSON of a random message (JSON names or proto names) is read by the
  generated decoder itself, never handed to json_format, into the same message;
- decode: random JSON objects built from a valid message and then damaged (wrong types,
  out-of-range numbers, unknown enum names, bad base64, nulls, unknown and extension-like keys,
  both spellings of a field, duplicate keys) decode to the same message as
  `json_format.Parse(..., ignore_unknown_fields=True)`, or fail with the same `ParseError`.

Messages are drawn from the protobuf descriptors, so any generated package can be checked.
"""

from __future__ import annotations

import json
import math
from types import ModuleType
from typing import Any

from google.protobuf import json_format
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

__all__ = ["check_edges", "check_message", "codec_messages"]

_T = FieldDescriptor
_INT_RANGES = {
    _T.TYPE_INT32: (-(2**31), 2**31 - 1),
    _T.TYPE_SINT32: (-(2**31), 2**31 - 1),
    _T.TYPE_SFIXED32: (-(2**31), 2**31 - 1),
    _T.TYPE_UINT32: (0, 2**32 - 1),
    _T.TYPE_FIXED32: (0, 2**32 - 1),
    _T.TYPE_INT64: (-(2**63), 2**63 - 1),
    _T.TYPE_SINT64: (-(2**63), 2**63 - 1),
    _T.TYPE_SFIXED64: (-(2**63), 2**63 - 1),
    _T.TYPE_UINT64: (0, 2**64 - 1),
    _T.TYPE_FIXED64: (0, 2**64 - 1),
}
_MAX_DEPTH = 3

# JSON values that break some rule of protobuf JSON for some field type.
_NASTY: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1,
    1.0,
    1.5,
    -0.0,
    2**31,
    -(2**31) - 1,
    2**32,
    2**53 + 1,
    2**63,
    2**64,
    -(2**63) - 1,
    1e39,
    -1e39,
    1e300,
    math.nan,
    math.inf,
    -math.inf,
    "",
    "1",
    "-5",
    " 7",
    "1e3",
    "1.0",
    "0x10",
    "1_000",
    "18446744073709551616",
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "true",
    "false",
    "abc",
    "YWJj",
    "YWJjZA",
    "YW-_",
    "YW+/",
    "@@@@",
    "a b",
    "\ud800",
    "\udc00x",
    "é",
    [],
    [None],
    [1, "a"],
    ["x"],
    [{}],
    {},
    {"a": 1},
    {"1": "x", "true": 2},
    {"[x.y]": 1},
]


_ODD_KEYS = ["unknownField", "[ext.name]", "[not ok]", "1", "-2", "true", "01"]
"""Keys no message has (some look like extensions, which json_format refuses) and map keys of every kind."""


def codec_messages(module: ModuleType) -> list[type[Message]]:
    """The message classes a generated connect module has protobuf-JSON functions for."""
    return sorted(module._JSON_CODECS, key=lambda cls: cls.DESCRIPTOR.full_name)


def _is_map(field: FieldDescriptor) -> bool:
    return field.message_type is not None and field.message_type.GetOptions().map_entry


def _scalar(field: FieldDescriptor) -> st.SearchStrategy[Any]:
    kind = field.type
    if kind in _INT_RANGES:
        low, high = _INT_RANGES[kind]
        return st.one_of(st.integers(low, high), st.sampled_from([low, high, 0, 1, -1 if low else 2]))
    if kind == _T.TYPE_DOUBLE:
        return st.floats()
    if kind == _T.TYPE_FLOAT:
        return st.floats(width=32)
    if kind == _T.TYPE_BOOL:
        return st.booleans()
    if kind == _T.TYPE_STRING:
        return st.text(max_size=6)
    if kind == _T.TYPE_BYTES:
        return st.binary(max_size=8)
    if kind == _T.TYPE_ENUM:
        numbers = [value.number for value in field.enum_type.values]
        return st.one_of(st.sampled_from(numbers), st.integers(-3, 40))
    raise AssertionError(f"no strategy for {field.full_name}")


def _wkt(draw: st.DrawFn, message: Message) -> None:
    """Set a well-known type to a random valid value (types not listed here stay empty)."""
    name = message.DESCRIPTOR.full_name
    if name == "google.protobuf.Timestamp":
        message.seconds = draw(st.integers(-62135596800, 253402300799))
        message.nanos = draw(st.sampled_from([0, 1, 500000000, 999999999]))
    elif name == "google.protobuf.Duration":
        message.seconds = draw(st.integers(0, 315576000000))
        message.nanos = draw(st.sampled_from([0, 1000, 999999999]))
    elif name == "google.protobuf.Struct":
        for key in draw(st.lists(st.text(max_size=3), max_size=2)):
            message.fields[key].string_value = draw(st.text(max_size=3))
    elif name == "google.protobuf.Value":
        message.number_value = draw(st.floats(allow_nan=False, allow_infinity=False))
    elif name.endswith("Value") and "value" in message.DESCRIPTOR.fields_by_name:
        field = message.DESCRIPTOR.fields_by_name["value"]
        message.value = draw(_scalar(field))
    message.SetInParent()


def _fill(draw: st.DrawFn, message: Message, depth: int) -> None:
    """Set a random subset of `message`'s fields to random valid values (one member per oneof at most)."""
    descriptor = message.DESCRIPTOR
    if descriptor.full_name.startswith("google.protobuf."):
        _wkt(draw, message)
        return
    chosen = {oneof.name: draw(st.sampled_from([None, *oneof.fields])) for oneof in descriptor.oneofs}
    for field in descriptor.fields:
        oneof = field.containing_oneof
        if oneof is not None and chosen[oneof.name] is not field:
            continue
        if oneof is None and not draw(st.booleans()):
            continue
        _set(draw, message, field, depth)


def _set(draw: st.DrawFn, message: Message, field: FieldDescriptor, depth: int) -> None:
    container = getattr(message, field.name)
    size = st.integers(0, 3 if depth < _MAX_DEPTH else 0)
    if _is_map(field):
        key_field = field.message_type.fields_by_name["key"]
        value_field = field.message_type.fields_by_name["value"]
        for _ in range(draw(size)):
            key = draw(_scalar(key_field))
            if value_field.message_type is not None:
                _fill(draw, container[key], depth + 1)
            else:
                container[key] = draw(_scalar(value_field))
    elif field.is_repeated:
        for _ in range(draw(size)):
            if field.message_type is not None:
                _fill(draw, container.add(), depth + 1)
            else:
                container.append(draw(_scalar(field)))
    elif field.message_type is not None:
        if depth < _MAX_DEPTH:
            container.SetInParent()
            _fill(draw, container, depth + 1)
    else:
        setattr(message, field.name, draw(_scalar(field)))


def _messages(message_class: type[Message]) -> st.SearchStrategy[Message]:
    @st.composite
    def build(draw: st.DrawFn) -> Message:
        message = message_class()
        _fill(draw, message, 0)
        return message

    return build()


def _objects(tree: Any, descriptor: Descriptor | None) -> list[tuple[dict[str, Any], Descriptor | None]]:
    """Every JSON object in `tree` with the message it stands for (None: a map, or a well-known type)."""
    if not isinstance(tree, dict):
        return []
    found = [(tree, descriptor)]
    if descriptor is None or descriptor.full_name.startswith("google.protobuf."):
        return found
    for key, value in tree.items():
        field = descriptor.fields_by_camelcase_name.get(key) or descriptor.fields_by_name.get(key)
        if field is None or field.message_type is None:
            continue
        if _is_map(field):
            target = field.message_type.fields_by_name["value"].message_type
            found += [(value, None)] if isinstance(value, dict) else []
            for item in value.values() if isinstance(value, dict) else []:
                found += _objects(item, target)
        elif isinstance(value, list):
            for item in value:
                found += _objects(item, field.message_type)
        else:
            found += _objects(value, field.message_type)
    return found


def _damage(draw: st.DrawFn, tree: dict[str, Any], descriptor: Descriptor) -> str:
    """Break `tree` in a few random places; return its JSON text (possibly with a repeated key)."""
    for _ in range(draw(st.integers(1, 3))):
        target, message = draw(st.sampled_from(_objects(tree, descriptor)))
        fields = list(message.fields) if message is not None else []
        action = draw(st.sampled_from(["edge", "edge", "edge", "set", "rename", "delete", "wrap"]))
        if action == "edge" and fields:
            field = draw(st.sampled_from(fields))
            target[draw(st.sampled_from([field.json_name, field.name]))] = draw(st.sampled_from(_edges(field)))
        elif action == "set":
            names = [name for field in fields for name in (field.json_name, field.name)]
            key = draw(st.sampled_from(names or _ODD_KEYS) | st.sampled_from(_ODD_KEYS))
            target[key] = draw(st.sampled_from(_NASTY))
        elif action == "rename" and target:
            names = [name for field in fields for name in (field.json_name, field.name)]
            old = draw(st.sampled_from(sorted(target)))
            target[draw(st.sampled_from(names or _ODD_KEYS) | st.sampled_from(_ODD_KEYS))] = target.pop(old)
        elif action == "delete" and target:
            del target[draw(st.sampled_from(sorted(target)))]
        elif action == "wrap" and target:
            old = draw(st.sampled_from(sorted(target)))
            target[old] = draw(st.sampled_from([[target[old]], {"value": target[old]}, str(target[old])]))
    text = json.dumps(tree)
    if tree and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(tree)))
        text = "{" + json.dumps(key) + ":" + json.dumps(draw(st.sampled_from(_NASTY))) + "," + text[1:]
    return text


def _edges(field: FieldDescriptor) -> list[Any]:
    """JSON values near the edge of what a field takes (most of them accepted), one level deep."""
    if _is_map(field):
        value_field = field.message_type.fields_by_name["value"]
        return [{key: value} for key in _ODD_KEYS for value in _edges(value_field)[:6]] + [{"k": None}]
    single = _single_edges(field)
    if field.is_repeated:
        return [[value] for value in single] + [[single[0], single[-1]], [None]]
    return single


def _single_edges(field: FieldDescriptor) -> list[Any]:
    kind = field.type
    if kind in _INT_RANGES:
        low, high = _INT_RANGES[kind]
        return [low, high, low - 1, high + 1, str(high), str(low), "12", 3.0, "3.0", "1e2", " 4", 4.5, True, "x"]
    if kind in (_T.TYPE_DOUBLE, _T.TYPE_FLOAT):
        return [0, 1, -0.0, 2.5, 1e38, 3.5e38, 1e308, "1.5", "NaN", "-Infinity", "nan", "inf", "1e5", True, None]
    if kind == _T.TYPE_BOOL:
        return [True, False, "true", 1, 0, None]
    if kind == _T.TYPE_STRING:
        return ["", "plain", "é\u2028", "\ud83d\ude00", "\ud800", "\udc00", 5, None]
    if kind == _T.TYPE_BYTES:
        return ["", "YWJj", "YWI", "YWI=", "YW-_", "YW+/", "Y", "Y===", "@@@@", "YW Jj", 12]
    if kind == _T.TYPE_ENUM:
        names = [value.name for value in field.enum_type.values]
        return [*names, "UNKNOWN_NAME", names[0].lower(), 0, 1, 999, -1, 2**31, "1", 1.0, 1.5, True, None]
    return [{}, [], "x", 1, None, {"unknownField": 1}, {"[a.b]": 1}]


def _outcome(parse: Any) -> tuple[str, Any]:
    """("ok", the message's deterministic bytes) or ("error", the ParseError's text)."""
    try:
        message = parse()
    except json_format.ParseError as error:
        return "error", str(error)
    return "ok", message.SerializeToString(deterministic=True)


def _sets_null_value(message: Message) -> bool:
    """Whether `message` or one below it sets a `google.protobuf.NullValue` field."""
    for field, value in message.ListFields():
        if field.enum_type is not None and field.enum_type.full_name == "google.protobuf.NullValue":
            return True
        if field.message_type is None or field.message_type.full_name.startswith("google.protobuf."):
            continue
        if _is_map(field):
            values = value.values() if field.message_type.fields_by_name["value"].message_type else []
        else:
            values = value if field.is_repeated else [value]
        if any(isinstance(item, Message) and _sets_null_value(item) for item in values):
            return True
    return False


def _old_codec(message: Message) -> bytes:
    return json.dumps(json_format.MessageToDict(message), separators=(",", ":"), ensure_ascii=False).encode()


def check_edges(module: ModuleType, message_class: type[Message]) -> None:
    """Every edge value (`_edges`) of every field, under both names, decodes as json_format decodes it."""
    codec = module._JSONCodec()
    cases = [{key: value} for key in _ODD_KEYS for value in (1, None)]
    for field in message_class.DESCRIPTOR.fields:
        cases += [{name: value} for name in dict.fromkeys([field.json_name, field.name]) for value in _edges(field)]
    for case in cases:
        text = json.dumps(case)
        ours = _outcome(lambda text=text: codec.decode(text.encode(), message_class))
        theirs = _outcome(lambda text=text: json_format.Parse(text, message_class(), ignore_unknown_fields=True))
        assert ours == theirs, text


def check_message(module: ModuleType, message_class: type[Message], examples: int) -> None:
    """Run the three properties (module docstring) on `message_class` of the generated `module`."""
    codec = module._JSONCodec()
    decoder = module._JSON_CODECS[message_class][1]
    options = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )

    @options
    @given(_messages(message_class))
    def encodes_like_json_format(message: Message) -> None:
        assert codec.encode(message) == _old_codec(message)

    @options
    @given(_messages(message_class), st.booleans())
    def decodes_canonical_json_itself(message: Message, proto_names: bool) -> None:
        assume(not _sets_null_value(message))  # the generated decoders leave NullValue fields to json_format
        text = json.dumps(json_format.MessageToDict(message, preserving_proto_field_name=proto_names))
        decoded = message_class()
        decoder(json.loads(text), decoded, 1)  # raises _JSONFallback if it would hand it to json_format
        expected = json_format.Parse(text, message_class(), ignore_unknown_fields=True)
        assert decoded.SerializeToString(deterministic=True) == expected.SerializeToString(deterministic=True)

    @options
    @given(_messages(message_class), st.booleans(), st.data())
    def decodes_like_json_format(message: Message, proto_names: bool, data: st.DataObject) -> None:
        tree = json_format.MessageToDict(message, preserving_proto_field_name=proto_names)
        text = data.draw(st.composite(lambda draw: _damage(draw, tree, message_class.DESCRIPTOR))())
        ours = _outcome(lambda: codec.decode(text.encode(), message_class))
        theirs = _outcome(lambda: json_format.Parse(text, message_class(), ignore_unknown_fields=True))
        assert ours == theirs, text

    encodes_like_json_format()
    decodes_canonical_json_itself()
    decodes_like_json_format()
