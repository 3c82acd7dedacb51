"""Run by support.run_async_calls in a subprocess: calls through an async Connect client over real HTTP.

Reads a plan from stdin (`base_url`, the client's `module` and class name, its constructor `style`
and a list of calls), makes every call with one client per encoding, and writes
`{key: {"messages": [...], "error": {...} | None, "headers": {...}}}` as JSON to stdout. Messages
are written as protobuf JSON; the test process compares them.

Why a subprocess that leaves with `os._exit`: pyqwest finishes some reads on its own tokio threads
and reports them to the asyncio loop through Python. When such a report lands while the
interpreter is finalizing, CPython 3.11 ends that thread with `pthread_exit`, which cannot unwind
through the Rust frames, and the process aborts (exit code 134) after all its work is done (see
tests/render/fixtures/async_over_http.py). Inside pytest that abort would take the whole test run
down; here the output is flushed first and finalization is skipped, so the race cannot happen.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import sys
import traceback
from typing import Any

from connectrpc.client import ResponseMetadata
from connectrpc.compat import google_protobuf_binary_codec, google_protobuf_json_codec
from connectrpc.errors import ConnectError
from google.protobuf import descriptor_pool, json_format, message_factory


def _client(plan: dict[str, Any], encoding: str) -> Any:
    client_class = getattr(importlib.import_module(plan["module"]), plan["client"])
    if plan["style"] == "ours":
        return client_class(plan["base_url"], encoding=encoding)
    # The official generator's clients take a codec object instead of an encoding name.
    codec = google_protobuf_json_codec() if encoding == "json" else google_protobuf_binary_codec()
    return client_class(plan["base_url"], codec=codec)


async def _call(client: Any, call: dict[str, Any]) -> dict[str, Any]:
    descriptor = descriptor_pool.Default().FindMessageTypeByName(call["request_type"])
    request = json_format.ParseDict(call["request"], message_factory.GetMessageClass(descriptor)())
    function = getattr(client, call["attribute"])
    messages: list[Any] = []
    error = None
    with ResponseMetadata() as meta:
        try:
            if call["streaming"]:
                async for message in function(request, headers=call["headers"]):
                    messages.append(json_format.MessageToDict(message))
            else:
                messages.append(json_format.MessageToDict(await function(request, headers=call["headers"])))
        except ConnectError as raised:
            error = {"code": raised.code.value, "message": raised.message}
    headers = {name: value for name, value in meta.headers.items()} if meta.headers else {}
    return {"messages": messages, "error": error, "headers": headers}


async def _run(plan: dict[str, Any]) -> dict[str, Any]:
    outcomes: dict[str, Any] = {}
    for encoding in sorted({call["encoding"] for call in plan["calls"]}):
        client = _client(plan, encoding)
        try:
            for call in plan["calls"]:
                if call["encoding"] == encoding:
                    outcomes[call["key"]] = await _call(client, call)
        finally:
            await client.close()
    return outcomes


def main() -> int:
    try:
        outcomes = asyncio.run(_run(json.load(sys.stdin)))
    except BaseException:
        traceback.print_exc()
        return 1
    json.dump(outcomes, sys.stdout)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
