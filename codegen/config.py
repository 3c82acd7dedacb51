"""Where the generator reads its input and writes its output: `[tool.codegen]` in pyproject.toml.

    [tool.codegen]
    spec = "spec/depot-ci.openapi.json"   # the OpenAPI 3.1 document
    lock = "spec/depot-ci.lock.json"      # field numbers (created on the first run)
    proto_out = "proto"                   # .proto files
    python_out = "generated"              # the Python package tree
    python_package = "depot_ci"           # the importable package everything goes under

Relative paths are relative to the directory of pyproject.toml.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import CodegenError, Diagnostic, Severity

__all__ = ["Config", "load_config"]

_KEYS = ("spec", "lock", "proto_out", "python_out", "python_package")


@dataclass(frozen=True, slots=True)
class Config:
    """The generator's settings, with paths made absolute."""

    spec: Path
    lock: Path
    proto_out: Path
    python_out: Path
    python_package: str


def load_config(pyproject: Path) -> Config:
    """Read `[tool.codegen]` from `pyproject`. Raises CodegenError naming what is missing."""
    location = f"{pyproject}#/tool/codegen"
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CodegenError(
            [Diagnostic(Severity.ERROR, str(pyproject), f"cannot read the configuration: {exc}")]
        ) from exc
    section = data.get("tool", {}).get("codegen")
    if not isinstance(section, dict):
        raise CodegenError(
            [Diagnostic(Severity.ERROR, location, "no [tool.codegen] section", "add one; see codegen/config.py")]
        )
    missing = [key for key in _KEYS if not isinstance(section.get(key), str) or not section[key]]
    if missing:
        raise CodegenError(
            [
                Diagnostic(Severity.ERROR, f"{location}/{key}", f"missing setting {key!r}", "see codegen/config.py")
                for key in missing
            ]
        )
    root = pyproject.resolve().parent
    return Config(
        spec=root / section["spec"],
        lock=root / section["lock"],
        proto_out=root / section["proto_out"],
        python_out=root / section["python_out"],
        python_package=section["python_package"],
    )
