"""Every shape of service renders to code that lints and type-checks, not just the golden fixture.

Imports and helpers depend on which stream kinds a module has and whether it checks required
fields; this renders the fixture service cut down to every subset of stream kinds (the empty one
included), with and without required fields, with and without a default base URL, each under its
own root package next to a copy of the compiled protobuf module, and runs ruff and mypy on all.
"""

from __future__ import annotations

import itertools
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from codegen.model import Api, Message, StreamKind
from codegen.python.layout import PythonLayout
from codegen.python.render import render

from .fixtures.widgets_api import PACKAGE, widgets_api
from .support import mypy, ruff, write_tree

KINDS = (StreamKind.UNARY, StreamKind.SERVER, StreamKind.CLIENT, StreamKind.BIDI)
SUBSETS = [frozenset(c) for size in range(len(KINDS) + 1) for c in itertools.combinations(KINDS, size)]


def _optional(message: Message) -> Message:
    return replace(
        message,
        fields=tuple(replace(field, required=False) for field in message.fields),
        nested_messages=tuple(_optional(nested) for nested in message.nested_messages),
    )


def _variant(kinds: frozenset[StreamKind], *, required: bool, base_url: str) -> Api:
    api = widgets_api(base_url)
    package = api.packages[0]
    service = package.services[0]
    methods = tuple(method for method in service.methods if method.stream in kinds)
    messages = package.messages if required else tuple(_optional(message) for message in package.messages)
    return replace(
        api,
        packages=(replace(package, services=(replace(service, methods=methods),), messages=messages),),
    )


def test_every_service_shape_lints_and_type_checks(package_root: Path, tmp_path: Path) -> None:
    roots: list[str] = []
    pb2_modules: list[str] = []
    for index, kinds in enumerate(SUBSETS):
        for required in (True, False):
            root = f"variant_{index}_{'checked' if required else 'unchecked'}"
            layout = PythonLayout.for_packages(root, [PACKAGE])
            api = _variant(kinds, required=required, base_url="" if index % 2 else "https://x.example")
            write_tree(tmp_path, render(api, layout))
            pb2 = layout.pb2_module(PACKAGE)
            for suffix in (".py", ".pyi"):
                shutil.copyfile(
                    package_root / f"acme_widgets/v1/widgets_pb2{suffix}", tmp_path / (pb2.replace(".", "/") + suffix)
                )
            roots.append(root)
            pb2_modules.append(pb2)
    checked = ruff(tmp_path, *roots)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    checked = mypy(tmp_path, *roots, ignore=tuple(pb2_modules))
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("kinds", [frozenset(), frozenset({StreamKind.UNARY})], ids=["no-methods", "unary-only"])
def test_unused_helpers_are_left_out(kinds: frozenset[StreamKind]) -> None:
    layout = PythonLayout.for_packages("acme_widgets", [PACKAGE])
    text = render(_variant(kinds, required=False, base_url=""), layout)["acme_widgets/v1/widgets_connect.py"]
    assert "def _requests" not in text
    # As names: the error guard interceptor's `intercept_server_stream` etc. are always there.
    assert not re.search(r"\b_server_stream\b", text)
    assert "AsyncIterable" not in text
    assert bool(re.search(r"\b_unary_sync\b", text)) == bool(kinds)
