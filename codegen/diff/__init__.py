"""Compare two versions of an API as protobuf, protobuf JSON and the generated Python see them.

    changes = diff_apis(old_api, new_api, old_document=..., new_document=..., renames=...)
    print(render(changes, "text", old="v1.json", new="v2.json"))

Both models come from `to_model` (the new one numbered with the lock the old one left), the
documents are the parsed OpenAPI data (for JSON pointers and what the model does not keep).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import Api
from .changes import Break, Change, Renames
from .context import Context, all_enums, all_messages, pair_by_name
from .enums import compare_enums
from .messages import compare_messages
from .renames import renames_from_lock
from .report import FAIL_ON, FORMATS, fails, render, summary
from .services import compare_services

__all__ = [
    "FAIL_ON",
    "FORMATS",
    "Break",
    "Change",
    "Renames",
    "diff_apis",
    "fails",
    "render",
    "renames_from_lock",
    "summary",
]


def diff_apis(
    old: Api,
    new: Api,
    *,
    old_document: Mapping[str, Any],
    new_document: Mapping[str, Any],
    renames: Renames | None = None,
    lock_name: str = "lock",
) -> tuple[Change, ...]:
    """Every change from `old` to `new`, breaking ones first (wire, JSON, Python), then by subject.

    `renames` are the renames the lock declares; `lock_name` is the lock's file name, used in the
    suggestions the report makes.
    """
    ctx = Context(old, new, old_document, new_document, renames or Renames(), lock_name)
    # Types first: a field whose message or enum was renamed keeps its type.
    for old_types, new_types, declared in (
        (all_messages(old), all_messages(new), ctx.renames.messages),
        (all_enums(old), all_enums(new), ctx.renames.enums),
    ):
        pairs, _, _ = pair_by_name(old_types, new_types, declared)
        ctx.type_renames.update({a: b for a, b in pairs if a != b})
    compare_messages(ctx)
    compare_enums(ctx)
    compare_services(ctx)
    return tuple(sorted(ctx.changes, key=lambda c: (c.severity, c.subject, c.kind)))
