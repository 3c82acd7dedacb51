"""protoc's name scoping: how to write a type's name inside a package, message or service."""

from __future__ import annotations

from ..model import WELL_KNOWN_TYPES, Api

__all__ = ["ProtoNames"]


class ProtoNames:
    """The shortest name under which protoc finds a type from a given scope.

    protoc resolves a relative name like C++: the first component is looked up in the innermost
    scope, then the enclosing ones, and the first scope where it exists wins, even when the rest of
    the name is not there. So a nested `Paint.Color` shadows a package-level `Color` inside
    `Paint`, and a package segment can shadow a top-level package (`acme.google` hides `google`).
    A name is only shortened when that lookup lands on the intended type; otherwise the fully
    qualified `.pkg.Type` is written.
    """

    def __init__(self, api: Api) -> None:
        types: set[str] = set(WELL_KNOWN_TYPES)
        aggregates: set[str] = set()
        for package in api.packages:
            segments = package.name.split(".")
            aggregates.update(".".join(segments[: i + 1]) for i in range(len(segments)))
            aggregates.update(service.full_name for service in package.services)
            stack = list(package.messages)
            types.update(enum.full_name for enum in package.enums)
            while stack:
                message = stack.pop()
                types.add(message.full_name)
                types.update(enum.full_name for enum in message.nested_enums)
                stack.extend(message.nested_messages)
        for name in WELL_KNOWN_TYPES:
            segments = name.split(".")[:-1]
            aggregates.update(".".join(segments[: i + 1]) for i in range(len(segments)))
        self._types = frozenset(types)
        self._aggregates = frozenset(aggregates | types)

    def relative(self, full_name: str, scope: str) -> str:
        """How to write `full_name` inside `scope` (a package, message or service full name)."""
        parts = full_name.split(".")
        for start in range(len(parts) - 1, -1, -1):
            candidate = ".".join(parts[start:])
            if self._resolve(candidate, scope) == full_name:
                return candidate
        return "." + full_name

    def _resolve(self, name: str, scope: str) -> str | None:
        first, _, rest = name.partition(".")
        scope_parts = scope.split(".") if scope else []
        for depth in range(len(scope_parts), -1, -1):
            prefix = ".".join(scope_parts[:depth])
            found = f"{prefix}.{first}" if prefix else first
            if rest:
                if found in self._aggregates:
                    full = f"{found}.{rest}"
                    return full if full in self._types else None
            elif found in self._types:
                return found
        return None
