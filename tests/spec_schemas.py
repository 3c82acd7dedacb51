"""Validating JSON instances against the spec's component schemas: draft 2020-12, `$ref`s resolved
through a `referencing` registry holding the whole document, and the formats the spec uses checked.

Shared by the spec tests (are the examples valid?) and the parity tests (is what protobuf prints
valid?); they differ only in how wide a 64-bit integer may be and whether doubles must be finite.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections.abc import Mapping
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

__all__ = ["SCHEMA_REF", "SPEC_URI", "format_checker", "spec_registry", "spec_validator"]

SPEC_URI = "urn:spec:openapi"
SCHEMA_REF = "#/components/schemas/"


def format_checker(*, sixty_four_bit_limit: int, finite_doubles: bool) -> FormatChecker:
    """A checker of int32, int64 (as a number or a decimal string, below `sixty_four_bit_limit`),
    byte (base64) and, when `finite_doubles`, double."""
    formats = FormatChecker(formats=())

    @formats.checks("int32")
    def _is_int32(value: object) -> bool:
        return not isinstance(value, int) or -(2**31) <= value < 2**31

    @formats.checks("int64")
    def _is_int64(value: object) -> bool:
        if isinstance(value, str):
            if not re.fullmatch(r"-?[0-9]+", value):
                return False
            value = int(value)
        return not isinstance(value, int) or -(2**63) <= value < sixty_four_bit_limit

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


def spec_registry(spec: Mapping[str, Any]) -> Registry[Any]:
    """A registry holding the whole spec at `SPEC_URI`, so `#/components/...` references resolve."""
    registry: Registry[Any] = Registry().with_resource(SPEC_URI, DRAFT202012.create_resource(spec))
    return registry


def spec_validator(registry: Registry[Any], pointer: str, formats: FormatChecker | None) -> Draft202012Validator:
    """A validator of the schema at `pointer` (e.g. `#/components/schemas/pkg.Msg`) in the spec."""
    return Draft202012Validator({"$ref": f"{SPEC_URI}{pointer}"}, registry=registry, format_checker=formats)
