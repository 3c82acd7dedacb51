"""The manifest: which files the generator wrote, from which inputs, kept with the output.

One JSON file, `.codegen-manifest.json`, in the directory of the main output (`python_out` for
`generate`, `--out` for `proto`), records

- `inputs`: a SHA-256 of everything the output depends on, and its parts: the spec, the lock
  (as the run left it), the settings (output paths relative to the manifest, the package
  name), the generator's own sources (every `.py` under codegen/ and every file under
  templates/) and the versions of the tools whose output is copied in (protoc, Jinja2);
- `roots` and `files`: every generated file by output root (`proto_out`, `python_out`; each
  root's directory relative to the manifest's), with its size in bytes and SHA-256. These are
  the files the generator owns: the only ones a later run may replace or delete;
- `warnings`: the warnings of the run (an up-to-date run prints them again).

It is written in the same transaction as the output and the lock, so it always describes what
is on disk. `generate` reads it first: when the inputs hash as recorded and every listed file
still has its size and hash (`verify_outputs`), nothing changed and nothing is built or written.
This module is on that path, so it imports nothing heavy (no Jinja2, no validator, no protobuf).
A merge conflict in it is resolved by taking either side and running the generator again (a
manifest that cannot be read stops the run rather than disown every file).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, Severity

__all__ = [
    "MANIFEST_NAME",
    "FileEntry",
    "Inputs",
    "Manifest",
    "current_inputs",
    "read_manifest",
    "relative",
    "verify_outputs",
]

MANIFEST_NAME = ".codegen-manifest.json"
FORMAT = 1
GENERATOR_SOURCES = (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "templates")
"""The directories whose files are the generator's version: the codegen package and its templates."""
TOOLS = ("grpcio-tools", "jinja2")
"""Distributions whose output ends up in the generated files (protoc's `_pb2` modules, rendering)."""
_ABOUT = (
    "Written by `python -m codegen`: every file it generated (size, SHA-256) and a hash of its inputs. "
    "Only these files are replaced or deleted by the next run. Do not edit; after a merge conflict here, "
    "take either side and run the generator again."
)


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One generated file as written: its size in bytes and the SHA-256 of its bytes (hex)."""

    size: int
    sha256: str

    @classmethod
    def of_text(cls, text: str) -> FileEntry:
        """The entry of `text` written as UTF-8 (as the generator writes every file)."""
        data = text.encode("utf-8")
        return cls(len(data), hashlib.sha256(data).hexdigest())


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the output depends on, each part as `sha256:<hex>` (tool versions as strings)."""

    spec: str
    lock: str
    configuration: str
    generator: str
    tools: tuple[tuple[str, str], ...]

    @property
    def digest(self) -> str:
        """One hash over all parts: equal digests, equal output."""
        return _sha256(json.dumps(self.parts(), sort_keys=True).encode("utf-8"))

    def changed(self, other: Inputs) -> list[str]:
        """Names of the parts that differ from `other` (`spec`, `lock`, `configuration`, ...)."""
        mine, theirs = self.parts(), other.parts()
        return [name for name in mine if mine[name] != theirs.get(name)]

    def parts(self) -> dict[str, object]:
        """The parts by name, as the manifest records them."""
        return {
            "spec": self.spec,
            "lock": self.lock,
            "configuration": self.configuration,
            "generator": self.generator,
            "tools": dict(self.tools),
        }


@dataclass(frozen=True)
class Manifest:
    """The manifest's content (see the module docstring)."""

    inputs: Inputs
    roots: dict[str, str]
    """{root name: directory relative to the manifest's directory, POSIX}"""
    files: dict[str, dict[str, FileEntry]]
    """{root name: {path under the root: entry}}"""
    warnings: tuple[Diagnostic, ...] = field(default=())

    @classmethod
    def of_output(
        cls,
        base: Path,
        inputs: Inputs,
        trees: Mapping[str, tuple[Path, Mapping[str, str]]],
        warnings: Iterable[Diagnostic] = (),
    ) -> Manifest:
        """The manifest, kept in directory `base`, of a run that wrote `trees`.

        `trees` is {root name: (directory, {path under it: text})}.
        """
        roots = {name: _relative(directory, base) for name, (directory, _) in trees.items()}
        files = {
            name: {path: FileEntry.of_text(text) for path, text in sorted(tree.items())}
            for name, (_, tree) in trees.items()
        }
        return cls(inputs, roots, files, tuple(warnings))

    def owned(self, base: Path, directory: Path) -> set[str]:
        """Paths under `directory` this manifest (kept in `base`) lists as generated."""
        owned: set[str] = set()
        for name, relative in self.roots.items():
            if os.path.normpath(base / relative) == os.path.normpath(directory):
                owned.update(self.files.get(name, {}))
        return owned

    def to_text(self) -> str:
        """The manifest as written: JSON, keys in a fixed order, one trailing newline."""
        document = {
            "about": _ABOUT,
            "format": FORMAT,
            "inputs": {"digest": self.inputs.digest, **self.inputs.parts()},
            "roots": dict(sorted(self.roots.items())),
            "files": {
                name: {path: {"size": e.size, "sha256": e.sha256} for path, e in sorted(entries.items())}
                for name, entries in sorted(self.files.items())
            },
            "warnings": [{"location": w.location, "message": w.message, "hint": w.hint} for w in self.warnings],
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_text(cls, text: str) -> Manifest:
        """Parse a manifest. Raises ValueError (also for another format version), KeyError or TypeError."""
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise ValueError(f"not a format-{FORMAT} codegen manifest")
        raw = document["inputs"]
        inputs = Inputs(
            spec=str(raw["spec"]),
            lock=str(raw["lock"]),
            configuration=str(raw["configuration"]),
            generator=str(raw["generator"]),
            tools=tuple((str(k), str(v)) for k, v in dict(raw["tools"]).items()),
        )
        files = {
            str(name): {str(path): FileEntry(int(e["size"]), str(e["sha256"])) for path, e in dict(entries).items()}
            for name, entries in dict(document["files"]).items()
        }
        warnings = tuple(
            Diagnostic(Severity.WARNING, str(w["location"]), str(w["message"]), str(w.get("hint", "")))
            for w in document.get("warnings", [])
        )
        return cls(inputs, {str(k): str(v) for k, v in dict(document["roots"]).items()}, files, warnings)


def read_manifest(path: Path) -> Manifest | None:
    """The manifest at `path`, or None when there is none or it cannot be read (then nothing is owned)."""
    try:
        return Manifest.from_text(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, RecursionError, ValueError, KeyError, TypeError, AttributeError):
        return None


def current_inputs(spec: Path, lock_text: str, settings: Mapping[str, str]) -> Inputs:
    """Hash the inputs of a run: the spec on disk, the lock it writes, its settings, the generator and tools.

    `settings` must not hold absolute paths (the manifest is committed and read on other
    machines). An unreadable spec hashes as `unreadable` (the run has read it already).
    """
    return Inputs(
        spec=_file_hash(spec),
        lock=_sha256(lock_text.encode("utf-8")),
        configuration=_sha256(json.dumps(dict(settings), sort_keys=True).encode("utf-8")),
        generator=_generator_hash(),
        tools=tuple((name, _installed_version(name)) for name in TOOLS),
    )


def verify_outputs(manifest: Manifest, base: Path) -> list[str]:
    """Files not as `manifest` (kept in directory `base`) lists them: `root/path (differs|missing|not generated)`.

    Compares each listed file's size first and hashes only files of the right size; any other file
    under an output root (`__pycache__` and the manifest aside) is `not generated`. Reads every
    generated file once: about a megabyte for the Depot package.
    """
    problems: list[str] = []
    for name, entries in sorted(manifest.files.items()):
        root = base / manifest.roots.get(name, "")
        for path, entry in sorted(entries.items()):
            target = root / path
            try:
                if target.is_symlink() or target.stat().st_size != entry.size:
                    problems.append(f"{name}/{path} (differs)")
                elif hashlib.sha256(target.read_bytes()).hexdigest() != entry.sha256:
                    problems.append(f"{name}/{path} (differs)")
            except OSError:
                problems.append(f"{name}/{path} (missing)")
        manifest_here = os.path.normpath(root) == os.path.normpath(base)
        listed = set(entries) | ({MANIFEST_NAME} if manifest_here else set())
        problems += [f"{name}/{extra} (not generated)" for extra in sorted(_files_under(root) - listed)]
    return problems


def relative(path: Path, base: Path) -> str:
    """`path` relative to `base`, POSIX (`../proto`), as the manifest records directories."""
    return _relative(path, base)


def _relative(path: Path, base: Path) -> str:
    return Path(os.path.relpath(path, base)).as_posix()


def _files_under(root: Path) -> set[str]:
    """Relative POSIX paths of the files below `root` (`__pycache__` aside; nothing if it is missing)."""
    found: set[str] = set()
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__")
        here = Path(directory).relative_to(root)
        found.update((here / name).as_posix() for name in names)
    return found


def _sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _file_hash(path: Path) -> str:
    try:
        return _sha256(path.read_bytes())
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "unreadable"


def _generator_hash() -> str:
    """SHA-256 over the generator's sources: each file's path (relative, POSIX) and bytes, sorted."""
    digest = hashlib.sha256()
    for directory in GENERATOR_SOURCES:
        for name in sorted(_files_under(directory)):
            if directory.name == "codegen" and not name.endswith(".py"):
                continue
            data = (directory / name).read_bytes()
            digest.update(f"{directory.name}/{name}\0{len(data)}\0".encode())
            digest.update(data)
    return "sha256:" + digest.hexdigest()


def _installed_version(distribution: str) -> str:
    """The installed version of `distribution`, read from its `.dist-info` directory name.

    importlib.metadata answers the same but costs tens of milliseconds; the dist-info folder
    sits beside the package, whose location the import system knows.
    """
    module = {"grpcio-tools": "grpc_tools"}.get(distribution, distribution.replace("-", "_"))
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return "not installed"
    prefix = distribution.replace("-", "_").lower() + "-"
    site = Path(spec.origin).resolve().parent.parent
    for entry in sorted(os.listdir(site)):
        if entry.lower().startswith(prefix) and entry.endswith(".dist-info"):
            return entry[len(prefix) : -len(".dist-info")]
    return "unknown"
