"""Read YAML the way OpenAPI 3.1 says: YAML 1.2, into the JSON data model.

ruamel.yaml parses and composes the document (anchors, aliases, flow and block styles); the
scalars are then resolved here by YAML 1.2's core schema, so `on`, `ON`, `yes`, `no`, `y`, `n`
stay strings (YAML 1.1 readers such as PyYAML turn them into booleans), and a date stays the
text it is (JSON has no dates). What YAML 1.2 does make a non-string (a key `200:`, a value
`version: 1.10`) is remembered as written, so diagnostics can quote what the author typed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import CodegenError, Diagnostic, Severity, escape_pointer
from .bounds import yaml_alias_problem

__all__ = ["ParsedYaml", "parse_yaml"]

_TAG = "tag:yaml.org,2002:"
_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
_BOOL = re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z")
_INT = re.compile(r"[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")


@dataclass(frozen=True)
class ParsedYaml:
    """A YAML document as JSON data, with what YAML 1.2 read as something other than text."""

    data: Any
    written: Mapping[str, str]
    """{JSON pointer: the source text} of every scalar value that is not a string (numbers, booleans, null)."""
    diagnostics: tuple[Diagnostic, ...]
    """Warnings about keys that are not strings (kept, as the text written)."""


def parse_yaml(text: str, path: Path) -> ParsedYaml:
    """Parse `text` (the file at `path`) as YAML 1.2. Raises CodegenError (with file:line:col) on bad YAML."""
    reader = YAML(typ="rt", pure=True)
    reader.version = (1, 2)
    try:
        node = reader.compose(text)
    except YAMLError as exc:
        raise CodegenError([_syntax_error(exc, path)]) from exc
    if node is None:
        return ParsedYaml(None, {}, ())
    # Aliases inside aliases expand without bound for whoever walks the data: refuse before building it.
    problem = yaml_alias_problem(node)
    if problem is not None:
        raise CodegenError([problem])
    builder = _Builder(path)
    data = builder.value(node, "#")
    return ParsedYaml(data, builder.written, tuple(builder.diagnostics))


def _syntax_error(exc: YAMLError, path: Path) -> Diagnostic:
    mark = exc.problem_mark if isinstance(exc, MarkedYAMLError) else None
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
    problem = exc.problem if isinstance(exc, MarkedYAMLError) and exc.problem else str(exc)
    return Diagnostic(Severity.ERROR, where, f"invalid YAML: {problem}", "fix the syntax")


class _Builder:
    """Turns composed nodes into JSON data, noting where YAML 1.2 read something other than text."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.written: dict[str, str] = {}
        self.diagnostics: list[Diagnostic] = []
        self._open: set[int] = set()

    def value(self, node: Node, location: str) -> Any:
        if isinstance(node, ScalarNode):
            value = _scalar(node)
            if not isinstance(value, str):
                self.written[location] = str(node.value)
            return value
        if id(node) in self._open:
            raise CodegenError(
                [
                    Diagnostic(
                        Severity.ERROR,
                        self._where(node),
                        "an alias refers to a node that contains it (a cycle JSON cannot hold)",
                        "replace the alias by a copy of the data",
                    )
                ]
            )
        self._open.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.value(item, f"{location}/{index}") for index, item in enumerate(node.value)]
            if isinstance(node, MappingNode):
                return self._mapping(node, location)
        finally:
            self._open.discard(id(node))
        raise CodegenError(
            [Diagnostic(Severity.ERROR, self._where(node), "unsupported YAML node", "use plain YAML 1.2 data")]
        )

    def _mapping(self, node: MappingNode, location: str) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, location)
            spot = f"{location}/{escape_pointer(key)}"
            if key in result:
                self.diagnostics.append(
                    Diagnostic(
                        Severity.WARNING,
                        spot,
                        f"the key {key!r} appears twice in one mapping ({self._where(key_node)}); the last one counts",
                        "remove the duplicate",
                    )
                )
            result[key] = self.value(value_node, spot)
        return result

    def _key(self, node: Node, location: str) -> str:
        if not isinstance(node, ScalarNode):
            raise CodegenError(
                [
                    Diagnostic(
                        Severity.ERROR,
                        self._where(node),
                        f"a key under {location} is a list or mapping, which JSON cannot hold",
                        "use a string key",
                    )
                ]
            )
        text = str(node.value)
        value = _scalar(node)
        if not isinstance(value, str):
            kind = "null" if value is None else type(value).__name__
            self.diagnostics.append(
                Diagnostic(
                    Severity.WARNING,
                    f"{location}/{escape_pointer(text)}",
                    f"the key `{text}` ({self._where(node)}) is not a string in YAML 1.2 but {_article(kind)}; "
                    f"read as the text {text!r}",
                    f"quote it in the YAML file ('{text}'): JSON and OpenAPI keys are strings",
                )
            )
        return text

    def _where(self, node: Node) -> str:
        mark = node.start_mark
        return f"{self.path.name}:{mark.line + 1}:{mark.column + 1}"


def _scalar(node: ScalarNode) -> Any:
    """A scalar by YAML 1.2's core schema; quoted scalars and explicit `!!str` are always text."""
    text = str(node.value)
    tag = str(node.tag.value if hasattr(node.tag, "value") else node.tag) if node.tag is not None else ""
    if node.style is not None or tag == _TAG + "str":
        return text
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text.lower() == "true"
    if _INT.match(text):
        sign = -1 if text.startswith("-") else 1
        digits = text.lstrip("+-")
        return sign * int(digits, 8 if digits.startswith("0o") else 16 if digits.startswith("0x") else 10)
    if _FLOAT.match(text):
        return float(text)
    if _INFINITY.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text


def _article(kind: str) -> str:
    return {"int": "an integer", "float": "a number", "bool": "a boolean", "null": "null"}.get(kind, kind)
