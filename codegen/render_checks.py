"""Required-field checks of the server applications: the views of the generated check functions.

A request message whose required field (`Field.required`) is missing or empty is answered with
`invalid_argument` before its handler runs. Each message that holds a required field, directly
or in a message below it, gets one check function; it appends the JSON paths of what is missing
(`spec.dimensions.widthCm`, `widgets[0].name`, `annotations['k'].value`) to a list.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Api, Field, FieldLabel, MapType, Message, MessageRef, Scalar
from .render_source import Doc, docstring, py_str

__all__ = ["FieldCheckView", "ValidatorView", "api_messages", "checked_messages", "message_target", "validator"]


@dataclass(frozen=True, slots=True)
class FieldCheckView:
    """One statement of a check function.

    kinds: `required` (append when `missing` holds), `required_message` (append when unset, else
    check the message), `message` (check when `present`), `list` and `map` (check every element).
    """

    kind: str
    missing: str
    """The condition under which a required field counts as missing."""
    missing_path: str
    """The expression appended to `missing`."""
    present: str
    accessor: str
    function: str
    nested_path: str


@dataclass(frozen=True, slots=True)
class ValidatorView:
    """A function that collects the missing required fields of one message (and its sub-messages)."""

    function: str
    signature: str
    """The `def` line(s), colon included."""
    docstring: str
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


def _accessor(field: Field) -> str:
    # protobuf keeps keyword-named fields as they are; only getattr reaches them.
    return f"getattr(message, {py_str(field.name)})" if keyword.iskeyword(field.name) else f"message.{field.name}"


def _missing_condition(field: Field) -> str:
    """When a required field counts as missing: unset, empty, zero, or enum value 0."""
    has_field = f"message.HasField({py_str(field.name)})"
    if field.label is FieldLabel.REPEATED or isinstance(field.type, MapType):
        return f"not {_accessor(field)}"
    if isinstance(field.type, MessageRef):
        return f"not {has_field}"
    if isinstance(field.type, Scalar) and field.type not in (Scalar.STRING, Scalar.BYTES) and field.has_presence:
        # A number or bool with explicit presence: a present zero is a value.
        return f"not {has_field}"
    return f"not {_accessor(field)}"


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
        for kind in kinds:
            # Paths name fields as protobuf JSON does: `spec.dimensions.widthCm`, `widgets[0].name`.
            suffix = "." if nested == "message" else ""
            checks.append(
                FieldCheckView(
                    kind=kind,
                    missing=_missing_condition(field),
                    missing_path=f"path + {py_str(field.json_name)}",
                    present=f"message.HasField({py_str(field.name)})",
                    accessor=_accessor(field),
                    function=function,
                    nested_path=f"path + {py_str(field.json_name + suffix)}",
                )
            )
    return tuple(checks)


def validator(
    function: str, message_type: str, message: Message, checked: set[str], functions: dict[str, str]
) -> ValidatorView:
    """The check function `function` of `message`, whose class is spelled `message_type` in the module."""
    signature = f"def {function}(message: {message_type}, path: str, missing: list[str]) -> None:"
    if len(signature) > 100:
        params = "".join(f"    {param},\n" for param in (f"message: {message_type}", "path: str", "missing: list[str]"))
        signature = f"def {function}(\n{params}) -> None:"
    summary = f"Add the missing required fields of a `{message_type}` to `missing`, as JSON paths"
    return ValidatorView(
        function=function,
        signature=signature,
        docstring=docstring(Doc(summary=summary), 4),
        checks=_field_checks(message, checked, functions),
    )
