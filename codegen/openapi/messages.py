"""Build phase for messages: a message component (or inline object) -> a `DraftMessage`.

Properties become fields in declaration order (`properties`, then each `allOf` member's), each
`oneOf` of single-property objects becomes a oneof; combinators that only list `required` names of
properties are a oneof of those properties or a validation rule (`key_groups`); inline objects and
components named `<message>.<Name>` become nested types. What each property's schema maps to is
`schema_types`' and `fields`' business; numbers, oneof names and the lock's refinements are the
`lock` stage's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..diagnostics import Reporter
from ..model import DraftEnum, DraftField, DraftMessage, DraftOneof, FieldLabel, MessageRule, RuleKind
from .components import ComponentIndex, ComponentKind, check_type_name
from .fields import FieldDrafter
from .key_groups import GroupKind, KeyGroup, read_combinator, read_not
from .schema_types import InlineMessage, TypeRules
from .spec import Schema

__all__ = ["MessageBuilder"]

_RULES = {GroupKind.EXACTLY_ONE: RuleKind.EXACTLY_ONE, GroupKind.AT_LEAST_ONE: RuleKind.AT_LEAST_ONE}


@dataclass(frozen=True, slots=True)
class _Fields:
    plain: list[DraftField]
    oneofs: list[DraftOneof]
    inline: list[InlineMessage]
    rules: list[MessageRule] = field(default_factory=list)


class MessageBuilder:
    """Builds message drafts from component schemas; holds only read-only inputs."""

    def __init__(
        self,
        schemas: Mapping[str, Schema],
        index: ComponentIndex,
        reporter: Reporter,
        build_enum: Callable[[str, Schema], DraftEnum | None],
        *,
        proto_names: bool = False,
    ) -> None:
        self._schemas = schemas
        self._index = index
        self._reporter = reporter
        self._fields_of = FieldDrafter(TypeRules(schemas, index, reporter), reporter, proto_names=proto_names)
        self._build_enum = build_enum

    def message(self, full_name: str, schema: Schema) -> DraftMessage:
        """The draft of message `full_name` described by `schema`, with its nested types."""
        self._check_is_object(full_name, schema)
        fields = self._fields(full_name, schema)
        nested = [self.message(f"{full_name}.{i.name}", i.schema) for i in fields.inline]
        for child in self._index.nested_in(full_name, ComponentKind.MESSAGE):
            child_schema = self._schemas[child]
            if check_type_name(child, child_schema.location, self._index, self._reporter):
                nested.append(self.message(child, child_schema))
        nested_enums = [
            built
            for child in self._index.nested_in(full_name, ComponentKind.ENUM)
            if (built := self._build_enum(child, self._schemas[child])) is not None
        ]
        self._check_nested_names(full_name, [(m.name, m.location) for m in nested + nested_enums])
        return DraftMessage(
            full_name=full_name,
            name=self._index.short_name(full_name),
            fields=tuple(fields.plain),
            oneofs=tuple(fields.oneofs),
            nested_messages=tuple(nested),
            nested_enums=tuple(nested_enums),
            description=schema.text,
            location=schema.location,
            rules=tuple(fields.rules),
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
        # `required` constrains the whole object, so a key listed at the top or in any allOf member is
        # required wherever its property is declared (oneOf alternatives list their only key; not this).
        required = set(schema.required)
        for member in schema.all_of or ():
            required.update(member.required)
        property_sets = [schema.properties] if schema.properties is not None else []
        groups: list[tuple[tuple[Schema, ...], str]] = []
        key_groups: list[KeyGroup] = []
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
            self._combinators(member, groups, key_groups)
        self._combinators(schema, groups, key_groups)
        drafts: dict[str, DraftField] = {}
        for properties in property_sets:
            for key, prop in properties.items():
                draft = self._fields_of.draft(full_name, key, prop, key in required, found.inline)
                if draft is None:
                    continue
                if key in drafts:
                    found.plain.append(draft)  # the same key twice: reported by _check_unique_names
                else:
                    drafts[key] = draft
        members = self._key_group_oneofs(drafts, key_groups, found)
        found.plain.extend(draft for key, draft in drafts.items() if key not in members)
        for alternatives, where in groups:
            found.oneofs.append(DraftOneof(self._oneof_members(full_name, alternatives, found.inline), where))
        self._check_unique_names([*found.plain, *(f for oneof in found.oneofs for f in oneof.fields)])
        return found

    def _combinators(
        self, schema: Schema, groups: list[tuple[tuple[Schema, ...], str]], key_groups: list[KeyGroup]
    ) -> None:
        """Sort the `oneOf`, `anyOf` and `not` of a message (or of one of its allOf members)."""
        location = schema.location
        if schema.one_of is not None:
            handled, found = read_combinator(schema.one_of, "oneOf", location + "/oneOf", self._reporter)
            if not handled:
                groups.append((schema.one_of, location + "/oneOf"))
            key_groups.extend(found)
        if schema.any_of is not None or "anyOf" in schema.malformed:
            handled, found = read_combinator(schema.any_of or (), "anyOf", location + "/anyOf", self._reporter)
            if not handled:
                self._reporter.error(
                    location + "/anyOf",
                    "this anyOf has no proto form",
                    "a proto oneof is written as oneOf of single-property objects; anyOf may only list "
                    "required names of properties (a rule: at least one of them)",
                )
            key_groups.extend(found)
        if schema.not_ is not None:
            group = read_not(schema.not_, self._reporter)
            if group is not None:
                key_groups.append(group)

    def _key_group_oneofs(
        self, drafts: Mapping[str, DraftField], key_groups: list[KeyGroup], found: _Fields
    ) -> set[str]:
        """Turn the key groups into oneofs of existing properties (returned: their keys) and rules."""
        members: dict[str, str] = {}
        seen: list[frozenset[str]] = []
        for group in key_groups:
            missing = [key for key in group.keys if key not in drafts]
            for key in missing:
                self._reporter.error(
                    group.key_locations[key],
                    f"{key!r} is not a property of this message",
                    "a rule or oneof may only name properties the message declares (its JSON keys)",
                )
            if missing:
                continue
            if group.kind is not GroupKind.ONEOF:
                found.rules.append(
                    MessageRule(_RULES[group.kind], tuple(drafts[key].name for key in group.keys), group.location)
                )
                continue
            keys = frozenset(group.keys)
            if keys in seen:
                continue  # the same oneof written twice (once per allOf entry, say) is one oneof
            clash = sorted(keys & set(members))
            if clash:
                self._reporter.error(
                    group.location,
                    f"{clash[0]!r} would belong to two oneofs (the other is at {members[clash[0]]})",
                    "a field belongs to at most one proto oneof; such overlapping rules have no proto form",
                )
                continue
            bad = [key for key in group.keys if drafts[key].label is not FieldLabel.SINGULAR]
            if bad:
                self._reporter.error(
                    drafts[bad[0]].location,
                    "a oneof member cannot be repeated, a map or optional",
                    "wrap the list or map in a message and make that the oneof member",
                )
                continue
            seen.append(keys)
            members.update(dict.fromkeys(group.keys, group.location))
            # Members in declaration order, as the document lists the properties.
            found.oneofs.append(DraftOneof(tuple(d for k, d in drafts.items() if k in keys), group.location))
        return set(members)

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
            draft = self._fields_of.draft(owner, key, prop, False, inline)
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
