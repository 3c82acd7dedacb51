"""A typed mirror of the parts of an OpenAPI document that the converter reads.

`read_spec(document)` walks the loaded (validated, never modified) JSON once and returns frozen
dataclasses: `Spec` -> `Operation`s and component `Schema`s, each carrying its JSON pointer. Later
phases read these instead of probing raw mappings, so the shape checks live here, once. A value
whose JSON type is not the one the converter expects (rare after validation) is not dropped
silently: its key is listed in `Schema.malformed`, and the phase that reads it reports it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ..diagnostics import escape_pointer, pointer
from ..model import Constraints
from .constraints import read_constraints
from .document import Document

__all__ = ["HTTP_VERBS", "Body", "Operation", "Schema", "Spec", "read_schema", "read_spec"]

HTTP_VERBS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True, slots=True)
class Schema:
    """One schema object (or boolean schema), with the keywords the converter understands."""

    location: str
    """JSON pointer of the schema in the document."""
    is_object: bool = True
    """False for boolean schemas (`true`/`false`) and anything else that is not a JSON object."""
    ref: str | None = None
    types: tuple[str, ...] | None = None
    """`type`, as a tuple even when written as one string; None when absent."""
    format: str | None = None
    title: str | None = None
    description: str | None = None
    deprecated: bool = False
    nullable: bool = False
    """OpenAPI 3.0's `nullable: true`."""
    enum: tuple[object, ...] | None = None
    properties: Mapping[str, Schema] | None = None
    """In document order."""
    additional_properties: Schema | None = None
    """Only a schema object counts; `additionalProperties: true/false` is None."""
    items: Schema | None = None
    required: tuple[str, ...] = ()
    all_of: tuple[Schema, ...] | None = None
    one_of: tuple[Schema, ...] | None = None
    any_of: tuple[Schema, ...] | None = None
    not_: Schema | None = None
    """The schema inside `not`."""
    constraints: Constraints = Constraints()
    """The validation keywords on this schema (`minLength`, `enum`, ...), see `constraints`."""
    malformed: frozenset[str] = frozenset()
    """Keywords present with a JSON type the converter cannot read (`"type": 5`)."""

    @property
    def has_any_of(self) -> bool:
        """True when the schema has an `anyOf` (readable or not)."""
        return self.any_of is not None or "anyOf" in self.malformed

    @property
    def text(self) -> str:
        """The description, stripped ("" when there is none)."""
        return self.description.strip() if self.description else ""

    def merged(self, other: Schema) -> Schema:
        """`{**self, **other}` on the raw objects: every keyword `other` sets wins; the location stays."""
        changes: dict[str, Any] = {}
        for keyword in fields(Schema):
            value = getattr(other, keyword.name)
            if keyword.name not in _NOT_MERGED and value is not None and value is not False and value != ():
                changes[keyword.name] = value
        return replace(self, **changes, malformed=self.malformed | other.malformed)


_NOT_MERGED = frozenset({"location", "is_object", "malformed", "constraints"})


@dataclass(frozen=True, slots=True)
class Body:
    """A request body or response (its `$ref` followed): the schema `$ref` of each media type."""

    location: str
    """Pointer of the `content` object, at the operation (where the author wrote it)."""
    media: Mapping[str, str] = field(default_factory=dict)
    """{media type: the `$ref` of its schema, "" when it has none}."""


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of a path item."""

    path: str
    verb: str
    location: str
    operation_id: str
    summary: str
    description: str
    deprecated: bool
    request: Body
    response: Body
    """The `200` response."""
    has_post_sibling: bool
    """The path item also has a `post` operation."""
    get_sibling: str | None = None
    """The operationId of the path item's `get` operation ("" without one), None when there is no `get`."""
    parameters: tuple[tuple[str, str], ...] = ()
    """(name, `in`) of the operation's path and query parameters (those of the path item included)."""


@dataclass(frozen=True, slots=True)
class Spec:
    """Everything the converter reads from one document."""

    source: str
    title: str
    version: str
    description: str
    base_url: str
    """The first server URL without a trailing slash, or ""."""
    tags: Mapping[str, str]
    """{tag name: description}"""
    tag_locations: Mapping[str, str]
    """{tag name: JSON pointer of the tag}"""
    operations: tuple[Operation, ...]
    """In document order: paths, then the verbs of each path item."""
    schemas: Mapping[str, Schema]
    """`components.schemas`, in document order."""
    error_codes: tuple[str, ...] = ()
    """The Connect codes the API documents (see `_error_codes`), in the document's order."""
    empty_paths: tuple[tuple[str, str], ...] = ()
    """(path, JSON pointer) of path items without operations (a streaming method without `with-streaming`)."""


_CONNECT_CODES = frozenset(
    (
        "canceled unknown invalid_argument deadline_exceeded not_found already_exists permission_denied "
        "resource_exhausted failed_precondition aborted out_of_range unimplemented internal unavailable "
        "data_loss unauthenticated"
    ).split()
)
_TABLE_CODE = re.compile(r"^\|\s*`(\w+)`", re.M)


def _error_codes(schemas: Mapping[str, Any]) -> tuple[str, ...]:
    """The codes listed in the first column of a table in the `connect.error` schema's description.

    protoc-gen-connect-openapi writes that schema for every API; an API that documents the codes
    its methods answer does it there, as a table of `code` rows. Anything else yields none.
    """
    error = schemas.get("connect.error")
    description = error.get("description") if isinstance(error, Mapping) else None
    if not isinstance(description, str):
        return ()
    codes = [code for code in _TABLE_CODE.findall(description) if code in _CONNECT_CODES]
    return tuple(dict.fromkeys(codes))


def read_spec(document: Document) -> Spec:
    """Mirror `document` in typed, frozen form (the document itself is only read)."""
    data = document.data
    info = _mapping(data.get("info"))
    servers = data.get("servers") or []
    first = servers[0] if isinstance(servers, list) and servers else None
    base_url = str(first.get("url", "")) if isinstance(first, Mapping) else ""
    tags: dict[str, str] = {}
    tag_locations: dict[str, str] = {}
    for index, tag in enumerate(_list(data.get("tags"))):
        if isinstance(tag, Mapping):
            tags[str(tag.get("name"))] = _text(tag.get("description"))
            tag_locations.setdefault(str(tag.get("name")), pointer("tags", index))
    schemas = _mapping(_mapping(data.get("components")).get("schemas"))
    version = info.get("version", "")
    return Spec(
        source=document.source,
        title=str(info.get("title", "")),
        # YAML 1.2 reads `version: 1.10` as the number 1.1; the header shows what the author wrote.
        version=document.written.get("#/info/version", str(version)) if version is not None else "",
        description=str(info.get("description", "")).strip(),
        base_url=base_url.rstrip("/"),
        tags=tags,
        tag_locations=tag_locations,
        operations=tuple(_operations(document)),
        schemas={name: read_schema(schema, pointer("components", "schemas", name)) for name, schema in schemas.items()},
        error_codes=_error_codes(schemas),
        empty_paths=tuple(
            (str(path), pointer("paths", path))
            for path, item in _mapping(data.get("paths")).items()
            if isinstance(item, Mapping) and not any(isinstance(item.get(verb), Mapping) for verb in HTTP_VERBS)
        ),
    )


def read_schema(node: Any, location: str) -> Schema:
    """Mirror one schema object (and everything below it) found at `location`."""
    if not isinstance(node, Mapping):
        return Schema(location, is_object=False)
    malformed: set[str] = set()

    def string(key: str) -> str | None:
        value = node.get(key)
        if value is None or isinstance(value, str):
            return value
        malformed.add(key)
        return None

    def schemas(key: str) -> tuple[Schema, ...] | None:
        value = node.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            malformed.add(key)
            return None
        return tuple(read_schema(item, f"{location}/{key}/{index}") for index, item in enumerate(value))

    def child(key: str) -> Schema | None:
        value = node.get(key)
        return read_schema(value, f"{location}/{key}") if isinstance(value, Mapping) else None

    ref = node.get("$ref")
    if "$ref" in node and not isinstance(ref, str):
        malformed.add("$ref")
    declared = node.get("type")
    types: tuple[str, ...] | None = None
    if declared is not None:
        listed = declared if isinstance(declared, list) else [declared]
        if all(isinstance(t, str) for t in listed):
            types = tuple(sorted(set(listed), key=listed.index))
        else:
            malformed.add("type")
    properties = node.get("properties")
    if properties is not None and not isinstance(properties, Mapping):
        malformed.add("properties")
    enum = node.get("enum")
    required = node.get("required")
    return Schema(
        location=location,
        ref=ref if isinstance(ref, str) else None,
        types=types,
        format=string("format"),
        title=string("title"),
        description=string("description"),
        deprecated=bool(node.get("deprecated")),
        nullable=node.get("nullable") is True,
        enum=tuple(enum) if isinstance(enum, list) else None,
        properties=(
            {
                str(key): read_schema(value, f"{location}/properties/{escape_pointer(str(key))}")
                for key, value in properties.items()
            }
            if isinstance(properties, Mapping)
            else None
        ),
        additional_properties=child("additionalProperties"),
        items=child("items"),
        required=tuple(item for item in required if isinstance(item, str)) if isinstance(required, list) else (),
        all_of=schemas("allOf"),
        one_of=schemas("oneOf"),
        any_of=schemas("anyOf"),
        not_=child("not"),
        constraints=read_constraints(node),
        malformed=frozenset(malformed),
    )


def _operations(document: Document) -> list[Operation]:
    found: list[Operation] = []
    for path, item in _mapping(document.data.get("paths")).items():
        if not isinstance(item, Mapping):
            continue
        for verb, operation in item.items():
            if verb not in HTTP_VERBS or not isinstance(operation, Mapping):
                continue
            location = pointer("paths", path, verb)
            responses = _mapping(operation.get("responses"))
            found.append(
                Operation(
                    path=str(path),
                    verb=str(verb),
                    location=location,
                    operation_id=str(operation.get("operationId", "")),
                    summary=_text(operation.get("summary")),
                    description=_text(operation.get("description")),
                    deprecated=bool(operation.get("deprecated")),
                    request=_body(document, operation.get("requestBody"), location + "/requestBody/content"),
                    response=_body(document, responses.get("200"), location + "/responses/200/content"),
                    has_post_sibling=isinstance(item.get("post"), Mapping),
                    parameters=_parameters(
                        document, [*_list(item.get("parameters")), *_list(operation.get("parameters"))]
                    ),
                    get_sibling=(
                        str(_mapping(item.get("get")).get("operationId", ""))
                        if isinstance(item.get("get"), Mapping)
                        else None
                    ),
                )
            )
    return found


def _body(document: Document, node: Any, location: str) -> Body:
    """A request body or response object, following a `$ref` (load checked it points somewhere)."""
    if isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        try:
            node = document.resolve(node["$ref"])[1]
        except KeyError:  # a dangling reference: one of the document's findings, at its pointer
            node = {}
    content = _mapping(_mapping(node).get("content"))
    return Body(
        location,
        {
            str(media): str(_mapping(media_type.get("schema")).get("$ref", ""))
            for media, media_type in content.items()
            if isinstance(media_type, Mapping)
        },
    )


def _parameters(document: Document, nodes: list[Any]) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for node in nodes:
        if isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            try:
                node = document.resolve(node["$ref"])[1]
            except KeyError:  # a dangling reference: one of the document's findings
                continue
        if isinstance(node, Mapping) and node.get("in") in ("path", "query"):
            found.append((str(node.get("name", "")), str(node["in"])))
    return tuple(found)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
