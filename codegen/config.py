"""Where the generator reads its input and writes its output: `[tool.codegen]` in pyproject.toml.

    [tool.codegen]
    spec = "spec/depot-ci.openapi.json"   # the OpenAPI 3.1 document
    lock = "spec/depot-ci.lock.json"      # field numbers (created on the first run)
    proto_out = "proto"                   # .proto files
    python_out = "generated"              # the Python package tree
    python_package = "depot_ci"           # the importable package everything goes under

Relative paths are relative to the directory of pyproject.toml. `python_package` must be a
dotted Python identifier (`depot_ci`, `acme.api`): it is the import name of the output.
"""

from __future__ import annotations

import keyword
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import CodegenError, Diagnostic, Severity
from .files import read_utf8

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
    pyproject: Path = Path("pyproject.toml")
    """The file the settings were read from."""

    @property
    def location(self) -> str:
        """Where the settings are (`path/pyproject.toml#/tool/codegen`); diagnostics add the key."""
        return f"{self.pyproject}#/tool/codegen"


def load_config(pyproject: Path) -> Config:
    """Read `[tool.codegen]` from `pyproject`.

    Raises CodegenError naming what is missing or wrong, at its key
    (`pyproject.toml#/tool/codegen/python_package`), or at `pyproject` when it cannot be read.
    """
    location = f"{pyproject}#/tool/codegen"
    text = read_utf8(pyproject, "the configuration")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CodegenError(
            [Diagnostic(Severity.ERROR, str(pyproject), f"cannot read the configuration: {exc}")]
        ) from exc
    tool = data.get("tool")
    section = tool.get("codegen") if isinstance(tool, dict) else None
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
    package = section["python_package"]
    if not is_dotted_identifier(package):
        raise CodegenError(
            [
                Diagnostic(
                    Severity.ERROR,
                    f"{location}/python_package",
                    f"{package!r} is not an importable Python package name",
                    "use dotted Python identifiers, e.g. "
                    + repr(".".join(_identifier(part) for part in package.split(".") if part) or "my_api"),
                )
            ]
        )
    root = pyproject.resolve().parent
    return Config(
        spec=root / section["spec"],
        lock=root / section["lock"],
        proto_out=root / section["proto_out"],
        python_out=root / section["python_out"],
        python_package=package,
        pyproject=pyproject,
    )


def is_dotted_identifier(name: str) -> bool:
    """True for `pkg` or `pkg.sub`: each part a Python identifier that is not a keyword."""
    return all(part.isidentifier() and not keyword.iskeyword(part) for part in name.split("."))


def _identifier(part: str) -> str:
    """`part` made into an identifier, for the hint (`depot-ci` -> `depot_ci`)."""
    cleaned = "".join(c if c.isalnum() or c == "_" else "_" for c in part)
    if cleaned[:1].isdigit():
        cleaned = "_" + cleaned
    return cleaned + "_" if keyword.iskeyword(cleaned) else cleaned
