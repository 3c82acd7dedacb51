"""The field-number lock: the memory that keeps wire numbers stable across spec updates.

An OpenAPI document carries no field numbers, so the converter records every number it hands
out in a lock file and honours it on every later run:

- a field (or enum value) already in the lock keeps its number;
- a new one gets the next number above every number the message has ever used or reserved;
- one that disappears from the document stays in the lock and is written as `reserved`, so its
  number is never reused; if it comes back, it gets its old number back;
- refinements the document cannot express (uint64 vs int64, client streaming, map key types)
  live here too.

The file is JSON with sorted keys, meant to be read and edited by people:

    {
      "enums": {"pkg.Color": {"values": {"COLOR_UNSPECIFIED": 0, "COLOR_RED": 1}}},
      "messages": {
        "pkg.Event": {
          "fields": {"id": 1, "size": {"number": 2, "type": "uint64"}, "tags": {"number": 3, "map_key": "int32"}},
          "oneofs": {"payload": ["text", "blob"]},
          "reserved": {"names": ["old_name"], "numbers": [4]}
        }
      },
      "methods": {"pkg.Service/Upload": {"streaming": "client"}}
    }
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from .diagnostics import CodegenError, Diagnostic, Severity, escape_pointer
from .model import Scalar, StreamKind

__all__ = [
    "EnumLock",
    "FIELD_NUMBER_MAX",
    "FieldLock",
    "Lock",
    "MessageLock",
    "dump_lock",
    "load_lock",
    "parse_lock",
]

FIELD_NUMBER_MAX = 536_870_911
# Numbers protobuf keeps for its own implementation; a field may not use them.
IMPLEMENTATION_RESERVED = range(19_000, 20_000)

# Which proto types may refine the type the document implies (same JSON shape, other wire encoding).
REFINEMENTS: Mapping[Scalar, frozenset[Scalar]] = {
    Scalar.INT64: frozenset({Scalar.UINT64, Scalar.SINT64, Scalar.FIXED64, Scalar.SFIXED64}),
    Scalar.UINT64: frozenset({Scalar.FIXED64}),
    Scalar.INT32: frozenset({Scalar.SINT32, Scalar.SFIXED32}),
    Scalar.UINT32: frozenset({Scalar.FIXED32}),
}
_ENUM_MIN, _ENUM_MAX = -(2**31), 2**31 - 1
MAP_KEY_TYPES = frozenset(s for s in Scalar if s not in (Scalar.DOUBLE, Scalar.FLOAT, Scalar.BYTES))


@dataclass(frozen=True, slots=True)
class FieldLock:
    """What the lock knows about one field."""

    number: int
    type: Scalar | None = None
    """A refinement of the scalar type the document implies."""
    map_key: Scalar | None = None
    """The key type of a map field (the document only says "object")."""


@dataclass(frozen=True, slots=True)
class MessageLock:
    """What the lock knows about one message."""

    fields: Mapping[str, FieldLock] = field(default_factory=dict)
    oneofs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    reserved_numbers: frozenset[int] = frozenset()
    reserved_names: frozenset[str] = frozenset()

    def used_numbers(self) -> set[int]:
        """Every number this message has ever handed out or reserved."""
        return {f.number for f in self.fields.values()} | set(self.reserved_numbers)


@dataclass(frozen=True, slots=True)
class EnumLock:
    """What the lock knows about one enum."""

    values: Mapping[str, int] = field(default_factory=dict)
    reserved_numbers: frozenset[int] = frozenset()
    reserved_names: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lock:
    """The whole lock: by full message/enum name, and by `pkg.Service/Method`."""

    messages: Mapping[str, MessageLock] = field(default_factory=dict)
    enums: Mapping[str, EnumLock] = field(default_factory=dict)
    methods: Mapping[str, StreamKind] = field(default_factory=dict)
    source: str = "lock"
    """The lock's file name, for error locations."""

    def message(self, full_name: str) -> MessageLock:
        """The lock entry of a message (empty when the lock has none)."""
        return self.messages.get(full_name) or MessageLock()

    def enum(self, full_name: str) -> EnumLock:
        """The lock entry of an enum (empty when the lock has none)."""
        return self.enums.get(full_name) or EnumLock()


def load_lock(path: Path) -> Lock:
    """Read the lock at `path`; a missing file is an empty lock (the first run creates it)."""
    if not path.exists():
        return Lock(source=path.name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise CodegenError(
            [
                Diagnostic(
                    Severity.ERROR,
                    f"{path}:{exc.lineno}:{exc.colno}",
                    f"invalid JSON in lock: {exc.msg}",
                    "fix the syntax (the lock is JSON written by codegen)",
                )
            ]
        ) from exc
    return parse_lock(data, path.name)


def parse_lock(data: Any, source: str = "lock") -> Lock:
    """Check and convert parsed lock data. Raises CodegenError listing every contradiction."""
    problems: list[Diagnostic] = []

    def where(*tokens: str) -> str:
        return source + "#" + "".join("/" + escape_pointer(t) for t in tokens)

    def fail(location: str, message: str, hint: str = "") -> None:
        problems.append(Diagnostic(Severity.ERROR, location, message, hint))

    if not isinstance(data, Mapping):
        raise CodegenError(
            [Diagnostic(Severity.ERROR, where(), "the lock must be a JSON object", "delete the file to start afresh")]
        )
    for key in sorted(set(data) - {"messages", "enums", "methods", "comment"}):
        fail(where(key), f"unknown lock section {key!r}", "expected messages, enums, methods or comment")

    messages = {
        name: _parse_message(entry, where("messages", name), fail)
        for name, entry in sorted(_section(data, "messages", where, fail).items())
    }
    enums = {
        name: _parse_enum(entry, where("enums", name), fail)
        for name, entry in sorted(_section(data, "enums", where, fail).items())
    }
    methods: dict[str, StreamKind] = {}
    for name, entry in sorted(_section(data, "methods", where, fail).items()):
        if isinstance(entry, Mapping):
            _known_keys(entry, ("streaming",), where("methods", name), fail)
        streaming = entry.get("streaming") if isinstance(entry, Mapping) else None
        try:
            methods[name] = StreamKind(streaming)
        except ValueError:
            fail(
                where("methods", name, "streaming"),
                f"unknown streaming kind {streaming!r}",
                "use one of: " + ", ".join(k.value for k in StreamKind),
            )
    if problems:
        raise CodegenError(problems)
    return Lock(messages, enums, methods, source)


def _section(data: Mapping[str, Any], key: str, where: Any, fail: Any) -> Mapping[str, Any]:
    section = data.get(key, {})
    if not isinstance(section, Mapping):
        fail(where(key), f"{key!r} must be an object keyed by full name", 'e.g. {"acme.v1.Widget": {...}}')
        return {}
    return section


def _object(entry: Mapping[str, Any], key: str, location: str, fail: Any, example: str) -> Mapping[str, Any]:
    """`entry[key]` when it is an object (missing: empty); anything else is reported."""
    value = entry.get(key, {})
    if not isinstance(value, Mapping):
        fail(f"{location}/{key}", f"{key!r} must be an object", f"e.g. {example}")
        return {}
    return value


def _array(entry: Mapping[str, Any], key: str, location: str, fail: Any, example: str) -> list[Any]:
    """`entry[key]` when it is a list (missing: empty); anything else is reported."""
    value = entry.get(key, [])
    if not isinstance(value, list):
        fail(f"{location}/{key}", f"{key!r} must be a list", f"e.g. {example}")
        return []
    return value


def _known_keys(entry: Mapping[str, Any], known: tuple[str, ...], location: str, fail: Any) -> None:
    """Report keys the lock format does not have (a typo would otherwise silently drop numbers)."""
    for key in sorted(str(k) for k in set(entry) - set(known)):
        fail(f"{location}/{escape_pointer(key)}", f"unknown setting {key!r}", "use " + ", ".join(known))


def _check_number(
    number: Any, location: str, fail: Any, *, lowest: int, highest: int = FIELD_NUMBER_MAX
) -> TypeGuard[int]:
    if not isinstance(number, int) or isinstance(number, bool):
        fail(location, f"{number!r} is not a number", "field and value numbers are integers")
        return False
    if number < lowest or number > highest or (lowest > 0 and number in IMPLEMENTATION_RESERVED):
        outside = ", outside 19000-19999" if lowest > 0 else ""
        fail(location, f"{number} is not a usable number", f"use {lowest}..{highest}{outside}")
        return False
    return True


def _parse_scalar(value: Any, location: str, fail: Any, allowed: frozenset[Scalar]) -> Scalar | None:
    try:
        scalar = Scalar(value)
    except ValueError:
        scalar = None
    if scalar is None or scalar not in allowed:
        fail(location, f"{value!r} is not allowed here", "use one of: " + ", ".join(sorted(s.value for s in allowed)))
        return None
    return scalar


def _parse_reserved(
    entry: Mapping[str, Any], location: str, fail: Any, *, lowest: int, highest: int = FIELD_NUMBER_MAX
) -> tuple[set[int], set[str]]:
    reserved = _object(entry, "reserved", location, fail, '{"numbers": [4], "names": ["old_name"]}')
    spot = location + "/reserved"
    _known_keys(reserved, ("names", "numbers"), spot, fail)
    numbers = {
        n
        for i, n in enumerate(_array(reserved, "numbers", spot, fail, "[4, 5]"))
        if _check_number(n, f"{spot}/numbers/{i}", fail, lowest=lowest, highest=highest)
    }
    names: set[str] = set()
    for index, name in enumerate(_array(reserved, "names", spot, fail, '["old_name"]')):
        if isinstance(name, str):
            names.add(name)
        else:
            fail(f"{spot}/names/{index}", f"{name!r} is not a name", "reserved names are strings")
    return numbers, names


def _parse_message(entry: Any, location: str, fail: Any) -> MessageLock:
    if not isinstance(entry, Mapping):
        fail(location, "a message entry must be an object", 'e.g. {"fields": {"id": 1}}')
        return MessageLock()
    refinable = frozenset(s for targets in REFINEMENTS.values() for s in targets)
    _known_keys(entry, ("fields", "oneofs", "reserved"), location, fail)
    fields: dict[str, FieldLock] = {}
    for name, value in sorted(_object(entry, "fields", location, fail, '{"id": 1}').items()):
        spot = f"{location}/fields/{escape_pointer(name)}"
        number_spot = spot
        if isinstance(value, Mapping):
            number = value.get("number")
            number_spot = spot + "/number"
            for unknown in sorted(set(value) - {"number", "type", "map_key"}):
                fail(
                    f"{spot}/{escape_pointer(str(unknown))}",
                    f"unknown field setting {unknown!r}",
                    "use number, type or map_key",
                )
            refined = _parse_scalar(value["type"], spot + "/type", fail, refinable) if "type" in value else None
            key = (
                _parse_scalar(value["map_key"], spot + "/map_key", fail, MAP_KEY_TYPES) if "map_key" in value else None
            )
        else:
            number, refined, key = value, None, None
        if _check_number(number, number_spot, fail, lowest=1):
            fields[name] = FieldLock(number, refined, key)
    reserved_numbers, reserved_names = _parse_reserved(entry, location, fail, lowest=1)
    by_number: dict[int, str] = {}
    for name, locked in fields.items():
        spot = f"{location}/fields/{escape_pointer(name)}"
        if locked.number in by_number:
            fail(
                spot,
                f"fields {by_number[locked.number]!r} and {name!r} both have number {locked.number}",
                "give each field its own number",
            )
        by_number[locked.number] = name
        if locked.number in reserved_numbers:
            fail(
                spot,
                f"number {locked.number} of {name!r} is also reserved",
                "remove it from 'reserved' or give the field another number",
            )
        if name in reserved_names:
            fail(spot, f"{name!r} is both a field and a reserved name", "remove one of them")
    oneofs: dict[str, tuple[str, ...]] = {}
    for name, members in sorted(_object(entry, "oneofs", location, fail, '{"payload": ["text", "blob"]}').items()):
        spot = f"{location}/oneofs/{escape_pointer(name)}"
        if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
            fail(spot, "a oneof entry lists its member field names", 'e.g. ["text", "blob"]')
            continue
        oneofs[name] = tuple(members)
    seen: dict[str, str] = {}
    for name, members in oneofs.items():
        for member in members:
            if member in seen:
                fail(
                    f"{location}/oneofs/{escape_pointer(name)}",
                    f"field {member!r} is in oneofs {seen[member]!r} and {name!r}",
                    "a field belongs to at most one oneof; remove it from one of them",
                )
            seen[member] = name
    return MessageLock(fields, oneofs, frozenset(reserved_numbers), frozenset(reserved_names))


def _parse_enum(entry: Any, location: str, fail: Any) -> EnumLock:
    if not isinstance(entry, Mapping):
        fail(location, "an enum entry must be an object", 'e.g. {"values": {"COLOR_UNSPECIFIED": 0}}')
        return EnumLock()
    _known_keys(entry, ("reserved", "values"), location, fail)
    values: dict[str, int] = {}
    for name, number in sorted(_object(entry, "values", location, fail, '{"COLOR_UNSPECIFIED": 0}').items()):
        spot = f"{location}/values/{escape_pointer(name)}"
        if _check_number(number, spot, fail, lowest=_ENUM_MIN, highest=_ENUM_MAX):
            values[name] = number
    reserved_numbers, reserved_names = _parse_reserved(entry, location, fail, lowest=_ENUM_MIN, highest=_ENUM_MAX)
    by_number: dict[int, str] = {}
    for name, number in values.items():
        spot = f"{location}/values/{escape_pointer(name)}"
        if number in by_number:
            fail(
                spot,
                f"values {by_number[number]!r} and {name!r} both have number {number}",
                "give each value its own number",
            )
        by_number[number] = name
        if number in reserved_numbers or name in reserved_names:
            fail(spot, f"value {name!r} = {number} is also reserved", "remove it from 'reserved' or renumber it")
    return EnumLock(values, frozenset(reserved_numbers), frozenset(reserved_names))


def dump_lock(lock: Lock) -> str:
    """The lock as sorted, indented JSON text (what goes in the file)."""
    return json.dumps(_to_data(lock), indent=2, sort_keys=True) + "\n"


def _to_data(lock: Lock) -> dict[str, Any]:
    data: dict[str, Any] = {
        "comment": (
            "Field and enum value numbers handed out by codegen. Numbers here are never changed or reused; "
            "edit only to add refinements (type, map_key, streaming) or to pre-assign numbers."
        ),
        "messages": {name: _message_data(entry) for name, entry in lock.messages.items()},
        "enums": {name: _enum_data(entry) for name, entry in lock.enums.items()},
    }
    if lock.methods:
        data["methods"] = {name: {"streaming": kind.value} for name, kind in lock.methods.items()}
    return data


def _message_data(entry: MessageLock) -> dict[str, Any]:
    data: dict[str, Any] = {"fields": dict(_field_data(entry))}
    if entry.oneofs:
        data["oneofs"] = {name: list(members) for name, members in entry.oneofs.items()}
    if entry.reserved_numbers or entry.reserved_names:
        data["reserved"] = {"names": sorted(entry.reserved_names), "numbers": sorted(entry.reserved_numbers)}
    return data


def _field_data(entry: MessageLock) -> Iterator[tuple[str, Any]]:
    for name, locked in entry.fields.items():
        if locked.type is None and locked.map_key is None:
            yield name, locked.number
        else:
            detail: dict[str, Any] = {"number": locked.number}
            if locked.type is not None:
                detail["type"] = locked.type.value
            if locked.map_key is not None:
                detail["map_key"] = locked.map_key.value
            yield name, detail


def _enum_data(entry: EnumLock) -> dict[str, Any]:
    data: dict[str, Any] = {"values": dict(entry.values)}
    if entry.reserved_numbers or entry.reserved_names:
        data["reserved"] = {"names": sorted(entry.reserved_names), "numbers": sorted(entry.reserved_numbers)}
    return data
