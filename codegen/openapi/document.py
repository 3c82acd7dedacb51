"""The loaded document: the parsed JSON, never modified, and `$ref` resolution."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic

__all__ = ["LOCAL_REF", "Document"]

LOCAL_REF = "#/"


@dataclass(frozen=True)
class Document:
    """A parsed, validated OpenAPI document."""

    source: str
    """The file name the document was read from (for messages and generated headers)."""
    data: Mapping[str, Any] = field(repr=False)
    findings: tuple[Diagnostic, ...] = ()
    """What openapi-spec-validator and the `$ref` check found, unsorted: whether each is an error depends on
    whether the converter reads the place (`openapi.findings.sort_findings`), known only after conversion."""
    notes: tuple[Diagnostic, ...] = ()
    """Warnings from reading the file (YAML keys that are not strings, duplicate keys)."""
    written: Mapping[str, str] = field(default_factory=dict, repr=False)
    """{JSON pointer: source text} of YAML scalars that are not strings (`version: 1.10`), to quote them."""

    @property
    def schemas(self) -> Mapping[str, Any]:
        """`components.schemas`, or an empty mapping."""
        components = self.data.get("components")
        schemas = components.get("schemas") if isinstance(components, Mapping) else None
        return schemas if isinstance(schemas, Mapping) else {}

    def resolve(self, ref: str) -> tuple[str, Any]:
        """Follow a local `$ref` to (its JSON pointer, the value). Raises KeyError when it points nowhere."""
        if not ref.startswith(LOCAL_REF):
            raise KeyError(ref)
        node: Any = self.data
        for token in ref[len(LOCAL_REF) :].split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            if isinstance(node, Mapping) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise KeyError(ref)
        return ref, node
