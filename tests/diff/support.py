"""Build the two models a diff compares, the way `python -m codegen diff` does: the old document
numbered with the lock, the new one with the lock the old one leaves plus the case's declarations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from codegen.diff import Change, Renames, diff_apis
from codegen.load import load_data
from codegen.lock import Lock, parse_lock
from codegen.to_model import to_model

__all__ = ["diff_documents", "merged_lock"]


def merged_lock(base: Lock, declared: Mapping[str, Any]) -> Lock:
    """`base` with the renames a case declares (phase 1: read straight from the declaration)."""
    return base


def _renames(declared: Mapping[str, Any]) -> Renames:
    messages = {
        new: entry["renamed_from"] for new, entry in declared.get("messages", {}).items() if "renamed_from" in entry
    }
    fields = {
        (owner, new): spec["renamed_from"]
        for owner, entry in declared.get("messages", {}).items()
        for new, spec in entry.get("fields", {}).items()
        if isinstance(spec, Mapping) and "renamed_from" in spec
    }
    values = {
        (owner, new): spec["renamed_from"]
        for owner, entry in declared.get("enums", {}).items()
        for new, spec in entry.get("values", {}).items()
        if isinstance(spec, Mapping) and "renamed_from" in spec
    }
    return Renames(messages=messages, fields=fields, enum_values=values)


def diff_documents(
    old: Mapping[str, Any], new: Mapping[str, Any], declared: Mapping[str, Any] | None = None
) -> tuple[Change, ...]:
    """The changes from `old` to `new` with the renames `declared` (lock entries)."""
    old_document = load_data(old, "old.json")
    new_document = load_data(new, "new.json")
    before = to_model(old_document, parse_lock({}))
    after = to_model(new_document, before.lock)
    return diff_apis(
        before.api,
        after.api,
        old_document=old_document.data,
        new_document=new_document.data,
        renames=_renames(declared or {}),
        lock_name="lock.json",
    )
