"""The OpenAPI 3.1 schemas openapi-spec-validator checks against, compiled once for jsonschema-rs.

The schemas are read from the installed openapi-spec-validator and openapi-schema-validator
packages (their data files, without importing them), so codegen checks against exactly what they
check against. `Finding` is what every check reports.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..diagnostics import escape_pointer

__all__ = ["OAS31_DIALECT", "Finding", "pointer_of", "python_structural_findings", "rs_validators"]

OAS31_DIALECT = "https://spec.openapis.org/oas/3.1/dialect/base"


@dataclass(frozen=True, slots=True)
class Finding:
    """One validation problem: where (a JSON pointer such as `#/paths/~1a/post`) and what."""

    pointer: str
    message: str


def pointer_of(tokens: Any) -> str:
    """The JSON pointer of a jsonschema error path (keys and indexes)."""
    return "#" + "".join("/" + escape_pointer(str(token)) for token in tokens)


def _package_file(package: str, relative: str) -> Path:
    """A data file of an installed package, found without importing the package (its import is slow)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"the package {package} is not installed; run `make check` to install it")
    return Path(spec.origin).parent / relative


@cache
def _schemas() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(the OpenAPI 3.1 document schema, the OAS 3.1 dialect meta-schema, the OAS base vocabulary)."""

    def read(package: str, relative: str) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(_package_file(package, relative).read_text(encoding="utf-8"))
        return loaded

    return (
        read("openapi_spec_validator", "resources/schemas/v3.1/schema.json"),
        read("openapi_schema_validator", "schemas/oas3.1/metaschema.json"),
        read("openapi_schema_validator", "schemas/oas3.1/vocabularies/base"),
    )


@cache
def rs_validators() -> tuple[Any, Any]:
    """jsonschema-rs validators: (document structure, schema against the OAS 3.1 dialect)."""
    import jsonschema_rs

    document, dialect, vocabulary = _schemas()
    registry = jsonschema_rs.Registry([(dialect["$id"], dialect), (vocabulary["$id"], vocabulary)])
    # Formats are annotations in 2020-12; openapi-spec-validator asserts only `regex` on schemas,
    # which _patterns_compile checks with Python's `re`, as it does.
    return (
        jsonschema_rs.validator_for(document, validate_formats=False, registry=registry),
        jsonschema_rs.validator_for(dialect, validate_formats=False, registry=registry),
    )


def python_structural_findings(data: Mapping[str, Any]) -> list[Finding]:
    """The structural errors as jsonschema (Python) words them; run only for an invalid document."""
    from jsonschema.validators import validator_for

    schema = _schemas()[0]
    validator = validator_for(schema)(schema)
    return [Finding(pointer_of(error.path), error.message) for error in validator.iter_errors(data)]
