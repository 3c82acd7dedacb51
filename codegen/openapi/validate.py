"""Checking a parsed document against the OpenAPI 3.1 specification, in time linear in the document.

`openapi_findings(data)` reports what openapi-spec-validator 0.9 reports for an OpenAPI 3.1
document (the same messages, at the same JSON pointers), without its cost: it checks every schema
against the OpenAPI 3.1 dialect in pure Python and dedupes its visits through lists, which made a
10,000-component document take minutes. Here:

- jsonschema-rs decides (is the document, is this schema, valid?) against the very schemas
  openapi-spec-validator uses (`oas`), compiled once;
- the semantic checks (schemas reached from components, responses and parameters; duplicate
  operation ids, parameters and tags; path parameters; `allOf` required lists; defaults) walk
  the document once (`semantic`), in openapi-spec-validator's order;
- only where something is wrong do the Python validators word it, for that one place.

Four places get a precise pointer where openapi-spec-validator reported `#`, the operation or the
schema: a duplicate parameter (at the parameter), a duplicate tag (at its name), a path template
that cannot be parsed (at the path; it raised ValueError) and an invalid `default` (under
`/default`). tests/converter/test_validator_parity.py runs both validators on every bad-document
fixture and holds them to exactly this.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ..diagnostics import Reporter
from .oas import Finding, python_structural_findings, rs_validators
from .semantic import SemanticChecks

__all__ = ["Finding", "openapi_findings", "report_validation_errors"]

_T = TypeVar("_T")
_STACK_BYTES = 512 * 1024 * 1024
_RECURSION_LIMIT = 200_000
_SPEC_HINT = "see the OpenAPI 3.1 specification"
_UNWALKABLE = (
    "the semantic checks could not walk the rest of the document: its structure is invalid"
    " (see the findings before this one)"
)


def openapi_findings(data: Mapping[str, Any], *, semantic: bool = True) -> list[Finding]:
    """Validate an OpenAPI 3.1 document (parsed; every `$ref` local, resolvable, and not in a cycle).

    Returns the findings in document order: the structural ones (the document against the OpenAPI
    3.1 schema), then, when `semantic` is true, the semantic ones, also when the structure has
    problems (a document without `info.version` still gets its operations checked). An empty list
    means valid. A semantic check that cannot walk a malformed structure ends the semantic pass with
    a finding at `#` (openapi-spec-validator raises there).
    """
    findings = [] if rs_validators()[0].is_valid(data) else python_structural_findings(data)
    if not semantic:
        return findings
    try:
        # One by one: what was found before a check met a structure it cannot walk is kept.
        for finding in SemanticChecks(data).run():
            findings.append(finding)
    except Exception:  # the checks assume the structure; `findings` already says what is wrong with it
        findings.append(Finding("#", _UNWALKABLE))
    return findings


def report_validation_errors(data: Mapping[str, Any], reporter: Reporter, *, semantic: bool = True) -> None:
    """Report every finding of `openapi_findings(data, semantic=semantic)` as an error at its JSON pointer.

    `findings.sort_findings` later decides which of them stop the run (where the converter reads) and
    which are warnings. Never raises for a bad document: a validator that cannot read it is an error at `#`.
    """
    try:
        findings = _with_deep_stack(lambda: openapi_findings(data, semantic=semantic))
    except Exception as exc:  # never a traceback for a bad document
        reporter.error("#", f"the OpenAPI validator could not read the document: {exc}", _SPEC_HINT)
        return
    for finding in findings:
        reporter.error(finding.pointer, f"invalid OpenAPI: {finding.message}", _SPEC_HINT)


def _with_deep_stack(run: Callable[[], _T]) -> _T:
    """Run `run` in a thread with room for deep recursion, and return its result.

    The walk here is iterative, but jsonschema-rs (native stack) and the Python validators that
    word a problem recurse once per level of a deeply nested schema.
    """
    outcome: list[_T] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            outcome.append(run())
        except BaseException as exc:  # handed to the calling thread below
            failure.append(exc)

    previous_stack = threading.stack_size(_STACK_BYTES)
    previous_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous_limit, _RECURSION_LIMIT))
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
