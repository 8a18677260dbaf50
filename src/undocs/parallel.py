"""Use every core: read files and write pages in worker processes.

Workers are forked after the data they need is gathered, so they share it with the parent
instead of receiving it pickled; each returns only small results (records read, pages
written). Small jobs run in the calling process, where a pool would cost more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Smaller jobs than this run in the calling process.
MIN_PARALLEL = 400

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


def imap(task: Callable[[T], R], items: Iterable[T], count: int, chunk: int = 32) -> Iterator[R]:
    """Yield `task(item)` for each item, in order, across worker processes when it pays."""
    global _TASK
    n = workers()
    if not _pays(n, count):
        yield from map(task, items)
        return
    _TASK = task  # inherited by the forked workers: nothing to pickle but the items
    try:
        with multiprocessing.get_context("fork").Pool(n) as pool:
            yield from pool.imap(_run, items, chunksize=chunk)
    finally:
        _TASK = None


def split_run(task: Callable[[int, int], R], count: int) -> list[R]:
    """Run `task(worker, workers)` once per worker, each taking its share of `count` items."""
    n = workers()
    if not _pays(n, count):
        return [task(0, 1)]
    global _TASK
    _TASK = lambda worker: task(worker, n)  # noqa: E731
    gc.collect()
    gc.freeze()  # the workers share the parent's objects: keep its collector off their pages
    try:
        with multiprocessing.get_context("fork").Pool(n) as pool:
            return pool.map(_run, range(n))
    finally:
        gc.unfreeze()
        _TASK = None
