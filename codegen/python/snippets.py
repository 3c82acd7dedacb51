"""The pieces of the helper modules (`helpers.py`, the clients' two, `json_runtime.py`) that the
render stage copies into generated modules, by name.

`helpers.py` is read as source, never imported: each top-level definition (function, class or
assignment) becomes a `Snippet` with its exact text, the section it sits in (`# == <section>:`
lines), and the module-level names it uses. `HelperCode.needed` picks the snippets a rendered
module uses and, transitively, those they use, in the order of the file.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .imports import Import, imports_of, usage

__all__ = ["HELPERS", "PUBLIC_HELPERS", "HelperCode", "Snippet", "helper_code"]

HELPERS = tuple(
    Path(__file__).resolve().parent / name
    for name in (
        "helpers.py",
        "client_config.py",
        "client_calls.py",
        "server_calls.py",
        "json_runtime.py",
        "check_helpers.py",
    )
)
"""The helper modules shipped with the generator, in the order their snippets are placed."""

PUBLIC_HELPERS = ("call_cancelled",)
"""Helper definitions that are API of a generated module: in its `__all__` when it has them, and
re-exported by its package (a module that has any method has them)."""

_SECTION = re.compile(r"# == (\w+):")


@dataclass(frozen=True, slots=True)
class Snippet:
    """One top-level definition of the helper module."""

    name: str
    section: str
    """The `# == <section>:` it sits in; the templates place `head` snippets after `__all__`."""
    source: str
    """Its text, without a trailing newline."""
    uses: frozenset[str]
    """Module-level names it reads: other snippets, imported symbols."""
    identifiers: frozenset[str]
    """Every variable name in it, which message classes must not shadow."""


@dataclass(frozen=True, slots=True)
class HelperCode:
    """The helper module, taken apart."""

    snippets: dict[str, Snippet]
    """By name, in the order of the file."""
    imports: dict[str, Import]
    """{local name: import}: every symbol generated code may import, and where it comes from."""

    def needed(self, names: Iterable[str]) -> tuple[Snippet, ...]:
        """The snippets among `names`, plus every snippet they use, in file order."""
        wanted: set[str] = set()
        pending = [name for name in names if name in self.snippets]
        while pending:
            name = pending.pop()
            if name not in wanted:
                wanted.add(name)
                pending.extend(used for used in self.snippets[name].uses if used in self.snippets)
        return tuple(snippet for name, snippet in self.snippets.items() if name in wanted)


def _defined_name(statement: ast.stmt, path: Path) -> str:
    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return statement.name
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target = statement.targets[0]
        if isinstance(target, ast.Name):
            return target.id
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return statement.target.id
    msg = f"{path}:{statement.lineno}: a helper module holds only imports and named definitions"
    raise ValueError(msg)


@functools.cache
def helper_code(paths: Path | tuple[Path, ...] = HELPERS) -> HelperCode:
    """Read and take apart the helper modules (`HELPERS` by default), in order.

    Raises ValueError when one holds a top-level statement that defines no single name, or when
    two define the same name or import one name from two places. Imports between the helper
    modules themselves (relative imports, there for type checking) are not part of the catalogue.
    """
    snippets: dict[str, Snippet] = {}
    imports: dict[str, Import] = {}
    for path in (paths,) if isinstance(paths, Path) else paths:
        for name, snippet in _snippets(path).items():
            if name in snippets:
                msg = f"{path}: {name} is defined by another helper module too"
                raise ValueError(msg)
            snippets[name] = snippet
        for name, item in imports_of(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))).items():
            if item.module.startswith("."):
                continue
            if imports.get(name, item) != item:
                msg = f"{path}: {name} is imported from {item.module}, elsewhere from {imports[name].module}"
                raise ValueError(msg)
            imports[name] = item
    return HelperCode(snippets=snippets, imports=imports)


def _snippets(path: Path) -> dict[str, Snippet]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    tree = ast.parse(text, filename=str(path))
    sections = {index + 1: match[1] for index, line in enumerate(lines) if (match := _SECTION.match(line))}
    snippets: dict[str, Snippet] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Import | ast.ImportFrom):
            continue
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # the module docstring
        name = _defined_name(statement, path)
        first = min([statement.lineno, *(d.lineno for d in getattr(statement, "decorator_list", []))])
        end = statement.end_lineno or statement.lineno
        section = next((sections[line] for line in sorted(sections, reverse=True) if line < first), "")
        source = "\n".join(lines[first - 1 : end])
        used = usage(source)
        snippets[name] = Snippet(
            name=name, section=section, source=source, uses=used.free, identifiers=used.identifiers
        )
    return snippets
