"""`python -m codegen proto` on bad input files: exit 2, the diagnostic at its place, nothing written.

Each case starts from a project that converted once (its lock and `out/` with the manifest are
on disk), breaks one input, and compares the whole project directory (files, bytes, modes)
before and after the failing run.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .generator_support import FIXTURES, assert_refused, run_codegen, snapshot

SPEC = FIXTURES / "services" / "openapi.json"
SCHEMAS = "#/components/schemas"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """tmp_path/{openapi.json, lock.json, out/}: converted once, successfully."""
    shutil.copy(SPEC, tmp_path / "openapi.json")
    run = run_codegen(*_args(tmp_path))
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / ".codegen-manifest.json").is_file()
    return tmp_path


def _args(project: Path, spec: str = "openapi.json") -> list[str | Path]:
    return ["proto", "--spec", project / spec, "--lock", project / "lock.json", "--out", project / "out"]


def _refused(project: Path, location: str, spec: str = "openapi.json") -> list[str]:
    """Run the conversion; it must fail at `location` and leave the project exactly as it was."""
    before = snapshot(project)
    errors = assert_refused(run_codegen(*_args(project, spec)), location)
    assert snapshot(project) == before, "a failed run changed files"
    return errors


def _nested(depth: int) -> str:
    """A valid document whose one message has a description nested `depth` arrays deep (as an example)."""
    data = json.loads(SPEC.read_text())
    text = json.dumps(data)
    return text.replace('"openapi"', '"x-deep": ' + "[" * depth + "]" * depth + ', "openapi"', 1)


def test_a_spec_that_is_not_utf8(project: Path) -> None:
    text = (project / "openapi.json").read_bytes()
    broken = text.replace(b'"Cart"', b'"Ca\xe9rt"', 1)
    before = broken[: broken.index(b"\xe9")]
    line, column = before.count(b"\n") + 1, len(before) - before.rfind(b"\n")
    (project / "openapi.json").write_bytes(broken)
    errors = _refused(project, f"{project / 'openapi.json'}:{line}:{column}")
    assert "not UTF-8" in errors[0]


def test_a_lock_that_is_not_utf8(project: Path) -> None:
    (project / "lock.json").write_bytes(b'{"comment": "\xff"}\n')
    errors = _refused(project, f"{project / 'lock.json'}:1:14")
    assert "not UTF-8" in errors[0]


def test_a_lock_path_that_is_a_directory(project: Path) -> None:
    (project / "lock.json").unlink()
    (project / "lock.json").mkdir()
    errors = _refused(project, str(project / "lock.json"))
    assert "is a directory" in errors[0]


def test_json_nested_5000_levels(project: Path) -> None:
    (project / "openapi.json").write_text(_nested(5000))
    errors = _refused(project, str(project / "openapi.json"))
    assert "nested too deeply" in errors[0]


def test_json_nested_deeper_than_the_limit_is_reported_at_its_pointer(project: Path) -> None:
    (project / "openapi.json").write_text(_nested(400))
    _refused(project, "#/x-deep" + "/0" * 256)


def test_yaml_nested_5000_levels(project: Path) -> None:
    (project / "openapi.yaml").write_text("openapi: 3.1.0\nx-deep: " + "[" * 5000 + "]" * 5000 + "\n")
    errors = _refused(project, str(project / "openapi.yaml"), spec="openapi.yaml")
    assert "nested too deeply" in errors[0]


def _alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "openapi: 3.1.0\n" + "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_is_refused_quickly(project: Path) -> None:
    bomb = _alias_bomb()
    assert len(bomb.encode()) < 700
    (project / "openapi.yaml").write_text(bomb)
    started = time.monotonic()
    # The deepest value that alone expands beyond the bound: `i` -> `h` -> `g` -> `f` (9**6 nodes).
    errors = _refused(project, "#/i/0/0/0", spec="openapi.yaml")
    assert time.monotonic() - started < 60  # the bound of the run itself, not a benchmark
    assert "YAML aliases expand this value (line 7) to 597,871 nodes" in errors[0]


def test_a_recursive_yaml_alias_is_refused(project: Path) -> None:
    (project / "openapi.yaml").write_text("openapi: 3.1.0\nx-loop: &loop\n  again: *loop\n")
    errors = _refused(project, "#/x-loop/again", spec="openapi.yaml")
    assert "recursive alias" in errors[0]


def test_yaml_aliases_within_the_bound_still_load(tmp_path: Path) -> None:
    data = json.loads(SPEC.read_text())
    text = json.dumps(data, indent=1)
    # The same description object reused through an anchor: JSON is YAML, so add the anchor inline.
    text = text.replace('"info": {', '"x-shared": &shared {"note": "reused"}, "x-again": *shared, "info": {', 1)
    (tmp_path / "openapi.yaml").write_text(text)
    run = run_codegen(*_args(tmp_path, "openapi.yaml"))
    assert run.returncode == 0, run.stderr


_NON_OBJECT_COMPONENTS: dict[str, tuple[Callable[[dict[str, object]], None], str]] = {
    "string": (lambda schemas: schemas.update({"acme.shop.v1.Sku": {"type": "string"}}), "acme.shop.v1.Sku/type"),
    "array": (
        lambda schemas: schemas.update({"acme.shop.v1.Skus": {"type": "array", "items": {"type": "string"}}}),
        "acme.shop.v1.Skus/type",
    ),
    "boolean schema": (lambda schemas: schemas.update({"acme.shop.v1.Anything": True}), "acme.shop.v1.Anything"),
}


@pytest.mark.parametrize("case", list(_NON_OBJECT_COMPONENTS))
def test_a_component_that_is_not_an_object_is_an_error(project: Path, case: str) -> None:
    change, where = _NON_OBJECT_COMPONENTS[case]
    data = json.loads((project / "openapi.json").read_text())
    change(data["components"]["schemas"])
    (project / "openapi.json").write_text(json.dumps(data, indent=2))
    errors = _refused(project, f"{SCHEMAS}/{where}")
    assert "message" in errors[0]
