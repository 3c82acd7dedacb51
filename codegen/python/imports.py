"""The imports of a generated module, derived from what its code uses.

Nothing lists which imports a template needs: the render stage parses the module it rendered,
finds the names its code reads from module scope without defining them (`usage`, from
the compiler's symbol tables), and looks
each up among the known import sources (the import block of `helpers.py`, and the message
classes of the module). `import_sections` then writes the statements the way ruff's isort does.
"""

from __future__ import annotations

import ast
import builtins
import symtable
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from .source import member_sort_key, natural_key

__all__ = [
    "BUILTINS",
    "IMPORT_WIDTH",
    "Import",
    "import_sections",
    "Usage",
    "imports_of",
    "usage",
]

IMPORT_WIDTH = 88
"""An import longer than this is split one name per line (what ruff's isort does at its default length)."""

BUILTINS = frozenset(dir(builtins))
"""Names every module can use without an import."""


@dataclass(frozen=True, slots=True)
class Import:
    """One imported name: `from module import name [as alias]`; a relative module starts with dots."""

    module: str
    name: str
    alias: str = ""

    @property
    def local_name(self) -> str:
        """The name the import binds."""
        return self.alias or self.name


def imports_of(tree: ast.Module) -> dict[str, Import]:
    """{local name: import} of a module's `from ... import ...` statements."""
    found: dict[str, Import] = {}
    for statement in tree.body:
        if isinstance(statement, ast.ImportFrom):
            module = "." * statement.level + (statement.module or "")
            for alias in statement.names:
                item = Import(module, alias.name, alias.asname or "")
                found[item.local_name] = item
    return found


# ---------------------------------------------------------------------------------------------
# What a module uses and defines


@dataclass(frozen=True, slots=True)
class Usage:
    """What the code of a module uses and defines, from the compiler's symbol tables."""

    free: frozenset[str]
    """Names read from module scope that the module neither defines nor imports (builtins excluded)."""
    identifiers: frozenset[str]
    """Every variable name: module-level and local names, parameters, classes, functions and the
    globals read. Class attributes (methods) are left out: no module-level name can shadow them."""
    members: dict[str, frozenset[str]]
    """{module-level class: the functions its body defines}."""


def _walk(table: symtable.SymbolTable, used: set[str], names: set[str]) -> None:
    for symbol in table.get_symbols():
        name = symbol.get_name()
        if symbol.is_referenced() and symbol.is_global():
            used.add(name)
        if table.get_type() != "class" or not symbol.is_assigned():
            names.add(name)
    for child in table.get_children():
        _walk(child, used, names)


def usage(source: str) -> Usage:
    """Analyse the source of a module (or of one definition).

    The source must not start with `from __future__ import annotations`, which hides the names of
    annotations from the compiler; the render stage analyses modules before adding their imports.
    """
    table = symtable.symtable(source, "<generated>", "exec")
    used: set[str] = set()
    names: set[str] = set()
    _walk(table, used, names)
    bound = {symbol.get_name() for symbol in table.get_symbols() if symbol.is_assigned() or symbol.is_imported()}
    members = {
        child.get_name(): frozenset(
            symbol.get_name() for symbol in child.get_symbols() if symbol.is_assigned() and symbol.is_namespace()
        )
        for child in table.get_children()
        if child.get_type() == "class"
    }
    return Usage(
        free=frozenset(used - bound - BUILTINS),
        identifiers=frozenset(name for name in names if not name.startswith(".")),
        members=members,
    )


# ---------------------------------------------------------------------------------------------
# Import statements


def _section(module: str) -> int:
    if module == "__future__":
        return 0
    if module.startswith("."):
        return 3
    if module.split(".")[0] in sys.stdlib_module_names:
        return 1
    return 2


def _module_sort_key(module: str) -> tuple[int, tuple[str | int, ...]]:
    dots = len(module) - len(module.lstrip("."))
    # Relative imports go from the furthest parent to the closest, as ruff orders them.
    return -dots, natural_key(module.lstrip(".").lower())


def _statement(module: str, names: list[str]) -> str:
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= IMPORT_WIDTH:
        return line
    body = "".join(f"    {name},\n" for name in names)
    return f"from {module} import (\n{body})"


def import_sections(imports: Iterable[Import]) -> tuple[str, ...]:
    """The import statements, grouped in isort sections (future, stdlib, third party, local) and sorted.

    Each returned item is one section's text; templates join them with blank lines.
    """
    by_module: dict[str, set[Import]] = {}
    for item in imports:
        by_module.setdefault(item.module, set()).add(item)
    sections: dict[int, list[str]] = {}
    for module in sorted(by_module, key=_module_sort_key):
        members = sorted(by_module[module], key=lambda item: (member_sort_key(item.name), item.alias))
        statements = sections.setdefault(_section(module), [])
        plain = [item.name for item in members if not item.alias]
        if plain:
            statements.append(_statement(module, plain))
        # ruff keeps `name as alias` imports in statements of their own, after the plain one.
        statements.extend(_statement(module, [f"{item.name} as {item.alias}"]) for item in members if item.alias)
    return tuple("\n".join(sections[key]) for key in sorted(sections))
