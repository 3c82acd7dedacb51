"""Where the generator writes: only files it owns, all or nothing, normal modes, never an input.

`proto --out DIR` cases run on a small fixture; `generate` cases on a scratch copy of this
repository's project (spec/, proto/, generated/ with its manifest, pyproject.toml). Every
refusal is exit 2 with the diagnostic at the setting (`--out`, `pyproject.toml#/tool/codegen/...`)
or at the file's path, and a snapshot of the whole project (bytes and modes) unchanged.
"""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest

from .generator_support import FIXTURES, assert_refused, copy_project, run_codegen, snapshot

SPEC = FIXTURES / "services" / "openapi.json"
PROTO = "acme/shop/v1/shop.proto"
MANIFEST = ".codegen-manifest.json"


def _proto(spec: Path, lock: Path, out: Path, *extra: str) -> list[str | Path]:
    return ["proto", "--spec", spec, "--lock", lock, "--out", out, *extra]


def _refused(root: Path, args: list[str | Path], location: str) -> list[str]:
    before = snapshot(root)
    errors = assert_refused(run_codegen(*args), location)
    assert snapshot(root) == before, "a refused run changed files"
    return errors


def _add_field(spec: Path) -> None:
    """Change `spec` so that both the output and the lock change (a new field gets a number)."""
    data = json.loads(spec.read_text())
    data["components"]["schemas"]["acme.shop.v1.Cart"]["properties"]["note"] = {"type": "string"}
    spec.write_text(json.dumps(data, indent=2))


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    """tmp_path/in/{openapi.json, lock.json} (the lock from a first run to tmp_path/first)."""
    (tmp_path / "in").mkdir()
    shutil.copy(SPEC, tmp_path / "in" / "openapi.json")
    return tmp_path / "in" / "openapi.json", tmp_path / "in" / "lock.json"


# -- proto --out: refusals ------------------------------------------------------------------


def test_out_that_is_the_spec_directory_is_refused(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    spec, lock = inputs
    errors = _refused(tmp_path, _proto(spec, lock, spec.parent), "--out")
    assert "contains the spec" in errors[0]


def test_out_that_contains_the_lock_is_refused(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    spec, _ = inputs
    lock = tmp_path / "out" / "lock.json"
    errors = _refused(tmp_path, _proto(spec, lock, tmp_path / "out"), "--out")
    assert "contains the lock" in errors[0]


def test_out_that_is_a_file_is_refused(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    spec, lock = inputs
    (tmp_path / "notes.txt").write_text("mine\n")
    errors = _refused(tmp_path, _proto(spec, lock, tmp_path / "notes.txt"), "--out")
    assert "is a file, not a directory" in errors[0]


def test_out_with_a_file_the_generator_did_not_write_is_refused(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    spec, lock = inputs
    out = tmp_path / "out"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "README.md").write_text("mine\n")
    errors = _refused(tmp_path, _proto(spec, lock, out), str(out / "docs" / "README.md"))
    assert "not written by the generator" in errors[0]
    assert "--force" in run_codegen(*_proto(spec, lock, out)).stderr


def test_force_writes_beside_files_it_did_not_write_and_keeps_them(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    spec, lock = inputs
    out = tmp_path / "out"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "README.md").write_text("mine\n")
    (out / "acme" / "shop" / "v1").mkdir(parents=True)
    (out / PROTO).write_text("// an old hand-written version\n")
    run = run_codegen(*_proto(spec, lock, out, "--force"))
    assert run.returncode == 0, run.stderr
    assert (out / "docs" / "README.md").read_text() == "mine\n"
    assert (out / PROTO).read_text() == (FIXTURES / "services" / "expected" / PROTO).read_text()
    manifest = json.loads((out / MANIFEST).read_text())
    assert list(manifest["files"]["proto_out"]) == [PROTO]


def test_a_file_that_already_holds_the_output_is_no_conflict(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    spec, lock = inputs
    out = tmp_path / "out"
    shutil.copytree(FIXTURES / "services" / "expected", out)
    run = run_codegen(*_proto(spec, lock, out))
    assert run.returncode == 0, run.stderr
    assert (out / MANIFEST).is_file()


def test_out_under_a_file_is_reported_at_its_path(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    spec, lock = inputs
    (tmp_path / "plain").write_text("a file\n")
    errors = _refused(tmp_path, _proto(spec, lock, tmp_path / "plain" / "out"), str(tmp_path / "plain"))
    assert "a file is in the way" in errors[0]


def test_out_in_a_read_only_directory_is_reported_at_its_path(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    spec, lock = inputs
    (tmp_path / "locked").mkdir(mode=0o555)
    errors = _refused(tmp_path, _proto(spec, lock, tmp_path / "locked" / "out"), str(tmp_path / "locked" / "out"))
    assert "Permission denied" in errors[0]


# -- proto --out: one transaction --------------------------------------------------------------


def test_an_unwritable_lock_leaves_the_earlier_output_alone(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    spec, lock = inputs
    out = tmp_path / "out"
    assert run_codegen(*_proto(spec, lock, out)).returncode == 0
    _add_field(spec)
    lock.parent.chmod(0o555)
    try:
        errors = _refused(tmp_path, _proto(spec, lock, out), str(lock))
    finally:
        lock.parent.chmod(0o755)
    assert "Permission denied" in errors[0]


def test_a_failure_midway_through_the_renames_undoes_the_earlier_ones(tmp_path: Path) -> None:
    """The lock (sorted first) is already in place when a directory blocks the .proto: both are undone."""
    (tmp_path / "a").mkdir()
    spec, lock, out = tmp_path / "a" / "openapi.json", tmp_path / "a" / "lock.json", tmp_path / "out"
    shutil.copy(SPEC, spec)
    assert run_codegen(*_proto(spec, lock, out)).returncode == 0
    _add_field(spec)
    (out / PROTO).unlink()
    (out / PROTO).mkdir()  # an empty directory is no file of anyone's, but nothing can be renamed over it
    errors = _refused(tmp_path, _proto(spec, lock, out), str(out / PROTO))
    assert "cannot write" in errors[0]


def test_files_it_wrote_and_no_longer_generates_are_deleted(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    spec, lock = inputs
    out = tmp_path / "out"
    assert run_codegen(*_proto(spec, lock, out)).returncode == 0
    (out / "NOTES.md").write_text("mine\n")
    data = json.loads(spec.read_text().replace("acme.shop.v1", "acme.store.v1"))
    spec.write_text(json.dumps(data))
    assert_refused(run_codegen(*_proto(spec, lock, out)), str(out / "NOTES.md"))
    run = run_codegen(*_proto(spec, lock, out, "--force"))
    assert run.returncode == 0, run.stderr
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == [MANIFEST, "NOTES.md", "acme/store/v1/store.proto"], "acme/shop/ was deleted, NOTES.md kept"


def test_modes_are_normal(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    spec, lock = inputs
    out = tmp_path / "new" / "out"
    assert run_codegen(*_proto(spec, lock, out)).returncode == 0
    _add_field(spec)
    assert run_codegen(*_proto(spec, lock, out)).returncode == 0
    for path in [tmp_path / "new", *(tmp_path / "new").rglob("*"), lock]:
        expected = 0o755 if path.is_dir() else 0o644
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


# -- generate ------------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy of this repository's generator project; returns its pyproject.toml."""
    return copy_project(tmp_path)


def _set(pyproject: Path, key: str, value: str) -> None:
    text = pyproject.read_text()
    start = text.index(f"\n{key} = ", text.index("[tool.codegen]"))
    end = text.index("\n", start + 1)
    pyproject.write_text(f'{text[:start]}\n{key} = "{value}"{text[end:]}')


def _change_spec(root: Path) -> None:
    """A change to the Depot spec that changes proto/, generated/ and the lock."""
    spec = root / "spec" / "depot-ci.openapi.json"
    data = json.loads(spec.read_text())
    data["components"]["schemas"]["depot.ci.v1.LogLine"]["properties"]["note"] = {"type": "string"}
    spec.write_text(json.dumps(data, indent=2))


def test_a_python_package_that_is_not_importable_is_refused(project: Path) -> None:
    _set(project, "python_package", "depot-ci")
    errors = _refused(project.parent, ["generate", "--config", project], f"{project}#/tool/codegen/python_package")
    assert "'depot_ci'" in run_codegen("generate", "--config", project).stderr
    assert "not an importable Python package name" in errors[0]


def test_proto_out_that_contains_the_spec_is_refused(project: Path) -> None:
    _set(project, "proto_out", "spec")
    errors = _refused(project.parent, ["generate", "--config", project], f"{project}#/tool/codegen/proto_out")
    assert "contains the spec" in errors[0]


def test_output_directories_that_overlap_are_refused(project: Path) -> None:
    _set(project, "proto_out", "generated/proto")
    _refused(project.parent, ["generate", "--config", project], f"{project}#/tool/codegen/proto_out")


def test_a_stray_file_in_generated_is_refused(project: Path) -> None:
    stray = project.parent / "generated" / "depot_ci" / "extra.py"
    stray.write_text("x = 1\n")
    _refused(project.parent, ["generate", "--config", project], str(stray))


@pytest.mark.parametrize("directory", ["generated/depot_ci/v1", "proto/depot/ci/v1", "spec"])
def test_a_read_only_directory_fails_before_anything_changes(project: Path, directory: str) -> None:
    _change_spec(project.parent)
    target = project.parent / directory
    target.chmod(0o555)
    try:
        before = snapshot(project.parent)
        errors = assert_refused(run_codegen("generate", "--config", project), str(target), inside=True)
        assert snapshot(project.parent) == before
    finally:
        target.chmod(0o755)
    assert "Permission denied" in errors[0]


def test_generate_keeps_modes_normal_and_writes_only_what_changed(project: Path) -> None:
    root = project.parent
    shutil.rmtree(root / "proto")
    run = run_codegen("generate", "--config", project)
    assert run.returncode == 0, run.stderr
    _change_spec(root)
    first = snapshot(root)
    run = run_codegen("generate", "--config", project)
    assert run.returncode == 0, run.stderr
    after = snapshot(root)
    for name, (kind, mode, _) in after.items():
        assert mode == (0o755 if kind == "dir" else 0o644), name
    changed = sorted(name for name in after if after[name] != first.get(name))
    assert "generated/.codegen-manifest.json" in changed and "spec/depot-ci.lock.json" in changed
    assert "proto/depot/ci/v1/ci.proto" in changed
    assert "generated/depot_ci/__init__.py" not in changed, "unchanged files are left alone"


def test_a_manifest_with_a_merge_conflict_stops_the_run(project: Path) -> None:
    manifest = project.parent / "generated" / MANIFEST
    text = manifest.read_text()
    manifest.write_text("<<<<<<< HEAD\n" + text + "=======\n" + text + ">>>>>>> theirs\n")
    _change_spec(project.parent)
    errors = _refused(project.parent, ["generate", "--config", project], str(manifest))
    assert "merge conflict" in errors[0]


def test_output_settings_are_checked_before_the_build(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    """A bad --out is reported even when the spec is broken too: it is checked first."""
    spec, lock = inputs
    spec.write_text("{ not json")
    _refused(tmp_path, _proto(spec, lock, spec.parent), "--out")


def test_output_left_at_0700_by_generators_before_the_manifest_gets_normal_modes(project: Path) -> None:
    root = project.parent
    (root / "generated" / MANIFEST).unlink()
    for name in ("generated", "proto"):
        (root / name).chmod(0o700)
    run = run_codegen("generate", "--config", project)
    assert run.returncode == 0, run.stderr
    assert {stat.S_IMODE((root / name).stat().st_mode) for name in ("generated", "proto")} == {0o755}
    (root / "proto").chmod(0o700)  # now the user's choice: the manifest exists
    _change_spec(root)
    assert run_codegen("generate", "--config", project).returncode == 0
    assert stat.S_IMODE((root / "proto").stat().st_mode) == 0o700
