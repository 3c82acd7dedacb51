"""Validating JSON instances against the spec's component schemas, for the spec and parity tests.

The validator and the format checker are the generator's own (`make generate` checks every
example with them before generating), so the tests and the generator agree on what is valid; the
tests differ only in how wide a 64-bit integer may be and whether doubles must be finite.
"""

from __future__ import annotations

from codegen.openapi.examples import SPEC_URI, format_checker, spec_registry, spec_validator

__all__ = ["SCHEMA_REF", "SPEC_URI", "format_checker", "spec_registry", "spec_validator"]

SCHEMA_REF = "#/components/schemas/"
