"""The imports of a generated module, derived from what its code uses.

Nothing lists which imports a template needs: the render stage parses the module it rendered,
finds the names its code reads from module scope without defining them (`free_names`), and looks
each up among the known import sources (the import block of `helpers.py`, and the message
classes of the module). `import_sections` then writes the statements the way ruff's isort does.
"""

from __future__ import annotations

import ast
import builtins
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .source import member_sort_key, natural_key

__all__ = [
    "BUILTINS",
    "IMPORT_WIDTH",
    "Import",
    "free_names",
    "identifiers",
    "import_sections",
    "imports_of",
    "module_bindings",
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

_Scope = tuple[frozenset[str], bool]
"""The names bound in one scope, and whether it is a class body (invisible to functions inside)."""
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)


def _parameters(arguments: ast.arguments) -> Iterator[ast.arg]:
    yield from arguments.posonlyargs
    yield from arguments.args
    if arguments.vararg:
        yield arguments.vararg
    yield from arguments.kwonlyargs
    if arguments.kwarg:
        yield arguments.kwarg


def _bound(nodes: Iterable[ast.AST]) -> frozenset[str]:
    """Names bound directly in a scope made of `nodes` (not inside nested functions, classes, comprehensions)."""
    names: set[str] = set()
    pending = list(nodes)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
            continue
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        if isinstance(node, (ast.Lambda, *_COMPREHENSIONS)):
            continue
        pending.extend(ast.iter_child_nodes(node))
    return frozenset(names)


def _used_globals(node: ast.AST, scopes: tuple[_Scope, ...], used: set[str]) -> None:
    """Add to `used` the names read in `node` that no enclosing function, class or comprehension binds."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
        # Functions do not see the class bodies they are defined in; the innermost scope sees itself.
        visible = [names for index, (names, is_class) in enumerate(scopes) if not is_class or index == len(scopes) - 1]
        if not any(node.id in names for names in visible):
            used.add(node.id)
        return
    if isinstance(node, _FUNCTIONS):
        args = node.args
        outside: list[ast.AST] = [*args.defaults, *(d for d in args.kw_defaults if d is not None)]
        if not isinstance(node, ast.Lambda):
            outside += [*node.decorator_list, *(p.annotation for p in _parameters(args) if p.annotation)]
            outside += [node.returns] if node.returns else []
        for child in outside:
            _used_globals(child, scopes, used)
        body: list[ast.AST] = [node.body] if isinstance(node, ast.Lambda) else list(node.body)
        local = frozenset(p.arg for p in _parameters(args)) | _bound(body)
        for child in body:
            _used_globals(child, (*scopes, (local, False)), used)
        return
    if isinstance(node, ast.ClassDef):
        for child in [*node.decorator_list, *node.bases, *node.keywords]:
            _used_globals(child, scopes, used)
        for child in node.body:
            _used_globals(child, (*scopes, (_bound(node.body), True)), used)
        return
    if isinstance(node, _COMPREHENSIONS):
        generators = node.generators
        _used_globals(generators[0].iter, scopes, used)
        inner = (*scopes, (_bound(g.target for g in generators), False))
        rest: list[ast.AST] = [*(g.iter for g in generators[1:]), *(c for g in generators for c in g.ifs)]
        rest += [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
        for child in rest:
            _used_globals(child, inner, used)
        return
    for child in ast.iter_child_nodes(node):
        _used_globals(child, scopes, used)


def module_bindings(tree: ast.Module) -> frozenset[str]:
    """The names a module binds at module scope (definitions, assignments, imports)."""
    return _bound(tree.body)


def free_names(tree: ast.Module) -> frozenset[str]:
    """The names a module's code reads from module scope but neither defines nor imports (builtins excluded)."""
    used: set[str] = set()
    _used_globals(tree, (), used)
    return frozenset(used - module_bindings(tree) - BUILTINS)


def identifiers(tree: ast.AST) -> frozenset[str]:
    """Every variable name of `tree`: module-level and local names, parameters, classes and functions.

    Methods of classes are left out: they are attributes, which no module-level name can shadow.
    """
    names: set[str] = set()
    methods: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            names.add(node.name)
            methods.update(id(child) for child in node.body)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and id(node) not in methods:
            names.add(node.name)
        elif isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.ImportFrom):
            names.update(alias.asname or alias.name for alias in node.names)
    return frozenset(names)


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
