"""`[tool.codegen]` that cannot work is refused at its key, before anything runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.config import load_config
from codegen.diagnostics import CodegenError

_SECTION = """[tool.codegen]
spec = "spec/api.json"
lock = "spec/api.lock.json"
proto_out = "proto"
python_out = "generated"
python_package = {package}
"""


def _errors(pyproject: Path) -> list[str]:
    with pytest.raises(CodegenError) as raised:
        load_config(pyproject)
    return [str(d) for d in raised.value.diagnostics]


@pytest.mark.parametrize(
    ("package", "suggested"),
    [
        ("depot-ci", "depot_ci"),
        ("acme.class", "acme.class_"),
        ("1api", "_1api"),
        ("acme..api", "acme.api"),
        (".", "my_api"),
    ],
)
def test_a_package_name_that_python_cannot_import_is_refused(tmp_path: Path, package: str, suggested: str) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(_SECTION.format(package=f'"{package}"'))
    [error] = _errors(pyproject)
    assert error.startswith(f"error: {pyproject}#/tool/codegen/python_package: {package!r} is not an importable")
    assert repr(suggested) in error


@pytest.mark.parametrize("package", ["depot_ci", "acme.api.v1", "_private"])
def test_dotted_identifiers_are_accepted(tmp_path: Path, package: str) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(_SECTION.format(package=f'"{package}"'))
    assert load_config(pyproject).python_package == package


def test_a_configuration_that_is_not_utf8(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_bytes(_SECTION.format(package='"caf\xe9"').encode("latin-1"))
    [error] = _errors(pyproject)
    assert error.startswith(f"error: {pyproject}:6:")
    assert "not UTF-8" in error


def test_a_tool_table_that_is_not_a_table(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('tool = "codegen"\n')
    [error] = _errors(pyproject)
    assert f"{pyproject}#/tool/codegen: no [tool.codegen] section" in error
