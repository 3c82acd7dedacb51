"""Every kind of change, classified: pairs of small documents and the report each must produce."""

from __future__ import annotations

import json

import pytest

from codegen.diff import fails, render

from .cases import CASES, Case
from .specs import W, base, edited
from .support import diff_documents


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_change_is_classified(case: Case) -> None:
    changes = diff_documents(base(), edited(*case.edits), case.lock)
    found = sorted((c.kind, c.subject, tuple(b.value for b in c.breaks)) for c in changes)
    assert found == sorted(case.expected)
    for change in changes:
        assert change.pointer.startswith("#/"), change
        assert change.detail


def test_an_unchanged_document_has_no_changes() -> None:
    assert diff_documents(base(), base()) == ()


def test_a_removed_and_an_added_field_of_the_same_type_and_place_suggest_a_rename() -> None:
    case = next(c for c in CASES if c.name == "field-renamed-without-lock")
    changes = {c.kind: c for c in diff_documents(base(), edited(*case.edits))}
    removed = changes["field-removed"]
    assert removed.pointer == f"#/components/schemas/{W}/properties/name"
    assert f'set lock.json#/messages/{W}/fields/title to {{"renamed_from": "name"}}' in removed.detail, removed.detail
    assert "keep number 2" in removed.detail
    assert "'name'" in changes["field-added"].detail


def test_removals_point_into_the_old_document_and_name_what_the_lock_reserves() -> None:
    case = next(c for c in CASES if c.name == "enum-value-removed")
    (change,) = diff_documents(base(), edited(*case.edits))
    assert change.pointer == "#/components/schemas/acme.v1.Color/enum/2"
    assert "reserves number 2 and name 'COLOR_GREEN'" in change.detail


def test_json_report_has_the_documented_shape_and_fail_on_picks_categories() -> None:
    case = next(c for c in CASES if c.name == "field-json-name-changed")
    changes = diff_documents(base(), edited(*case.edits))
    data = json.loads(render(changes, "json", old="a", new="b"))
    assert data == {
        "changes": [
            {
                "kind": "field-json-name-changed",
                "subject": f"{W}.name",
                "pointer": f"#/components/schemas/{W}/properties/displayName",
                "breaks": ["json"],
                "detail": changes[0].detail,
            }
        ],
        "summary": {"changes": 1, "wire": 0, "json": 1, "python": 0, "compatible": 0},
    }
    assert fails(changes, "json") and fails(changes, "any")
    assert not fails(changes, "wire") and not fails(changes, "python") and not fails(changes, "none")
    assert not fails((), "any")


def test_text_and_markdown_reports_list_every_change_with_its_pointer() -> None:
    cases = {case.name: case for case in CASES}
    changes = diff_documents(base(), edited(*cases["field-removed"].edits, *cases["field-added"].edits))
    text = render(changes, "text", old="old.json", new="new.json")
    assert text.splitlines()[0] == "old.json -> new.json: 2 change(s); breaking python 1; 1 compatible"
    # Breaking changes come first.
    assert text.index("field-removed") < text.index("field-added")
    markdown = render(changes, "markdown", old="old.json", new="new.json")
    assert "| python | field-removed | `acme.v1.Widget.name` |" in markdown
    assert f"`#/components/schemas/{W}/properties/weight`" in markdown
    assert render((), "text", old="a", new="b") == "a -> b: no changes to the API\n"
