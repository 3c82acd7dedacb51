"""Message-level combinators that only name properties: a proto oneof, or a validation rule.

protoc-gen-connect-openapi and protovalidate write several forms that list `required` names of properties
the message declares elsewhere, and mean different things:

- `anyOf: [{required: [a]}, {required: [b]}, {not: {anyOf: [...]}}]`: a proto oneof {a, b} (v0.9 - v0.16);
- the same with `oneOf` (at most one: one of them, or none), and `not: {required: [a, b]}` or
  `not: {anyOf: [{required: [a, b]}, ...]}` (never two together): a proto oneof (after v0.25.6);
- `oneOf: [{required: [a]}, {required: [b]}]`: the rule "exactly one of a, b" (protovalidate's message oneof);
- `anyOf: [{required: [a]}, {required: [b]}]`: the rule "at least one of a, b".

The "none of them" branch (`not`) is what marks a proto oneof, where no member set is fine. Anything
else made of `required` lists has no reading here and is reported at its pointer, never guessed.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Protocol

from ..diagnostics import Reporter

__all__ = ["GroupKind", "KeyGroup", "SchemaNode", "read_combinator", "read_not", "required_only"]

_HINT = (
    "protoc-gen-connect-openapi writes a proto oneof as required lists with a `not` branch for 'none of them' "
    "and protovalidate's message oneof as a oneOf (exactly one) or anyOf (at least one) of single-name "
    "required lists; write one of those forms, naming properties the message declares"
)


class SchemaNode(Protocol):
    """What this module reads of a schema object (the typed mirror of the document provides it)."""

    @property
    def location(self) -> str: ...
    @property
    def is_object(self) -> bool: ...
    @property
    def ref(self) -> str | None: ...
    @property
    def types(self) -> tuple[str, ...] | None: ...
    @property
    def enum(self) -> tuple[object, ...] | None: ...
    @property
    def properties(self) -> Mapping[str, SchemaNode] | None: ...
    @property
    def additional_properties(self) -> SchemaNode | None: ...
    @property
    def items(self) -> SchemaNode | None: ...
    @property
    def required(self) -> tuple[str, ...]: ...
    @property
    def all_of(self) -> tuple[SchemaNode, ...] | None: ...
    @property
    def one_of(self) -> tuple[SchemaNode, ...] | None: ...
    @property
    def any_of(self) -> tuple[SchemaNode, ...] | None: ...
    @property
    def not_(self) -> SchemaNode | None: ...


class GroupKind(enum.Enum):
    """What a group of property names stands for."""

    ONEOF = "proto oneof"
    EXACTLY_ONE = "exactly one of"
    AT_LEAST_ONE = "at least one of"


@dataclass(frozen=True, slots=True)
class KeyGroup:
    """Property keys (JSON names) that a combinator groups, and what the group means."""

    kind: GroupKind
    keys: tuple[str, ...]
    """In the order the document names them."""
    location: str
    """Pointer of the combinator (`.../oneOf`, `.../anyOf`, `.../not`)."""
    key_locations: Mapping[str, str]
    """Where each key is named (an entry of the combinator, or the `not`), for diagnostics."""


def required_only(schema: SchemaNode) -> tuple[str, ...] | None:
    """The names of `{required: [...]}` (with at most `type: object`), or None for any other schema."""
    if not schema.is_object or not schema.required:
        return None
    if schema.types not in (None, ("object",)) or schema.ref is not None or schema.enum is not None:
        return None
    others = (schema.properties, schema.additional_properties, schema.items)
    combinators = (schema.all_of, schema.one_of, schema.any_of, schema.not_)
    if any(o is not None for o in others) or any(c is not None for c in combinators):
        return None
    return schema.required


def read_combinator(
    entries: tuple[SchemaNode, ...], keyword: str, location: str, reporter: Reporter
) -> tuple[bool, list[KeyGroup]]:
    """Read `oneOf`/`anyOf` entries (at `location`) made of required lists.

    Returns (False, []) when no entry is a required list (the entries are schemas: not this module's
    business), else (True, the groups), or (True, []) after reporting why the entries have no reading.
    Several oneofs written into one list (each with its own "none of them" branch) are several groups.
    """
    named: list[tuple[tuple[str, ...], str]] = []
    negations: list[tuple[tuple[str, ...], str]] = []
    others: list[SchemaNode] = []
    for entry in entries:
        names = required_only(entry)
        if names is not None:
            named.append((names, entry.location))
        elif _only_not(entry) and (negated := _negated_keys(entry.not_, reporter, none_of=True)) is not None:
            negations.append((negated, entry.location))
        else:
            others.append(entry)
    if not named and not negations:
        return False, []
    if others:
        reporter.error(location, f"this {keyword} mixes lists of required names with schemas", _HINT)
        return True, []
    keys: dict[str, str] = {}
    for names, where in named:
        for name in names:
            keys.setdefault(name, where)
    if negations:
        single = all(len(names) == 1 for names, _ in named)
        covered = [name for names, _ in negations for name in names]
        if not single or len(covered) != len(set(covered)) or set(covered) != set(keys):
            reporter.error(location, f"this {keyword} of required lists has no reading as a oneof or a rule", _HINT)
            return True, []
        return True, [
            KeyGroup(
                GroupKind.ONEOF,
                tuple(k for k in keys if k in names),
                location if len(negations) == 1 else where,
                {k: v for k, v in keys.items() if k in names},
            )
            for names, where in negations
        ]
    if any(len(names) != 1 for names, _ in named):
        reporter.error(
            location,
            f"this {keyword} lists several names in one entry, which is neither a oneof nor a one-of rule",
            _HINT,
        )
        return True, []
    kind = GroupKind.EXACTLY_ONE if keyword == "oneOf" else GroupKind.AT_LEAST_ONE
    return True, [KeyGroup(kind, tuple(keys), location, keys)]


def read_not(schema: SchemaNode, reporter: Reporter) -> KeyGroup | None:
    """Read a message-level `not` (the schema *inside* it) as "never two of these together": a proto oneof."""
    keys = _negated_keys(schema, reporter, none_of=False)
    if keys is None:
        reporter.error(schema.location, "this `not` has no reading as a proto oneof", _HINT)
        return None
    return KeyGroup(GroupKind.ONEOF, keys, schema.location, dict.fromkeys(keys, schema.location))


def _only_not(entry: SchemaNode) -> bool:
    return (
        entry.is_object
        and entry.not_ is not None
        and not entry.required
        and entry.properties is None
        and entry.one_of is None
        and entry.any_of is None
        and entry.all_of is None
        and entry.ref is None
    )


def _negated_keys(schema: SchemaNode | None, reporter: Reporter, *, none_of: bool) -> tuple[str, ...] | None:
    """The keys a `not` forbids together: `{required: [a, b]}`, or an anyOf/oneOf listing every pair of them.

    With `none_of`, also an anyOf of single names (`not` any of them: the "none set" branch of a oneof).
    """
    if schema is None:
        return None
    names = required_only(schema)
    if names is not None and len(names) >= 2:
        return names
    entries = schema.any_of if schema.any_of is not None else schema.one_of
    if names is None and entries:
        lists = [required_only(entry) for entry in entries]
        if all(found is not None for found in lists):
            union = list(dict.fromkeys(name for found in lists if found for name in found))
            if none_of and all(found is not None and len(found) == 1 for found in lists):
                # `not: {anyOf: [{required: [a]}, {required: [b]}]}`: "none of them", the other half of a oneof
                return tuple(union)
            pairs = {frozenset(found) for found in lists if found is not None and len(found) == 2}
            if len(union) >= 2 and pairs == {frozenset(p) for p in combinations(union, 2)}:
                return tuple(union)
    return None
