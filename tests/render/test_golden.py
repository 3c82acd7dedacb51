"""The rendered fixture package equals the committed files under fixtures/expected/, and lints clean.

After an intended change of the templates or the view model, regenerate the expected files with

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_golden.py

and review the diff like any other code change.
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

from .support import EXPECTED, mypy, render_fixture, ruff, write_tree


def _on_disk(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_rendered_files_equal_the_expected_files() -> None:
    files = render_fixture()
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        write_tree(EXPECTED, files)
    expected = _on_disk(EXPECTED)
    assert sorted(files) == sorted(expected), "rendered paths differ; regenerate with UPDATE_GOLDEN=1"
    for path, text in files.items():
        if text != expected[path]:
            diff = "".join(
                difflib.unified_diff(
                    expected[path].splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    f"expected/{path}",
                    f"rendered/{path}",
                )
            )
            raise AssertionError(f"{path} differs (regenerate with UPDATE_GOLDEN=1 if intended):\n{diff}")


def test_generated_package_passes_ruff_with_the_repository_settings(package_root: Path) -> None:
    checked = ruff(package_root, "acme_widgets")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_generated_package_needs_no_formatter(package_root: Path) -> None:
    formatted = ruff(package_root, "acme_widgets", command="format")
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


def test_generated_package_and_an_implementation_pass_mypy_strict(package_root: Path) -> None:
    checked = mypy(package_root, "acme_widgets", "widgets_servers.py", ignore=("acme_widgets.v1.widgets_pb2",))
    assert checked.returncode == 0, checked.stdout + checked.stderr
