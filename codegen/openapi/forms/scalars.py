"""Scalar forms: `type` and `format` -> a proto scalar.

| schema                                     | proto                               |
|--------------------------------------------|-------------------------------------|
| `{type: integer, format: int32}`           | int32 (any integer format by name)  |
| `{type: integer}`                          | uint32                              |
| `{type: [integer, string], format: int64}` | int64 (uint64, sint64, ... by format) |
| `{type: string, format: int64}` (after v0.25.6) | int64 (the same formats)        |
| `{type: number, format: double}` / `float` | double / float                      |
| `{type: string, format: byte}` / `binary`  | bytes                               |
| `string`, `boolean`                        | string, bool                        |

An inline `enum` (or `const`) on a scalar is an allowed-values constraint (protovalidate's `in`),
kept in the field's `Constraints`; proto enums are always `$ref`s to enum components.
"""

from __future__ import annotations

from collections.abc import Mapping

from ...diagnostics import Reporter
from ...model import Scalar
from ..spec import Schema

__all__ = ["INTEGER_FORMATS", "SIXTY_FOUR_BIT_FORMATS", "declared_types", "scalar"]

INTEGER_FORMATS: Mapping[str, Scalar] = {
    "int32": Scalar.INT32,
    "uint32": Scalar.UINT32,
    "sint32": Scalar.SINT32,
    "fixed32": Scalar.FIXED32,
    "sfixed32": Scalar.SFIXED32,
    "int64": Scalar.INT64,
    "uint64": Scalar.UINT64,
    "sint64": Scalar.SINT64,
    "fixed64": Scalar.FIXED64,
    "sfixed64": Scalar.SFIXED64,
}
SIXTY_FOUR_BIT_FORMATS = {name: s for name, s in INTEGER_FORMATS.items() if s.is_64_bit}


def declared_types(schema: Schema, reporter: Reporter) -> list[str] | None:
    """The JSON types of `schema` (implied by `properties`/`items` when `type` is missing), or None after an error."""
    if "type" in schema.malformed:
        reporter.error(
            schema.location + "/type",
            "type must be a string or a list of strings",
            "e.g. `string` or `[string, 'null']`",
        )
        return None
    if schema.types is None:
        if schema.properties is not None or schema.additional_properties is not None:
            return ["object"]
        if schema.items is not None:
            return ["array"]
        reporter.error(schema.location, "the schema has no type", "add `type` (or a `$ref`)")
        return None
    return list(schema.types)


def scalar(types: list[str], schema: Schema, reporter: Reporter) -> Scalar | None:
    """The scalar of a schema with these (non-null) JSON types, or None after reporting why there is none."""
    location = schema.location
    fmt = schema.format
    if sorted(types) == ["integer", "string"]:
        found = SIXTY_FOUR_BIT_FORMATS.get(fmt or "int64")
        if found is None:
            reporter.error(
                location + "/format",
                f"format {fmt!r} is not a 64-bit integer format",
                "use int64, uint64, sint64, fixed64 or sfixed64",
            )
        return found
    if len(types) != 1:
        reporter.error(
            location + "/type",
            f"the type list {types} has no proto form",
            "only [T, 'null'] and ['integer', 'string'] (64-bit) are supported",
        )
        return None
    kind = types[0]
    if kind == "integer":
        found = INTEGER_FORMATS.get(fmt or "uint32")
        if found is None:
            reporter.error(
                location + "/format", f"unknown integer format {fmt!r}", "use int32, uint32, int64 or uint64"
            )
        return found
    if kind == "number":
        return Scalar.FLOAT if fmt == "float" else Scalar.DOUBLE
    if kind == "boolean":
        return Scalar.BOOL
    if kind == "string":
        if fmt in SIXTY_FOUR_BIT_FORMATS:
            # protojson writes 64-bit integers as strings; newer generator output says so with `type: string`.
            return SIXTY_FOUR_BIT_FORMATS[fmt]
        return Scalar.BYTES if fmt in ("byte", "binary") else Scalar.STRING
    reporter.error(
        location + "/type",
        f"type {kind!r} has no proto form",
        "use string, integer, number, boolean, array or object (or a $ref)",
    )
    return None
