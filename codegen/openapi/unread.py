"""JSON Schema keywords that change what a value may be but have no reading in the converter.

protoc-gen-connect-openapi never writes them, but a hand-edited or post-processed document may. They are
not silently dropped: each is a warning at its pointer, saying the .proto (and the generated code) does
not express it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..diagnostics import Reporter, escape_pointer, pointer

__all__ = ["report_unread_keywords"]

_UNREAD = frozenset(
    {
        "if",
        "then",
        "else",
        "dependentRequired",
        "dependentSchemas",
        "patternProperties",
        "propertyNames",
        "prefixItems",
        "contains",
        "minContains",
        "maxContains",
        "unevaluatedProperties",
        "unevaluatedItems",
        "multipleOf",
        "$dynamicRef",
    }
)
# Keys whose values are not schemas, so nothing below them is a keyword.
_DATA = frozenset({"enum", "const", "default", "examples", "example", "required", "discriminator", "xml"})


def report_unread_keywords(schemas: Mapping[str, Any], names: Iterable[str], reporter: Reporter) -> None:
    """Warn about every keyword in `_UNREAD` inside the components `names` (the ones converted)."""
    for name in names:
        for location, keyword in _find(schemas.get(name), pointer("components", "schemas", name)):
            reporter.warning(
                f"{location}/{escape_pointer(keyword)}",
                f"`{keyword}` is not read: the .proto and the generated code do not express it",
                "express the rule in the API's own validation, or remove it from the document",
            )


def _find(node: Any, location: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            # `unevaluatedProperties: false` closes the object, as a message is closed: nothing is lost.
            if key in _UNREAD and value is not False:
                yield location, str(key)
            if key in _DATA or str(key).startswith("x-"):
                continue
            if key == "properties" and isinstance(value, Mapping):
                for prop, schema in value.items():
                    yield from _find(schema, f"{location}/properties/{escape_pointer(str(prop))}")
            else:
                yield from _find(value, f"{location}/{escape_pointer(str(key))}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _find(item, f"{location}/{index}")
