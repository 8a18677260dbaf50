"""Use every core: read files and write pages in worker processes.

Workers are forked after the data they need is gathered, so they share it with the parent
instead of receiving it pickled; each returns only small results (records read, pages
written). Small jobs run in the calling process, where a pool would cost more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Smaller jobs than this run in the calling process.
MIN_PARALLEL = 400

#: Seconds between two progress reports.
PROGRESS_EVERY = 0.5

_TASK: Callable[[Any], Any] | None = None


def workers() -> int:
    """Return how many processes to use: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _pays(workers: int, count: int) -> bool:
    """Return whether `count` items are worth forked workers here."""
    return (
        workers > 1 and count >= MIN_PARALLEL and "fork" in multiprocessing.get_all_start_methods()
    )


def _run(item: Any) -> Any:
    assert _TASK is not None
    return _TASK(item)


def run_each(
    jobs: Sequence[Callable[[], R]],
    size: int,
    progress: Callable[[int], None] | None = None,
) -> list[R]:
    """Run every job once and return the results in job order, on every core when `size`
    (how many items the jobs hold between them) pays for workers.

    Each worker takes the next job no one has taken (a shared counter), so one slow job does
    not leave a core idle while jobs wait: give the longest jobs first. `progress(started)`
    is told how many jobs have started, about twice a second.
    """
    n = workers()
    if not _pays(n, size):
        results = []
        for started, job in enumerate(jobs, 1):
            results.append(job())
            if progress:
                progress(started)
        return results
    context = multiprocessing.get_context("fork")
    taken = context.Value("i", 0)  # the next job no worker has taken

    def work(_worker: int) -> list[tuple[int, R]]:
        done = []
        while True:
            with taken.get_lock():
                index = taken.value
                taken.value += 1
            if index >= len(jobs):
                return done
            done.append((index, jobs[index]()))

    global _TASK
    _TASK = work
    frozen = gc.isenabled()  # with the collector on, keep it off the pages workers share
    if frozen:
        gc.collect()
        gc.freeze()
    try:
        with context.Pool(n) as pool:
            pending = pool.map_async(_run, range(n))
            while not pending.ready():
                pending.wait(PROGRESS_EVERY)
                if progress:
                    progress(min(taken.value, len(jobs)))
            shares = pending.get()
    finally:
        if frozen:
            gc.unfreeze()
        _TASK = None
    results: list[R] = [None] * len(jobs)  # type: ignore[list-item]
    for share in shares:
        for index, result in share:
            results[index] = result
    return results
