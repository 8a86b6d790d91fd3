"""Growth-ratio measurement for the linear-time tests (issue: no text makes a stage explode).

A pathological family is a function ``make(n) -> text`` whose size grows with ``n``. The test
times ``process(make(n))`` and ``process(make(2 * n))`` (best of ``repeats`` CPU-time runs, the
cost of ``make(0)`` subtracted as start-up) and asserts the ratio, not an absolute time: a
near-linear stage gives about 2, a quadratic one 4, anything exponential far more. Pick ``n`` so
the larger run takes at least a few tenths of a second, else timer noise dominates.
"""

from __future__ import annotations

import time
from typing import Any, Callable

#: the issue's ceiling for one doubling of the input
MAX_GROWTH = 2.6


def cpu_time(process: Callable[[str], Any], text: str, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        process(text)
        best = min(best, time.process_time() - start)
    return best


def _one_ratio(process, make, n: int, repeats: int) -> float:
    base = cpu_time(process, make(0), repeats)
    small = max(cpu_time(process, make(n), repeats) - base, 1e-3)
    large = max(cpu_time(process, make(2 * n), repeats) - base, 1e-3)
    return large / small


def growth_ratio(process: Callable[[str], Any], make: Callable[[int], str], n: int,
                 repeats: int = 3, attempts: int = 3) -> float:
    """Cost of make(2n) over cost of make(n), start-up (make(0)) subtracted from both.

    Noise from other processes (a CI machine's neighbours, a garbage collection) only ever
    inflates one measurement, so the smallest ratio of up to ``attempts`` measurements is
    taken, stopping at the first within ``MAX_GROWTH``; a stage that really grows faster than
    linearly exceeds it on every attempt."""
    best = float("inf")
    for _ in range(attempts):
        best = min(best, _one_ratio(process, make, n, repeats))
        if best <= MAX_GROWTH:
            break
    return best
