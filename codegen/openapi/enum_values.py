"""The `enum` list of an enum component: value names, and their numbers when the document has them.

By default protoc-gen-connect-openapi lists the value names in declaration order (`type: string`).
With `include-number-enum-values` the type is `[string, number]` (or `[string, integer]`) and the list
interleaves every name with its number, `[NAME, 0, OTHER, 1, ...]`; those numbers are the proto's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["EnumEntry", "EnumListError", "read_enum_list"]


@dataclass(frozen=True, slots=True)
class EnumEntry:
    """One value: its name, its number when the document gives it, and the index of the name in `enum`."""

    name: str
    number: int | None
    index: int


@dataclass(frozen=True, slots=True)
class EnumListError:
    """Why the list cannot be read: at `index` (None: the list as a whole)."""

    index: int | None
    message: str
    hint: str


def read_enum_list(values: Sequence[object], types: Sequence[str]) -> list[EnumEntry] | EnumListError:
    """Read an enum component's `enum` list, given its `type` (as a list)."""
    has_numbers = any(_is_number(v) for v in values)
    for index, value in enumerate(values):
        if not isinstance(value, str) and not _is_number(value):
            return EnumListError(
                index,
                f"enum value {value!r} is not a value name",
                "protobuf JSON writes enum values by name; list the proto value names (quote them in YAML)",
            )
    if not has_numbers:
        return [EnumEntry(str(v), None, i) for i, v in enumerate(values)]
    if not ({"number", "integer"} & set(types)):
        first = next(i for i, v in enumerate(values) if _is_number(v))
        return EnumListError(
            first,
            f"the enum lists the number {values[first]!r} but its type {list(types)} has no number",
            "write value names only, or `type: [string, integer]` with each name followed by its number",
        )
    if len(values) % 2 or not all(
        isinstance(values[i], str) and _is_number(values[i + 1]) for i in range(0, len(values), 2)
    ):
        return EnumListError(
            None,
            "an enum with numbers must list each value name followed by its number (`[NAME, 0, OTHER, 1]`)",
            "this is the form `include-number-enum-values` writes; list every name with its number",
        )
    entries = []
    for i in range(0, len(values), 2):
        number = values[i + 1]
        assert isinstance(number, (int, float))
        if number != int(number):
            return EnumListError(i + 1, f"enum number {number!r} is not an integer", "use whole numbers")
        entries.append(EnumEntry(str(values[i]), int(number), i))
    return entries


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
