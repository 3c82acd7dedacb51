"""Fixtures of the emulator tests: emulators on 127.0.0.1 (free ports), stopped after each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from depot_ci_emulator import ManualClock
from depot_ci_emulator.testing import RunningEmulator, run_emulator

pytest_plugins = ["depot_ci_emulator.pytest_plugin"]


@pytest.fixture
def manual_clock() -> ManualClock:
    """A clock that only moves when the test advances it."""
    return ManualClock()


@pytest.fixture
def paused_emulator(manual_clock: ManualClock) -> Iterator[RunningEmulator]:
    """An emulator on `manual_clock`: nothing progresses until the test advances the clock."""
    with run_emulator(clock=manual_clock) as emulator:
        yield emulator
