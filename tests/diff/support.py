"""Compare two small documents the way `make generate` and `python -m codegen diff` do: the old
version numbered with the lock its generation left, plus the renames a case declares in it."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from typing import Any

from codegen.diff import Change
from codegen.lock import dump_lock, parse_lock
from codegen.openapi import load_data
from codegen.pipeline import compare, to_model

__all__ = ["declared_lock", "diff_documents"]


def declared_lock(lock: Mapping[str, Any], declared: Mapping[str, Any]) -> dict[str, Any]:
    """`lock` (lock file data) with the entries `declared` merged in, as a maintainer edits it."""
    merged: dict[str, Any] = copy.deepcopy(dict(lock))

    def merge(target: dict[str, Any], extra: Mapping[str, Any]) -> None:
        for key, value in extra.items():
            if isinstance(value, Mapping) and isinstance(target.get(key), dict):
                merge(target[key], value)
            else:
                target[key] = copy.deepcopy(value)

    merge(merged, declared)
    return merged


def diff_documents(
    old: Mapping[str, Any], new: Mapping[str, Any], declared: Mapping[str, Any] | None = None
) -> tuple[Change, ...]:
    """The changes from `old` to `new`, with the lock `old`'s generation left plus `declared`."""
    old_document = load_data(old, "old.json")
    first = json.loads(dump_lock(to_model(old_document, parse_lock({}, "lock.json")).lock))
    lock = parse_lock(declared_lock(first, declared or {}), "lock.json")
    return compare(old_document, load_data(new, "new.json"), lock)
