"""Stubs from the official generator, `protoc-gen-connectrpc` (option `protobuf=google`), for comparison.

They are generated from our `proto/` into a temporary directory at benchmark time, together with
`protoc --python_out` (their module imports `depot.ci.v1.ci_pb2`), and imported from a separate
`sys.path` entry. protobuf registers one descriptor per .proto file, so in one process their
`ci_pb2` and ours share the message classes; only the Connect layer differs.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from . import ROOT

__all__ = ["CONNECT_MODULE", "PB2_MODULE", "generate", "load"]

CONNECT_MODULE = "depot.ci.v1.ci_connect"
PB2_MODULE = "depot.ci.v1.ci_pb2"
_PROTO = "depot/ci/v1/ci.proto"


def generate(out: Path, proto_root: Path = ROOT / "proto") -> Path:
    """Run protoc with the official plugin and `--python_out` into `out`; returns `out`."""
    plugin = shutil.which("protoc-gen-connectrpc", path=str(Path(sys.executable).parent))
    if plugin is None:
        raise RuntimeError("protoc-gen-connectrpc is not installed next to this interpreter (pip install it)")
    out.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "grpc_tools.protoc",
        f"--plugin=protoc-gen-connectrpc={plugin}",
        f"--proto_path={proto_root}",
        f"--python_out={out}",
        f"--connectrpc_out={out}",
        "--connectrpc_opt=protobuf=google",
        _PROTO,
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"protoc-gen-connectrpc failed: {result.stderr or result.stdout}")
    return out


def load(stubs: Path) -> tuple[ModuleType, ModuleType]:
    """Import (their `ci_connect`, their `ci_pb2`) from the directory `generate` wrote."""
    if str(stubs) not in sys.path:
        sys.path.append(str(stubs))
    return importlib.import_module(CONNECT_MODULE), importlib.import_module(PB2_MODULE)
