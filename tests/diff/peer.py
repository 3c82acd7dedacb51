"""One side of a compatibility check, run in its own process with one generated `acme` package
first on its path (two versions of a package cannot share a process: protobuf registers the same
.proto file name once).

    python peer.py serve          serve an echo of every method on 127.0.0.1; print the URL;
                                  stop when stdin closes
    python peer.py call URL       read calls (JSON) from stdin, make them, print the outcomes (JSON)

The echo server answers each request with a response holding the same fields, after dropping the
fields it does not know (what a real server building its answer from its own fields does); a
server stream answers twice.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from typing import Any

import acme.v1 as api
from connectrpc.errors import ConnectError
from google.protobuf import json_format
from google.protobuf.message import Message

SERVICE = "Widgets"


def _pb2() -> Any:
    return next(module for name, module in vars(api).items() if name.endswith("_pb2"))


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _methods() -> dict[str, Any]:
    return {m.name: m for m in _pb2().DESCRIPTOR.services_by_name[SERVICE].methods}


def _echo(request: Message, output: type[Message]) -> Message:
    request.DiscardUnknownFields()
    answer = output()
    answer.ParseFromString(request.SerializeToString())
    return answer


def _handler(method: Any) -> Any:
    output = getattr(_pb2(), method.output_type.name)
    if method.server_streaming:

        def stream(self: object, request: Message, ctx: object) -> Iterator[Message]:
            yield _echo(request, output)
            yield _echo(request, output)

        return stream

    def unary(self: object, request: Message, ctx: object) -> Message:
        return _echo(request, output)

    return unary


def serve() -> None:
    from live_servers import serve_wsgi

    protocol = getattr(api, f"{SERVICE}Sync")
    echo = type("Echo", (protocol,), {_snake(name): _handler(m) for name, m in _methods().items()})
    application = getattr(api, f"{SERVICE}WSGIApplication")(echo())
    with serve_wsgi(application) as url:
        print(url, flush=True)
        sys.stdin.read()


def _call(client: Any, call: dict[str, Any]) -> dict[str, Any]:
    method = _methods().get(call["method"])
    if method is None:
        return {"ok": False, "error": "client has no such method"}
    request = json_format.ParseDict(call["request"], getattr(_pb2(), method.input_type.name)())
    function = getattr(client, _snake(call["method"]))
    try:
        answers = list(function(request)) if method.server_streaming else [function(request)]
    except ConnectError as error:
        return {"ok": False, "code": error.code.name.lower(), "error": error.message}
    return {
        "ok": True,
        "sent": json_format.MessageToDict(request),
        "received": [json_format.MessageToDict(a) for a in answers],
    }


def _probe(expression: str) -> dict[str, Any]:
    """Use the package as Python code would: evaluate `expression` with the package as `api`."""
    try:
        value = eval(expression, {"api": api})  # noqa: S307 - test input written in the test table
    except (AttributeError, KeyError, ValueError, TypeError) as error:
        return {"ok": False, "error": f"{type(error).__name__}: {error}"}
    return {"ok": True, "value": repr(value)}


def call(url: str) -> None:
    plan = json.loads(sys.stdin.read())
    outcomes: dict[str, Any] = {"calls": [], "probes": [_probe(p) for p in plan.get("probes", [])]}
    client_class = getattr(api, f"{SERVICE}ClientSync")
    for encoding in ("proto", "json"):
        with client_class(url, encoding=encoding, timeout_ms=10_000) as client:
            outcomes["calls"].append([_call(client, c) for c in plan["calls"]])
    print(json.dumps(outcomes))


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve()
    else:
        call(sys.argv[2])
