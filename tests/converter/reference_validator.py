"""The reference: openapi-spec-validator 0.9 itself, located as codegen/openapi/validate.py did before it was made fast.

This is the code codegen/openapi/validate.py replaced (pure-Python jsonschema for the structure, then
openapi-spec-validator's semantic checks with every error put back at its place in the document).
It is slow (superlinear) but it is what "the same findings" means; test_validator_parity.py
runs both on every bad document.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from jsonschema.validators import validator_for
from jsonschema_path import SchemaPath
from openapi_spec_validator import OpenAPIV31SpecValidator
from openapi_spec_validator.schemas import schema_v31
from openapi_spec_validator.validation import keywords

from codegen.diagnostics import escape_pointer, pointer
from codegen.openapi.document import Document
from codegen.openapi.validate import Finding

__all__ = ["reference_findings", "reference_run"]

_ValidationError = Any


def reference_findings(data: Mapping[str, Any]) -> list[Finding]:
    """openapi-spec-validator's findings for an OpenAPI 3.1 document, with real JSON pointers."""
    return reference_run(data)[0]


def reference_run(data: Mapping[str, Any]) -> tuple[list[Finding], bool]:
    """(the findings, whether the semantic checks walked the whole document).

    The semantic checks run also when the structure has problems (as codegen/openapi/validate.py
    does); on some broken structures openapi-spec-validator raises: then the findings are what it
    found before, and the flag is false. On a structurally valid document whatever it raises propagates.
    """
    # Pure-Python jsonschema, as before jsonschema-rs was installed (openapi-spec-validator's
    # "auto" backend would now pick jsonschema-rs and word the messages differently).
    schema = dict(schema_v31)
    structural = list(validator_for(schema)(schema).iter_errors(data))
    findings = [Finding(pointer(*error.path), error.message) for error in structural]
    found: dict[int, tuple[_ValidationError, str]] = {}
    errors: list[_ValidationError] = []
    validator = _locating_validator(data, found)
    complete = True
    try:
        for error in validator.root_validator(validator.schema_path):
            errors.append(error)
    except Exception:
        if not structural:
            raise
        complete = False
    for error in errors:
        base = found[id(error)][1] if id(error) in found else "#"
        where = base + "".join("/" + escape_pointer(str(token)) for token in error.path)
        findings.append(Finding(where, error.message))
    return findings, complete


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
