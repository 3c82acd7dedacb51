"""The committed output is what the pipeline produces, deterministically, and failures write nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.config import Config, load_config
from codegen.pipeline import build, check, generate


@pytest.fixture(scope="module")
def config(repo_root: Path) -> Config:
    return load_config(repo_root / "pyproject.toml")


def _copy_project(repo_root: Path, into: Path) -> Config:
    """A scratch copy of the inputs and committed outputs, so tests may break and regenerate them."""
    for name in ("spec", "proto", "generated"):
        shutil.copytree(repo_root / name, into / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(repo_root / "pyproject.toml", into / "pyproject.toml")
    return load_config(into / "pyproject.toml")


def test_committed_output_is_up_to_date(config: Config) -> None:
    """`python -m codegen check`: proto/, generated/ and the lock match spec/, the lock and templates/."""
    assert check(config) == []


def test_check_cli_names_stale_files(repo_root: Path, tmp_path: Path) -> None:
    scratch = _copy_project(repo_root, tmp_path)
    proto = next(scratch.proto_out.rglob("*.proto"))
    proto.write_text(proto.read_text() + "// edited by hand\n")
    (scratch.python_out / "depot_ci" / "stray.py").write_text("x = 1\n")
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "check", "--config", str(tmp_path / "pyproject.toml")],
        cwd=repo_root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert f"{proto.relative_to(tmp_path).as_posix()} (differs)" in result.stderr.replace(str(tmp_path) + "/", "")
    assert "depot_ci/stray.py (not generated any more)" in result.stderr


def test_check_detects_a_spec_change(repo_root: Path, tmp_path: Path) -> None:
    scratch = _copy_project(repo_root, tmp_path)
    spec = json.loads(scratch.spec.read_text())
    description = spec["components"]["schemas"]["depot.ci.v1.LogLine"]["properties"]["body"]
    description["description"] += " Changed."
    scratch.spec.write_text(json.dumps(spec, indent=2))
    stale = check(scratch)
    assert any(path.endswith("depot/ci/v1/ci.proto (differs)") for path in stale), stale


def test_generate_twice_is_byte_identical(config: Config) -> None:
    first, second = build(config), build(config)
    assert first.protos == second.protos
    assert first.python == second.python
    assert first.lock_text == second.lock_text


def test_generation_does_not_depend_on_hash_seed(repo_root: Path) -> None:
    script = (
        "import hashlib, json\n"
        "from pathlib import Path\n"
        "from codegen.config import load_config\n"
        "from codegen.pipeline import build\n"
        "g = build(load_config(Path('pyproject.toml')))\n"
        "files = {**{'proto/' + k: v for k, v in g.protos.items()}, **g.python, 'lock': g.lock_text}\n"
        "print(hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest())\n"
    )
    digests = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script], cwd=repo_root, env=env, capture_output=True, text=True, check=True
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1


def test_failed_generation_writes_nothing(repo_root: Path, tmp_path: Path) -> None:
    scratch = _copy_project(repo_root, tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    spec = json.loads(scratch.spec.read_text())
    spec["components"]["schemas"]["depot.ci.v1.LogLine"]["properties"]["body"] = {"$ref": "#/components/schemas/Nope"}
    scratch.spec.write_text(json.dumps(spec))
    before[scratch.spec] = scratch.spec.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "--config", str(tmp_path / "pyproject.toml")],
        cwd=repo_root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "#/components/schemas/depot.ci.v1.LogLine/properties/body/$ref" in result.stderr
    assert "Traceback" not in result.stderr
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before


def test_generate_into_a_fresh_tree_reproduces_the_committed_one(repo_root: Path, tmp_path: Path) -> None:
    scratch = _copy_project(repo_root, tmp_path)
    shutil.rmtree(scratch.proto_out)
    shutil.rmtree(scratch.python_out)
    generate(scratch)
    assert check(scratch) == []
    for tree in ("proto", "generated"):
        expected = sorted(
            p.relative_to(repo_root / tree)
            for p in (repo_root / tree).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        )
        produced = sorted(p.relative_to(tmp_path / tree) for p in (tmp_path / tree).rglob("*") if p.is_file())
        assert produced == expected
