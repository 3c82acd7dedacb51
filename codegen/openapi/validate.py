"""Checking a parsed document against the OpenAPI 3.1 specification (openapi-spec-validator).

Every problem is reported at its JSON pointer in the document, also those the validator finds
while following a `$ref` (reported where the referenced schema is, not where the walk started).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from jsonschema_path import SchemaPath
from openapi_spec_validator import OpenAPIV31SpecValidator
from openapi_spec_validator.schemas import openapi_v31_schema_validator
from openapi_spec_validator.validation import keywords

from ..diagnostics import Diagnostic, Reporter, Severity, escape_pointer, pointer
from .document import Document

__all__ = ["report_validation_errors"]

_T = TypeVar("_T")
_VALIDATOR_STACK_BYTES = 512 * 1024 * 1024
_VALIDATOR_RECURSION_LIMIT = 200_000
_SPEC_HINT = "see the OpenAPI 3.1 specification"
_ValidationError = Any
"""jsonschema's ValidationError (jsonschema ships no type information)."""


def report_validation_errors(data: Mapping[str, Any], reporter: Reporter, *, semantic: bool = True) -> None:
    """Report everything openapi-spec-validator finds wrong with `data`, each at its JSON pointer.

    The structural pass (the document against the OpenAPI 3.1 schema) always runs; the semantic pass
    (schemas, operations, `$ref`s followed) runs when `semantic` is true, also when the structure has
    problems: a document without `info.version` still gets its operations checked.
    """
    for problem in _with_deep_stack(lambda: list(_validation_errors(data, semantic))):
        reporter.add(problem)


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


def _validation_errors(data: Mapping[str, Any], semantic: bool) -> Iterator[Diagnostic]:
    # First the document's structure against the OpenAPI 3.1 schema: those errors carry absolute paths.
    try:
        structural = list(openapi_v31_schema_validator.iter_errors(data))
    except Exception as exc:  # never a traceback for a bad document
        yield Diagnostic(Severity.ERROR, "#", f"the OpenAPI validator could not read the document: {exc}", _SPEC_HINT)
        return
    for error in structural:
        yield Diagnostic(Severity.ERROR, pointer(*error.path), f"invalid OpenAPI: {error.message}", _SPEC_HINT)
    if not semantic:
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
