"""Stage 1: read an OpenAPI 3.1 document (JSON or YAML) and check it is valid.

The result is a `Document`: the parsed data, never modified afterwards, plus lookups that every
later stage needs (resolving a `$ref` to the schema and the JSON pointer it lives at).
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from jsonschema_path import SchemaPath
from openapi_spec_validator import OpenAPIV31SpecValidator
from openapi_spec_validator.schemas import openapi_v31_schema_validator
from openapi_spec_validator.validation import keywords

from .diagnostics import CodegenError, Diagnostic, Severity, escape_pointer, pointer

__all__ = ["Document", "load", "load_data"]

_LOCAL_REF = "#/"
_T = TypeVar("_T")
_VALIDATOR_STACK_BYTES = 512 * 1024 * 1024
_VALIDATOR_RECURSION_LIMIT = 200_000
_SPEC_HINT = "see the OpenAPI 3.1 specification"
_ValidationError = Any
"""jsonschema's ValidationError (jsonschema ships no type information)."""


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
    problems = list(_non_string_keys(data, "#"))
    if problems:
        # YAML reads `200:` as a number and `on:` as a boolean; JSON Schema cannot check such keys.
        raise CodegenError(problems)
    document = Document(source, data)
    problems = list(_dangling_refs(document))
    if problems:
        # The validator cannot walk a document whose references point nowhere; report those first.
        raise CodegenError(problems)
    problems = _with_deep_stack(lambda: list(_validation_errors(data)))
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


def _non_string_keys(node: Any, location: str) -> Iterator[Diagnostic]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            if not isinstance(key, str):
                yield Diagnostic(
                    Severity.ERROR,
                    f"{location}/{escape_pointer(str(key))}",
                    f"the key {key!r} is not a string (YAML read it as {type(key).__name__})",
                    f"quote it in the YAML file ('{key}')",
                )
            yield from _non_string_keys(value, f"{location}/{escape_pointer(str(key))}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _non_string_keys(item, f"{location}/{index}")


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


def _with_deep_stack(run: Callable[[], _T]) -> _T:
    """Run `run` in a thread with room for deep recursion, and return its result.

    openapi-spec-validator follows `$ref`s recursively, so a chain of messages that refer to one
    another (A.next -> B, B.next -> C, ...) costs a group of stack frames per link; under Python's
    default limits a valid document with a few hundred links fails with RecursionError.
    """
    outcome: list[_T] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            outcome.append(run())
        except BaseException as exc:  # handed to the calling thread below
            failure.append(exc)

    previous_stack = threading.stack_size(_VALIDATOR_STACK_BYTES)
    previous_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous_limit, _VALIDATOR_RECURSION_LIMIT))
    try:
        worker = threading.Thread(target=target, name="openapi-validator")
        worker.start()
        worker.join()
    finally:
        threading.stack_size(previous_stack)
        sys.setrecursionlimit(previous_limit)
    if failure:
        raise failure[0]
    return outcome[0]


def _validation_errors(data: Mapping[str, Any]) -> Iterator[Diagnostic]:
    if not str(data.get("openapi", "")).startswith("3.1"):
        yield Diagnostic(
            Severity.ERROR,
            pointer("openapi"),
            f"expected an OpenAPI 3.1 document, found openapi: {data.get('openapi')!r}",
            "protoc-gen-connect-openapi writes OpenAPI 3.1; convert older documents first",
        )
        return
    # First the document's structure against the OpenAPI 3.1 schema: those errors carry absolute
    # paths, and the semantic checks below cannot walk a document whose structure is wrong.
    try:
        structural = list(openapi_v31_schema_validator.iter_errors(data))
    except Exception as exc:  # never a traceback for a bad document
        yield Diagnostic(Severity.ERROR, "#", f"the OpenAPI validator could not read the document: {exc}", _SPEC_HINT)
        return
    for error in structural:
        yield Diagnostic(Severity.ERROR, pointer(*error.path), f"invalid OpenAPI: {error.message}", _SPEC_HINT)
    if structural:
        return
    found: dict[int, tuple[_ValidationError, str]] = {}
    errors: list[_ValidationError] = []
    try:
        # The structure was checked above; run only the semantic checks, not the schema pass again.
        validator = _locating_validator(data, found)
        for error in validator.root_validator(validator.schema_path):
            errors.append(error)
    except Exception as exc:  # the validator raises on structures it cannot walk; report, don't crash
        yield Diagnostic(Severity.ERROR, "#", f"the OpenAPI validator could not read the document: {exc}", _SPEC_HINT)
    for error in errors:
        # Schema and operation checks report paths relative to the schema or operation they were
        # checking; put them back where they are in the document.
        base = found[id(error)][1] if id(error) in found else "#"
        where = base + "".join("/" + escape_pointer(str(token)) for token in error.path)
        yield Diagnostic(Severity.ERROR, where, f"invalid OpenAPI: {error.message}", _SPEC_HINT)


def _real_pointer(data: Mapping[str, Any], parts: Sequence[str | int]) -> str:
    """The JSON pointer of what the validator reached through `parts`, following `$ref`s as it did."""
    node: Any = data
    location = "#"
    for part in parts:
        if isinstance(node, Mapping) and part in node:
            node = node[part]
        elif isinstance(node, list) and str(part).isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return location
        location += "/" + escape_pointer(str(part))
        seen: set[str] = set()
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
            seen.add(node["$ref"])
            try:
                location, node = Document("", data).resolve(node["$ref"])
            except KeyError:
                break
    return location


def _locating_keywords(
    data: Mapping[str, Any], found: dict[int, tuple[_ValidationError, str]]
) -> dict[str, type[keywords.KeywordValidator]]:
    """openapi-spec-validator's schema and operation checks, noting where each error was found."""

    def note(error: _ValidationError, parts: Sequence[str | int]) -> _ValidationError:
        # Keyed by id; the error is kept alive in the value, so the id cannot be reused meanwhile.
        found.setdefault(id(error), (error, _real_pointer(data, parts)))
        return error

    class SchemaChecks(keywords.OpenAPIV31SchemaValidator):
        def __call__(
            self, schema: SchemaPath, require_properties: bool = True, meta_checked: bool = False
        ) -> Iterator[_ValidationError]:
            for error in super().__call__(schema, require_properties, meta_checked):
                yield note(error, schema.parts)

    class OperationChecks(keywords.OperationValidator):
        def __call__(
            self, url: str, name: str, operation: SchemaPath, path_parameters: SchemaPath | None
        ) -> Iterator[_ValidationError]:
            for error in super().__call__(url, name, operation, path_parameters):
                yield note(error, operation.parts)

    return {**OpenAPIV31SpecValidator.keyword_validators, "schema": SchemaChecks, "operation": OperationChecks}


def _locating_validator(
    data: Mapping[str, Any], found: dict[int, tuple[_ValidationError, str]]
) -> OpenAPIV31SpecValidator:
    class Validator(OpenAPIV31SpecValidator):
        keyword_validators = _locating_keywords(data, found)

    return Validator(data)
