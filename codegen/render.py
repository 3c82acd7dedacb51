"""Stage 5: render the Python package around the protobuf modules.

`render(api, layout)` returns {path relative to the output root: text} for every file of the
package except the `_pb2` modules (the compile stage writes those): per proto package with
services a `<stem>_connect.py` with async and sync clients, server protocols and ASGI/WSGI
applications; an `__init__.py` at every package level; and `py.typed`.

It is pure: no file system access besides reading the templates, no clock, no environment, so
the same model always gives byte-identical output. All decisions are made in `render_view`; the
Jinja templates in `templates/` only lay the finished values out.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from .layout import PythonLayout
from .model import Api
from .render_view import build_views

__all__ = ["TEMPLATES", "render"]

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
"""The templates shipped with the generator."""


def _environment(templates: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        auto_reload=False,
    )


def render(api: Api, layout: PythonLayout, templates: Path | None = None) -> dict[str, str]:
    """Render the package's Python files (not the `_pb2` modules), sorted by path.

    Raises CodegenError when generated names would clash (e.g. a message named like a client class).
    """
    views = build_views(api, layout)
    environment = _environment(templates or TEMPLATES)
    connect = environment.get_template("connect.py.jinja")
    init = environment.get_template("package_init.py.jinja")
    files: dict[str, str] = {}
    for path, module in views.connect_modules.items():
        files[path] = connect.render(module=module)
    for path, package in views.inits.items():
        files[path] = init.render(init=package)
    for path in views.empty_files:
        files[path] = ""
    return dict(sorted(files.items()))
