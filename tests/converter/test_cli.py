"""`python -m codegen proto` end to end: exit codes, messages on stderr, and nothing written on failure."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .support import FIXTURES, REF, connect_operation, document, read_tree, run_cli, tree_snapshot, write_json

PKG = "acme.cli.v1"
MSG = f"{PKG}.Thing"
PROPS = f"#/components/schemas/{MSG}/properties"
SENTINEL_LOCK = '{"comment": "sentinel lock, must survive a failed run"}\n'


def _good_document() -> dict[str, Any]:
    return document(
        {MSG: {"type": "object", "properties": {"x": {"type": ["integer", "string"], "format": "int64"}}}},
        {f"/{PKG}.Svc/Call": connect_operation(MSG, MSG)},
    )


def _with_x(schema: Any) -> dict[str, Any]:
    data = _good_document()
    data["components"]["schemas"][MSG]["properties"]["x"] = schema
    return data


def _bad_operation() -> dict[str, Any]:
    data = _good_document()
    data["paths"][f"/{PKG}.Svc/Call"]["post"]["responses"] = "none"
    return data


def _bad_name() -> dict[str, Any]:
    data = _good_document()
    data["components"]["schemas"][f"{PKG}.Bad-Name"] = {"type": "object", "properties": {}}
    return data


# (spec data or YAML text, lock data or None, the location the one error must name; {dir}: the input's folder)
_BAD_INPUTS: dict[str, tuple[Any, Any, str]] = {
    "invalid document": (_bad_operation(), None, f"#/paths/~1{PKG}.Svc~1Call/post/responses"),
    "ref to nothing": (_with_x({"$ref": REF + f"{PKG}.Nope"}), None, f"{PROPS}/x/$ref"),
    "unsupported type list": (_with_x({"type": ["string", "integer", "boolean"]}), None, f"{PROPS}/x/type"),
    "anyOf of unrelated types": (
        _with_x({"anyOf": [{"type": "string"}, {"type": "boolean"}]}),
        None,
        f"{PROPS}/x/anyOf",
    ),
    "name that is not a proto identifier": (_bad_name(), None, f"#/components/schemas/{PKG}.Bad-Name"),
    "lock refinement on the wrong type": (
        _with_x({"type": "string"}),
        {"messages": {MSG: {"fields": {"x": {"number": 1, "type": "uint64"}}}}},
        f"lock.json#/messages/{MSG}/fields/x/type",
    ),
    "lock that contradicts itself": (
        _good_document(),
        {"messages": {MSG: {"fields": {"x": 1, "y": 1}}}},
        f"lock.json#/messages/{MSG}/fields/y",
    ),
    "invalid YAML": ("openapi: 3.1.0\ninfo: [unclosed\n", None, "{dir}/openapi.yaml:3:1"),
}


def _write_inputs(tmp_path: Path, spec: Any, lock: Any, *, create_outputs: bool) -> tuple[Path, Path, Path]:
    if isinstance(spec, str):
        spec_path = tmp_path / "openapi.yaml"
        spec_path.write_text(spec, encoding="utf-8")
    else:
        spec_path = write_json(tmp_path / "openapi.json", spec)
    lock_path = tmp_path / "lock.json"
    out = tmp_path / "out"
    if lock is not None:
        write_json(lock_path, lock)
    elif create_outputs:
        lock_path.write_text(SENTINEL_LOCK, encoding="utf-8")
    if create_outputs:
        (out / "keep").mkdir(parents=True)
        (out / "keep" / "old.proto").write_text("// sentinel: must survive a failed run\n", encoding="utf-8")
    return spec_path, lock_path, out


def _assert_clean_failure(run: subprocess.CompletedProcess[str], pointer: str) -> None:
    assert run.returncode == 2, run.stderr
    assert run.stdout == "", "messages go to stderr"
    stderr = run.stderr
    assert "Traceback" not in stderr, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, stderr
    assert errors[0].startswith(f"error: {pointer}: "), stderr
    assert "  hint: " in stderr, stderr
    assert "nothing was written" in stderr, stderr


@pytest.mark.parametrize("case", list(_BAD_INPUTS))
def test_bad_input_exits_2_and_leaves_existing_output_alone(case: str, tmp_path: Path) -> None:
    spec, lock, pointer = _BAD_INPUTS[case]
    pointer = pointer.format(dir=tmp_path)
    spec_path, lock_path, out = _write_inputs(tmp_path, spec, lock, create_outputs=True)
    before_out, before_lock = tree_snapshot(out), lock_path.read_bytes()

    run = run_cli("proto", "--spec", spec_path, "--lock", lock_path, "--out", out)

    _assert_clean_failure(run, pointer)
    assert tree_snapshot(out) == before_out
    assert lock_path.read_bytes() == before_lock
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["lock.json", "out", spec_path.name])


@pytest.mark.parametrize("case", ["invalid document", "unsupported type list", "lock that contradicts itself"])
def test_bad_input_creates_neither_the_output_nor_the_lock(case: str, tmp_path: Path) -> None:
    spec, lock, pointer = _BAD_INPUTS[case]
    spec_path, lock_path, out = _write_inputs(tmp_path, spec, lock, create_outputs=False)
    lock_before = lock_path.read_bytes() if lock_path.exists() else None

    run = run_cli("proto", "--spec", spec_path, "--lock", lock_path, "--out", out)

    _assert_clean_failure(run, pointer)
    assert not out.exists()
    assert (lock_path.read_bytes() if lock_path.exists() else None) == lock_before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([spec_path.name] + (["lock.json"] if lock else []))


def test_a_missing_spec_file_exits_2(tmp_path: Path) -> None:
    run = run_cli("proto", "--spec", tmp_path / "nope.json", "--lock", tmp_path / "lock.json", "--out", tmp_path / "o")
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "cannot read the document" in run.stderr
    assert sorted(tmp_path.iterdir()) == []


def test_every_error_is_printed(tmp_path: Path) -> None:
    data = _with_x({"anyOf": [{"type": "string"}]})
    data["components"]["schemas"][MSG]["properties"]["y"] = {"type": ["string", "boolean"]}
    spec_path, lock_path, out = _write_inputs(tmp_path, data, None, create_outputs=False)
    run = run_cli("proto", "--spec", spec_path, "--lock", lock_path, "--out", out)
    assert run.returncode == 2
    errors = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    assert [line.split(": ")[1] for line in errors] == [f"{PROPS}/x/anyOf", f"{PROPS}/y/type"]
    assert "stopped with 2 error(s)" in run.stderr


# -- success and warnings ------------------------------------------------------------------


def test_a_good_document_writes_the_proto_and_the_lock(tmp_path: Path) -> None:
    fixture = FIXTURES / "services"
    lock_path, out = tmp_path / "lock.json", tmp_path / "out"

    run = run_cli("proto", "--spec", fixture / "openapi.json", "--lock", lock_path, "--out", out)

    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert "wrote 1 .proto file(s)" in run.stdout
    written = read_tree(out)
    manifest = json.loads((out / ".codegen-manifest.json").read_text(encoding="utf-8"))
    assert written == read_tree(fixture / "expected"), "--out must hold exactly the converted files"
    assert list(manifest["files"]["proto_out"]) == list(written), "the manifest lists what was written"
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    assert lock["messages"]["acme.shop.v1.AddItemRequest"]["fields"] == {"cart_id": 1, "quantity": 3, "sku": 2}

    written = lock_path.read_bytes()
    again = run_cli("proto", "--spec", fixture / "openapi.json", "--lock", lock_path, "--out", out)
    assert again.returncode == 0, again.stderr
    assert lock_path.read_bytes() == written


def test_a_yaml_document_converts(tmp_path: Path) -> None:
    fixture = FIXTURES / "older_formats"
    run = run_cli("proto", "--spec", fixture / "openapi.yaml", "--lock", tmp_path / "l.json", "--out", tmp_path / "o")
    assert run.returncode == 0, run.stderr
    assert read_tree(tmp_path / "o") == read_tree(fixture / "expected")


def _warning_document() -> dict[str, Any]:
    data = _good_document()
    data["components"]["schemas"]["connect.error"] = {"type": "object", "properties": {"code": {"type": "string"}}}
    data["paths"]["/v1/things"] = connect_operation(MSG, MSG)
    data["paths"]["/twirp/acme.cli.v1.Svc/Call"] = connect_operation(MSG, MSG)
    return data


_WARNED = [
    "#/components/schemas/connect.error",
    "#/paths/~1v1~1things/post",
    "#/paths/~1twirp~1acme.cli.v1.Svc~1Call/post",
]


def test_helper_schemas_and_non_connect_paths_are_warnings(tmp_path: Path) -> None:
    spec_path, lock_path, out = _write_inputs(tmp_path, _warning_document(), None, create_outputs=False)
    run = run_cli("proto", "--spec", spec_path, "--lock", lock_path, "--out", out)
    assert run.returncode == 0, run.stderr
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning: ")]
    assert [line.split(": ")[1] for line in warnings] == _WARNED
    assert not [line for line in run.stderr.splitlines() if line.startswith("error")], run.stderr
    assert (out / "acme" / "cli" / "v1" / "cli.proto").exists()
    assert lock_path.exists()


def test_strict_turns_every_warning_into_an_error_and_writes_nothing(tmp_path: Path) -> None:
    spec_path, lock_path, out = _write_inputs(tmp_path, _warning_document(), None, create_outputs=True)
    before_out, before_lock = tree_snapshot(out), lock_path.read_bytes()
    run = run_cli("proto", "--spec", spec_path, "--lock", lock_path, "--out", out, "--strict")
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    assert [line.split(": ")[1] for line in errors] == _WARNED
    assert tree_snapshot(out) == before_out
    assert lock_path.read_bytes() == before_lock


def test_strict_without_warnings_succeeds(tmp_path: Path) -> None:
    spec_path, lock_path, out = _write_inputs(tmp_path, _good_document(), None, create_outputs=False)
    run = run_cli("proto", "--spec", spec_path, "--lock", lock_path, "--out", out, "--strict")
    assert run.returncode == 0, run.stderr
    assert read_tree(out)["acme/cli/v1/cli.proto"].count("int64 x = 1;") == 1
