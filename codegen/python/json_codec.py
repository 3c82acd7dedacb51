"""Protobuf JSON per message: the views of the generated encode and decode functions.

Every message a connect module's methods send or receive, and every message below those, gets an
encode function (message -> the JSON text `json.dumps(MessageToDict(message))` writes, compact,
`ensure_ascii=False`, built field by field without reflection) and a decode function (a parsed
JSON object -> fields of a message), spelled by `templates/_json_codec.py.jinja`. Their runtime
is `helpers.py` under `# == json:`.

The decode functions take only what `json_format` takes, with the same result; anything else (a
wrong type, a number out of range, an unknown enum name, `null` in a list, a duplicate oneof
member...) makes them give up, and `json_format.Parse` parses the body again: acceptance and
errors stay exactly json_format's. Well-known types are handed to `json_format` value by value.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from json.encoder import encode_basestring

from ..model import Api, Enum, EnumRef, Field, FieldLabel, MapType, Message, MessageRef, Scalar
from ..naming import snake_case
from . import docstrings
from .checks import message_target
from .source import Doc
from .symbols import TypeSpeller

__all__ = [
    "JsonEnumView",
    "JsonFieldView",
    "JsonMessageView",
    "api_enums",
    "json_enums",
    "json_messages",
    "json_views",
]

_NULL_VALUE = "google.protobuf.NullValue"
"""The well-known enum that protobuf JSON writes as `null` (and reads from `null`, which no other field does)."""

_VALUE = "google.protobuf.Value"
"""The well-known message that protobuf JSON reads `null` into (`null_value`), where other messages are left unset."""

_INT_RANGES: dict[Scalar, tuple[int, int]] = {
    Scalar.INT32: (-(2**31), 2**31 - 1),
    Scalar.SINT32: (-(2**31), 2**31 - 1),
    Scalar.SFIXED32: (-(2**31), 2**31 - 1),
    Scalar.UINT32: (0, 2**32 - 1),
    Scalar.FIXED32: (0, 2**32 - 1),
    Scalar.INT64: (-(2**63), 2**63 - 1),
    Scalar.SINT64: (-(2**63), 2**63 - 1),
    Scalar.SFIXED64: (-(2**63), 2**63 - 1),
    Scalar.UINT64: (0, 2**64 - 1),
    Scalar.FIXED64: (0, 2**64 - 1),
}


@dataclass(frozen=True, slots=True)
class JsonFieldView:
    """How one field is written and read. Expressions hold `{0}` where the value goes."""

    name: str
    """The proto field name (the attribute of the protobuf class)."""
    json_name: str
    """The key the decoder reads first."""
    key_literal: str
    """The Python literal of the JSON text the encoder writes before the value: `'"jsonName":'`."""
    other_name: str
    """The proto field name when it differs from `json_name` (json_format reads both), else ""."""
    is_keyword: bool
    """The field name is a Python keyword: only `getattr`/`setattr` reach it."""
    shape: str
    """`single`, `repeated` or `map`."""
    kind: str
    """`value` (scalars and enums), `message` (a generated function), `wkt` (json_format) or `null`
    (`google.protobuf.NullValue`: written as `null`; the decoder leaves any of it to json_format)."""
    presence: str
    """How the encoder tells the field is set: `has` (HasField), `truthy` or `float` (a non-zero number, -0.0 too)."""
    encode: str
    """The JSON text of a scalar or enum `{0}`; the encode function of a message."""
    decode: str
    """The field value of the JSON value `{0}` (scalars, enums); the decode function of a message."""
    key_encode: str
    """Maps: the JSON text of the key of a key `{0}` (a JSON string)."""
    key_decode: str
    """Maps: the key of the JSON key `{0}`."""
    oneof: str
    """The local variable that remembers a member of the field's oneof was read, or ""."""
    null: str
    """What the decoder does with a JSON `null`: `skip` (the field stays unset), `value` (a single
    `google.protobuf.Value` outside a oneof: its `null_value` is set, as json_format does) or
    `fallback` (such a field in a oneof: json_format's order of keys decides, so it parses it)."""


@dataclass(frozen=True, slots=True)
class JsonMessageView:
    """The encode and decode functions of one message."""

    full_name: str
    message_type: str
    """How the message's class is spelled in the module."""
    encode: str
    decode: str
    fields: tuple[JsonFieldView, ...]
    """In field-number order, the order json_format writes them in."""
    oneofs: tuple[str, ...]
    """The local variables of the decoder's oneof checks."""
    encode_doc: Doc
    decode_doc: Doc


@dataclass(frozen=True, slots=True)
class JsonEnumView:
    """The two constants of an enum: number -> name as a JSON string (encode), name -> number (decode)."""

    names: str
    numbers: str
    by_number: tuple[tuple[int, str], ...]
    """(number, Python literal of its name's JSON text); an alias is read, never written."""
    by_name: tuple[tuple[str, int], ...]
    """(name, number) of every value."""


def api_enums(api: Api) -> dict[str, Enum]:
    """{full name: enum} of every enum of the API, nested ones included."""
    found: dict[str, Enum] = {}

    def walk(messages: tuple[Message, ...]) -> None:
        for message in messages:
            found.update((enum.full_name, enum) for enum in message.nested_enums)
            walk(message.nested_messages)

    for package in api.packages:
        found.update((enum.full_name, enum) for enum in package.enums)
        walk(package.messages)
    return found


def json_messages(messages: dict[str, Message], enums: dict[str, Enum], roots: Iterable[str]) -> list[str]:
    """The messages reachable from `roots` that get functions, sorted by full name.

    Well-known types are not among `messages`; a message holding an enum the API does not define
    gets none either (json_format writes and reads it, and its fields of it, whole).
    """
    reachable: set[str] = set()
    pending = [root for root in roots if root in messages]
    while pending:
        name = pending.pop()
        if name in reachable:
            continue
        reachable.add(name)
        pending.extend(
            target
            for field in messages[name].fields
            if (target := message_target(field)) is not None and target in messages and target not in reachable
        )
    return sorted(name for name in reachable if all(_enum_known(field, enums) for field in messages[name].fields))


def _enum_known(field: Field, enums: dict[str, Enum]) -> bool:
    value = field.type.value if isinstance(field.type, MapType) else field.type
    return not isinstance(value, EnumRef) or value.full_name in enums or value.full_name == _NULL_VALUE


def json_enums(messages: dict[str, Message], enums: dict[str, Enum], names: Iterable[str]) -> list[str]:
    """The enums the fields of the messages `names` hold (directly, repeated or as map values), sorted."""
    found: set[str] = set()
    for name in names:
        for field in messages[name].fields:
            value = field.type.value if isinstance(field.type, MapType) else field.type
            if isinstance(value, EnumRef) and value.full_name in enums:
                found.add(value.full_name)
    return sorted(found)


def _scalar(scalar: Scalar) -> tuple[str, str, str]:
    """(presence, JSON text of a value `{0}`, the field value of a JSON value `{0}`) of a scalar."""
    if scalar in _INT_RANGES:
        low, high = _INT_RANGES[scalar]
        text = "f'\"{{{0}}}\"'" if scalar.is_64_bit else "str({0})"
        return "truthy", text, f"_json_integer({{0}}, {low}, {high})"
    return {
        Scalar.DOUBLE: ("float", "_json_out_double({0})", "_json_double({0})"),
        Scalar.FLOAT: ("float", "_json_out_float({0})", "_json_float({0})"),
        Scalar.BOOL: ("truthy", '("true" if {0} else "false")', "_json_bool({0})"),
        Scalar.STRING: ("truthy", "encode_basestring({0})", "_json_string({0})"),
        Scalar.BYTES: ("truthy", "_json_out_bytes({0})", "_json_bytes({0})"),
    }[scalar]


def _map_key(scalar: Scalar) -> tuple[str, str]:
    """(JSON text, decode) of a map key `{0}`: JSON keys are strings."""
    if scalar is Scalar.BOOL:
        return """('"true"' if {0} else '"false"')""", "_json_key_bool({0})"
    if scalar is Scalar.STRING:
        return "encode_basestring({0})", "_json_string({0})"
    low, high = _INT_RANGES[scalar]
    return "f'\"{{{0}}}\"'", f"_json_integer({{0}}, {low}, {high})"


def _field(
    field: Field, names: Mapping[tuple[str, ...], str], enum_views: Mapping[str, JsonEnumView], messages: set[str]
) -> JsonFieldView:
    value = field.type.value if isinstance(field.type, MapType) else field.type
    kind, presence = "value", "truthy"
    if isinstance(value, MessageRef) and value.full_name in messages:
        kind = "message"
        encode, decode = names[("json_encode", value.full_name)], names[("json_decode", value.full_name)]
    elif isinstance(value, MessageRef):
        kind, encode, decode = "wkt", "_json_out_message", "_json_wkt"
    elif isinstance(value, EnumRef) and value.full_name == _NULL_VALUE:
        kind, encode, decode = "null", '"null"', ""
    elif isinstance(value, EnumRef):
        enum = enum_views[value.full_name]
        encode, decode = f"({enum.names}.get({{0}}) or str({{0}}))", f"_json_enum({{0}}, {enum.numbers})"
    else:
        presence, encode, decode = _scalar(value)
    key_encode, key_decode = _map_key(field.type.key) if isinstance(field.type, MapType) else ("", "")
    if isinstance(field.type, MapType):
        shape = "map"
    elif field.label is FieldLabel.REPEATED:
        shape = "repeated"
    else:
        shape = "single"
    if shape != "single":
        presence = "truthy"
    elif field.has_presence:
        presence = "has"
    null = "skip"
    if shape == "single" and isinstance(value, MessageRef) and value.full_name == _VALUE:
        null = "fallback" if field.oneof else "value"
    return JsonFieldView(
        name=field.name,
        json_name=field.json_name,
        key_literal=repr(encode_basestring(field.json_name) + ":"),
        other_name=field.name if field.name != field.json_name else "",
        is_keyword=keyword.iskeyword(field.name),
        shape=shape,
        kind=kind,
        presence=presence,
        encode=encode,
        decode=decode,
        key_encode=key_encode,
        key_decode=key_decode,
        oneof=f"oneof_{snake_case(field.oneof)}" if field.oneof else "",
        null=null,
    )


def json_views(
    messages: dict[str, Message],
    enums: dict[str, Enum],
    wanted: list[str],
    names: Mapping[tuple[str, ...], str],
    spell: TypeSpeller,
) -> tuple[tuple[JsonMessageView, ...], tuple[JsonEnumView, ...]]:
    """The views of the functions of the messages `wanted` and of the enums they use.

    `names` holds the generated names (keys `json_encode`/`json_decode` + message, `json_names`/
    `json_numbers` + enum); `spell` spells a type's class in the module (a `TypeSpeller`).
    """
    enum_views: dict[str, JsonEnumView] = {}
    for full_name in json_enums(messages, enums, wanted):
        values: dict[int, str] = {}
        for value in enums[full_name].values:
            values.setdefault(value.number, value.name)
        enum_views[full_name] = JsonEnumView(
            names=names[("json_names", full_name)],
            numbers=names[("json_numbers", full_name)],
            by_number=tuple((number, repr(encode_basestring(name))) for number, name in values.items()),
            by_name=tuple((value.name, value.number) for value in enums[full_name].values),
        )
    known = set(wanted)
    views = []
    for full_name in wanted:
        message = messages[full_name]
        fields = tuple(_field(field, names, enum_views, known) for field in sorted(message.fields, key=_number))
        views.append(
            JsonMessageView(
                full_name=full_name,
                message_type=spell(full_name),
                encode=names[("json_encode", full_name)],
                decode=names[("json_decode", full_name)],
                fields=fields,
                oneofs=tuple(sorted({field.oneof for field in fields if field.oneof})),
                encode_doc=docstrings.json_encode_function(spell(full_name)),
                decode_doc=docstrings.json_decode_function(spell(full_name)),
            )
        )
    return tuple(views), tuple(enum_views.values())


def _number(field: Field) -> int:
    return field.number
