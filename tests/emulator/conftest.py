"""Fixtures of the emulator tests: emulators on 127.0.0.1 (free ports), stopped after each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from depot_ci_emulator import ManualClock
from depot_ci_emulator.pytest_plugin import depot_emulator
from depot_ci_emulator.testing import RunningEmulator, run_emulator

# The plugin's fixture, imported rather than named in `pytest_plugins` (pytest takes that only in the
# top-level conftest.py); the README's pytest example uses `pytest_plugins` as users will.
__all__ = ["depot_emulator", "manual_clock", "paused_emulator"]


@pytest.fixture
def manual_clock() -> ManualClock:
    """A clock that only moves when the test advances it."""
    return ManualClock()


@pytest.fixture
def paused_emulator(manual_clock: ManualClock) -> Iterator[RunningEmulator]:
    """An emulator on `manual_clock`: nothing progresses until the test advances the clock."""
    with run_emulator(clock=manual_clock) as emulator:
        yield emulator
