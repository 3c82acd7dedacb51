"""Codegen scaling: every stage on synthetic specs of 100, 1,000 and 10,000 message components.

Each pass runs in a fresh interpreter (`python -m bench.converter_bench pass SPEC`), warms up on
a 10-message document, then runs the stages of `build()` on the file in its order (load, to_model
with an empty lock, to_proto, the lock's text, compile, render), timing each. Times are reported
per message component, so growth worse than linear shows as a rising per-component time.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from codegen.lock import Lock, dump_lock
from codegen.openapi import load, load_data
from codegen.pipeline import fewer_collections, to_model
from codegen.proto import compile_protos, to_proto
from codegen.python.layout import PythonLayout
from codegen.python.render import render

from . import ROOT
from .report import Section, Table
from .synthetic_spec import synthetic_spec, write_spec
from .timing import Measured, interleave, log

__all__ = ["run_converter"]

STAGES = ("load", "to_model", "to_proto", "lock", "render", "compile")
LINEAR = ("load", "to_model", "to_proto", "lock", "render")
"""The stages issue 13 holds to linear time; compile is protoc's (see the notes)."""
GROWTH_TARGET = 1.3
T = TypeVar("T")


def _cpu_seconds() -> float:
    """CPU time of this process (all threads) and of its finished children (protoc): user + system."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _run_stages(spec: Path | None) -> dict[str, float]:
    """One pass over `spec` (or the 10-message warm-up document): each stage's CPU seconds, and `wall`.

    CPU time, not wall time, per stage: on a shared machine the other processes' load shows up in
    wall time and would drown the growth this benchmark is about; `wall` is the pass's wall time.
    """
    seconds: dict[str, float] = {}

    def timed(stage: str, run: Callable[[], T]) -> T:
        started = _cpu_seconds()
        value = run()
        seconds[stage] = _cpu_seconds() - started
        return value

    began = time.perf_counter()
    document = timed("load", lambda: load(spec) if spec else load_data(synthetic_spec(10), "warm-up.json"))
    result = timed("to_model", lambda: to_model(document, Lock(source="bench.lock.json")))
    protos = timed("to_proto", lambda: to_proto(result.api))
    timed("lock", lambda: dump_lock(result.lock))
    layout = PythonLayout.for_packages("bench_api", [p.name for p in result.api.packages])
    timed("render", lambda: render(result.api, layout))
    timed("compile", lambda: compile_protos(result.api, protos, layout, "proto"))
    seconds["wall"] = time.perf_counter() - began
    return seconds


def _pass_in_subprocess(spec: Path, timeout: float) -> dict[str, float] | None:
    """One timed pass in a fresh interpreter (after a warm-up there); None when it ran out of time."""
    command = [sys.executable, "-m", "bench.converter_bench", "pass", str(spec)]
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
    """Every stage on synthetic specs, sizes interleaved round by round, one subprocess per pass.

    A size stops getting further rounds once its passes have taken `budget_seconds` in total (it
    always gets one), and no pass may run past `deadline` (a `time.monotonic()` value): one that
    would is stopped and reported as unfinished. The table shows how many passes each size got.
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
                spent[size] += figures["wall"]
                return figures["wall"]

            return run

        shown = ", ".join(f"{s:,}" for s in sizes)
        log(f"converter: sizes {shown}, up to {rounds} rounds, {budget_seconds:.0f} s per size")
        interleave([(str(size), variant(size)) for size in sizes], rounds, label="converter")
    return _section(sizes, passes, budget_seconds, unfinished)


def _columns() -> dict[str, Callable[[dict[str, float]], float]]:
    def stage_time(stage: str) -> Callable[[dict[str, float]], float]:
        return lambda p: p[stage]

    columns = {stage: stage_time(stage) for stage in STAGES}
    columns["load…render (all but compile)"] = lambda p: sum(p[s] for s in LINEAR)
    columns["all stages"] = lambda p: sum(p[s] for s in STAGES)
    return columns


def _section(
    sizes: Sequence[int], passes: dict[int, list[dict[str, float]]], budget: float, unfinished: dict[int, float]
) -> Section:
    columns = _columns()
    measured = [size for size in sizes if passes[size]]
    per_component = {
        (size, column): Measured(str(size), tuple(pick(p) / size * 1000 for p in passes[size]))
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
        whole = Measured(str(size), tuple(p["wall"] for p in passes[size]))
        cells = (f"{per_component[size, column].median:.3f}" for column in columns)
        rows.append((f"{size:,}", str(len(passes[size])), *cells, f"{whole.median:,.2f}"))
    notes: list[str] = []
    headlines: list[tuple[str, str]] = []
    linear = "load…render (all but compile)"
    for size in measured:
        headlines.append(
            (
                f"Codegen, {size:,} messages: CPU ms/component, load…render (all stages, compile included)",
                f"{per_component[size, linear].median:.3f} ({per_component[size, 'all stages'].median:.3f})",
            )
        )
    if len(measured) >= 2:
        small, large = min(measured), max(measured)
        growth = {c: per_component[large, c].median / per_component[small, c].median for c in columns}
        rows.append((f"ratio {large:,} / {small:,}", "", *(f"×{growth[c]:.2f}" for c in columns), ""))
        met = "met" if growth[linear] <= GROWTH_TARGET else "NOT met"
        headlines.append(
            (
                f"Codegen target: per-component({large:,}) / per-component({small:,}), "
                f"load…render ≤ ×{GROWTH_TARGET:g}",
                f"×{growth[linear]:.2f} ({met}; compile ×{growth['compile']:.2f})",
            )
        )
        for column in columns:
            verdict = "about linear" if growth[column] < 1.5 else "worse than linear"
            notes.append(
                f"`{column}`: per-component time ×{growth[column]:.2f} from {small:,} to {large:,} components "
                f"({verdict})."
            )
        notes.append(
            "`compile` is protoc (grpcio-tools) in a subprocess: at 100 components its start-up dominates; at "
            "10,000 it writes `_pb2.py`/`.pyi` for one .proto file holding every message, where protoc's "
            "Python generator (not its parser: `--descriptor_set_out` alone stays linear) grows faster than "
            "the file on a quiet machine. It is outside the stages held to linear time here (load, model, "
            "lock, proto, render); codegen hands it the text and moves its output."
        )
    single = [f"{size:,}" for size in measured if len(passes[size]) == 1]
    if single:
        notes.append(
            f"{', '.join(single)} components: one pass only (the {budget:.0f} s budget per size or the run's "
            "time limit was reached), a single measurement, not a median."
        )
    table = Table(
        ("message components", "passes", *(f"{c} (CPU ms/component)" for c in columns), "pass, wall (s)"),
        rows,
        "CPU time per message component (medians over the passes)",
    )
    method = (
        "Synthetic Connect-shaped OpenAPI 3.1 documents written by `bench/synthetic_spec.py` "
        "(`python -m bench.synthetic_spec N FILE`): N components `bench.v1.MessageN`, each with strings, an "
        "int32, an int64 as `[integer, string]`, an optional string, a repeated string, a reference and a "
        "repeated reference to messages of its cluster of ten, the enum `bench.v1.Status`, a oneof and a "
        "`map<string, string>` (its `LabelsEntry` component included, as protoc-gen-connect-openapi writes "
        "it), plus `bench.v1.BenchService` with one method per ten messages. Each pass runs in a fresh "
        "interpreter, warms up on a 10-message document, then runs the stages of `build()` on the file: "
        "`load` (read, parse, validate), `to_model` (empty lock), `to_proto`, `lock` (the lock's text), "
        "`render`, `compile` (protoc in a subprocess), each timed in CPU time (user + system, protoc's included): "
        "the machine is shared, and other processes' load would show in wall time as growth that is not "
        "there. Sizes run interleaved, round by round, "
        f"until the round limit or {budget:.0f} s of passes per size (at least one pass each)."
    )
    return Section("Codegen: scaling on synthetic specs", method, [table], notes, headlines=headlines)


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.converter_bench pass SPEC`: one warmed-up pass, stage seconds as JSON."""
    parser = argparse.ArgumentParser(prog="python -m bench.converter_bench")
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("pass", help="time every stage on SPEC")
    one.add_argument("spec", type=Path)
    args = parser.parse_args(argv)
    _run_stages(None)
    gc.collect()
    with fewer_collections():  # as build() runs the stages
        print(json.dumps(_run_stages(args.spec)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
