"""`codegen.transaction.commit` undoes everything when any step fails, wherever it fails.

In-process: each step that touches the file system (create a directory, open a temporary file,
rename) is made to fail in turn, and the tree must be exactly as before, no temporary left.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from codegen.openapi.bounds import depth_problem, yaml_alias_problem
from codegen.transaction import WriteFailed, commit

from .generator_support import snapshot

_STEPS = ("mkdir", "open", "rename")


def _tree(root: Path) -> tuple[dict[Path, bytes], list[Path]]:
    """An existing output (two files, one to delete) and the writes that replace it."""
    (root / "out" / "old").mkdir(parents=True)
    (root / "out" / "keep.txt").write_text("old keep\n")
    (root / "out" / "old" / "gone.txt").write_text("stale\n")
    (root / "lock.json").write_text("{}\n")
    (root / "lock.json").chmod(0o600)
    writes = {
        root / "lock.json": b'{"messages": {}}\n',
        root / "out" / "keep.txt": b"new keep\n",
        root / "out" / "new" / "deep" / "a.txt": b"a\n",
        root / "out" / "z.txt": b"z\n",
    }
    return writes, [root / "out" / "old" / "gone.txt"]


def _failing_at(step: str, count: int, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make the `count`-th call of os.<step> fail with EACCES; returns a one-item call counter."""
    calls = [0]
    original: Callable[..., Any] = getattr(os, step)

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == count:
            raise PermissionError(13, "Permission denied (injected)", str(args[0]))
        return original(*args, **kwargs)

    monkeypatch.setattr(os, step, failing)
    return calls


def _steps_of(step: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """How often a successful commit calls os.<step>."""
    writes, deletes = _tree(tmp_path / "probe")
    with monkeypatch.context() as patch:
        calls = _failing_at(step, 0, patch)
        commit(writes, deletes, roots=[tmp_path / "probe" / "out"])
    return calls[0]


@pytest.mark.parametrize("step", _STEPS)
def test_a_failure_at_any_step_leaves_the_tree_as_it_was(
    step: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    total = _steps_of(step, tmp_path, monkeypatch)
    assert total >= 2, f"commit should call os.{step} several times"
    for count in range(1, total + 1):
        root = tmp_path / f"{step}-{count}"
        writes, deletes = _tree(root)
        before = snapshot(root)
        with monkeypatch.context() as patch:
            _failing_at(step, count, patch)
            with pytest.raises(WriteFailed):
                commit(writes, deletes, roots=[root / "out"])
        assert snapshot(root) == before, f"os.{step} call {count} of {total} failed and the tree changed"


def test_success_replaces_deletes_and_keeps_modes(tmp_path: Path) -> None:
    writes, deletes = _tree(tmp_path)
    old_umask = os.umask(0o022)
    try:
        commit(writes, deletes, roots=[tmp_path / "out"])
    finally:
        os.umask(old_umask)
    after = snapshot(tmp_path)
    assert after["lock.json"] == ("file", 0o600, b'{"messages": {}}\n'), "a replaced file keeps its mode"
    assert after["out/new/deep/a.txt"] == ("file", 0o644, b"a\n")
    assert after["out/new"][:2] == ("dir", 0o755) and after["out/new/deep"][:2] == ("dir", 0o755)
    assert "out/old" not in after, "a directory emptied by deletes is removed"
    assert sorted(after) == sorted(
        [".", "lock.json", "out", "out/keep.txt", "out/new", "out/new/deep", "out/new/deep/a.txt", "out/z.txt"]
    ), "no temporary or backup file is left"


class _Node:
    """A composed YAML node as PyYAML and ruamel.yaml build them (`.value`: children or text)."""

    def __init__(self, value: Any) -> None:
        self.value = value


def test_shared_yaml_nodes_within_the_bound_are_accepted() -> None:
    leaf = _Node([_Node("x")] * 100)
    root = _Node([(_Node("a"), leaf), (_Node("b"), _Node([leaf] * 100))])
    assert yaml_alias_problem(root) is None


def test_nesting_is_checked_without_recursion() -> None:
    data: Any = []
    for _ in range(100_000):
        data = [data]
    problem = depth_problem({"x": data})
    assert problem is not None and problem.location == "#/x" + "/0" * 256
