"""Enums and their values: added, removed, renamed, renumbered."""

from __future__ import annotations

from ..model import Enum
from .changes import Break
from .context import Context, all_enums, pair_by_name
from .document import enum_value_pointer

__all__ = ["compare_enums"]


def compare_enums(ctx: Context) -> None:
    """Add the changes of every enum and enum value of `ctx.old` -> `ctx.new` to `ctx`."""
    old, new = all_enums(ctx.old), all_enums(ctx.new)
    pairs, removed, added = pair_by_name(old, new, ctx.renames.enums)
    for old_name, new_name in pairs:
        if old_name != new_name:
            ctx.type_renames[old_name] = new_name
            ctx.add(
                "enum-renamed",
                new_name,
                new[new_name].location,
                {Break.PYTHON},
                f"renamed from {old_name}; values travel by number (binary) and value name (JSON), so only "
                f"Python code that names the enum {old[old_name].name} must change.",
            )
        _compare_values(ctx, old[old_name], new[new_name])
    for name in removed:
        ctx.add("enum-removed", name, old[name].location, {Break.PYTHON}, "the enum is gone from the Python package.")
    for name in added:
        ctx.add("enum-added", name, new[name].location, (), "a new enum.")


def _compare_values(ctx: Context, old: Enum, new: Enum) -> None:
    old_values = {v.name: v for v in old.values}
    new_values = {v.name: v for v in new.values}
    renames = {name: previous for (owner, name), previous in ctx.renames.enum_values.items() if owner == new.full_name}
    pairs, removed, added = pair_by_name(old_values, new_values, renames)
    zero = next((v.name for v in new.values if v.number == 0), "the zero value")
    for old_name, new_name in pairs:
        before, after = old_values[old_name], new_values[new_name]
        subject = f"{new.full_name}.{new_name}"
        where = enum_value_pointer(ctx.new_document, new.location, new_name)
        if old_name != new_name:
            ctx.add(
                "enum-value-renamed",
                subject,
                where,
                {Break.JSON, Break.PYTHON},
                f"renamed from {old_name}; the lock keeps number {after.number}, so binary peers agree; JSON "
                f"peers of the other version read {zero} instead, and Python code must use the new name.",
            )
        if before.number != after.number:
            ctx.add(
                "enum-value-renumbered",
                subject,
                where,
                {Break.WIRE},
                f"number {before.number} -> {after.number} (the lock was edited); binary peers of the other "
                "version read another value.",
            )
    for name in removed:
        value = old_values[name]
        breaks = {Break.PYTHON}
        reserved = []
        if value.number in new.reserved_numbers:
            reserved.append(f"number {value.number}")
        else:
            breaks.add(Break.WIRE)
        if name in new.reserved_names:
            reserved.append(f"name {name!r}")
        else:
            breaks.add(Break.JSON)
        lock = f"the lock reserves {' and '.join(reserved)}" if reserved else "the lock does not reserve it"
        ctx.add(
            "enum-value-removed",
            f"{old.full_name}.{name}",
            enum_value_pointer(ctx.old_document, old.location, name),
            breaks,
            f"value {value.number} is gone: new JSON peers read it as {zero}, binary ones keep the bare "
            f"number; {lock}.",
        )
    for name in added:
        value = new_values[name]
        ctx.add(
            "enum-value-added",
            f"{new.full_name}.{name}",
            enum_value_pointer(ctx.new_document, new.location, name),
            (),
            f"new value, number {value.number} (the lock hands it out); old JSON clients read it as {zero}, "
            "old binary clients see the bare number.",
        )
