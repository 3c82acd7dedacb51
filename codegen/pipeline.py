"""The one place that chains the stages, and what to do with their output.

    load(spec) -> Document                  codegen.openapi.load
    check_examples(document)                codegen.openapi.examples
    load_lock(lock) -> Lock                 codegen.lock.parse
    to_draft(document) -> ApiDraft          codegen.openapi.to_model
    number(draft, lock) -> (Api, Lock)      codegen.lock.numbering
    to_proto(api) -> {path: text}           codegen.proto.to_proto
    compile_protos(api, protos) -> {path: text}   codegen.proto.compile
    render(api, layout) -> {path: text}     codegen.python.render
    diff_apis(old api, new api) -> changes  codegen.diff

`to_model` is load's successor up to the numbered model; `convert` runs it and prints .proto (the
`proto` command); `build` runs every stage in memory and returns all output, after checking every
example against its schema; `generate` first asks the manifest (`up_to_date`) whether the inputs
and the output are as the last run left them and then does nothing, else builds, reports what
changed since the spec the output was last generated from (a copy kept beside it), and writes the
output, its manifest and the lock (`output.write_output`: only files the generator owns are
replaced, all or nothing); `check` always builds and lists the committed files that differ;
`diff` compares two versions of a spec (`compare`: old numbered with the lock, new with the lock
old leaves, renames from the new lock). Each stage reports into a `Reporter` and raises
`CodegenError` with every problem found.

The stages are imported where they run, not here: the up-to-date path of `generate` (and
`--help`) must not pay for importing Jinja2, the validators or protobuf.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .config import Config
from .diagnostics import CodegenError, Diagnostic, Reporter, raise_if_strict
from .manifest import MANIFEST_NAME, Manifest, current_inputs, read_manifest, relative, verify_outputs

if TYPE_CHECKING:
    from .diff import Change
    from .lock import Lock
    from .model import Api
    from .openapi import Document
    from .output import OutputRoot

__all__ = [
    "DIFF_FAIL_ON",
    "DIFF_FORMATS",
    "Converted",
    "Diffed",
    "Generated",
    "ModelResult",
    "UpToDate",
    "build",
    "check",
    "compare",
    "convert",
    "diff",
    "fewer_collections",
    "generate",
    "to_model",
    "up_to_date",
]

DIFF_FORMATS = ("text", "markdown", "json")
"""The `diff` command's report formats (`codegen.diff.FORMATS`, kept here so the CLI imports no stage)."""
DIFF_FAIL_ON = ("wire", "json", "python", "any", "none")
"""The `diff` command's `--fail-on` categories (`codegen.diff.FAIL_ON`)."""

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
    from .diagnostics import Reporter, Severity
    from .lock import number
    from .openapi import read_pointers, sort_findings, to_draft
    from .proto import check_api

    built = Reporter()
    draft = to_draft(document, built)
    api, new_lock = number(draft, lock, built)
    if not built.errors:
        # On a model the document built without errors: protoc and the Python runtime must never be first.
        check_api(api, built)
    # What the validator found stops the run only where the converter read (a component it converted,
    # the bodies of a method it built); elsewhere it is a warning at its pointer.
    read, exact = read_pointers(api, document.data)
    findings = sort_findings(document.findings, read, document.written, exact)
    explained = [f.location for f in findings if f.severity is Severity.ERROR]
    ours = {d.location for d in built.errors}
    reporter = Reporter()
    for diagnostic in (*built.errors, *built.warnings):
        # An invalid place the validator reports explains the converter's errors below it.
        if not any(diagnostic.location.startswith(where + "/") for where in explained):
            reporter.add(diagnostic)
    for finding in findings:
        if finding.severity is not Severity.ERROR or finding.location not in ours:
            reporter.add(finding)
    reporter.raise_if_errors()
    return ModelResult(api, new_lock, reporter.warnings)


@dataclass(frozen=True)
class Converted:
    """What the `proto` command produced: the .proto files and the lock, already written."""

    protos: dict[str, str]
    warnings: tuple[Diagnostic, ...]


def convert(spec: Path, lock: Path, out: Path, *, strict: bool = False, force: bool = False) -> Converted:
    """OpenAPI -> .proto only: write the .proto files (and a manifest) to `out` and update `lock`.

    Writes only if every step succeeded, and then all or nothing (`output.write_output`: `out`
    must not be a file or contain the spec or the lock, nor files the generator did not write
    unless `force`). Raises CodegenError (nothing written) otherwise.
    """
    from .lock import dump_lock, load_lock
    from .openapi import load
    from .output import OutputRoot, check_roots, write_output
    from .proto import to_proto

    check_roots([OutputRoot("proto_out", out, "--out", {})], spec, lock)
    with fewer_collections():
        result = to_model(load(spec), load_lock(lock))
    raise_if_strict(result.warnings, strict)
    protos = to_proto(result.api)
    lock_text = dump_lock(result.lock)
    settings = {"command": "proto", "spec": relative(spec, out), "lock": relative(lock, out)}
    inputs = current_inputs(spec, lock_text, settings)
    manifest = Manifest.of_output(out, inputs, {"proto_out": (out, protos)}, result.warnings)
    write_output([OutputRoot("proto_out", out, "--out", protos)], manifest, lock, lock_text, spec=spec, force=force)
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
    manifest: Manifest
    """What is recorded beside the output (`<python_out>/.codegen-manifest.json`)."""
    seconds: dict[str, float] = field(default_factory=dict)
    """Wall time of each stage."""
    written: tuple[Path, ...] = ()
    """Files `generate` wrote or deleted (unchanged files are left alone); empty before writing."""
    spec_copy: dict[str, str] = field(default_factory=dict)
    """{path under python_out: the spec's text}: the spec the output is generated from, kept beside it
    as the baseline of the next run's report (works on a fresh clone and without git)."""
    document: Document | None = None
    input_lock: Lock | None = None
    report: str = ""
    """What changed since the spec in `spec_copy` (text), filled in by `generate`."""
    reasons: tuple[str, ...] = ()
    """Why `generate` built (`inputs changed: spec`, `no readable manifest ...`); empty from `build`."""

    def roots(self, config: Config) -> list[OutputRoot]:
        """The output directories and their files, python_out (which holds the manifest) first."""
        return _roots(config, {**self.python, **self.spec_copy}, self.protos)


@dataclass(frozen=True)
class UpToDate:
    """`generate` found nothing to do: the inputs and the files are as the manifest records them."""

    manifest: Manifest
    seconds: float

    @property
    def files(self) -> int:
        """How many generated files were verified."""
        return sum(len(entries) for entries in self.manifest.files.values())


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the stages with Python's cyclic garbage collector triggered less often, then restore it.

    The stages allocate millions of small, long-lived, mostly acyclic objects (the document, the
    model, the text); at the default thresholds the collector re-scans the growing heap so often
    that the time per component grows with the document (to_model: ×1.75 CPU time per component
    from 100 to 10,000 components); at these thresholds it stays flat (×1.13). Memory hardly
    changes: those objects are alive anyway, and reference counting frees the rest.
    """
    previous = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def build(config: Config, *, strict: bool = False, validate: bool = True) -> Generated:
    """Run every stage in memory. Raises CodegenError at the first stage that fails.

    `validate=False` skips the OpenAPI validation of the spec (the benchmarks' floor); the
    stages still refuse what they cannot convert.
    """
    with fewer_collections():
        return _build(config, strict=strict, validate=validate)


def _build(config: Config, *, strict: bool, validate: bool) -> Generated:
    from .lock import dump_lock, load_lock
    from .openapi import load
    from .proto import compile_protos, to_proto
    from .python.layout import PythonLayout
    from .python.render import render

    seconds: dict[str, float] = {}

    def timed(stage: str, run: Callable[[], T]) -> T:
        started = time.perf_counter()
        value = run()
        seconds[stage] = time.perf_counter() - started
        return value

    document = timed("load", lambda: load(config.spec, validate=validate))
    timed("examples", lambda: _check_examples(document))
    lock = timed("lock", lambda: load_lock(config.lock))
    result = timed("to_model", lambda: to_model(document, lock))
    raise_if_strict(result.warnings, strict)
    protos = timed("to_proto", lambda: to_proto(result.api))
    layout = PythonLayout.for_packages(config.python_package, [p.name for p in result.api.packages])
    modules = timed("compile", lambda: compile_protos(result.api, protos, layout, _shown(config.proto_out)))
    rendered = timed(
        "render",
        lambda: render(result.api, layout, settings=config.client, version=config.version, stubs=modules),
    )
    python = {**modules, **rendered}
    lock_text = dump_lock(result.lock)
    spec_copy = {config.spec.name: config.spec.read_text(encoding="utf-8")}
    trees = {"proto_out": (config.proto_out, protos), "python_out": (config.python_out, {**python, **spec_copy})}
    manifest = timed(
        "manifest",
        lambda: Manifest.of_output(
            config.python_out, current_inputs(config.spec, lock_text, _settings(config)), trees, result.warnings
        ),
    )
    return Generated(
        api=result.api,
        protos=protos,
        python=python,
        lock_text=lock_text,
        warnings=result.warnings,
        manifest=manifest,
        seconds=seconds,
        spec_copy=spec_copy,
        document=document,
        input_lock=lock,
    )


def _check_examples(document: Document) -> None:
    """Stop at every example that does not match its schema, before anything else runs."""
    from .openapi import check_examples

    reporter = Reporter()
    check_examples(document.data, reporter)
    reporter.raise_if_errors()


def up_to_date(config: Config) -> tuple[Manifest | None, tuple[str, ...]]:
    """(the manifest, ()) when nothing changed since the last `generate`, else (None, the reasons).

    Nothing changed: the manifest in python_out can be read, the inputs hash as it records (the
    spec, the lock, the settings, the generator's sources, the tools' versions), and every file
    it lists has its recorded size and hash, with no other file in the output roots. Costs
    reading and hashing the inputs and the output; imports no stage.
    """
    manifest = read_manifest(config.python_out / MANIFEST_NAME)
    if manifest is None:
        return None, (f"no readable manifest in {_shown(config.python_out)}",)
    try:
        lock_text = config.lock.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None, ("the lock is missing or unreadable",)
    changed = current_inputs(config.spec, lock_text, _settings(config)).changed(manifest.inputs)
    if changed:
        return None, (f"inputs changed: {', '.join(changed)}",)
    problems = verify_outputs(manifest, config.python_out)
    if problems:
        more = f" and {len(problems) - 3} more" if len(problems) > 3 else ""
        return None, (f"output files differ from the manifest: {', '.join(problems[:3])}{more}",)
    return manifest, ()


def generate(
    config: Config, *, strict: bool = False, force: bool = False, rebuild: bool = False
) -> UpToDate | Generated:
    """Bring proto_out, python_out, the manifest and the lock up to date with the inputs.

    Unless `rebuild`, first asks `up_to_date`: if nothing changed, returns `UpToDate` having
    built and written nothing (its warnings are the recorded ones; `strict` still raises on
    them). Else builds, then writes the changed files, the manifest and the lock, only if every
    stage succeeded. Only files the generator owns are replaced or deleted, and all of it or
    nothing (`output.write_output`; `force` lets it write where files it does not own are).
    Raises CodegenError, having written nothing, on bad input or output settings.
    """
    from .output import check_roots, write_output

    started = time.perf_counter()
    reasons: tuple[str, ...] = ("--rebuild",)
    if not rebuild:
        manifest, reasons = up_to_date(config)
        if manifest is not None:
            raise_if_strict(manifest.warnings, strict)
            return UpToDate(manifest, time.perf_counter() - started)
    check_roots(_roots(config, {}, {}), config.spec, config.lock)
    generated = build(config, strict=strict)
    started = time.perf_counter()
    report = _report(config, generated)
    generated.seconds["compare"] = time.perf_counter() - started
    written = write_output(
        generated.roots(config), generated.manifest, config.lock, generated.lock_text, spec=config.spec, force=force
    )
    return replace(generated, written=tuple(written), report=report, reasons=reasons)


def _report(config: Config, generated: Generated) -> str:
    """What the new output changes for users, against the spec the committed output came from."""
    from .diff import render as render_report
    from .openapi import load

    baseline = config.python_out / config.spec.name
    shown, current = _shown(baseline), _shown(config.spec)
    if not baseline.is_file():
        return f"{current}: no earlier spec at {shown} to compare with (first generation)\n"
    if baseline.read_bytes() == config.spec.read_bytes():
        return f"{shown} -> {current}: no changes to the API\n"
    assert generated.document is not None and generated.input_lock is not None
    try:
        changes = compare(load(baseline), generated.document, generated.input_lock)
    except CodegenError as error:
        first = error.diagnostics[0] if error.diagnostics else "unknown problem"
        return f"{shown} -> {current}: not compared; the earlier spec no longer converts ({first})\n"
    return render_report(changes, "text", old=shown, new=current)


def compare(old: Document, new: Document, lock: Lock) -> tuple[Change, ...]:
    """Every change from `old` to `new`: `old` numbered with `lock`, `new` with the lock `old` leaves,
    renames as the resulting lock declares them. Raises CodegenError when either does not convert."""
    from .diff import diff_apis, renames_from_lock

    before = to_model(old, lock)
    after = to_model(new, before.lock)
    return diff_apis(
        before.api,
        after.api,
        old_document=old.data,
        new_document=new.data,
        renames=renames_from_lock(after.lock),
        lock_name=lock.source,
    )


@dataclass(frozen=True)
class Diffed:
    """What the `diff` command produced."""

    text: str
    """The report in the requested format."""
    failed: bool
    """A change of the `--fail-on` category is present."""
    changes: tuple[Change, ...]


def diff(old: Path, new: Path, lock: Path | None, *, form: str = "text", fail_on: str = "none") -> Diffed:
    """Compare two spec files (numbered with `lock`, if given). Raises CodegenError on bad input:
    an unreadable or invalid document, a lock that is missing or contradicts itself."""
    from .diff import fails
    from .diff import render as render_report
    from .lock import Lock, load_lock
    from .openapi import load

    if lock is not None and not lock.is_file():
        reporter = Reporter()
        reporter.error(str(lock), "no lock file here", "pass the lock the specs are numbered with, or leave out --lock")
        reporter.raise_if_errors()
    changes = compare(load(old), load(new), load_lock(lock) if lock is not None else Lock())
    return Diffed(render_report(changes, form, old=str(old), new=str(new)), fails(changes, fail_on), changes)


def check(config: Config) -> list[str]:
    """Paths of committed output (the manifest and the lock too) that differ from what the inputs produce now."""
    from .output import diff_tree

    generated = build(config)
    stale: list[str] = []
    for root in generated.roots(config):
        files = dict(root.files)
        if root.name == "python_out":
            files[MANIFEST_NAME] = generated.manifest.to_text()
        stale += [f"{_shown(root.directory)}/{p}" for p in diff_tree(root.directory, files)]
    current = config.lock.read_text(encoding="utf-8") if config.lock.exists() else None
    if current != generated.lock_text:
        stale.append(f"{_shown(config.lock)} ({'missing' if current is None else 'differs'})")
    return stale


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _settings(config: Config) -> dict[str, str]:
    """The settings the output depends on, paths relative to the manifest (the same on every checkout)."""
    base = config.python_out
    return {
        "spec": relative(config.spec, base),
        "lock": relative(config.lock, base),
        "proto_out": relative(config.proto_out, base),
        "python_out": ".",
        "python_package": config.python_package,
        "pyproject": relative(config.pyproject, base),
        # What the generated clients' from_env reads, and the package's __version__.
        "client": json.dumps(asdict(config.client), sort_keys=True),
        "version": config.version,
    }


def _roots(config: Config, python: Mapping[str, str], protos: Mapping[str, str]) -> list[OutputRoot]:
    from .output import OutputRoot

    where = config.location
    return [
        OutputRoot("python_out", config.python_out, f"{where}/python_out", python),
        OutputRoot("proto_out", config.proto_out, f"{where}/proto_out", protos),
    ]
