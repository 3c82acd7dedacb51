"""Rules protoc and the protobuf Python runtime enforce, checked on the model at the document's pointers.

protoc must never be the first to find a problem: its message names a line of a .proto file the user
never wrote. So before printing, every name is checked the way protoc checks it:

- one definition per full name: packages, messages, enums, services, methods, fields and oneofs in
  their scopes, and enum values in the scope *around* their enum (C++ scoping: `Color.RED` is defined
  as `<package>.RED`);
- proto3 enum values stay distinct once the enum's name is stripped from their front and case is
  ignored (`ANSWER_NO` and `no` in `Answer` clash);
- the default JSON names (lowerCamel of the field name) of a message's fields are distinct;
- and the names the generated `_pb2` modules own: a type or top-level enum value called `DESCRIPTOR`
  (or one of the module's private globals) replaces the module's own; inside a message, a nested type
  or enum value named like an attribute of the runtime's `Message` class replaces that attribute.
"""

from __future__ import annotations

from ..diagnostics import Reporter
from ..model import Api, Enum, Message
from ..naming import MESSAGE_ATTRIBUTES, MODULE_GLOBALS, lower_camel

__all__ = ["check_api"]


def check_api(api: Api, reporter: Reporter) -> None:
    """Report every clash protoc or the Python runtime would hit, at the pointer of the later definition."""
    symbols = _Symbols(reporter)
    for package in api.packages:
        segments = package.name.split(".") if package.name else []
        for index in range(len(segments)):
            symbols.package(".".join(segments[: index + 1]))
    for package in api.packages:
        for message in package.messages:
            _message(message, symbols, reporter, top_level=True)
        for enum in package.enums:
            _enum(enum, symbols, reporter, module_level=True)
        for service in package.services:
            location = service.location or (service.methods[0].location if service.methods else "")
            symbols.define(service.full_name, "service", location)
            for method in service.methods:
                symbols.define(f"{service.full_name}.{method.name}", "method", method.location)


class _Symbols:
    """Full name -> (kind, where), the way protoc's symbol table holds them."""

    def __init__(self, reporter: Reporter) -> None:
        self._reporter = reporter
        self._defined: dict[str, tuple[str, str]] = {}

    def package(self, name: str) -> None:
        found = self._defined.get(name)
        if found is None:
            self._defined[name] = ("package", "")
        elif found[0] != "package":
            self._clash(name, "package", found, "")

    def define(self, full_name: str, kind: str, location: str, note: str = "") -> bool:
        found = self._defined.get(full_name)
        if found is not None:
            self._clash(full_name, kind, found, location, note)
            return False
        self._defined[full_name] = (kind, location)
        return True

    def _clash(self, full_name: str, kind: str, first: tuple[str, str], location: str, note: str = "") -> None:
        scope, _, short = full_name.rpartition(".")
        where = f" ({first[1]})" if first[1] else ""
        self._reporter.error(
            location or first[1] or "#",
            f"the {kind} {short!r} is already defined in {scope or 'the root scope'!r} as {_a(first[0])}{where}"
            + (f"; {note}" if note else ""),
            "protoc rejects two definitions of one name in a scope: rename one of them in the document "
            "(the component key, the property's `title`, or the enum value)",
        )


def _message(message: Message, symbols: _Symbols, reporter: Reporter, *, top_level: bool) -> None:
    full = message.full_name
    if top_level and message.name in MODULE_GLOBALS:
        _runtime_clash(reporter, message.location, "message", message.name, "the generated module's own")
    elif not top_level and message.name in MESSAGE_ATTRIBUTES:
        _runtime_clash(reporter, message.location, "nested message", message.name, "an attribute of every message")
    symbols.define(full, "message", message.location)
    defaults: dict[str, str] = {}
    for field in message.fields:
        symbols.define(f"{full}.{field.name}", "field", field.location)
        default = lower_camel(field.name)
        if default in defaults:
            reporter.error(
                field.location,
                f"the default JSON name of field {field.name!r} ({default!r}) is that of field {defaults[default]!r}",
                "protoc rejects fields whose lowerCamel names are equal: rename one of them (its `title`)",
            )
        defaults.setdefault(default, field.name)
    for oneof in message.oneofs:
        first = message.field(oneof.field_names[0]).location if oneof.field_names else message.location
        symbols.define(f"{full}.{oneof.name}", "oneof", first)
    for child in message.nested_messages:
        _message(child, symbols, reporter, top_level=False)
    for enum in message.nested_enums:
        _enum(enum, symbols, reporter, module_level=False)


def _enum(enum: Enum, symbols: _Symbols, reporter: Reporter, *, module_level: bool) -> None:
    scope = enum.full_name.rpartition(".")[0]
    reserved = MODULE_GLOBALS if module_level else MESSAGE_ATTRIBUTES
    if enum.name in reserved:
        _runtime_clash(reporter, enum.location, "enum", enum.name, _owner(module_level))
    symbols.define(enum.full_name, "enum", enum.location)
    note = (
        f"enum values are siblings of their enum (C++ scoping), so {enum.name}'s values must be unique in "
        f"{scope or 'the root scope'!r}: prefix them with the enum's name"
    )
    for value in enum.values:
        location = _value_location(enum, value.name)
        if value.name in reserved:
            _runtime_clash(reporter, location, "enum value", value.name, _owner(module_level))
        symbols.define(f"{scope}.{value.name}" if scope else value.name, "enum value", location, note)
    _check_stripped_names(enum, reporter)


def _owner(module_level: bool) -> str:
    return "the generated module's own" if module_level else "an attribute of every message"


def _runtime_clash(reporter: Reporter, location: str, kind: str, name: str, owner: str) -> None:
    reporter.error(
        location,
        f"the {kind} name {name!r} is {owner} in the protobuf Python runtime: the generated package would break",
        "rename it in the document (the component key or enum value); the wire format does not carry type names",
    )


def _value_location(enum: Enum, name: str) -> str:
    found = next((v for v in enum.values if v.name == name), None)
    return (found.location if found is not None else "") or enum.location


def _check_stripped_names(enum: Enum, reporter: Reporter) -> None:
    """protoc's proto3 rule: values must differ once the enum name prefix is removed and case ignored."""
    seen: dict[str, tuple[str, int]] = {}
    for value in enum.values:
        key = _pascal_case(_without_prefix(value.name, enum.name))
        if key in seen and seen[key][1] != value.number:
            reporter.error(
                _value_location(enum, value.name),
                f"enum value {value.name!r} of {enum.full_name!r} is {seen[key][0]!r} once the prefix "
                f"{enum.name!r} is removed and case is ignored",
                "protoc rejects such values in proto3 (JSON parsers could not tell them apart): rename one",
            )
        seen.setdefault(key, (value.name, value.number))


def _without_prefix(value: str, enum_name: str) -> str:
    """protoc's PrefixRemover: drop `enum_name` (underscores and case ignored) from the front of `value`."""
    prefix = enum_name.replace("_", "").lower()
    index = 0
    matched = 0
    while index < len(value) and matched < len(prefix):
        if value[index] == "_":
            index += 1
            continue
        if value[index].lower() != prefix[matched]:
            return value
        index += 1
        matched += 1
    if matched < len(prefix):
        return value
    while index < len(value) and value[index] == "_":
        index += 1
    return value[index:] or value


def _pascal_case(name: str) -> str:
    return "".join(word[:1].upper() + word[1:].lower() for word in name.split("_") if word)


def _a(kind: str) -> str:
    return ("an " if kind[:1] in "aeiou" else "a ") + kind
