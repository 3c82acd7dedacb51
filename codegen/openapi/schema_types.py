"""The type rules: one property schema -> a proto field type and label.

This reverses what protoc-gen-connect-openapi writes for each proto type, in its current and
older output formats:

| schema                                              | proto                    |
|-----------------------------------------------------|--------------------------|
| `{type: integer, format: int32}`                     | int32                    |
| `{type: integer}`                                    | uint32                   |
| `{type: [integer, string], format: int64}`           | int64 (uint64: `uint64`) |
| `oneOf: [{type: string}, {type: integer}]` (older)   | int64                    |
| `{type: number, format: double}` / `float`           | double / float           |
| `{type: string, format: byte}`                       | bytes                    |
| `string`, `boolean`                                  | string, bool             |
| `$ref` (or a one-element `allOf` around it)          | that message or enum     |
| `"null"` in the type array, `nullable: true`, or `oneOf: [$ref, {type: null}]` | proto3 `optional` |
| `{type: array, items: ...}`                          | `repeated`               |
| `{type: object, additionalProperties: ...}`          | `map<K, V>`              |
| `{type: object, properties: ...}` (inline)           | a nested message         |
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..diagnostics import Reporter
from ..model import EnumRef, FieldLabel, MapType, MessageRef, Scalar, TypeRef
from ..naming import map_entry_name, upper_camel
from .components import REF_PREFIX, ComponentIndex, ComponentKind
from .spec import Schema

__all__ = ["FieldShape", "InlineMessage", "TypeRules"]

_INTEGER_FORMATS: Mapping[str, Scalar] = {
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
_SIXTY_FOUR_BIT_FORMATS = {name: s for name, s in _INTEGER_FORMATS.items() if s.is_64_bit}


@dataclass(frozen=True, slots=True)
class InlineMessage:
    """An inline object schema that becomes a message nested in the field's message."""

    name: str
    schema: Schema
    location: str


@dataclass(frozen=True, slots=True)
class FieldShape:
    """The type and label a property schema maps to."""

    type: TypeRef | MapType | InlineMessage
    label: FieldLabel
    map_entry: str | None = None
    """The `<Field>Entry` component a map field's key type was read from, if any."""


class TypeRules:
    """Maps property schemas to field shapes, reporting what it cannot map."""

    def __init__(self, schemas: Mapping[str, Schema], index: ComponentIndex, reporter: Reporter) -> None:
        self._schemas = schemas
        self._index = index
        self._fail = reporter.error

    def field_shape(self, schema: Schema, owner: str, field_name: str) -> FieldShape | None:
        """The shape of property `field_name` of message `owner`, or None after reporting why not."""
        location = schema.location
        if not schema.is_object:
            self._fail(location, "a property schema must be an object", "describe the property with a schema object")
            return None
        unwrapped, nullable = self._unwrap(schema)
        if unwrapped is None:
            return None
        schema = unwrapped
        label = FieldLabel.OPTIONAL if nullable else FieldLabel.SINGULAR
        if schema.ref is not None or "$ref" in schema.malformed:
            target = self._reference(schema.ref, location + "/$ref")
            return FieldShape(target, label) if target is not None else None
        types = self._declared_types(schema)
        if types is None:
            return None
        if "null" in types:
            label = FieldLabel.OPTIONAL
            types = [t for t in types if t != "null"]
        if types == ["array"]:
            return self._array(schema, owner, field_name)
        if types == ["object"]:
            return self._object(schema, owner, field_name, label)
        scalar = self._scalar(types, schema)
        return FieldShape(scalar, label) if scalar is not None else None

    def value_type(self, schema: Schema, owner: str, field_name: str) -> TypeRef | InlineMessage | None:
        """The element type of a repeated field or map value: singular, not a map, not optional."""
        shape = self.field_shape(schema, owner, field_name)
        if shape is None:
            return None
        if isinstance(shape.type, MapType) or shape.label is FieldLabel.REPEATED:
            self._fail(
                schema.location,
                "nested collections (an array or map inside an array or map) have no proto form",
                "wrap the inner collection in a message",
            )
            return None
        return shape.type

    # -- the forms -------------------------------------------------------------------------

    def _unwrap(self, schema: Schema) -> tuple[Schema | None, bool]:
        """Strip the nullable and wrapper forms; return the inner schema and whether it was nullable."""
        location = schema.location
        nullable = schema.nullable
        if schema.has_any_of:
            self._fail(
                location + "/anyOf", "anyOf has no proto form", "use oneOf of single-property objects for a proto oneof"
            )
            return None, False
        all_of = schema.all_of
        if all_of is not None and len(all_of) == 1 and all_of[0].is_object and _has_ref(all_of[0]):
            # Older generator output wrapped a $ref in allOf to attach a description.
            schema = replace(schema, all_of=None, ref=all_of[0].ref, malformed=schema.malformed | all_of[0].malformed)
        elif all_of is not None or "allOf" in schema.malformed:
            self._fail(
                location + "/allOf",
                "allOf is only supported around a single $ref in a property",
                "merge the schemas into one, or make the property a $ref to a message component",
            )
            return None, False
        one_of = schema.one_of
        if "oneOf" in schema.malformed:
            self._fail(location + "/oneOf", "oneOf must be a list", "list the alternatives as schema objects")
            return None, False
        if one_of is None:
            return schema, nullable
        members = [m for m in one_of if not (m.is_object and m.types == ("null",))]
        nullable = nullable or len(members) < len(one_of)
        rest = replace(schema, one_of=None)
        if len(members) == 1 and members[0].is_object:
            return rest.merged(members[0]), nullable
        member_types = sorted("".join(m.types) if m.types and len(m.types) == 1 else "" for m in members)
        if len(members) == 2 and member_types == ["integer", "string"]:
            # Older output wrote 64-bit integers as a oneOf of their two JSON forms.
            # In a fixed order (the outer format first), so the result never depends on set iteration.
            formats = [schema.format] + [m.format for m in members]
            known = [f for f in formats if f is not None and f in _SIXTY_FOUR_BIT_FORMATS]
            return replace(rest, types=("integer", "string"), format=known[0] if known else "int64"), nullable
        self._fail(
            location + "/oneOf",
            "a oneOf of unrelated types has no proto form",
            "only $ref-or-null and the 64-bit integer forms are supported in a property",
        )
        return None, False

    def _declared_types(self, schema: Schema) -> list[str] | None:
        if "type" in schema.malformed:
            self._fail(
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
            self._fail(schema.location, "the schema has no type", "add `type` (or a `$ref`)")
            return None
        return list(schema.types)

    def _scalar(self, types: list[str], schema: Schema) -> Scalar | None:
        location = schema.location
        fmt = schema.format
        if sorted(types) == ["integer", "string"]:
            scalar = _SIXTY_FOUR_BIT_FORMATS.get(fmt or "int64")
            if scalar is None:
                self._fail(
                    location + "/format",
                    f"format {fmt!r} is not a 64-bit integer format",
                    "use int64, uint64, sint64, fixed64 or sfixed64",
                )
                return None
            return scalar
        if len(types) != 1:
            self._fail(
                location + "/type",
                f"the type list {types} has no proto form",
                "only [T, 'null'] and ['integer', 'string'] (64-bit) are supported",
            )
            return None
        kind = types[0]
        if schema.enum is not None and kind in ("string", "integer"):
            self._fail(
                location + "/enum",
                "an inline enum has no name to become a proto enum",
                "move it to its own component and $ref it",
            )
            return None
        if kind == "integer":
            scalar = _INTEGER_FORMATS.get(fmt or "uint32")
            if scalar is None:
                self._fail(
                    location + "/format", f"unknown integer format {fmt!r}", "use int32, uint32, int64 or uint64"
                )
                return None
            return scalar
        if kind == "number":
            return Scalar.FLOAT if fmt == "float" else Scalar.DOUBLE
        if kind == "boolean":
            return Scalar.BOOL
        if kind == "string":
            return Scalar.BYTES if fmt in ("byte", "binary") else Scalar.STRING
        self._fail(
            location + "/type",
            f"type {kind!r} has no proto form",
            "use string, integer, number, boolean, array or object (or a $ref)",
        )
        return None

    def _array(self, schema: Schema, owner: str, field_name: str) -> FieldShape | None:
        if schema.items is None:
            self._fail(schema.location, "an array needs an `items` schema", "add `items` with the element schema")
            return None
        element = self.value_type(schema.items, owner, field_name)
        return FieldShape(element, FieldLabel.REPEATED) if element is not None else None

    def _object(self, schema: Schema, owner: str, field_name: str, label: FieldLabel) -> FieldShape | None:
        location = schema.location
        values = schema.additional_properties
        if values is not None:
            value = self.value_type(values, owner, field_name)
            if value is None:
                return None
            if isinstance(value, InlineMessage):
                self._fail(
                    location + "/additionalProperties",
                    "an inline object as a map value has no name",
                    "make the value a component and $ref it",
                )
                return None
            entry = f"{owner}.{map_entry_name(field_name)}"
            entry_schema = self._schemas.get(entry)
            if self._index.kinds.get(entry) is not ComponentKind.MAP_ENTRY or entry_schema is None:
                return FieldShape(MapType(Scalar.STRING, value), FieldLabel.REPEATED)
            assert entry_schema.properties is not None  # a map entry has key and value properties
            key_shape = self.field_shape(entry_schema.properties["key"], entry, "key")
            key = key_shape.type if key_shape is not None and isinstance(key_shape.type, Scalar) else Scalar.STRING
            return FieldShape(MapType(key, value), FieldLabel.REPEATED, entry)
        if schema.properties is not None:
            return FieldShape(InlineMessage(upper_camel(field_name), schema, location), label)
        self._fail(
            location,
            "an object without properties or additionalProperties has no proto form",
            "describe its properties, or use google.protobuf.Struct",
        )
        return None

    def _reference(self, ref: str | None, location: str) -> TypeRef | None:
        if ref is None or not ref.startswith(REF_PREFIX):
            self._fail(
                location,
                f"{ref if ref is not None else 'the $ref'!r} does not name a component schema",
                f"refer to `{REF_PREFIX}<full name>`",
            )
            return None
        name = ref[len(REF_PREFIX) :]
        kind = self._index.kinds.get(name)
        if kind in (ComponentKind.MESSAGE, ComponentKind.WELL_KNOWN_MESSAGE):
            return MessageRef(name)
        if kind in (ComponentKind.ENUM, ComponentKind.WELL_KNOWN_ENUM):
            return EnumRef(name)
        self._fail(
            location,
            f"{name!r} is a {kind.value if kind else 'missing'} schema, not a message or enum",
            "a field can only refer to a message or enum component",
        )
        return None


def _has_ref(schema: Schema) -> bool:
    return schema.ref is not None or "$ref" in schema.malformed
