"""API conventions the generated clients recognise by the shapes of messages, whatever the API.

- Pagination (AIP-158): a unary method whose request has a string `page_token` and whose response
  has a string `next_page_token` and exactly one repeated field (the items) gets an
  `iter_<method>` that follows the tokens.
- Resumable streams: a server-streaming method whose request has a string `cursor` and whose
  responses carry a string `next_cursor` can reopen a cut stream after the newest cursor.

The field names are those of `helpers.py` (`_PAGE_TOKEN`, `_CURSOR`, ...), which the generated
code reads and writes.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import EnumRef, Field, FieldLabel, Message, MessageRef, Method, Scalar, StreamKind

__all__ = ["page_items", "resumable", "scalar_python_type"]

_PYTHON_SCALARS = {
    Scalar.DOUBLE: "float",
    Scalar.FLOAT: "float",
    Scalar.BOOL: "bool",
    Scalar.STRING: "str",
    Scalar.BYTES: "bytes",
}


def _has_string(message: Message | None, name: str) -> bool:
    return message is not None and any(
        field.name == name and field.type is Scalar.STRING and field.label is not FieldLabel.REPEATED
        for field in message.fields
    )


def page_items(method: Method, messages: Mapping[str, Message]) -> Field | None:
    """The repeated field holding the items of a paginated method's response, or None if it is not paginated."""
    if method.stream is not StreamKind.UNARY:
        return None
    response = messages.get(method.output.full_name)
    if not _has_string(messages.get(method.input.full_name), "page_token") or not _has_string(
        response, "next_page_token"
    ):
        return None
    assert response is not None
    repeated = [field for field in response.fields if field.label is FieldLabel.REPEATED and not field.is_map]
    return repeated[0] if len(repeated) == 1 else None


def resumable(method: Method, messages: Mapping[str, Message]) -> bool:
    """Whether a server stream can be reopened after the newest `next_cursor` it sent."""
    return (
        method.stream is StreamKind.SERVER
        and _has_string(messages.get(method.input.full_name), "cursor")
        and _has_string(messages.get(method.output.full_name), "next_cursor")
    )


def scalar_python_type(field: Field) -> str | None:
    """The Python type of one value of a scalar or enum field (`str`, `int`, ...); None for messages."""
    if isinstance(field.type, MessageRef):
        return None
    if isinstance(field.type, EnumRef):
        return "int"
    assert isinstance(field.type, Scalar)
    return _PYTHON_SCALARS.get(field.type, "int")
