"""Sorting `components.schemas` into what becomes proto and what does not.

protoc-gen-connect-openapi writes every message and enum as a component keyed by its full
name, next to helper schemas for the Connect protocol itself, map-entry schemas and well-known
types. This module decides which is which, once, so later steps only ask.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .diagnostics import Diagnostic, Severity, pointer
from .model import WELL_KNOWN_TYPES

__all__ = ["ComponentIndex", "ComponentKind", "HELPER_SCHEMAS", "REF_PREFIX", "index_components", "split_full_name"]

REF_PREFIX = "#/components/schemas/"

# Schemas protoc-gen-connect-openapi adds to describe the Connect protocol; they are not API types.
HELPER_SCHEMAS = frozenset(
    {
        "connect.error",
        "connect-protocol-version",
        "connect-timeout-header",
        "encoding",
        "base64",
        "compression",
        "connect",
    }
)
_HELPER_PREFIXES = ("google.rpc.",)
_WELL_KNOWN_ENUMS = frozenset({"google.protobuf.NullValue"})


class ComponentKind(enum.Enum):
    """What a component schema stands for."""

    MESSAGE = "message"
    ENUM = "enum"
    WELL_KNOWN_MESSAGE = "well-known message"
    WELL_KNOWN_ENUM = "well-known enum"
    MAP_ENTRY = "map entry"
    HELPER = "helper"


@dataclass(frozen=True, slots=True)
class ComponentIndex:
    """Every component's kind, in document order."""

    kinds: Mapping[str, ComponentKind]
    children: Mapping[str, tuple[str, ...]]
    """Components keyed `<parent>.<Name>` by parent name, in document order (looked up, not searched,
    so building nested types stays linear in the number of components)."""

    def of_kind(self, *kinds: ComponentKind) -> Iterator[str]:
        """Component names of the given kinds, in document order."""
        return (name for name, kind in self.kinds.items() if kind in kinds)

    def nested_in(self, parent: str, kind: ComponentKind) -> Iterator[str]:
        """Components of `kind` nested directly in `parent`, in document order."""
        return (name for name in self.children.get(parent, ()) if self.kinds[name] is kind)


def split_full_name(full_name: str) -> tuple[str, tuple[str, ...]]:
    """Split `pkg.sub.v1.Outer.Inner` into the package (`pkg.sub.v1`) and the type path (`Outer`, `Inner`).

    Proto style, which the generator follows, writes package segments in lower case and type names
    starting with an upper-case letter.
    """
    segments = full_name.split(".")
    for index, segment in enumerate(segments):
        if segment[:1].isupper():
            return ".".join(segments[:index]), tuple(segments[index:])
    return full_name, ()


def index_components(schemas: Mapping[str, Any]) -> tuple[ComponentIndex, list[Diagnostic]]:
    """Classify every component schema; helpers are reported as warnings (skipped, nothing lost)."""
    kinds: dict[str, ComponentKind] = {}
    notes: list[Diagnostic] = []
    for name, schema in schemas.items():
        location = pointer("components", "schemas", name)
        if name in HELPER_SCHEMAS or name.startswith(_HELPER_PREFIXES):
            kinds[name] = ComponentKind.HELPER
            notes.append(
                Diagnostic(
                    Severity.WARNING,
                    location,
                    f"skipped helper schema {name!r}: it describes the Connect protocol, not an API type",
                )
            )
        elif name in WELL_KNOWN_TYPES:
            kinds[name] = (
                ComponentKind.WELL_KNOWN_ENUM if name in _WELL_KNOWN_ENUMS else ComponentKind.WELL_KNOWN_MESSAGE
            )
        elif isinstance(schema, Mapping) and "enum" in schema and _types(schema) <= {"string", "integer"}:
            kinds[name] = ComponentKind.ENUM
        else:
            kinds[name] = ComponentKind.MESSAGE
    for name in list(kinds):
        if kinds[name] is ComponentKind.MESSAGE and _is_map_entry(name, schemas[name], kinds):
            kinds[name] = ComponentKind.MAP_ENTRY
    children: dict[str, list[str]] = {}
    for name in kinds:
        children.setdefault(name.rpartition(".")[0], []).append(name)
    return ComponentIndex(kinds, {parent: tuple(names) for parent, names in children.items()}), notes


def _types(schema: Mapping[str, Any]) -> set[str]:
    declared = schema.get("type", "string")
    return set(declared) if isinstance(declared, list) else {str(declared)}


def _is_map_entry(name: str, schema: Any, kinds: Mapping[str, ComponentKind]) -> bool:
    """`pkg.Msg.FieldEntry` with exactly a key and a value property, nested in a message component."""
    parent, _, last = name.rpartition(".")
    properties = schema.get("properties") if isinstance(schema, Mapping) else None
    return (
        last.endswith("Entry")
        and kinds.get(parent) is ComponentKind.MESSAGE
        and isinstance(properties, Mapping)
        and set(properties) == {"key", "value"}
    )
