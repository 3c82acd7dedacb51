"""Golden tests: one small fixture document per mapping rule, converted and compared with its .proto text.

Each directory under fixtures/ holds
    openapi.json or openapi.yaml   the input document
    lock.json                      (optional) the field-number lock to convert with
    expected/<package path>.proto  every .proto file the conversion must print, byte for byte
    warnings.txt                   (optional) the warnings it must report, one `<pointer>: <message>` a line

After an intended change of the converter, rewrite the expected files with

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/converter/test_golden.py

then read every changed expected file (git diff) and only keep it when it is right: the expected
files are the specification of the mapping rules, not a snapshot of whatever the code prints.
Every expected .proto must also compile with grpcio-tools' protoc (checked below).
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from google.protobuf.descriptor_pb2 import (
    DescriptorProto,
    FieldDescriptorProto,
    FileDescriptorSet,
    ServiceDescriptorProto,
)

from codegen.model import EnumRef, FieldLabel, MapType, Message, Scalar, TypeRef
from codegen.proto import to_proto

from .support import FIXTURES, compile_protos, convert_fixture, read_tree

UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
FIXTURE_DIRS = sorted(path for path in FIXTURES.iterdir() if path.is_dir())


def _diff(expected: str, actual: str, name: str) -> str:
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"expected/{name}",
            tofile=f"converted/{name}",
        )
    )


def _warning_lines(directory: Path) -> list[str]:
    result = convert_fixture(directory)
    return [f"{w.location}: {w.message}" for w in result.warnings]


def test_there_is_a_fixture_per_rule() -> None:
    names = {path.name for path in FIXTURE_DIRS}
    assert len(names) >= 20, names
    assert any((d / "openapi.yaml").exists() for d in FIXTURE_DIRS), "at least one fixture must be YAML"


@pytest.mark.parametrize("directory", FIXTURE_DIRS, ids=[d.name for d in FIXTURE_DIRS])
def test_fixture_converts_to_the_expected_proto(directory: Path) -> None:
    protos = to_proto(convert_fixture(directory).api)
    expected_dir = directory / "expected"
    if UPDATE:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for relative, text in protos.items():
            target = expected_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
    expected = read_tree(expected_dir) if expected_dir.exists() else {}
    assert sorted(protos) == sorted(expected), "the converted files differ from expected/; see the docstring"
    diffs = [_diff(expected[name], protos[name], name) for name in sorted(protos) if protos[name] != expected[name]]
    if diffs:
        pytest.fail("converted .proto differs from the expected file:\n" + "\n".join(diffs), pytrace=False)


@pytest.mark.parametrize("directory", FIXTURE_DIRS, ids=[d.name for d in FIXTURE_DIRS])
def test_fixture_reports_the_expected_warnings(directory: Path) -> None:
    lines = _warning_lines(directory)
    path = directory / "warnings.txt"
    if UPDATE:
        if lines:
            path.write_text("".join(line + "\n" for line in lines), encoding="utf-8", newline="\n")
        else:
            path.unlink(missing_ok=True)
    expected = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    assert lines == expected, _diff("\n".join(expected) + "\n", "\n".join(lines) + "\n", "warnings.txt")


@pytest.mark.parametrize("directory", FIXTURE_DIRS, ids=[d.name for d in FIXTURE_DIRS])
def test_expected_proto_compiles_with_protoc(directory: Path, tmp_path: Path) -> None:
    expected_dir = directory / "expected"
    assert any(expected_dir.rglob("*.proto")), f"{expected_dir} has no .proto files"
    result = compile_protos(expected_dir, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr  # protoc warns on stderr (e.g. unused imports)
    assert any(tmp_path.rglob("*_pb2.py"))


def _descriptor_types(files: FileDescriptorSet) -> tuple[dict[str, DescriptorProto], dict[str, ServiceDescriptorProto]]:
    messages: dict[str, DescriptorProto] = {}
    services: dict[str, ServiceDescriptorProto] = {}

    def visit(prefix: str, message: DescriptorProto) -> None:
        full_name = f"{prefix}.{message.name}" if prefix else message.name  # a file without a package
        messages[full_name] = message
        for nested in message.nested_type:
            visit(full_name, nested)

    for file in files.file:
        for message in file.message_type:
            visit(file.package, message)
        for service in file.service:
            services[f"{file.package}.{service.name}" if file.package else service.name] = service
    return messages, services


def _model_type(ref: TypeRef) -> tuple[int, str]:
    if isinstance(ref, Scalar):
        return getattr(FieldDescriptorProto, "TYPE_" + ref.name), ""
    if isinstance(ref, EnumRef):
        return FieldDescriptorProto.TYPE_ENUM, "." + ref.full_name
    return FieldDescriptorProto.TYPE_MESSAGE, "." + ref.full_name


def _all_messages(messages: tuple[Message, ...]) -> list[Message]:
    found: list[Message] = []
    for message in messages:
        found.append(message)
        found.extend(_all_messages(message.nested_messages))
    return found


@pytest.mark.parametrize("directory", FIXTURE_DIRS, ids=[d.name for d in FIXTURE_DIRS])
def test_protoc_reads_every_field_and_method_as_the_model_says(directory: Path, tmp_path: Path) -> None:
    """The printed names resolve (under protoc's scoping rules) to the types, numbers and labels of the model."""
    api = convert_fixture(directory).api
    source = tmp_path / "proto"
    for relative, text in to_proto(api).items():
        (source / relative).parent.mkdir(parents=True, exist_ok=True)
        (source / relative).write_text(text, encoding="utf-8")
    descriptor_file = tmp_path / "set.pb"
    files = sorted(p.relative_to(source).as_posix() for p in source.rglob("*.proto"))
    run = subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", f"-I{source}", f"--descriptor_set_out={descriptor_file}", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    compiled = FileDescriptorSet.FromString(descriptor_file.read_bytes())
    messages, services = _descriptor_types(compiled)
    checked = 0
    for package in api.packages:
        for message in _all_messages(package.messages):
            descriptor = messages[message.full_name]
            by_name = {f.name: f for f in descriptor.field}
            assert sorted(by_name) == sorted(f.name for f in message.fields), message.full_name
            for field in message.fields:
                compiled_field = by_name[field.name]
                where = f"{message.full_name}.{field.name}"
                assert compiled_field.number == field.number, where
                assert compiled_field.json_name == field.json_name, where
                if isinstance(field.type, MapType):
                    entry = messages[compiled_field.type_name.lstrip(".")]
                    assert entry.options.map_entry, where
                    key, value = entry.field
                    assert (key.type, key.type_name) == _model_type(field.type.key), where
                    assert (value.type, value.type_name) == _model_type(field.type.value), where
                else:
                    assert (compiled_field.type, compiled_field.type_name) == _model_type(field.type), where
                    repeated = compiled_field.label == FieldDescriptorProto.LABEL_REPEATED
                    assert repeated == (field.label is FieldLabel.REPEATED), where
                    assert compiled_field.proto3_optional == (field.label is FieldLabel.OPTIONAL), where
                if field.oneof is not None:
                    assert descriptor.oneof_decl[compiled_field.oneof_index].name == field.oneof, where
                checked += 1
        for service in package.services:
            compiled_service = services[service.full_name]
            assert [m.name for m in compiled_service.method] == [m.name for m in service.methods]
            for method, compiled_method in zip(service.methods, compiled_service.method, strict=True):
                assert compiled_method.input_type == "." + method.input.full_name
                assert compiled_method.output_type == "." + method.output.full_name
                assert compiled_method.client_streaming == method.stream.client_streams
                assert compiled_method.server_streaming == method.stream.server_streams
                checked += 1
    assert checked > 0
