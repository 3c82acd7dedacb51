"""Benchmarks of the code generator and the generated Depot CI package; run with `python -m bench`.

`make bench` runs every benchmark and writes `docs/benchmarks.md`. Nothing here is a test: the
numbers are reported, never asserted.
"""

from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
"""The repository root (the directory holding pyproject.toml)."""
