"""`python -m codegen diff` and the report `make generate` prints, as a maintainer runs them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from converter.support import read_tree, run_cli

from .cases import CASES
from .specs import W, base, edited

REMOVE_NAME = next(c for c in CASES if c.name == "field-removed").edits
ADD_WEIGHT = next(c for c in CASES if c.name == "field-added").edits
RENAME_NAME = next(c for c in CASES if c.name == "field-renamed").edits


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def versions(tmp_path: Path) -> tuple[Path, Path]:
    return _write(tmp_path / "old.json", base()), _write(tmp_path / "new.json", edited(*REMOVE_NAME, *ADD_WEIGHT))


def test_diff_prints_the_report_and_fails_only_on_the_chosen_category(versions: tuple[Path, Path]) -> None:
    old, new = versions
    shown = run_cli("diff", old, new)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[0] == f"{old} -> {new}: 2 change(s); breaking python 1; 1 compatible"
    assert f"#/components/schemas/{W}/properties/name" in shown.stdout
    assert run_cli("diff", old, new, "--fail-on", "wire").returncode == 0
    assert run_cli("diff", old, new, "--fail-on", "python").returncode == 1
    assert run_cli("diff", old, new, "--fail-on", "any").returncode == 1
    assert run_cli("diff", old, old, "--fail-on", "any").returncode == 0


def test_diff_as_json_and_markdown(versions: tuple[Path, Path]) -> None:
    old, new = versions
    data = json.loads(run_cli("diff", old, new, "--format", "json").stdout)
    assert [(c["kind"], c["subject"], c["breaks"]) for c in data["changes"]] == [
        ("field-removed", f"{W}.name", ["python"]),
        ("field-added", f"{W}.weight", []),
    ]
    assert data["summary"] == {"changes": 2, "wire": 0, "json": 0, "python": 1, "compatible": 1}
    markdown = run_cli("diff", old, new, "--format", "markdown").stdout
    assert markdown.startswith(f"**{old} -> {new}: 2 change(s)")
    assert "| Breaks | Change | Subject | Where | Detail |" in markdown


def test_diff_with_a_lock_that_declares_a_rename(tmp_path: Path) -> None:
    old = _write(tmp_path / "old.json", base())
    new = _write(tmp_path / "new.json", edited(*RENAME_NAME))
    lock = tmp_path / "lock.json"
    assert run_cli("proto", "--spec", old, "--lock", lock, "--out", tmp_path / "proto").returncode == 0
    undeclared = json.loads(run_cli("diff", old, new, "--lock", lock, "--format", "json").stdout)
    assert {c["kind"] for c in undeclared["changes"]} == {"field-removed", "field-added"}
    (removed,) = [c for c in undeclared["changes"] if c["kind"] == "field-removed"]
    assert f'set lock.json#/messages/{W}/fields/title to {{"renamed_from": "name"}}' in removed["detail"]
    data = json.loads(lock.read_text(encoding="utf-8"))
    data["messages"][W]["fields"]["title"] = {"renamed_from": "name"}
    _write(lock, data)
    declared = json.loads(run_cli("diff", old, new, "--lock", lock, "--format", "json").stdout)
    assert [(c["kind"], c["breaks"]) for c in declared["changes"]] == [("field-renamed", ["json", "python"])]
    assert "keeps number 2" in declared["changes"][0]["detail"]


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        ("missing-spec", "cannot read the document"),
        ("missing-lock", "no lock file here"),
        ("broken-ref", "/properties/name/$ref: '#/nope'"),
    ],
)
def test_diff_exits_2_on_bad_input_naming_where(versions: tuple[Path, Path], problem: str, expected: str) -> None:
    old, new = versions
    args: list[str | Path] = ["diff", old, new]
    if problem == "missing-spec":
        args = ["diff", old, old.with_name("nope.json")]
    elif problem == "missing-lock":
        args += ["--lock", old.with_name("nope.lock.json")]
    else:
        broken = edited(lambda d: d["components"]["schemas"][W]["properties"]["name"].update({"$ref": "#/nope"}))
        _write(new, broken)
    shown = run_cli(*args)
    assert shown.returncode == 2, shown.stderr
    assert expected in shown.stderr and "Traceback" not in shown.stderr
    assert shown.stdout == ""


# -- make generate -------------------------------------------------------------------------


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A project generating the base document as package `acme`."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.codegen]\nspec = "openapi.json"\nlock = "lock.json"\nproto_out = "proto"\n'
        'python_out = "generated"\npython_package = "acme"\n',
        encoding="utf-8",
    )
    _write(tmp_path / "openapi.json", base())
    return tmp_path


def _generate(project: Path) -> Any:
    return run_cli("generate", "--config", project / "pyproject.toml", timeout=120)


def test_generate_reports_against_the_spec_kept_beside_the_output(project: Path) -> None:
    first = _generate(project)
    assert first.returncode == 0, first.stderr
    assert "no earlier spec at" in first.stdout and "(first generation)" in first.stdout
    assert (project / "generated" / "openapi.json").read_text(encoding="utf-8") == (project / "openapi.json").read_text(
        encoding="utf-8"
    )
    # Nothing changed since: the manifest says so and nothing is built (so there is nothing to report).
    assert "output is up to date" in _generate(project).stdout
    _write(project / "openapi.json", edited(*ADD_WEIGHT))
    assert run_cli("check", "--config", project / "pyproject.toml").returncode == 1
    second = _generate(project)
    assert second.returncode == 0, second.stderr
    assert "1 change(s); breaking nothing; 1 compatible" in second.stdout
    assert f"field-added                {W}.weight" in second.stdout
    assert run_cli("check", "--config", project / "pyproject.toml").returncode == 0


def test_a_rename_declared_after_the_report_suggested_it(project: Path) -> None:
    assert _generate(project).returncode == 0
    _write(project / "openapi.json", edited(*RENAME_NAME))
    lock = json.loads((project / "lock.json").read_text(encoding="utf-8"))
    lock["messages"][W]["fields"]["title"] = {"renamed_from": "name"}
    _write(project / "lock.json", lock)
    shown = _generate(project)
    assert shown.returncode == 0, shown.stderr
    assert "breaks json, python" in shown.stdout and "field-renamed" in shown.stdout
    assert "string title = 2;" in (project / "proto" / "acme" / "v1" / "acme.proto").read_text(encoding="utf-8")


def test_generate_stops_at_an_example_that_does_not_match_before_writing_anything(project: Path) -> None:
    assert _generate(project).returncode == 0
    before = read_tree(project)
    broken = edited(lambda d: d["components"]["schemas"][W].update(examples=[{"id": "w1", "size": "big"}]))
    _write(project / "openapi.json", broken)
    shown = _generate(project)
    assert shown.returncode == 2
    assert f"error: #/components/schemas/{W}/examples/0/size: the example does not match its schema" in shown.stderr
    assert "nothing was written" in shown.stderr
    assert read_tree(project) == {**before, "openapi.json": (project / "openapi.json").read_text(encoding="utf-8")}


def test_the_cli_choices_are_the_diff_package_s_own() -> None:
    # pipeline.py spells them out so that the CLI (and `generate`'s up-to-date path) need not import
    # codegen.diff, which pulls in protobuf; the two lists must stay the same.
    from codegen import diff, pipeline

    assert pipeline.DIFF_FORMATS == diff.FORMATS
    assert pipeline.DIFF_FAIL_ON == diff.FAIL_ON
