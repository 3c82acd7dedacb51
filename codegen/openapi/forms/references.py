"""Reference forms: `$ref: '#/components/schemas/<full name>'` -> that message or enum."""

from __future__ import annotations

from ...diagnostics import Reporter
from ...model import EnumRef, MessageRef, TypeRef
from ..components import REF_PREFIX, ComponentIndex, ComponentKind

__all__ = ["reference"]


def reference(ref: str | None, location: str, index: ComponentIndex, reporter: Reporter) -> TypeRef | None:
    """The message or enum `ref` names, or None after reporting why it names neither."""
    if ref is None or not ref.startswith(REF_PREFIX):
        reporter.error(
            location,
            f"{ref if ref is not None else 'the $ref'!r} does not name a component schema",
            f"refer to `{REF_PREFIX}<full name>`",
        )
        return None
    name = ref[len(REF_PREFIX) :]
    kind = index.kinds.get(name)
    if kind in (ComponentKind.MESSAGE, ComponentKind.WELL_KNOWN_MESSAGE):
        return MessageRef(name)
    if kind in (ComponentKind.ENUM, ComponentKind.WELL_KNOWN_ENUM):
        return EnumRef(name)
    reporter.error(
        location,
        f"{name!r} is a {kind.value if kind else 'missing'} schema, not a message or enum",
        "a field can only refer to a message or enum component",
    )
    return None
