"""The table of the diff tests: one case per kind of change, with what the report must say.

Each case is an edit of the base document (specs.py), the renames the lock declares for it, the
changes the diff must report (kind, subject, breaks), and how two generated packages behave.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .specs import PACKAGE, REF, SERVICE, Edit, W, carrier, operation, rename_key, widget, widget_properties

__all__ = ["CASES", "Case", "Expected"]

Expected = tuple[str, str, tuple[str, ...]]
"""(kind, subject, breaks)"""


@dataclass(frozen=True)
class Case:
    """One kind of change."""

    name: str
    edits: Sequence[Edit]
    expected: Sequence[Expected]
    lock: dict[str, Any] = field(default_factory=dict)
    """Lock entries (merged into the lock the old version leaves) that declare renames."""

    def __str__(self) -> str:
        return self.name


def _props(edit: Any) -> Edit:
    return lambda document: edit(widget_properties(document))


def _add_weight(properties: dict[str, Any]) -> None:
    properties["weight"] = {"type": "integer", "format": "int32", "title": "weight"}


def _rename_name(document: dict[str, Any]) -> None:
    properties = widget_properties(document)
    rename_key(properties, "name", "title")
    properties["title"]["title"] = "title"


def _enum(document: dict[str, Any]) -> list[str]:
    values: list[str] = document["components"]["schemas"][f"{PACKAGE}.Color"]["enum"]
    return values


def _rename_green(document: dict[str, Any]) -> None:
    values = _enum(document)
    values[values.index("COLOR_GREEN")] = "COLOR_LIME"


def _add_method(document: dict[str, Any]) -> None:
    document["paths"][f"/{SERVICE}/CopyWidget"] = operation("CopyWidget")
    schemas = document["components"]["schemas"]
    for suffix in ("Request", "Response"):
        schemas[f"{PACKAGE}.CopyWidget{suffix}"] = carrier("CopyWidget", suffix)


def _remove_watch(document: dict[str, Any]) -> None:
    del document["paths"][f"/{SERVICE}/WatchWidget"]
    for suffix in ("Request", "Response"):
        del document["components"]["schemas"][f"{PACKAGE}.WatchWidget{suffix}"]


def _stream_put(document: dict[str, Any]) -> None:
    operation = document["paths"][f"/{SERVICE}/PutWidget"]["post"]
    for part in (operation["requestBody"], operation["responses"]["200"]):
        (schema,) = {m["schema"]["$ref"] for m in part["content"].values()}
        part["content"] = {
            m: {"schema": {"$ref": schema}} for m in ("application/connect+json", "application/connect+proto")
        }


def _rename_widget(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    rename_key(schemas, W, f"{PACKAGE}.Gadget")
    schemas[f"{PACKAGE}.Gadget"]["title"] = "Gadget"
    for name, schema in schemas.items():
        if name.endswith(("Request", "Response")):
            schema["properties"]["widget"]["$ref"] = f"{REF}{PACKAGE}.Gadget"


def _rename_put(document: dict[str, Any]) -> None:
    paths = document["paths"]
    rename_key(paths, f"/{SERVICE}/PutWidget", f"/{SERVICE}/StoreWidget")
    operation = paths[f"/{SERVICE}/StoreWidget"]["post"]
    operation.update(summary="StoreWidget", operationId=f"{SERVICE}.StoreWidget")


def _add_get(document: dict[str, Any]) -> None:
    item = document["paths"][f"/{SERVICE}/PutWidget"]
    item["get"] = {**item["post"], "operationId": f"{SERVICE}.PutWidget.get"}
    item["get"].pop("requestBody")


WIRE, JSON, PYTHON = "wire", "json", "python"
NAME = f"{W}.name"

CASES: tuple[Case, ...] = (
    Case("field-added", [_props(_add_weight)], [("field-added", f"{W}.weight", ())]),
    Case(
        "field-added-required",
        [_props(_add_weight), lambda d: widget(d).update(required=["weight"])],
        [("field-added", f"{W}.weight", (WIRE, JSON))],
    ),
    Case("field-removed", [_props(lambda p: p.pop("name"))], [("field-removed", NAME, (PYTHON,))]),
    Case(
        "field-renamed-without-lock",
        [_rename_name],
        [("field-removed", NAME, (PYTHON,)), ("field-added", f"{W}.title", ())],
    ),
    Case(
        "field-renamed",
        [_rename_name],
        [("field-renamed", f"{W}.title", (JSON, PYTHON))],
        lock={"messages": {W: {"fields": {"title": {"renamed_from": "name"}}}}},
    ),
    Case(
        "field-json-name-changed",
        [_props(lambda p: rename_key(p, "name", "displayName"))],
        [("field-json-name-changed", NAME, (JSON,))],
    ),
    Case(
        "field-retyped-wire-compatible",
        [_props(lambda p: p["size"].update({"type": ["integer", "string"], "format": "int64"}))],
        [("field-retyped", f"{W}.size", ())],
    ),
    Case(
        "field-retyped",
        [_props(lambda p: p["name"].update({"type": "integer", "format": "int32"}))],
        [("field-retyped", NAME, (WIRE, JSON, PYTHON))],
    ),
    Case(
        "field-made-optional",
        [_props(lambda p: p["name"].update({"type": ["string", "null"]}))],
        [("field-optional-changed", NAME, ())],
    ),
    Case(
        "field-made-repeated",
        [_props(lambda p: p.update(name={"type": "array", "items": {"type": "string"}, "title": "name"}))],
        [("field-repeated-changed", NAME, (WIRE, JSON, PYTHON))],
    ),
    Case(
        "field-made-required",
        [lambda d: widget(d).update(required=["id"])],
        [("field-made-required", f"{W}.id", (WIRE, JSON))],
    ),
    Case(
        "field-validation-changed",
        [_props(lambda p: p["name"].update(maxLength=40))],
        [("field-validation-changed", NAME, ())],
    ),
    Case("field-deprecated", [_props(lambda p: p["name"].update(deprecated=True))], [("field-deprecated", NAME, ())]),
    Case(
        "enum-value-added",
        [lambda d: _enum(d).append("COLOR_BLUE")],
        [("enum-value-added", f"{PACKAGE}.Color.COLOR_BLUE", ())],
    ),
    Case(
        "enum-value-removed",
        [lambda d: _enum(d).remove("COLOR_GREEN")],
        [("enum-value-removed", f"{PACKAGE}.Color.COLOR_GREEN", (PYTHON,))],
    ),
    Case(
        "enum-value-renamed",
        [_rename_green],
        [("enum-value-renamed", f"{PACKAGE}.Color.COLOR_LIME", (JSON, PYTHON))],
        lock={"enums": {f"{PACKAGE}.Color": {"values": {"COLOR_LIME": {"renamed_from": "COLOR_GREEN"}}}}},
    ),
    Case(
        "method-added",
        [_add_method],
        [
            ("method-added", f"{SERVICE}.CopyWidget", ()),
            ("message-added", f"{PACKAGE}.CopyWidgetRequest", ()),
            ("message-added", f"{PACKAGE}.CopyWidgetResponse", ()),
        ],
    ),
    Case(
        "method-removed",
        [_remove_watch],
        [
            ("method-removed", f"{SERVICE}.WatchWidget", (WIRE, JSON, PYTHON)),
            ("message-removed", f"{PACKAGE}.WatchWidgetRequest", (PYTHON,)),
            ("message-removed", f"{PACKAGE}.WatchWidgetResponse", (PYTHON,)),
        ],
    ),
    Case(
        "method-streaming-changed",
        [_stream_put],
        [("method-streaming-changed", f"{SERVICE}.PutWidget", (WIRE, JSON, PYTHON))],
    ),
    Case(
        "method-renamed",
        [_rename_put],
        [("method-renamed", f"{SERVICE}.StoreWidget", (WIRE, JSON, PYTHON))],
    ),
    Case(
        "method-idempotency-changed",
        [_add_get],
        [("method-idempotency-changed", f"{SERVICE}.PutWidget", ())],
    ),
    Case(
        "message-renamed",
        [_rename_widget],
        [("message-renamed", f"{PACKAGE}.Gadget", (PYTHON,))],
        lock={"messages": {f"{PACKAGE}.Gadget": {"renamed_from": W}}},
    ),
)
