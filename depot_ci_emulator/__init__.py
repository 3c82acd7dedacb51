"""A local Depot CI emulator: the `depot.ci.v1.CIService` API over SQLite state and a simulated executor.

Start it with `python -m depot_ci_emulator` (or `make serve`), or from tests with
`depot_ci_emulator.testing`. Runs, workflows, jobs and attempts follow the Depot CI API reference's
statuses and rules; workflow YAML is parsed for real (jobs, needs, matrix, if, steps, dispatch
inputs); steps are simulated, never executed.
"""

from __future__ import annotations

import importlib.util

for _module in ("ruamel.yaml", "uvicorn"):
    try:
        _found = importlib.util.find_spec(_module) is not None
    except ModuleNotFoundError:
        _found = False
    if not _found:
        raise ModuleNotFoundError(
            f"depot_ci_emulator needs {_module}, from the `emulator` extra: pip install 'depot-ci[emulator]'",
            name=_module,
        )

from .auth import Tokens  # noqa: E402  (after the check, so a missing extra gets the message above)
from .clock import Clock, ManualClock, ScaledClock  # noqa: E402
from .executor import Timing  # noqa: E402
from .server import DEFAULT_ORG, DEFAULT_SPEED, Emulator, EmulatorConfig  # noqa: E402

__all__ = [
    "DEFAULT_ORG",
    "DEFAULT_SPEED",
    "Clock",
    "Emulator",
    "EmulatorConfig",
    "ManualClock",
    "ScaledClock",
    "Timing",
    "Tokens",
]
