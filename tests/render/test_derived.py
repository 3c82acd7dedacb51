"""What the render stage derives instead of listing: helpers, imports, reserved names, clash locations."""

from __future__ import annotations

import ast
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from codegen.diagnostics import CodegenError
from codegen.python.imports import BUILTINS, imports_of, usage
from codegen.python.render import TEMPLATES, render
from codegen.python.snippets import helper_code

from .fixtures.widgets_api import PACKAGE, widgets_api
from .support import layout


def test_every_helper_uses_only_helpers_imports_and_builtins() -> None:
    helpers = helper_code()
    for snippet in helpers.snippets.values():
        unknown = snippet.uses - set(helpers.snippets) - set(helpers.imports) - BUILTINS
        assert not unknown, f"{snippet.name} uses {sorted(unknown)}"
        assert snippet.section in ("head", "common", "client", "server", "json", "checks"), snippet.name


def test_needed_helpers_are_closed_under_use_and_in_file_order() -> None:
    helpers = helper_code()
    names = [snippet.name for snippet in helpers.needed(["_client_stream", "_codec"])]
    assert names == [
        "_REQ",
        "_RES",
        "_IN",
        "_M",
        "_JSONCodec",
        "_codec",
        "_unimplemented",
        "_require",
        "_require_each",
        "_client_stream",
        # server_calls.py comes after helpers.py
        "_CANCELLED",
        "call_cancelled",
        "_call_ended",
        "_timed_out",
        "_check_deadline",
        "_guard",
        # json_runtime.py comes last
        "_JSON_CODECS",
        "_JSON_MESSAGE",
        "_JSONFallback",
        "_json_text",
        "_json_parse",
        "_json_pairs",
        "_json_out_message",
    ]


def test_usage_reads_free_names_through_scopes_and_annotations() -> None:
    source = (
        "class A(Base):\n"
        "    x: Annotated = Default\n"
        "    def method(self, r: Param = Dflt) -> Ret:\n"
        "        def inner(q):\n"
        "            return Used(q) + r + [z for z in Items if z]\n"
        "        return inner\n"
        "B = len(A.x)\n"
    )
    found = usage(source)
    assert found.free == {"Base", "Annotated", "Default", "Param", "Dflt", "Ret", "Used", "Items"}
    assert found.members == {"A": frozenset({"method"})}
    assert {"r", "q", "inner", "z", "A", "B", "Used"} <= found.identifiers
    assert "method" not in found.identifiers and "x" not in found.identifiers


@pytest.mark.parametrize("path", ["acme_widgets/v1/widgets_connect.py"])
def test_the_rendered_module_imports_exactly_what_it_uses(path: str) -> None:
    tree = ast.parse(render(widgets_api(), layout())[path])
    imported = set(imports_of(tree)) - {"annotations"}
    body = ast.Module(body=[s for s in tree.body if not isinstance(s, ast.ImportFrom)], type_ignores=[])
    assert usage(ast.unparse(body)).free == imported


def test_a_member_added_to_the_clients_reserves_its_name_for_rpcs(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    client = templates / "_client.py.jinja"
    text = client.read_text(encoding="utf-8")
    marker = "    {{ async_ }}def close(self) -> None:\n"
    extra = "    def get_widget(self) -> None:\n        pass\n\n"
    client.write_text(text.replace(marker, extra + marker), encoding="utf-8")
    rendered = render(widgets_api(), layout(), templates)["acme_widgets/v1/widgets_connect.py"]
    assert "def get_widget_(" in rendered
    assert "def get_widget(self) -> None:" in rendered


def test_a_name_nothing_defines_is_reported_at_the_template(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    connect = templates / "connect.py.jinja"
    connect.write_text(connect.read_text(encoding="utf-8") + "_UNDEFINED = no_such_symbol()\n", encoding="utf-8")
    with pytest.raises(CodegenError) as raised:
        render(widgets_api(), layout(), templates)
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.location.endswith("connect.py.jinja")
    assert "no_such_symbol" in diagnostic.message


@pytest.mark.parametrize("location", ["#/tags/0", ""], ids=["tagged", "untagged"])
def test_a_service_named_like_a_runtime_symbol_is_reported_at_the_service(location: str) -> None:
    api = widgets_api()
    package = api.packages[0]
    service = replace(package.services[0], name="Headers", full_name=f"{PACKAGE}.Headers", location=location)
    broken = replace(api, packages=(replace(package, services=(service, package.services[1])),))
    with pytest.raises(CodegenError) as raised:
        render(broken, layout())
    clashes = [d for d in raised.value.diagnostics if "generated class name Headers is taken" in d.message]
    assert clashes, raised.value
    # A model built by hand may give a service no location: its first method's stands in.
    assert clashes[0].location == (location or service.methods[0].location)


def test_helper_modules_are_read_in_order_and_may_not_define_a_name_twice(tmp_path: Path) -> None:
    first, second = tmp_path / "first.py", tmp_path / "second.py"
    first.write_text("from json import dumps\n\n# == common: x ==\ndef _a() -> str:\n    return dumps(1)\n")
    second.write_text("from .first import _a\n\n# == client: y ==\ndef _b() -> str:\n    return _a()\n")
    helpers = helper_code((first, second))
    assert [s.name for s in helpers.needed(["_b"])] == ["_a", "_b"]
    assert set(helpers.imports) == {"dumps"}  # imports between helper modules are not sources
    second.write_text("def _a() -> None:\n    pass\n")
    with pytest.raises(ValueError, match="_a is defined by another helper module too"):
        helper_code.__wrapped__((first, second))
