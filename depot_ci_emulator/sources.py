"""Local repositories registered with `--repo owner/name=DIR`, and the workflow files read from them.

A repository's workflows are the `*.yml` and `*.yaml` files in `DIR/.depot/workflows/`, read when a
run is triggered (so edits show up in the next run). Paths in requests are relative to `DIR` and may
not leave it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from .errors import invalid_argument, not_found
from .formats import shown
from .workflows import MAX_WORKFLOW_BYTES

__all__ = ["WORKFLOW_DIR", "Repos", "default_sha", "parse_repo_option"]

WORKFLOW_DIR = ".depot/workflows"
"""Where a repository's workflow files live, relative to its root."""


def parse_repo_option(text: str) -> tuple[str, Path]:
    """Split a `--repo owner/name=DIR` setting.

    Raises:
        ValueError: If it is not `owner/name=DIR` or DIR is not a directory.
    """
    name, sep, directory = text.partition("=")
    if not sep or "/" not in name or not directory:
        msg = f"--repo takes owner/name=DIR, e.g. depot/cli=. (got {text!r})"
        raise ValueError(msg)
    path = Path(directory).expanduser().resolve()
    if not path.is_dir():
        msg = f"--repo {name}: {directory} is not a directory"
        raise ValueError(msg)
    return name, path


def default_sha(repo: str, sources: list[str]) -> str:
    """The commit SHA of a run that names none: a stable digest of the repository and its workflows."""
    digest = hashlib.sha1(repo.encode(), usedforsecurity=False)
    for source in sources:
        digest.update(b"\0" + source.encode())
    return digest.hexdigest()


class Repos:
    """The registered repositories, by `owner/name`."""

    def __init__(self, repos: Mapping[str, Path] | None = None) -> None:
        self._repos = dict(repos or {})

    def __contains__(self, repo: str) -> bool:
        return repo in self._repos

    @property
    def names(self) -> list[str]:
        """The registered repository names, sorted."""
        return sorted(self._repos)

    def root(self, repo: str) -> Path:
        """The directory of `repo`.

        Raises:
            ConnectError: `not_found` if the repository was not registered.
        """
        if repo not in self._repos:
            known = ", ".join(self.names) or "none"
            raise not_found(
                f"repository {repo} has no workflow files in the emulator: start it with --repo {repo}=DIR "
                f"(registered: {known}), or send the YAML in workflowContent"
            )
        return self._repos[repo]

    def read(self, repo: str, path: str, field: str = "workflow") -> str:
        """The text of workflow file `path` (relative to the repository root).

        Raises:
            ConnectError: `invalid_argument` for an absolute path or one leaving the repository;
                `not_found` for an unregistered repository or a missing file.
        """
        root = self.root(repo)
        relative = PurePosixPath(path)
        if not path or "\0" in path or relative.is_absolute() or ".." in relative.parts:
            raise invalid_argument(
                f"{field} must be a path relative to the repository root, "
                f'e.g. ".depot/workflows/ci.yml" (got {shown(path)})'
            )
        file = root / relative
        path = path if len(path) <= 120 else shown(path)
        try:
            if not file.is_file():
                raise not_found(f"{field} {path} does not exist in {repo}")
            if file.stat().st_size > MAX_WORKFLOW_BYTES:
                raise invalid_argument(f"{field} {path} is larger than {MAX_WORKFLOW_BYTES} bytes")
            return file.read_text(encoding="utf-8")
        except OSError as exc:
            raise invalid_argument(f"{field} {path} cannot be read: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise invalid_argument(f"{field} {path} is not UTF-8 text") from None

    def workflow_paths(self, repo: str) -> list[str]:
        """Paths of every workflow file of `repo`, sorted.

        Raises:
            ConnectError: `not_found` for an unregistered repository or one without workflow files.
        """
        root = self.root(repo)
        directory = root / WORKFLOW_DIR
        files = sorted(p for p in directory.glob("*") if p.suffix in (".yml", ".yaml") and p.is_file())
        if not files:
            raise not_found(f"{repo} has no workflow files in {directory}")
        return [f"{WORKFLOW_DIR}/{p.name}" for p in files]
