"""Every generator format with a service becomes a package that is called end to end, in both encodings.

Each fixture document below is run through the whole pipeline (`generate`: .proto, protoc, render); the
generated package is then imported in a fresh interpreter, served by its generated WSGI application with
an implementation that echoes (or answers the empty response), and called by its generated sync client
with every unary and server-streaming method, in binary protobuf and in JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.config import Config
from codegen.model import Api
from codegen.pipeline import generate
from codegen.python.checks import api_messages

from .support import FIXTURES, REPO, fixture_spec

# Fixtures with a service, one per format and option set of protoc-gen-connect-openapi (and the shared cases).
SERVED = [
    "case_01_oneof_anyof_form",
    "case_02_info_without_version",
    "case_03_connect_error_details_any",
    "case_04_connect_get_no_side_effects",
    "case_06_struct_fields_entry",
    "case_07_protovalidate_message_oneof",
    "case_08_protovalidate_in_constraint",
    "case_10_field_named_descriptor",
    "case_13_yaml_1_2_booleans",
    "gen_v0_09_anyof_oneof",
    "gen_v0_16_nullable",
    "gen_v0_17_oneof_variants",
    "gen_v0_20_allof_oneof",
    "gen_v0_25_null_forms",
    "gen_latest_root_oneof",
    "helper_kinds",
    "names_from_document",
    "opt_get_and_streaming",
    "opt_paths",
    "opt_proto_names",
    "opt_twirp",
    "package_less",
]

_CALL_EVERY_METHOD = r"""
import importlib, json, os, pkgutil, sys
from connectrpc.method import MethodInfo, StreamType
from google.protobuf.descriptor import FieldDescriptor
from pyqwest import SyncClient
from pyqwest.testing import WSGITransport
from codegen.naming import method_attribute

package = importlib.import_module("apipkg")
modules = [importlib.import_module(m.name) for m in pkgutil.walk_packages(package.__path__, "apipkg.")]
# {message: {field: value, or None to leave it unset}}: values the generated servers' rules accept.
chosen = json.loads(os.environ["CHOSEN_VALUES"])
calls = 0
for module in (m for m in modules if m.__name__.endswith("_connect")):
    infos = [v for v in vars(module).values() if isinstance(v, MethodInfo)]
    for service in sorted({info.service_name for info in infos}):
        short = service.rpartition(".")[2]
        methods = [info for info in infos if info.service_name == service]

        def handler(info):
            def answer(request):
                return request if info.input is info.output else info.output()
            if info.stream_type == StreamType.SERVER_STREAM:
                return lambda self, request, ctx: iter([answer(request), answer(request)])
            return lambda self, request, ctx: answer(request)

        implementation = type("Echo", (), {method_attribute(i.name): handler(i) for i in methods})()
        app = getattr(module, short + "WSGIApplication")(implementation)
        for encoding in ("proto", "json"):
            client = getattr(module, short + "ClientSync")(
                "http://127.0.0.1", encoding=encoding, http_client=SyncClient(WSGITransport(app))
            )
            with client:
                for info in methods:
                    if info.stream_type not in (StreamType.UNARY, StreamType.SERVER_STREAM):
                        continue
                    request = info.input()
                    for field in info.input.DESCRIPTOR.fields:
                        if field.type == FieldDescriptor.TYPE_STRING and not field.containing_oneof and (
                            not field.is_repeated
                        ):
                            value = chosen.get(info.input.DESCRIPTOR.full_name, {}).get(field.name, "x-" + field.name)
                            if value is not None:
                                setattr(request, field.name, value)
                    call = getattr(client, method_attribute(info.name))
                    if info.stream_type == StreamType.SERVER_STREAM:
                        replies = list(call(request))
                        assert len(replies) == 2, (service, info.name, replies)
                        reply = replies[0]
                    else:
                        reply = call(request)
                    expected = request if info.input is info.output else info.output()
                    assert reply == expected, (service, info.name, encoding, reply, expected)
                    calls += 1
assert calls, "no method was called"
print(calls)
"""


def _chosen_values(api: Api) -> dict[str, dict[str, str | None]]:
    """String values the servers' request checks accept where "x-<field>" would break a rule of the document:
    the first allowed value, nothing for a field with another constraint, and of each "exactly one of" or
    "at least one of" rule only the first field set."""
    chosen: dict[str, dict[str, str | None]] = {}
    for message in api_messages(api).values():
        values: dict[str, str | None] = {}
        for rule in message.rules:
            values.update({name: None for name in rule.fields[1:]})
        for field in message.fields:
            allowed = [value for value in field.constraints.allowed if isinstance(value, str)]
            if allowed:
                values[field.name] = allowed[0]
            elif not field.constraints.is_empty:
                values[field.name] = None
        chosen[message.full_name] = values
    return chosen


@pytest.mark.parametrize("name", SERVED)
def test_the_generated_package_answers_every_method(name: str, tmp_path: Path) -> None:
    directory = FIXTURES / name
    lock = tmp_path / "lock.json"
    if (directory / "lock.json").exists():
        lock.write_bytes((directory / "lock.json").read_bytes())
    config = Config(
        spec=fixture_spec(directory),
        lock=lock,
        proto_out=tmp_path / "proto",
        python_out=tmp_path / "python",
        python_package="apipkg",
    )
    generated = generate(config)
    run = subprocess.run(
        [sys.executable, "-c", _CALL_EVERY_METHOD],
        cwd=tmp_path / "python",
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(tmp_path / "python"), str(REPO)]),
            "CHOSEN_VALUES": json.dumps(_chosen_values(generated.api)),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert int(run.stdout.strip()) > 0
