"""Same model, byte-identical output: twice in one process and under different hash seeds."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

from .support import REPO, render_fixture

_DIGEST = (
    "import hashlib, json\n"
    "from tests.render.support import render_fixture\n"
    "print(hashlib.sha256(json.dumps(render_fixture(), sort_keys=True).encode()).hexdigest())\n"
)


def _digest(files: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()


def test_rendering_twice_gives_identical_files() -> None:
    first = render_fixture()
    second = render_fixture()
    assert first == second
    assert list(first) == sorted(first)


def test_output_does_not_depend_on_the_hash_seed() -> None:
    digests = set()
    for seed in ("0", "1", "4242"):
        completed = subprocess.run(
            [sys.executable, "-c", _DIGEST],
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(completed.stdout.strip())
    assert digests == {_digest(render_fixture())}
