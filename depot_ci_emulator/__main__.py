"""`python -m depot_ci_emulator`: serve the Depot CI emulator until Ctrl-C.

Tokens come from `--token` / `--org-token` and from the environment (`DEPOT_EMULATOR_TOKENS`:
user tokens separated by commas or spaces; `DEPOT_EMULATOR_ORG_TOKENS`: `ORG_ID=TOKEN` entries).
With none, a random token is made and printed. Exit codes: 0 after Ctrl-C, 2 for bad options or an
unusable --db file, 1 if the server fails.
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

import uvicorn

from .auth import Tokens, parse_org_token
from .server import DEFAULT_ORG, DEFAULT_SPEED, Emulator, EmulatorConfig
from .service import StreamLimits
from .sources import parse_repo_option
from .store import Store, StoreError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m depot_ci_emulator",
        description="A local Depot CI API (depot.ci.v1.CIService) with simulated runs, for trying and testing clients.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8787, help="port to listen on; 0 picks a free one (default: 8787)")
    parser.add_argument("--db", type=Path, help="SQLite file keeping the state across restarts (default: in memory)")
    parser.add_argument(
        "--token", action="append", default=[], metavar="TOKEN", help="accept this user token (repeatable)"
    )
    parser.add_argument(
        "--org-token",
        action="append",
        default=[],
        metavar="ORG_ID=TOKEN",
        help="accept this organization token; callers must send x-depot-org: ORG_ID (repeatable)",
    )
    parser.add_argument("--org", default=DEFAULT_ORG, help=f"organization of user tokens (default: {DEFAULT_ORG})")
    parser.add_argument(
        "--repo",
        action="append",
        default=[],
        metavar="OWNER/NAME=DIR",
        help="a local repository whose .depot/workflows/ runs can use (repeatable)",
    )
    parser.add_argument(
        "--speed",
        type=float,
        default=DEFAULT_SPEED,
        help=f"emulated seconds per real second (default: {DEFAULT_SPEED:g})",
    )
    parser.add_argument(
        "--max-stream-seconds",
        type=float,
        default=StreamLimits.max_duration_s,
        help="longest a log stream or export may last, in real seconds; then resource_exhausted "
        f"(default: {StreamLimits.max_duration_s:g})",
    )
    parser.add_argument(
        "--max-streams-per-token",
        type=int,
        default=StreamLimits.max_per_token,
        help=f"most concurrent log streams and exports per token (default: {StreamLimits.max_per_token})",
    )
    parser.add_argument("--demo", action="store_true", help="trigger a demo run at start-up")
    parser.add_argument("--log-level", default="warning", choices=["debug", "info", "warning", "error"])
    return parser


def _config(args: argparse.Namespace) -> tuple[EmulatorConfig, bool]:
    users = [*args.token, *os.environ.get("DEPOT_EMULATOR_TOKENS", "").replace(",", " ").split()]
    org_settings = [*args.org_token, *os.environ.get("DEPOT_EMULATOR_ORG_TOKENS", "").replace(",", " ").split()]
    org_tokens = {token: org for org, token in map(parse_org_token, org_settings)}
    generated = not users and not org_tokens
    if generated:
        users = [f"emulator_{secrets.token_urlsafe(16)}"]
    if not args.speed > 0:
        raise ValueError(f"--speed must be a positive number, not {args.speed}")
    if not args.max_stream_seconds > 0:
        raise ValueError(f"--max-stream-seconds must be a positive number, not {args.max_stream_seconds}")
    if args.max_streams_per_token < 1:
        raise ValueError(f"--max-streams-per-token must be at least 1, not {args.max_streams_per_token}")
    repos = dict(parse_repo_option(r) for r in args.repo)
    tokens = Tokens(default_org=args.org, user_tokens=frozenset(users), org_tokens=org_tokens)
    limits = StreamLimits(max_duration_s=args.max_stream_seconds, max_per_token=args.max_streams_per_token)
    config = EmulatorConfig(tokens=tokens, db=args.db, repos=repos, speed=args.speed, demo=args.demo, limits=limits)
    return config, generated


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly, so asyncio turns Nagle's algorithm off (see tests/live_servers.py).
    listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    return listener


def _banner(url: str, config: EmulatorConfig, emulator: Emulator, generated: bool) -> str:
    token = sorted(config.tokens.user_tokens)[0] if config.tokens.user_tokens else next(iter(config.tokens.org_tokens))
    org_header = ""
    if not config.tokens.user_tokens:
        org_header = f', "x-depot-org": "{config.tokens.org_tokens[token]}"'
    state = str(config.db) if config.db else "in memory (pass --db FILE to keep it)"
    lines = [
        f"Depot CI emulator on {url}  (speed x{config.speed:g}, state {state})",
        f"token: {token}" + ("  (generated; pass --token to choose one)" if generated else ""),
    ]
    lines += [f"repository: {name}" for name in sorted(config.repos)]
    if emulator.demo_run_id:
        lines.append(f"demo run: {emulator.demo_run_id}  (the snippet prints its jobs' attempt ids, for log calls)")
    run_id = emulator.demo_run_id or "run_123"
    lines += [
        "",
        "Paste into Python to call it:",
        "",
        "from depot_ci.v1 import CIServiceClientSync, GetRunStatusRequest",
        f'headers = {{"Authorization": "Bearer {token}"{org_header}}}',
        f'with CIServiceClientSync("{url}", headers=headers) as depot:',
        f'    status = depot.get_run_status(GetRunStatusRequest(run_id="{run_id}"))',
        "    for job in (job for workflow in status.workflows for job in workflow.jobs):",
        "        print(job.job_key, job.status, [attempt.attempt_id for attempt in job.attempts])",
        "",
        "Ctrl-C stops it.",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the emulator with command-line `argv`; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        config, generated = _config(args)
        if config.db is not None:
            Store.open(config.db).close()  # fail now, with a clear message, rather than at lifespan start
        listener = _listen(args.host, args.port)
    except (ValueError, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(
            f"error: cannot listen on {args.host}:{args.port}: {exc.strerror}; pass --port 0 for a free port",
            file=sys.stderr,
        )
        return 2
    host, port = listener.getsockname()[:2]
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    emulator = Emulator(config)
    server = uvicorn.Server(uvicorn.Config(emulator.app, log_level=args.log_level, lifespan="on"))
    logging.getLogger("depot_ci_emulator").setLevel(args.log_level.upper())

    original_startup = server.startup

    async def startup(sockets: list[socket.socket] | None = None) -> None:
        await original_startup(sockets)
        if server.started:
            print(_banner(url, config, emulator, generated), flush=True)

    server.startup = startup  # type: ignore[method-assign]
    try:
        server.run(sockets=[listener])
    except KeyboardInterrupt:
        pass  # uvicorn re-raises Ctrl-C after its graceful shutdown; stopping is what the user asked for
    finally:
        listener.close()
    if not server.started:
        return 1
    print("Depot CI emulator stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
