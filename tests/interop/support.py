"""Helpers of the interop tests: stubs from the official generator, protoc-gen-connectrpc 0.13.

`generate_official_stubs` runs grpcio-tools' protoc on our proto/ with the official plugin
(`--connectrpc_opt=protobuf=google`) and `--python_out` into one directory, so the official module
`depot.ci.v1.ci_connect` finds its `depot.ci.v1.ci_pb2` beside it. That package is `depot`, not
our `depot_ci`, so both import side by side. Both `_pb2` modules are compiled from the same
.proto file by the same protoc, so the default descriptor pool holds one file and both modules share
the message classes: what differs, and what these tests exercise, is the Connect layer.

The example service, the servers and the async client runner come from the end-to-end tests.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from connectrpc.code import Code
from e2e.support import (
    AUTH,
    ENCODINGS,
    ERROR_HEADER,
    AsyncCall,
    Method,
    methods,
    request_example,
)

__all__ = [
    "INTEROP_METHODS",
    "OFFICIAL_MODULE",
    "PLUGIN",
    "PROTO_ROOT",
    "ROOT",
    "generate_official_stubs",
    "interop_async_calls",
    "interop_methods",
    "official_stubs",
]

ROOT = Path(__file__).resolve().parents[2]
PROTO_ROOT = ROOT / "proto"
PLUGIN = Path(sys.executable).with_name("protoc-gen-connectrpc")
OFFICIAL_MODULE = "depot.ci.v1.ci_connect"


def generate_official_stubs(out: Path) -> None:
    """Write the official generator's stubs and protoc's `_pb2` modules for every .proto of proto/ to `out`."""
    protos = sorted(path.relative_to(PROTO_ROOT).as_posix() for path in PROTO_ROOT.rglob("*.proto"))
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "grpc_tools.protoc",
            f"--proto_path={PROTO_ROOT}",
            f"--plugin=protoc-gen-connectrpc={PLUGIN}",
            f"--python_out={out}",
            f"--connectrpc_out={out}",
            "--connectrpc_opt=protobuf=google",
            *protos,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr


@contextmanager
def official_stubs(out: Path) -> Iterator[ModuleType]:
    """Generate the stubs into `out` and import `OFFICIAL_MODULE` from there; undo the import on exit."""
    generate_official_stubs(out)
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(OFFICIAL_MODULE)
    finally:
        sys.path.remove(str(out))
        for name in [name for name in sys.modules if name == "depot" or name.startswith("depot.")]:
            del sys.modules[name]


INTEROP_METHODS = ("GetRun", "GetFailureDiagnosis", "StreamJobAttemptLogs", "ExportJobAttemptLogs")
"""Two unary methods (one with an enum in its request) and both streams (one with a oneof of bytes)."""


def interop_methods() -> list[Method]:
    return [method for method in methods() if method.name in INTEROP_METHODS]


def interop_async_calls() -> list[AsyncCall]:
    """Per encoding: each interop method with its example request, and GetRun failing with not_found."""
    calls: list[AsyncCall] = []
    get_run = next(method for method in methods() if method.name == "GetRun")
    for encoding in ENCODINGS:
        calls.extend(
            AsyncCall.of("example", encoding, method, request_example(method), AUTH) for method in interop_methods()
        )
        calls.append(
            AsyncCall.of("error", encoding, get_run, request_example(get_run), {ERROR_HEADER: Code.NOT_FOUND.value})
        )
    return calls
