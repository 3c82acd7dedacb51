"""`python -m codegen`: argument parsing and printing over `codegen.pipeline` (no stage is imported here).

    python -m codegen generate [--config pyproject.toml] [--strict] [--force] [--rebuild]
    python -m codegen check    [--config pyproject.toml]
    python -m codegen proto    --spec FILE --lock FILE --out DIR [--strict] [--force]
    python -m codegen diff     OLD NEW [--lock FILE] [--format text|markdown|json]
                               [--fail-on wire|json|python|any|none]

Exit codes: 0 success, 1 `check` found stale output or `diff` found a change of the `--fail-on`
category, 2 the input or the output settings have errors (each printed with its JSON pointer or
path and what to do; nothing was written).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .config import load_config
from .diagnostics import CodegenError, Diagnostic
from .pipeline import DIFF_FAIL_ON, DIFF_FORMATS, UpToDate, check, convert, diff, generate

__all__ = ["main"]

EXIT_STALE = 1
EXIT_BREAKING = 1
EXIT_INVALID = 2
_SHOWN_CHANGED = 5
"""How many changed files `generate` names before it counts the rest."""
_FORCE_HELP = (
    "write even where the output directory holds files the generator did not write (they are kept "
    "unless a generated file has their path)"
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except CodegenError as error:
        _print_diagnostics(error.diagnostics)
        count = sum(1 for d in error.diagnostics if d.severity.value == "error")
        print(f"codegen: stopped with {count} error(s); nothing was written.", file=sys.stderr)
        return EXIT_INVALID


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen",
        description="Generate proto and a Connect Python package from a Connect-shaped OpenAPI 3.1 document.",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    run = commands.add_parser("generate", help="regenerate proto/, generated/ and the lock from the spec")
    run.add_argument(
        "--config",
        type=Path,
        default=Path("pyproject.toml"),
        help="pyproject.toml with [tool.codegen] (default: ./pyproject.toml)",
    )
    run.add_argument("--strict", action="store_true", help="treat warnings as errors")
    run.add_argument("--force", action="store_true", help=_FORCE_HELP)
    run.add_argument(
        "--rebuild", action="store_true", help="build even if the manifest says nothing changed since the last run"
    )
    run.set_defaults(run=_generate)

    stale = commands.add_parser("check", help="exit 1, naming the files, if committed output is stale")
    stale.add_argument("--config", type=Path, default=Path("pyproject.toml"))
    stale.set_defaults(run=_check)

    proto = commands.add_parser("proto", help="convert an OpenAPI document to .proto files and update the lock")
    proto.add_argument("--spec", type=Path, required=True, help="OpenAPI 3.1 document (JSON or YAML)")
    proto.add_argument("--lock", type=Path, required=True, help="field-number lock (created if missing)")
    proto.add_argument(
        "--out", type=Path, required=True, help="directory for the .proto files and the manifest of what it wrote"
    )
    proto.add_argument("--strict", action="store_true", help="treat warnings as errors")
    proto.add_argument("--force", action="store_true", help=_FORCE_HELP)
    proto.set_defaults(run=_proto)

    compare = commands.add_parser(
        "diff",
        help="what changes between two versions of a spec for binary, JSON and Python users",
        description="Compare two versions of an OpenAPI document as protobuf, protobuf JSON and the "
        "generated Python see them. Exit 1 when a change of the --fail-on category is present.",
    )
    compare.add_argument("old", type=Path, help="the earlier OpenAPI document")
    compare.add_argument("new", type=Path, help="the later OpenAPI document")
    compare.add_argument("--lock", type=Path, help="the field-number lock both are numbered with (and its renames)")
    compare.add_argument("--format", choices=DIFF_FORMATS, default="text", help="report format (default: text)")
    compare.add_argument(
        "--fail-on",
        choices=DIFF_FAIL_ON,
        default="none",
        help="exit 1 when a change breaks this (any: any change at all; default: none)",
    )
    compare.set_defaults(run=_diff)
    return parser


def _generate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    generated = generate(load_config(args.config), strict=args.strict, force=args.force, rebuild=args.rebuild)
    if isinstance(generated, UpToDate):
        _print_diagnostics(generated.manifest.warnings)
        print(
            f"codegen: output is up to date ({generated.files} files as the manifest lists them; spec, lock, "
            f"settings and generator unchanged); nothing written in {generated.seconds * 1000:.0f} ms"
        )
        return 0
    _print_diagnostics(generated.warnings)
    api = generated.api
    messages = sum(len(p.messages) for p in api.packages)
    enums = sum(len(p.enums) for p in api.packages)
    methods = sum(len(s.methods) for p in api.packages for s in p.services)
    stages = ", ".join(f"{stage} {seconds * 1000:.0f} ms" for stage, seconds in generated.seconds.items())
    changed = ", ".join(_shown(path) for path in generated.written[:_SHOWN_CHANGED])
    if len(generated.written) > _SHOWN_CHANGED:
        changed += f" and {len(generated.written) - _SHOWN_CHANGED} more"
    print(
        f"codegen: {messages} messages, {enums} enums, {methods} methods; "
        f"{len(generated.protos)} .proto and {len(generated.python)} Python files, {len(generated.written)} changed"
        f"{': ' + changed if changed else ''} (built because {'; '.join(generated.reasons)}) "
        f"in {time.perf_counter() - started:.2f} s ({stages})"
    )
    print(generated.report, end="")
    return 0


def _check(args: argparse.Namespace) -> int:
    stale = check(load_config(args.config))
    if stale:
        print("codegen: generated output is stale; run `make generate` and commit the result:", file=sys.stderr)
        for path in stale:
            print(f"  {path}", file=sys.stderr)
        return EXIT_STALE
    print("codegen: generated output is up to date")
    return 0


def _proto(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    converted = convert(args.spec, args.lock, args.out, strict=args.strict, force=args.force)
    _print_diagnostics(converted.warnings)
    print(
        f"codegen: wrote {len(converted.protos)} .proto file(s) to {args.out} in {time.perf_counter() - started:.3f} s"
    )
    return 0


def _diff(args: argparse.Namespace) -> int:
    result = diff(args.old, args.new, args.lock, form=args.format, fail_on=args.fail_on)
    print(result.text, end="")
    return EXIT_BREAKING if result.failed else 0


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _print_diagnostics(diagnostics: Sequence[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)
