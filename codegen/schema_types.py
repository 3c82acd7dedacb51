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

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .components import REF_PREFIX, ComponentIndex, ComponentKind
from .diagnostics import Diagnostic, Severity
from .model import EnumRef, FieldLabel, MapType, MessageRef, Scalar, TypeRef
from .naming import map_entry_name, upper_camel

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
    schema: Mapping[str, Any]
    location: str


@dataclass(frozen=True, slots=True)
class FieldShape:
    """The type and label a property schema maps to."""

    type: TypeRef | MapType | InlineMessage
    label: FieldLabel
    map_entry: str | None = None
    """The `<Field>Entry` component a map field's key type was read from, if any."""


Report = Callable[[Diagnostic], None]


class TypeRules:
    """Maps property schemas to field shapes, reporting what it cannot map."""

    def __init__(self, schemas: Mapping[str, Any], index: ComponentIndex, report: Report) -> None:
        self._schemas = schemas
        self._index = index
        self._report = report

    def field_shape(self, schema: Any, location: str, owner: str, field_name: str) -> FieldShape | None:
        """The shape of property `field_name` of message `owner`, or None after reporting why not."""
        if not isinstance(schema, Mapping):
            self._fail(location, "a property schema must be an object", "describe the property with a schema object")
            return None
        schema, nullable = self._unwrap(schema, location)
        if schema is None:
            return None
        label = FieldLabel.OPTIONAL if nullable else FieldLabel.SINGULAR
        if "$ref" in schema:
            target = self._reference(schema["$ref"], location + "/$ref")
            return FieldShape(target, label) if target is not None else None
        types = self._declared_types(schema, location)
        if types is None:
            return None
        if "null" in types:
            label = FieldLabel.OPTIONAL
            types = [t for t in types if t != "null"]
        if types == ["array"]:
            return self._array(schema, location, owner, field_name)
        if types == ["object"]:
            return self._object(schema, location, owner, field_name, label)
        scalar = self._scalar(types, schema, location)
        return FieldShape(scalar, label) if scalar is not None else None

    def value_type(self, schema: Any, location: str, owner: str, field_name: str) -> TypeRef | InlineMessage | None:
        """The element type of a repeated field or map value: singular, not a map, not optional."""
        shape = self.field_shape(schema, location, owner, field_name)
        if shape is None:
            return None
        if isinstance(shape.type, MapType) or shape.label is FieldLabel.REPEATED:
            self._fail(
                location,
                "nested collections (an array or map inside an array or map) have no proto form",
                "wrap the inner collection in a message",
            )
            return None
        return shape.type

    # -- the forms -------------------------------------------------------------------------

    def _unwrap(self, schema: Mapping[str, Any], location: str) -> tuple[Mapping[str, Any] | None, bool]:
        """Strip the nullable and wrapper forms; return the inner schema and whether it was nullable."""
        nullable = schema.get("nullable") is True
        if "anyOf" in schema:
            self._fail(
                location + "/anyOf", "anyOf has no proto form", "use oneOf of single-property objects for a proto oneof"
            )
            return None, False
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and isinstance(all_of[0], Mapping) and "$ref" in all_of[0]:
            # Older generator output wrapped a $ref in allOf to attach a description.
            schema = {**{k: v for k, v in schema.items() if k != "allOf"}, "$ref": all_of[0]["$ref"]}
        elif all_of is not None:
            self._fail(
                location + "/allOf",
                "allOf is only supported around a single $ref in a property",
                "merge the schemas into one, or make the property a $ref to a message component",
            )
            return None, False
        one_of = schema.get("oneOf")
        if one_of is None:
            return schema, nullable
        if not isinstance(one_of, list):
            self._fail(location + "/oneOf", "oneOf must be a list", "list the alternatives as schema objects")
            return None, False
        members = [m for m in one_of if not (isinstance(m, Mapping) and m.get("type") in ("null", ["null"]))]
        nullable = nullable or len(members) < len(one_of)
        rest = {k: v for k, v in schema.items() if k != "oneOf"}
        if len(members) == 1 and isinstance(members[0], Mapping):
            return {**rest, **members[0]}, nullable
        member_types = sorted(str(m.get("type")) for m in members if isinstance(m, Mapping))
        if len(members) == 2 and member_types == ["integer", "string"]:
            # Older output wrote 64-bit integers as a oneOf of their two JSON forms.
            # In a fixed order (the outer format first), so the result never depends on set iteration.
            formats = [schema.get("format")] + [m.get("format") for m in members if isinstance(m, Mapping)]
            known = [f for f in formats if isinstance(f, str) and f in _SIXTY_FOUR_BIT_FORMATS]
            return {**rest, "type": ["integer", "string"], "format": known[0] if known else "int64"}, nullable
        self._fail(
            location + "/oneOf",
            "a oneOf of unrelated types has no proto form",
            "only $ref-or-null and the 64-bit integer forms are supported in a property",
        )
        return None, False

    def _declared_types(self, schema: Mapping[str, Any], location: str) -> list[str] | None:
        declared = schema.get("type")
        if declared is None:
            if "properties" in schema or "additionalProperties" in schema:
                return ["object"]
            if "items" in schema:
                return ["array"]
            self._fail(location, "the schema has no type", "add `type` (or a `$ref`)")
            return None
        types = declared if isinstance(declared, list) else [declared]
        if not all(isinstance(t, str) for t in types):
            self._fail(
                location + "/type", "type must be a string or a list of strings", "e.g. `string` or `[string, 'null']`"
            )
            return None
        return sorted(set(types), key=types.index)

    def _scalar(self, types: list[str], schema: Mapping[str, Any], location: str) -> Scalar | None:
        fmt = schema.get("format")
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
        if "enum" in schema and kind in ("string", "integer"):
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

    def _array(self, schema: Mapping[str, Any], location: str, owner: str, field_name: str) -> FieldShape | None:
        items = schema.get("items")
        if not isinstance(items, Mapping):
            self._fail(location, "an array needs an `items` schema", "add `items` with the element schema")
            return None
        element = self.value_type(items, location + "/items", owner, field_name)
        return FieldShape(element, FieldLabel.REPEATED) if element is not None else None

    def _object(
        self, schema: Mapping[str, Any], location: str, owner: str, field_name: str, label: FieldLabel
    ) -> FieldShape | None:
        values = schema.get("additionalProperties")
        if isinstance(values, Mapping):
            value = self.value_type(values, location + "/additionalProperties", owner, field_name)
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
            if self._index.kinds.get(entry) is not ComponentKind.MAP_ENTRY:
                return FieldShape(MapType(Scalar.STRING, value), FieldLabel.REPEATED)
            key_schema = self._schemas[entry]["properties"]["key"]
            key_shape = self.field_shape(key_schema, f"{REF_PREFIX}{entry}/properties/key", entry, "key")
            key = key_shape.type if key_shape is not None and isinstance(key_shape.type, Scalar) else Scalar.STRING
            return FieldShape(MapType(key, value), FieldLabel.REPEATED, entry)
        if isinstance(schema.get("properties"), Mapping):
            return FieldShape(InlineMessage(upper_camel(field_name), schema, location), label)
        self._fail(
            location,
            "an object without properties or additionalProperties has no proto form",
            "describe its properties, or use google.protobuf.Struct",
        )
        return None

    def _reference(self, ref: Any, location: str) -> TypeRef | None:
        if not isinstance(ref, str) or not ref.startswith(REF_PREFIX):
            self._fail(location, f"{ref!r} does not name a component schema", f"refer to `{REF_PREFIX}<full name>`")
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

    def _fail(self, location: str, message: str, hint: str = "") -> None:
        self._report(Diagnostic(Severity.ERROR, location, message, hint))
        return None
