"""Writing results so that a failed run never leaves half-written output behind.

Everything is first written into a temporary directory next to its destination; only when every
tree is complete are the old trees swapped out and the new ones moved in (a rename on the same
file system), and the old ones deleted.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["diff_tree", "replace_trees", "write_text_atomic"]


def replace_trees(trees: Mapping[Path, Mapping[str, str]]) -> None:
    """Replace each directory with exactly the given files ({relative path: text}), all or nothing."""
    staged: dict[Path, Path] = {}
    try:
        for target, files in trees.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
            staged[target] = stage
            for relative, text in sorted(files.items()):
                path = stage / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8", newline="\n")
    except BaseException:
        for stage in staged.values():
            shutil.rmtree(stage, ignore_errors=True)
        raise
    backups: dict[Path, Path] = {}
    try:
        for target, stage in staged.items():
            if target.exists():
                backup = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
                os.rmdir(backup)
                target.rename(backup)
                backups[target] = backup
            stage.rename(target)
    except BaseException:
        # Put back whatever was already moved, so the tree is as it was before the run.
        for target, backup in backups.items():
            if target.exists():
                shutil.rmtree(target, ignore_errors=True)
            backup.rename(target)
        for stage in staged.values():
            shutil.rmtree(stage, ignore_errors=True)
        raise
    for backup in backups.values():
        shutil.rmtree(backup, ignore_errors=True)


def write_text_atomic(path: Path, text: str) -> None:
    """Write a file through a temporary sibling and a rename, so readers never see half of it.

    A file that already holds `text` is left alone (its timestamp too).
    """
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def diff_tree(target: Path, files: Mapping[str, str]) -> list[str]:
    """Paths under `target` that differ from `files`: changed, missing, or present but not generated."""
    on_disk = (
        {
            path.relative_to(target).as_posix()
            for path in target.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        }
        if target.exists()
        else set()
    )
    stale = []
    for relative in sorted(on_disk | set(files)):
        if relative not in files:
            stale.append(f"{relative} (not generated any more)")
        elif relative not in on_disk:
            stale.append(f"{relative} (missing)")
        elif (target / relative).read_text(encoding="utf-8") != files[relative]:
            stale.append(f"{relative} (differs)")
    return stale
