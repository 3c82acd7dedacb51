"""Sorting what openapi-spec-validator finds: an error where it would change the result, else a warning.

A document protoc-gen-connect-openapi writes can be invalid OpenAPI in small ways that carry no API
meaning: no `info.version`, `allowReserved` on a path parameter, an empty `responses`, one operationId on
several REST paths (`additional_bindings`), a dangling `$ref` under an operation the converter skips.
Such findings are warnings at their pointer (`--strict` makes them errors). A finding inside something
the converter reads (a message or enum component it converts, the bodies of a method it builds) could
change the result, so it stays an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..diagnostics import Diagnostic, Severity, pointer
from ..model import Api, Message
from .paths import connect_route

__all__ = ["read_pointers", "sort_findings"]

# Findings that cannot change the result even where the converter reads: a `required` name without a
# property marks no field, and documentation keywords do not reach the .proto.
_HARMLESS_MESSAGES = ("Required list has not defined properties",)
_HARMLESS_KEYWORDS = frozenset({"example", "examples", "default", "discriminator", "externalDocs", "xml", "$comment"})


def read_pointers(api: Api, data: Mapping[str, Any]) -> tuple[set[str], set[str]]:
    """The places of the document `data` a conversion to `api` read, as (places read with everything below
    them, places read themselves only): its message and enum components (inline objects sit inside them),
    the request body and 200 response of each method and Connect route, and the `responses` holding them."""
    found: set[str] = set()
    exact: set[str] = set()
    for path, item in _mapping(data.get("paths")).items():
        operation = _mapping(_mapping(item).get("post"))
        if operation and connect_route(str(path), str(operation.get("operationId", "")), "post") is not None:
            where = pointer("paths", path, "post")
            found.update((where + "/requestBody", where + "/responses/200"))
            exact.add(where + "/responses")

    def visit(message: Message) -> None:
        found.add(message.location)
        found.update(enum.location for enum in message.nested_enums)
        for child in message.nested_messages:
            visit(child)

    for package in api.packages:
        for message in package.messages:
            visit(message)
        found.update(enum.location for enum in package.enums)
        for service in package.services:
            for method in service.methods:
                found.update((method.location + "/requestBody", method.location + "/responses/200"))
                exact.add(method.location + "/responses")
    return found, exact


def sort_findings(
    findings: Iterable[Diagnostic],
    read: Iterable[str],
    written: Mapping[str, str] | None = None,
    exact: Iterable[str] = (),
) -> list[Diagnostic]:
    """Each finding as an error when its pointer lies in `read` (pointers the converter used), else a warning.

    `written` maps the pointers of YAML scalars that are not strings to their source text; a finding
    there quotes what the author wrote (`version: 1.10` is the number 1.1 to a YAML 1.2 reader).
    """
    prefixes = tuple(sorted(set(read)))
    itself = set(exact)
    sorted_findings: list[Diagnostic] = []
    for finding in findings:
        inside = finding.location in itself or any(
            finding.location == p or finding.location.startswith(p + "/") for p in prefixes
        )
        if (
            any(text in finding.message for text in _HARMLESS_MESSAGES)
            or set(finding.location.split("/")) & _HARMLESS_KEYWORDS
        ):
            inside = False
        severity = Severity.ERROR if inside else Severity.WARNING
        message, hint = finding.message, finding.hint
        text = (written or {}).get(finding.location)
        if text is not None:
            message = f"{message} (the YAML says `{text}`, which YAML 1.2 reads as a number, boolean or null)"
            hint = f"quote it ('{text}') if it is meant as text; {hint}" if hint else f"quote it ('{text}')"
        sorted_findings.append(Diagnostic(severity, finding.location, message, hint))
    return sorted_findings


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}
