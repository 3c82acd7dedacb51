"""`with-proto-annotations`: the exact proto type protoc-gen-connect-openapi appends to a description.

With that option every property's description ends with `(proto <type>)`: `(proto uint64)`,
`(proto sfixed32)`, `(proto acme.v1.Unit)`. It is the only place the document tells the integer
kinds apart (all 64-bit kinds are written alike, as are int32/sint32/sfixed32 and uint32/fixed32),
and it is not part of the author's comment, so it is taken out of the description.
"""

from __future__ import annotations

import re

from ..model import Scalar

__all__ = ["split_annotation"]

_ANNOTATION = re.compile(r"\s*\(proto (?P<type>[A-Za-z_][A-Za-z0-9_.]*)\)\s*")
_SCALARS = {scalar.value: scalar for scalar in Scalar}


def split_annotation(description: str) -> tuple[str, Scalar | None]:
    """(the description without `(proto <type>)`, the scalar it names, or None for messages, enums, none)."""
    found = list(_ANNOTATION.finditer(description))
    if not found:
        return description, None
    last = found[-1]
    text = (description[: last.start()] + " " + description[last.end() :]).strip()
    # Keep the author's paragraphs, but not the blank line the annotation sat behind.
    text = re.sub(r"[ \t]+\n", "\n", text)
    return text, _SCALARS.get(last["type"])
