"""The whole pipeline: load -> to_model -> to_proto -> compile -> render, and what to do with it.

`build` runs every stage in memory and returns all output; `generate` builds and then swaps the
output in (all or nothing); `check` builds and lists the committed files that differ.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .compile import compile_protos
from .config import Config
from .diagnostics import Diagnostic, raise_if_strict
from .layout import PythonLayout
from .load import load
from .lock import dump_lock, load_lock
from .model import Api
from .output import diff_tree, replace_trees, write_text_atomic
from .render import render
from .to_model import to_model
from .to_proto import to_proto

__all__ = ["Generated", "build", "check", "generate"]

T = TypeVar("T")


@dataclass(frozen=True)
class Generated:
    """Everything one run produces, before anything is written."""

    api: Api
    protos: dict[str, str]
    """{path under proto_out: .proto text}"""
    python: dict[str, str]
    """{path under python_out: module text}"""
    lock_text: str
    warnings: tuple[Diagnostic, ...]
    seconds: dict[str, float] = field(default_factory=dict)
    """Wall time of each stage."""


def build(config: Config, *, strict: bool = False) -> Generated:
    """Run every stage in memory. Raises CodegenError at the first stage that fails."""
    seconds: dict[str, float] = {}

    def timed(stage: str, run: Callable[[], T]) -> T:
        started = time.perf_counter()
        value = run()
        seconds[stage] = time.perf_counter() - started
        return value

    document = timed("load", lambda: load(config.spec))
    lock = timed("lock", lambda: load_lock(config.lock))
    result = timed("to_model", lambda: to_model(document, lock))
    raise_if_strict(result.warnings, strict)
    protos = timed("to_proto", lambda: to_proto(result.api))
    layout = PythonLayout.for_packages(config.python_package, [p.name for p in result.api.packages])
    modules = timed("compile", lambda: compile_protos(result.api, protos, layout))
    rendered = timed("render", lambda: render(result.api, layout))
    return Generated(
        api=result.api,
        protos=protos,
        python={**modules, **rendered},
        lock_text=dump_lock(result.lock),
        warnings=result.warnings,
        seconds=seconds,
    )


def generate(config: Config, *, strict: bool = False) -> Generated:
    """Build, then replace proto_out and python_out and update the lock, only if every stage succeeded."""
    generated = build(config, strict=strict)
    replace_trees({config.proto_out: generated.protos, config.python_out: generated.python})
    write_text_atomic(config.lock, generated.lock_text)
    return generated


def check(config: Config) -> list[str]:
    """Paths of committed output (and the lock) that differ from what the inputs produce now."""
    generated = build(config)
    stale = [f"{_shown(config.proto_out)}/{p}" for p in diff_tree(config.proto_out, generated.protos)]
    stale += [f"{_shown(config.python_out)}/{p}" for p in diff_tree(config.python_out, generated.python)]
    current = config.lock.read_text(encoding="utf-8") if config.lock.exists() else None
    if current != generated.lock_text:
        stale.append(f"{_shown(config.lock)} ({'missing' if current is None else 'differs'})")
    return stale


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
