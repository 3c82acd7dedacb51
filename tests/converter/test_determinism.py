"""The same input always gives the same bytes: twice in one process, and under any PYTHONHASHSEED."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.lock import dump_lock, parse_lock
from codegen.openapi import load
from codegen.pipeline import to_model
from codegen.proto import to_proto

from .support import FIXTURES, REPO, convert_fixture, fixture_spec, read_tree, run_cli

FIXTURE_DIRS = sorted(path for path in FIXTURES.iterdir() if path.is_dir())

# Converts every fixture and prints {fixture: {file: sha256}} (the lock included) as JSON.
_DIGEST_SCRIPT = """
import hashlib, json, sys
from pathlib import Path
from codegen.openapi import load
from codegen.lock import dump_lock, load_lock
from codegen.pipeline import to_model
from codegen.proto import to_proto

digests = {}
for directory in sorted(Path(sys.argv[1]).iterdir()):
    spec = next(p for p in directory.iterdir() if p.stem == "openapi")
    result = to_model(load(spec), load_lock(directory / "lock.json"))
    files = {**to_proto(result.api), "lock.json": dump_lock(result.lock)}
    files["warnings"] = "\\n".join(str(w) for w in result.warnings)
    digests[directory.name] = {k: hashlib.sha256(v.encode()).hexdigest() for k, v in sorted(files.items())}
print(json.dumps(digests, sort_keys=True))
"""


@pytest.mark.parametrize("directory", FIXTURE_DIRS, ids=[d.name for d in FIXTURE_DIRS])
def test_converting_twice_gives_identical_proto_and_lock(directory: Path) -> None:
    first, second = convert_fixture(directory), convert_fixture(directory)
    assert to_proto(first.api) == to_proto(second.api)
    assert dump_lock(first.lock) == dump_lock(second.lock)
    assert first.warnings == second.warnings


@pytest.mark.parametrize("directory", FIXTURE_DIRS, ids=[d.name for d in FIXTURE_DIRS])
def test_converting_again_with_the_written_lock_changes_nothing(directory: Path) -> None:
    first = convert_fixture(directory)
    relock = parse_lock(json.loads(dump_lock(first.lock)), "lock.json")
    second = to_model(load(fixture_spec(directory)), relock)
    assert to_proto(second.api) == to_proto(first.api)
    assert dump_lock(second.lock) == dump_lock(first.lock)


def _digests(seeds: list[str]) -> list[dict[str, dict[str, str]]]:
    """The digests of every fixture, converted in one subprocess per hash seed (run side by side)."""
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _DIGEST_SCRIPT, str(FIXTURES)],
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in seeds
    ]
    results = []
    for run in runs:
        stdout, stderr = run.communicate(timeout=120)
        assert run.returncode == 0, stderr
        results.append(json.loads(stdout))
    return results


def test_every_fixture_converts_to_the_same_bytes_under_different_hash_seeds() -> None:
    seeds = ["0", "1", "2", "31337"]
    reference, *others = _digests(seeds)
    assert sorted(reference) == [d.name for d in FIXTURE_DIRS]
    for seed, digests in zip(seeds[1:], others, strict=True):
        assert digests == reference, f"PYTHONHASHSEED={seed} changed the output"


def test_the_cli_writes_the_same_bytes_under_different_hash_seeds(tmp_path: Path) -> None:
    spec = FIXTURES / "lock_numbers" / "openapi.json"
    lock_source = (FIXTURES / "lock_numbers" / "lock.json").read_text(encoding="utf-8")
    outputs = []
    for seed in ("0", "7", "4242"):
        run_dir = tmp_path / f"seed-{seed}"
        run_dir.mkdir()
        (run_dir / "lock.json").write_text(lock_source, encoding="utf-8")
        run = run_cli(
            "proto", "--spec", spec, "--lock", run_dir / "lock.json", "--out", run_dir / "out", hash_seed=seed
        )
        assert run.returncode == 0, run.stderr
        tree = read_tree(run_dir / "out")
        tree["lock.json"] = (run_dir / "lock.json").read_text(encoding="utf-8")
        outputs.append(hashlib.sha256(json.dumps(tree, sort_keys=True).encode()).hexdigest())
    assert len(set(outputs)) == 1
