"""pytest fixtures for the Depot CI emulator; enable with `pytest_plugins = ["depot_ci_emulator.pytest_plugin"]`.

`depot_emulator`: a fresh emulator per test (in memory, speed 1000, token "test-token"), stopped
after the test. It is a `depot_ci_emulator.testing.RunningEmulator`: `.base_url`, `.token`,
`.headers`, `.client()`, `.async_client()`, `.wait_for_run(run_id)`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .testing import RunningEmulator, run_emulator

__all__ = ["depot_emulator"]


@pytest.fixture
def depot_emulator() -> Iterator[RunningEmulator]:
    """A running Depot CI emulator for one test."""
    with run_emulator() as emulator:
        yield emulator
