"""Sorting `components.schemas` into what becomes proto and what does not, and naming it.

protoc-gen-connect-openapi writes every message and enum as a component keyed by its full
name, next to helper schemas for the protocol itself (recognised by kind, `helpers`), map-entry
schemas and well-known types (with what is nested under them). This module decides which is
which, and where each type's package ends (`type_names`), once, so later steps only ask.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..diagnostics import Reporter
from ..model import WELL_KNOWN_ENUMS, WELL_KNOWN_TYPES
from ..naming import is_proto_identifier
from .spec import Schema
from .type_names import split_names

__all__ = [
    "ComponentIndex",
    "ComponentKind",
    "REF_PREFIX",
    "check_type_name",
    "index_components",
    "is_top_level",
    "orphans",
]

REF_PREFIX = "#/components/schemas/"


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
    names: Mapping[str, tuple[str, tuple[str, ...]]]
    """{message, enum or map-entry component: (package, type path)}, as the document tells them apart."""

    def package_of(self, full_name: str) -> str:
        """The package of a type the document names (a well-known type's is `google.protobuf`)."""
        if full_name in WELL_KNOWN_TYPES:
            return "google.protobuf"
        # Inline objects become messages nested in a component: their package is the component's.
        for name in (full_name, *_parents(full_name)):
            if name in self.names:
                return self.names[name][0]
        return full_name.rpartition(".")[0]

    def short_name(self, full_name: str) -> str:
        """The last segment of the type path (`Line` of `acme.v1.Order.Line`)."""
        return self.names[full_name][1][-1] if full_name in self.names else full_name.rpartition(".")[2]

    def of_kind(self, *kinds: ComponentKind) -> Iterator[str]:
        """Component names of the given kinds, in document order."""
        return (name for name, kind in self.kinds.items() if kind in kinds)

    def nested_in(self, parent: str, kind: ComponentKind) -> Iterator[str]:
        """Components of `kind` nested directly in `parent`, in document order."""
        return (name for name in self.children.get(parent, ()) if self.kinds[name] is kind)


def index_components(
    schemas: Mapping[str, Schema], helpers: Mapping[str, str], packages: set[str], reporter: Reporter
) -> ComponentIndex:
    """Classify every component schema; helpers (`helpers.protocol_helpers`) are skipped with a warning.

    `packages` are the package names the document states (paths, operationIds, `info.title`).
    """
    kinds: dict[str, ComponentKind] = {}
    for name, schema in schemas.items():
        if name in helpers:
            kinds[name] = ComponentKind.HELPER
            reporter.warning(
                schema.location,
                f"skipped helper schema {name!r}: it describes the protocol, not an API type ({helpers[name]})",
            )
        elif name in WELL_KNOWN_TYPES:
            kinds[name] = _well_known(name)
        elif _is_enum(schema):
            kinds[name] = ComponentKind.ENUM
        else:
            kinds[name] = ComponentKind.MESSAGE
    for name in list(kinds):
        # A component nested under a well-known type (Struct's FieldsEntry) belongs to it.
        if kinds[name] is not ComponentKind.HELPER and any(kinds.get(p) in _WELL_KNOWN for p in _parents(name)):
            kinds[name] = _well_known(name)
    for name in list(kinds):
        if kinds[name] is ComponentKind.MESSAGE and _is_map_entry(name, schemas[name], kinds):
            kinds[name] = ComponentKind.MAP_ENTRY
    children: dict[str, list[str]] = {}
    for name in kinds:
        children.setdefault(name.rpartition(".")[0], []).append(name)
    typed = [name for name, kind in kinds.items() if kind in _TYPES]
    names = split_names(typed, {name: schemas[name].title for name in typed}, packages)
    return ComponentIndex(kinds, {parent: tuple(names) for parent, names in children.items()}, names)


_WELL_KNOWN = (ComponentKind.WELL_KNOWN_MESSAGE, ComponentKind.WELL_KNOWN_ENUM)
_TYPES = (ComponentKind.MESSAGE, ComponentKind.ENUM, ComponentKind.MAP_ENTRY)


def _well_known(name: str) -> ComponentKind:
    return ComponentKind.WELL_KNOWN_ENUM if name in WELL_KNOWN_ENUMS else ComponentKind.WELL_KNOWN_MESSAGE


def _parents(name: str) -> list[str]:
    segments = name.split(".")
    return [".".join(segments[:end]) for end in range(len(segments) - 1, 0, -1)]


def _is_enum(schema: Schema) -> bool:
    """An `enum` list on a string schema (no `type` means string, as the generator writes it); with
    `include-number-enum-values` the type is `[string, number]` or `[string, integer]`."""
    if schema.enum is None or "type" in schema.malformed:
        return False
    return set(schema.types or ("string",)) <= {"string", "integer", "number"}


def _is_map_entry(name: str, schema: Schema, kinds: Mapping[str, ComponentKind]) -> bool:
    """`pkg.Msg.FieldEntry` with exactly a key and a value property, nested in a message component."""
    parent, _, last = name.rpartition(".")
    return (
        last.endswith("Entry")
        and kinds.get(parent) is ComponentKind.MESSAGE
        and schema.properties is not None
        and set(schema.properties) == {"key", "value"}
    )


def check_type_name(full_name: str, location: str, index: ComponentIndex, reporter: Reporter) -> bool:
    """True when component `full_name` can be a proto message or enum name; else reports why not."""
    package, path = index.names.get(full_name, ("", ()))
    if not path:
        reporter.error(
            location,
            f"component {full_name!r} is not a proto type name",
            "name components by the proto type's full name, e.g. `acme.v1.Widget`",
        )
        return False
    if package == "google.protobuf" or package.startswith("google.protobuf."):
        reporter.error(
            location,
            f"{full_name!r} is not one of the types protoc ships in google/protobuf",
            "rename the component out of the google.protobuf package, or use a well-known type",
        )
        return False
    bad = [s for s in (package.split(".") if package else []) + list(path) if not is_proto_identifier(s)]
    if bad:
        reporter.error(
            location,
            f"{bad[0]!r} in {full_name!r} is not a valid proto identifier",
            "use letters, digits and underscores, not starting with a digit",
        )
        return False
    return True


def is_top_level(full_name: str, index: ComponentIndex, location: str, reporter: Reporter) -> bool:
    """True for `pkg.Type`; a nested `pkg.Outer.Inner` is built by its parent message (see `orphans`)."""
    return len(index.names.get(full_name, ("", ()))[1]) <= 1


def orphans(index: ComponentIndex, reporter: Reporter) -> list[str]:
    """Nested types whose enclosing messages are all missing (`trim-unused-types` can drop them).

    Those are returned, to be held by empty messages of the missing names; a type whose parent is missing
    but some ancestor exists is reported (its ancestor cannot hold it).
    """
    found: list[str] = []
    for name in index.of_kind(ComponentKind.MESSAGE, ComponentKind.ENUM):
        package, path = index.names.get(name, ("", ()))
        if len(path) <= 1 or index.kinds.get(name.rpartition(".")[0]) is ComponentKind.MESSAGE:
            continue
        prefix = f"{package}." if package else ""
        ancestors = [prefix + ".".join(path[:end]) for end in range(1, len(path) - 1)]
        present = [a for a in ancestors if index.kinds.get(a) is not None]
        if present:
            reporter.error(
                index_location(name),
                f"{name!r} is nested in {name.rpartition('.')[0]!r}, which is not a message component",
                f"add the parent message to the document (its ancestor {present[-1]!r} is there)",
            )
            continue
        found.append(name)
    return found


def index_location(name: str) -> str:
    """The JSON pointer of component `name`."""
    return REF_PREFIX + name.replace("~", "~0").replace("/", "~1")
