"""Descriptions in the `.pyi` stubs protoc writes: what editors show for message classes and fields.

protoc's `--pyi_out` stubs carry no documentation. `describe_stubs` adds the document's
descriptions as docstrings: one under each message and enum class, and one under each field's
annotation (the attribute docstring editors and documentation tools show). JSON and RPC names in
the prose are replaced by their Python names, as in the client docstrings. The stubs are otherwise
left exactly as protoc wrote them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..model import Enum, Message, ProtoPackage
from .docstrings import python_terms
from .source import Doc, docstring_filter, split_summary

__all__ = ["describe_stubs"]

_CLASS = re.compile(r"^(?P<indent> *)class (?P<name>\w+)\(")
_FIELD = re.compile(r"^(?P<indent> +)(?P<name>\w+): (?!_ClassVar)")


def _descriptions(
    package: str, messages: Iterable[Message], enums: Iterable[Enum]
) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """({full name: description} of types, {(message full name, field): description})."""
    types: dict[str, str] = {}
    fields: dict[tuple[str, str], str] = {}

    def walk(messages: Iterable[Message], enums: Iterable[Enum]) -> None:
        for enum in enums:
            types[enum.full_name] = enum.description
        for message in messages:
            types[message.full_name] = message.description
            for field in message.fields:
                fields[message.full_name, field.name] = field.description
            walk(message.nested_messages, message.nested_enums)

    walk(messages, enums)
    return types, fields


def _doc(text: str, indent: int, terms: Mapping[str, str]) -> list[str]:
    summary, body = split_summary(python_terms(text, terms))
    if not summary:
        # A long first paragraph is still the best summary there is (unless it is a list or a table).
        first, _, rest = body.partition("\n\n")
        if first and not first.lstrip().startswith(("-", "*", "#", "|", "`", "1.")):
            summary, body = first, rest
    if not summary and not body:
        return []
    literal = docstring_filter(Doc(summary=summary, body=body), indent)
    return [" " * indent + literal.lstrip(" ")] if "\n" not in literal else (" " * indent + literal).split("\n")


def describe_stubs(pyi: str, package: ProtoPackage, terms: Mapping[str, str]) -> str:
    """`pyi` (protoc's stub of `package`) with the descriptions of its messages, enums and fields."""
    types, fields = _descriptions(package.name, package.messages, package.enums)
    lines = pyi.split("\n")
    out: list[str] = []
    scopes: list[tuple[int, str]] = []  # (indent of the class body, proto full name)
    for line in lines:
        out.append(line)
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        while scopes and indent < scopes[-1][0]:
            scopes.pop()
        if match := _CLASS.match(line):
            parent = scopes[-1][1] if scopes else package.name
            full_name = f"{parent}.{match['name']}"
            scopes.append((indent + 4, full_name))
            out += _doc(types.get(full_name, ""), indent + 4, terms)
        elif scopes and indent == scopes[-1][0] and (match := _FIELD.match(line)):
            out += _doc(fields.get((scopes[-1][1], match["name"]), ""), indent, terms)
    return "\n".join(out)
