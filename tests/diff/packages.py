"""Generate a package from a small document into a directory, and run the peers of peer.py on it."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from codegen.config import Config
from codegen.pipeline import build

__all__ = ["Package", "build_package", "run_clients", "serving"]

PEER = Path(__file__).resolve().parent / "peer.py"
TESTS = PEER.parents[1]


class Package:
    """A generated `acme` package: its directory and the lock its generation left."""

    def __init__(self, root: Path, lock_text: str) -> None:
        self.root = root
        self.lock_text = lock_text

    def env(self) -> dict[str, str]:
        """The environment of a process that imports this package as `acme`."""
        return {**os.environ, "PYTHONPATH": os.pathsep.join([str(self.root / "python"), str(TESTS)])}


def build_package(root: Path, document: Mapping[str, Any], lock: Mapping[str, Any] | None = None) -> Package:
    """Generate `document` (numbered with `lock`, when given) as package `acme` under `root`."""
    root.mkdir(parents=True)
    spec = root / "openapi.json"
    spec.write_text(json.dumps(document), encoding="utf-8")
    lock_path = root / "lock.json"
    if lock is not None:
        lock_path.write_text(json.dumps(lock), encoding="utf-8")
    config = Config(spec, lock_path, root / "proto", root / "python", "acme")
    generated = build(config)
    for relative, text in generated.python.items():
        path = root / "python" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Package(root, generated.lock_text)


@contextmanager
def serving(package: Package) -> Iterator[str]:
    """Run the echo server of `package` in its own process; yield its URL; stop it (by its PID)."""
    process = subprocess.Popen(
        [sys.executable, str(PEER), "serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=package.env(),
        text=True,
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 60)
        line = process.stdout.readline().strip() if ready else ""
        assert line.startswith("http://127.0.0.1:"), process.stderr.read() if process.stderr else line
        yield line
    finally:
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def run_clients(runs: Sequence[tuple[Package, str, Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """Run one client process per (package, server URL, plan) at once; return each one's outcomes."""
    processes = [
        (
            subprocess.Popen(
                [sys.executable, str(PEER), "call", url],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=package.env(),
                text=True,
            ),
            json.dumps(plan),
        )
        for package, url, plan in runs
    ]
    results = []
    for process, plan in processes:
        try:
            out, err = process.communicate(plan, timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate(timeout=20)
            raise
        assert process.returncode == 0, err
        results.append(json.loads(out))
    return results
