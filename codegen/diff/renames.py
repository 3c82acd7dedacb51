"""The renames a lock declares (`renamed_from`), as the diff pairs them."""

from __future__ import annotations

from ..lock import Lock
from .changes import Renames

__all__ = ["renames_from_lock"]


def renames_from_lock(lock: Lock) -> Renames:
    """Every rename `lock` declares: messages, enums, fields and enum values (new name -> old name)."""
    return Renames(
        messages={name: e.renamed_from for name, e in lock.messages.items() if e.renamed_from is not None},
        enums={name: e.renamed_from for name, e in lock.enums.items() if e.renamed_from is not None},
        fields={(name, new): old for name, e in lock.messages.items() for new, old in e.renames().items()},
        enum_values={(name, new): old for name, e in lock.enums.items() for new, old in e.renamed_values.items()},
    )
