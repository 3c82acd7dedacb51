"""Never a traceback: damaged versions of every fixture document stop with diagnostics or convert.

Each case takes a fixture document and overwrites or deletes one to three of its nodes with values of
the wrong kind (seeded, so every run checks the same documents). Whatever the converter makes of it,
it either converts or raises `CodegenError`; any other exception is a bug. This found crashes in code
that assumed a validated document (a `tags` that is a number, a parameter name that is an object).
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from typing import Any

import pytest

from codegen.diagnostics import CodegenError
from codegen.lock import Lock
from codegen.openapi import load_data
from codegen.openapi.yaml12 import parse_yaml
from codegen.pipeline import to_model
from codegen.proto import to_proto

from .support import FIXTURES, fixture_spec

_VALUES: list[Any] = [
    None,
    5,
    -1.5,
    True,
    "x",
    "#/x",
    [],
    {},
    ["a", 1],
    {"type": "strin"},
    {"$ref": "#/components/schemas/Nope"},
    {"oneOf": [{"required": ["zz"]}]},
    {"not": {"required": ["a", "b"]}},
]
_CASES = 240


def _documents() -> list[Any]:
    found = []
    for directory in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        spec = fixture_spec(directory)
        text = spec.read_text(encoding="utf-8")
        found.append(parse_yaml(text, spec).data if spec.suffix == ".yaml" else json.loads(text))
    return found


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _mutated(seed: int, documents: list[Any]) -> Any:
    chooser = random.Random(seed)
    document = copy.deepcopy(chooser.choice(documents))
    for _ in range(chooser.randint(1, 3)):
        paths = [p for p in _paths(document) if p]
        path = chooser.choice(paths)
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        if isinstance(parent, dict) and chooser.random() < 0.3:
            del parent[path[-1]]
        else:
            parent[path[-1]] = copy.deepcopy(chooser.choice(_VALUES))
    return document


@pytest.fixture(scope="module")
def documents() -> list[Any]:
    return _documents()


@pytest.mark.parametrize("first", range(0, _CASES, 40))
def test_a_damaged_document_converts_or_stops_with_diagnostics(first: int, documents: list[Any]) -> None:
    for seed in range(first, first + 40):
        data = _mutated(seed, documents)
        try:
            to_proto(to_model(load_data(data, "damaged.json"), Lock()).api)
        except CodegenError as error:
            assert error.diagnostics, seed
            assert all(d.location and d.message for d in error.diagnostics), seed
