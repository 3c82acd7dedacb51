"""Stage 1: read an OpenAPI 3.1 document (JSON or YAML) and check it is valid.

The result is a `Document`: the parsed data, never modified afterwards, plus lookups that every
later stage needs (resolving a `$ref` to the schema and the JSON pointer it lives at).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator

from .diagnostics import CodegenError, Diagnostic, Severity, escape_pointer, pointer

__all__ = ["Document", "load", "load_data"]

_LOCAL_REF = "#/"


@dataclass(frozen=True)
class Document:
    """A parsed, validated OpenAPI document."""

    source: str
    """The file name the document was read from (for messages and generated headers)."""
    data: Mapping[str, Any] = field(repr=False)

    @property
    def schemas(self) -> Mapping[str, Any]:
        """`components.schemas`, or an empty mapping."""
        components = self.data.get("components") or {}
        schemas: Mapping[str, Any] = components.get("schemas") or {}
        return schemas

    def resolve(self, ref: str) -> tuple[str, Any]:
        """Follow a local `$ref` to (its JSON pointer, the value). Raises KeyError when it points nowhere."""
        if not ref.startswith(_LOCAL_REF):
            raise KeyError(ref)
        node: Any = self.data
        for token in ref[len(_LOCAL_REF) :].split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            if isinstance(node, Mapping) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise KeyError(ref)
        return ref, node


def load(path: Path) -> Document:
    """Read and validate the OpenAPI document at `path`.

    Raises CodegenError listing every problem: unreadable or unparsable file, `$ref`s that point
    nowhere, and everything openapi-spec-validator reports, each with its JSON pointer.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CodegenError(
            [Diagnostic(Severity.ERROR, str(path), f"cannot read the document: {exc.strerror}", "check the path")]
        ) from exc
    return load_data(_parse(text, path), path.name)


def load_data(data: Any, source: str) -> Document:
    """Validate already-parsed document data (what `load` does after reading the file)."""
    if not isinstance(data, Mapping):
        raise CodegenError(
            [
                Diagnostic(
                    Severity.ERROR, "#", "the document is not an object", "an OpenAPI document is a JSON/YAML object"
                )
            ]
        )
    document = Document(source, data)
    problems = list(_dangling_refs(document))
    if problems:
        # The validator cannot walk a document whose references point nowhere; report those first.
        raise CodegenError(problems)
    problems = list(_validation_errors(data))
    if problems:
        raise CodegenError(problems)
    return document


def _parse(text: str, path: Path) -> Any:
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
            raise CodegenError(
                [Diagnostic(Severity.ERROR, where, f"invalid YAML: {getattr(exc, 'problem', exc)}", "fix the syntax")]
            ) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CodegenError(
            [
                Diagnostic(
                    Severity.ERROR, f"{path}:{exc.lineno}:{exc.colno}", f"invalid JSON: {exc.msg}", "fix the syntax"
                )
            ]
        ) from exc


def _walk_refs(node: Any, location: str) -> Iterator[tuple[str, str]]:
    """Yield (pointer of the object holding it, ref) for every `$ref` below `node`."""
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield location, ref
        for key, value in node.items():
            yield from _walk_refs(value, f"{location}/{escape_pointer(str(key))}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk_refs(item, f"{location}/{index}")


def _dangling_refs(document: Document) -> Iterator[Diagnostic]:
    for location, ref in _walk_refs(document.data, "#"):
        if not ref.startswith(_LOCAL_REF):
            yield Diagnostic(
                Severity.ERROR,
                location + "/$ref",
                f"external reference {ref!r} is not supported",
                "bundle the document into one file (for example with `redocly bundle`)",
            )
            continue
        try:
            document.resolve(ref)
        except KeyError:
            yield Diagnostic(
                Severity.ERROR,
                location + "/$ref",
                f"{ref!r} points to nothing in the document",
                "add the missing component or correct the reference",
            )


def _validation_errors(data: Mapping[str, Any]) -> Iterator[Diagnostic]:
    if not str(data.get("openapi", "")).startswith("3.1"):
        yield Diagnostic(
            Severity.ERROR,
            pointer("openapi"),
            f"expected an OpenAPI 3.1 document, found openapi: {data.get('openapi')!r}",
            "protoc-gen-connect-openapi writes OpenAPI 3.1; convert older documents first",
        )
        return
    try:
        errors = list(OpenAPIV31SpecValidator(data).iter_errors())
    except Exception as exc:  # the validator raises on structures it cannot walk; report, don't crash
        yield Diagnostic(Severity.ERROR, "#", f"the OpenAPI validator could not read the document: {exc}")
        return
    for error in errors:
        where = pointer(*error.path) if error.path else "#"
        yield Diagnostic(
            Severity.ERROR, where, f"invalid OpenAPI: {error.message}", "see the OpenAPI 3.1 specification"
        )
