"""Stage 5: render the Python package around the protobuf modules.

`render(api, layout)` returns {path relative to the output root: text} for every file of the
package except the `_pb2` modules (the compile stage writes those): per proto package with
services a `<stem>_connect.py` with async and sync clients, server protocols and ASGI/WSGI
applications; an `__init__.py` at every package level; and `py.typed`.

A connect module is rendered twice. The first rendering (the draft) has a placeholder for every
generated name; its symbol tables tell which names the fixed code (templates and helper snippets)
uses, which helpers it calls, and which symbols it needs imported. The generated names are then chosen around
the fixed ones (`symbols.assign_names`), and the second rendering is the module. No list of what
the templates use is kept by hand; a name that nothing defines or imports is an error here.

It is pure: no file system access besides reading the templates and `helpers.py`, no clock, no
environment, so the same model always gives byte-identical output.
"""

from __future__ import annotations

import functools
import keyword
from collections.abc import Mapping
from pathlib import Path

import jinja2

from ..config import ClientSettings
from ..diagnostics import Reporter
from ..model import Api, Message, MessageRef, ProtoPackage
from ..naming import method_attribute
from . import views
from .checks import api_messages, checked_messages, reachable_messages
from .conventions import page_items
from .imports import Import, import_sections, usage
from .init_views import init_modules
from .json_codec import api_enums, json_enums, json_messages
from .layout import PythonLayout
from .rules import check_constraints
from .snippets import HelperCode, helper_code
from .source import docstring_filter, py_list, py_str
from .stubs import describe_stubs
from .symbols import FixedNames, Placeholders, TypeSpeller, assign_names, type_owners

__all__ = ["TEMPLATES", "render"]

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
"""The templates shipped with the generator."""

_FUTURE = Import("__future__", "annotations")
"""Every generated module postpones evaluating its annotations."""


def _no_docstring(doc: object, indent: int) -> str:
    return '""" """'


@functools.cache
def _environment(templates: Path, draft: bool = False) -> jinja2.Environment:
    """The Jinja environment of `templates`; a draft one writes every docstring empty (they hold no names)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        auto_reload=False,
    )
    environment.filters.update(
        py_str=py_str,
        py_list=py_list,
        docstring=_no_docstring if draft else docstring_filter,
        import_sections=import_sections,
    )
    return environment


def render(
    api: Api,
    layout: PythonLayout,
    templates: Path | None = None,
    settings: ClientSettings | None = None,
    version: str = "",
    stubs: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Render the package's Python files (not the `_pb2` modules), sorted by path.

    `settings` say what the clients' `from_env` reads (none: no `from_env`); `version` becomes the
    root package's `__version__`. `stubs` are protoc's `.pyi` files by path: each comes back with
    the document's descriptions added (`stubs.describe_stubs`).

    Raises CodegenError when generated names would clash (e.g. a message named like a client
    class), each problem located by a JSON pointer into the document, or when the templates use
    a name that neither they, `helpers.py` nor its imports define (located at the template).
    """
    environment = _environment(templates or TEMPLATES)
    drafts = _environment(templates or TEMPLATES, draft=True)
    reporter = Reporter()
    messages = api_messages(api)
    owners = type_owners(api)
    files: dict[str, str] = {}
    connect = environment.get_template("connect.py.jinja")
    draft = drafts.get_template("connect.py.jinja")
    for package in api.packages:
        if package.services:
            module = layout.connect_module(package.name)
            files[layout.file_path(module)] = _connect_module(
                (draft, connect), api, layout, package, module, messages, owners, reporter, settings
            )
    init = environment.get_template("package_init.py.jinja")
    for path, view in init_modules(api, layout, reporter, version).items():
        files[path] = init.render(init=view)
    files[layout.root_package.replace(".", "/") + "/py.typed"] = ""
    terms = _python_terms(api)
    for package in api.packages:
        path = layout.file_path(layout.pb2_module(package.name)) + "i"
        if stubs and path in stubs:
            files[path] = describe_stubs(stubs[path], package, terms)
    reporter.raise_if_errors()
    return dict(sorted(files.items()))


def _connect_module(
    templates: tuple[jinja2.Template, jinja2.Template],
    api: Api,
    layout: PythonLayout,
    package: ProtoPackage,
    module: str,
    messages: dict[str, Message],
    owners: dict[str, str],
    reporter: Reporter,
    settings: ClientSettings | None,
) -> str:
    helpers = helper_code()
    roots = [method.input.full_name for service in package.services for method in service.methods]
    before = len(reporter.errors)
    check_constraints(api, messages, reachable_messages(messages, roots), reporter)
    if len(reporter.errors) > before:
        return ""
    checked = sorted(checked_messages(messages, roots, api))
    items = [page_items(method, messages) for service in package.services for method in service.methods]
    item_types = sorted({item.type.full_name for item in items if item and isinstance(item.type, MessageRef)})
    enums = api_enums(api)
    outputs = [method.output.full_name for service in package.services for method in service.methods]
    json_wanted = json_messages(messages, enums, roots + outputs)
    json = (enums, json_wanted)

    # The draft: every generated name a placeholder; no imports, no helpers, empty docstrings.
    placeholders = Placeholders()
    draft_types = TypeSpeller(owners, layout, placeholders)
    if _nested_keywords(package, checked, messages, draft_types, reporter):
        return ""
    draft = views.connect_module(
        api, package, placeholders, draft_types, messages, checked, settings=settings, json=json
    )
    analysed = usage(templates[0].render(module=draft))
    # What the module exports of the fixed code counts as used even where no client needs it.
    used = analysed.free | (set(views.RUNTIME_EXPORTS) if package.services else set())
    snippets = helpers.needed(used)
    fixed = FixedNames.read(analysed, placeholders, (name for s in snippets for name in s.identifiers))

    clashes = len(reporter.errors)
    json_tables = json_enums(messages, enums, json_wanted)
    names, type_imports = assign_names(
        package, module, layout, draft_types, checked, fixed, reporter, item_types, json_wanted, json_tables
    )
    if len(reporter.errors) > clashes:
        return ""
    # What the module uses: the draft's free names (with placeholders of types standing for
    # their final names) and what its helper snippets use.
    needed = {names[placeholders.placeholders[name]] if name in placeholders.placeholders else name for name in used}
    needed.update(name for snippet in snippets for name in snippet.uses)
    needed.difference_update(helpers.snippets)
    imports = _imports(needed, helpers, type_imports, templates[1], reporter)
    speller = TypeSpeller(owners, layout, names)
    view = views.connect_module(api, package, names, speller, messages, checked, imports, snippets, settings, json=json)
    return templates[1].render(module=view)


def _python_terms(api: Api) -> dict[str, str]:
    """{JSON field name or RPC name: Python name} of the whole API, for prose outside a client."""
    messages = api_messages(api)
    terms = {f.json_name: f.name for m in messages.values() for f in m.fields if f.json_name != f.name}
    for package in api.packages:
        for service in package.services:
            for method in service.methods:
                terms[method.name] = terms[f"{service.name}.{method.name}"] = method_attribute(method.name)
    return terms


def _nested_keywords(
    package: ProtoPackage, checked: list[str], messages: dict[str, Message], types: TypeSpeller, reporter: Reporter
) -> bool:
    """Report each nested message the module must name whose name is a Python keyword (`Outer.None`)."""
    used = {
        ref.full_name
        for service in package.services
        for method in service.methods
        for ref in (method.input, method.output)
    }
    found = False
    for full_name in sorted(used | set(checked)):
        key, rest = types.key(full_name)
        if any(keyword.iskeyword(part) for part in rest.split(".") if part):
            found = True
            message = messages.get(full_name)
            reporter.error(
                message.location if message is not None else "",
                f"the generated module must name {key[2]}.{rest}, and a nested message named like a Python keyword "
                "can only be reached with getattr",
                "rename the nested message in the document (its component key and `title`)",
            )
    return found


def _imports(
    needed: set[str],
    helpers: HelperCode,
    type_imports: dict[str, Import],
    template: jinja2.Template,
    reporter: Reporter,
) -> list[Import]:
    """The imports of the names a rendered module uses; a name nothing provides is reported at the template."""
    imports = [_FUTURE]
    for name in sorted(needed):
        found = type_imports.get(name) or helpers.imports.get(name)
        if found is None:
            reporter.error(
                template.filename or template.name or "",
                f"the rendered module uses {name}, which it neither defines nor imports",
                "import it in codegen/python/helpers.py, or define it there as a helper",
            )
        else:
            imports.append(found)
    return imports
