"""The emulator's pure parts: workflow YAML, matrix, runner labels, inputs, conditions, scripts,
clocks, page tokens and the store's schema versions."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from connectrpc.errors import ConnectError

from depot_ci_emulator import ManualClock, ScaledClock
from depot_ci_emulator.artifacts import UrlSigner
from depot_ci_emulator.conditions import Status, evaluate
from depot_ci_emulator.formats import decode_page_token, encode_page_token, rfc3339
from depot_ci_emulator.inputs import InputError, parse_inputs, resolve_inputs
from depot_ci_emulator.matrix import MatrixError, expand_matrix, runner_config
from depot_ci_emulator.script import Command, Echo, Exit, Fail, Sleep, Summary, interpret, substitute
from depot_ci_emulator.states import aggregate
from depot_ci_emulator.store import SCHEMA_VERSION, Store, StoreError
from depot_ci_emulator.workflows import WorkflowError, parse_workflow


def test_on_stays_a_string_key_under_yaml_1_2() -> None:
    plan = parse_workflow("on: [push, workflow_dispatch]\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n", "w")
    assert plan.triggers == ("push", "workflow_dispatch") and plan.dispatch_inputs == {}
    yes = parse_workflow(
        "on: push\njobs:\n  a:\n    runs-on: x\n    strategy: {matrix: {v: [yes, on, 'no']}}\n"
        "    steps: [{run: echo}]\n",
        "w",
    )
    assert [job.matrix for job in yes.jobs] == [(("v", "yes"),), (("v", "on"),), (("v", "no"),)]


def test_workflow_name_falls_back_to_the_file_stem() -> None:
    source = "on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n"
    assert parse_workflow(source, "f", ".depot/workflows/build-and-test.yml").name == "build-and-test"
    assert parse_workflow(source, "workflowContent[0]").name == ""


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("- a list\n", "must be a YAML mapping"),
        ("on: push\njobs:\n  1bad:\n    runs-on: x\n    steps: [{run: echo}]\n", "a job key must start"),
        ("on: push\njobs:\n  a:\n    uses: o/r/.github/workflows/x.yml@v1\n", "reusable workflows"),
        ("on: push\njobs:\n  a:\n    needs: a\n    runs-on: x\n    steps: [{run: echo}]\n", "cannot need itself"),
        (
            "on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{id: s, run: echo}, {id: s, run: echo}]\n",
            "step ids must be unique",
        ),
        (
            "on: push\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: -1\n    steps: [{run: echo}]\n",
            "timeout-minutes",
        ),
        ("on: push\non: push\njobs: {}\n", "invalid YAML"),
        (
            "on: push\njobs:\n  a:\n    runs-on: x\n    strategy: {matrix: '${{ fromJSON(x) }}'}\n"
            "    steps: [{run: echo}]\n",
            "not evaluated by the emulator",
        ),
    ],
)
def test_workflow_errors(source: str, text: str) -> None:
    with pytest.raises(WorkflowError) as caught:
        parse_workflow(source, "ci.yml")
    assert caught.value.args[0].startswith("ci.yml") and text in str(caught.value), caught.value


def test_matrix_rules() -> None:
    combos = expand_matrix({"a": [1, 2], "b": ["x"], "include": [{"a": 1, "c": True}, {"a": 3}]}, "m")
    assert combos == [{"a": 1, "b": "x", "c": True}, {"a": 2, "b": "x"}, {"a": 3}]
    with pytest.raises(MatrixError, match="every combination is excluded"):
        expand_matrix({"a": [1], "exclude": [{"a": 1}]}, "m")
    with pytest.raises(MatrixError, match="at most 256"):
        expand_matrix({"a": list(range(17)), "b": list(range(16))}, "m")
    with pytest.raises(MatrixError, match="'z' is not a matrix key"):
        expand_matrix({"a": [1], "exclude": [{"z": 1}]}, "m")


def test_matrix_include_follows_githubs_documented_examples() -> None:
    # "Example: Expanding configurations" in GitHub's "Using a matrix for your jobs": an entry is
    # matched only against the original combinations; values added by an earlier entry may be
    # overwritten, original ones never; an entry that fits none becomes a new combination.
    fruit = {
        "fruit": ["apple", "pear"],
        "animal": ["cat", "dog"],
        "include": [
            {"color": "green"},
            {"color": "pink", "animal": "cat"},
            {"fruit": "apple", "shape": "circle"},
            {"fruit": "banana"},
            {"fruit": "banana", "animal": "cat"},
        ],
    }
    assert expand_matrix(fruit, "m") == [
        {"fruit": "apple", "animal": "cat", "color": "pink", "shape": "circle"},
        {"fruit": "apple", "animal": "dog", "color": "green", "shape": "circle"},
        {"fruit": "pear", "animal": "cat", "color": "pink"},
        {"fruit": "pear", "animal": "dog", "color": "green"},
        {"fruit": "banana"},
        {"fruit": "banana", "animal": "cat"},
    ]
    # "Example: Adding configurations": version 17 would overwrite an original value everywhere.
    adding = {"os": ["windows-latest", "ubuntu-latest"], "version": [10, 12, 14]}
    combos = expand_matrix({**adding, "include": [{"os": "windows-latest", "version": 17}]}, "m")
    assert len(combos) == 7 and combos[-1] == {"os": "windows-latest", "version": 17}
    # "Example: Adding a value to one combination".
    node = {"os": ["windows-latest", "ubuntu-latest"], "node": [14, 16]}
    combos = expand_matrix({**node, "include": [{"os": "windows-latest", "node": 16, "npm": 6}]}, "m")
    assert [c.get("npm") for c in combos] == [None, 6, None, None]
    # An include-only matrix: one combination per entry, even when the entries share their keys.
    assert expand_matrix({"include": [{"x": 1}, {"x": 2}]}, "m") == [{"x": 1}, {"x": 2}]
    sites = [{"site": "production", "datacenter": "site-a"}, {"site": "staging", "datacenter": "site-b"}]
    assert expand_matrix({"include": sites}, "m") == sites
    # Excluded combinations are not original ones: an include entry is not merged into them.
    combos = expand_matrix({"a": [1, 2], "exclude": [{"a": 2}], "include": [{"a": 2, "b": 1}]}, "m")
    assert combos == [{"a": 1}, {"a": 2, "b": 1}]


def test_runner_config() -> None:
    assert runner_config("depot-ubuntu-24.04-16", {"image": "node:22"}, "w") == {
        "labels": ["depot-ubuntu-24.04-16"],
        "image": "node:22",
        "cpus": 16,
        "memory_gb": 64,
        "size": "",
    }
    assert runner_config(["self-hosted", "linux"], None, "w")["cpus"] == 0
    expression = runner_config("${{ vars.RUNNER }}", None, "w")
    assert (expression["size"], expression["cpus"]) == ("${{ vars.RUNNER }}", 0)
    with pytest.raises(MatrixError, match="runs-on is required"):
        runner_config(None, None, "w")


def test_input_schema_and_values() -> None:
    specs = parse_inputs({"n": {"type": "number", "default": 1.5}, "b": {"type": "boolean"}}, "i")
    assert resolve_inputs(specs, {}, "w") == {"n": "1.5", "b": "false"}
    with pytest.raises(InputError, match="i.x.type: 'date' is not an input type"):
        parse_inputs({"x": {"type": "date"}}, "i")
    with pytest.raises(InputError, match="i.c.default: 'z' is not one of the options"):
        parse_inputs({"c": {"type": "choice", "options": ["a"], "default": "z"}}, "i")
    for bad in ("", "1.2.3", "nan", "inf", "0x10", "1e"):
        with pytest.raises(InputError, match="must be numeric"):
            resolve_inputs(specs, {"n": bad}, "w")


@pytest.mark.parametrize(
    ("condition", "success", "failure", "expected"),
    [
        ("", True, False, (True, True)),
        ("", False, True, (False, True)),
        ("${{ always() }}", False, True, (True, True)),
        ("failure()", True, False, (False, True)),
        ("failure() || success()", False, True, (True, True)),
        ("!cancelled() && !failure()", True, False, (True, True)),
        ("(success() || failure()) && false", True, False, (False, True)),
        ("github.ref == 'refs/heads/main'", True, False, (True, False)),
        ("github.ref == 'refs/heads/main'", False, True, (False, False)),
        ("always() && github.event_name == 'push'", False, True, (True, False)),
        ("failure() && github.x", False, True, (True, False)),
        ("success() &&", True, False, (True, False)),
    ],
)
def test_conditions(condition: str, success: bool, failure: bool, expected: tuple[bool, bool]) -> None:
    assert evaluate(condition, Status(success=success, failure=failure)) == expected


def test_script_lines() -> None:
    assert interpret('echo "a  b"  c') == Echo("a  b c", 0)
    assert interpret("echo oops 1>&2") == Echo("oops", 1)
    assert interpret("echo it's") == Echo("it's", 0)
    assert interpret("sleep 1.5m") == Sleep(90.0)
    assert interpret("exit 257") == Exit(1)
    assert interpret("sleep soon") == Fail("sleep: invalid time interval 'soon'", 1)
    assert interpret("npm test") == Command("npm test")
    assert interpret("   ") is None and interpret("# note") is None
    missing: list[str] = []
    text = substitute("${{ inputs.a }}-${{ inputs.b }}-${{ matrix.c }}", {"inputs.a": "1"}, missing)
    assert (text, missing) == ("1--", ["inputs.b", "matrix.c"])
    assert substitute("${{ a && b }}", {}) == "${{ a && b }}"  # an expression it cannot evaluate stays


def test_aggregate_statuses() -> None:
    assert aggregate(["queued", "queued"]) == "queued"
    assert aggregate(["finished", "queued"]) == "running"
    assert aggregate(["finished", "skipped"]) == "finished"
    assert aggregate(["cancelled", "failed"]) == "failed"
    assert aggregate(["cancelled", "finished"]) == "cancelled"
    assert aggregate([]) == "finished"


def test_clocks() -> None:
    clock = ManualClock(start_ms=1000)

    async def sleeper() -> int:
        await clock.sleep(5)
        return clock.now_ms()

    async def scenario() -> int:
        task = asyncio.ensure_future(sleeper())
        await asyncio.sleep(0.01)
        assert not task.done()
        clock.advance(4.999)
        await asyncio.sleep(0.01)
        assert not task.done()
        clock.advance(0.001)
        return await asyncio.wait_for(task, 5)

    assert asyncio.run(scenario()) == 6000
    with pytest.raises(ValueError, match="backwards"):
        clock.advance(-1)
    scaled = ScaledClock(speed=1000, start_ms=0)
    asyncio.run(scaled.sleep(50))  # 50 ms of real time
    assert scaled.now_ms() >= 50_000
    with pytest.raises(ValueError, match="positive"):
        ScaledClock(speed=0)
    assert rfc3339(1_767_225_600_123) == "2026-01-01T00:00:00.123Z" and rfc3339(None) == ""


def test_page_tokens() -> None:
    token = encode_page_token(42, "filters")
    assert decode_page_token(token, "filters") == 42 and decode_page_token("", "x") is None
    for bad in ("%%%", encode_page_token(1, "other"), "djIuMS5hYmM"):
        with pytest.raises(ConnectError):
            decode_page_token(bad, "filters")


def test_store_migrates_and_refuses_newer_schemas(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    Store.open(path).close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer emulator"):
        Store.open(path)


def test_an_include_only_matrix_makes_one_job_per_entry() -> None:
    # GitHub's rule: an include extends the product's combinations, never a combination another include added.
    combos = expand_matrix({"include": [{"site": "production", "dc": "a"}, {"site": "staging", "dc": "b"}]}, "m")
    assert combos == [{"site": "production", "dc": "a"}, {"site": "staging", "dc": "b"}]


def test_summary_redirections_are_read_as_summary_lines() -> None:
    assert interpret('echo "## Tests: ok" >> $DEPOT_STEP_SUMMARY') == Summary("## Tests: ok", replace=False)
    assert interpret('echo "- a" >> "$GITHUB_STEP_SUMMARY"') == Summary("- a", replace=False)
    assert interpret("echo x >${DEPOT_STEP_SUMMARY}") == Summary("x", replace=True)
    assert interpret("echo x >> $OTHER_FILE") == Echo("x >> $OTHER_FILE", 0)


def test_signed_urls_name_what_is_wrong() -> None:
    signer = UrlSigner(b"k" * 32)
    url = signer.url("http://h", "artifact_1", "dist linux", 1_000)
    path, _, query = url.removeprefix("http://h").partition("?")
    assert signer.verify(path, query, 999) == ("artifact_1", "dist linux")
    assert "expired" in str(signer.verify(path, query, 1_000))
    assert "signature" in str(signer.verify(path.replace("dist", "dust"), query, 0))
    assert "signature" in str(UrlSigner(b"j" * 32).verify(path, query, 0))
    assert "not a signed" in str(signer.verify(path, "expires=x&signature=y", 0))
