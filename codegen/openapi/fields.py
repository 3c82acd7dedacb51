"""Build phase for one property: a property schema -> a `DraftField` (its names, type, rules, comment).

- the proto field name is the property's `title` (the generator writes the proto name there); a title
  that is no identifier (a gnostic override with free text) falls back to the key, with a warning;
- the JSON name is the key, unless the document writes proto names as keys (`with-proto-names`), when
  it is protobuf's default (lowerCamel of the field name);
- a field named like an attribute of the protobuf Python runtime's messages (`DESCRIPTOR`, `ByteSize`)
  would break the generated package, so its proto name gets a `_` (its JSON name does not change);
- `(proto <type>)` in the description (`with-proto-annotations`) refines the scalar and is not kept
  in the comment; the validation keywords become the field's `Constraints`.
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..model import DraftField, MapType, MessageRef, Scalar, TypeRef
from ..naming import MESSAGE_ATTRIBUTES, is_proto_identifier, lower_camel, snake_case
from .annotations import split_annotation
from .schema_types import FieldShape, InlineMessage, TypeRules
from .spec import Schema

__all__ = ["FieldDrafter"]

_NAMEABLE_KEY = re.compile(r"[A-Za-z0-9_. -]+\Z")
_FAMILIES = (
    frozenset({Scalar.INT64, Scalar.UINT64, Scalar.SINT64, Scalar.FIXED64, Scalar.SFIXED64}),
    frozenset({Scalar.INT32, Scalar.SINT32, Scalar.SFIXED32}),
    frozenset({Scalar.UINT32, Scalar.FIXED32}),
)


class FieldDrafter:
    """Drafts fields; `proto_names` says the document's property keys are proto names (`with-proto-names`)."""

    def __init__(self, rules: TypeRules, reporter: Reporter, *, proto_names: bool) -> None:
        self._rules = rules
        self._reporter = reporter
        self._proto_names = proto_names

    def draft(
        self, owner: str, key: str, schema: Schema, required: bool, inline: list[InlineMessage]
    ) -> DraftField | None:
        """The draft of property `key` of message `owner`, or None after reporting why there is none."""
        name = self._name(key, schema)
        if name is None:
            return None
        shape = self._rules.field_shape(schema, owner, name)
        if shape is None:
            return None
        json_name = lower_camel(name) if self._proto_names else key
        if name in MESSAGE_ATTRIBUTES:
            renamed = name + "_"
            self._reporter.warning(
                schema.location,
                f"the field name {name!r} is an attribute of every message class of the protobuf Python runtime; "
                f"the proto field is named {renamed!r}, its JSON name stays {json_name!r}",
                "nothing changes on the wire (JSON uses the JSON name, binary the number); "
                "set `title` to choose another proto name",
            )
            name = renamed
        description, annotated = split_annotation(schema.text)
        return DraftField(
            name=name,
            json_name=json_name,
            type=_materialise(shape, owner, inline),
            label=shape.label,
            required=required,
            deprecated=schema.deprecated,
            description=description,
            location=schema.location,
            constraints=schema.constraints,
            annotated=self._annotation(annotated, shape, schema),
        )

    def _name(self, key: str, schema: Schema) -> str | None:
        location = schema.location
        title = schema.title if schema.is_object else None
        if title and not is_proto_identifier(title):
            if _NAMEABLE_KEY.match(key) and is_proto_identifier(snake_case(key)):
                self._reporter.warning(
                    location + "/title",
                    f"the title {title!r} is not a proto field name (a gnostic title override?); "
                    f"the field is named {snake_case(key)!r} after its key",
                    "set `title` to the proto field name to choose it",
                )
                return snake_case(key)
            self._reporter.error(
                location + "/title",
                f"neither the title {title!r} nor the key {key!r} can be a proto field name",
                "set `title` to the snake_case proto field name",
            )
            return None
        if not title and not _NAMEABLE_KEY.match(key):
            # snake_case keeps ASCII letters and digits only: `été` would silently become `t`.
            self._reporter.error(
                location,
                f"property {key!r} has characters a proto field name cannot keep",
                "set `title` to the snake_case proto field name",
            )
            return None
        name = title or snake_case(key)
        if not is_proto_identifier(name):
            self._reporter.error(
                location, f"field name {name!r} is not a valid proto identifier", "set `title` to the proto field name"
            )
            return None
        return name

    def _annotation(self, annotated: Scalar | None, shape: FieldShape, schema: Schema) -> Scalar | None:
        """The annotated scalar when it has the JSON shape the schema says; else None (with a warning)."""
        if annotated is None:
            return None
        base = shape.type.value if isinstance(shape.type, MapType) else shape.type
        if base == annotated:
            return None
        if isinstance(base, Scalar) and any(base in family and annotated in family for family in _FAMILIES):
            return annotated
        shown = base.value if isinstance(base, Scalar) else "a message or enum"
        self._reporter.warning(
            schema.location + "/description",
            f"the annotation `(proto {annotated.value})` does not fit the schema, which says {shown}; it is ignored",
            "an annotation may only choose among integer kinds of the same JSON form",
        )
        return None


def _materialise(shape: FieldShape, owner: str, inline: list[InlineMessage]) -> TypeRef | MapType:
    """Turn an inline object into a reference to the nested message that will hold it."""
    if isinstance(shape.type, InlineMessage):
        inline.append(shape.type)
        return MessageRef(f"{owner}.{shape.type.name}")
    return shape.type
