"""Build phase for messages: a message component (or inline object) -> a `DraftMessage`.

Properties become fields in declaration order (`properties`, then each `allOf` member's), each
`oneOf` of single-property objects becomes a oneof; inline objects and components named
`<message>.<Name>` become nested types. What each property's schema maps to is `schema_types`'
business; numbers, oneof names and the lock's refinements are the `lock` stage's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..diagnostics import Reporter
from ..model import DraftEnum, DraftField, DraftMessage, DraftOneof, FieldLabel, MapType, MessageRef, TypeRef
from ..naming import is_proto_identifier, snake_case
from .components import ComponentIndex, ComponentKind, check_type_name, split_full_name
from .schema_types import FieldShape, InlineMessage, TypeRules
from .spec import Schema

__all__ = ["MessageBuilder"]

_NAMEABLE_KEY = re.compile(r"[A-Za-z0-9_. -]+\Z")


@dataclass(frozen=True, slots=True)
class _Fields:
    plain: list[DraftField]
    oneofs: list[DraftOneof]
    inline: list[InlineMessage]


class MessageBuilder:
    """Builds message drafts from component schemas; holds only read-only inputs."""

    def __init__(
        self,
        schemas: Mapping[str, Schema],
        index: ComponentIndex,
        reporter: Reporter,
        build_enum: Callable[[str, Schema], DraftEnum | None],
    ) -> None:
        self._schemas = schemas
        self._index = index
        self._reporter = reporter
        self._rules = TypeRules(schemas, index, reporter)
        self._build_enum = build_enum

    def message(self, full_name: str, schema: Schema) -> DraftMessage:
        """The draft of message `full_name` described by `schema`, with its nested types."""
        self._check_is_object(full_name, schema)
        fields = self._fields(full_name, schema)
        nested = [self.message(f"{full_name}.{i.name}", i.schema) for i in fields.inline]
        for child in self._index.nested_in(full_name, ComponentKind.MESSAGE):
            child_schema = self._schemas[child]
            if check_type_name(child, child_schema.location, self._reporter):
                nested.append(self.message(child, child_schema))
        nested_enums = [
            built
            for child in self._index.nested_in(full_name, ComponentKind.ENUM)
            if (built := self._build_enum(child, self._schemas[child])) is not None
        ]
        self._check_nested_names(full_name, [(m.name, m.location) for m in nested + nested_enums])
        _, path = split_full_name(full_name)
        return DraftMessage(
            full_name=full_name,
            name=path[-1] if path else full_name,
            fields=tuple(fields.plain),
            oneofs=tuple(fields.oneofs),
            nested_messages=tuple(nested),
            nested_enums=tuple(nested_enums),
            description=schema.text,
            location=schema.location,
        )

    def _check_is_object(self, full_name: str, schema: Schema) -> None:
        """A message is an object: a component typed otherwise (`{"type": "string"}`) has no message form.

        Converting it anyway would give an empty message, and every field referring to it would
        change its wire type (a string on the wire becomes a nested message).
        """
        if not schema.is_object:
            self._reporter.error(
                schema.location,
                f"component {full_name!r} is not a schema object, so it cannot become a message",
                'describe a message as an object schema ({"type": "object", "properties": {...}})',
            )
        elif schema.types is not None and "type" not in schema.malformed and "object" not in schema.types:
            self._reporter.error(
                schema.location + "/type",
                f"component {full_name!r} has type {' or '.join(schema.types)}, not object; "
                "proto has no named scalar types, and an empty message would change the wire type",
                "write the type inline in each property that refers to this component, "
                "or make it an object schema with properties",
            )

    def _check_nested_names(self, full_name: str, nested: list[tuple[str, str]]) -> None:
        first: dict[str, str] = {}
        for name, location in nested:
            if name in first:
                self._reporter.error(
                    location,
                    f"{full_name!r} gets two nested types named {name!r}",
                    f"the other one comes from {first[name]}; an inline object property "
                    "becomes a nested message named after the property, so rename the property or the component",
                )
            first.setdefault(name, location)

    def _fields(self, full_name: str, schema: Schema) -> _Fields:
        """Draft fields in declaration order: plain properties first, then each oneof group."""
        found = _Fields([], [], [])
        location = schema.location
        if not schema.is_object:
            self._reporter.error(
                location, "a message schema must be an object", "describe the message with `type: object`"
            )
            return found
        if schema.has_any_of:
            self._reporter.error(
                location + "/anyOf",
                "anyOf has no proto form",
                "write a proto oneof as oneOf of single-property objects",
            )
        # `required` constrains the whole object, so a key listed at the top or in any allOf member is
        # required wherever its property is declared (oneOf alternatives list their only key; not this).
        required = set(schema.required)
        for member in schema.all_of or ():
            required.update(member.required)
        property_sets = [schema.properties] if schema.properties is not None else []
        groups: list[tuple[tuple[Schema, ...], str]] = []
        for member in schema.all_of or ():
            if not member.is_object or member.ref is not None or "$ref" in member.malformed:
                self._reporter.error(
                    member.location,
                    "allOf members that are references (inheritance) have no proto form",
                    "inline the properties",
                )
                continue
            if member.properties is not None:
                property_sets.append(member.properties)
            if member.one_of is not None:
                groups.append((member.one_of, member.location + "/oneOf"))
        if schema.one_of is not None:
            groups.append((schema.one_of, location + "/oneOf"))
        for properties in property_sets:
            for key, prop in properties.items():
                draft = self._draft(full_name, key, prop, key in required, found.inline)
                if draft is not None:
                    found.plain.append(draft)
        for alternatives, where in groups:
            found.oneofs.append(DraftOneof(self._oneof_members(full_name, alternatives, found.inline), where))
        self._check_unique_names([*found.plain, *(f for oneof in found.oneofs for f in oneof.fields)])
        return found

    def _check_unique_names(self, drafts: list[DraftField]) -> None:
        seen: dict[str, str] = {}
        for draft in drafts:
            for key in (draft.name, "json:" + draft.json_name):
                if key in seen:
                    self._reporter.error(
                        draft.location,
                        f"two properties map to the same field name or JSON name {key.removeprefix('json:')!r}",
                        f"rename one of them (the other is {seen[key]})",
                    )
                seen[key] = draft.location

    def _oneof_members(
        self, owner: str, alternatives: tuple[Schema, ...], inline: list[InlineMessage]
    ) -> tuple[DraftField, ...]:
        members: list[DraftField] = []
        for alternative in alternatives:
            properties = alternative.properties if alternative.is_object else None
            if properties is None or len(properties) != 1:
                self._reporter.error(
                    alternative.location,
                    "a oneOf alternative must be an object with exactly one property",
                    "this is how a proto oneof is written; other oneOf forms have no proto equivalent",
                )
                continue
            ((key, prop),) = properties.items()
            draft = self._draft(owner, key, prop, False, inline)
            if draft is None:
                continue
            if draft.label is not FieldLabel.SINGULAR:
                self._reporter.error(
                    draft.location,
                    "a oneof member cannot be repeated, a map or optional",
                    "wrap the list or map in a message and make that the oneof member",
                )
                continue
            members.append(draft)
        return tuple(members)

    def _draft(
        self, owner: str, key: str, schema: Schema, required: bool, inline: list[InlineMessage]
    ) -> DraftField | None:
        location = schema.location
        title = schema.title if schema.is_object else None
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
                location + ("/title" if title else ""),
                f"field name {name!r} is not a valid proto identifier",
                "set `title` to the snake_case proto field name",
            )
            return None
        shape = self._rules.field_shape(schema, owner, name)
        if shape is None:
            return None
        return DraftField(
            name=name,
            json_name=key,
            type=_materialise(shape, owner, inline),
            label=shape.label,
            required=required,
            deprecated=schema.deprecated,
            description=schema.text,
            location=location,
        )


def _materialise(shape: FieldShape, owner: str, inline: list[InlineMessage]) -> TypeRef | MapType:
    """Turn an inline object into a reference to the nested message that will hold it."""
    if isinstance(shape.type, InlineMessage):
        inline.append(shape.type)
        return MessageRef(f"{owner}.{shape.type.name}")
    return shape.type
