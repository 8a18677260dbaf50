"""Pagefind: search bundles of bounded size, one language each, built over the written site.

Each language's document pages (`/<lang>/...`) are indexed into bundles of their own at
`/pagefind/<name>/`, so each is searched with its own language's analyser and the search page
can query several side by side. A language with more pages than `SHARD_PAGES` is split into
several bundles along its URL folders (`de.1`, `de.2` ...): the memory of one Pagefind run is
then bounded by the shard size, however large the archive grows.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

#: Pagefind runs at once (each is one process; this machine class has two cores).
WORKERS = 2
#: Pages at most in one bundle (a Pagefind run indexing 5,000 long pages holds ~2 GB).
SHARD_PAGES = 5000
#: Languages indexed as character bigrams (`textbody.cjk_bigrams`): Pagefind splits their
#: words on spaces only (`--force-language en`: no segmenter; stemming leaves Han alone).
BIGRAM_LANGUAGES = {"zh"}


class SearchIndexError(RuntimeError):
    """Pagefind could not be run or failed."""


@dataclass(frozen=True)
class Bundle:
    """One Pagefind bundle: a language's pages, or a shard of them."""

    name: str
    """Folder under /pagefind/: the language code, or `de.2` for a shard."""
    language: str
    globs: tuple[str, ...]
    """Page paths the bundle indexes, relative to the site (Pagefind globs)."""
    pages: int

    @property
    def glob(self) -> str:
        """Return the one glob Pagefind takes."""
        return self.globs[0] if len(self.globs) == 1 else "{" + ",".join(self.globs) + "}"


@dataclass(frozen=True)
class IndexReport:
    """What Pagefind indexed for one bundle."""

    bundle: str
    pages: int
    """Pages indexed (from Pagefind's summary; 0 if it did not say)."""
    seconds: float


def _groups(prefix: str, urls: list[str], limit: int) -> list[tuple[str, int]]:
    """Split the URLs under `prefix` into (glob, pages) groups of at most `limit` pages."""
    if len(urls) <= limit:
        return [(f"{prefix}**/*.html", len(urls))]
    exact = [u for u in urls if u == prefix]
    children: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        if url != prefix:
            children[url[len(prefix) :].split("/", 1)[0]].append(url)
    if len(children) == 1 and not exact and len(next(iter(children.values()))) == len(urls):
        ((child, inner),) = children.items()
        return _groups(f"{prefix}{child}/", inner, limit)
    out = [(f"{prefix}index.html", 1)] if exact else []
    for child in sorted(children):
        out += _groups(f"{prefix}{child}/", children[child], limit)
    return out


def plan(urls: list[str], limit: int | None = None) -> list[Bundle]:
    """Return the bundles that index the document pages at `urls` (`en/A/70/1/` ...)."""
    limit = limit or SHARD_PAGES
    by_language: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        by_language[url.split("/", 1)[0]].append(url)
    bundles = []
    for language, found in sorted(by_language.items()):
        shards: list[list[tuple[str, int]]] = [[]]
        size = 0
        for glob, pages in _groups(f"{language}/", sorted(found), limit):
            if size + pages > limit and shards[-1]:
                shards.append([])
                size = 0
            shards[-1].append((glob, pages))
            size += pages
        for n, shard in enumerate(shards, 1):
            name = language if len(shards) == 1 else f"{language}.{n}"
            bundles.append(
                Bundle(name, language, tuple(g for g, _ in shard), sum(p for _, p in shard))
            )
    return bundles


def index_bundle(site: Path, bundle: Bundle, subdir: str | None = None) -> IndexReport:
    """Run Pagefind (the `pagefind` package's extended binary) over one bundle's pages."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--glob",
        bundle.glob,
        "--output-subdir",
        subdir or f"pagefind/{bundle.name}",
    ]
    if bundle.language in BIGRAM_LANGUAGES:
        command += ["--force-language", "en"]
    start = time.perf_counter()
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
    found = re.search(r"Indexed (\d+) pages?", output)
    return IndexReport(
        bundle.name, int(found.group(1)) if found else 0, time.perf_counter() - start
    )


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


def drop_stale(site: Path, bundles: list[Bundle]) -> None:
    """Remove bundles no longer planned (a language gone, or shards regrouped)."""
    folder = site / "pagefind"
    if not folder.is_dir():
        return
    names = {bundle.name for bundle in bundles}
    for path in folder.iterdir():
        if path.is_dir() and path.name not in names:
            shutil.rmtree(path, ignore_errors=True)
