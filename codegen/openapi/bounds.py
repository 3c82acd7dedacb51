"""Limits that keep a hostile or broken document from exhausting time or stack.

- `MAX_DEPTH`: every later step walks the document recursively; a document nested more deeply
  than any real API description (5,000 levels, say) would end in RecursionError.
- `yaml_alias_problem`: YAML aliases share one node many times, so 600 bytes of anchors inside
  anchors (a "billion laughs") expand to billions of nodes for whoever walks the data. The
  check runs on the composed node graph, before any data is built, and works for any loader
  whose nodes hold their children in `.value` (PyYAML's and ruamel.yaml's both do).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..diagnostics import Diagnostic, Severity, escape_pointer

__all__ = ["MAX_DEPTH", "alias_expansion_limit", "depth_problem", "yaml_alias_problem"]

MAX_DEPTH = 256
"""Deepest nesting of objects and arrays accepted; real documents stay under about 30."""


def depth_problem(data: Any) -> Diagnostic | None:
    """An error at the first value nested more than `MAX_DEPTH` levels deep, or None.

    Iterative, so it is safe on any depth the parser produced.
    """
    stack: list[tuple[Any, str, int]] = [(data, "#", 0)]
    while stack:
        node, location, depth = stack.pop()
        if depth > MAX_DEPTH:
            return Diagnostic(
                Severity.ERROR,
                location,
                f"the document is nested more than {MAX_DEPTH} levels deep here",
                "flatten the schema: move nested object schemas into components and use $ref",
            )
        if isinstance(node, Mapping):
            stack.extend((v, f"{location}/{escape_pointer(str(k))}", depth + 1) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, f"{location}/{i}", depth + 1) for i, v in enumerate(node))
    return None


def alias_expansion_limit(distinct_nodes: int) -> int:
    """How many nodes a YAML document may expand to through aliases: 10x its distinct nodes, at least 100,000."""
    return max(100_000, 10 * distinct_nodes)


def yaml_alias_problem(root: Any) -> Diagnostic | None:
    """An error when aliases make the YAML node graph under `root` too big (or cyclic), else None.

    `root` is a composed node: a mapping node's `.value` is a list of (key, value) node pairs, a
    sequence node's a list of nodes, a scalar's a string. Time and memory are linear in the
    number of distinct nodes. The error is at the JSON pointer of the deepest value that alone
    expands beyond the limit (for a cycle: of the alias that closes it).
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Any, str, bool]] = [(root, "#", False)]
    while stack:
        node, location, finished = stack.pop()
        key = id(node)
        if finished:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for _, child in _children(node))
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            return Diagnostic(
                Severity.ERROR,
                location,
                "this YAML alias refers to a node that contains it (a recursive alias)",
                "JSON data cannot be recursive; use a $ref to a component instead",
            )
        open_nodes.add(key)
        stack.append((node, location, True))
        stack.extend((child, f"{location}/{token}", False) for token, child in reversed(_children(node)))
    limit = alias_expansion_limit(len(sizes))
    if sizes[id(root)] <= limit:
        return None
    node, location = root, "#"
    while True:
        bigger = [(sizes[id(c)], token, c) for token, c in _children(node) if sizes[id(c)] > limit]
        if not bigger:
            break
        _, token, node = max(bigger, key=lambda entry: entry[0])
        location = f"{location}/{token}"
    return Diagnostic(
        Severity.ERROR,
        location,
        f"YAML aliases expand this value{_line(node)} to {sizes[id(node)]:,} nodes "
        f"(limit {limit:,}; anchors inside anchors?)",
        "write the repeated parts out, or share them with $ref instead of YAML aliases",
    )


def _children(node: Any) -> list[tuple[str, Any]]:
    """(JSON pointer token, child node) of a composed YAML node, keys included for mappings."""
    value = getattr(node, "value", None)
    if not isinstance(value, list):
        return []
    children: list[tuple[str, Any]] = []
    for index, item in enumerate(value):
        if isinstance(item, tuple):
            key, child = item
            token = escape_pointer(str(getattr(key, "value", key)))
            children.append((token, key))
            children.append((token, child))
        else:
            children.append((str(index), item))
    return children


def _line(node: Any) -> str:
    """` (line N)` where the node starts in the YAML text, when the loader recorded it."""
    mark = getattr(node, "start_mark", None)
    line = getattr(mark, "line", None)
    return f" (line {line + 1})" if isinstance(line, int) else ""
