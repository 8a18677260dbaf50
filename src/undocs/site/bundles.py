"""The search bundles of a site: which document pages each Pagefind bundle indexes.

Each language's document pages (`/<lang>/...`) are indexed into bundles of their own at
`/pagefind/<name>/`, so each is searched with its own language's analyser and the search page
can query several side by side. A language whose pages weigh more than `SHARD_BYTES` (their
source texts' sizes, plus `PAGE_BYTES` a page) is split into several bundles along its URL
folders (`de.1`, `de.2` ...): the memory and time of one Pagefind run grow faster than its
pages' text, so shards bound the first however large the archive grows, and shorten the
second. `build.search` runs them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

#: Source text at most in one bundle. Measured on the shared corpus (Pagefind 1.5, one run):
#: the German pages, 49 MB of source text, take 13.4 s and 1.8 GB; a 14 MB shard about 5 s
#: and 0.4 to 0.57 GB. Each shard costs a reader's first query its own index files: at 14 MB
#: (five German shards) a German query fetched at worst 576 kB in 60 requests, at 20 MB
#: (three) 510 kB in 45. `build.search` runs a large shard beside small bundles only, so the
#: corpus build with search still peaks under 1 GiB (922 MiB), about 7 s longer.
SHARD_BYTES = 20_000_000

#: What a page weighs besides its text (its Pagefind record's fixed part).
PAGE_BYTES = 2_000


@dataclass(frozen=True)
class Bundle:
    """One Pagefind bundle: a language's pages, or a shard of them."""

    name: str
    """Folder under /pagefind/: the language code, or `de.2` for a shard."""
    language: str
    globs: tuple[str, ...]
    """The folders of its pages, as Pagefind globs relative to the site: what it holds, in
    brief (Pagefind is given `files`)."""
    pages: int
    weight: int = 0
    """What its pages weigh (`plan`'s weights: their source texts' sizes): what a Pagefind run
    over them holds in memory grows with it (`build.search` schedules the runs by it)."""
    files: tuple[str, ...] = ()
    """Its pages' paths, relative to the site: Pagefind is run over a folder of links to them
    alone (`build.search.index_bundle`); with the globs over the site it walked every file of
    the site for each bundle (0.6 s at the shared corpus's size, 10 to 20 s at 100,000
    documents)."""


_GLOB_SPECIAL = re.compile(r"([()\[\]{}*?,!\\])")


def literal(part: str) -> str:
    """Return a path part as a glob matching only itself (`(2016)` -> `[(]2016[)]`)."""
    return _GLOB_SPECIAL.sub(r"[\1]", part)


def _groups(
    prefix: str, urls: list[str], limit: int, weights: dict[str, int], depth: int = 1
) -> list[tuple[str, list[str]]]:
    """Split the URLs under `prefix` into (glob, urls) groups weighing at most `limit`.

    Children of a folder are taken together by the first `depth` characters of their names
    (`S/RES/5*`), and by longer beginnings or one by one only where a group is too large, so
    that a shard needs a handful of globs, not one per document.
    """

    def weight(found: list[str]) -> int:
        return sum(weights.get(url, 1) for url in found)

    here = literal(prefix)
    if weight(urls) <= limit or len(urls) == 1:
        return [(f"{here}**/*.html", urls)]
    exact = [u for u in urls if u == prefix]
    buckets: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        if url != prefix:
            name = url[len(prefix) :].split("/", 1)[0]
            buckets[name[:depth]].append(url)
    out = [(f"{here}index.html", exact)] if exact else []
    for start in sorted(buckets):
        inside = buckets[start]
        names = {u[len(prefix) :].split("/", 1)[0] for u in inside}
        if weight(inside) <= limit:
            glob = (
                f"{here}{literal(start)}/**/*.html"
                if names == {start}
                else f"{here}{literal(start)}*/**/*.html"
            )
            if names == {start} or all(n.startswith(start) for n in names):
                out.append((glob, inside))
                continue
        if len(names) == 1:  # one folder too large: split inside it
            out += _groups(f"{prefix}{names.pop()}/", inside, limit, weights)
        else:  # several folders sharing a beginning: look at one more character
            out += (
                _groups(prefix, inside, limit, weights, depth + 1)
                if depth < 12
                else [
                    item
                    for name in sorted(names)
                    for item in _groups(
                        f"{prefix}{name}/",
                        [u for u in inside if u.startswith(f"{prefix}{name}/")],
                        limit,
                        weights,
                    )
                ]
            )
    return out


def plan(
    urls: list[str], weights: dict[str, int] | None = None, limit: int | None = None
) -> list[Bundle]:
    """Return the bundles that index the document pages at `urls` (`en/A/70/1/` ...), each
    weighing at most `limit` (default `SHARD_BYTES`) by `weights` (URL -> weight; a page
    not in it weighs 1)."""
    limit = limit or SHARD_BYTES
    weights = weights or {}
    by_language: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        by_language[url.split("/", 1)[0]].append(url)
    bundles = []
    for language, found in sorted(by_language.items()):
        # a language's folder holds its site pages too (`fr/bodies/`): a bundle names the
        # documents' own first folders (`fr/A/`, `fr/doc/`), never a pattern over the whole
        folders: dict[str, list[str]] = defaultdict(list)
        for url in sorted(found):
            folders[url.split("/", 2)[1]].append(url)
        groups = [
            group
            for name, inside in sorted(folders.items())
            for group in _groups(f"{language}/{name}/", inside, limit, weights)
        ]
        # first fit, heaviest groups first: as few shards as the limit allows
        heavy = {glob: sum(weights.get(url, 1) for url in inside) for glob, inside in groups}
        shards: list[list[tuple[str, list[str]]]] = []
        sizes: list[int] = []
        for glob, inside in sorted(groups, key=lambda group: (-heavy[group[0]], group[0])):
            room = next((n for n, size in enumerate(sizes) if size + heavy[glob] <= limit), None)
            if room is None:
                shards.append([])
                sizes.append(0)
                room = len(shards) - 1
            shards[room].append((glob, inside))
            sizes[room] += heavy[glob]
        shards = sorted(sorted(shard) for shard in shards)
        for n, shard in enumerate(shards, 1):
            name = language if len(shards) == 1 else f"{language}.{n}"
            bundles.append(
                Bundle(
                    name,
                    language,
                    tuple(g for g, _ in shard),
                    sum(len(u) for _, u in shard),
                    sum(heavy[g] for g, _ in shard),
                    tuple(sorted(url + "index.html" for _, inside in shard for url in inside)),
                )
            )
    return bundles
