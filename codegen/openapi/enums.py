"""Build phase for enums: an enum component -> a `DraftEnum` (values named, numbered only when the document says).

protobuf JSON writes enum values by name, so the document's `enum` list holds the proto value
names; with `include-number-enum-values` each name is followed by its number (`enum_values`).
Per-value comments come from a bullet list in the description (`- NAME: text`).
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..model import DraftEnum, DraftValue
from ..naming import is_proto_identifier
from .components import ComponentIndex, check_type_name
from .enum_values import EnumListError, read_enum_list
from .spec import Schema

__all__ = ["build_enum"]

_ENUM_VALUE_NOTE = re.compile(r"^\s*[-*•]\s*`?(?P<name>[A-Za-z_][A-Za-z0-9_]*)`?\s*:\s*(?P<text>.+)$")
_INT32 = range(-(2**31), 2**31)


def build_enum(full_name: str, schema: Schema, index: ComponentIndex, reporter: Reporter) -> DraftEnum | None:
    """The draft of enum `full_name`, or None after reporting why it cannot be one."""
    location = schema.location
    if not check_type_name(full_name, location, index, reporter):
        return None
    description = schema.text
    notes = _enum_value_notes(description)
    entries = read_enum_list(schema.enum or (), schema.types or ("string",))
    if isinstance(entries, EnumListError):
        spot = f"{location}/enum" + (f"/{entries.index}" if entries.index is not None else "")
        reporter.error(spot, entries.message, entries.hint)
        return None
    values: list[DraftValue] = []
    numbers: dict[int, str] = {}
    for entry in entries:
        spot = f"{location}/enum/{entry.index}"
        number_spot = f"{location}/enum/{entry.index + 1}"
        if not is_proto_identifier(entry.name):
            reporter.error(
                spot,
                f"enum value {entry.name!r} is not a valid proto identifier",
                "protobuf JSON writes enum values by name; use the proto value names",
            )
        elif any(draft.name == entry.name for draft in values):
            reporter.error(spot, f"enum value {entry.name!r} is listed twice", "remove the duplicate from `enum`")
        elif entry.number is not None and entry.number not in _INT32:
            reporter.error(
                number_spot,
                f"enum number {entry.number} of {entry.name!r} does not fit in 32 bits",
                "proto enum numbers are int32",
            )
        elif entry.number is not None and entry.number in numbers:
            reporter.error(
                number_spot,
                f"enum number {entry.number} of {entry.name!r} is already the number of {numbers[entry.number]!r}",
                "give every value its own number (proto3 aliases need `allow_alias`, which has no JSON form)",
            )
        else:
            if entry.number is not None:
                numbers[entry.number] = entry.name
            values.append(
                DraftValue(entry.name, notes.get(entry.name, ""), spot, entry.number, number_spot if numbers else "")
            )
    if not values:
        reporter.error(location + "/enum", "an enum needs at least one value", "list the proto value names in `enum`")
        return None
    return DraftEnum(
        full_name=full_name,
        name=index.short_name(full_name),
        values=tuple(values),
        description=description,
        location=location,
    )


def _enum_value_notes(description: str) -> dict[str, str]:
    """Per-value comments written as a bullet list in the enum's description (`- NAME: text`)."""
    notes: dict[str, str] = {}
    for line in description.splitlines():
        match = _ENUM_VALUE_NOTE.match(line)
        if match:
            notes[match["name"]] = match["text"].strip()
    return notes
