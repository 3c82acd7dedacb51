"""`$ref` cycles: references that only lead to other references and back, never to a schema.

`A: {"$ref": B}` with `B: {"$ref": A}` (or `A: {"$ref": A}`) describes nothing, and every tool
that follows references loops on it (openapi-spec-validator ran into Python's recursion limit
after seconds and reported `#`). Each object holding a `$ref` has at most one successor (the
object it points to, if that holds a `$ref` too), so the cycles are found in one pass over the
references, in time linear in their number.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..diagnostics import Diagnostic, Severity, escape_pointer

__all__ = ["ref_cycles"]


def ref_cycles(data: Mapping[str, Any]) -> list[Diagnostic]:
    """One error per `$ref` cycle, at the `$ref` of its member that comes first in the document.

    The message lists the cycle's members in reference order (each `$ref`'s pointer). `data` is
    the parsed document; references that are not local or point nowhere are ignored here (load
    reports those itself).
    """
    holders: dict[int, str] = {}  # id of an object holding a `$ref` -> its pointer (document order)
    nodes: list[Mapping[str, Any]] = []
    for location, node in _ref_holders(data):
        if id(node) not in holders:
            holders[id(node)] = location
            nodes.append(node)
    successor: dict[int, int] = {}
    for node in nodes:
        target = _target(data, node["$ref"])
        if target is not None and id(target) in holders:
            successor[id(node)] = id(target)
    order = {key: index for index, key in enumerate(holders)}
    state: dict[int, int] = {}  # id -> the walk that reached it (walks are numbered from 1)
    found: list[tuple[int, Diagnostic]] = []
    for walk, start in enumerate(holders, start=1):
        path: list[int] = []
        current: int | None = start
        while current is not None and current not in state:
            state[current] = walk
            path.append(current)
            current = successor.get(current)
        if current is None or state[current] != walk:
            continue  # ended at a schema, or joined a walk that was already judged
        cycle = path[path.index(current) :]
        first = min(range(len(cycle)), key=lambda i: order[cycle[i]])
        cycle = cycle[first:] + cycle[:first]
        members = [holders[key] + "/$ref" for key in cycle]
        found.append(
            (
                order[cycle[0]],
                Diagnostic(
                    Severity.ERROR,
                    members[0],
                    "these references form a cycle and never reach a schema: " + " -> ".join([*members, members[0]]),
                    "point one of them at a schema (an object with a type or properties), or remove the cycle",
                ),
            )
        )
    return [diagnostic for _, diagnostic in sorted(found, key=lambda pair: pair[0])]


def _ref_holders(data: Any) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(pointer, object) for every object holding a string `$ref`, in document order (iteratively)."""
    stack: list[tuple[str, Any]] = [("#", data)]
    while stack:
        location, node = stack.pop()
        if isinstance(node, Mapping):
            if isinstance(node.get("$ref"), str):
                yield location, node
            stack.extend((f"{location}/{escape_pointer(str(k))}", v) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend((f"{location}/{i}", v) for i, v in reversed(list(enumerate(node))))


def _target(data: Mapping[str, Any], ref: str) -> Any:
    """The value a local `$ref` points to, or None when it is not local or points nowhere."""
    if ref == "#":
        return data
    if not ref.startswith("#/"):
        return None
    node: Any = data
    for token in ref[2:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node
