"""The diff as text (terminals, `make generate`), Markdown (pull requests) or JSON (tools), and
the `--fail-on` decision."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .changes import Break, Change

__all__ = ["FAIL_ON", "FORMATS", "fails", "render", "summary"]

FAIL_ON = ("wire", "json", "python", "any", "none")
"""`--fail-on` choices: a break category, `any` change at all, or `none` (never fail)."""
FORMATS = ("text", "markdown", "json")
"""`--format` choices."""


def summary(changes: Sequence[Change]) -> dict[str, int]:
    """Counts: every change, the changes breaking each category, and the changes breaking nothing."""
    counts = {"changes": len(changes)}
    counts.update({b.value: sum(1 for c in changes if b in c.breaks) for b in Break})
    counts["compatible"] = sum(1 for c in changes if not c.breaks)
    return counts


def fails(changes: Sequence[Change], fail_on: str) -> bool:
    """True when a change of the `fail_on` category (see FAIL_ON) is present."""
    if fail_on == "none":
        return False
    if fail_on == "any":
        return bool(changes)
    wanted = Break(fail_on)
    return any(wanted in c.breaks for c in changes)


def render(changes: Sequence[Change], form: str, *, old: str, new: str) -> str:
    """The report in `form` (text, markdown or json), comparing the documents named `old` and `new`."""
    if form == "json":
        return _json(changes)
    if form == "markdown":
        return _markdown(changes, old, new)
    if form == "text":
        return _text(changes, old, new)
    raise ValueError(form)


def _breaks(change: Change) -> str:
    return "breaks " + ", ".join(b.value for b in change.breaks) if change.breaks else "compatible"


def _headline(changes: Sequence[Change], old: str, new: str) -> str:
    counts = summary(changes)
    if not changes:
        return f"{old} -> {new}: no changes to the API"
    breaking = ", ".join(f"{b.value} {counts[b.value]}" for b in Break if counts[b.value])
    return (
        f"{old} -> {new}: {counts['changes']} change(s); breaking {breaking or 'nothing'}; "
        f"{counts['compatible']} compatible"
    )


def _text(changes: Sequence[Change], old: str, new: str) -> str:
    lines = [_headline(changes, old, new)]
    for change in changes:
        lines.append(f"  {_breaks(change):<28} {change.kind:<26} {change.subject}")
        lines.append(f"      at {change.pointer}")
        lines.append(f"      {change.detail}")
    return "\n".join(lines) + "\n"


def _markdown(changes: Sequence[Change], old: str, new: str) -> str:
    lines = [f"**{_headline(changes, old, new)}**", ""]
    if changes:
        lines += ["| Breaks | Change | Subject | Where | Detail |", "|---|---|---|---|---|"]
        for change in changes:
            cells = [
                ", ".join(b.value for b in change.breaks) or "nothing",
                change.kind,
                f"`{change.subject}`",
                f"`{change.pointer}`",
                change.detail,
            ]
            lines.append("| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def _json(changes: Sequence[Change]) -> str:
    data: dict[str, Any] = {
        "changes": [
            {
                "kind": c.kind,
                "subject": c.subject,
                "pointer": c.pointer,
                "breaks": [b.value for b in c.breaks],
                "detail": c.detail,
            }
            for c in changes
        ],
        "summary": summary(changes),
    }
    return json.dumps(data, indent=2) + "\n"
