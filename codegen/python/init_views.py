"""The views of the package `__init__.py` files: what each level of the Python package re-exports."""

from __future__ import annotations

import keyword
from collections.abc import Iterable
from dataclasses import dataclass

from ..diagnostics import Reporter
from ..model import Api, Enum, Message, ProtoPackage
from ..naming import python_identifier
from . import docstrings
from .imports import Import
from .layout import PythonLayout
from .snippets import PUBLIC_HELPERS
from .source import Doc, member_sort_key
from .symbols import public_name, public_names, service_location, split_module
from .views import RUNTIME_EXPORTS, Binding, header

__all__ = ["InitView", "init_modules"]


@dataclass(frozen=True, slots=True)
class InitView:
    """A package `__init__.py`."""

    header: str
    doc: Doc
    imports: tuple[Import, ...]
    exports: tuple[str, ...]
    version: str = ""
    """`__version__`, or "" for none."""
    bindings: tuple[Binding, ...] = ()
    """Classes named like Python keywords (`None`), bound with getattr under legal names (`None_`)."""

def _package_levels(api: Api, layout: PythonLayout) -> dict[str, list[str]]:
    """{Python package: proto packages mapped to it}, for every level from the root down."""
    levels: dict[str, list[str]] = {layout.root_package: []}
    for package in api.packages:
        parts = layout.module_of(package.name).split(".")
        for end in range(len(layout.root_package.split(".")), len(parts) + 1):
            levels.setdefault(".".join(parts[:end]), [])
        levels[layout.module_of(package.name)].append(package.name)
    return levels


def _children(levels: Iterable[str], parent: str) -> list[str]:
    depth = parent.count(".") + 1
    return sorted({name.split(".")[depth] for name in levels if name.startswith(parent + ".")}, key=member_sort_key)


def init_modules(api: Api, layout: PythonLayout, reporter: Reporter, version: str = "") -> dict[str, InitView]:
    """{path: view} of the `__init__.py` of every package level; names exported twice are reported.

    The root package also gets `__version__` (when `version` is set) and the runtime's error types.
    """
    levels = _package_levels(api, layout)
    packages = {package.name: package for package in api.packages}
    return {
        layout.package_init(level): _init(
            api,
            layout,
            level,
            [packages[name] for name in levels[level]],
            _children(levels, level),
            reporter,
            version if level == layout.root_package else None,
        )
        for level in sorted(levels)
    }


def _init(
    api: Api,
    layout: PythonLayout,
    level: str,
    packages: list[ProtoPackage],
    children: list[str],
    reporter: Reporter,
    version: str | None,
) -> InitView:
    """The `__init__.py` of one level: its subpackages, and the names of the proto packages mapped to it.

    `version` is None below the root.
    """
    imports = [Import(".", child) for child in children]
    exported: dict[str, str] = {child: f"the subpackage {child}" for child in children}
    # A re-exported name equal to a module's would hide that module on the package.
    modules = {layout.pb2_module(package.name) for package in packages}
    modules.update(layout.connect_module(package.name) for package in packages if package.services)
    reserved = {module.rsplit(".", 1)[1]: f"the module {module}" for module in modules}
    bindings: list[Binding] = []

    def export(name: str, location: str, what: str) -> None:
        if name in exported or name in reserved:
            reporter.error(
                location,
                f"{name} is exported twice from one Python package, {level} (also by "
                f"{exported.get(name) or reserved[name]})",
                "rename the message, enum or service",
            )
        exported[name] = f"{what} at {location}" if location else what

    for package in packages:
        if package.services:
            module = "." + layout.connect_module(package.name).rsplit(".", 1)[1]
            for service in package.services:
                for key in public_names(service.name):
                    public = public_name(key)
                    imports.append(Import(module, public))
                    export(public, service_location(service), f"the service {service.full_name}")
        pb2 = "." + layout.pb2_module(package.name).rsplit(".", 1)[1]
        types: list[Message | Enum] = [*package.messages, *package.enums]
        for item in types:
            if keyword.iskeyword(item.name):
                # Reached with getattr and exported under a legal name (`None_`).
                parent, module = split_module(pb2)
                imports.append(Import(parent, module, "_" + module))
                local = python_identifier(item.name, frozenset(exported) | frozenset(reserved))
                bindings.append(Binding(local, "_" + module, item.name))
                export(local, item.location, f"the type {item.full_name}")
            else:
                imports.append(Import(pb2, item.name))
                export(item.name, item.location, f"the type {item.full_name}")
    for package in packages:
        if package.services:
            # The clients' runtime names, unless a message or another package took the name first.
            module = "." + layout.connect_module(package.name).rsplit(".", 1)[1]
            for name in RUNTIME_EXPORTS:
                if name not in exported:
                    imports.append(Import(module, name))
                    exported[name] = "the clients' runtime"
    served = [package for package in packages if any(service.methods for service in package.services)]
    if len(served) == 1:
        # A connect module with methods has the public server helpers; with several such modules at
        # one level each keeps its own (they are not interchangeable), reached through the module.
        module = "." + layout.connect_module(served[0].name).rsplit(".", 1)[1]
        for name in PUBLIC_HELPERS:
            if name not in exported:
                imports.append(Import(module, name))
                exported[name] = "the server helpers"
    if version is not None:
        for name, module in (("Code", "connectrpc.code"), ("ConnectError", "connectrpc.errors")):
            if name not in exported:
                imports.append(Import(module, name))
                exported[name] = "the Connect runtime"
        if version:
            exported["__version__"] = "the project's version"
    return InitView(
        header=header(api),
        doc=docstrings.package_init(api, packages, children),
        imports=tuple(imports),
        exports=tuple(sorted(exported, key=member_sort_key)),
        version=version or "",
        bindings=tuple(sorted(bindings, key=lambda binding: binding.local)),
    )
