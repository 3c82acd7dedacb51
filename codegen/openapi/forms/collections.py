"""Collection and object forms: arrays, maps and inline objects.

| schema                                         | proto                                          |
|------------------------------------------------|------------------------------------------------|
| `{type: array, items: S}`                      | `repeated S`                                   |
| `{type: object, additionalProperties: V}`      | `map<K, V>` (K from a `<Field>Entry` component, else string) |
| `{type: object, properties: ...}` (inline)     | a message nested in the field's message        |
"""

from __future__ import annotations

from ...model import FieldLabel, MapType, Scalar
from ...naming import map_entry_name, upper_camel
from ..components import ComponentKind
from ..spec import Schema
from .shapes import FieldShape, InlineMessage, Rules

__all__ = ["array", "object_or_map"]


def array(schema: Schema, owner: str, field_name: str, rules: Rules) -> FieldShape | None:
    """`repeated` of the items' type."""
    if schema.items is None:
        rules.reporter.error(schema.location, "an array needs an `items` schema", "add `items` with the element schema")
        return None
    element = rules.value_type(schema.items, owner, field_name)
    return FieldShape(element, FieldLabel.REPEATED) if element is not None else None


def object_or_map(schema: Schema, owner: str, field_name: str, label: FieldLabel, rules: Rules) -> FieldShape | None:
    """A map (`additionalProperties`), else an inline message (`properties`); anything else is an error."""
    location = schema.location
    values = schema.additional_properties
    if values is not None:
        value = rules.value_type(values, owner, field_name)
        if value is None:
            return None
        if isinstance(value, InlineMessage):
            rules.reporter.error(
                location + "/additionalProperties",
                "an inline object as a map value has no name",
                "make the value a component and $ref it",
            )
            return None
        entry = f"{owner}.{map_entry_name(field_name)}"
        entry_schema = rules.schemas.get(entry)
        if rules.index.kinds.get(entry) is not ComponentKind.MAP_ENTRY or entry_schema is None:
            return FieldShape(MapType(Scalar.STRING, value), FieldLabel.REPEATED)
        assert entry_schema.properties is not None  # a map entry has key and value properties
        key_shape = rules.field_shape(entry_schema.properties["key"], entry, "key")
        key = key_shape.type if key_shape is not None and isinstance(key_shape.type, Scalar) else Scalar.STRING
        return FieldShape(MapType(key, value), FieldLabel.REPEATED, entry)
    if schema.properties is not None:
        return FieldShape(InlineMessage(upper_camel(field_name), schema, location), label)
    rules.reporter.error(
        location,
        "an object without properties or additionalProperties has no proto form",
        "describe its properties, or use google.protobuf.Struct",
    )
    return None
