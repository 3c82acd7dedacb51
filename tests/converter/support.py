"""Helpers of the converter tests: build small documents, convert them, run protoc and the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from codegen.diagnostics import CodegenError, Diagnostic
from codegen.lock import Lock, dump_lock, load_lock, parse_lock
from codegen.openapi import load, load_data
from codegen.pipeline import ModelResult, to_model
from codegen.proto import to_proto

__all__ = [
    "FIXTURES",
    "REF",
    "REPO",
    "compile_protos",
    "connect_operation",
    "convert",
    "convert_fixture",
    "document",
    "errors_of",
    "fixture_spec",
    "lock_data",
    "protos_of",
    "read_tree",
    "run_cli",
    "tree_snapshot",
    "write_json",
]

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
REPO = HERE.parents[1]
REF = "#/components/schemas/"


def document(
    schemas: Mapping[str, Any],
    paths: Mapping[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A minimal OpenAPI 3.1 document with these component schemas and paths."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "test", "version": "v1"},
        "paths": dict(paths or {}),
        "components": {"schemas": dict(schemas)},
        **extra,
    }


def connect_operation(request: str, response: str, media: Sequence[str] = ("application/json",)) -> dict[str, Any]:
    """A Connect POST operation (the path item) taking and returning the named message components."""

    def content(name: str) -> dict[str, Any]:
        return {kind: {"schema": {"$ref": REF + name}} for kind in media}

    return {
        "post": {
            "requestBody": {"content": content(request), "required": True},
            "responses": {"200": {"description": "Success", "content": content(response)}},
        }
    }


def convert(data: Mapping[str, Any], lock: Mapping[str, Any] | Lock | None = None) -> ModelResult:
    """load_data + parse_lock + to_model on in-memory data (the lock is called `lock.json`)."""
    parsed = lock if isinstance(lock, Lock) else parse_lock(dict(lock or {}), "lock.json")
    return to_model(load_data(data, "openapi.json"), parsed)


def protos_of(data: Mapping[str, Any], lock: Mapping[str, Any] | Lock | None = None) -> dict[str, str]:
    """The .proto files converting `data` gives."""
    return to_proto(convert(data, lock).api)


def errors_of(data: Mapping[str, Any], lock: Mapping[str, Any] | None = None) -> list[Diagnostic]:
    """The diagnostics of a conversion that must fail (fails the test when it succeeds)."""
    try:
        convert(data, lock)
    except CodegenError as error:
        return list(error.diagnostics)
    raise AssertionError("the conversion succeeded, but errors were expected")


def fixture_spec(directory: Path) -> Path:
    """The one openapi.json / openapi.yaml of a golden fixture."""
    found = sorted(p for p in directory.iterdir() if p.stem == "openapi" and p.suffix in (".json", ".yaml", ".yml"))
    assert len(found) == 1, f"{directory} needs exactly one openapi.json or openapi.yaml, found {found}"
    return found[0]


def convert_fixture(directory: Path) -> ModelResult:
    """Convert a golden fixture directory (its spec, and its lock.json when there is one)."""
    return to_model(load(fixture_spec(directory)), load_lock(directory / "lock.json"))


def read_tree(root: Path) -> dict[str, str]:
    """{relative posix path: text} of every file below `root`, but the generator's manifest (its own record)."""
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.relative_to(root).as_posix() != ".codegen-manifest.json"
    }


def tree_snapshot(root: Path) -> dict[str, bytes] | None:
    """Every file below `root` with its bytes, or None when `root` does not exist."""
    if not root.exists():
        return None
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def compile_protos(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Run grpcio-tools' protoc on every .proto below `root` (--python_out to `out`)."""
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.proto"))
    out.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", f"-I{root}", f"--python_out={out}", *files],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def run_cli(*args: str | Path, hash_seed: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`python -m codegen <args>` in a subprocess from the repository root."""
    env = dict(os.environ)
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = hash_seed
    return subprocess.run(
        [sys.executable, "-m", "codegen", *(str(a) for a in args)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def write_json(path: Path, data: Any) -> Path:
    """Write `data` as JSON to `path` (parents created) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def lock_data(result: ModelResult) -> dict[str, Any]:
    """The lock a conversion produced, as the JSON data the file would hold."""
    loaded: dict[str, Any] = json.loads(dump_lock(result.lock))
    return loaded
