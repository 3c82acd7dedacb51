"""`python -m bench` (what `make bench` runs): run the benchmarks and write docs/benchmarks.md.

    python -m bench                      # everything, writes docs/benchmarks.md
    python -m bench --quick -o /tmp/b.md # small sizes and few rounds, to try the benchmarks out
    python -m bench --only unary,encoding -o /tmp/b.md
    python -m bench --only load -o /tmp/load.md  # only the load benchmark (about a minute)

Progress goes to stderr. Every server and subprocess started is stopped on the way out, also on
errors, Ctrl-C and SIGTERM.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from . import ROOT
from .report import Section, render, source_fingerprint
from .timing import log

SECTIONS = ("encoding", "unary", "streams", "export", "load", "emulator", "soak", "codegen", "converter")


@dataclass(frozen=True)
class Settings:
    """Sizes and round counts of one run."""

    rounds: int = 5
    unary_calls: int = 500
    unary_warmup: int = 100
    stream_lines: int = 100_000
    stream_rounds: int = 3
    export_sizes_mib: tuple[int, ...] = (64, 256)
    export_rounds: int = 3
    encoding_seconds: float = 0.25
    codegen_rounds: int = 5
    converter_sizes: tuple[int, ...] = (100, 1_000, 10_000)
    converter_rounds: int = 3
    soak_clients: int = 16
    soak_seconds: float = 30.0
    converter_budget: float = 60.0
    emulator_rounds: int = 5
    emulator_runs: int = 200
    load_clients: int = 8
    load_calls: int = 500
    load_streams: int = 4


QUICK = Settings(
    rounds=2,
    unary_calls=100,
    unary_warmup=20,
    stream_lines=5_000,
    stream_rounds=2,
    export_sizes_mib=(4, 16),
    export_rounds=2,
    encoding_seconds=0.05,
    codegen_rounds=2,
    converter_sizes=(100, 300),
    converter_rounds=2,
    soak_clients=4,
    soak_seconds=5.0,
    converter_budget=5.0,
    emulator_rounds=2,
    emulator_runs=50,
    load_clients=4,
    load_calls=100,
    load_streams=2,
)


def _sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def _timed(section: Section, started: float) -> Section:
    section.seconds = time.perf_counter() - started
    return section


def run(settings: Settings, only: tuple[str, ...], deadline: float) -> list[Section]:
    """Run the selected benchmarks in a fixed order and return their sections.

    `deadline` (a `time.monotonic()` value) bounds the converter benchmark's passes.
    """
    from . import (
        codegen_bench,
        converter_bench,
        emulator_bench,
        encoding_bench,
        load_bench,
        official_stubs,
        rpc_bench,
        soak_bench,
        stream_bench,
    )
    from .servers import Server

    sections: list[Section] = []
    # The codegen benchmarks first, before any server starts: they are CPU-bound, and the
    # 10,000-component pass must get its time whatever the machine's load does to the rest.
    if "codegen" in only:
        started = time.perf_counter()
        sections.append(_timed(codegen_bench.run_pipeline(rounds=settings.codegen_rounds), started))
    if "converter" in only:
        started = time.perf_counter()
        section = converter_bench.run_converter(
            sizes=settings.converter_sizes,
            rounds=settings.converter_rounds,
            budget_seconds=settings.converter_budget,
            deadline=deadline,
        )
        sections.append(_timed(section, started))
    with ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-")))
        if "encoding" in only:
            started = time.perf_counter()
            section = encoding_bench.run(rounds=settings.rounds, seconds_per_round=settings.encoding_seconds)
            sections.append(_timed(section, started))
        ours: Server | None = None
        if {"unary", "streams", "export"} & set(only):
            log("starting our server")
            ours = stack.enter_context(Server("ours"))
        if "unary" in only and ours is not None:
            started = time.perf_counter()
            log("generating the official stubs (protoc-gen-connectrpc)")
            stubs = official_stubs.generate(scratch / "official")
            connect, _ = official_stubs.load(stubs)
            log("starting the official stubs' server")
            with Server("official", stubs) as official:
                section = rpc_bench.run(
                    connect,
                    ours,
                    official,
                    rounds=settings.rounds,
                    calls=settings.unary_calls,
                    warmup=settings.unary_warmup,
                )
            sections.append(_timed(section, started))
        if "streams" in only and ours is not None:
            started = time.perf_counter()
            section = stream_bench.run_lines(ours, lines=settings.stream_lines, rounds=settings.stream_rounds)
            sections.append(_timed(section, started))
        if "export" in only and ours is not None:
            started = time.perf_counter()
            section = stream_bench.run_export(ours, sizes_mib=settings.export_sizes_mib, rounds=settings.export_rounds)
            sections.append(_timed(section, started))
        stack.close()  # stop the servers before the load and the emulator's benchmarks
        if "load" in only:
            started = time.perf_counter()
            section = load_bench.run(
                clients=settings.load_clients, calls=settings.load_calls, streams=settings.load_streams
            )
            sections.append(_timed(section, started))
        if "emulator" in only:
            started = time.perf_counter()
            section = emulator_bench.run(rounds=settings.emulator_rounds, runs=settings.emulator_runs)
            sections.append(_timed(section, started))
        if "soak" in only:
            started = time.perf_counter()
            section = soak_bench.run(clients=settings.soak_clients, seconds=settings.soak_seconds)
            sections.append(_timed(section, started))
    order = ["Codegen: Depot spec", "Codegen: scaling on synthetic specs", "Unary calls (GetRunStatus)"]
    order += ["Server stream: log lines", "Server stream: log export", "Load: unary calls beside long streams"]
    order += ["Encoding (GetRunStatusResponse)", "Emulator: runs", "Emulator: soak"]
    return sorted(sections, key=lambda s: order.index(s.title) if s.title in order else len(order))


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part.replace("_", "")) for part in text.split(",") if part)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, run, write the report; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bench", description="Run the benchmarks and write the report.")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "benchmarks.md", help="report file")
    parser.add_argument("--quick", action="store_true", help="small sizes and two rounds (a smoke run)")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated subset of {','.join(SECTIONS)}")
    parser.add_argument("--sizes", type=_sizes, help="converter spec sizes, e.g. 100,1000,10000")
    parser.add_argument(
        "--max-minutes",
        type=float,
        default=8.5,
        help="stop a converter pass that would end the run later than this (default 8.5)",
    )
    args = parser.parse_args(argv)
    only = tuple(name for name in args.only.split(",") if name)
    unknown = set(only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    settings = QUICK if args.quick else Settings()
    if args.sizes:
        settings = Settings(**{**settings.__dict__, "converter_sizes": args.sizes})
    signal.signal(signal.SIGTERM, _sigterm)
    started = time.perf_counter()
    deadline = time.monotonic() + args.max_minutes * 60 - 10  # leave time to stop and write the report
    fingerprint = source_fingerprint(ROOT)
    try:
        sections = run(settings, only, deadline)
    except KeyboardInterrupt:
        log("interrupted; servers stopped, no report written")
        return 130
    total = time.perf_counter() - started
    warnings = []
    if source_fingerprint(ROOT) != fingerprint:
        warnings.append(
            "codegen/, generated/, spec/, templates/ or proto/ changed while the benchmarks ran: the figures "
            "mix two versions of the code; run it again."
        )
        log("warning: the measured code changed during the run; the figures mix two versions")
    command = "make bench" if argv is None and not sys.argv[1:] else "python -m bench " + " ".join(sys.argv[1:])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    report = render(sections, total_seconds=total, command=command, warnings=warnings)
    args.output.write_text(report, encoding="utf-8")
    log(f"wrote {args.output} in {total / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
