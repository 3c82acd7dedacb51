"""Sorting `components.schemas` into what becomes proto and what does not.

protoc-gen-connect-openapi writes every message and enum as a component keyed by its full
name, next to helper schemas for the Connect protocol itself, map-entry schemas and well-known
types. This module decides which is which, once, so later steps only ask.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..diagnostics import Reporter
from ..model import WELL_KNOWN_TYPES
from ..naming import is_proto_identifier
from .spec import Schema

__all__ = [
    "ComponentIndex",
    "ComponentKind",
    "HELPER_SCHEMAS",
    "REF_PREFIX",
    "check_type_name",
    "index_components",
    "is_top_level",
    "split_full_name",
]

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


def index_components(schemas: Mapping[str, Schema], reporter: Reporter) -> ComponentIndex:
    """Classify every component schema; helpers are reported as warnings (skipped, nothing lost)."""
    kinds: dict[str, ComponentKind] = {}
    for name, schema in schemas.items():
        if name in HELPER_SCHEMAS or name.startswith(_HELPER_PREFIXES):
            kinds[name] = ComponentKind.HELPER
            reporter.warning(
                schema.location,
                f"skipped helper schema {name!r}: it describes the Connect protocol, not an API type",
            )
        elif name in WELL_KNOWN_TYPES:
            kinds[name] = (
                ComponentKind.WELL_KNOWN_ENUM if name in _WELL_KNOWN_ENUMS else ComponentKind.WELL_KNOWN_MESSAGE
            )
        elif _is_enum(schema):
            kinds[name] = ComponentKind.ENUM
        else:
            kinds[name] = ComponentKind.MESSAGE
    for name in list(kinds):
        if kinds[name] is ComponentKind.MESSAGE and _is_map_entry(name, schemas[name], kinds):
            kinds[name] = ComponentKind.MAP_ENTRY
    children: dict[str, list[str]] = {}
    for name in kinds:
        children.setdefault(name.rpartition(".")[0], []).append(name)
    return ComponentIndex(kinds, {parent: tuple(names) for parent, names in children.items()})


def _is_enum(schema: Schema) -> bool:
    """An `enum` list on a string or integer schema (no `type` means string, as the generator writes it)."""
    if schema.enum is None or "type" in schema.malformed:
        return False
    return set(schema.types or ("string",)) <= {"string", "integer"}


def _is_map_entry(name: str, schema: Schema, kinds: Mapping[str, ComponentKind]) -> bool:
    """`pkg.Msg.FieldEntry` with exactly a key and a value property, nested in a message component."""
    parent, _, last = name.rpartition(".")
    return (
        last.endswith("Entry")
        and kinds.get(parent) is ComponentKind.MESSAGE
        and schema.properties is not None
        and set(schema.properties) == {"key", "value"}
    )


def check_type_name(full_name: str, location: str, reporter: Reporter) -> bool:
    """True when component `full_name` can be a proto message or enum name; else reports why not."""
    package, path = split_full_name(full_name)
    if not package or not path:
        reporter.error(
            location,
            f"component {full_name!r} is not a fully-qualified proto name",
            "name components `<package>.<Type>`, e.g. `acme.v1.Widget`",
        )
        return False
    if package == "google.protobuf":
        reporter.error(
            location,
            f"{full_name!r} is not one of the well-known types protoc ships",
            "rename the component out of the google.protobuf package, or use a well-known type",
        )
        return False
    bad = [s for s in package.split(".") + list(path) if not is_proto_identifier(s)]
    if bad:
        reporter.error(
            location,
            f"{bad[0]!r} in {full_name!r} is not a valid proto identifier",
            "use letters, digits and underscores, not starting with a digit",
        )
        return False
    return True


def is_top_level(full_name: str, index: ComponentIndex, location: str, reporter: Reporter) -> bool:
    """True for `pkg.Type`; a nested `pkg.Outer.Inner` must have its parent among the messages (reported if not)."""
    if len(split_full_name(full_name)[1]) <= 1:
        return True
    parent = full_name.rpartition(".")[0]
    if index.kinds.get(parent) is not ComponentKind.MESSAGE:
        reporter.error(
            location,
            f"{full_name!r} is nested in {parent!r}, which is not a message component",
            "add the parent message or move the type to the package level",
        )
    return False
