"""Stage 5, Python: the Connect clients and servers, package `__init__.py` files and `py.typed`.

`render` is the entry point; `PythonLayout` says where each proto package's modules go.
"""

from __future__ import annotations

from .layout import PythonLayout

__all__ = ["PythonLayout"]
