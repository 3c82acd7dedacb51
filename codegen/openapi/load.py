"""Stage 1: read an OpenAPI 3.1 document (JSON or YAML) and check it is valid.

The result is a `Document`: the parsed data, never modified afterwards, plus lookups that every
later stage needs (`document`). Checking against the OpenAPI 3.1 specification is `validate`'s job.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from ..diagnostics import CodegenError, Reporter, escape_pointer
from ..files import read_utf8
from .bounds import MAX_DEPTH, depth_problem, yaml_alias_problem
from .document import LOCAL_REF, Document
from .ref_cycles import ref_cycles
from .validate import report_validation_errors

__all__ = ["Document", "load", "load_data"]


def load(path: Path, *, validate: bool = True) -> Document:
    """Read and validate the OpenAPI document at `path`.

    Raises CodegenError listing every problem: unreadable, not UTF-8 or unparsable file, nesting
    deeper than `bounds.MAX_DEPTH`, YAML aliases that expand too far, `$ref`s that point nowhere or
    go round in circles, and everything openapi-spec-validator reports, each with its JSON pointer.
    `validate=False` skips the OpenAPI validation (not the checks before it).
    """
    return load_data(_parse(read_utf8(path, "the document"), path), path.name, validate=validate)


def load_data(data: Any, source: str, *, validate: bool = True) -> Document:
    """Validate already-parsed document data (what `load` does after reading the file)."""
    if not isinstance(data, Mapping):
        raise _error("#", "the document is not an object", "an OpenAPI document is a JSON/YAML object")
    reporter = Reporter()
    # Every later step walks the data recursively: refuse what would exhaust the stack first.
    too_deep = depth_problem(data)
    if too_deep is not None:
        raise CodegenError([too_deep])
    # YAML reads `200:` as a number and `on:` as a boolean; JSON Schema cannot check such keys.
    _report_non_string_keys(data, "#", reporter)
    reporter.raise_if_errors()
    document = Document(source, data)
    # The validator cannot walk a document whose references point nowhere; report those first.
    _report_dangling_refs(document, reporter)
    reporter.raise_if_errors()
    # Nor one whose references go round in circles.
    for problem in ref_cycles(data):
        reporter.add(problem)
    reporter.raise_if_errors()
    if not validate:
        return document
    report_validation_errors(data, reporter)
    reporter.raise_if_errors()
    return document


def _error(location: str, message: str, hint: str) -> CodegenError:
    reporter = Reporter()
    reporter.error(location, message, hint)
    return CodegenError(reporter.errors)


def _parse(text: str, path: Path) -> Any:
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            return _parse_yaml(text, path)
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise _error(f"{path}:{exc.lineno}:{exc.colno}", f"invalid JSON: {exc.msg}", "fix the syntax") from exc
    except RecursionError as exc:
        # The parsers recurse once per level; Python's stack ends near 1,000 levels.
        raise _error(
            str(path),
            f"the document is nested too deeply to read (the limit is {MAX_DEPTH} levels)",
            "flatten the schema: move nested object schemas into components and use $ref",
        ) from exc


def _parse_yaml(text: str, path: Path) -> Any:
    """Compose the YAML node graph, refuse alias bombs and recursive aliases, then build the data."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        problem = yaml_alias_problem(node)
        if problem is not None:
            raise CodegenError([problem])
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
        raise _error(where, f"invalid YAML: {getattr(exc, 'problem', exc)}", "fix the syntax") from exc
    finally:
        loader.dispose()


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


def _report_dangling_refs(document: Document, reporter: Reporter) -> None:
    for location, ref in _walk_refs(document.data, "#"):
        if not ref.startswith(LOCAL_REF):
            reporter.error(
                location + "/$ref",
                f"external reference {ref!r} is not supported",
                "bundle the document into one file (for example with `redocly bundle`)",
            )
            continue
        try:
            document.resolve(ref)
        except KeyError:
            reporter.error(
                location + "/$ref",
                f"{ref!r} points to nothing in the document",
                "add the missing component or correct the reference",
            )
