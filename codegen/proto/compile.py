"""Stage 5: compile .proto text into protobuf Python modules (`_pb2.py` and `.pyi`).

grpcio-tools' bundled protoc runs in a subprocess (`python -m grpc_tools.protoc`): that entry
point adds the well-known types' include path and lets us capture protoc's diagnostics instead of
having them written straight to our stderr. Its output mirrors the proto package paths
(`depot/ci/v1/ci_pb2.py`); the modules are moved under the configured Python package and their
imports of each other rewritten to match.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..diagnostics import Reporter
from ..model import Api
from ..python.layout import PythonLayout

__all__ = ["compile_protos"]

_PROTOC_MESSAGE = re.compile(r"^(?P<where>[^:\s]+\.proto:\d+:\d+): (?P<message>.+)$")


def compile_protos(api: Api, protos: Mapping[str, str], layout: PythonLayout, proto_out: str) -> dict[str, str]:
    """Compile `protos` ({path: text}, from `to_proto`) into {output path: text} under `layout`.

    `proto_out` is where the .proto files go, as shown to the user (`proto`): protoc's messages
    are reported at `<proto_out>/<file>.proto:line:col`. Raises CodegenError carrying them when
    protoc rejects the text, which means a bug in an earlier stage, since `to_proto` should only
    print valid proto.
    """
    with tempfile.TemporaryDirectory(prefix="codegen-protoc-") as scratch:
        source = Path(scratch, "proto")
        output = Path(scratch, "out")
        output.mkdir()
        for path, text in protos.items():
            target = source / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        command = [
            sys.executable,
            "-m",
            "grpc_tools.protoc",
            f"--proto_path={source}",
            f"--python_out={output}",
            f"--pyi_out={output}",
            *sorted(protos),
        ]
        result = subprocess.run(command, cwd=source, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            reporter = Reporter()
            _report_protoc(result.stderr or result.stdout, source, proto_out.rstrip("/"), reporter)
            reporter.raise_if_errors()
        return _relocate(api, output, layout)


def _report_protoc(text: str, source: Path, proto_out: str, reporter: Reporter) -> None:
    """protoc's messages at `<proto_out>/<file>:line:col`; a message without a place at `proto_out`."""
    hint = "this is a bug in codegen's proto output; please report it with the spec"
    for line in text.splitlines():
        match = _PROTOC_MESSAGE.match(line.strip())
        if match:
            # protoc names the file by the path it was given, here inside the scratch directory.
            where = match["where"].removeprefix(f"{source.as_posix()}/")
            reporter.error(f"{proto_out}/{where}", match["message"], hint)
        elif line.strip():
            reporter.error(proto_out, f"protoc: {line.strip()}", hint)
    if not reporter.errors:
        reporter.error(proto_out, "protoc failed without a message", hint)


def _relocate(api: Api, output: Path, layout: PythonLayout) -> dict[str, str]:
    """Move protoc's files to their modules under the Python package and rewrite their imports."""
    moves: dict[str, str] = {}
    for package in api.packages:
        protoc_module = package.proto_path.removesuffix(".proto").replace("/", ".") + "_pb2"
        moves[protoc_module] = layout.pb2_module(package.name)
    files: dict[str, str] = {}
    for old, new in moves.items():
        for suffix in (".py", ".pyi"):
            text = (output / (old.replace(".", "/") + suffix)).read_text(encoding="utf-8")
            text = _rewrite_imports(text, moves)
            files[new.replace(".", "/") + suffix] = _strict_stub(text) if suffix == ".pyi" else text
    return files


def _strict_stub(text: str) -> str:
    """Complete the two annotations protoc's stubs leave open, so they pass `mypy --strict`.

    protoc writes a message-or-dict parameter as `_Union[Msg, _Mapping]` (a bare generic) and the
    constructor of a message with a keyword-named field as `__init__(self, **kwargs)` (untyped).
    """
    completed = re.sub(r"\b_Mapping\](?=\]|,|\s)", "_Mapping[str, _Any]]", text)
    completed = completed.replace("**kwargs) -> None", "**kwargs: _Any) -> None")
    if completed == text:
        return text
    return re.sub(
        r"^(from typing import [^\n]+)$", r"\1\nfrom typing import Any as _Any", completed, count=1, flags=re.M
    )


def _rewrite_imports(text: str, moves: Mapping[str, str]) -> str:
    """`from depot.ci.v1 import ci_pb2 as ...` -> `from depot_ci.v1 import ci_pb2 as ...`."""
    for old, new in moves.items():
        old_package, _, module = old.rpartition(".")
        new_package = new.rpartition(".")[0]
        if old_package == new_package:
            continue
        text = re.sub(
            rf"^from {re.escape(old_package)} import {module}\b",
            f"from {new_package} import {module}",
            text,
            flags=re.M,
        )
        text = re.sub(rf"^import {re.escape(old)}\b", f"import {new}", text, flags=re.M)
    return text
