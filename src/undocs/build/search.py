"""Pagefind: run it over the written site, one bundle at a time (`site.bundles` plans them).

Each bundle is one Pagefind process indexing one language's pages (or a shard of them) into
`/pagefind/<name>/`; two run at once. A published site is re-indexed bundle by bundle, each
swapped in only when its run is done, so readers never see a half-written index.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..lang.languages import BIGRAM_LANGUAGES
from ..site.bundles import Bundle

#: Pagefind runs at once: one per core (each run is one process, mostly busy on one core),
#: at most four (each holds up to ~0.5 GB: `site.bundles.SHARD_BYTES`).
WORKERS = max(1, min(4, os.cpu_count() or 1))


class SearchIndexError(RuntimeError):
    """Pagefind could not be run or failed."""


@dataclass(frozen=True)
class IndexReport:
    """What Pagefind indexed for one bundle."""

    bundle: str
    pages: int
    """Pages indexed (from Pagefind's summary; 0 if it did not say)."""


def pagefind_binary() -> str:
    """Return the Pagefind binary the `pagefind` package names (its extended one, or the one
    PAGEFIND_BINARY_PATH names): run directly, not through `python -m pagefind`, which costs
    a Python start (0.1 s) on every run."""
    try:
        from pagefind.service import get_executable
    except ImportError as err:
        raise SearchIndexError(
            "Pagefind is not installed (install it with `pip install 'pagefind[extended]'`, "
            "or build with --no-search)"
        ) from err
    found = get_executable()
    if found is None:
        raise SearchIndexError(
            "Pagefind's binary is missing (install it with `pip install 'pagefind[extended]'`,"
            " or build with --no-search)"
        )
    return str(found)


def index_bundle(site: Path, bundle: Bundle, subdir: str | None = None) -> IndexReport:
    """Run Pagefind (the `pagefind` package's extended binary) over one bundle's pages."""
    output = site / (subdir or f"pagefind/{bundle.name}")
    if not bundle.files:
        return _run_pagefind(site, bundle, ["--glob", bundle.glob], output)
    # a few named pages: linked into a folder of their own, at the same paths, so that
    # Pagefind finds them there without walking the site (their URLs are the same)
    pages = output.with_name(f".{output.name}.pages")
    shutil.rmtree(pages, ignore_errors=True)
    try:
        for name in bundle.files:
            source, link = site / name, pages / name
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, link)
            except OSError:  # a file system without hard links
                shutil.copyfile(source, link)
        return _run_pagefind(pages, bundle, [], output)
    finally:
        shutil.rmtree(pages, ignore_errors=True)


def _run_pagefind(site: Path, bundle: Bundle, options: list[str], output: Path) -> IndexReport:
    command = [
        pagefind_binary(),
        "--site",
        str(site),
        *options,
        "--output-path",
        str(output.absolute()),
    ]
    if bundle.language in BIGRAM_LANGUAGES:
        command += ["--force-language", "en"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as err:
        raise SearchIndexError(f"could not run Pagefind: {err}") from err
    printed = done.stdout + done.stderr
    if done.returncode != 0:
        raise SearchIndexError(
            "Pagefind failed (install it with `pip install 'pagefind[extended]'`, or build "
            f"with --no-search):\n{printed.strip()[-2000:]}"
        )
    found = re.search(r"Indexed (\d+) pages?", printed)
    return IndexReport(bundle.name, int(found.group(1)) if found else 0)


def build_index(site: Path, bundles: list[Bundle]) -> list[IndexReport]:
    """Index every bundle into `/pagefind/<name>/`, two Pagefind runs at a time."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(lambda bundle: index_bundle(site, bundle), bundles))


def reindex(site: Path, bundles: list[Bundle]) -> list[IndexReport]:
    """Index bundles of a published site again, swapping each in when done; drop others."""
    folder = site / "pagefind"
    folder.mkdir(exist_ok=True)
    reports = []
    for bundle in bundles:
        fresh = folder / f".{bundle.name}.next"
        shutil.rmtree(fresh, ignore_errors=True)
        reports.append(index_bundle(site, bundle, f"pagefind/.{bundle.name}.next"))
        target, old = folder / bundle.name, folder / f".{bundle.name}.old"
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        fresh.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    return reports
