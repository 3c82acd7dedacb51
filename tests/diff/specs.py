"""Small Connect-shaped OpenAPI documents for the diff tests: one base version and the edits that
make each kind of change.

The base is `acme.v1.Widgets` with a unary `PutWidget` and a server-streaming `WatchWidget`; every
request and response carries one `Widget`, so a server can answer any call by echoing the request.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

__all__ = [
    "PACKAGE",
    "SERVICE",
    "W",
    "Edit",
    "base",
    "carrier",
    "edited",
    "operation",
    "rename_key",
    "widget",
    "widget_properties",
]

PACKAGE = "acme.v1"
SERVICE = f"{PACKAGE}.Widgets"
REF = "#/components/schemas/"
W = f"{PACKAGE}.Widget"

Edit = Callable[[dict[str, Any]], None]


def operation(method: str, streaming: bool = False) -> dict[str, Any]:
    """The path item of a Connect method of the service."""
    media = ["application/connect+json", "application/connect+proto"] if streaming else ["application/json"]

    def content(name: str) -> dict[str, Any]:
        return {m: {"schema": {"$ref": f"{REF}{PACKAGE}.{method}{name}"}} for m in media}

    return {
        "post": {
            "tags": [SERVICE],
            "summary": method,
            "operationId": f"{SERVICE}.{method}",
            "requestBody": {"content": content("Request"), "required": True},
            "responses": {"200": {"description": "Success", "content": content("Response")}},
        }
    }


def carrier(method: str, suffix: str) -> dict[str, Any]:
    """A request or response message carrying one Widget."""
    return {
        "type": "object",
        "title": f"{method}{suffix}",
        "properties": {"widget": {"title": "widget", "$ref": f"{REF}{W}"}},
        "additionalProperties": False,
    }


def base() -> dict[str, Any]:
    """The old version every case starts from."""
    schemas: dict[str, Any] = {
        W: {
            "type": "object",
            "title": "Widget",
            "properties": {
                "id": {"type": "string", "title": "id"},
                "name": {"type": "string", "title": "name"},
                "size": {"type": "integer", "format": "int32", "title": "size"},
                "color": {"title": "color", "$ref": f"{REF}{PACKAGE}.Color"},
                "tags": {"type": "array", "items": {"type": "string"}, "title": "tags"},
            },
            "additionalProperties": False,
        },
        f"{PACKAGE}.Color": {
            "type": "string",
            "title": "Color",
            "enum": ["COLOR_UNSPECIFIED", "COLOR_RED", "COLOR_GREEN"],
        },
    }
    paths: dict[str, Any] = {}
    for method, streaming in (("PutWidget", False), ("WatchWidget", True)):
        paths[f"/{SERVICE}/{method}"] = operation(method, streaming)
        for suffix in ("Request", "Response"):
            schemas[f"{PACKAGE}.{method}{suffix}"] = carrier(method, suffix)
    return {
        "openapi": "3.1.0",
        "info": {"title": PACKAGE, "version": "v1"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


def edited(*edits: Edit) -> dict[str, Any]:
    """The base with `edits` applied in order."""
    document = copy.deepcopy(base())
    for edit in edits:
        edit(document)
    return document


def rename_key(mapping: dict[str, Any], old: str, new: str) -> None:
    """Rename a key in place, keeping its position (positions matter to rename suggestions)."""
    items = [(new if key == old else key, value) for key, value in mapping.items()]
    mapping.clear()
    mapping.update(items)


def widget(document: dict[str, Any]) -> dict[str, Any]:
    """The Widget schema of `document`."""
    schema: dict[str, Any] = document["components"]["schemas"][W]
    return schema


def widget_properties(document: dict[str, Any]) -> dict[str, Any]:
    """The properties of Widget."""
    properties: dict[str, Any] = widget(document)["properties"]
    return properties
