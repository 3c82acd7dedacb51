"""The module-level names of a generated connect module, chosen so that none shadows another.

A connect module defines names (client and server classes, `MethodInfo` constants, check
functions), imports message classes, and holds fixed code (templates and helper snippets) whose
names are whatever those happen to use. The fixed names are not listed anywhere: the render stage
first renders the module with a placeholder for every generated name (`Placeholders`), reads the
names that remain (`FixedNames`), and only then chooses the generated names around them
(`assign_names`). RPC attributes likewise avoid what the generated classes define themselves.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..diagnostics import Reporter
from ..model import Api, Enum, Message, ProtoPackage, Service
from ..naming import (
    asgi_application_class,
    check_function,
    client_class,
    json_function,
    json_table,
    method_attribute,
    method_info_constant,
    python_identifier,
    server_protocol_class,
    wsgi_application_class,
)
from .imports import Import, Usage
from .layout import PythonLayout

__all__ = [
    "FixedNames",
    "Key",
    "Placeholders",
    "TypeSpeller",
    "assign_names",
    "keyword_bindings",
    "public_name",
    "public_names",
    "service_location",
    "split_module",
    "type_owners",
]

Key = tuple[str, ...]
"""What a generated name stands for: `("client", service, "async")`, `("constant", service, method)`,
`("attribute", service, method)`, `("check", message)`, `("type", python module, top-level class)`,
`("module", python module)` (an imported module, for classes named like keywords), ..."""


class Placeholders(Mapping[Key, str]):
    """A distinct placeholder identifier for every key asked for, for a first, throw-away rendering."""

    def __init__(self) -> None:
        self.placeholders: dict[str, Key] = {}
        """{placeholder: key}"""
        self._names: dict[Key, str] = {}

    def __getitem__(self, key: Key) -> str:
        if key not in self._names:
            self._names[key] = f"__codegen_name_{len(self._names)}__"
            self.placeholders[self._names[key]] = key
        return self._names[key]

    def __iter__(self) -> Iterator[Key]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def service_location(service: Service) -> str:
    """Where to report a problem of a service: its `location`, else its first method's (hand-built models)."""
    return service.location or (service.methods[0].location if service.methods else "")


def public_names(service_name: str) -> list[Key]:
    """The keys of a service's public classes, in `__all__`'s order of discovery."""
    return [
        ("client", service_name, "async"),
        ("client", service_name, "sync"),
        ("protocol", service_name, "async"),
        ("protocol", service_name, "sync"),
        ("asgi", service_name),
        ("wsgi", service_name),
    ]


def public_name(key: Key) -> str:
    """The class name of a key of `public_names`."""
    kind, service = key[0], key[1]
    if kind == "client":
        return client_class(service, is_async=key[2] == "async")
    if kind == "protocol":
        return server_protocol_class(service, is_async=key[2] == "async")
    return asgi_application_class(service) if kind == "asgi" else wsgi_application_class(service)


@dataclass(frozen=True, slots=True)
class FixedNames:
    """The names the fixed code of one module uses, read from its placeholder rendering."""

    identifiers: frozenset[str]
    """Every variable name of the fixed code (runtime symbols, helpers, parameters, locals, builtins)."""
    members: frozenset[str]
    """What the generated clients and server protocols define besides their RPCs (`close`, ...)."""

    @classmethod
    def read(cls, draft: Usage, placeholders: Placeholders, extra: Iterable[str]) -> FixedNames:
        """Read them from the usage of a placeholder rendering, plus the `extra` identifiers (helper snippets)."""
        generated = set(placeholders.placeholders)
        members: set[str] = set()
        for name, functions in draft.members.items():
            key = placeholders.placeholders.get(name)
            if key is not None and key[0] in ("client", "protocol"):
                members.update(functions)
        return cls(
            identifiers=frozenset((draft.identifiers | set(extra)) - generated),
            members=frozenset(members - generated),
        )


class TypeSpeller:
    """Spells message and enum classes in one module through the names chosen for them."""

    def __init__(self, owners: dict[str, str], layout: PythonLayout, names: Mapping[Key, str]) -> None:
        self._owners = owners
        self._layout = layout
        self._names = names

    def key(self, full_name: str) -> tuple[Key, str]:
        """(key of the top-level class to import, the rest of the qualified name) of a type."""
        module, qualified = self._layout.python_type(full_name, self._owners.get(full_name, ""))
        top, _, rest = qualified.partition(".")
        return ("type", module, top), rest

    def __call__(self, full_name: str) -> str:
        """The expression naming the class of `full_name` in this module (`Widget`, `Outer.Inner`)."""
        key, rest = self.key(full_name)
        return f"{self._names[key]}.{rest}" if rest else self._names[key]


def _relative(module: str, own: str, root: str) -> str:
    """`acme_widgets.v1.widgets_pb2` seen from `acme_widgets.v1.x` -> `.widgets_pb2`; outside `root`: absolute."""
    if not module.startswith(root + "."):
        return module
    package = own.split(".")[:-1]
    target = module.split(".")
    common = 0
    for mine, theirs in zip(package, target, strict=False):
        if mine != theirs:
            break
        common += 1
    return "." * (len(package) - common + 1) + ".".join(target[common:])


def assign_names(
    package: ProtoPackage,
    module: str,
    layout: PythonLayout,
    speller: TypeSpeller,
    checked: list[str],
    fixed: FixedNames,
    reporter: Reporter,
    extra_types: Iterable[str] = (),
    json_functions: Sequence[str] = (),
    json_tables: Sequence[str] = (),
) -> tuple[dict[Key, str], dict[str, Import]]:
    """Choose every generated name of a connect module; return them and {local name: import} of its types.

    `speller` locates types (any names will do: only its `key` is used); `checked` are the
    messages needing a check function, sorted; `extra_types` other messages the module names
    (the items of paginated methods); `json_functions` the messages getting protobuf-JSON
    functions and `json_tables` the enums getting JSON tables (`json_codec`), sorted. A public
    class name that the fixed code uses, or that two services share, is reported at the service.
    """
    names: dict[Key, str] = {}
    taken = set(fixed.identifiers)
    for service in package.services:
        for key in public_names(service.name):
            name = public_name(key)
            if name in taken or keyword.iskeyword(name):
                reporter.error(
                    service_location(service),
                    f"the generated class name {name} is taken in {module}",
                    "rename the service",
                )
            taken.add(name)
            names[key] = name
    # Constants and check functions first: their names do not depend on imports.
    for service in package.services:
        attributes: set[str] = set()
        for method in service.methods:
            attribute = method_attribute(method.name, fixed.members | attributes)
            attributes.add(attribute)
            names[("attribute", service.name, method.name)] = attribute
            constant = method_info_constant(service.name, method.name, frozenset(taken))
            taken.add(constant)
            names[("constant", service.name, method.name)] = constant
        for method in service.methods:
            # `iter_<attribute>` of a paginated method; not every method uses its pager name.
            pager = method_attribute(f"Iter{method.name}", fixed.members | attributes)
            attributes.add(pager)
            names[("pager", service.name, method.name)] = pager
    for full_name in checked:
        key, rest = speller.key(full_name)
        qualified = f"{key[2]}.{rest}" if rest else key[2]
        names[("check", full_name)] = check_function(qualified, frozenset(taken))
        taken.add(names[("check", full_name)])
    for full_name in json_functions:
        key, rest = speller.key(full_name)
        qualified = f"{key[2]}.{rest}" if rest else key[2]
        for verb in ("encode", "decode"):
            names[(f"json_{verb}", full_name)] = json_function(qualified, verb, frozenset(taken))
            taken.add(names[(f"json_{verb}", full_name)])
    for full_name in json_tables:
        key, rest = speller.key(full_name)
        qualified = f"{key[2]}.{rest}" if rest else key[2]
        for kind in ("names", "numbers"):
            names[(f"json_{kind}", full_name)] = json_table(qualified, kind, frozenset(taken))
            taken.add(names[(f"json_{kind}", full_name)])
    # Types of this module's own package first, then by module: the first comer keeps its name.
    used = [
        ref.full_name
        for service in package.services
        for method in service.methods
        for ref in (method.input, method.output)
    ]
    wanted = dict.fromkeys(speller.key(full_name)[0] for full_name in [*used, *checked, *extra_types, *json_functions])
    own = module.rsplit(".", 1)[0] + "."
    imports: dict[str, Import] = {}
    for key in sorted(wanted, key=lambda key: (not key[1].startswith(own), key)):
        local = python_identifier(key[2], frozenset(taken))
        taken.add(local)
        names[key] = local
        source = _relative(key[1], module, layout.root_package)
        if not keyword.iskeyword(key[2]):
            imports[local] = Import(source, key[2], "" if local == key[2] else local)
        elif ("module", key[1]) not in names:
            # `from m import None` does not parse: import the module; the view binds the class with getattr.
            parent, name = split_module(source)
            alias = python_identifier("_" + name, frozenset(taken))
            taken.add(alias)
            names[("module", key[1])] = alias
            imports[alias] = Import(parent, name, alias)
    return names, imports


def split_module(module: str) -> tuple[str, str]:
    """`..common.v1.common_pb2` -> (`..common.v1`, `common_pb2`); `.ci_pb2` -> (`.`, `ci_pb2`)."""
    dots = len(module) - len(module.lstrip("."))
    parent, _, name = module[dots:].rpartition(".")
    return "." * dots + parent, name


def keyword_bindings(names: Mapping[Key, str]) -> list[tuple[str, str, str]]:
    """(local name, module alias, class name) of each imported class named like a Python keyword (`None`).

    protobuf defines such a class (its module sets it with `globals()`), but only `getattr` reaches it.
    """
    found = [key for key in list(names) if key[0] == "type" and keyword.iskeyword(key[2])]
    return sorted((names[key], names[("module", key[1])], key[2]) for key in found)


def type_owners(api: Api) -> dict[str, str]:
    """{message or enum full name: proto package}, nested types included."""
    owners: dict[str, str] = {}

    def walk(package: str, messages: tuple[Message, ...], enums: tuple[Enum, ...]) -> None:
        for enum in enums:
            owners[enum.full_name] = package
        for message in messages:
            owners[message.full_name] = package
            walk(package, message.nested_messages, message.nested_enums)

    for package in api.packages:
        walk(package.name, package.messages, package.enums)
    return owners
