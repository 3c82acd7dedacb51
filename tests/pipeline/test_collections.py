"""build() runs the stages with the garbage collector triggered less often, and restores it however it ends."""

from __future__ import annotations

import gc

import pytest

from codegen.pipeline import fewer_collections


def test_the_thresholds_are_raised_inside_and_restored_after() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] > before[0]
        assert gc.isenabled()
    assert gc.get_threshold() == before


def test_the_thresholds_are_restored_after_an_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a stage failed")
    assert gc.get_threshold() == before
