"""The front stages one at a time: the typed mirror, the draft, numbering as a pure step, compile."""

from __future__ import annotations

import ast
import copy
from typing import Any

import pytest

from codegen.diagnostics import CodegenError, Reporter
from codegen.lock import dump_lock, number, parse_lock
from codegen.model import Api, DraftMessage
from codegen.openapi import load_data, to_draft
from codegen.openapi.spec import read_schema
from codegen.proto import compile_protos
from codegen.python.layout import PythonLayout

from .support import REF, REPO, connect_operation, document

PKG = "acme.stages.v1"
ITEM = f"{PKG}.Item"


def _item_document(**extra: Any) -> dict[str, Any]:
    schemas = {ITEM: {"type": "object", "properties": {"b": {"type": "string"}, "a": {"$ref": REF + ITEM}}}}
    return document(schemas, {f"/{PKG}.Svc/Get": connect_operation(ITEM, ITEM)}, **extra)


# -- the typed mirror ----------------------------------------------------------------------


def test_the_mirror_flags_values_it_cannot_read_instead_of_dropping_them() -> None:
    schema = read_schema({"type": 5, "format": "int32", "properties": {"x": True}}, "#/here")
    assert schema.types is None
    assert schema.malformed == {"type"}
    assert schema.properties is not None
    assert schema.properties["x"].is_object is False
    assert schema.properties["x"].location == "#/here/properties/x"


def test_a_merged_schema_takes_what_the_other_sets_and_keeps_its_place() -> None:
    outer = read_schema({"description": "outer", "oneOf": [{"$ref": REF + ITEM}]}, "#/p")
    assert outer.one_of is not None
    merged = outer.merged(outer.one_of[0])
    assert (merged.ref, merged.description, merged.location) == (REF + ITEM, "outer", "#/p")


# -- the draft and numbering ---------------------------------------------------------------


def test_the_draft_has_no_numbers_and_numbering_changes_neither_input() -> None:
    reporter = Reporter()
    draft = to_draft(load_data(_item_document(), "openapi.json"), reporter)
    assert reporter.errors == ()
    message = draft.packages[0].messages[0]
    assert isinstance(message, DraftMessage)
    assert [f.name for f in message.fields] == ["b", "a"]

    lock = parse_lock({"messages": {ITEM: {"fields": {"a": 7}, "reserved": {"numbers": [3]}}}}, "lock.json")
    lock_text = dump_lock(lock)
    draft_copy = copy.deepcopy(draft)
    first_api, first_lock = number(draft, lock, reporter)
    second_api, second_lock = number(draft, lock, reporter)
    assert (first_api, dump_lock(first_lock)) == (second_api, dump_lock(second_lock))
    assert dump_lock(lock) == lock_text, "numbering must not change the lock it is given"
    assert draft == draft_copy, "numbering must not change the draft"
    assert [(f.name, f.number) for f in first_api.message(ITEM).fields] == [("b", 8), ("a", 7)]
    assert reporter.errors == ()


def test_numbering_reports_at_pointers_into_the_lock_file() -> None:
    reporter = Reporter()
    draft = to_draft(load_data(_item_document(), "openapi.json"), reporter)
    lock = parse_lock({"methods": {f"{PKG}.Svc/Get": {"streaming": "client"}}}, "depot-ci.lock.json")
    number(draft, lock, reporter)
    assert [d.location for d in reporter.errors] == [f"depot-ci.lock.json#/methods/{PKG}.Svc~1Get/streaming"]


@pytest.mark.parametrize(
    ("tags", "location"),
    [
        ([{"name": "other"}, {"name": f"{PKG}.Svc", "description": "The service."}], "#/tags/1"),
        ([], f"#/paths/~1{PKG}.Svc~1Get/post"),
    ],
)
def test_a_service_is_located_at_its_tag_else_at_its_first_method(tags: list[Any], location: str) -> None:
    reporter = Reporter()
    draft = to_draft(load_data(_item_document(tags=tags), "openapi.json"), reporter)
    assert draft.packages[0].services[0].location == location


# -- compile -------------------------------------------------------------------------------


def test_protoc_errors_are_reported_under_the_configured_proto_out() -> None:
    api = Api(title="t", version="v1", description="", base_url="", packages=(), source="openapi.json")
    protos = {"acme/v1/x.proto": 'syntax = "proto3";\npackage acme.v1;\nmessage X { strin y = 1; }\n'}
    with pytest.raises(CodegenError) as raised:
        compile_protos(api, protos, PythonLayout.for_packages("acme_py", ["acme.v1"]), "build/protos")
    locations = [d.location for d in raised.value.diagnostics]
    assert locations and all(location.startswith("build/protos/acme/v1/x.proto:3:") for location in locations)
    assert all(d.hint for d in raised.value.diagnostics)


# -- the shape of the package --------------------------------------------------------------


def test_the_command_line_imports_no_stage() -> None:
    tree = ast.parse((REPO / "codegen" / "cli.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level}
    assert imported <= {"pipeline", "config", "diagnostics"}, imported


def test_the_front_stages_depend_only_on_earlier_ones() -> None:
    """openapi knows nothing of the lock or proto; lock nothing of proto; neither reaches the renderer."""
    forbidden = {"openapi": ("lock", "proto", "render", "pipeline"), "lock": ("proto", "render", "pipeline")}
    for package, banned in forbidden.items():
        for path in sorted((REPO / "codegen" / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.level >= 2 and node.module:
                    assert not node.module.startswith(banned), f"{path.relative_to(REPO)} imports {node.module}"
