"""Build phase for enums: an enum component -> a `DraftEnum` (values named, not yet numbered).

protobuf JSON writes enum values by name, so the document's `enum` list holds the proto value
names; per-value comments come from a bullet list in the description (`- NAME: text`).
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..model import DraftEnum, DraftValue
from ..naming import is_proto_identifier
from .components import check_type_name, split_full_name
from .spec import Schema

__all__ = ["build_enum"]

_ENUM_VALUE_NOTE = re.compile(r"^\s*[-*•]\s*`?(?P<name>[A-Za-z_][A-Za-z0-9_]*)`?\s*:\s*(?P<text>.+)$")


def build_enum(full_name: str, schema: Schema, reporter: Reporter) -> DraftEnum | None:
    """The draft of enum `full_name`, or None after reporting why it cannot be one."""
    location = schema.location
    if not check_type_name(full_name, location, reporter):
        return None
    description = schema.text
    notes = _enum_value_notes(description)
    values: list[DraftValue] = []
    for index, value in enumerate(schema.enum or ()):
        spot = f"{location}/enum/{index}"
        if not isinstance(value, str) or not is_proto_identifier(value):
            reporter.error(
                spot,
                f"enum value {value!r} is not a valid proto identifier",
                "protobuf JSON writes enum values by name; use the proto value names",
            )
        elif any(draft.name == value for draft in values):
            reporter.error(spot, f"enum value {value!r} is listed twice", "remove the duplicate from `enum`")
        else:
            values.append(DraftValue(value, notes.get(value, ""), spot))
    if not values:
        reporter.error(location + "/enum", "an enum needs at least one value", "list the proto value names in `enum`")
        return None
    return DraftEnum(
        full_name=full_name,
        name=split_full_name(full_name)[1][-1],
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
