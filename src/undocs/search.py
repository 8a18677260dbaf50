"""Pagefind: build the client-side search index over the written site."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


class SearchIndexError(RuntimeError):
    """Pagefind could not be run or failed."""


@dataclass(frozen=True)
class IndexReport:
    """What Pagefind indexed."""

    pages: int
    """Pages indexed (from Pagefind's own summary, 0 if it did not say)."""
    output: str
    """Pagefind's printed summary."""


def build_index(site: Path, quiet: bool = True) -> IndexReport:
    """Run Pagefind (the `pagefind` package's binary, extended build) over `site`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as err:
        raise SearchIndexError(f"could not run Pagefind: {err}") from err
    output = done.stdout + done.stderr
    if done.returncode != 0 or "No module named pagefind" in output:
        raise SearchIndexError(
            "Pagefind failed (install it with `pip install 'pagefind[extended]'`, or build "
            f"with --no-search):\n{output.strip()[-2000:]}"
        )
    pages = 0
    for line in output.splitlines():
        if "Indexed" in line and "page" in line:
            digits = "".join(c for c in line.split("page")[0] if c.isdigit())
            pages = max(pages, int(digits or 0))
    return IndexReport(pages, output)
