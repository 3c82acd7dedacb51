"""A local Depot CI emulator: the `depot.ci.v1.CIService` API over SQLite state and a simulated executor.

Start it with `python -m depot_ci_emulator` (or `make serve`), or from tests with
`depot_ci_emulator.testing`. Runs, workflows, jobs and attempts follow the Depot CI API reference's
statuses and rules; workflow YAML is parsed for real (jobs, needs, matrix, if, steps, dispatch
inputs); steps are simulated, never executed.
"""

from __future__ import annotations

from .auth import Tokens
from .clock import Clock, ManualClock, ScaledClock
from .executor import Timing
from .server import DEFAULT_ORG, DEFAULT_SPEED, Emulator, EmulatorConfig

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
