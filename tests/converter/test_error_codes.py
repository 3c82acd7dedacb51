"""The Connect codes an API documents: read from the table in its `connect.error` schema's description."""

from __future__ import annotations

import pytest

from .support import convert, document

ITEM = {"acme.v1.Item": {"type": "object", "properties": {"id": {"type": "string"}}}}
TABLE = """Every method returns errors as a Connect error object.

| Code | HTTP status | Meaning |
| --- | --- | --- |
| `unauthenticated` | 401 | No valid token. |
| `not_found` | 404 | Unknown resource; see `invalid_argument` for bad ids. |
| `not_a_code` | 999 | Not a Connect code. |
| `unauthenticated` | 401 | Listed twice. |
"""


def test_the_codes_of_the_table_in_document_order_once_each() -> None:
    schemas = {**ITEM, "connect.error": {"type": "object", "description": TABLE}}
    assert convert(document(schemas)).api.error_codes == ("unauthenticated", "not_found")


@pytest.mark.parametrize(
    "schemas",
    [
        ITEM,
        {**ITEM, "connect.error": {"type": "object"}},
        {**ITEM, "connect.error": {"type": "object", "description": "Codes such as `not_found`, outside a table."}},
    ],
    ids=["no error schema", "no description", "no table"],
)
def test_no_table_no_codes(schemas: dict[str, object]) -> None:
    assert convert(document(schemas)).api.error_codes == ()
