"""Reading the lock file: JSON text -> a checked `Lock`, every contradiction reported at once.

The format is described in `codegen.lock.format`; every problem is reported at its pointer into
the lock file (`depot-ci.lock.json#/messages/pkg.Msg/fields/id`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeGuard

from ..diagnostics import CodegenError, Reporter, escape_pointer
from ..files import read_utf8
from ..model import Idempotency, Scalar, StreamKind
from .format import (
    ENUM_NUMBER_MAX,
    ENUM_NUMBER_MIN,
    FIELD_NUMBER_MAX,
    IMPLEMENTATION_RESERVED,
    MAP_KEY_TYPES,
    REFINEMENTS,
    EnumLock,
    FieldLock,
    Lock,
    MessageLock,
    MethodLock,
    lock_pointer,
)

__all__ = ["load_lock", "parse_lock"]


def load_lock(path: Path) -> Lock:
    """Read the lock at `path`; a missing file is an empty lock (the first run creates it).

    Raises CodegenError at `path` when it cannot be read (a directory, no permission, not UTF-8,
    nested too deeply), at `path:line:col` for invalid JSON, and at pointers into the lock for
    contradictions (`parse_lock`).
    """
    if not path.exists() and not path.is_symlink():
        return Lock(source=path.name)
    text = read_utf8(path, "the lock")
    reporter = Reporter()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        reporter.error(
            f"{path}:{exc.lineno}:{exc.colno}",
            f"invalid JSON in lock: {exc.msg}",
            "fix the syntax (the lock is JSON written by codegen)",
        )
        raise CodegenError(reporter.errors) from exc
    except RecursionError as exc:
        reporter.error(str(path), "the lock is nested too deeply to read", "the lock is JSON written by codegen")
        raise CodegenError(reporter.errors) from exc
    return parse_lock(data, path.name)


def parse_lock(data: Any, source: str = "lock") -> Lock:
    """Check and convert parsed lock data. Raises CodegenError listing every contradiction."""
    reporter = Reporter()

    def where(*tokens: str) -> str:
        return lock_pointer(source, *tokens)

    if not isinstance(data, Mapping):
        reporter.error(where(), "the lock must be a JSON object", "delete the file to start afresh")
        raise CodegenError(reporter.errors)
    for key in sorted(set(data) - {"messages", "enums", "methods", "comment"}):
        reporter.error(where(key), f"unknown lock section {key!r}", "expected messages, enums, methods or comment")

    messages = {
        name: _parse_message(entry, where("messages", name), reporter)
        for name, entry in sorted(_section(data, "messages", source, reporter).items())
    }
    enums = {
        name: _parse_enum(entry, where("enums", name), reporter)
        for name, entry in sorted(_section(data, "enums", source, reporter).items())
    }
    messages = {name: _resolve_message(name, messages, source, reporter) for name in messages}
    enums = {name: _resolve_enum(name, enums, source, reporter) for name in enums}
    methods = {
        name: _parse_method(entry, where("methods", name), reporter)
        for name, entry in sorted(_section(data, "methods", source, reporter).items())
    }
    reporter.raise_if_errors()
    return Lock(messages, enums, methods, source)


def _section(data: Mapping[str, Any], key: str, source: str, reporter: Reporter) -> Mapping[str, Any]:
    section = data.get(key, {})
    if not isinstance(section, Mapping):
        reporter.error(
            lock_pointer(source, key), f"{key!r} must be an object keyed by full name", 'e.g. {"acme.v1.Widget": {...}}'
        )
        return {}
    return section


def _object(entry: Mapping[str, Any], key: str, location: str, reporter: Reporter, example: str) -> Mapping[str, Any]:
    """`entry[key]` when it is an object (missing: empty); anything else is reported."""
    value = entry.get(key, {})
    if not isinstance(value, Mapping):
        reporter.error(f"{location}/{key}", f"{key!r} must be an object", f"e.g. {example}")
        return {}
    return value


def _array(entry: Mapping[str, Any], key: str, location: str, reporter: Reporter, example: str) -> list[Any]:
    """`entry[key]` when it is a list (missing: empty); anything else is reported."""
    value = entry.get(key, [])
    if not isinstance(value, list):
        reporter.error(f"{location}/{key}", f"{key!r} must be a list", f"e.g. {example}")
        return []
    return value


def _parse_method(entry: Any, location: str, reporter: Reporter) -> MethodLock:
    if not isinstance(entry, Mapping):
        reporter.error(location, "a method entry must be an object", 'for example {"streaming": "server"}')
        return MethodLock()
    _known_keys(entry, ("streaming", "idempotency"), location, reporter)
    streaming = idempotency = None
    if "streaming" in entry:
        try:
            streaming = StreamKind(entry["streaming"])
        except ValueError:
            reporter.error(
                f"{location}/streaming",
                f"unknown streaming kind {entry['streaming']!r}",
                "use one of: " + ", ".join(k.value for k in StreamKind),
            )
    if "idempotency" in entry:
        try:
            idempotency = Idempotency(entry["idempotency"])
        except ValueError:
            reporter.error(
                f"{location}/idempotency",
                f"unknown idempotency level {entry['idempotency']!r}",
                "use one of: " + ", ".join(level.value for level in Idempotency),
            )
    return MethodLock(streaming, idempotency)


def _known_keys(entry: Mapping[str, Any], known: tuple[str, ...], location: str, reporter: Reporter) -> None:
    """Report keys the lock format does not have (a typo would otherwise silently drop numbers)."""
    for key in sorted(str(k) for k in set(entry) - set(known)):
        reporter.error(f"{location}/{escape_pointer(key)}", f"unknown setting {key!r}", "use " + ", ".join(known))


def _check_number(
    number: Any, location: str, reporter: Reporter, *, lowest: int, highest: int = FIELD_NUMBER_MAX
) -> TypeGuard[int]:
    if not isinstance(number, int) or isinstance(number, bool):
        reporter.error(location, f"{number!r} is not a number", "field and value numbers are integers")
        return False
    if number < lowest or number > highest or (lowest > 0 and number in IMPLEMENTATION_RESERVED):
        outside = ", outside 19000-19999" if lowest > 0 else ""
        reporter.error(location, f"{number} is not a usable number", f"use {lowest}..{highest}{outside}")
        return False
    return True


def _parse_scalar(value: Any, location: str, reporter: Reporter, allowed: frozenset[Scalar]) -> Scalar | None:
    try:
        scalar = Scalar(value)
    except ValueError:
        scalar = None
    if scalar is None or scalar not in allowed:
        reporter.error(
            location, f"{value!r} is not allowed here", "use one of: " + ", ".join(sorted(s.value for s in allowed))
        )
        return None
    return scalar


def _parse_reserved(
    entry: Mapping[str, Any], location: str, reporter: Reporter, *, lowest: int, highest: int = FIELD_NUMBER_MAX
) -> tuple[set[int], set[str]]:
    reserved = _object(entry, "reserved", location, reporter, '{"numbers": [4], "names": ["old_name"]}')
    spot = location + "/reserved"
    _known_keys(reserved, ("names", "numbers"), spot, reporter)
    numbers = {
        n
        for i, n in enumerate(_array(reserved, "numbers", spot, reporter, "[4, 5]"))
        if _check_number(n, f"{spot}/numbers/{i}", reporter, lowest=lowest, highest=highest)
    }
    names: set[str] = set()
    for index, name in enumerate(_array(reserved, "names", spot, reporter, '["old_name"]')):
        if isinstance(name, str):
            names.add(name)
        else:
            reporter.error(f"{spot}/names/{index}", f"{name!r} is not a name", "reserved names are strings")
    return numbers, names


def _parse_message(entry: Any, location: str, reporter: Reporter) -> MessageLock:
    if not isinstance(entry, Mapping):
        reporter.error(location, "a message entry must be an object", 'e.g. {"fields": {"id": 1}}')
        return MessageLock()
    refinable = frozenset(s for targets in REFINEMENTS.values() for s in targets)
    _known_keys(entry, ("fields", "oneofs", "renamed_from", "reserved"), location, reporter)
    fields: dict[str, FieldLock] = {}
    for name, value in sorted(_object(entry, "fields", location, reporter, '{"id": 1}').items()):
        spot = f"{location}/fields/{escape_pointer(name)}"
        number_spot = spot
        renamed_from = None
        if isinstance(value, Mapping):
            number = value.get("number", _UNRESOLVED if "renamed_from" in value else None)
            number_spot = spot + "/number"
            for unknown in sorted(set(value) - {"number", "type", "map_key", "renamed_from"}):
                reporter.error(
                    f"{spot}/{escape_pointer(str(unknown))}",
                    f"unknown field setting {unknown!r}",
                    "use number, type, map_key or renamed_from",
                )
            refined = _parse_scalar(value["type"], spot + "/type", reporter, refinable) if "type" in value else None
            key = (
                _parse_scalar(value["map_key"], spot + "/map_key", reporter, MAP_KEY_TYPES)
                if "map_key" in value
                else None
            )
            renamed_from = _parse_name(value, spot, reporter, "the field's earlier name")
        else:
            number, refined, key = value, None, None
        if number is _UNRESOLVED or _check_number(number, number_spot, reporter, lowest=1):
            fields[name] = FieldLock(number, refined, key, renamed_from)
    reserved_numbers, reserved_names = _parse_reserved(entry, location, reporter, lowest=1)
    for name, locked in fields.items():
        spot = f"{location}/fields/{escape_pointer(name)}"
        if locked.number in reserved_numbers:
            reporter.error(
                spot,
                f"number {locked.number} of {name!r} is also reserved",
                "remove it from 'reserved' or give the field another number",
            )
        if name in reserved_names:
            reporter.error(spot, f"{name!r} is both a field and a reserved name", "remove one of them")
    oneofs: dict[str, tuple[str, ...]] = {}
    for name, members in sorted(_object(entry, "oneofs", location, reporter, '{"payload": ["text", "blob"]}').items()):
        spot = f"{location}/oneofs/{escape_pointer(name)}"
        if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
            reporter.error(spot, "a oneof entry lists its member field names", 'e.g. ["text", "blob"]')
            continue
        oneofs[name] = tuple(members)
    seen: dict[str, str] = {}
    for name, members in oneofs.items():
        for member in members:
            if member in seen:
                reporter.error(
                    f"{location}/oneofs/{escape_pointer(name)}",
                    f"field {member!r} is in oneofs {seen[member]!r} and {name!r}",
                    "a field belongs to at most one oneof; remove it from one of them",
                )
            seen[member] = name
    renamed_from = _parse_name(entry, location, reporter, "the message's earlier full name")
    return MessageLock(fields, oneofs, frozenset(reserved_numbers), frozenset(reserved_names), renamed_from)


def _parse_enum(entry: Any, location: str, reporter: Reporter) -> EnumLock:
    if not isinstance(entry, Mapping):
        reporter.error(location, "an enum entry must be an object", 'e.g. {"values": {"COLOR_UNSPECIFIED": 0}}')
        return EnumLock()
    _known_keys(entry, ("renamed_from", "reserved", "values"), location, reporter)
    values: dict[str, int] = {}
    renamed: dict[str, str] = {}
    for name, value in sorted(_object(entry, "values", location, reporter, '{"COLOR_UNSPECIFIED": 0}').items()):
        spot = f"{location}/values/{escape_pointer(name)}"
        number = value
        if isinstance(value, Mapping):
            _known_keys(value, ("number", "renamed_from"), spot, reporter)
            previous = _parse_name(value, spot, reporter, "the value's earlier name")
            if previous is not None:
                renamed[name] = previous
            number = value.get("number", _UNRESOLVED if previous is not None else None)
            spot += "/number"
        if number is _UNRESOLVED or _check_number(
            number, spot, reporter, lowest=ENUM_NUMBER_MIN, highest=ENUM_NUMBER_MAX
        ):
            values[name] = number
    reserved_numbers, reserved_names = _parse_reserved(
        entry, location, reporter, lowest=ENUM_NUMBER_MIN, highest=ENUM_NUMBER_MAX
    )
    for name, number in values.items():
        spot = f"{location}/values/{escape_pointer(name)}"
        if number in reserved_numbers or name in reserved_names:
            reporter.error(
                spot, f"value {name!r} = {number} is also reserved", "remove it from 'reserved' or renumber it"
            )
    renamed_from = _parse_name(entry, location, reporter, "the enum's earlier full name")
    return EnumLock(values, frozenset(reserved_numbers), frozenset(reserved_names), renamed, renamed_from)


# A renamed field or value whose number the lock leaves to its earlier name (resolved below).
_UNRESOLVED: Any = object()


def _parse_name(entry: Mapping[str, Any], location: str, reporter: Reporter, what: str) -> str | None:
    """`entry["renamed_from"]` when it is a non-empty string (missing: None); anything else is reported."""
    if "renamed_from" not in entry:
        return None
    value = entry["renamed_from"]
    if not isinstance(value, str) or not value:
        reporter.error(f"{location}/renamed_from", f"{value!r} is not a name", f"renamed_from is {what}")
        return None
    return value


def _resolve_message(name: str, messages: Mapping[str, MessageLock], source: str, reporter: Reporter) -> MessageLock:
    """Give each renamed field its earlier name's number, and check no two fields share a number
    unless one was renamed from the other."""
    entry = messages[name]
    where = lock_pointer(source, "messages", name)
    earlier = messages.get(entry.renamed_from) if entry.renamed_from else None
    if entry.renamed_from is not None and earlier is None:
        reporter.error(
            f"{where}/renamed_from",
            f"the lock has no message {entry.renamed_from!r} to continue",
            "name the message's earlier full name as the lock lists it under messages",
        )
    pool = {**(earlier.fields if earlier else {}), **entry.fields}
    fields: dict[str, FieldLock] = {}
    for field_name, locked in entry.fields.items():
        spot = f"{where}/fields/{escape_pointer(field_name)}"
        previous = pool.get(locked.renamed_from) if locked.renamed_from else None
        if locked.renamed_from is not None and previous is None:
            if locked.number is _UNRESOLVED:
                reporter.error(
                    spot + "/renamed_from",
                    f"the lock has no field {locked.renamed_from!r} in {name!r} to take the number of",
                    f'name the number too: {{"number": N, "renamed_from": "{locked.renamed_from}"}}',
                )
                continue
        elif previous is not None and locked.number is _UNRESOLVED:
            locked = replace(locked, number=previous.number)
        elif previous is not None and locked.number != previous.number:
            reporter.error(
                spot + "/number",
                f"{field_name!r} is renamed from {locked.renamed_from!r} but has number {locked.number}, "
                f"not {previous.number}",
                "a renamed field keeps its number: drop `number` (it is taken from the earlier name)",
            )
        fields[field_name] = locked
    by_number: dict[int, str] = {}
    for field_name, locked in fields.items():
        other = by_number.get(locked.number)
        if other is not None and locked.renamed_from != other and fields[other].renamed_from != field_name:
            reporter.error(
                f"{where}/fields/{escape_pointer(field_name)}",
                f"fields {other!r} and {field_name!r} both have number {locked.number}",
                "give each field its own number (only a field renamed from another shares its number)",
            )
        by_number.setdefault(locked.number, field_name)
    return replace(entry, fields=fields)


def _resolve_enum(name: str, enums: Mapping[str, EnumLock], source: str, reporter: Reporter) -> EnumLock:
    """Give each renamed value its earlier name's number, and check no two values share a number
    unless one was renamed from the other."""
    entry = enums[name]
    where = lock_pointer(source, "enums", name)
    earlier = enums.get(entry.renamed_from) if entry.renamed_from else None
    if entry.renamed_from is not None and earlier is None:
        reporter.error(
            f"{where}/renamed_from",
            f"the lock has no enum {entry.renamed_from!r} to continue",
            "name the enum's earlier full name as the lock lists it under enums",
        )
    pool = {**(earlier.values if earlier else {}), **entry.values}
    values: dict[str, int] = {}
    for value_name, number in entry.values.items():
        spot = f"{where}/values/{escape_pointer(value_name)}"
        previous_name = entry.renamed_values.get(value_name)
        previous = pool.get(previous_name) if previous_name else None
        if number is _UNRESOLVED:
            if previous is None:
                reporter.error(
                    spot + "/renamed_from",
                    f"the lock has no value {previous_name!r} in {name!r} to take the number of",
                    f'name the number too: {{"number": N, "renamed_from": "{previous_name}"}}',
                )
                continue
            number = previous
        elif previous is not None and number != previous:
            reporter.error(
                spot + "/number",
                f"{value_name!r} is renamed from {previous_name!r} but has number {number}, not {previous}",
                "a renamed value keeps its number: drop `number` (it is taken from the earlier name)",
            )
        values[value_name] = number
    by_number: dict[int, str] = {}
    for value_name, number in values.items():
        other = by_number.get(number)
        linked = entry.renamed_values.get(value_name) == other or entry.renamed_values.get(other or "") == value_name
        if other is not None and not linked:
            reporter.error(
                f"{where}/values/{escape_pointer(value_name)}",
                f"values {other!r} and {value_name!r} both have number {number}",
                "give each value its own number (only a value renamed from another shares its number)",
            )
        by_number.setdefault(number, value_name)
    return replace(entry, values=values)
