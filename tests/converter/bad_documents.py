"""Documents that fail OpenAPI 3.1 validation, one per kind of finding (the bad-document fixtures).

test_validator_parity.py runs codegen's validator and openapi-spec-validator on each; the named
pointer tests in test_errors.py use some of them too. Each builder returns a fresh document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .support import REF, connect_operation, document

__all__ = ["BAD_DOCUMENTS", "EDGE_DOCUMENTS"]

PKG = "acme.bad.v1"
MSG = f"{PKG}.Thing"
URL = f"/{PKG}.Svc/Call"


def _thing(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties or {"a": {"type": "string"}}}


def _with(schema: Any, name: str = MSG) -> dict[str, Any]:
    return document({name: schema}, {URL: connect_operation(MSG, MSG)} if name == MSG else {})


def _without_info() -> dict[str, Any]:
    data = document({MSG: _thing()})
    del data["info"]
    return data


def _changed(*changes: Callable[[dict[str, Any]], object], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    data = document(schemas or {MSG: _thing()}, {URL: connect_operation(MSG, MSG)})
    for change in changes:
        change(data)
    return data


def _operation(data: dict[str, Any], url: str = URL) -> dict[str, Any]:
    operation: dict[str, Any] = data["paths"][url]["post"]
    return operation


def _parameter(name: str, where: str = "query", schema: Any = None) -> dict[str, Any]:
    return {"name": name, "in": where, "required": where == "path", "schema": schema or {"type": "string"}}


def _path_parameters(data: dict[str, Any], *parameters: dict[str, Any], url: str = URL) -> None:
    data["paths"][url]["parameters"] = list(parameters)


def _rename_path(data: dict[str, Any], new: str) -> None:
    data["paths"][new] = data["paths"].pop(URL)


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


BAD_DOCUMENTS: dict[str, Callable[[], dict[str, Any]]] = {
    # -- the document's structure (the OpenAPI 3.1 schema) --
    "no info": _without_info,
    "info without title": lambda: _changed(lambda d: d["info"].pop("title")),
    "responses not an object": lambda: _changed(_set(("paths", URL, "post", "responses"), "none")),
    "paths not an object": lambda: _changed(_set(("paths",), ["a"])),
    "unknown top-level key": lambda: _changed(_set(("servres",), [])),
    "version 3.1 without patch": lambda: _changed(_set(("openapi",), "3.1")),
    "parameter in an unknown place": lambda: _changed(
        lambda d: _operation(d).__setitem__("parameters", [_parameter("q", "body")])
    ),
    "server without url": lambda: _changed(_set(("servers",), [{"description": "no url"}])),
    "components.schemas not an object": lambda: _changed(_set(("components", "schemas"), [])),
    "two structural errors": lambda: _changed(
        lambda d: d["info"].pop("title"), _set(("paths", URL, "post", "responses"), 5)
    ),
    # -- schemas against the OAS 3.1 dialect --
    "type is a number": lambda: _with(_thing(x={"type": 5})),
    "type misspelt, reached through a ref": lambda: _with(_thing(x={"type": "strnig"})),
    "negative minLength": lambda: _with(_thing(x={"type": "string", "minLength": -1})),
    "two errors in one schema": lambda: _with(_thing(x={"type": "strnig", "minLength": -1})),
    "pattern that is not a regex": lambda: _with(_thing(x={"type": "string", "pattern": "[a-"})),
    "patternProperties key that is not a regex": lambda: _with(
        {"type": "object", "patternProperties": {"(": {"type": "string"}}}
    ),
    "unknown dialect": lambda: _with({"$schema": "https://example.com/dialect", "type": "object"}),
    "dialect that is not a string": lambda: _with({"$schema": 5, "type": "object"}),
    "document-wide draft 2020-12 dialect, bad type": lambda: _changed(
        _set(("jsonSchemaDialect",), "https://json-schema.org/draft/2020-12/schema"),
        schemas={MSG: _thing(x={"type": "strnig"})},
    ),
    "component that is a string": lambda: _with("just text", f"{PKG}.Text"),
    "component that is a list": lambda: _with([{"type": "string"}], f"{PKG}.List"),
    "discriminator without propertyName": lambda: _with({**_thing(), "discriminator": {"mapping": {}}}),
    "externalDocs without url": lambda: _with({**_thing(), "externalDocs": {"description": "x"}}),
    "deeply nested bad type": lambda: _with(
        _thing(x={"type": "array", "items": {"type": "object", "properties": {"y": {"type": 7}}}})
    ),
    "bad schemas in two components": lambda: document(
        {f"{PKG}.A": _thing(x={"type": 1}), f"{PKG}.B": _thing(y={"minLength": -3})}
    ),
    "bad media type schema inline": lambda: _changed(
        _set(("paths", URL, "post", "responses", "200", "content", "application/json", "schema"), {"type": "nope"})
    ),
    "bad schema in a referenced response": lambda: _changed(
        _set(
            ("components", "responses"),
            {
                "Bad": {
                    "description": "x",
                    "content": {
                        "application/json": {"schema": {"type": "object", "properties": {"z": {"maximum": "high"}}}}
                    },
                }
            },
        ),
        _set(("paths", URL, "post", "responses", "default"), {"$ref": "#/components/responses/Bad"}),
    ),
    "bad parameter schema": lambda: _changed(
        lambda d: _operation(d).__setitem__("parameters", [_parameter("q", schema={"type": "integer", "minimum": "0"})])
    ),
    # -- openapi-spec-validator's semantic checks --
    "allOf with a required property nobody declares": lambda: document(
        {
            f"{PKG}.Base": _thing(),
            MSG: {"allOf": [{"$ref": REF + f"{PKG}.Base"}], "required": ["a", "missing"]},
        }
    ),
    "default of the wrong type": lambda: _with(_thing(x={"type": "integer", "default": "seven"})),
    "default outside int32": lambda: _with(_thing(x={"type": "integer", "format": "int32", "default": 2**40})),
    "default object missing a required property": lambda: _with(
        _thing(x={"type": "object", "properties": {"k": {"type": "string"}}, "required": ["k"], "default": {}})
    ),
    "duplicate operationId": lambda: _changed(
        _set(("paths", f"/{PKG}.Svc/Other"), connect_operation(MSG, MSG)),
        _set(("paths", URL, "post", "operationId"), "same"),
        _set(("paths", f"/{PKG}.Svc/Other", "post", "operationId"), "same"),
    ),
    "duplicate operation parameter": lambda: _changed(
        lambda d: _operation(d).__setitem__("parameters", [_parameter("q"), _parameter("q")])
    ),
    "path parameter not declared": lambda: _changed(lambda d: _rename_path(d, "/items/{id}")),
    "declared path parameter not in the path": lambda: _changed(
        lambda d: _operation(d).__setitem__("parameters", [_parameter("id", "path")])
    ),
    "path parameters on the path item, one missing": lambda: _changed(
        lambda d: _rename_path(d, "/items/{id}/{sub}"),
        lambda d: _path_parameters(d, _parameter("id", "path"), url="/items/{id}/{sub}"),
    ),
    # -- places openapi-spec-validator reported at `#` (see codegen/openapi/validate.py) --
    "duplicate path-level parameter": lambda: _changed(lambda d: _path_parameters(d, _parameter("q"), _parameter("q"))),
    "path template that cannot be parsed": lambda: _changed(lambda d: _rename_path(d, "/items/{id")),
    "duplicate tag": lambda: _changed(_set(("tags",), [{"name": "t"}, {"name": "u"}, {"name": "t"}])),
}


def _with_components(data: dict[str, Any], kind: str, entries: dict[str, Any]) -> dict[str, Any]:
    data["components"][kind] = entries
    return data


_PATH_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}

# Documents where the walk's order and dedupe decide the findings (some have none).
EDGE_DOCUMENTS: dict[str, Callable[[], dict[str, Any]]] = {
    "boolean schemas": lambda: document(
        {f"{PKG}.A": True, MSG: {"type": "object", "properties": {"x": True, "y": {"type": "array", "items": False}}}}
    ),
    "ref with siblings (the siblings are not read)": lambda: document(
        {
            MSG: {"type": "object", "properties": {"b": {"$ref": REF + f"{PKG}.B", "description": "d", "default": 5}}},
            f"{PKG}.B": {"type": "object", "properties": {"z": {"type": "strnig"}}},
        }
    ),
    "valid defaults, null with nullable": lambda: _with(
        _thing(x={"type": "integer", "default": 3}, n={"type": "integer", "default": None, "nullable": True})
    ),
    "null default without nullable": lambda: _with(_thing(x={"type": "integer", "default": None})),
    "bad default in a referenced component": lambda: document(
        {
            MSG: {"type": "object", "properties": {"x": {"$ref": REF + f"{PKG}.E"}}},
            f"{PKG}.E": {"type": "string", "enum": ["A", "B"], "default": "C"},
        }
    ),
    "allOf chain, one required property nobody declares": lambda: document(
        {
            MSG: {"allOf": [{"$ref": REF + f"{PKG}.B"}], "required": ["a", "b", "c"]},
            f"{PKG}.B": {"allOf": [{"$ref": REF + f"{PKG}.C"}], "properties": {"b": {"type": "string"}}},
            f"{PKG}.C": {"properties": {"a": {"type": "string"}}},
        }
    ),
    "allOf reached first through a property is not checked for required": lambda: document(
        {
            f"{PKG}.X": {"type": "object", "properties": {"a": {"$ref": REF + MSG}}},
            MSG: {"allOf": [{"properties": {"q": {}}}], "required": ["zz"]},
        }
    ),
    "allOf reached first through a response is": lambda: document(
        {MSG: {"allOf": [{"properties": {"q": {}}}], "required": ["zz"]}}, {URL: connect_operation(MSG, MSG)}
    ),
    "pattern inside default data is not a schema": lambda: _with(
        _thing(x={"type": "object", "default": {"pattern": "["}})
    ),
    "a property named pattern": lambda: _with(_thing(pattern={"type": "string", "pattern": "^a$"})),
    "draft-07 dialect, bad type": lambda: _with({"$schema": "http://json-schema.org/draft-07/schema#", "type": "x"}),
    "parameters from components, bad schema": lambda: _with_components(
        document(
            {MSG: _thing()},
            {
                "/x/{id}": {
                    "parameters": [{"$ref": "#/components/parameters/Id"}],
                    "get": {"responses": {"200": {"description": "ok"}}},
                }
            },
        ),
        "parameters",
        {"Id": {**_PATH_ID, "schema": {"type": "strnig"}}},
    ),
    "path item from components, duplicate parameter": lambda: _with_components(
        document({MSG: _thing()}, {"/p/{id}": {"$ref": "#/components/pathItems/P"}}),
        "pathItems",
        {"P": {"get": {"parameters": [_PATH_ID, _PATH_ID], "responses": {"200": {"description": "ok"}}}}},
    ),
    "operationId null twice": lambda: document(
        {MSG: _thing()},
        {
            "/a": {"get": {"operationId": None, "responses": {"200": {"description": "x"}}}},
            "/b": {"get": {"operationId": None, "responses": {"200": {"description": "x"}}}},
        },
    ),
}
