"""The field-number lock: the memory that keeps wire numbers stable across spec updates.

An OpenAPI document carries no field numbers, so the converter records every number it hands
out in a lock file and honours it on every later run:

- a field (or enum value) already in the lock keeps its number;
- a new one gets the next number above every number the message has ever used or reserved;
- one that disappears from the document stays in the lock and is written as `reserved`, so its
  number is never reused; if it comes back, it gets its old number back;
- refinements the document cannot express (uint64 vs int64, client streaming, map key types)
  live here too, and facts about methods: which side streams, and the idempotency level
  (`no_side_effects` for reads, `idempotent`), which decides what the generated clients retry.
- a rename keeps the wire: a field, enum value, message or enum may say `renamed_from` the old
  name, and it takes the old one's number (fields: numbers), so binary peers of both versions
  agree. The old entry stays, so a document that still uses the old name numbers it the same.

Locations of problems in the lock are pointers into the lock file: its file name, `#`, and a
JSON pointer (`depot-ci.lock.json#/messages/depot.ci.v1.RunRequest/fields/repo`).

The file is JSON with sorted keys, meant to be read and edited by people:

    {
      "enums": {"pkg.Color": {"values": {"COLOR_UNSPECIFIED": 0, "COLOR_RED": 1}}},
      "messages": {
        "pkg.Event": {
          "fields": {"id": 1, "size": {"number": 2, "type": "uint64"}, "tags": {"number": 3, "map_key": "int32"}},
          "oneofs": {"payload": ["text", "blob"]},
          "reserved": {"names": ["old_name"], "numbers": [4]}
        },
        "pkg.Parcel": {"renamed_from": "pkg.Package", "fields": {"label": {"renamed_from": "title"}}}
      },
      "methods": {
        "pkg.Service/Upload": {"streaming": "client"},
        "pkg.Service/GetEvent": {"idempotency": "no_side_effects"}
      }
    }
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..diagnostics import escape_pointer
from ..model import Idempotency, Scalar, StreamKind

__all__ = [
    "ENUM_NUMBER_MAX",
    "ENUM_NUMBER_MIN",
    "EnumLock",
    "FIELD_NUMBER_MAX",
    "FieldLock",
    "IMPLEMENTATION_RESERVED",
    "Lock",
    "MAP_KEY_TYPES",
    "MessageLock",
    "MethodLock",
    "REFINEMENTS",
    "dump_lock",
    "lock_pointer",
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
ENUM_NUMBER_MIN, ENUM_NUMBER_MAX = -(2**31), 2**31 - 1
MAP_KEY_TYPES = frozenset(s for s in Scalar if s not in (Scalar.DOUBLE, Scalar.FLOAT, Scalar.BYTES))


@dataclass(frozen=True, slots=True)
class FieldLock:
    """What the lock knows about one field."""

    number: int
    type: Scalar | None = None
    """A refinement of the scalar type the document implies."""
    map_key: Scalar | None = None
    """The key type of a map field (the document only says "object")."""
    renamed_from: str | None = None
    """The field's earlier name, whose number it keeps."""


@dataclass(frozen=True, slots=True)
class MessageLock:
    """What the lock knows about one message."""

    fields: Mapping[str, FieldLock] = field(default_factory=dict)
    oneofs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    reserved_numbers: frozenset[int] = frozenset()
    reserved_names: frozenset[str] = frozenset()
    renamed_from: str | None = None
    """The full name the message had before, whose entry (numbers) it continues."""

    def renames(self) -> dict[str, str]:
        """{new field name: old field name} of the renames declared in this entry."""
        return {name: f.renamed_from for name, f in self.fields.items() if f.renamed_from is not None}

    def used_numbers(self) -> set[int]:
        """Every number this message has ever handed out or reserved."""
        return {f.number for f in self.fields.values()} | set(self.reserved_numbers)


@dataclass(frozen=True, slots=True)
class EnumLock:
    """What the lock knows about one enum."""

    values: Mapping[str, int] = field(default_factory=dict)
    reserved_numbers: frozenset[int] = frozenset()
    reserved_names: frozenset[str] = frozenset()
    renamed_values: Mapping[str, str] = field(default_factory=dict)
    """{new value name: old value name}: the new name keeps the old one's number."""
    renamed_from: str | None = None
    """The full name the enum had before, whose entry (numbers) it continues."""


@dataclass(frozen=True, slots=True)
class MethodLock:
    """What the lock knows about one method; None where it says nothing."""

    streaming: StreamKind | None = None
    idempotency: Idempotency | None = None


@dataclass(frozen=True, slots=True)
class Lock:
    """The whole lock: by full message/enum name, and by `pkg.Service/Method`."""

    messages: Mapping[str, MessageLock] = field(default_factory=dict)
    enums: Mapping[str, EnumLock] = field(default_factory=dict)
    methods: Mapping[str, MethodLock] = field(default_factory=dict)
    source: str = "lock"
    """The lock's file name, for error locations."""

    def message(self, full_name: str) -> MessageLock:
        """The lock entry of a message (empty when the lock has none); a message renamed from another
        continues the other's entry, its own settings taking precedence."""
        entry = self.messages.get(full_name) or MessageLock()
        source = self.messages.get(entry.renamed_from) if entry.renamed_from else None
        if source is None:
            return entry
        return replace(
            entry,
            fields={**source.fields, **entry.fields},
            oneofs={**source.oneofs, **entry.oneofs},
            reserved_numbers=source.reserved_numbers | entry.reserved_numbers,
            reserved_names=source.reserved_names | entry.reserved_names,
        )

    def enum(self, full_name: str) -> EnumLock:
        """The lock entry of an enum (empty when the lock has none); an enum renamed from another
        continues the other's entry."""
        entry = self.enums.get(full_name) or EnumLock()
        source = self.enums.get(entry.renamed_from) if entry.renamed_from else None
        if source is None:
            return entry
        return replace(
            entry,
            values={**source.values, **entry.values},
            reserved_numbers=source.reserved_numbers | entry.reserved_numbers,
            reserved_names=source.reserved_names | entry.reserved_names,
            renamed_values={**source.renamed_values, **entry.renamed_values},
        )


def lock_pointer(source: str, *tokens: str) -> str:
    """Where something is in the lock file: `depot-ci.lock.json#/messages/pkg.Msg/fields/id`."""
    return source + "#" + "".join("/" + escape_pointer(token) for token in tokens)


def dump_lock(lock: Lock) -> str:
    """The lock as sorted, indented JSON text (what goes in the file)."""
    return json.dumps(_to_data(lock), indent=2, sort_keys=True) + "\n"


def _to_data(lock: Lock) -> dict[str, Any]:
    data: dict[str, Any] = {
        "comment": (
            "Field and enum value numbers handed out by codegen. Numbers here are never changed or reused; "
            "edit only to add refinements (type, map_key, streaming, idempotency), to pre-assign numbers, "
            "or to declare renames (renamed_from), which keep the old name's number."
        ),
        "messages": {name: _message_data(entry) for name, entry in lock.messages.items()},
        "enums": {name: _enum_data(entry) for name, entry in lock.enums.items()},
    }
    if lock.methods:
        data["methods"] = {name: _method_data(entry) for name, entry in lock.methods.items()}
    return data


def _method_data(entry: MethodLock) -> dict[str, str]:
    data: dict[str, str] = {}
    if entry.streaming is not None:
        data["streaming"] = entry.streaming.value
    if entry.idempotency is not None:
        data["idempotency"] = entry.idempotency.value
    return data


def _message_data(entry: MessageLock) -> dict[str, Any]:
    data: dict[str, Any] = {"fields": dict(_field_data(entry))}
    if entry.renamed_from is not None:
        data["renamed_from"] = entry.renamed_from
    if entry.oneofs:
        data["oneofs"] = {name: list(members) for name, members in entry.oneofs.items()}
    if entry.reserved_numbers or entry.reserved_names:
        data["reserved"] = {"names": sorted(entry.reserved_names), "numbers": sorted(entry.reserved_numbers)}
    return data


def _field_data(entry: MessageLock) -> Iterator[tuple[str, Any]]:
    for name, locked in entry.fields.items():
        if locked.type is None and locked.map_key is None and locked.renamed_from is None:
            yield name, locked.number
        else:
            detail: dict[str, Any] = {"number": locked.number}
            if locked.type is not None:
                detail["type"] = locked.type.value
            if locked.map_key is not None:
                detail["map_key"] = locked.map_key.value
            if locked.renamed_from is not None:
                detail["renamed_from"] = locked.renamed_from
            yield name, detail


def _enum_data(entry: EnumLock) -> dict[str, Any]:
    data: dict[str, Any] = {
        "values": {
            name: {"number": number, "renamed_from": entry.renamed_values[name]}
            if name in entry.renamed_values
            else number
            for name, number in entry.values.items()
        }
    }
    if entry.renamed_from is not None:
        data["renamed_from"] = entry.renamed_from
    if entry.reserved_numbers or entry.reserved_names:
        data["reserved"] = {"names": sorted(entry.reserved_names), "numbers": sorted(entry.reserved_numbers)}
    return data
