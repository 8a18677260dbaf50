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


_GLOB_SPECIAL = re.compile(r"([()\[\]{}*?,!\\])")


def _literal(part: str) -> str:
    """Return a path part as a glob matching only itself (`(2016)` -> `[(]2016[)]`)."""
    return _GLOB_SPECIAL.sub(r"[\1]", part)


def _groups(prefix: str, urls: list[str], limit: int, depth: int = 1) -> list[tuple[str, int]]:
    """Split the URLs under `prefix` into (glob, pages) groups of at most `limit` pages.

    Children of a folder are taken together by the first `depth` characters of their names
    (`S/RES/5*`), and by longer beginnings or one by one only where a group is too large, so
    that a shard needs a handful of globs, not one per document.
    """
    here = _literal(prefix)
    if len(urls) <= limit:
        return [(f"{here}**/*.html", len(urls))]
    exact = [u for u in urls if u == prefix]
    buckets: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        if url != prefix:
            name = url[len(prefix) :].split("/", 1)[0]
            buckets[name[:depth]].append(url)
    out = [(f"{here}index.html", 1)] if exact else []
    for start in sorted(buckets):
        inside = buckets[start]
        names = {u[len(prefix) :].split("/", 1)[0] for u in inside}
        if len(inside) <= limit:
            glob = (
                f"{here}{_literal(start)}/**/*.html"
                if names == {start}
                else f"{here}{_literal(start)}*/**/*.html"
            )
            if names == {start} or all(n.startswith(start) for n in names):
                out.append((glob, len(inside)))
                continue
        if len(names) == 1:  # one folder too large: split inside it
            out += _groups(f"{prefix}{names.pop()}/", inside, limit)
        else:  # several folders sharing a beginning: look at one more character
            out += (
                _groups(prefix, inside, limit, depth + 1)
                if depth < 12
                else [
                    item
                    for name in sorted(names)
                    for item in _groups(
                        f"{prefix}{name}/",
                        [u for u in inside if u.startswith(f"{prefix}{name}/")],
                        limit,
                    )
                ]
            )
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


def drop_stale(site: Path, bundles: list[Bundle]) -> None:
    """Remove bundles no longer planned (a language gone, or shards regrouped)."""
    folder = site / "pagefind"
    if not folder.is_dir():
        return
    names = {bundle.name for bundle in bundles}
    for path in folder.iterdir():
        if path.is_dir() and path.name not in names:
            shutil.rmtree(path, ignore_errors=True)
