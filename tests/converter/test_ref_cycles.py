"""`$ref` cycles are reported at the cycle, naming every member, and found without recursion."""

from __future__ import annotations

from typing import Any

import pytest

from codegen.diagnostics import CodegenError, Diagnostic
from codegen.openapi import load_data

from .support import REF, connect_operation, document

PKG = "acme.cycle.v1"
SCHEMAS = "#/components/schemas"


def _errors(data: Any) -> list[Diagnostic]:
    with pytest.raises(CodegenError) as raised:
        load_data(data, "openapi.json")
    return list(raised.value.diagnostics)


def _alias(target: str) -> dict[str, Any]:
    return {"$ref": REF + target}


def test_a_schema_that_refers_to_itself() -> None:
    (error,) = _errors(document({f"{PKG}.A": _alias(f"{PKG}.A")}))
    assert error.location == f"{SCHEMAS}/{PKG}.A/$ref"
    assert error.message.endswith(f"{SCHEMAS}/{PKG}.A/$ref -> {SCHEMAS}/{PKG}.A/$ref")
    assert error.hint


def test_a_three_member_cycle_is_reported_at_its_first_member_naming_all_in_order() -> None:
    data = document(
        {
            f"{PKG}.B": _alias(f"{PKG}.C"),
            f"{PKG}.A": _alias(f"{PKG}.B"),
            f"{PKG}.C": _alias(f"{PKG}.A"),
        }
    )
    (error,) = _errors(data)
    b, c, a = (f"{SCHEMAS}/{PKG}.{name}/$ref" for name in "BCA")
    assert error.location == b
    assert f"{b} -> {c} -> {a} -> {b}" in error.message


def test_a_reference_leading_into_a_cycle_is_not_a_member() -> None:
    data = document(
        {
            f"{PKG}.Thing": {"type": "object", "properties": {"x": _alias(f"{PKG}.A")}},
            f"{PKG}.A": _alias(f"{PKG}.B"),
            f"{PKG}.B": _alias(f"{PKG}.A"),
        },
        {f"/{PKG}.Svc/Call": connect_operation(f"{PKG}.Thing", f"{PKG}.Thing")},
    )
    (error,) = _errors(data)
    assert error.location == f"{SCHEMAS}/{PKG}.A/$ref"
    assert "Thing" not in error.message


def test_two_cycles_are_two_errors_in_document_order() -> None:
    data = document(
        {
            f"{PKG}.A": _alias(f"{PKG}.B"),
            f"{PKG}.B": _alias(f"{PKG}.A"),
            f"{PKG}.C": {"type": "object", "properties": {"d": {"$ref": f"{SCHEMAS}/{PKG}.C/properties/d"}}},
        }
    )
    assert [e.location for e in _errors(data)] == [
        f"{SCHEMAS}/{PKG}.A/$ref",
        f"{SCHEMAS}/{PKG}.C/properties/d/$ref",
    ]


def test_a_recursive_message_is_not_a_cycle() -> None:
    data = document(
        {f"{PKG}.Node": {"type": "object", "properties": {"next": _alias(f"{PKG}.Node"), "id": {"type": "string"}}}},
        {f"/{PKG}.Svc/Call": connect_operation(f"{PKG}.Node", f"{PKG}.Node")},
    )
    assert load_data(data, "openapi.json").schemas


def test_a_cycle_of_thousands_of_references_is_found_without_recursion() -> None:
    size = 20_000
    schemas = {f"{PKG}.A{i}": _alias(f"{PKG}.A{(i + 1) % size}") for i in range(size)}
    (error,) = _errors(document(schemas))
    assert error.location == f"{SCHEMAS}/{PKG}.A0/$ref"
    assert error.message.count(" -> ") == size
