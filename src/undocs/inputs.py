"""Input folders are untrusted: what a build may read of them.

A site is often built by GitHub Actions from a repository that takes pull requests. A link in
an input folder (`--seeds`, `--content`, `--templates` and its `static/`) is followed only
where it stays inside that folder, as GitHub Pages' Jekyll does in safe mode: a link to
`/etc/passwd` or `/proc/self/environ` is reported and never opened.
"""

from __future__ import annotations

import os
from pathlib import Path

from .model import N_, Problem, problem_at

#: Why a link whose target lies outside its input folder is not followed.
OUTSIDE = N_("links outside the input folder, skipped")
#: Why a link to a folder walked already is not followed again.
LOOP = N_("links to a folder read already (a loop?), skipped")


def inside(path: str, root: str) -> bool:
    """Return whether the real path `path` lies in the real folder `root`."""
    return path == root or path.startswith(os.path.join(root, ""))


def files_inside(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Return every file under `folder` (hidden ones left out), sorted, and the problems of
    the links not followed: out of the folder, or back to a folder walked already."""
    root = os.path.realpath(folder)
    found: list[Path] = []
    problems: list[Problem] = []
    seen: set[str] = {root}
    for path, dirs, files in os.walk(folder, followlinks=True):
        dirs.sort()
        for name in list(dirs):
            full = os.path.join(path, name)
            real = os.path.realpath(full)
            if name.startswith(".") or not inside(real, root) or real in seen:
                dirs.remove(name)
                if not name.startswith("."):
                    reason = OUTSIDE if not inside(real, root) else LOOP
                    problems.append(problem_at(_shown(full, folder) + "/", 0, reason, "error"))
            else:
                seen.add(real)
        for name in sorted(files):
            full = os.path.join(path, name)
            if name.startswith("."):
                continue
            if os.path.islink(full) and not inside(os.path.realpath(full), root):
                problems.append(problem_at(_shown(full, folder), 0, OUTSIDE, "error"))
            else:
                found.append(Path(full))
    return found, problems


def _shown(path: str, folder: Path) -> str:
    return os.path.join(os.fspath(folder), os.path.relpath(path, folder))
