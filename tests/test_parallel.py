"""Jobs shared out to forked workers: each run once, results in order, errors raised."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from undocs.build import parallel


def _job(index: int):
    def run() -> tuple[int, int]:
        time.sleep(0.005)
        return index, os.getpid()

    return run


def test_every_job_runs_once_results_in_job_order() -> None:
    results = parallel.run_each([_job(i) for i in range(60)], size=10_000)
    assert [index for index, _ in results] == list(range(60))
    if parallel.workers() > 1:
        pids = {pid for _, pid in results}
        assert os.getpid() in pids  # this process takes jobs too, beside one worker fewer
        assert len(pids) == parallel.workers()  # shared out: no process left idle


def test_small_jobs_run_here() -> None:
    results = parallel.run_each([_job(i) for i in range(3)], size=3)
    assert {pid for _, pid in results} == {os.getpid()}


def test_a_failing_job_fails_the_run() -> None:
    def bad() -> None:
        raise ValueError("page 7 would be written outside the output folder")

    with pytest.raises(ValueError, match="outside the output folder"):
        parallel.run_each([_job(0), bad, _job(2)], size=10_000)


def test_a_failing_job_stops_the_jobs_not_yet_taken(tmp_path) -> None:
    def job(index: int):
        def run() -> None:
            time.sleep(0.02)
            if index == 3:
                raise ValueError("job 3 failed")
            (tmp_path / str(index)).write_text("ran")

        return run

    with pytest.raises(ValueError, match="job 3 failed"):
        parallel.run_each([job(i) for i in range(100)], size=10_000)
    time.sleep(0.1)  # a job that was running when it failed ends
    assert 3 <= len(list(tmp_path.iterdir())) < 20


def test_progress_is_reported_while_workers_run() -> None:
    def slow(index: int):
        return lambda: time.sleep(0.03) or index

    seen: list[int] = []
    results = parallel.run_each([slow(i) for i in range(60)], size=10_000, progress=seen.append)
    assert results == list(range(60))
    assert seen and seen == sorted(seen) and all(0 <= n <= 60 for n in seen)
    seen.clear()
    parallel.run_each([slow(i) for i in range(3)], size=3, progress=seen.append)
    assert seen[-1] == 3  # at the end, whatever the time


def test_background_jobs_run_while_this_process_goes_on(tmp_path) -> None:
    marker = tmp_path / "done"
    started = time.monotonic()
    later = parallel.Background([lambda: time.sleep(0.5), lambda: marker.write_text("x")], 10_000)
    assert time.monotonic() - started < 0.4 and not marker.exists()  # not waited for here
    later.wait()
    assert marker.read_text() == "x"


def test_a_background_worker_ends_with_its_jobs(tmp_path) -> None:
    """Its memory (the pages of the archive it copied) is freed when its jobs end, not when
    the build gets round to waiting for it."""
    if not Path("/proc/self/stat").is_file():
        pytest.skip("reads the state of a process in /proc (Linux)")
    pid_file = tmp_path / "pid"
    later = parallel.Background([lambda: pid_file.write_text(str(os.getpid()))], 10_000)
    pid = 0
    for _ in range(100):
        time.sleep(0.05)
        if pid_file.exists() and (pid := int(pid_file.read_text() or 0)):
            try:  # its state: Z once it exited (its memory freed), until it is reaped
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except FileNotFoundError:
                break
            if state == "Z":
                break
    else:
        pytest.fail("the background worker is still running after its job ended")
    assert pid not in (0, os.getpid())
    later.wait()


def test_a_failing_background_job_fails_the_wait() -> None:
    def bad() -> None:
        raise OSError("disk full")

    later = parallel.Background([bad], 10_000)
    with pytest.raises(OSError, match="disk full"):
        later.wait()


def test_background_jobs_stop_when_the_build_fails(tmp_path) -> None:
    marker = tmp_path / "late"
    later = parallel.Background([lambda: time.sleep(1) or marker.write_text("x")], 10_000)
    later.close()
    time.sleep(1.2)
    assert not marker.exists()


def test_background_jobs_not_started_are_taken_or_run_by_the_wait(tmp_path) -> None:
    """Made with start=False, no worker is forked: `take` hands the jobs to another run of
    jobs (a clean build's page writing), after which the wait runs nothing; jobs not taken
    run in the wait."""
    ran: list[str] = []
    later = parallel.Background([lambda: ran.append("a"), lambda: ran.append("b")], 10_000, False)
    assert ran == [] and later.pool is None
    taken = later.take()
    assert len(taken) == 2 and later.take() == []
    later.wait()
    assert ran == []  # the jobs are the taker's now
    parallel.run_each(taken, size=1)
    assert ran == ["a", "b"]
    left = parallel.Background([lambda: ran.append("c")], 10_000, start=False)
    left.wait()
    assert ran == ["a", "b", "c"]
