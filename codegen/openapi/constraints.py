"""The validation keywords of a property schema -> `Constraints`.

protoc-gen-connect-openapi writes protovalidate rules as JSON Schema keywords (its `protovalidate.md`):
`minLength`/`maxLength`, `pattern`, `format` (email, uuid, ...), `minimum`/`maximum`,
`exclusiveMinimum`/`exclusiveMaximum`, `minItems`/`maxItems`/`uniqueItems`, `enum` (`in`), `const`,
`not: {enum}` (`not_in`); the rules of a repeated field's elements (or a map's values) sit on `items`
(`additionalProperties`). They constrain values, they are never proto structure. Keywords whose value
has the wrong JSON type are left to openapi-spec-validator, which reports them at their pointer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import Constraints, ConstraintValue

__all__ = ["TYPE_FORMATS", "read_constraints"]

TYPE_FORMATS = frozenset(
    {
        "byte",
        "binary",
        "int32",
        "int64",
        "uint32",
        "uint64",
        "sint32",
        "sint64",
        "fixed32",
        "fixed64",
        "sfixed32",
        "sfixed64",
        "float",
        "double",
    }
)
"""Formats that choose the proto type (`bytes`, the integer kinds) rather than constrain the value."""


def read_constraints(node: Any) -> Constraints:
    """The constraints a schema object states about its value (an empty `Constraints` for anything else)."""
    if not isinstance(node, Mapping):
        return Constraints()
    minimum, exclusive_minimum = _bound(node, "minimum", "exclusiveMinimum")
    maximum, exclusive_maximum = _bound(node, "maximum", "exclusiveMaximum")
    fmt = node.get("format")
    allowed: tuple[ConstraintValue, ...] = ()
    if isinstance(node.get("enum"), list):
        allowed = tuple(v for v in node["enum"] if _is_value(v))
    elif "const" in node and _is_value(node["const"]):
        allowed = (node["const"],)
    rejected = node.get("not")
    disallowed: tuple[ConstraintValue, ...] = ()
    if isinstance(rejected, Mapping) and isinstance(rejected.get("enum"), list):
        disallowed = tuple(v for v in rejected["enum"] if _is_value(v))
    element = node.get("items") if node.get("items") is not None else node.get("additionalProperties")
    items = read_constraints(element) if isinstance(element, Mapping) else None
    return Constraints(
        min_length=_count(node, "minLength"),
        max_length=_count(node, "maxLength"),
        pattern=node["pattern"] if isinstance(node.get("pattern"), str) else None,
        format=fmt if isinstance(fmt, str) and fmt not in TYPE_FORMATS and _is_text(node) else None,
        minimum=minimum,
        maximum=maximum,
        exclusive_minimum=exclusive_minimum,
        exclusive_maximum=exclusive_maximum,
        min_items=_count(node, "minItems") if _count(node, "minItems") is not None else _count(node, "minProperties"),
        max_items=_count(node, "maxItems") if _count(node, "maxItems") is not None else _count(node, "maxProperties"),
        unique_items=node.get("uniqueItems") is True,
        allowed=allowed,
        disallowed=disallowed,
        items=None if items is None or items.is_empty else items,
    )


def _bound(node: Mapping[str, Any], inclusive: str, exclusive: str) -> tuple[int | float | None, int | float | None]:
    """(inclusive bound, exclusive bound); OpenAPI 3.0's boolean `exclusiveMinimum: true` moves the bound."""
    bound = node.get(inclusive)
    bound = bound if _is_number(bound) else None
    flag = node.get(exclusive)
    if flag is True:
        return None, bound
    return bound, flag if _is_number(flag) else None


def _count(node: Mapping[str, Any], key: str) -> int | None:
    value = node.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_value(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool))


def _is_text(node: Mapping[str, Any]) -> bool:
    declared = node.get("type", "string")
    types = declared if isinstance(declared, list) else [declared]
    return "string" in types and "integer" not in types
