"""Wrapper forms: the schema a property really has, and whether it was made nullable on the way.

| schema                                                  | means                                  |
|---------------------------------------------------------|----------------------------------------|
| `allOf: [{$ref: X}]` (older output, to add a description) | `$ref: X`                            |
| `oneOf: [S, {type: null}]`, `nullable: true`            | S, proto3 `optional`                   |
| `oneOf: [S]`                                            | S (merged with the outer keywords)     |
| `oneOf: [{type: string}, {type: integer}]` (older)      | a 64-bit integer (`[integer, string]`) |
| `anyOf`, other `allOf` or `oneOf`                       | no proto form: an error                |
"""

from __future__ import annotations

from dataclasses import replace

from ...diagnostics import Reporter
from ..spec import Schema
from .scalars import SIXTY_FOUR_BIT_FORMATS

__all__ = ["unwrap"]


def unwrap(schema: Schema, reporter: Reporter) -> tuple[Schema | None, bool]:
    """Strip the nullable and wrapper forms; return the inner schema (None after an error) and nullability."""
    location = schema.location
    nullable = schema.nullable
    if schema.has_any_of:
        reporter.error(
            location + "/anyOf", "anyOf has no proto form", "use oneOf of single-property objects for a proto oneof"
        )
        return None, False
    all_of = schema.all_of
    if all_of is not None and len(all_of) == 1 and all_of[0].is_object and has_ref(all_of[0]):
        # Older generator output wrapped a $ref in allOf to attach a description.
        schema = replace(schema, all_of=None, ref=all_of[0].ref, malformed=schema.malformed | all_of[0].malformed)
    elif all_of is not None or "allOf" in schema.malformed:
        reporter.error(
            location + "/allOf",
            "allOf is only supported around a single $ref in a property",
            "merge the schemas into one, or make the property a $ref to a message component",
        )
        return None, False
    if "oneOf" in schema.malformed:
        reporter.error(location + "/oneOf", "oneOf must be a list", "list the alternatives as schema objects")
        return None, False
    if schema.one_of is None:
        return schema, nullable
    return _one_of(schema, schema.one_of, nullable, reporter)


def _one_of(
    schema: Schema, one_of: tuple[Schema, ...], nullable: bool, reporter: Reporter
) -> tuple[Schema | None, bool]:
    members = [m for m in one_of if not (m.is_object and m.types == ("null",))]
    nullable = nullable or len(members) < len(one_of)
    rest = replace(schema, one_of=None)
    if len(members) == 1 and members[0].is_object:
        return rest.merged(members[0]), nullable
    member_types = sorted(m.types[0] if m.types and len(m.types) == 1 else "" for m in members)
    if len(members) == 2 and member_types == ["integer", "string"]:
        # Older output wrote 64-bit integers as a oneOf of their two JSON forms.
        # In a fixed order (the outer format first), so the result never depends on set iteration.
        formats = [schema.format] + [m.format for m in members]
        known = [f for f in formats if f is not None and f in SIXTY_FOUR_BIT_FORMATS]
        return replace(rest, types=("integer", "string"), format=known[0] if known else "int64"), nullable
    reporter.error(
        schema.location + "/oneOf",
        "a oneOf of unrelated types has no proto form",
        "only $ref-or-null and the 64-bit integer forms are supported in a property",
    )
    return None, False


def has_ref(schema: Schema) -> bool:
    """True when the schema has a `$ref` (readable or not)."""
    return schema.ref is not None or "$ref" in schema.malformed
