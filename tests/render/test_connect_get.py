"""Connect GET over real HTTP: a NO_SIDE_EFFECTS method is answered on GET by the ASGI and WSGI servers.

The model is that of ../shared/cases/04-connect-get-no-side-effects.yaml (`helloworld.Greeter.SayHello`,
idempotency NO_SIDE_EFFECTS), built by hand so that this test needs only the render stage; the request
is the case's own request line (fixtures/case_04_request.txt), sent byte for byte to uvicorn and waitress.
"""

from __future__ import annotations

import http.client
import importlib
import json
import sys
import urllib.parse
from collections.abc import Iterator
from contextlib import AbstractContextManager
from types import ModuleType
from typing import Any

import pytest
from live_servers import serve_asgi, serve_wsgi

from codegen.model import (
    Api,
    Field,
    FieldLabel,
    Idempotency,
    Message,
    MessageRef,
    Method,
    ProtoPackage,
    Scalar,
    Service,
    StreamKind,
)

from .fixtures.rules_api import ROOT_PACKAGE as RULES_PACKAGE
from .fixtures.rules_api import rules_api
from .support import FIXTURES, build_from_model

_SCHEMAS = "#/components/schemas/helloworld."


def _message(name: str, field: str) -> Message:
    return Message(
        full_name=f"helloworld.{name}",
        name=name,
        fields=(
            Field(
                name=field,
                json_name=field,
                number=1,
                type=Scalar.STRING,
                label=FieldLabel.SINGULAR,
                oneof=None,
                required=False,
                deprecated=False,
                description="",
                location=f"{_SCHEMAS}{name}/properties/{field}",
            ),
        ),
        oneofs=(),
        reserved_numbers=(),
        reserved_names=(),
        nested_messages=(),
        nested_enums=(),
        description="",
        location=f"{_SCHEMAS}{name}",
    )


def hello_api() -> Api:
    """The model case 04 converts to: `rpc SayHello(HelloRequest) returns (HelloReply)`, NO_SIDE_EFFECTS."""
    method = Method(
        name="SayHello",
        input=MessageRef("helloworld.HelloRequest"),
        output=MessageRef("helloworld.HelloReply"),
        stream=StreamKind.UNARY,
        summary="",
        description="",
        deprecated=False,
        location="#/paths/~1helloworld.Greeter~1SayHello/post",
        idempotency=Idempotency.NO_SIDE_EFFECTS,
    )
    service = Service(full_name="helloworld.Greeter", name="Greeter", methods=(method,), description="")
    package = ProtoPackage(
        name="helloworld",
        services=(service,),
        messages=(_message("HelloRequest", "name"), _message("HelloReply", "message")),
        enums=(),
        imports=(),
    )
    return Api(
        title="helloworld", version="v1", description="", base_url="", packages=(package,), source="openapi.yaml"
    )


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, ModuleType]]:
    """(the generated `hello` package, the generated rules package), importable."""
    root = tmp_path_factory.mktemp("connect-get")
    build_from_model(hello_api(), "hello", root)
    build_from_model(rules_api(), RULES_PACKAGE, root)
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("hello"), importlib.import_module(f"{RULES_PACKAGE}.v1")
    finally:
        sys.path.remove(str(root))


class _Greeter:
    async def say_hello(self, request: Any, ctx: Any) -> Any:
        return importlib.import_module("hello").HelloReply(message=f"Hello {request.name}")


class _GreeterSync:
    def say_hello(self, request: Any, ctx: Any) -> Any:
        return importlib.import_module("hello").HelloReply(message=f"Hello {request.name}")


async def _lookup(self: object, request: Any, ctx: Any) -> Any:
    return importlib.import_module(f"{RULES_PACKAGE}.v1").Reply(text=f"found {request.name}")


def _lookup_sync(self: object, request: Any, ctx: Any) -> Any:
    return importlib.import_module(f"{RULES_PACKAGE}.v1").Reply(text=f"found {request.name}")


def _server(hello: ModuleType, kind: str) -> AbstractContextManager[str]:
    if kind == "asgi":
        return serve_asgi(hello.GreeterASGIApplication(_Greeter()))
    return serve_wsgi(hello.GreeterWSGIApplication(_GreeterSync()))


def _send(url: str, method: str, target: str, body: bytes | None = None) -> tuple[int, bytes]:
    parsed = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parsed.hostname or "", parsed.port, timeout=20)
    try:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.mark.parametrize("kind", ["asgi", "wsgi"])
def test_case_04_get_request_is_answered(packages: tuple[ModuleType, ModuleType], kind: str) -> None:
    hello, _ = packages
    method, target, _version = (FIXTURES / "case_04_request.txt").read_text(encoding="utf-8").split()
    with _server(hello, kind) as url:
        status, body = _send(url, method, target)
        assert (status, json.loads(body)) == (200, {"message": "Hello x"})
        # POST keeps working, and GET is only for the methods that allow it (see below).
        assert _send(url, "POST", "/helloworld.Greeter/SayHello", b'{"name":"y"}') == (200, b'{"message":"Hello y"}')


@pytest.mark.parametrize("kind", ["asgi", "wsgi"])
def test_get_requests_are_validated_and_only_read_only_methods_allow_them(
    packages: tuple[ModuleType, ModuleType], kind: str
) -> None:
    _, rules = packages
    application = rules.RuleServiceASGIApplication if kind == "asgi" else rules.RuleServiceWSGIApplication
    base = rules.RuleService if kind == "asgi" else rules.RuleServiceSync
    lookup = _lookup if kind == "asgi" else _lookup_sync
    service = type("Lookup", (base,), {"lookup": lookup})()
    serve = serve_asgi if kind == "asgi" else serve_wsgi

    def get(method: str, name: str) -> tuple[int, bytes]:
        message = json.dumps({"name": name})
        query = urllib.parse.urlencode({"encoding": "json", "message": message, "connect": "v1"})
        return _send(url, "GET", f"/acme.rules.v1.RuleService/{method}?{query}")

    with serve(application(service)) as url:
        assert get("Lookup", "abc") == (200, b'{"text":"found abc"}')
        status, body = get("Lookup", "abcd")
        assert (status, json.loads(body)) == (
            400,
            {"code": "invalid_argument", "message": "name must be at most 3 characters"},
        )
        assert get("Text", "abc")[0] == 405
