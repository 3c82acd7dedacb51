"""What the diff reads from the OpenAPI documents themselves, beyond the model: enum value
pointers, validation keywords and idempotency (a Connect GET beside the POST)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["VALIDATION_KEYWORDS", "at", "enum_value_pointer", "has_get", "validation_rules"]

# JSON Schema keywords that constrain values without changing the proto type.
VALIDATION_KEYWORDS = (
    "const",
    "exclusiveMaximum",
    "exclusiveMinimum",
    "maxItems",
    "maxLength",
    "maxProperties",
    "maximum",
    "minItems",
    "minLength",
    "minProperties",
    "minimum",
    "multipleOf",
    "pattern",
    "uniqueItems",
)


def at(document: Mapping[str, Any], pointer: str) -> Any:
    """The value at a `#/...` JSON pointer in `document`, or None when it points nowhere."""
    node: Any = document
    for token in pointer.removeprefix("#").split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node


def enum_value_pointer(document: Mapping[str, Any], enum_pointer: str, value: str) -> str:
    """The pointer of `value` in the `enum` list of the schema at `enum_pointer` (the schema's when absent)."""
    schema = at(document, enum_pointer)
    values = schema.get("enum") if isinstance(schema, Mapping) else None
    if isinstance(values, list) and value in values:
        return f"{enum_pointer}/enum/{values.index(value)}"
    return enum_pointer


def validation_rules(document: Mapping[str, Any], property_pointer: str) -> dict[str, Any]:
    """The validation keywords of a property (and of its array items, as `items.<keyword>`)."""
    schema = at(document, property_pointer)
    if not isinstance(schema, Mapping):
        return {}
    rules = {key: schema[key] for key in VALIDATION_KEYWORDS if key in schema}
    items = schema.get("items")
    if isinstance(items, Mapping):
        rules.update({f"items.{key}": items[key] for key in VALIDATION_KEYWORDS if key in items})
    return rules


def has_get(document: Mapping[str, Any], operation_pointer: str) -> bool:
    """True when the path of the operation also has a GET: protoc-gen-connect-openapi's sign of an
    `idempotency_level = NO_SIDE_EFFECTS` method (Connect may call it with GET)."""
    path_item = at(document, operation_pointer.rpartition("/")[0])
    return isinstance(path_item, Mapping) and isinstance(path_item.get("get"), Mapping)
