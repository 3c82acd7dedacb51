"""The generated servers enforce the document's constraints and message rules before the handler runs.

The rules fixture (fixtures/rules_api.py) goes through the pipeline's last stages (to_proto, protoc,
render); its generated clients then call its generated servers in-process: the sync client against
the WSGI application and the async client against the ASGI application, each in binary protobuf
and in JSON. A request that breaks a rule is answered `invalid_argument` with one problem per
finding, each naming the field by its JSON path; a valid request reaches the handler.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from connectrpc.client import ResponseMetadata
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.method import IdempotencyLevel
from pyqwest import Client, SyncClient
from pyqwest.testing import ASGITransport, WSGITransport

from codegen.diagnostics import CodegenError
from codegen.model import Constraints
from codegen.python.check_helpers import _is_format, _matches, _regex
from codegen.python.layout import PythonLayout
from codegen.python.render import render

from .fixtures.rules_api import PACKAGE, ROOT_PACKAGE, rules_api
from .support import build_from_model, mypy, ruff

ENCODINGS = ["proto", "json"]


@pytest.fixture(scope="module")
def rules_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the generated `acme_rules` package."""
    root = tmp_path_factory.mktemp("rules")
    build_from_model(rules_api(), ROOT_PACKAGE, root)
    return root


@pytest.fixture(scope="module")
def api(rules_root: Path) -> Iterator[ModuleType]:
    """The generated `acme_rules.v1` package, importable for the module's tests."""
    root = rules_root
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(f"{ROOT_PACKAGE}.v1")
    finally:
        sys.path.remove(str(root))


def _service(api: ModuleType, is_async: bool) -> Any:
    """A RuleService whose every method answers `ok <method>` (so a call that reaches it is visible)."""
    base = api.RuleService if is_async else api.RuleServiceSync
    names = ("text", "numbers", "lists", "contact", "lookup")

    def method(name: str) -> Callable[..., Any]:
        if is_async:

            async def answer(self: object, request: object, ctx: object) -> Any:
                return api.Reply(text=f"ok {name}")

            return answer
        return lambda self, request, ctx: api.Reply(text=f"ok {name}")

    return type("Rules", (base,), {name: method(name) for name in names})()


def _calls(api: ModuleType, encoding: str, requests: list[tuple[str, Any]]) -> list[str]:
    """Send each (method, request) with the sync client to the WSGI app and the async client to the
    ASGI app; return what each answered (`ok <method>` or the error message), checking both agree."""
    http = SyncClient(WSGITransport(api.RuleServiceWSGIApplication(_service(api, is_async=False))))
    answers: list[str] = []
    with api.RuleServiceClientSync("http://in-process", encoding=encoding, http_client=http) as client:
        for method, request in requests:
            answers.append(_answer(getattr(client, method), request))

    async def run_async() -> list[str]:
        found: list[str] = []
        async with ASGITransport(api.RuleServiceASGIApplication(_service(api, is_async=True))) as transport:
            client = api.RuleServiceClient("http://in-process", encoding=encoding, http_client=Client(transport))
            async with client:
                for method, request in requests:
                    try:
                        found.append((await getattr(client, method)(request)).text)
                    except ConnectError as error:
                        assert error.code == Code.INVALID_ARGUMENT, error
                        found.append(error.message)
        return found

    assert asyncio.run(run_async()) == answers
    return answers


def _answer(call: Callable[[Any], Any], request: Any) -> str:
    try:
        with ResponseMetadata() as meta:
            return str(call(request).text)
    except ConnectError as error:
        assert (error.code, meta.http_status) == (Code.INVALID_ARGUMENT, 400), error
        return error.message


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_text_rules(api: ModuleType, encoding: str) -> None:
    text = api.TextRequest
    cases = [
        (text(name="abc"), "ok text"),
        (text(), "name is required"),
        (text(name="ab"), "name must be at least 3 characters"),
        (text(name="abcdef"), "name must be at most 5 characters"),
        # Lengths count code points, as JSON Schema does: not UTF-8 bytes, not UTF-16 units.
        (text(name="abc", accent="é😀"), "ok text"),
        (text(name="abc", accent="ééé"), "accent must be at most 2 characters"),
        (text(name="abc", code="AB-12"), "ok text"),
        (text(name="abc", code="ab-12"), "code must match the pattern ^[A-Z]{2}-\\d+$"),
        # ECMA-262: `$` is the very end, and `\d` is ASCII only.
        (text(name="abc", code="AB-12\n"), "code must match the pattern ^[A-Z]{2}-\\d+$"),
        (text(name="abc", code="AB-١٢"), "code must match the pattern ^[A-Z]{2}-\\d+$"),
        (text(name="abc", region="us"), "ok text"),
        (text(name="abc", region="asia"), 'region must be one of "eu", "us"'),
        (text(name="abc", email="dev@example.com"), "ok text"),
        (text(name="abc", email="dev at example"), "email must be an email address"),
        # An unset optional field is absent; a present empty one is a value like any other.
        (text(name="abc", nickname=""), "nickname must be at least 2 characters"),
        (text(name="abc", **{"from": "root"}), 'from must not be "root"'),
        (text(name="abc", **{"from": "admin"}), "ok text"),
        # bytes are counted in the base64 characters protobuf JSON writes.
        (text(name="abc", blob=b"123456"), "ok text"),
        (text(name="abc", blob=b"1234567"), "blob must be at most 8 base64 characters"),
        (
            text(name="ab", region="asia", code="x"),
            "name must be at least 3 characters; code must match the pattern ^[A-Z]{2}-\\d+$; "
            'region must be one of "eu", "us"',
        ),
    ]
    assert _calls(api, encoding, [("text", request) for request, _ in cases]) == [answer for _, answer in cases]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_number_and_enum_rules(api: ModuleType, encoding: str) -> None:
    numbers = api.NumberRequest
    cases = [
        (numbers(), "ok numbers"),
        (numbers(tier=2), "ok numbers"),
        (numbers(tier=4), "tier must be one of 1, 2, 3"),
        (numbers(count=10), "ok numbers"),
        (numbers(count=9), "count must be at least 10"),
        (numbers(count=21), "count must be at most 20"),
        (numbers(ratio=0.5), "ok numbers"),
        (numbers(ratio=1.0), "ratio must be less than 1"),
        (numbers(ratio=-0.5), "ratio must be greater than 0"),
        (numbers(level=api.Tier.Value("TIER_SILVER")), "ok numbers"),
        (numbers(level=api.Tier.Value("TIER_BRONZE")), "level must be one of TIER_GOLD, TIER_SILVER"),
        (numbers(big=2**64 - 1), "ok numbers"),
        (numbers(big=1), "big must be 18446744073709551615"),
        (numbers(floor=0), "ok numbers"),
        (numbers(floor=-6), "floor must be at least -5"),
    ]
    assert _calls(api, encoding, [("numbers", request) for request, _ in cases]) == [answer for _, answer in cases]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_list_map_and_nested_rules(api: ModuleType, encoding: str) -> None:
    lists, item = api.ListRequest, api.Item
    cases = [
        (lists(), "ok lists"),
        (lists(tags=["a", "b"], scores={"x": 100}), "ok lists"),
        (lists(tags=["a"]), "tags must have at least 2 items"),
        (lists(tags=["a", "b", "c", "d"]), "tags must have at most 3 items"),
        (lists(tags=["a", "a"]), "tags must not hold the same item twice"),
        (lists(tags=["a", ""]), "tags[1] must be at least 1 character"),
        (lists(scores={"x": 101}), "scores['x'] must be at most 100"),
        (lists(scores={"a": 1, "b": 2, "c": 3}), "scores must have at most 2 entries"),
        (lists(items=[item(sku="sku-1"), item(sku="bad")]), "items[1].sku must match the pattern ^sku-"),
        (lists(item=item(sku="bad")), "item.sku must match the pattern ^sku-"),
    ]
    assert _calls(api, encoding, [("lists", request) for request, _ in cases]) == [answer for _, answer in cases]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_message_rules(api: ModuleType, encoding: str) -> None:
    contact = api.ContactRequest
    cases = [
        (contact(email="e", pager="p"), "ok contact"),
        (contact(phone="p", fax="f"), "ok contact"),
        (contact(pager="p"), "exactly one of email, phone must be set (none is)"),
        (contact(email="e", phone="p", pager="p"), "exactly one of email, phone must be set (email, phone are)"),
        (contact(email="e"), "at least one of fax, pager must be set (none is)"),
        (
            contact(),
            "exactly one of email, phone must be set (none is); at least one of fax, pager must be set (none is)",
        ),
    ]
    assert _calls(api, encoding, [("contact", request) for request, _ in cases]) == [answer for _, answer in cases]


def test_method_info_carries_the_idempotency_level(api: ModuleType) -> None:
    connect = importlib.import_module(f"{ROOT_PACKAGE}.v1.rules_connect")
    levels = {
        name: value.idempotency_level for name, value in vars(connect).items() if type(value).__name__ == "MethodInfo"
    }
    assert sorted(name for name, level in levels.items() if level is IdempotencyLevel.NO_SIDE_EFFECTS) == [
        "_RULE_SERVICE_LOOKUP"
    ]
    assert sum(level is IdempotencyLevel.UNKNOWN for level in levels.values()) == 4


def test_check_functions_pass_ruff_and_mypy_strict(rules_root: Path) -> None:
    for command in ("check", "format"):
        result = ruff(rules_root, ROOT_PACKAGE, command=command)
        assert result.returncode == 0, result.stdout + result.stderr
    result = mypy(rules_root, ROOT_PACKAGE, ignore=(f"{ROOT_PACKAGE}.v1.rules_pb2",))
    assert result.returncode == 0, result.stdout


def _with_constraints(field_name: str, constraints: Constraints) -> Any:
    api = rules_api()
    package = api.packages[0]
    messages = tuple(
        replace(m, fields=tuple(replace(f, constraints=constraints) if f.name == field_name else f for f in m.fields))
        if m.name == "TextRequest"
        else m
        for m in package.messages
    )
    return replace(api, packages=(replace(package, messages=messages),))


@pytest.mark.parametrize(
    ("field", "constraints", "message"),
    [
        ("code", Constraints(pattern="\\p{L}+"), "the pattern '\\\\p{L}+' of code cannot be run by Python's re"),
        ("code", Constraints(pattern="(?<!a"), "the pattern '(?<!a' of code cannot be run by Python's re"),
        ("region", Constraints(allowed=("eu", 7)), "region can never satisfy its schema: 7 is not a string value"),
    ],
)
def test_constraints_the_servers_cannot_run_stop_at_the_field(
    field: str, constraints: Constraints, message: str
) -> None:
    with pytest.raises(CodegenError) as raised:
        render(_with_constraints(field, constraints), PythonLayout.for_packages(ROOT_PACKAGE, [PACKAGE]))
    [problem] = raised.value.diagnostics
    assert problem.location == f"#/components/schemas/{PACKAGE}.TextRequest/properties/{field}"
    assert problem.message.startswith(message), problem.message
    assert problem.hint


def test_ecma_patterns_and_formats() -> None:
    assert _matches("^a$", "a") and not _matches("^a$", "a\n")
    assert not _matches("^\\d$", "١") and _matches("[$]", "$")
    assert _regex("(?<word>x)").groupindex == {"word": 1}
    assert [_is_format("email", text) for text in ("a@b.example", "a@", "a b@c.d")] == [True, False, False]
    assert [_is_format("uuid", text) for text in ("123e4567-e89b-12d3-a456-426614174000", "123")] == [True, False]
    assert [_is_format("ipv4", text) for text in ("10.0.0.1", "::1")] == [True, False]
    assert [_is_format("ipv6", text) for text in ("::1", "10.0.0.1")] == [True, False]
    assert [_is_format("uri", text) for text in ("https://x.example/a", "/a")] == [True, False]
    assert _is_format("uri-reference", "/a") and _is_format("hostname", "a-b.example")
    assert not _is_format("hostname", "-a.example")
