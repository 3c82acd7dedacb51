"""Write synthetic Connect-shaped OpenAPI 3.1 documents for the converter benchmarks.

The documents look like protoc-gen-connect-openapi output: message components keyed
`bench.v1.MessageN` (N = 0 .. count-1), each with strings, an int32, an int64 written as
`["integer", "string"]`, an optional field (`["string", "null"]`), a repeated string, a reference
and a repeated reference to other messages, the shared enum `bench.v1.Status`, a oneof and a
`map<string, string>` (with its `...LabelsEntry` component, as the plugin writes it), plus one
service `bench.v1.BenchService` with one unary method per ten messages.

    python -m bench.synthetic_spec 1000 /tmp/spec-1000.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

__all__ = ["PACKAGE", "SERVICE", "main", "synthetic_spec", "write_spec"]

PACKAGE = "bench.v1"
SERVICE = "BenchService"
_REF = "#/components/schemas/"
_STATUS = f"{PACKAGE}.Status"
_METHODS_PER_MESSAGES = 10
_CLUSTER = 10


def _message_name(index: int) -> str:
    return f"{PACKAGE}.Message{index}"


def _ref(name: str, title: str, description: str | None = None) -> dict[str, Any]:
    field: dict[str, Any] = {"$ref": _REF + name, "title": title}
    if description:
        field["description"] = description
    return field


def _message(index: int, count: int) -> dict[str, Any]:
    """The component of `bench.v1.Message<index>`; references point at other messages of the document."""
    # References stay inside a cluster of ten messages (cycles included), as in real APIs; a long
    # chain of distinct references would measure the validator's recursion, not the converter.
    cluster = index - index % _CLUSTER
    size = min(_CLUSTER, count - cluster)
    parent = _message_name(cluster + (index + 1 - cluster) % size)
    child = _message_name(cluster + (index + 3 - cluster) % size)
    properties: dict[str, Any] = {
        "id": {"type": "string", "title": "id", "description": f"Unique identifier of message {index}."},
        "displayName": {"type": "string", "title": "display_name"},
        "count": {"type": "integer", "title": "count", "format": "int32"},
        "sizeBytes": {
            "type": ["integer", "string"],
            "title": "size_bytes",
            "format": "int64",
            "description": "Size in bytes.",
        },
        "note": {"type": ["string", "null"], "title": "note", "description": "Unset when there is no note."},
        "tags": {"type": "array", "items": {"type": "string"}, "title": "tags"},
        "parent": _ref(parent, "parent", "The parent message."),
        "children": {"type": "array", "items": {"$ref": _REF + child}, "title": "children"},
        "status": _ref(_STATUS, "status"),
        "labels": {
            "type": "object",
            "title": "labels",
            "additionalProperties": {"type": "string", "title": "value"},
            "description": "Free-form labels.",
        },
    }
    choices = [
        {
            "type": "object",
            "properties": {"textValue": {"type": "string", "title": "text_value"}},
            "title": "textValue",
            "required": ["textValue"],
        },
        {
            "type": "object",
            "properties": {"numberValue": {"type": "number", "title": "number_value", "format": "double"}},
            "title": "numberValue",
            "required": ["numberValue"],
        },
    ]
    return {
        "type": "object",
        "properties": properties,
        "oneOf": choices,
        "title": f"Message{index}",
        "unevaluatedProperties": False,
        "description": f"Synthetic message number {index}, with one field of each kind.",
    }


def _labels_entry() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {"key": {"type": "string", "title": "key"}, "value": {"type": "string", "title": "value"}},
        "title": "LabelsEntry",
        "additionalProperties": False,
    }


def _status_enum() -> dict[str, Any]:
    return {
        "type": "string",
        "title": "Status",
        "enum": ["STATUS_UNSPECIFIED", "STATUS_QUEUED", "STATUS_RUNNING", "STATUS_FINISHED", "STATUS_FAILED"],
        "description": "Lifecycle state of a synthetic message.",
    }


def _connect_helpers() -> dict[str, Any]:
    """The helper schemas every protoc-gen-connect-openapi document carries."""
    return {
        "connect-protocol-version": {
            "type": "number",
            "title": "Connect-Protocol-Version",
            "enum": [1],
            "description": "Define the version of the Connect protocol",
            "const": 1,
        },
        "connect-timeout-header": {
            "type": "number",
            "title": "Connect-Timeout-Ms",
            "description": "Define the timeout, in ms",
        },
        "connect.error": {
            "type": "object",
            "properties": {
                "code": {"type": "string", "examples": ["not_found"], "enum": ["canceled", "unknown", "not_found"]},
                "message": {"type": "string"},
                "details": {"type": "array", "items": {"type": "object", "additionalProperties": True}},
            },
            "title": "Connect Error",
            "additionalProperties": True,
            "description": "Error type returned by Connect.",
        },
    }


def _operation(method: str, request: str, response: str) -> dict[str, Any]:
    def body(name: str) -> dict[str, Any]:
        return {"application/json": {"schema": {"$ref": _REF + name}}}

    return {
        "post": {
            "tags": [f"{PACKAGE}.{SERVICE}"],
            "summary": method,
            "description": f"Synthetic unary method {method}.",
            "operationId": f"{PACKAGE}.{SERVICE}.{method}",
            "parameters": [
                {
                    "name": "Connect-Protocol-Version",
                    "in": "header",
                    "required": True,
                    "schema": {"$ref": _REF + "connect-protocol-version"},
                },
                {"name": "Connect-Timeout-Ms", "in": "header", "schema": {"$ref": _REF + "connect-timeout-header"}},
            ],
            "requestBody": {"content": body(request), "required": True},
            "responses": {
                "200": {"description": "Success", "content": body(response)},
                "default": {"description": "Error", "content": body("connect.error")},
            },
        }
    }


def synthetic_spec(count: int) -> dict[str, Any]:
    """An OpenAPI document with `count` message components `bench.v1.Message0..count-1`."""
    if count < 2:
        raise ValueError("count must be at least 2")
    schemas: dict[str, Any] = {_STATUS: _status_enum()}
    for index in range(count):
        schemas[_message_name(index)] = _message(index, count)
        schemas[f"{_message_name(index)}.LabelsEntry"] = _labels_entry()
    schemas.update(_connect_helpers())
    paths: dict[str, Any] = {}
    for method_index in range(max(1, count // _METHODS_PER_MESSAGES)):
        method = f"Call{method_index}"
        request = _message_name((2 * method_index) % count)
        response = _message_name((2 * method_index + 1) % count)
        paths[f"/{PACKAGE}.{SERVICE}/{method}"] = _operation(method, request, response)
    return {
        "openapi": "3.1.0",
        "info": {"title": PACKAGE, "description": f"Synthetic API with {count} messages.", "version": "v1"},
        "paths": paths,
        "components": {"schemas": schemas},
        "tags": [{"name": f"{PACKAGE}.{SERVICE}", "description": "Synthetic service for the converter benchmarks."}],
    }


def write_spec(count: int, path: Path) -> Path:
    """Write the document of `count` messages to `path` (JSON) and return the path."""
    path.write_text(json.dumps(synthetic_spec(count), indent=2) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    """Command line: write one synthetic document."""
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic_spec", description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of bench.v1.MessageN components")
    parser.add_argument("output", type=Path, help="the JSON file to write")
    args = parser.parse_args(argv)
    write_spec(args.count, args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
