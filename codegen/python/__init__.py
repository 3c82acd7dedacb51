"""Stage 5, Python: the Connect clients and servers, package `__init__.py` files and `py.typed`.

`render.render(api, layout)` is the entry point, imported from its module (it needs Jinja2, which
`convert` does not); `PythonLayout` says where each proto package's modules go.

    layout.py      proto packages -> Python modules and file paths
    views.py       the frozen views the templates read: names, stream kinds, async or not, `Doc`s
    init_views.py  the views of the package `__init__.py` files (re-exports, `__version__`)
    docstrings.py  every docstring and fixed message the generated code carries (the only prose) ...
    client_docstrings.py  ... but the clients' docstrings
    checks.py      which request messages get a check function, and its checks (required fields, rules)
    rules.py       a field's constraints as the value tests the servers run, and what they cannot run
    conventions.py API conventions recognised by message shapes: pagination, resumable streams
    stubs.py       the document's descriptions added to protoc's `.pyi` stubs
    symbols.py     the module-level names of a connect module, chosen around the fixed code's names
    helpers.py     fixed code copied into connect modules by name (a real, linted, type-checked module)
    client_config.py, client_calls.py  the same for the clients: options, RetryPolicy, from_env; calls
    check_helpers.py  the same for the check functions: patterns, formats, message rules
    snippets.py    takes helpers.py apart: definitions by name, their sections, what each uses
    imports.py     what rendered code uses (symbol tables), and import statements as ruff writes them
    source.py      the template filters: string literals, `__all__` lists, docstring literals
    render.py      renders a draft, derives helpers, names and imports from it, then the module

Where to change what:
- A new client feature (an option, a method on every client, retries, pagination): the client
  class is laid out in `templates/_client.py.jinja`; its code that does not depend on the
  service goes into `client_config.py` (options, configuration) or `client_calls.py` (how calls
  are made) and is called by name from the template; its docstrings go into
  `client_docstrings.py` (a `Doc` field on `ClientView` if it is per class).
  Imports, helper inclusion and RPC names that would clash with a new member follow by themselves.
- A new server feature: handler wrappers and request checks in `helpers.py` under
  `# == server:`, how a handler runs (exceptions, deadlines, cancellation, stream fairness) in
  `server_calls.py`, called from `templates/_server.py.jinja`; a helper users call (like
  `call_cancelled`) is also named in `snippets.PUBLIC_HELPERS`.
- A per-message piece of code (e.g. a JSON codec per message): a view built in `views.py` from
  the model, a macro in a template, and, for its module-level names, a key in `symbols.py`.
"""

from __future__ import annotations

from .layout import PythonLayout

__all__ = ["PythonLayout"]
