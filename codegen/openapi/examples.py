"""Checking the document's examples against their schemas, before anything is generated.

Examples are data the generated documentation and the test suite build on; an example that no
longer matches its schema (after a field was renamed, say) is reported at its own JSON pointer
(`#/components/schemas/pkg.Msg/examples/0/oldName`) with what is wrong, instead of surfacing as
a failure far away. Checked: `examples` (and `example`) of every schema, nested ones included,
and `example` / `examples` of every media type, in JSON Schema draft 2020-12 with `$ref`s
resolved in the document and the formats protoc-gen-connect-openapi writes (int32, int64 as a
number or a decimal string, uint32, uint64, byte as base64).
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError, best_match
from referencing import Registry
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

from ..diagnostics import Reporter, escape_pointer

__all__ = ["SPEC_URI", "check_examples", "format_checker", "spec_registry", "spec_validator"]

SPEC_URI = "urn:spec:openapi"
_SCHEMA_KEYWORDS = ("items", "additionalProperties", "not", "contains", "unevaluatedProperties", "unevaluatedItems")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs")
_HTTP_VERBS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def format_checker(*, sixty_four_bit_limit: int = 2**63, finite_doubles: bool = False) -> FormatChecker:
    """A checker of int32, uint32, int64 and uint64 (a number or a decimal string; int64 below
    `sixty_four_bit_limit`), byte (base64) and, when `finite_doubles`, double."""
    formats = FormatChecker(formats=())

    def integer(value: object) -> int | None:
        if isinstance(value, str):
            return int(value) if re.fullmatch(r"-?[0-9]+", value) else None
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def ranged(name: str, low: int, high: int) -> None:
        @formats.checks(name)
        def _check(value: object) -> bool:
            if not isinstance(value, int | str) or isinstance(value, bool):
                return True
            number = integer(value)
            return number is not None and low <= number < high and (isinstance(value, int) or "64" in name)

    ranged("int32", -(2**31), 2**31)
    ranged("uint32", 0, 2**32)
    ranged("int64", -(2**63), sixty_four_bit_limit)
    ranged("uint64", 0, 2**64)

    if finite_doubles:

        @formats.checks("double")
        def _is_double(value: object) -> bool:
            return not isinstance(value, float) or math.isfinite(value)

    @formats.checks("byte", raises=binascii.Error)
    def _is_base64(value: object) -> bool:
        if isinstance(value, str):
            base64.b64decode(value, validate=True)
        return True

    return formats


def spec_registry(document: Mapping[str, Any]) -> Registry[Any]:
    """A registry holding the whole document at `SPEC_URI`, so `#/components/...` references resolve."""
    registry: Registry[Any] = Registry().with_resource(SPEC_URI, DRAFT202012.create_resource(document))
    return registry


def spec_validator(registry: Registry[Any], pointer: str, formats: FormatChecker | None) -> Draft202012Validator:
    """A validator of the schema at `pointer` (e.g. `#/components/schemas/pkg.Msg`) in the document."""
    return Draft202012Validator({"$ref": f"{SPEC_URI}{pointer}"}, registry=registry, format_checker=formats)


def check_examples(document: Mapping[str, Any], reporter: Reporter) -> int:
    """Report every example that does not match its schema, at the example's pointer; return how many
    examples were checked."""
    registry = spec_registry(document)
    formats = format_checker()
    checked = 0
    for schema_pointer, example_pointer, example in _examples(document):
        checked += 1
        try:
            error = best_match(spec_validator(registry, schema_pointer, formats).iter_errors(example))
        except (Unresolvable, SchemaError):
            # A broken `$ref` or schema is the document validator's finding, reported at its pointer.
            continue
        if error is None:
            continue
        where = example_pointer + "".join("/" + escape_pointer(str(token)) for token in error.absolute_path)
        reporter.error(
            where,
            f"the example does not match its schema: {error.message}",
            f"make the example match the schema at {schema_pointer} (or correct the schema); "
            "examples feed the generated documentation and the tests",
        )
    return checked


def _examples(document: Mapping[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(schema pointer, example pointer, example) of every example in the document."""
    components = document.get("components") or {}
    schemas = components.get("schemas") if isinstance(components, Mapping) else None
    if isinstance(schemas, Mapping):
        for name, schema in schemas.items():
            yield from _schema_examples(schema, f"#/components/schemas/{escape_pointer(str(name))}")
    paths = document.get("paths")
    if isinstance(paths, Mapping):
        for path, item in paths.items():
            if not isinstance(item, Mapping):
                continue
            for verb in _HTTP_VERBS:
                operation = item.get(verb)
                if isinstance(operation, Mapping):
                    yield from _operation_examples(operation, f"#/paths/{escape_pointer(str(path))}/{verb}")


def _schema_examples(schema: Any, pointer: str) -> Iterator[tuple[str, str, Any]]:
    if not isinstance(schema, Mapping):
        return
    examples = schema.get("examples")
    if isinstance(examples, list):
        for index, example in enumerate(examples):
            yield pointer, f"{pointer}/examples/{index}", example
    if "example" in schema:
        yield pointer, f"{pointer}/example", schema["example"]
    for key in _SCHEMA_KEYWORDS:
        yield from _schema_examples(schema.get(key), f"{pointer}/{key}")
    for key in _SCHEMA_LISTS:
        members = schema.get(key)
        if isinstance(members, list):
            for index, member in enumerate(members):
                yield from _schema_examples(member, f"{pointer}/{key}/{index}")
    for key in _SCHEMA_MAPS:
        members = schema.get(key)
        if isinstance(members, Mapping):
            for name, member in members.items():
                yield from _schema_examples(member, f"{pointer}/{key}/{escape_pointer(str(name))}")


def _operation_examples(operation: Mapping[str, Any], pointer: str) -> Iterator[tuple[str, str, Any]]:
    bodies: list[tuple[Any, str]] = [(operation.get("requestBody"), f"{pointer}/requestBody")]
    responses = operation.get("responses")
    if isinstance(responses, Mapping):
        bodies += [
            (response, f"{pointer}/responses/{escape_pointer(str(code))}") for code, response in responses.items()
        ]
    for body, where in bodies:
        content = body.get("content") if isinstance(body, Mapping) else None
        if not isinstance(content, Mapping):
            continue
        for media_name, media in content.items():
            if not isinstance(media, Mapping) or not isinstance(media.get("schema"), Mapping):
                continue
            spot = f"{where}/content/{escape_pointer(str(media_name))}"
            schema_pointer = f"{spot}/schema"
            if "example" in media:
                yield schema_pointer, f"{spot}/example", media["example"]
            named = media.get("examples")
            if isinstance(named, Mapping):
                for name, example in named.items():
                    if isinstance(example, Mapping) and "value" in example:
                        yield schema_pointer, f"{spot}/examples/{escape_pointer(str(name))}/value", example["value"]
