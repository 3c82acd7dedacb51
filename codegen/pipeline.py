"""The one place that chains the stages, and what to do with their output.

    load(spec) -> Document                  codegen.openapi.load
    load_lock(lock) -> Lock                 codegen.lock.parse
    to_draft(document) -> ApiDraft          codegen.openapi.to_model
    number(draft, lock) -> (Api, Lock)      codegen.lock.numbering
    to_proto(api) -> {path: text}           codegen.proto.to_proto
    compile_protos(api, protos) -> {path: text}   codegen.proto.compile
    render(api, layout) -> {path: text}     codegen.render

`to_model` is load's successor up to the numbered model; `convert` runs it and prints .proto (the
`proto` command); `build` runs every stage in memory and returns all output; `generate` builds
and then swaps the output in (all or nothing); `check` builds and lists the committed files that
differ. Each stage reports into a `Reporter` and raises `CodegenError` with every problem found.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .config import Config
from .diagnostics import Diagnostic, Reporter, raise_if_strict
from .lock import Lock, dump_lock, load_lock, number
from .model import Api
from .openapi import Document, load, to_draft
from .output import diff_tree, replace_trees, write_text_atomic
from .proto import compile_protos, to_proto
from .python.layout import PythonLayout

__all__ = ["Converted", "Generated", "ModelResult", "build", "check", "convert", "generate", "to_model"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ModelResult:
    """What `to_model` returns."""

    api: Api
    lock: Lock
    """The lock to save: everything the input lock had, plus the numbers handed out now."""
    warnings: tuple[Diagnostic, ...]


def to_model(document: Document, lock: Lock) -> ModelResult:
    """Build the numbered model of `document` with `lock`; neither is modified.

    Raises CodegenError with every problem of both steps (the document's and the lock's), each at
    its JSON pointer into the spec or into the lock file.
    """
    reporter = Reporter()
    draft = to_draft(document, reporter)
    api, new_lock = number(draft, lock, reporter)
    reporter.raise_if_errors()
    return ModelResult(api, new_lock, reporter.warnings)


@dataclass(frozen=True)
class Converted:
    """What the `proto` command produced: the .proto files and the lock, already written."""

    protos: dict[str, str]
    warnings: tuple[Diagnostic, ...]


def convert(spec: Path, lock: Path, out: Path, *, strict: bool = False) -> Converted:
    """OpenAPI -> .proto only: replace `out` with the .proto files and update `lock`, only if all succeeded."""
    result = to_model(load(spec), load_lock(lock))
    raise_if_strict(result.warnings, strict)
    protos = to_proto(result.api)
    replace_trees({out: protos})
    write_text_atomic(lock, dump_lock(result.lock))
    return Converted(protos, result.warnings)


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
    # Rendering needs Jinja2; imported here so that `convert` works without it.
    from .python.render import render

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
    modules = timed("compile", lambda: compile_protos(result.api, protos, layout, _shown(config.proto_out)))
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
