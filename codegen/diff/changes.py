"""What the diff engine returns: one `Change` per difference, each saying what it breaks.

A change breaks up to three kinds of users (`Break`):

- `wire`: programs that exchange binary protobuf (old clients with new servers, and the reverse);
- `json`: programs that exchange protobuf JSON;
- `python`: code written against the generated Python package (names, types, signatures).

The categories follow buf's WIRE and WIRE_JSON rules where they overlap: a removed field whose
number and name stay reserved breaks neither encoding, a rename that keeps the number breaks only
JSON, and so on.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Break", "Change", "Renames"]


class Break(enum.Enum):
    """Who a change breaks, in order of severity."""

    WIRE = "wire"
    JSON = "json"
    PYTHON = "python"


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two versions of an API."""

    kind: str
    """What changed, e.g. `field-added`, `enum-value-renamed`, `method-streaming-changed`."""
    subject: str
    """The proto full name of what changed (`depot.ci.v1.GetRunResponse.head_sha`)."""
    pointer: str
    """A JSON pointer into the new document (into the old one for removals)."""
    breaks: tuple[Break, ...]
    """Who it breaks, in `Break` order; empty when nobody is broken."""
    detail: str
    """A sentence or two: what happens to old clients and servers, and what the lock does."""

    @property
    def severity(self) -> int:
        """0 for a wire break, 1 for JSON, 2 for Python, 3 for a change that breaks nothing (for sorting)."""
        order = list(Break)
        return min((order.index(b) for b in self.breaks), default=len(order))


@dataclass(frozen=True, slots=True)
class Renames:
    """Renames declared in the lock: new name -> old name, so the diff pairs them instead of
    reporting a removal and an addition.

    Messages and enums by full name; fields by (new message full name, new field name); enum
    values by (new enum full name, new value name).
    """

    messages: Mapping[str, str] = field(default_factory=dict)
    enums: Mapping[str, str] = field(default_factory=dict)
    fields: Mapping[tuple[str, str], str] = field(default_factory=dict)
    enum_values: Mapping[tuple[str, str], str] = field(default_factory=dict)
