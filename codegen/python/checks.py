"""Required-field checks of the server applications: the views of the generated check functions.

The templates spell the checks (`templates/_validator.py.jinja`); this module decides which
message needs a check function and what each field's check is.

A request message whose required field (`Field.required`) is missing or empty is answered with
`invalid_argument` before its handler runs. Each message that holds a required field, directly
or in a message below it, gets one check function; it appends the JSON paths of what is missing
(`spec.dimensions.widthCm`, `widgets[0].name`, `annotations['k'].value`) to a list.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Api, Field, FieldLabel, MapType, Message, MessageRef, Scalar
from . import docstrings
from .source import Doc

__all__ = ["FieldCheckView", "ValidatorView", "api_messages", "checked_messages", "message_target", "validator"]


@dataclass(frozen=True, slots=True)
class FieldCheckView:
    """One statement of a check function, about one field.

    kinds: `required` (report the field when missing), `required_message` (report it when unset,
    else check the message it holds), `message` (check the message when set), `list` and `map`
    (check every message of a repeated or map field).
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


@dataclass(frozen=True, slots=True)
class ValidatorView:
    """A function that collects the missing required fields of one message (and its sub-messages)."""

    function: str
    message_type: str
    """How the message's class is spelled in the module."""
    doc: Doc
    checks: tuple[FieldCheckView, ...]


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


def checked_messages(messages: dict[str, Message], roots: Iterable[str]) -> set[str]:
    """Messages reachable from `roots` that hold a required field somewhere below them."""
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
    checked = {name for name in reachable if any(field.required for field in messages[name].fields)}
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


def _field_checks(message: Message, checked: set[str], functions: dict[str, str]) -> tuple[FieldCheckView, ...]:
    """The statements checking `message`'s required fields and its sub-messages that need checking."""
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
    return tuple(checks)


def validator(
    function: str, message_type: str, message: Message, checked: set[str], functions: dict[str, str]
) -> ValidatorView:
    """The check function `function` of `message`, whose class is spelled `message_type` in the module."""
    return ValidatorView(
        function=function,
        message_type=message_type,
        doc=docstrings.check_function(message_type),
        checks=_field_checks(message, checked, functions),
    )
