"""The render stage's building blocks: literals, docstrings, import blocks, names and clashes."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest

from codegen.diagnostics import CodegenError
from codegen.model import Api
from codegen.python.imports import Import, import_sections
from codegen.python.render import render
from codegen.python.source import Doc, DocSection, docstring, py_list, py_str

from .fixtures.widgets_api import widgets_api
from .support import layout, render_fixture, ruff


def _doc_value(literal: str) -> str:
    """The string a docstring literal evaluates to."""
    value = ast.literal_eval(literal)
    assert isinstance(value, str)
    return value


def test_py_str_round_trips() -> None:
    for text in ("plain", 'quote " and \\ backslash', "tab\tnew\nline", "ünïcode"):
        assert ast.literal_eval(py_str(text)) == text


def test_docstrings_escape_quotes_and_backslashes() -> None:
    text = 'Ends with a quote "'
    assert _doc_value(docstring(Doc(summary=text), 0)) == text
    body = 'C:\\path and """triple""" quotes'
    value = _doc_value(docstring(Doc(summary="S", body=body), 4))
    assert value.split("\n")[2] == body


def test_docstrings_wrap_prose_but_keep_code_blocks() -> None:
    long_line = " ".join(["word"] * 40)
    code = "    " + "x = 1; " * 20
    code = code.rstrip()
    body = f"{long_line}\n\n```\n{'y' * 130}\n```\n\n{code}\n\n- {long_line}"
    literal = docstring(Doc(summary="Sum", body=body, sections=(DocSection("Args", (("a", long_line),)),)), 8)
    lines = literal.split("\n")
    assert "y" * 130 in lines
    assert code in lines
    assert all(len(line) + 8 <= 100 for line in lines if "y" * 130 not in line and line != code)
    assert any(line.startswith("  word") for line in lines), "list items wrap with a hanging indent"
    assert lines[0] == '"""Sum.'


def test_summary_falls_back_to_the_first_line_of_the_description() -> None:
    text = render_fixture()["acme_widgets/v1/widgets_connect.py"]
    assert '"""A signed URL for the widget\'s blueprint.\n' in text


def test_import_blocks_are_what_ruff_isort_writes(tmp_path: Path) -> None:
    imports = [
        Import("__future__", "annotations"),
        Import("typing", "Any"),
        Import("collections.abc", "Mapping"),
        Import("zz", "Item10"),
        Import("zz", "Item2"),
        Import("zz", "ItemB"),
        Import("zz", "Itemb"),
        Import("zz", "HTTP2"),
        Import("zz", "item_b"),
        Import("zz", "Zeta", "Zeta_"),
        Import("zz", "Alpha", "Alpha_"),
        Import("google.protobuf.empty_pb2", "Empty"),
        Import(".widgets_pb2", "Widget"),
        Import("..common.v1.common_pb2", "Money"),
        Import(".widgets_pb2", "Long" * 30),
    ]
    names = [item.alias or item.name for item in imports if item.module != "__future__"]
    source = "\n\n".join(import_sections(imports)) + f"\n\n__all__ = {py_list(names, 0)}\n"
    (tmp_path / "block.py").write_text(source, encoding="utf-8")
    checked = ruff(tmp_path, "block.py")
    assert checked.returncode == 0, source + checked.stdout


def test_rpc_names_are_snake_case_with_acronyms_and_escapes() -> None:
    text = render_fixture()["acme_widgets/v1/widgets_connect.py"]
    assert "def get_widget_download_url(" in text
    assert "def import_(" in text
    # `close` is the client's own method: the `Close` RPC becomes `close_` on clients and servers.
    assert "async def close_(" in text
    assert "async def close(self) -> None:" in text


def test_required_base_url_when_the_document_names_no_server() -> None:
    text = render(widgets_api(base_url=""), layout())["acme_widgets/v1/widgets_connect.py"]
    assert "        base_url: str,\n" in text
    assert "https://" not in text.split("class WidgetServiceClient:")[1].split("def close")[0]


def test_a_message_named_like_a_runtime_symbol_is_imported_under_an_alias() -> None:
    api = widgets_api()
    package = api.packages[0]
    renamed = tuple(
        replace(message, name="Headers", full_name=f"{package.name}.Headers")
        if message.name == "ChatMessage"
        else message
        for message in package.messages
    )
    service = package.services[0]
    chat = [method for method in service.methods if method.name == "Chat"][0]
    headers_ref = replace(chat.input, full_name=f"{package.name}.Headers")
    service = replace(
        service,
        methods=tuple(
            replace(method, input=headers_ref, output=headers_ref) if method is chat else method
            for method in service.methods
        ),
    )
    api = replace(api, packages=(replace(package, messages=renamed, services=(service, package.services[1])),))
    text = render(api, layout())["acme_widgets/v1/widgets_connect.py"]
    assert "from .widgets_pb2 import Headers as Headers_\n" in text
    assert "requests: AsyncIterator[Headers_]" in text
    assert "from connectrpc.request import Headers, RequestContext\n" in text


def test_clashing_public_names_are_reported() -> None:
    api = widgets_api()
    package = api.packages[0]
    clash = replace(package.messages[0], name="WidgetServiceClient", full_name=f"{package.name}.WidgetServiceClient")
    broken: Api = replace(api, packages=(replace(package, messages=(*package.messages, clash)),))
    with pytest.raises(CodegenError) as raised:
        render(broken, layout())
    assert "WidgetServiceClient is exported twice" in str(raised.value)
