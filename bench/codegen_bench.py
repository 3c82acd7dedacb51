"""Codegen: the whole pipeline on the Depot spec, its stages, and the converter on synthetic specs.

- Depot spec: `codegen.pipeline.build` in process (every stage, in memory; the stages' times come
  from `Generated.seconds`) interleaved with `python -m codegen generate --config <scratch>` in a
  subprocess, end to end with the interpreter start, writing into a scratch copy.
- Synthetic specs (`bench.synthetic_spec`) of 100, 1,000 and 10,000 message components: the
  converter, `load` + `to_model` + `to_proto`, each stage timed in the same pass, reported per
  message component so that growth worse than linear shows as a rising per-component time.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from codegen.config import Config, load_config
from codegen.lock import Lock
from codegen.openapi import load, load_data
from codegen.pipeline import build, to_model
from codegen.proto import to_proto

from . import ROOT
from .report import Section, Table
from .synthetic_spec import synthetic_spec, write_spec
from .timing import Measured, interleave, log, spread

__all__ = ["run_converter", "run_pipeline"]

_CONVERTER_STAGES = ("load", "to_model", "to_proto")


def _scratch_config(real: Config, scratch: Path) -> Path:
    """Copy the spec and the lock into `scratch` with a pyproject.toml pointing at them; return its path."""
    (scratch / "spec").mkdir()
    shutil.copy2(real.spec, scratch / "spec" / real.spec.name)
    if real.lock.exists():
        shutil.copy2(real.lock, scratch / "spec" / real.lock.name)
    pyproject = scratch / "pyproject.toml"
    pyproject.write_text(
        "[tool.codegen]\n"
        f'spec = "spec/{real.spec.name}"\n'
        f'lock = "spec/{real.lock.name}"\n'
        'proto_out = "proto"\n'
        'python_out = "generated"\n'
        f'python_package = "{real.python_package}"\n',
        encoding="utf-8",
    )
    return pyproject


def run_pipeline(*, rounds: int) -> Section:
    """The Depot spec: in-process `build` against the `python -m codegen generate` subprocess."""
    real = load_config(ROOT / "pyproject.toml")
    stage_runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="bench-codegen-") as scratch:
        pyproject = _scratch_config(real, Path(scratch))
        config = load_config(pyproject)
        command = [sys.executable, "-m", "codegen", "generate", "--config", str(pyproject)]

        def in_process() -> float:
            started = time.perf_counter()
            generated = build(config)
            elapsed = time.perf_counter() - started
            stage_runs.append(dict(generated.seconds))
            return elapsed

        def subprocess_run() -> float:
            started = time.perf_counter()
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
            elapsed = time.perf_counter() - started
            if result.returncode != 0:
                raise RuntimeError(f"python -m codegen generate failed: {result.stderr[-2000:]}")
            return elapsed

        build(config)  # warm-up: imports, caches
        stage_runs.clear()
        log(f"codegen: Depot spec, {rounds} rounds of build() and python -m codegen generate")
        measured = interleave(
            [
                ("build() in process, all stages", in_process),
                ("python -m codegen generate (subprocess)", subprocess_run),
            ],
            rounds,
            label="codegen pipeline",
        )
        generated = build(config)
    rows = [
        (name, f"{m.median * 1000:,.0f}", spread((v * 1000 for v in m.values), "{:,.0f}"))
        for name, m in measured.items()
    ]
    total = measured["build() in process, all stages"].median
    stage_rows = []
    for stage in stage_runs[0]:
        stage_measured = Measured(stage, tuple(run[stage] for run in stage_runs))
        stage_rows.append(
            (
                stage,
                f"{stage_measured.median * 1000:,.1f}",
                spread((v * 1000 for v in stage_measured.values), "{:,.1f}"),
                f"{stage_measured.median / total:.0%}",
            )
        )
    api = generated.api
    messages = sum(len(p.messages) for p in api.packages)
    methods = sum(len(s.methods) for p in api.packages for s in p.services)
    method = (
        f"`{real.spec.relative_to(ROOT)}` ({len(api.packages)} package, {messages} top-level messages, {methods} "
        f"methods). `build(config)` runs load → lock → to_model → to_proto → compile (protoc in a subprocess) → "
        "render in memory; the subprocess runs `python -m codegen generate --config <scratch copy>`, which also "
        f"starts the interpreter, imports everything and writes the output. {rounds} rounds interleaved, after "
        "one warm-up build."
    )
    whole = Table(("variant", "ms (median)", "range"), rows, "Whole pipeline")
    stages = Table(
        ("stage", "ms (median)", "range", "share of build()"), stage_rows, "Stages (from `Generated.seconds`)"
    )
    headlines = [
        (
            "Codegen, Depot spec: build() in process / python -m codegen generate",
            f"{total * 1000:,.0f} ms / {measured['python -m codegen generate (subprocess)'].median * 1000:,.0f} ms",
        ),
    ]
    return Section("Codegen: Depot spec", method, [whole, stages], headlines=headlines)


def _converter_pass(spec: Path) -> dict[str, float]:
    """One pass of the converter over `spec`, each stage timed."""
    started = time.perf_counter()
    document = load(spec)
    loaded = time.perf_counter()
    result = to_model(document, Lock(source="bench.lock.json"))
    modelled = time.perf_counter()
    to_proto(result.api)
    done = time.perf_counter()
    return {"load": loaded - started, "to_model": modelled - loaded, "to_proto": done - modelled}


def _warm_up() -> None:
    """Run the converter on a tiny document: imports, the validator's meta-schemas and caches."""
    result = to_model(load_data(synthetic_spec(10), "warm-up.json"), Lock(source="bench.lock.json"))
    to_proto(result.api)


def _pass_in_subprocess(spec: Path, timeout: float) -> dict[str, float] | None:
    """One timed pass in a fresh interpreter (after a warm-up there); None when it ran out of time."""
    command = [sys.executable, "-m", "bench.codegen_bench", "pass", str(spec)]
    try:
        # On a timeout or Ctrl-C, subprocess.run kills the child before raising.
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if result.returncode != 0:
        raise RuntimeError(f"converter pass on {spec.name} failed: {result.stderr[-2000:]}")
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def run_converter(*, sizes: Sequence[int], rounds: int, budget_seconds: float, deadline: float) -> Section:
    """The converter on synthetic specs, sizes interleaved round by round, one subprocess per pass.

    A size stops getting further rounds once its passes have taken `budget_seconds` in total (it
    always gets one), so that a converter growing worse than linearly cannot make the run endless;
    and no pass may run past `deadline` (a `time.monotonic()` value): one that would is stopped and
    reported as unfinished. The table shows how many passes each size got.
    """
    passes: dict[int, list[dict[str, float]]] = {size: [] for size in sizes}
    spent = dict.fromkeys(sizes, 0.0)
    unfinished: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-specs-") as scratch:
        specs = {size: write_spec(size, Path(scratch) / f"bench-{size}.openapi.json") for size in sizes}

        def variant(size: int) -> Callable[[], float]:
            def run() -> float:
                if size in unfinished or (passes[size] and spent[size] >= budget_seconds):
                    return float("nan")
                remaining = deadline - time.monotonic()
                if remaining <= 1:
                    if not passes[size]:
                        unfinished[size] = 0.0
                    return float("nan")
                log(f"converter: {size:,} messages, pass {len(passes[size]) + 1} (at most {remaining:.0f} s)")
                figures = _pass_in_subprocess(specs[size], remaining)
                if figures is None:
                    log(f"converter: {size:,} messages did not finish within {remaining:.0f} s; stopped it")
                    if not passes[size]:
                        unfinished[size] = remaining
                    return float("nan")
                passes[size].append(figures)
                total = sum(figures.values())
                spent[size] += total
                return total

            return run

        shown = ", ".join(f"{s:,}" for s in sizes)
        log(f"converter: sizes {shown}, up to {rounds} rounds, {budget_seconds:.0f} s per size")
        interleave([(str(size), variant(size)) for size in sizes], rounds, label="converter")
    return _converter_section(sizes, passes, budget_seconds, unfinished)


def _per_component(values: list[float], size: int) -> Measured:
    return Measured(str(size), tuple(v / size * 1000 for v in values))


def _converter_section(
    sizes: Sequence[int],
    passes: dict[int, list[dict[str, float]]],
    budget: float,
    unfinished: dict[int, float],
) -> Section:
    columns: dict[str, Callable[[dict[str, float]], float]] = {
        "load": lambda p: p["load"],
        "to_model": lambda p: p["to_model"],
        "to_proto": lambda p: p["to_proto"],
        "to_model+to_proto": lambda p: p["to_model"] + p["to_proto"],
        "load+to_model+to_proto": lambda p: sum(p[s] for s in _CONVERTER_STAGES),
    }
    measured = [size for size in sizes if passes[size]]
    per_component: dict[tuple[int, str], Measured] = {
        (size, column): _per_component([pick(p) for p in passes[size]], size)
        for size in measured
        for column, pick in columns.items()
    }
    rows: list[tuple[str, ...]] = []
    for size in sizes:
        if size not in measured:
            limit = unfinished.get(size, 0.0)
            note = f"stopped: not done within {limit:.0f} s" if limit else "not run: time limit reached"
            rows.append((f"{size:,}", "0", *(["–"] * len(columns)), note))
            continue
        whole = Measured(str(size), tuple(sum(p.values()) for p in passes[size]))
        rows.append(
            (
                f"{size:,}",
                str(len(passes[size])),
                *(f"{per_component[size, column].median:.3f}" for column in columns),
                f"{whole.median:,.2f}",
            )
        )
    notes = []
    headlines: list[tuple[str, str]] = []
    for size in measured:
        full = per_component[size, "load+to_model+to_proto"].median
        bare = per_component[size, "to_model+to_proto"].median
        headlines.append(
            (
                f"Converter, {size:,} messages: ms/component, load+to_model+to_proto (to_model+to_proto)",
                f"{full:.3f} ({bare:.3f})",
            )
        )
    if len(measured) >= 2:
        small, large = min(measured), max(measured)
        growth = {c: per_component[large, c].median / per_component[small, c].median for c in columns}
        rows.append((f"ratio {large:,} / {small:,}", "", *(f"×{growth[c]:.1f}" for c in columns), ""))
        headlines.append(
            (
                f"Converter growth: per-component({large:,}) / per-component({small:,}), full (to_model+to_proto)",
                f"×{growth['load+to_model+to_proto']:.1f} (×{growth['to_model+to_proto']:.1f})",
            )
        )
        for column in columns:
            verdict = "about linear" if growth[column] < 1.5 else "worse than linear"
            notes.append(
                f"`{column}`: per-component time ×{growth[column]:.1f} from {small:,} to {large:,} components "
                f"({verdict})."
            )
    table = Table(
        ("message components", "passes", *(f"{c} (ms/component)" for c in columns), "full pass (s)"),
        rows,
        "Time per message component (medians over the passes)",
    )
    single = [f"{size:,}" for size in measured if len(passes[size]) == 1]
    if single:
        notes.append(
            f"{', '.join(single)} components: one pass only (the {budget:.0f} s budget per size or the run's "
            "time limit was reached), a single measurement, not a median."
        )
    method = (
        "Synthetic Connect-shaped OpenAPI 3.1 documents written by `bench/synthetic_spec.py` "
        "(`python -m bench.synthetic_spec N FILE`): N components `bench.v1.MessageN`, each with strings, an "
        "int32, an int64 as `[integer, string]`, an optional string, a repeated string, a reference and a "
        "repeated reference to messages of its cluster of ten, the enum `bench.v1.Status`, a oneof and a "
        "`map<string, string>` (its `LabelsEntry` component included, as protoc-gen-connect-openapi writes "
        "it), plus `bench.v1.BenchService` with one method per ten messages. Each pass runs in a fresh "
        "interpreter, warms up on a 10-message document, then runs `load` → `to_model` (empty lock) → "
        "`to_proto` on the file, timing each stage; `to_model+to_proto` is the converter without reading "
        "and validating the document. Sizes run interleaved, round by round, until the round limit or "
        f"{budget:.0f} s of passes per size (at least one pass each)."
    )
    return Section("Codegen: converter on synthetic specs", method, [table], notes, headlines=headlines)


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.codegen_bench pass SPEC`: one warmed-up converter pass, stage seconds as JSON."""
    parser = argparse.ArgumentParser(prog="python -m bench.codegen_bench")
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("pass", help="time load, to_model and to_proto on SPEC")
    one.add_argument("spec", type=Path)
    args = parser.parse_args(argv)
    _warm_up()
    gc.collect()
    print(json.dumps(_converter_pass(args.spec)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
