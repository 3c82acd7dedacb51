"""Names Python or the protobuf runtime own: the generated package works, or the render stops at the pointer.

- a message named like a Python keyword (case 11, `message None`): protobuf defines the class, but no
  `import` statement can name it; the generated modules bind it with `getattr` under a legal name
  (`None_`), and the package is called end to end in both encodings, over WSGI and ASGI;
- a nested message named like a keyword that a connect module must name: an error at its pointer;
- a field the converter renamed away from a runtime attribute (case 10: proto `DESCRIPTOR_`, JSON
  `DESCRIPTOR`) is checked and carried in both encodings.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from connectrpc.errors import ConnectError
from pyqwest import Client, SyncClient
from pyqwest.testing import ASGITransport, WSGITransport

from codegen.config import Config
from codegen.diagnostics import CodegenError
from codegen.model import (
    Api,
    Constraints,
    Field,
    FieldLabel,
    Message,
    MessageRef,
    Method,
    ProtoPackage,
    Scalar,
    Service,
    StreamKind,
)
from codegen.pipeline import generate
from codegen.python.layout import PythonLayout
from codegen.python.render import render

from .support import FIXTURES, build_from_model

ENCODINGS = ["proto", "json"]


def _importable(root: Path, package: str) -> Iterator[ModuleType]:
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(root))


@pytest.fixture(scope="module")
def lookup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """Case 11 through the whole pipeline: the generated `lookup_api.v1`."""
    root = tmp_path_factory.mktemp("case-11")
    generate(
        Config(
            spec=FIXTURES / "cases" / "11-message-named-None.yaml",
            lock=root / "lock.json",
            proto_out=root / "proto",
            python_out=root / "python",
            python_package="lookup_api",
        )
    )
    yield from _importable(root / "python", "lookup_api.v1")


class _Lookup:
    def lookup(self, request: Any, ctx: Any) -> Any:
        return getattr(importlib.import_module("lookup_api.v1.acme_pb2"), "None")(id=request.id.upper())


class _LookupAsync:
    async def lookup(self, request: Any, ctx: Any) -> Any:
        return _Lookup().lookup(request, ctx)


def test_case_11_keyword_named_message_is_exported_under_a_legal_name(lookup: ModuleType) -> None:
    assert "None_" in lookup.__all__ and "None" not in lookup.__all__
    assert lookup.None_.DESCRIPTOR.full_name == "acme.v1.None"
    connect = importlib.import_module("lookup_api.v1.acme_connect")
    assert connect._LOOKUP_SERVICE_LOOKUP.output is lookup.None_


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_case_11_package_is_called_end_to_end(lookup: ModuleType, encoding: str) -> None:
    http = SyncClient(WSGITransport(lookup.LookupServiceWSGIApplication(_Lookup())))
    with lookup.LookupServiceClientSync("http://in-process", encoding=encoding, http_client=http) as client:
        reply = client.lookup(lookup.Query(id="ab"))
    assert (type(reply), reply.id) == (lookup.None_, "AB")

    async def call() -> Any:
        async with ASGITransport(lookup.LookupServiceASGIApplication(_LookupAsync())) as transport:
            client = lookup.LookupServiceClient("http://in-process", encoding=encoding, http_client=Client(transport))
            async with client:
                return await client.lookup(lookup.Query(id="cd"))

    reply = asyncio.run(call())
    assert (type(reply), reply.id) == (lookup.None_, "CD")


def test_a_nested_keyword_message_the_module_must_name_is_an_error_at_its_pointer() -> None:
    from .fixtures.rules_api import PACKAGE, rules_api

    api = rules_api()
    item = api.message(f"{PACKAGE}.Item")
    holder = replace(
        api.message(f"{PACKAGE}.LookupRequest"),
        nested_messages=(replace(item, full_name=f"{PACKAGE}.LookupRequest.class", name="class", location="#/x"),),
    )
    package = api.packages[0]
    messages = tuple(holder if m.name == "LookupRequest" else m for m in package.messages)
    service = package.services[0]
    methods = tuple(
        replace(m, input=MessageRef(f"{PACKAGE}.LookupRequest.class")) if m.name == "Lookup" else m
        for m in service.methods
    )
    broken = replace(
        api, packages=(replace(package, messages=messages, services=(replace(service, methods=methods),)),)
    )
    with pytest.raises(CodegenError) as raised:
        render(broken, PythonLayout.for_packages("acme_rules", [PACKAGE]))
    [problem] = raised.value.diagnostics
    assert problem.location == "#/x"
    assert "LookupRequest.class" in problem.message and "rename" in (problem.hint or "")


def _field(name: str, json_name: str, number: int, constraints: Constraints, required: bool) -> Field:
    return Field(
        name=name,
        json_name=json_name,
        number=number,
        type=Scalar.STRING,
        label=FieldLabel.SINGULAR,
        oneof=None,
        required=required,
        deprecated=False,
        description="",
        location=f"#/components/schemas/acme.mail.v1.Envelope/properties/{json_name}",
        constraints=constraints,
    )


def mail_api() -> Api:
    """Case 10 as the converter models it: proto field `DESCRIPTOR_` (JSON `DESCRIPTOR`), here with rules on it."""
    envelope = Message(
        full_name="acme.mail.v1.Envelope",
        name="Envelope",
        fields=(
            _field("DESCRIPTOR_", "DESCRIPTOR", 1, Constraints(max_length=3), required=True),
            _field("note", "note", 2, Constraints(), required=False),
        ),
        oneofs=(),
        reserved_numbers=(),
        reserved_names=(),
        nested_messages=(),
        nested_enums=(),
        description="",
        location="#/components/schemas/acme.mail.v1.Envelope",
    )
    envelope_ref = MessageRef("acme.mail.v1.Envelope")
    method = Method(
        name="Import",
        input=envelope_ref,
        output=envelope_ref,
        stream=StreamKind.UNARY,
        summary="",
        description="",
        deprecated=False,
        location="#/paths/~1acme.mail.v1.MailService~1Import/post",
    )
    service = Service(full_name="acme.mail.v1.MailService", name="MailService", methods=(method,), description="")
    package = ProtoPackage(name="acme.mail.v1", services=(service,), messages=(envelope,), enums=(), imports=())
    return Api(title="mail", version="v1", description="", base_url="", packages=(package,), source="mail.yaml")


@pytest.fixture(scope="module")
def mail(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The generated `mail_api.v1` of `mail_api()`."""
    root = tmp_path_factory.mktemp("descriptor")
    build_from_model(mail_api(), "mail_api", root)
    yield from _importable(root, "mail_api.v1")


class _Mail:
    def import_(self, request: Any, ctx: Any) -> Any:
        return request


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_renamed_runtime_name_field_is_checked_and_carried(mail: ModuleType, encoding: str) -> None:
    http = SyncClient(WSGITransport(mail.MailServiceWSGIApplication(_Mail())))
    with mail.MailServiceClientSync("http://in-process", encoding=encoding, http_client=http) as client:
        assert client.import_(mail.Envelope(DESCRIPTOR_="d", note="n")).DESCRIPTOR_ == "d"
        with pytest.raises(ConnectError) as raised:
            client.import_(mail.Envelope(DESCRIPTOR_="long"))
        assert raised.value.message == "DESCRIPTOR must be at most 3 characters"
        with pytest.raises(ConnectError) as raised:
            client.import_(mail.Envelope(note="n"))
        assert raised.value.message == "DESCRIPTOR is required"
    body = json.dumps({"DESCRIPTOR": "j", "note": "n"}).encode()
    answer = http.post(
        "http://in-process/acme.mail.v1.MailService/Import", headers={"content-type": "application/json"}, content=body
    )
    assert (answer.status, json.loads(answer.content)) == (200, {"DESCRIPTOR": "j", "note": "n"})


def test_a_type_named_like_a_generated_module_is_an_error_at_its_pointer() -> None:
    api = mail_api()
    package = api.packages[0]
    extra = replace(package.messages[0], full_name="acme.mail.v1.mail_connect", name="mail_connect", location="#/m")
    broken = replace(api, packages=(replace(package, messages=(*package.messages, extra)),))
    with pytest.raises(CodegenError) as raised:
        render(broken, PythonLayout.for_packages("mail_api", ["acme.mail.v1"]))
    [problem] = raised.value.diagnostics
    assert problem.location == "#/m"
    assert "mail_connect is exported twice" in problem.message
    assert "the module mail_api.v1.mail_connect" in problem.message
