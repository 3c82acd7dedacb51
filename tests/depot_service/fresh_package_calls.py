"""Run by test_fresh_package.py in a subprocess whose path starts with a freshly generated tree.

It imports that `depot_ci` (not the committed one), serves the spec's examples through the
generated server protocols, and calls every method through the generated sync client over
pyqwest's in-process WSGI transport and the async client over its ASGI transport, in binary
protobuf and JSON. It prints one line per call and leaves with os._exit (see connect-runtime
notes: an async pyqwest client can abort the interpreter at exit).
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

import depot_ci
from depot_ci.v1 import (
    CIService,
    CIServiceASGIApplication,
    CIServiceClient,
    CIServiceClientSync,
    CIServiceSync,
    CIServiceWSGIApplication,
    ci_pb2,
)
from e2e.support import example_service, expected_answer, message_class, methods, request_example
from google.protobuf import json_format
from pyqwest import Client, SyncClient
from pyqwest.testing import ASGITransport, WSGITransport


def _request(method: Any) -> Any:
    return json_format.ParseDict(request_example(method), message_class(ci_pb2, method.request)())


def _report(kind: str, encoding: str, method: Any, answer: list[Any]) -> None:
    verdict = "ok" if answer == expected_answer(ci_pb2, method) else "MISMATCH"
    print(f"{kind} {encoding} {method.name} {verdict}")


def _sync_calls(encoding: str) -> None:
    http = SyncClient(WSGITransport(CIServiceWSGIApplication(example_service(CIServiceSync, ci_pb2, sync=True))))
    with CIServiceClientSync(encoding=encoding, http_client=http) as client:
        for method in methods():
            call = getattr(client, method.attribute)
            answer = list(call(_request(method))) if method.streaming else [call(_request(method))]
            _report("sync", encoding, method, answer)


async def _async_calls(encoding: str) -> None:
    app = CIServiceASGIApplication(example_service(CIService, ci_pb2, sync=False))
    async with ASGITransport(app) as transport:
        async with CIServiceClient(encoding=encoding, http_client=Client(transport)) as client:
            for method in methods():
                call = getattr(client, method.attribute)
                if method.streaming:
                    answer = [message async for message in call(_request(method))]
                else:
                    answer = [await call(_request(method))]
                _report("async", encoding, method, answer)


def main() -> None:
    print(f"package {depot_ci.__file__}")
    for encoding in ("proto", "json"):
        _sync_calls(encoding)
        asyncio.run(_async_calls(encoding))


if __name__ == "__main__":
    try:
        main()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
