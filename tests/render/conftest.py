"""Fixtures of the render tests: one generated, compiled and importable fixture package per session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .support import build_package


@pytest.fixture(scope="session")
def package_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding `acme_widgets` (rendered and compiled) and `widgets_servers.py`."""
    root = tmp_path_factory.mktemp("render") / "out"
    root.mkdir()
    build_package(root)
    return root


@pytest.fixture(scope="session")
def importable(package_root: Path) -> Iterator[Path]:
    """`package_root` on sys.path for the session (the generated modules are imported from there)."""
    sys.path.insert(0, str(package_root))
    try:
        yield package_root
    finally:
        sys.path.remove(str(package_root))
