"""Codegen on the Depot spec: the whole pipeline, its floor, its stages, and the up-to-date run.

- `codegen.pipeline.build` in process (every stage, in memory; the stages' times come from
  `Generated.seconds`), the same with the OpenAPI validation off (the floor: what the pipeline
  costs without validating), and `python -m codegen generate --rebuild` in a subprocess (end to
  end with the interpreter start), interleaved round by round;
- `python -m codegen generate` on an up-to-date scratch project (the no-op: it only reads the
  manifest and hashes inputs and outputs) against `python -m codegen --help`, interleaved.

The synthetic-spec scaling benchmark is in `converter_bench.py`.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from codegen.config import Config, load_config
from codegen.model import Api
from codegen.pipeline import build

from . import ROOT
from .report import Section, Table
from .timing import Measured, interleave, log, ratios, spread

__all__ = ["run_pipeline"]

IN_PROCESS = "build() in process, all stages"
FLOOR = "build(validate=False) in process: the floor"
SUBPROCESS = "python -m codegen generate --rebuild (subprocess)"
NO_OP = "python -m codegen generate, up to date (subprocess)"
HELP = "python -m codegen --help (subprocess)"
STARTUP_CALLS = 5
"""Calls of each start-up variant per round; the round's value is their median."""

BUILD_TARGET = 2.0
NO_OP_TARGET = 1.5


def _scratch_project(real: Config, scratch: Path) -> Path:
    """A copy of the inputs and the committed output with a pyproject.toml pointing at them; its path."""
    for source, name in ((real.spec.parent, "spec"), (real.proto_out, "proto"), (real.python_out, "generated")):
        shutil.copytree(source, scratch / name, ignore=shutil.ignore_patterns("__pycache__"))
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


def _command(*args: str) -> Callable[[], float]:
    def run() -> float:
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "codegen", *args], cwd=ROOT, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            raise RuntimeError(f"python -m codegen {' '.join(args)} failed: {result.stderr[-2000:]}")
        if args[0] == "generate" and "--rebuild" not in args and "up to date" not in result.stdout:
            raise RuntimeError(f"the scratch project was not up to date: {result.stdout[-2000:]}")
        return elapsed

    return run


def _median_of(run: Callable[[], float], calls: int) -> Callable[[], float]:
    return lambda: statistics.median(run() for _ in range(calls))


def run_pipeline(*, rounds: int) -> Section:
    """The Depot spec: build() against its floor and the subprocess; the no-op against --help."""
    real = load_config(ROOT / "pyproject.toml")
    stage_runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="bench-codegen-") as scratch:
        pyproject = _scratch_project(real, Path(scratch))
        config = load_config(pyproject)

        def in_process() -> float:
            started = time.perf_counter()
            generated = build(config)
            elapsed = time.perf_counter() - started
            stage_runs.append(dict(generated.seconds))
            return elapsed

        def floor() -> float:
            started = time.perf_counter()
            build(config, validate=False)
            return time.perf_counter() - started

        _command("generate", "--config", str(pyproject), "--rebuild")()  # the scratch copy is now up to date
        build(config)  # warm-up: imports, caches
        build(config, validate=False)
        stage_runs.clear()
        log(f"codegen: Depot spec, {rounds} rounds of build(), its floor and python -m codegen generate --rebuild")
        measured = interleave(
            [
                (IN_PROCESS, in_process),
                (FLOOR, floor),
                (SUBPROCESS, _command("generate", "--config", str(pyproject), "--rebuild")),
            ],
            rounds,
            label="codegen pipeline",
        )
        startup_rounds = rounds * 2
        log(f"codegen: {startup_rounds} rounds of the up-to-date generate and --help, {STARTUP_CALLS} calls each")
        measured |= interleave(
            [
                (NO_OP, _median_of(_command("generate", "--config", str(pyproject)), STARTUP_CALLS)),
                (HELP, _median_of(_command("--help"), STARTUP_CALLS)),
            ],
            startup_rounds,
            label="codegen start-up",
        )
        generated = build(config)
    return _section(real, generated.api, measured, stage_runs, rounds, startup_rounds)


def _section(
    real: Config,
    api: Api,
    measured: dict[str, Measured],
    stage_runs: list[dict[str, float]],
    rounds: int,
    startup_rounds: int,
) -> Section:
    rows = [
        (name, f"{m.median * 1000:,.1f}", spread((v * 1000 for v in m.values), "{:,.1f}"))
        for name, m in measured.items()
    ]
    total = measured[IN_PROCESS].median
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
    build_ratio = ratios(measured[IN_PROCESS], measured[FLOOR])
    no_op_ratio = ratios(measured[NO_OP], measured[HELP])
    ratio_rows = [
        _ratio_row("build() / its floor (validation off)", build_ratio, BUILD_TARGET),
        _ratio_row("up-to-date generate / --help", no_op_ratio, NO_OP_TARGET),
    ]
    messages = sum(len(p.messages) for p in api.packages)
    methods = sum(len(s.methods) for p in api.packages for s in p.services)
    method = (
        f"`{real.spec.relative_to(ROOT)}` ({len(api.packages)} package, {messages} top-level messages, {methods} "
        "methods), in a scratch copy of the project. `build(config)` runs load → lock → to_model → to_proto → "
        "compile (protoc in a subprocess) → render → manifest in memory; the floor is the same with the OpenAPI "
        "validation off (`validate=False`); the subprocess runs `python -m codegen generate --rebuild`, which also "
        "starts the interpreter, imports everything, builds and compares the output with the files (it writes "
        f"nothing: they are unchanged). {rounds} rounds interleaved after one warm-up build. Then "
        f"{startup_rounds} rounds of `python -m codegen generate` on the up-to-date copy (it reads the manifest, "
        "hashes the inputs and the generated files and stops) against `python -m codegen --help`, each round "
        f"the median of {STARTUP_CALLS} calls of each."
    )
    whole = Table(("variant", "ms (median)", "range"), rows, "Whole pipeline and start-up")
    ratio_table = Table(("ratio (per round)", "median", "range", "target", "met"), ratio_rows, "Ratios")
    stages = Table(
        ("stage", "ms (median)", "range", "share of build()"),
        stage_rows,
        "Stages of build() (from `Generated.seconds`)",
    )
    headlines = [
        (
            "Codegen, Depot spec: build() in process / its floor (validation off) / generate --rebuild (subprocess)",
            f"{total * 1000:,.0f} ms / {measured[FLOOR].median * 1000:,.0f} ms / "
            f"{measured[SUBPROCESS].median * 1000:,.0f} ms",
        ),
        (f"Codegen target: build() / floor ≤ ×{BUILD_TARGET:g}", f"×{build_ratio.median:.2f}"),
        (
            "Codegen, up-to-date generate / --help (subprocesses)",
            f"{measured[NO_OP].median * 1000:,.0f} ms / {measured[HELP].median * 1000:,.0f} ms",
        ),
        (f"Codegen target: up-to-date generate / --help ≤ ×{NO_OP_TARGET:g}", f"×{no_op_ratio.median:.2f}"),
    ]
    return Section("Codegen: Depot spec", method, [whole, ratio_table, stages], headlines=headlines)


def _ratio_row(name: str, ratio: Measured, target: float) -> tuple[str, ...]:
    met = "yes" if ratio.median <= target else "no"
    return (name, f"×{ratio.median:.2f}", spread(ratio.values, "×{:.2f}"), f"≤ ×{target:g}", met)
