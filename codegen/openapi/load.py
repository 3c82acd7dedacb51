"""Stage 1: read an OpenAPI 3.1 document (JSON or YAML) and check it is valid.

The result is a `Document`: the parsed data, never modified afterwards, plus lookups that every
later stage needs (`document`). YAML is read as YAML 1.2, as OpenAPI 3.1 requires (`yaml12`).
Checking against the OpenAPI 3.1 specification is `validate`'s job; its findings (and `$ref`s that
point nowhere) travel with the document, because whether one stops the run depends on whether the
converter reads that place (`findings`), which only the conversion knows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..diagnostics import CodegenError, Diagnostic, Reporter, escape_pointer
from ..files import read_utf8
from .bounds import MAX_DEPTH, depth_problem
from .document import LOCAL_REF, Document
from .ref_cycles import ref_cycles
from .validate import report_validation_errors
from .yaml12 import parse_yaml

__all__ = ["Document", "load", "load_data"]


def load(path: Path, *, validate: bool = True) -> Document:
    """Read the OpenAPI document at `path` (JSON, or YAML 1.2) and check it.

    Raises CodegenError when the file cannot be read (missing, not UTF-8), parsed, is nested deeper than
    `bounds.MAX_DEPTH`, has YAML aliases that expand too far, is not an OpenAPI 3.1 object, or has `$ref`s
    that go round in circles (no validator can walk those). Everything else openapi-spec-validator reports
    (`validate.openapi_findings`), and `$ref`s that point nowhere, are `Document.findings`.
    `validate=False` skips the OpenAPI validation (not the checks before it): the benchmarks' floor.
    """
    text = read_utf8(path, "the document")
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            parsed = parse_yaml(text, path)
            return _checked(parsed.data, path.name, parsed.diagnostics, parsed.written, validate)
        return load_data(_parse_json(text, path), path.name, validate=validate)
    except RecursionError as exc:
        # The parsers recurse once per level; Python's stack ends near 1,000 levels.
        raise _error(
            str(path),
            f"the document is nested too deeply to read (the limit is {MAX_DEPTH} levels)",
            "flatten the schema: move nested object schemas into components and use $ref",
        ) from exc


def load_data(data: Any, source: str, *, validate: bool = True) -> Document:
    """Check already-parsed document data (what `load` does after reading the file)."""
    return _checked(data, source, (), {}, validate)


def _checked(
    data: Any, source: str, notes: tuple[Diagnostic, ...], written: Mapping[str, str], validate: bool
) -> Document:
    if not isinstance(data, Mapping):
        raise _error("#", "the document is not an object", "an OpenAPI document is a JSON/YAML object")
    reporter = Reporter()
    # Every later step walks the data recursively: refuse what would exhaust the stack first.
    too_deep = depth_problem(data)
    if too_deep is not None:
        raise CodegenError([too_deep])
    # JSON Schema cannot check keys that are not strings (only data built in memory has them now).
    _report_non_string_keys(data, "#", reporter)
    reporter.raise_if_errors()
    if not str(data.get("openapi", "")).startswith("3.1"):
        raise _error(
            "#/openapi",
            f"expected an OpenAPI 3.1 document, found openapi: {written.get('#/openapi', data.get('openapi'))!r}",
            "protoc-gen-connect-openapi writes OpenAPI 3.1; convert older documents first",
        )
    document = Document(source, data)
    findings = Reporter()
    dangling = _report_dangling_refs(document, findings)
    # Nor can any validator walk references that go round in circles; those stop the run here.
    cycles = Reporter()
    for problem in ref_cycles(data):
        cycles.add(problem)
    cycles.raise_if_errors()
    if validate:
        # The validator cannot walk references that point nowhere: it checks a copy where they are `{}`.
        report_validation_errors(_without(data, dangling) if dangling else data, findings)
    return Document(source, data, findings.errors + findings.warnings, notes, dict(written))


def _without(node: Any, dangling: set[str], location: str = "#") -> Any:
    """A copy of `node` in which the objects at the `dangling` pointers are replaced by `{}`."""
    if location in dangling:
        return {}
    if isinstance(node, Mapping):
        return {key: _without(value, dangling, f"{location}/{escape_pointer(str(key))}") for key, value in node.items()}
    if isinstance(node, list):
        return [_without(item, dangling, f"{location}/{index}") for index, item in enumerate(node)]
    return node


def _error(location: str, message: str, hint: str) -> CodegenError:
    reporter = Reporter()
    reporter.error(location, message, hint)
    return CodegenError(reporter.errors)


def _parse_json(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _error(f"{path}:{exc.lineno}:{exc.colno}", f"invalid JSON: {exc.msg}", "fix the syntax") from exc


def _report_non_string_keys(node: Any, location: str, reporter: Reporter) -> None:
    if isinstance(node, Mapping):
        for key, value in node.items():
            if not isinstance(key, str):
                reporter.error(
                    f"{location}/{escape_pointer(str(key))}",
                    f"the key {key!r} is not a string (YAML read it as {type(key).__name__})",
                    f"quote it in the YAML file ('{key}')",
                )
            _report_non_string_keys(value, f"{location}/{escape_pointer(str(key))}", reporter)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            _report_non_string_keys(item, f"{location}/{index}", reporter)


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


def _report_dangling_refs(document: Document, reporter: Reporter) -> set[str]:
    """Report every `$ref` that points nowhere (or outside the document); return the pointers of their objects."""
    dangling: set[str] = set()
    for location, ref in _walk_refs(document.data, "#"):
        if not ref.startswith(LOCAL_REF):
            dangling.add(location)
            reporter.error(
                location + "/$ref",
                f"external reference {ref!r} is not supported (the converter cannot follow it)",
                "bundle the document into one file (for example with `redocly bundle`)",
            )
            continue
        try:
            document.resolve(ref)
        except KeyError:
            dangling.add(location)
            reporter.error(
                location + "/$ref",
                f"{ref!r} points to nothing in the document",
                "add the missing component or correct the reference",
            )
    return dangling
