"""The output folder: which folders a build may replace, the marker saying undocs made one,
and how a built site takes its place (a swap, or new pages moved in one by one).

A build replaces `--out` whole (the new site is swapped in, the old one deleted), so it must
only ever do so to a folder it wrote itself: one that holds `MARKER`, is empty or does not
exist yet. A folder of the user's own (her documents, her `docs/`, the repository itself) is
refused before anything is written.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..model import SetupError
from .incremental import cache_folder

#: The file every site undocs builds holds at its top: it says undocs made the folder.
MARKER = ".undocs-site"
MARKER_TEXT = (
    "This folder was written by undocs. `undocs build` replaces it whole at every build:\n"
    "keep no files of your own here.\n"
)


def mark(folder: Path) -> None:
    """Write the marker into a site folder being built."""
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def check_out(
    out: Path, inputs: Iterable[tuple[str, Path | None]], homes: Iterable[tuple[str, Path]] = ()
) -> None:
    """Raise SetupError unless a build may replace `out` whole.

    `inputs` (what the build reads: documents, pages, templates, by the name the user knows
    them) must not be `out`, lie inside it or hold it. `homes` (the folder of the settings
    file, the current folder) must not be `out` or lie inside it. An existing `out` must be
    empty, hold `MARKER`, or have undocs's build cache beside it (a site built before the
    marker was written).
    """
    target = _real(out)
    for what, folder in inputs:
        if folder is None or not folder.exists():
            continue  # nothing there to lose
        there = _real(folder)
        if target == there or _inside(target, there) or _inside(there, target):
            relation = (
                "is" if target == there else "lies inside" if _inside(target, there) else "holds"
            )
            raise SetupError(
                f"--out {out} {relation} the {what} ({folder}): a build replaces --out whole, "
                "so it must be a folder of its own; give another --out, e.g. --out _site"
            )
    for what, folder in homes:
        there = _real(folder)
        if target == there or _inside(there, target):
            relation = "is" if target == there else "holds"
            raise SetupError(
                f"--out {out} {relation} the {what} ({folder}): a build replaces --out whole; "
                "give a folder of its own, e.g. --out _site"
            )
    if not os.path.lexists(out):
        return
    if not out.is_dir():
        raise SetupError(f"--out {out} exists and is not a folder; give another --out")
    if (out / MARKER).is_file() or cache_folder(out).is_dir():
        return  # a site undocs made (before the marker: its build cache is beside it)
    found = _some_entries(out)
    if found:
        shown = ", ".join(found[:3]) + (", ..." if len(found) > 3 else "")
        raise SetupError(
            f"--out {out} holds files undocs did not write ({shown}): a build replaces --out "
            f"whole, so it builds only into an empty folder or one it made (holding "
            f"{MARKER}). Give another --out, or move those files away first"
        )


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _inside(path: Path, folder: Path) -> bool:
    """Return whether `path` lies strictly inside `folder` (both real, absolute)."""
    return path != folder and path.is_relative_to(folder)


def _some_entries(folder: Path, most: int = 4) -> list[str]:
    """Return the names of up to `most` entries of `folder`, sorted."""
    with os.scandir(folder) as entries:
        names = [e.name + ("/" if e.is_dir(follow_symlinks=False) else "") for e in entries]
    return sorted(names)[:most]


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold the lock of the builds into `out` (a file in its cache folder) while a build
    runs; raise SetupError at once if another build holds it: two builds into one folder
    would write over each other."""
    folder = cache_folder(out)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "lock", "a+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            raise SetupError(
                f"{out}: another build is writing this site ({holder}); wait for it to end, "
                "or give another --out"
            ) from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"undocs build, process {os.getpid()}\n")
        lock.flush()
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def staging_folder(out: Path) -> Path:
    """Make and return a new empty folder beside `out` to build the next site in."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))


def swap(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with renames, so readers never see a half-written site.

    The previous site is renamed aside and deleted by a background process: deleting tens of
    thousands of files is slow on some file systems and the new site is already in place.
    """
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"{out} exists and is not a folder; give another --out")
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{staging.name.rsplit('-', 1)[-1]}")
        out.rename(old)
    staging.rename(out)
    if old is not None:
        remove_later(old)


def commit(staging: Path, out: Path, removed: set[str]) -> None:
    """Move every file of `staging` into `out` (each replaced at once), drop `removed`."""
    for root, _dirs, files in os.walk(staging):
        rel = os.path.relpath(root, staging)
        target = out / rel if rel != "." else out
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            os.replace(os.path.join(root, name), target / name)
    for dest in removed:
        path = out / dest
        if path.is_file():
            path.unlink()
            with contextlib.suppress(OSError):  # a page's own folder, if now empty
                path.parent.rmdir()
    shutil.rmtree(staging, ignore_errors=True)


def remove_later(folder: Path) -> None:
    """Delete a folder in a detached process (at once where that cannot be started)."""
    try:
        subprocess.Popen(
            ["rm", "-rf", "--", str(folder)],
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
