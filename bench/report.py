"""The Markdown report: the machine, the versions, and one section per benchmark."""

from __future__ import annotations

import datetime
import hashlib
import os
import platform
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

__all__ = ["Section", "Table", "environment", "render", "source_fingerprint"]

_PACKAGES = (
    "protobuf",
    "connectrpc",
    "pyqwest",
    "uvicorn",
    "h11",
    "grpcio-tools",
    "protoc-gen-connectrpc",
    "openapi-spec-validator",
    "jsonschema",
    "jsonschema-rs",
)


@dataclass(frozen=True)
class Table:
    """A Markdown table: a header row and rows of already formatted cells."""

    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    caption: str = ""
    align_numbers: bool = True
    """Right-align columns that hold mostly numbers."""

    def markdown(self) -> str:
        """The table as GitHub-flavoured Markdown, numeric-looking columns right-aligned."""
        align = [
            "---:" if self.align_numbers and _numeric_column(self.rows, i) else "---" for i in range(len(self.headers))
        ]
        lines = [f"**{self.caption}**", ""] if self.caption else []
        lines.append("| " + " | ".join(self.headers) + " |")
        lines.append("| " + " | ".join(align) + " |")
        lines.extend("| " + " | ".join(row) + " |" for row in self.rows)
        return "\n".join(lines)


def _numeric_column(rows: Sequence[tuple[str, ...]], index: int) -> bool:
    cells = [row[index] for row in rows if index < len(row) and row[index] not in ("", "–")]
    numeric = sum(1 for cell in cells if cell[:1].isdigit() or cell[:1] in "-+×")
    return bool(cells) and numeric * 2 > len(cells)


@dataclass
class Section:
    """One benchmark's part of the report."""

    title: str
    method: str
    """How it was measured (a paragraph)."""
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Observations computed from the numbers, one bullet each."""
    seconds: float = 0.0
    """Wall time the benchmark took."""
    headlines: list[tuple[str, str]] = field(default_factory=list)
    """(what, figure) pairs for the summary at the top of the report."""

    def markdown(self) -> str:
        """The section as Markdown."""
        parts = [f"## {self.title}", "", self.method]
        for table in self.tables:
            parts += ["", table.markdown()]
        if self.notes:
            parts += ["", *(f"- {note}" for note in self.notes)]
        parts += ["", f"_This section took {self.seconds:.0f} s._"]
        return "\n".join(parts)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError):
        pass
    return "unknown"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


_MEASURED_TREES = ("codegen", "generated", "spec", "templates", "proto")


def source_fingerprint(root: Path) -> str:
    """A hash of the code and inputs being measured, to notice when they change during a run."""
    digest = hashlib.sha256()
    for tree in _MEASURED_TREES:
        for path in sorted((root / tree).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _revision(root: Path) -> str:
    """The git commit, and whether the measured trees differ from it (read only)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "--no-optional-locks", "status", "--porcelain", "--", *_MEASURED_TREES],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return head + (f" with uncommitted changes in {len(changed)} measured file(s)" if changed else "")


def environment() -> list[tuple[str, str]]:
    """(name, value) pairs describing the machine and the software versions."""
    from google.protobuf.internal import api_implementation

    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    rows = [
        ("Date", datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", _cpu_model()),
        ("Cores", f"{os.cpu_count()} logical ({affinity} usable), shared by client and server"),
        ("Memory", _memory()),
        ("OS", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("Revision", _revision(Path(__file__).resolve().parent.parent)),
    ]
    for name in _PACKAGES:
        value = _version(name)
        if name == "protobuf":
            value += f" ({api_implementation.Type()} backend)"
        rows.append((name, value))
    return rows


def render(sections: list[Section], *, total_seconds: float, command: str, warnings: list[str]) -> str:
    """The whole report as Markdown; `warnings` (e.g. the code changed during the run) go on top."""
    env = Table(("", ""), [(f"**{name}**", value) for name, value in environment()], align_numbers=False)
    lines = [
        "# Benchmarks",
        "",
        f"Written by `{command}` (the `bench/` package); do not edit by hand, run it again. The machine is",
        "shared and noisy, so every comparison runs its variants interleaved round by round (A B C, then",
        "C B A, ...) and the tables show medians over the rounds with the range (min–max) beside them.",
        "Ratios are medians of the per-round ratios. Nothing here is asserted by a test.",
        "",
        env.markdown(),
        "",
        f"Total run time: {total_seconds / 60:.1f} min.",
    ]
    for warning in warnings:
        lines += ["", f"> **Warning:** {warning}"]
    headlines = [(f"**{name}**", value) for section in sections for name, value in section.headlines]
    if headlines:
        lines += ["", "## Summary", "", Table(("", "median"), headlines).markdown()]
    for section in sections:
        lines += ["", section.markdown()]
    return "\n".join(lines) + "\n"
