"""Measurement helpers: interleaved rounds, medians and progress messages on stderr."""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Measured", "calibrate", "interleave", "log", "ratios", "spread"]

_STARTED = time.perf_counter()


def log(message: str) -> None:
    """Print a progress line to stderr, prefixed with the seconds since the benchmarks started."""
    print(f"[bench {time.perf_counter() - _STARTED:6.1f}s] {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Measured:
    """The values one variant produced, one per round, in round order."""

    name: str
    values: tuple[float, ...]

    @property
    def median(self) -> float:
        """The median over the rounds."""
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        """The smallest value."""
        return min(self.values)

    @property
    def high(self) -> float:
        """The largest value."""
        return max(self.values)


def interleave(
    variants: Sequence[tuple[str, Callable[[], float]]],
    rounds: int,
    *,
    label: str = "",
) -> dict[str, Measured]:
    """Run every variant once per round, round after round, and collect what each returns.

    The order alternates between rounds (A B C, then C B A) so that neither a slow start nor a
    drift of the machine's load favours one variant. Garbage is collected before each run.
    """
    collected: dict[str, list[float]] = {name: [] for name, _ in variants}
    for round_index in range(rounds):
        order = list(variants) if round_index % 2 == 0 else list(reversed(variants))
        for name, run in order:
            gc.collect()
            collected[name].append(run())
        if label:
            log(f"{label}: round {round_index + 1}/{rounds} done")
    return {name: Measured(name, tuple(values)) for name, values in collected.items()}


def ratios(numerator: Measured, denominator: Measured) -> Measured:
    """Per-round ratios numerator/denominator (rounds were interleaved, so each pair ran side by side)."""
    pairs = zip(numerator.values, denominator.values, strict=True)
    return Measured(f"{numerator.name} / {denominator.name}", tuple(a / b for a, b in pairs))


def calibrate(run: Callable[[int], object], target_seconds: float, *, start: int = 10) -> int:
    """The iteration count that makes `run(count)` take about `target_seconds` (at least `start`)."""
    count = start
    while True:
        began = time.perf_counter()
        run(count)
        elapsed = time.perf_counter() - began
        if elapsed >= target_seconds / 4 or count >= 10_000_000:
            return max(start, int(count * target_seconds / max(elapsed, 1e-9)))
        count *= 4


def spread(values: Iterable[float], fmt: str = "{:.0f}") -> str:
    """`min–max` of `values`, formatted with `fmt`."""
    items = list(values)
    return f"{fmt.format(min(items))}–{fmt.format(max(items))}"
