"""Use every core: read files and write pages in this process and forked workers.

Workers are forked after the data they need is gathered, so they share it with the parent
instead of receiving it pickled; each returns only small results (records read, pages
written). The parent takes jobs too, beside one worker fewer: a process touching the shared
data copies the pages it touches (reference counts are written), so each process running
beside an idle parent would cost another copy of the archive. Small jobs run in the calling
process alone, where a worker would cost more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

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

    Each worker takes the next job no one has taken, so one slow job does not leave a core
    idle while jobs wait: give the longest jobs first. Each result comes back as its job
    ends. `progress(done)` is told how many jobs are done, about twice a second and at the end.
    """
    n = workers()
    results: list[R] = [None] * len(jobs)  # type: ignore[list-item]
    done = _in_workers(jobs, n, results) if _pays(n, size) else _here(jobs, results)
    last = time.monotonic()
    for count in done:
        if progress and (count == len(jobs) or time.monotonic() - last >= PROGRESS_EVERY):
            progress(count)
            last = time.monotonic()
    return results


def _here(jobs: Sequence[Callable[[], R]], results: list[R]) -> Iterator[int]:
    """Run `jobs` in this process, filling `results`; yield how many are done as each ends."""
    for index, job in enumerate(jobs):
        results[index] = job()
        yield index + 1


def _in_workers(jobs: Sequence[Callable[[], R]], n: int, results: list[R]) -> Iterator[int]:
    """Run `jobs` here and in `n - 1` forked workers, each process taking the next job no one
    has taken, filling `results` in job order; yield how many are done as jobs end here (the
    workers' results come back when they run out of jobs)."""
    global _TASK
    context = multiprocessing.get_context("fork")
    taken = context.Value("i", 0)  # the next job no one has taken, shared by the processes
    _TASK = lambda _worker: _take(jobs, taken)  # noqa: E731  (inherited by the workers)
    frozen = gc.isenabled()  # with the collector on, keep it off the pages workers share
    if frozen:
        gc.collect()
        gc.freeze()
    try:
        with context.Pool(n - 1) as pool:
            theirs = pool.map_async(_run, range(n - 1))
            for index, result in _iterate(jobs, taken):
                results[index] = result
                # the jobs taken, less those that may still run (one a process)
                yield max(0, min(taken.value, len(jobs)) - n)
            for found in theirs.get():
                for index, result in found:
                    results[index] = result
            yield len(jobs)
    finally:
        if frozen:
            gc.unfreeze()
        _TASK = None


def _iterate(jobs: Sequence[Callable[[], R]], taken: Any) -> Iterator[tuple[int, R]]:
    """Take the next job no one has taken and run it, until none is left; after a job that
    failed, none is taken any more (in any process)."""
    while True:
        with taken.get_lock():
            index = taken.value
            if index >= len(jobs):
                return
            taken.value = index + 1
        try:
            result = jobs[index]()
        except BaseException:
            with taken.get_lock():
                taken.value = len(jobs)
            raise
        yield index, result


def _take(jobs: Sequence[Callable[[], R]], taken: Any) -> list[tuple[int, R]]:
    """Run jobs in a worker until none is left (`_iterate`); return their results."""
    return list(_iterate(jobs, taken))


class Background:
    """Jobs running in one forked worker while the calling process goes on; or, made with
    `start=False`, jobs waiting to be taken (`take`) into the jobs of `run_each` (a third
    process beside the two writing pages holds a third copy of what it touches)."""

    def __init__(self, jobs: Sequence[Callable[[], object]], size: int, start: bool = True) -> None:
        self.pool = None
        self.waiting: list[Callable[[], object]] = [] if start else list(jobs)
        """Jobs not started, for `take` (else `wait` runs them)."""
        if not start:
            return
        if not _pays(workers(), size):
            for job in jobs:  # nothing to overlap with: run them now
                job()
            return
        global _TASK
        _TASK = lambda index: jobs[index]()  # noqa: E731  (inherited by the forked worker)
        try:
            self.pool = multiprocessing.get_context("fork").Pool(1)
            self.done = self.pool.map_async(_run, range(len(jobs)))
            # no more jobs: the worker exits when these end, and its memory is freed then
            # (the copies of the archive it made), not when the build waits for it
            self.pool.close()
        finally:
            _TASK = None

    def take(self) -> list[Callable[[], object]]:
        """Return the jobs not started, to run elsewhere: they are no longer this one's."""
        taken, self.waiting = self.waiting, []
        return taken

    def wait(self) -> None:
        """Wait for the jobs to end (running those not started and not taken here); raise
        what one of them raised."""
        for job in self.take():
            job()
        if self.pool is not None:
            try:
                self.done.get()
                self.pool.join()
            finally:
                self.close()

    def close(self) -> None:
        """Stop the jobs if they still run (the build failed meanwhile)."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
