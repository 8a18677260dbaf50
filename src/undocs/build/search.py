"""Pagefind: run it over the written site, one bundle at a time (`site.bundles` plans them).

Each bundle is one Pagefind process indexing one language's pages (or a shard of them) into
`/pagefind/<name>/`; two run at once where their memory allows (`build_index`). A published
site is re-indexed bundle by bundle, each swapped in only when its run is done, so readers
never see a half-written index.

Pagefind writes the same script and worker (87 kB) into every bundle. They are moved to a
folder the bundles of one Pagefind version share (`share_code`): the search page imports the
script from there once per language, and each bundle's worker is a line loading the shared
one, so a search in four languages fetches them once, not four times.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..lang.languages import BIGRAM_LANGUAGES
from ..site.bundles import Bundle

#: Pagefind runs at once: one per core (each run is one process, mostly busy on one core),
#: at most four, while their memory allows (`build_index`).
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
    """Run Pagefind (the `pagefind` package's extended binary) over one bundle's pages.

    The pages (`Bundle.files`) are linked into a folder of their own at the same paths:
    Pagefind finds them there without walking the whole site, and gives them the same URLs.
    """
    output = site / (subdir or f"pagefind/{bundle.name}")
    pages = output.with_name(f".{output.name}.pages")
    shutil.rmtree(pages, ignore_errors=True)
    try:
        made: set[Path] = set()
        for name in bundle.files:
            source, link = site / name, pages / name
            if link.parent not in made:
                link.parent.mkdir(parents=True, exist_ok=True)
                made.add(link.parent)
            try:
                os.link(source, link)
            except FileNotFoundError:  # a page the bundle names that was not written
                continue
            except OSError:  # a file system without hard links
                shutil.copyfile(source, link)
        return _run_pagefind(pages, bundle, output)
    finally:
        shutil.rmtree(pages, ignore_errors=True)


def _run_pagefind(pages: Path, bundle: Bundle, output: Path) -> IndexReport:
    """Run Pagefind over the folder `pages`, writing the bundle into `output`."""
    command = [pagefind_binary(), "--site", str(pages), "--output-path", str(output.absolute())]
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
    share_code(output)
    found = re.search(r"Indexed (\d+) pages?", printed)
    return IndexReport(bundle.name, int(found.group(1)) if found else 0)


#: The folder, beside the bundles, holding the script and worker of a Pagefind version.
CODE = "pagefind-{version}"

#: Pagefind's script, and the worker it starts from its bundle (`${basePath}pagefind-worker.js`).
SCRIPT, WORKER = "pagefind.js", "pagefind-worker.js"


def read_entry(bundle: Path) -> dict[str, Any] | None:
    """Return a written bundle's `pagefind-entry.json`, or None if it cannot be read."""
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return entry if isinstance(entry, dict) else None


def code_folder(entry: dict[str, Any]) -> str | None:
    """Return the name of the folder of the script and worker of the Pagefind version that
    wrote a bundle (its entry's `version`), or None if it names none usable as a name."""
    version = entry.get("version")
    if isinstance(version, str) and re.fullmatch(r"[\w.+-]+", version):
        return CODE.format(version=version)
    return None


def share_code(bundle: Path) -> None:
    """Copy the script and worker Pagefind wrote into `bundle` to the folder of its version
    beside it (`CODE`), and make the bundle's worker load the shared one. The bundle's own
    script stays, for a page that imports it (a search page from before this)."""
    entry = read_entry(bundle)
    name = code_folder(entry) if entry is not None else None
    if name is None or not (bundle / WORKER).is_file():
        return
    shared = bundle.parent / name
    shared.mkdir(exist_ok=True)
    for name in (SCRIPT, WORKER):
        if not (shared / name).is_file():  # the same version writes the same file
            fresh = shared / f".{name}.{bundle.name}"
            shutil.copyfile(bundle / name, fresh)
            os.replace(fresh, shared / name)  # bundles indexed at once may both copy it
    (bundle / WORKER).write_text(f'importScripts("../{shared.name}/{WORKER}");\n', encoding="utf-8")


#: What the Pagefind runs of a clean build may hold at once, by `memory`'s estimates: with
#: the build's own process (about 150 MiB at the shared corpus's size), the whole process tree
#: stays within 1 GiB. A bundle estimated above it runs alone.
MEMORY = 860 * 2**20


def memory(bundle: Bundle) -> int:
    """Return an estimate of what a Pagefind run over `bundle` holds at its peak: measured on
    the shared corpus (Pagefind 1.5), 27 to 42 bytes a byte of source text (44 in a small
    bundle), 62 for a language indexed as character bigrams (Chinese)."""
    return bundle.weight * (64 if bundle.language in BIGRAM_LANGUAGES else 42)


def build_index(site: Path, bundles: list[Bundle]) -> list[IndexReport]:
    """Index every bundle into `/pagefind/<name>/`: up to `WORKERS` Pagefind runs at a time,
    the heaviest first, a run starting only while the memory the runs hold stays within
    `MEMORY` (two large German shards run one after the other, each beside a small bundle)."""
    waiting = sorted(bundles, key=lambda bundle: (-memory(bundle), bundle.name))
    reports: dict[str, IndexReport] = {}
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        running: dict[Future[IndexReport], Bundle] = {}
        while waiting or running:
            held = sum(memory(bundle) for bundle in running.values())
            for bundle in list(waiting):
                if len(running) < WORKERS and (not running or held + memory(bundle) <= MEMORY):
                    running[pool.submit(index_bundle, site, bundle)] = bundle
                    waiting.remove(bundle)
                    held += memory(bundle)
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                reports[running.pop(future).name] = future.result()
    return [reports[bundle.name] for bundle in bundles]


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
