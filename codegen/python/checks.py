"""Request checks of the server applications: the views of the generated check functions.

The templates spell the checks (`templates/_validator.py.jinja`); this module decides which
message needs a check function and what each field's checks are; `rules` turns a field's
`Constraints` into value tests.

A request whose required field (`Field.required`) is missing or empty, whose present value breaks
a constraint of the document (`minLength`, `pattern`, `enum`, `minimum`, `minItems`, ...), or that
breaks a message rule ("exactly one of email, phone") is answered with `invalid_argument` before its
handler runs. Each message that has something to check, directly or in a message below it, gets one
check function; it appends a problem per finding to a list, each starting with the JSON path of
the field (`spec.dimensions.widthCm is required`, `widgets[0].name must be at least 3 characters`,
`annotations['k'].value is required`).
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Api, Field, FieldLabel, MapType, Message, MessageRef, RuleKind, Scalar
from . import docstrings
from .rules import ValueRule, field_value_rules, item_rules
from .source import Doc

__all__ = [
    "FieldCheckView",
    "RuleView",
    "ValidatorView",
    "api_messages",
    "checked_messages",
    "has_own_checks",
    "message_target",
    "reachable_messages",
    "validator",
]


@dataclass(frozen=True, slots=True)
class FieldCheckView:
    """One statement of a check function, about one field.

    kinds: `required` (report the field when missing), `required_message` (report it when unset,
    else check the message it holds), `message` (check the message when set), `list` and `map`
    (check every message of a repeated or map field), `value` (test a present singular value
    against `rules`), `items` (test a repeated or map field against `rules`, and each of its
    elements or map values against `element_rules`).
    """

    kind: str
    field: str
    """The proto field name (the attribute of the protobuf class)."""
    json_name: str
    """The field's protobuf JSON name, which the reported paths use."""
    is_keyword: bool
    """The field name is a Python keyword: protobuf keeps it, only `getattr` reaches it."""
    tracks_presence: bool
    """Missing means "not set" (`HasField`); otherwise it means empty, zero or enum value 0."""
    function: str
    """The check function of the message the field holds, or "" when it needs none."""
    has_presence: bool = False
    """For `value`: protobuf tracks presence (`HasField`); otherwise a zero value is absent."""
    is_map: bool = False
    rules: tuple[ValueRule, ...] = ()
    element_rules: tuple[ValueRule, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleView:
    """A message rule: exactly one (or at least one) of `members` must be set."""

    exactly: bool
    members: tuple[FieldCheckView, ...]
    """Set means what `required` asks for (see `FieldCheckView.tracks_presence`)."""


@dataclass(frozen=True, slots=True)
class ValidatorView:
    """A function that collects the problems of one message (and its sub-messages)."""

    function: str
    message_type: str
    """How the message's class is spelled in the module."""
    doc: Doc
    checks: tuple[FieldCheckView, ...]
    rules: tuple[RuleView, ...] = ()


def api_messages(api: Api) -> dict[str, Message]:
    """{full name: message} of every message of the API, nested ones included."""
    found: dict[str, Message] = {}

    def walk(messages: tuple[Message, ...]) -> None:
        for message in messages:
            found[message.full_name] = message
            walk(message.nested_messages)

    for package in api.packages:
        walk(package.messages)
    return found


def message_target(field: Field) -> str | None:
    """The message a field holds (directly, repeated, or as map value), if any."""
    value = field.type.value if isinstance(field.type, MapType) else field.type
    return value.full_name if isinstance(value, MessageRef) else None


def has_own_checks(message: Message, api: Api) -> bool:
    """Whether a message has a required field, a message rule, or a field value to test."""
    return bool(message.rules) or any(
        field.required or item_rules(field) or field_value_rules(field, api) for field in message.fields
    )


def reachable_messages(messages: dict[str, Message], roots: Iterable[str]) -> set[str]:
    """Messages reachable from `roots` through message-typed fields (the roots included)."""
    reachable: set[str] = set()
    pending = [root for root in roots if root in messages]
    while pending:
        name = pending.pop()
        if name in reachable:
            continue
        reachable.add(name)
        for field in messages[name].fields:
            target = message_target(field)
            if target in messages and target not in reachable:
                pending.append(target)
    return reachable


def checked_messages(messages: dict[str, Message], roots: Iterable[str], api: Api) -> set[str]:
    """Messages reachable from `roots` that have something to check somewhere below them.

    Raises ValueError or re.error for a constraint the servers cannot run (`rules.check_constraints`
    reports those first, at their pointers).
    """
    reachable = reachable_messages(messages, roots)
    checked = {name for name in reachable if has_own_checks(messages[name], api)}
    changed = True
    while changed:
        changed = False
        for name in sorted(reachable - checked):
            if any(message_target(field) in checked for field in messages[name].fields):
                checked.add(name)
                changed = True
    return checked


def _tracks_presence(field: Field) -> bool:
    """Whether a required field counts as missing when unset (rather than when empty, zero or enum value 0)."""
    if field.label is FieldLabel.REPEATED or isinstance(field.type, MapType):
        return False
    if isinstance(field.type, MessageRef):
        return True
    # A number or bool with explicit presence: a present zero is a value.
    return isinstance(field.type, Scalar) and field.type not in (Scalar.STRING, Scalar.BYTES) and field.has_presence


def _member(field: Field) -> FieldCheckView:
    """A field as a member of a message rule."""
    return FieldCheckView(
        kind="member",
        field=field.name,
        json_name=field.json_name,
        is_keyword=keyword.iskeyword(field.name),
        tracks_presence=_tracks_presence(field),
        function="",
    )


def _value_checks(field: Field, api: Api) -> list[FieldCheckView]:
    """The `value` or `items` statement of a field with constraints the servers enforce."""
    repeated = field.label is FieldLabel.REPEATED or isinstance(field.type, MapType)
    rules = item_rules(field) if repeated else field_value_rules(field, api)
    element_rules = field_value_rules(field, api) if repeated else ()
    if not repeated and not field.has_presence:
        # Without presence the value is only tested when non-empty, which already means length >= 1.
        rules = tuple(rule for rule in rules if not (rule.kind in _LENGTHS and int(rule.operand) <= 1))
    if not rules and not element_rules:
        return []
    return [
        FieldCheckView(
            kind="items" if repeated else "value",
            field=field.name,
            json_name=field.json_name,
            is_keyword=keyword.iskeyword(field.name),
            tracks_presence=_tracks_presence(field),
            function="",
            has_presence=field.has_presence,
            is_map=isinstance(field.type, MapType),
            rules=rules,
            element_rules=element_rules,
        )
    ]


_LENGTHS = frozenset({"min_length", "min_base64"})
"""Lower bounds a non-empty string or bytes value always meets when they are at most 1."""


def _field_checks(
    message: Message, checked: set[str], functions: dict[str, str], api: Api
) -> tuple[FieldCheckView, ...]:
    """The statements checking `message`'s fields and its sub-messages that need checking."""
    checks: list[FieldCheckView] = []
    for field in message.fields:
        target = message_target(field)
        function = functions[target] if target is not None and target in checked else ""
        if isinstance(field.type, MapType):
            nested = "map"
        elif field.label is FieldLabel.REPEATED:
            nested = "list"
        else:
            nested = "message"
        kinds: list[str] = []
        if field.required:
            kinds.append("required_message" if function and nested == "message" else "required")
        if function and "required_message" not in kinds:
            kinds.append(nested)
        checks.extend(
            FieldCheckView(
                kind=kind,
                field=field.name,
                json_name=field.json_name,
                is_keyword=keyword.iskeyword(field.name),
                tracks_presence=_tracks_presence(field),
                function=function,
            )
            for kind in kinds
        )
        checks.extend(_value_checks(field, api))
    return tuple(checks)


def validator(
    function: str, message_type: str, message: Message, checked: set[str], functions: dict[str, str], api: Api
) -> ValidatorView:
    """The check function `function` of `message`, whose class is spelled `message_type` in the module."""
    return ValidatorView(
        function=function,
        message_type=message_type,
        doc=docstrings.check_function(message_type),
        checks=_field_checks(message, checked, functions, api),
        rules=tuple(
            RuleView(
                exactly=rule.kind is RuleKind.EXACTLY_ONE,
                members=tuple(_member(message.field(name)) for name in rule.fields),
            )
            for rule in message.rules
        ),
    )
