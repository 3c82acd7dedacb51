"""The type rules: one property schema -> a proto field type and label.

This reverses what protoc-gen-connect-openapi writes for each proto type, in its current and
older output formats. `TypeRules.field_shape` applies the form families of `forms/` in order:

| schema                                                   | proto                | form family   |
|----------------------------------------------------------|----------------------|---------------|
| `allOf: [$ref]`, `oneOf: [S]`, `oneOf: [S, {type: null}]` | S                    | `composition` |
| `nullable: true`, `"null"` in the type list, `oneOf: [S, null]` | proto3 `optional` | `composition` |
| `$ref`                                                   | that message or enum | `references`  |
| `{type: array, items: ...}`                              | `repeated`           | `collections` |
| `{type: object, additionalProperties: ...}`              | `map<K, V>`          | `collections` |
| `{type: object, properties: ...}` (inline)               | a nested message     | `collections` |
| `type` + `format` (int32, `[integer, string]` int64, ...) | a scalar             | `scalars`     |
"""

from __future__ import annotations

from collections.abc import Mapping

from ..diagnostics import Reporter
from ..model import FieldLabel, MapType, TypeRef
from .components import ComponentIndex
from .forms.collections import array, object_or_map
from .forms.composition import has_ref, unwrap
from .forms.references import reference
from .forms.scalars import declared_types, scalar
from .forms.shapes import FieldShape, InlineMessage
from .spec import Schema

__all__ = ["FieldShape", "InlineMessage", "TypeRules"]


class TypeRules:
    """Maps property schemas to field shapes, reporting what it cannot map."""

    def __init__(self, schemas: Mapping[str, Schema], index: ComponentIndex, reporter: Reporter) -> None:
        self._schemas = schemas
        self._index = index
        self._reporter = reporter

    @property
    def schemas(self) -> Mapping[str, Schema]:
        """`components.schemas`, mirrored."""
        return self._schemas

    @property
    def index(self) -> ComponentIndex:
        """What each component stands for."""
        return self._index

    @property
    def reporter(self) -> Reporter:
        """Where problems go."""
        return self._reporter

    def field_shape(self, schema: Schema, owner: str, field_name: str) -> FieldShape | None:
        """The shape of property `field_name` of message `owner`, or None after reporting why not."""
        if not schema.is_object:
            self._reporter.error(
                schema.location, "a property schema must be an object", "describe the property with a schema object"
            )
            return None
        inner, nullable = unwrap(schema, self._reporter)
        if inner is None:
            return None
        label = FieldLabel.OPTIONAL if nullable else FieldLabel.SINGULAR
        if has_ref(inner):
            target = reference(inner.ref, schema.location + "/$ref", self._index, self._reporter)
            return FieldShape(target, label) if target is not None else None
        types = declared_types(inner, self._reporter)
        if types is None:
            return None
        if "null" in types:
            label = FieldLabel.OPTIONAL
            types = [t for t in types if t != "null"]
        if types == ["array"]:
            return array(inner, owner, field_name, self)
        if types == ["object"]:
            return object_or_map(inner, owner, field_name, label, self)
        found = scalar(types, inner, self._reporter)
        return FieldShape(found, label) if found is not None else None

    def value_type(self, schema: Schema, owner: str, field_name: str) -> TypeRef | InlineMessage | None:
        """The element type of a repeated field or map value: singular, not a map, not optional."""
        shape = self.field_shape(schema, owner, field_name)
        if shape is None:
            return None
        if isinstance(shape.type, MapType) or shape.label is FieldLabel.REPEATED:
            self._reporter.error(
                schema.location,
                "nested collections (an array or map inside an array or map) have no proto form",
                "wrap the inner collection in a message",
            )
            return None
        return shape.type
