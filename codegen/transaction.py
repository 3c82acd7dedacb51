"""Replacing and deleting a set of files all or nothing.

`commit` first writes every new file as a hidden temporary sibling of its target (creating
missing directories), so that anything that can fail (a read-only directory, a full disk, a
path under a file) fails before a single target has changed. Then each target is moved aside
and its new version renamed into place; if any of those renames fails, every step taken is
undone in reverse. Only when all targets are in place are the old versions deleted.

Files are created with mode 0o666 and directories with 0o777, both less the umask (0644 and
0755 under the usual umask 022); a file that is replaced keeps its mode.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

__all__ = ["WriteFailed", "commit"]


class WriteFailed(Exception):
    """Writing or deleting `target` failed with `cause`; nothing was changed (everything was undone)."""

    def __init__(self, target: Path, cause: OSError) -> None:
        self.target = target
        self.cause = cause
        super().__init__(f"{target}: {cause.strerror or cause}")


def commit(writes: Mapping[Path, bytes], deletes: Iterable[Path] = (), *, roots: Iterable[Path] = ()) -> None:
    """Write each `writes` target with its bytes and delete each of `deletes`, all or nothing.

    Raises WriteFailed (naming the target) after undoing every change when any step fails;
    directories this call created are removed again. Directories emptied by `deletes` are
    removed, up to the first that still holds something, and never a directory of `roots` or
    one outside them.
    """
    run = _Run(tuple(roots))
    try:
        for target, data in sorted(writes.items()):
            run.stage(target, data)
        for target in sorted(set(deletes)):
            run.move_aside(target)
        for target in sorted(writes):
            run.place(target)
    except BaseException:
        run.undo()
        raise
    run.finish()


class _Run:
    def __init__(self, roots: tuple[Path, ...]) -> None:
        self.roots = roots
        self.staged: dict[Path, Path] = {}
        self.created: list[Path] = []
        self.aside: list[tuple[Path, Path]] = []
        self.placed: list[Path] = []
        self.deleted: list[Path] = []

    def stage(self, target: Path, data: bytes) -> None:
        self._make_parents(target.parent)
        try:
            mode = 0o666
            try:
                current = os.lstat(target)
                if stat.S_ISREG(current.st_mode):
                    mode = stat.S_IMODE(current.st_mode)
            except FileNotFoundError:
                pass
            temporary = target.with_name(f".{target.name}.codegen-new-{secrets.token_hex(4)}")
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
            self.staged[target] = temporary
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            if mode != 0o666:
                os.chmod(temporary, mode)  # a replaced file keeps its mode, whatever the umask
        except OSError as exc:
            raise WriteFailed(target, exc) from exc

    def move_aside(self, target: Path) -> None:
        try:
            backup = target.with_name(f".{target.name}.codegen-old-{secrets.token_hex(4)}")
            os.rename(target, backup)
            self.aside.append((target, backup))
            self.deleted.append(target)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise WriteFailed(target, exc) from exc

    def place(self, target: Path) -> None:
        try:
            if os.path.lexists(target):
                if os.path.isdir(target) and not os.path.islink(target):
                    raise IsADirectoryError(21, "a directory is in the way", str(target))
                self.move_aside(target)
                self.deleted.remove(target)
            os.rename(self.staged[target], target)
            self.placed.append(target)
        except OSError as exc:
            raise WriteFailed(target, exc) from exc

    def undo(self) -> None:
        for target in reversed(self.placed):
            _quietly(os.unlink, target)
        for target, backup in reversed(self.aside):
            _quietly(os.rename, backup, target)
        for temporary in self.staged.values():
            if os.path.lexists(temporary):
                _quietly(os.unlink, temporary)
        for directory in reversed(self.created):
            _quietly(os.rmdir, directory)

    def finish(self) -> None:
        for _, backup in self.aside:
            _quietly(os.unlink, backup)
        for target in self.deleted:
            directory = target.parent
            while self._inside_a_root(directory) and _quietly(os.rmdir, directory):
                directory = directory.parent

    def _inside_a_root(self, directory: Path) -> bool:
        return any(directory != root and directory.is_relative_to(root) for root in self.roots)

    def _make_parents(self, directory: Path) -> None:
        """Create `directory` and its missing parents; WriteFailed names the one that failed."""
        missing: list[Path] = []
        while not directory.is_dir():
            if os.path.lexists(directory):
                cause = NotADirectoryError(20, "a file is in the way of a directory", str(directory))
                raise WriteFailed(directory, cause)
            missing.append(directory)
            directory = directory.parent
        for path in reversed(missing):
            try:
                os.mkdir(path)  # 0o777 less the umask
            except OSError as exc:
                raise WriteFailed(path, exc) from exc
            self.created.append(path)


def _quietly(action: Callable[..., object], *paths: Path) -> bool:
    """Run a clean-up step; False when it failed (the clean-up goes on with the next)."""
    try:
        action(*paths)
    except OSError:
        return False
    return True
