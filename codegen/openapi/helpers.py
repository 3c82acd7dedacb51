"""Which components describe the protocol rather than the API: recognised by kind, not by a closed list.

protoc-gen-connect-openapi adds schemas for the Connect protocol itself next to the API's messages:
`connect.error`, `connect.error_details.Any` (since v0.20.3), the GET parameters `encoding`, `base64`,
`compression`, `connect`, the headers `connect-protocol-version` and `connect-timeout-header`, the
google.rpc error details with `with-google-error-detail`, and `TwirpError` with `features=twirp`. A
later release may add more, so a helper is recognised by what it is:

- by where it is used: a component whose key is not a proto type name (`request-id`) reached only from
  the protocol's places (header parameters, the Connect GET query parameters, error responses), never
  from the API's (request bodies, success responses, every other component), directly or not;
- by the namespace the protocol owns (`connect`, `connect.*`, `connect-*`, the GET parameter names,
  `google.rpc.*`, `TwirpError`), unless an API type refers to it: `google.rpc.Status` as the type of
  an API message's field is a real message. The Connect protocol's own schemas (`connect`,
  `connect-*`, `connect.error*`) stay helpers even then: a field of such a type is an error there.

Well-known types (`google.protobuf.*`) are never helpers: they map to protoc's own files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

__all__ = ["PROTOCOL_GET_PARAMETERS", "protocol_helpers"]

_REF = "#/components/schemas/"
_VERBS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
PROTOCOL_GET_PARAMETERS = frozenset({"encoding", "base64", "compression", "connect"})
"""Query parameters of the Connect GET form (the request itself travels in `message`)."""
_PROTOCOL_NAME = re.compile(r"(?:connect|encoding|base64|compression|TwirpError)\Z|connect[.-]|google\.rpc\.")
_CONNECT_NAME = re.compile(r"connect\Z|connect-|connect\.error")
"""The Connect protocol's own schemas: helpers even when an API type refers to them (that is an error there)."""
_PROTO_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\Z")
_SUCCESS = re.compile(r"2[0-9X][0-9X]\Z")


def protocol_helpers(data: Mapping[str, Any]) -> dict[str, str]:
    """{component name: why it is a protocol helper} for every helper schema of the document `data`."""
    schemas = _mapping(_mapping(data.get("components")).get("schemas"))
    protocol_roots: set[str] = set()
    api_roots: set[str] = set()
    reasons: dict[str, str] = {}
    for where, node, is_protocol in _operation_parts(data):
        for name in _refs(node):
            if is_protocol:
                protocol_roots.add(name)
                reasons.setdefault(name, where)
            else:
                api_roots.add(name)
    graph = {name: set(_refs(schema)) for name, schema in schemas.items()}
    protocol = _closure(protocol_roots, graph)
    suspects = {
        name for name in schemas if _PROTOCOL_NAME.match(name) or (name in protocol and not _PROTO_NAME.match(name))
    }
    # The API reaches through its types, never through the Connect protocol's own schemas.
    api_graph = {name: set() if _CONNECT_NAME.match(name) else refs for name, refs in graph.items()}
    api = _closure(api_roots | (set(schemas) - suspects), api_graph)
    helpers: dict[str, str] = {}
    for name in schemas:
        if name.startswith("google.protobuf.") or name not in suspects:
            continue
        if name in api and not _CONNECT_NAME.match(name):
            continue
        if name in protocol:
            helpers[name] = f"only the protocol refers to it: {reasons.get(name, 'another helper schema')}"
        else:
            helpers[name] = "the protocol owns its name and no API type refers to it"
    return helpers


def _operation_parts(data: Mapping[str, Any]) -> Iterator[tuple[str, Any, bool]]:
    """(what, node, whether it is a protocol place) for every part of every operation."""
    for path, item in _mapping(data.get("paths")).items():
        item = _mapping(item)
        shared = item.get("parameters")
        for verb in _VERBS:
            operation = _mapping(item.get(verb))
            if not operation:
                continue
            for parameter in [*_list(shared), *_list(operation.get("parameters"))]:
                parameter = _resolved(data, parameter)
                place = parameter.get("in")
                name = parameter.get("name")
                is_protocol = place == "header" or (place == "query" and str(name) in PROTOCOL_GET_PARAMETERS)
                yield f"the {place} parameter {name!r} of {verb.upper()} {path}", parameter, is_protocol
            yield "a request body", _resolved(data, operation.get("requestBody")), False
            for status, response in _mapping(operation.get("responses")).items():
                success = bool(_SUCCESS.match(str(status)))
                yield f"the {status} response of {verb.upper()} {path}", _resolved(data, response), not success
            yield "an operation", {k: v for k, v in operation.items() if k not in _OPERATION_PARTS}, False


_OPERATION_PARTS = frozenset({"parameters", "requestBody", "responses"})


def _refs(node: Any) -> Iterator[str]:
    """Names of the component schemas `node` refers to anywhere below it."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Mapping):
            ref = current.get("$ref")
            if isinstance(ref, str) and ref.startswith(_REF):
                yield ref[len(_REF) :].replace("~1", "/").replace("~0", "~")
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


def _closure(roots: set[str], graph: Mapping[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        stack.extend(graph.get(name, ()))
    return seen


def _resolved(data: Mapping[str, Any], node: Any) -> Mapping[str, Any]:
    """A parameter, request body or response object, following its `$ref` (to `#/components/...`)."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        ref = node["$ref"]
        seen.add(ref)
        if not ref.startswith("#/") or ref.startswith(_REF):
            break
        target: Any = data
        for token in ref[2:].split("/"):
            target = _mapping(target).get(token.replace("~1", "/").replace("~0", "~"))
        node = target
    return _mapping(node)


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
