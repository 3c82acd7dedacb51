"""Writing a run's output: only files the generator owns are replaced, and all of it or nothing.

The generator owns the files its manifest (`codegen.manifest`) lists. Before anything is
written, `write_output` refuses (CodegenError, nothing written):

- an output directory that is a file, or that overlaps another output directory;
- an output directory that contains the spec or the lock (they would be replaced or deleted);
- an output directory holding a file the generator does not own, unless `force` (then such a
  file is overwritten only if a generated file has its path; the others are left alone). A
  file that already holds exactly what would be written is not a conflict.

Then the changed output files, the manifest and the lock are written in one transaction
(`codegen.transaction`), and owned files that are no longer generated are deleted in it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import CodegenError, Diagnostic, Reporter, Severity
from .manifest import MANIFEST_NAME, Manifest, read_manifest
from .transaction import WriteFailed, commit

__all__ = ["OutputRoot", "check_roots", "diff_tree", "write_output"]

_SHOWN_UNOWNED = 10
"""How many files not owned are named one by one before the rest are counted."""


@dataclass(frozen=True)
class OutputRoot:
    """One output directory of a run and the files to put in it."""

    name: str
    """The manifest's name for it: `proto_out`, `python_out`."""
    directory: Path
    setting: str
    """Where it was configured, for diagnostics: `pyproject.toml#/tool/codegen/proto_out`, `--out`."""
    files: Mapping[str, str]
    """{path relative to `directory`: text}"""


def write_output(
    roots: Sequence[OutputRoot],
    manifest: Manifest,
    lock: Path,
    lock_text: str,
    *,
    spec: Path,
    force: bool = False,
) -> list[Path]:
    """Put `roots`' files, the manifest (in the first root) and the lock on disk, all or nothing.

    Returns the paths written or deleted (unchanged files are not touched). Raises CodegenError,
    having changed nothing, when a check in the module docstring fails (at the root's `setting`,
    or at the path of each file not owned) or when a file cannot be written (at its path).
    """
    check_roots(roots, spec, lock)
    home = roots[0].directory
    if not force:
        _check_manifest_readable(home / MANIFEST_NAME)
    previous = [m for m in (_manifest_in(r.directory) for r in roots) if m is not None]
    writes: dict[Path, bytes] = {}
    deletes: list[Path] = []
    unowned: list[Path] = []
    for root in roots:
        files = dict(root.files)
        if root.directory == home:
            files[MANIFEST_NAME] = manifest.to_text()
        owned = {name for base, m in previous for name in m.owned(base, root.directory)}
        if _manifest_in(root.directory) is not None:
            owned.add(MANIFEST_NAME)
        for name, path in _entries(root.directory):
            if name in owned:
                if name not in files:
                    deletes.append(path)
            elif not _holds(path, files.get(name)):
                unowned.append(path)
        for name, text in files.items():
            data = text.encode("utf-8")
            path = root.directory / name
            if not _holds_bytes(path, data):
                writes[path] = data
    if unowned and not force:
        raise CodegenError(_unowned_errors(unowned, roots))
    lock_data = lock_text.encode("utf-8")
    if not _holds_bytes(lock, lock_data):
        writes[lock] = lock_data
    try:
        commit(writes, deletes, roots=[r.directory for r in roots])
    except WriteFailed as failed:
        reason = failed.cause.strerror or str(failed.cause)
        raise CodegenError(
            [
                Diagnostic(
                    Severity.ERROR,
                    str(failed.target),
                    f"cannot write: {reason}",
                    "make the directory writable, or choose another output directory; nothing was changed",
                )
            ]
        ) from failed
    if not previous:
        _repair_modes(r.directory for r in roots)
    return sorted([*writes, *deletes])


def _repair_modes(directories: Iterable[Path]) -> None:
    """Give output directories left at 0700 by generators before the manifest their usual mode.

    Those versions swapped in a whole temporary directory (created 0700) as the output root;
    a root at 0700 with no manifest is that, so it gets 0777 less the umask. Once a manifest
    exists, modes are the user's and left alone.
    """
    mask = os.umask(0)
    os.umask(mask)
    for directory in directories:
        try:
            if stat.S_IMODE(directory.stat().st_mode) == 0o700:
                directory.chmod(0o777 & ~mask)
        except OSError:
            pass  # cosmetic; the output itself is written


def check_roots(roots: Sequence[OutputRoot], spec: Path, lock: Path) -> None:
    """Refuse output directories that are files, overlap, or contain the spec or the lock.

    Looks only at paths (the roots' files are not needed), so a run can call it before building.
    Raises CodegenError with every problem, each at the root's `setting`.
    """
    reporter = Reporter()
    resolved = [r.directory.resolve() for r in roots]
    for index, root in enumerate(roots):
        here = resolved[index]
        if root.directory.exists() and not root.directory.is_dir():
            reporter.error(
                root.setting,
                f"{root.directory} is a file, not a directory",
                "name a directory for the output (it is created if missing)",
            )
            continue
        for other, there in zip(roots[:index], resolved[:index], strict=False):
            if here == there or here.is_relative_to(there) or there.is_relative_to(here):
                reporter.error(
                    root.setting,
                    f"{root.directory} overlaps the other output directory {other.directory}",
                    "give each output its own directory, neither inside the other",
                )
        for what, path in (("the spec", spec), ("the lock", lock)):
            if path.resolve().is_relative_to(here):
                reporter.error(
                    root.setting,
                    f"{root.directory} contains {what} ({path}); the generator would replace or delete it",
                    "choose an output directory that holds only generated files",
                )
    reporter.raise_if_errors()


def _unowned_errors(unowned: list[Path], roots: Sequence[OutputRoot]) -> list[Diagnostic]:
    hint = (
        "the generator replaces only files it wrote (listed in its manifest): move this file out of the "
        "output directory, or pass --force to write anyway (files it did not write are kept unless a "
        "generated file has their path)"
    )
    errors = [
        Diagnostic(
            Severity.ERROR, str(path), "this file in the output directory was not written by the generator", hint
        )
        for path in sorted(unowned)[:_SHOWN_UNOWNED]
    ]
    if len(unowned) > _SHOWN_UNOWNED:
        settings = ", ".join(r.setting for r in roots)
        errors.append(
            Diagnostic(
                Severity.ERROR, settings, f"and {len(unowned) - _SHOWN_UNOWNED} more files the generator did not write"
            )
        )
    return errors


def _check_manifest_readable(path: Path) -> None:
    """A manifest that exists but cannot be read (a merge conflict in it) would disown every file: say so."""
    if os.path.lexists(path) and read_manifest(path) is None:
        raise CodegenError(
            [
                Diagnostic(
                    Severity.ERROR,
                    str(path),
                    "the generator's manifest cannot be read (a merge conflict in it?), so it cannot tell "
                    "which files it wrote",
                    "take either side of the conflict (`git checkout --theirs -- <this file>`) and run again; "
                    "or pass --force to write anyway (files not listed are then kept, not deleted)",
                )
            ]
        )


def _manifest_in(directory: Path) -> tuple[Path, Manifest] | None:
    manifest = read_manifest(directory / MANIFEST_NAME)
    return (directory, manifest) if manifest is not None else None


def _entries(root: Path) -> Iterator[tuple[str, Path]]:
    """(relative POSIX path, path) of every file and link below `root`, `__pycache__` aside."""
    for directory, subdirectories, names in os.walk(root):
        here = Path(directory)
        links = [d for d in subdirectories if (here / d).is_symlink()]
        subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__" and d not in links)
        for name in sorted([*names, *links]):
            path = here / name
            yield path.relative_to(root).as_posix(), path


def _holds(path: Path, text: str | None) -> bool:
    return text is not None and _holds_bytes(path, text.encode("utf-8"))


def _holds_bytes(path: Path, data: bytes) -> bool:
    """True when `path` is a regular file with exactly `data` (no need to write it)."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def diff_tree(target: Path, files: Mapping[str, str]) -> list[str]:
    """Paths under `target` that differ from `files`: changed, missing, or present but not generated."""
    on_disk = {name for name, path in _entries(target) if not path.is_symlink()} if target.is_dir() else set()
    stale = []
    for relative in sorted(on_disk | set(files)):
        if relative not in files:
            stale.append(f"{relative} (not generated any more)")
        elif relative not in on_disk:
            stale.append(f"{relative} (missing)")
        elif not _holds(target / relative, files[relative]):
            stale.append(f"{relative} (differs)")
    return stale
