"""Renames declared in the lock (`renamed_from`): the new name keeps the old number, for fields,
enum values, messages and enums; a document older than the rename numbers the old name the same."""

from __future__ import annotations

from typing import Any

import pytest

from codegen.diagnostics import CodegenError
from codegen.lock import dump_lock, parse_lock
from codegen.proto import to_proto

from .support import REF, connect_operation, convert, document, errors_of, lock_data

PKG = "acme.renames.v1"
ITEM = f"{PKG}.Item"
COLOR = f"{PKG}.Color"


def _document(fields: list[str], colors: list[str], item: str = ITEM, color: str = COLOR) -> dict[str, Any]:
    properties: dict[str, Any] = {name: {"type": "string", "title": name} for name in fields}
    properties["color"] = {"$ref": REF + color, "title": "color"}
    return document(
        {item: {"type": "object", "properties": properties}, color: {"type": "string", "enum": colors}},
        {f"/{PKG}.Svc/Get": connect_operation(item, item)},
    )


OLD = _document(["alpha", "beta", "gamma"], ["COLOR_UNSPECIFIED", "COLOR_RED", "COLOR_GREEN"])


@pytest.fixture()
def lock() -> dict[str, Any]:
    """The lock the old document's first conversion wrote, as file data."""
    return lock_data(convert(OLD))


def _numbers(result: Any, message: str = ITEM) -> dict[str, int]:
    return {f.name: f.number for f in result.api.message(message).fields}


def test_a_renamed_field_keeps_its_number_and_the_lock_remembers_the_rename(lock: dict[str, Any]) -> None:
    lock["messages"][ITEM]["fields"]["bravo"] = {"renamed_from": "beta"}
    new = _document(["alpha", "bravo", "gamma"], ["COLOR_UNSPECIFIED", "COLOR_RED", "COLOR_GREEN"])
    result = convert(new, lock)
    assert _numbers(result) == {"alpha": 1, "bravo": 2, "gamma": 3, "color": 4}
    item = result.api.message(ITEM)
    assert item.reserved_numbers == () and item.reserved_names == ("beta",)
    text = to_proto(result.api)["acme/renames/v1/renames.proto"]
    assert "string bravo = 2;" in text and 'reserved "beta";' in text and "reserved 2;" not in text
    saved = lock_data(result)["messages"][ITEM]["fields"]
    assert saved["bravo"] == {"number": 2, "renamed_from": "beta"} and saved["beta"] == 2
    # The saved lock reads back, and numbers the old document (older than the rename) as before.
    assert _numbers(convert(OLD, saved_lock := lock_data(result))) == {"alpha": 1, "beta": 2, "gamma": 3, "color": 4}
    assert dump_lock(parse_lock(saved_lock, "lock.json")) == dump_lock(result.lock)


def test_a_renamed_enum_value_keeps_its_number(lock: dict[str, Any]) -> None:
    lock["enums"][COLOR]["values"]["COLOR_LIME"] = {"renamed_from": "COLOR_GREEN"}
    new = _document(["alpha", "beta", "gamma"], ["COLOR_UNSPECIFIED", "COLOR_RED", "COLOR_LIME"])
    result = convert(new, lock)
    color = result.api.enum(COLOR)
    assert [(v.name, v.number) for v in color.values] == [("COLOR_UNSPECIFIED", 0), ("COLOR_RED", 1), ("COLOR_LIME", 2)]
    assert color.reserved_numbers == () and color.reserved_names == ("COLOR_GREEN",)
    saved = lock_data(result)["enums"][COLOR]["values"]
    assert saved["COLOR_LIME"] == {"number": 2, "renamed_from": "COLOR_GREEN"}
    assert [v.number for v in convert(OLD, lock_data(result)).api.enum(COLOR).values] == [0, 1, 2]


def test_a_renamed_message_and_enum_continue_their_entries(lock: dict[str, Any]) -> None:
    lock["messages"][ITEM]["fields"]["alpha"] = 7  # a number the order alone would not give
    lock["messages"][f"{PKG}.Thing"] = {"renamed_from": ITEM}
    lock["enums"][f"{PKG}.Hue"] = {"renamed_from": COLOR}
    new = _document(["beta", "gamma", "alpha"], ["COLOR_UNSPECIFIED", "COLOR_GREEN"], f"{PKG}.Thing", f"{PKG}.Hue")
    result = convert(new, lock)
    assert _numbers(result, f"{PKG}.Thing") == {"beta": 2, "gamma": 3, "alpha": 7, "color": 4}
    hue = result.api.enum(f"{PKG}.Hue")
    assert [(v.name, v.number) for v in hue.values] == [("COLOR_UNSPECIFIED", 0), ("COLOR_GREEN", 2)]
    assert hue.reserved_numbers == (1,)
    saved = lock_data(result)
    assert saved["messages"][f"{PKG}.Thing"]["renamed_from"] == ITEM
    assert saved["messages"][f"{PKG}.Thing"]["fields"]["alpha"] == 7
    assert ITEM in saved["messages"], "the old entry stays for documents older than the rename"


def test_a_rename_with_another_number_is_refused_at_its_pointer(lock: dict[str, Any]) -> None:
    lock["messages"][ITEM]["fields"]["bravo"] = {"number": 9, "renamed_from": "beta"}
    with pytest.raises(CodegenError) as raised:
        parse_lock(lock, "lock.json")
    (problem,) = raised.value.diagnostics
    assert problem.location == f"lock.json#/messages/{ITEM}/fields/bravo/number"
    assert "keeps its number" in problem.hint


@pytest.mark.parametrize(
    ("declared", "location", "message"),
    [
        ({"fields": {"bravo": {"renamed_from": "nope"}}}, f"messages/{ITEM}/fields/bravo/renamed_from", "no field"),
        ({"fields": {"bravo": {"renamed_from": 3}}}, f"messages/{ITEM}/fields/bravo/renamed_from", "not a name"),
        ({"fields": {"bravo": 2}}, f"messages/{ITEM}/fields/bravo", "both have number 2"),
        ({"renamed_from": f"{PKG}.Nope"}, f"messages/{ITEM}/renamed_from", "no message"),
    ],
)
def test_contradicting_rename_declarations_are_reported(
    lock: dict[str, Any], declared: dict[str, Any], location: str, message: str
) -> None:
    entry = lock["messages"][ITEM]
    entry["fields"].update(declared.pop("fields", {}))
    entry.update(declared)
    with pytest.raises(CodegenError) as raised:
        parse_lock(lock, "lock.json")
    assert [(d.location, message in d.message) for d in raised.value.diagnostics] == [(f"lock.json#/{location}", True)]


def test_a_document_with_both_names_is_refused(lock: dict[str, Any]) -> None:
    lock["messages"][ITEM]["fields"]["bravo"] = {"renamed_from": "beta"}
    both = _document(["alpha", "beta", "bravo", "gamma"], ["COLOR_UNSPECIFIED", "COLOR_RED", "COLOR_GREEN"])
    (problem,) = errors_of(both, lock)
    assert problem.location == f"lock.json#/messages/{ITEM}/fields/bravo/renamed_from"
    assert "has both" in problem.message
