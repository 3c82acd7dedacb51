"""The manifest beside the output: an unchanged regeneration writes nothing, any change is noticed.

`generate` may skip building only when the spec, the lock, the configuration, the generator's
sources and tools, and every output file are as `generated/.codegen-manifest.json` records them.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codegen import manifest as manifest_module
from codegen.config import Config, load_config
from codegen.diagnostics import CodegenError
from codegen.manifest import MANIFEST_NAME, FileEntry, Manifest, read_manifest
from codegen.pipeline import Generated, UpToDate, check, generate, up_to_date

HEAVY_MODULES = (
    "jinja2",
    "jsonschema",
    "jsonschema_rs",
    "openapi_spec_validator",
    "grpc_tools",
    "google.protobuf",
    "yaml",
)


@pytest.fixture
def project(repo_root: Path, tmp_path: Path) -> Config:
    """A scratch copy of the inputs and the committed output (manifest included)."""
    for name in ("spec", "proto", "generated"):
        shutil.copytree(repo_root / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(repo_root / "pyproject.toml", tmp_path / "pyproject.toml")
    return load_config(tmp_path / "pyproject.toml")


def _snapshot(root: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(root.rglob("*")) if p.is_file()}


def _run(config: Config, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "codegen", *args, "--config", str(config.python_out.parent / "pyproject.toml")]
    repo = Path(__file__).resolve().parents[2]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False, timeout=120)


def test_the_committed_manifest_lists_every_generated_file_with_its_hash(repo_root: Path) -> None:
    config = load_config(repo_root / "pyproject.toml")
    manifest = read_manifest(config.python_out / MANIFEST_NAME)
    assert manifest is not None
    for name, root in (("proto_out", config.proto_out), ("python_out", config.python_out)):
        on_disk = {
            p.relative_to(root).as_posix(): FileEntry(p.stat().st_size, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in root.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.name != MANIFEST_NAME
        }
        assert manifest.files[name] == on_disk
    assert manifest.roots == {"proto_out": "../proto", "python_out": "."}


def test_an_unchanged_project_is_up_to_date_and_nothing_is_written(project: Config) -> None:
    before = _snapshot(project.python_out.parent)
    outcome = generate(project)
    assert isinstance(outcome, UpToDate)
    assert outcome.files == sum(len(entries) for entries in outcome.manifest.files.values()) > 5
    assert _snapshot(project.python_out.parent) == before


def test_the_command_says_up_to_date_repeats_the_warnings_and_imports_nothing_heavy(project: Config) -> None:
    script = (
        "import sys\n"
        "from codegen.cli import main\n"
        f"code = main(['generate', '--config', {str(project.python_out.parent / 'pyproject.toml')!r}])\n"
        f"heavy = sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY_MODULES!r} or m in {HEAVY_MODULES!r})\n"
        "print('HEAVY', heavy)\n"
        "sys.exit(code)\n"
    )
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", script], cwd=repo, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "codegen: output is up to date" in result.stdout
    assert "nothing written" in result.stdout
    assert "HEAVY []" in result.stdout
    recorded = read_manifest(project.python_out / MANIFEST_NAME)
    assert recorded is not None and recorded.warnings
    for warning in recorded.warnings:
        assert str(warning) in result.stderr


def test_a_hand_edited_output_file_is_rebuilt_and_check_names_it(project: Config) -> None:
    module = project.python_out / "depot_ci" / "v1" / "__init__.py"
    original = module.read_text(encoding="utf-8")
    module.write_text(original.replace("\n", "\n\n", 1), encoding="utf-8")
    assert any("depot_ci/v1/__init__.py (differs)" in path for path in check(project))
    manifest, reasons = up_to_date(project)
    assert manifest is None and "depot_ci/v1/__init__.py (differs)" in reasons[0]
    outcome = generate(project)
    assert isinstance(outcome, Generated)
    assert outcome.written == (module,)
    assert module.read_text(encoding="utf-8") == original
    assert isinstance(generate(project), UpToDate)


def test_a_same_size_edit_is_noticed(project: Config) -> None:
    proto = next(project.proto_out.rglob("*.proto"))
    text = proto.read_text(encoding="utf-8")
    proto.write_text(text.replace("message", "messagE", 1), encoding="utf-8")
    manifest, reasons = up_to_date(project)
    assert manifest is None and "(differs)" in reasons[0]


@pytest.mark.parametrize("where", ["python_out", "proto_out"])
def test_a_file_the_generator_did_not_write_is_noticed(project: Config, where: str) -> None:
    root: Path = getattr(project, where)
    stray = root / "stray.txt"
    stray.write_text("left here by hand\n", encoding="utf-8")
    manifest, reasons = up_to_date(project)
    assert manifest is None and f"{where}/stray.txt (not generated)" in reasons[0]
    with pytest.raises(CodegenError) as raised:  # the full run refuses to write beside it
        generate(project)
    assert [d.location for d in raised.value.diagnostics] == [str(stray)]
    assert isinstance(generate(project, force=True), Generated)
    assert stray.exists(), "a file the generator did not write is kept"


def test_a_deleted_output_file_is_noticed(project: Config) -> None:
    (project.python_out / "depot_ci" / "py.typed").unlink()
    manifest, reasons = up_to_date(project)
    assert manifest is None and "depot_ci/py.typed (missing)" in reasons[0]


def test_a_spec_change_is_noticed_and_rebuilt(project: Config) -> None:
    spec = json.loads(project.spec.read_text(encoding="utf-8"))
    spec["components"]["schemas"]["depot.ci.v1.LogLine"]["properties"]["body"]["description"] += " Changed."
    project.spec.write_text(json.dumps(spec, indent=2), encoding="utf-8")
    assert up_to_date(project) == (None, ("inputs changed: spec",))
    outcome = generate(project)
    assert isinstance(outcome, Generated)
    assert outcome.reasons == ("inputs changed: spec",)
    assert any(path.suffix == ".proto" for path in outcome.written)
    assert any(path.name == MANIFEST_NAME for path in outcome.written)
    assert check(project) == []
    assert isinstance(generate(project), UpToDate)


def test_a_reformatted_spec_rebuilds_but_writes_only_the_manifest_and_the_spec_copy(project: Config) -> None:
    spec = json.loads(project.spec.read_text(encoding="utf-8"))
    project.spec.write_text(json.dumps(spec, indent=4), encoding="utf-8")
    before = _snapshot(project.proto_out)
    outcome = generate(project)
    assert isinstance(outcome, Generated)
    # The copy of the spec beside the output (the next report's baseline) follows the spec's text;
    # no generated module changes.
    assert sorted(path.name for path in outcome.written) == sorted([MANIFEST_NAME, project.spec.name])
    assert _snapshot(project.proto_out) == before
    assert isinstance(generate(project), UpToDate)


def test_a_lock_change_is_noticed(project: Config) -> None:
    project.lock.write_text(project.lock.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert up_to_date(project) == (None, ("inputs changed: lock",))


def test_a_configuration_change_is_noticed(project: Config) -> None:
    pyproject = project.python_out.parent / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8").replace('python_package = "depot_ci"', 'python_package = "depot_ci2"')
    pyproject.write_text(text, encoding="utf-8")
    changed = load_config(pyproject)
    assert up_to_date(changed) == (None, ("inputs changed: configuration",))


def test_a_generator_or_template_change_is_noticed(
    project: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = []
    for directory in manifest_module.GENERATOR_SOURCES:
        copy = tmp_path / "generator" / directory.name
        shutil.copytree(directory, copy, ignore=shutil.ignore_patterns("__pycache__"))
        sources.append(copy)
    monkeypatch.setattr(manifest_module, "GENERATOR_SOURCES", tuple(sources))
    assert up_to_date(project)[0] is not None, "a byte-identical copy of the sources is the same generator"
    template = next((tmp_path / "generator" / "templates").glob("*.jinja"))
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert up_to_date(project) == (None, ("inputs changed: generator",))


def test_the_templates_the_renderer_reads_are_hashed() -> None:
    from codegen.python.render import TEMPLATES

    assert TEMPLATES.resolve() in manifest_module.GENERATOR_SOURCES


def test_a_damaged_manifest_is_not_up_to_date_and_the_full_run_says_why(project: Config) -> None:
    path = project.python_out / MANIFEST_NAME
    path.write_text("{not json", encoding="utf-8")
    manifest, reasons = up_to_date(project)
    assert manifest is None and "no readable manifest" in reasons[0]
    with pytest.raises(CodegenError) as raised:
        generate(project)
    assert [d.location for d in raised.value.diagnostics] == [str(path)]


def test_a_missing_lock_is_not_up_to_date(project: Config) -> None:
    project.lock.unlink()
    assert up_to_date(project) == (None, ("the lock is missing or unreadable",))


def test_check_names_a_hand_edited_manifest(project: Config) -> None:
    path = project.python_out / MANIFEST_NAME
    path.write_text(path.read_text(encoding="utf-8").replace('"format": 1', '"format": 1 '), encoding="utf-8")
    assert any(p.endswith(f"{MANIFEST_NAME} (differs)") for p in check(project))


def test_strict_fails_on_the_recorded_warnings_even_when_up_to_date(project: Config) -> None:
    result = _run(project, "generate", "--strict")
    assert result.returncode == 2, result.stderr
    assert "error: #/components/schemas/connect.error" in result.stderr
    assert "Traceback" not in result.stderr


def test_rebuild_builds_and_writes_nothing_when_nothing_changed(project: Config) -> None:
    before = _snapshot(project.python_out.parent)
    result = _run(project, "generate", "--rebuild")
    assert result.returncode == 0, result.stderr
    assert "0 changed (built because --rebuild)" in result.stdout
    assert _snapshot(project.python_out.parent) == before


def test_the_manifest_round_trips(repo_root: Path) -> None:
    text = (repo_root / "generated" / MANIFEST_NAME).read_text(encoding="utf-8")
    assert Manifest.from_text(text).to_text() == text


def test_the_manifest_path_does_not_depend_on_where_the_project_is(project: Config, repo_root: Path) -> None:
    assert (project.python_out / MANIFEST_NAME).read_bytes() == (repo_root / "generated" / MANIFEST_NAME).read_bytes()
    assert os.path.relpath(project.proto_out, project.python_out) == "../proto"
