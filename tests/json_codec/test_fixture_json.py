"""Every message of every converter fixture: the generated protobuf-JSON functions match json_format.

A converter fixture's API often has no service, and only messages a connect module's methods reach
get functions; so each fixture's model gets one extra service per proto package with a unary
method per message (its input and output), is rendered, and runs against the `_pb2` modules
compiled from the fixture's expected .proto files by the generator's own protoc stage, which
places them where `codegen generate` does (a package-less `api.proto` under the root package,
`google/rpc/rpc.proto` of a non-well-known google message under it too). Fixtures share proto file and package names,
which the default descriptor pool holds once per process: each fixture is checked in its own
Python process (`properties.py` does the checking).
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
from converter.support import convert_fixture

from codegen.model import Api, Message, MessageRef, Method, ProtoPackage, Service, StreamKind
from codegen.proto import compile_protos
from codegen.python.layout import PythonLayout
from codegen.python.render import render

FIXTURES = Path(__file__).resolve().parents[1] / "converter" / "fixtures"
TESTS = Path(__file__).resolve().parents[1]
EXAMPLES = 10
ROOT_PACKAGE = "acme_py"
"""The Python package the fixtures are generated under (like `python_package` of codegen.toml)."""
_CHECK = """
import importlib, pathlib, sys
from json_codec.properties import check_edges, check_message, codec_messages
root = pathlib.Path(sys.argv[1])
checked = set()
for path in sorted(root.rglob("*_connect.py")):
    module = importlib.import_module(".".join(path.relative_to(root).with_suffix("").parts))
    for message_class in codec_messages(module):
        check_edges(module, message_class)
        check_message(module, message_class, int(sys.argv[2]))
        checked.add(message_class.DESCRIPTOR.full_name)
print(len(checked))
"""


def _fixtures() -> list[Path]:
    return sorted(path for path in FIXTURES.iterdir() if any((path / "expected").rglob("*.proto")))


def _all_messages(messages: tuple[Message, ...]) -> list[Message]:
    found: list[Message] = []
    for message in messages:
        found.append(message)
        found += _all_messages(message.nested_messages)
    return found


def _with_echo_services(api: Api) -> tuple[Api, int]:
    """`api` with a service per package whose methods take and return each of its messages."""
    packages: list[ProtoPackage] = []
    count = 0
    for package in api.packages:
        messages = _all_messages(package.messages)
        count += len(messages)
        methods = tuple(
            Method(
                name="Echo" + message.full_name.removeprefix(package.name + ".").replace(".", ""),
                input=MessageRef(message.full_name),
                output=MessageRef(message.full_name),
                stream=StreamKind.UNARY,
                summary="",
                description="",
                deprecated=False,
                location="",
            )
            for message in messages
        )
        services = package.services
        if methods:
            # A package-less proto's service is named by its bare name, as protoc spells it.
            full_name = f"{package.name}.JsonEcho" if package.name else "JsonEcho"
            services += (Service(full_name, "JsonEcho", methods, ""),)
        packages.append(dataclasses.replace(package, services=services))
    return dataclasses.replace(api, packages=tuple(packages)), count


@pytest.mark.parametrize("fixture", _fixtures(), ids=lambda path: path.name)
def test_fixture_messages_json(fixture: Path, tmp_path: Path) -> None:
    api, count = _with_echo_services(convert_fixture(fixture).api)
    layout = PythonLayout.for_packages(ROOT_PACKAGE, [package.name for package in api.packages])
    expected = fixture / "expected"
    protos = {
        path.relative_to(expected).as_posix(): path.read_text(encoding="utf-8") for path in expected.rglob("*.proto")
    }
    modules = compile_protos(api, protos, layout, str(expected))
    for path, text in {**modules, **render(api, layout)}.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-c", _CHECK, str(tmp_path), str(EXAMPLES)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(TESTS)])},
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert int(checked.stdout.split()[-1]) == count, "every message of the fixture has generated functions"
