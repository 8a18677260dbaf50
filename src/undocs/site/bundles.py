"""The search bundles of a site: which document pages each Pagefind bundle indexes.

Each language's document pages (`/<lang>/...`) are indexed into bundles of their own at
`/pagefind/<name>/`, so each is searched with its own language's analyser and the search page
can query several side by side. A language with more pages than `SHARD_PAGES` is split into
several bundles along its URL folders (`de.1`, `de.2` ...): the memory of one Pagefind run is
then bounded by the shard size, however large the archive grows. `build.search` runs them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

#: Pages at most in one bundle (a Pagefind run indexing 5,000 long pages holds ~2 GB).
SHARD_PAGES = 5000


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


_GLOB_SPECIAL = re.compile(r"([()\[\]{}*?,!\\])")


def literal(part: str) -> str:
    """Return a path part as a glob matching only itself (`(2016)` -> `[(]2016[)]`)."""
    return _GLOB_SPECIAL.sub(r"[\1]", part)


def _groups(prefix: str, urls: list[str], limit: int, depth: int = 1) -> list[tuple[str, int]]:
    """Split the URLs under `prefix` into (glob, pages) groups of at most `limit` pages.

    Children of a folder are taken together by the first `depth` characters of their names
    (`S/RES/5*`), and by longer beginnings or one by one only where a group is too large, so
    that a shard needs a handful of globs, not one per document.
    """
    here = literal(prefix)
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
                f"{here}{literal(start)}/**/*.html"
                if names == {start}
                else f"{here}{literal(start)}*/**/*.html"
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
