"""Which documents of the archive are worth comparing, and where each comparison's page is.

- a revision and what it revises (`Rev.2` against `Rev.1`, `Rev.1` against the original);
- a resolution and the draft it was adopted from (`/L.` drafts its masthead names);
- a resolution and the previous one of its series: the same body adopting a resolution of the
  same title, session after session (the German General Assembly resolutions of 2000-2009
  hold hundreds of such series);
- a document and its English version, side by side (each other language beside English).

Only pairs held in one language are compared (a revision in French against the original in
French), and only pairs that exist get a page. Aligned excerpts (a few sentences of each
version, `Record.excerpt`) are shown beside each other, line by line, but not compared with
another document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

from .. import urls
from ..model import Record
from ..read import symbols

if TYPE_CHECKING:
    from .graph import Archive, Doc

#: The language every other is shown beside.
PIVOT = "en"

_REVISION = re.compile(r"^(?P<base>.+)/Rev\.(?P<n>\d{1,2})$")


@dataclass(frozen=True, eq=False)
class Pair:
    """Two documents compared on one page."""

    kind: str
    """`revision`, `draft`, `series` (the new one against the one before it, the same
    language) or `language` (`old` the English version, `new` the other)."""
    old: Doc
    new: Doc
    url: str
    """Site-relative URL of the comparison's page."""


@dataclass
class Pairs:
    """Every comparison of the archive, and each document's."""

    pairs: list[Pair] = field(default_factory=list)
    by_doc: dict[str, list[Pair]] = field(default_factory=dict)
    """Doc URL -> the comparisons it is in, as either side."""
    series: dict[str, tuple[Doc | None, Doc | None]] = field(default_factory=dict)
    """Doc URL of a resolution in a series -> the one before it and the one after."""


def find_pairs(archive: Archive) -> Pairs:
    """Return the comparisons of the archive."""
    found = Pairs()
    for doc in archive.docs:
        if archive.copies.get(doc.url) is not None or not doc.record.symbol:
            continue  # a second copy is compared as its owner
        for old, kind in _earlier(archive, doc):
            found.pairs.append(Pair(kind, old, doc, compare_url(doc, old)))
        if doc.record.language != PIVOT and doc.links.key:
            pivot = archive.by_symbol[doc.links.key].get(PIVOT)
            if pivot is not None:
                found.pairs.append(Pair("language", pivot, doc, parallel_url(doc, pivot)))
    for chain in _series(archive).values():
        for before, after, following in zip(
            [None, *chain[:-1]], chain, [*chain[1:], None], strict=True
        ):
            found.series[after.url] = (before, following)
            if before is not None:
                found.pairs.append(Pair("series", before, after, compare_url(after, before)))
    for pair in found.pairs:
        found.by_doc.setdefault(pair.new.url, []).append(pair)
        found.by_doc.setdefault(pair.old.url, []).append(pair)
    return found


class KeptPairs(NamedTuple):
    """The comparisons of a build by their documents' URLs, as the build cache keeps them
    for the next build (`kept`, `restored`)."""

    pairs: tuple[tuple[str, str, str, str], ...]
    """(kind, the older document's URL, the newer's, the page's URL) of each, in order."""
    series: tuple[tuple[str, str | None, str | None], ...]
    """(URL, the one before's, the one after's) of each resolution in a series."""


def kept(pairs: Pairs) -> KeptPairs:
    """Return the comparisons by URL, to keep in the build cache."""

    def url(doc: Doc | None) -> str | None:
        return None if doc is None else doc.url

    return KeptPairs(
        tuple((p.kind, p.old.url, p.new.url, p.url) for p in pairs.pairs),
        tuple((at, url(before), url(after)) for at, (before, after) in pairs.series.items()),
    )


def restored(kept: KeptPairs, archive: Archive) -> Pairs:
    """Return the comparisons a build cache kept, with this archive's documents: those of
    an archive whose changes change none of them (`plan.same_comparisons`); as `find_pairs`
    gives them, without its 0.2 s at the shared corpus's size."""
    by_url = {doc.url: doc for doc in archive.docs}

    def doc(url: str | None) -> Doc | None:
        return None if url is None else by_url[url]

    found = Pairs()
    found.pairs = [Pair(kind, by_url[old], by_url[new], url) for kind, old, new, url in kept.pairs]
    for pair in found.pairs:
        found.by_doc.setdefault(pair.new.url, []).append(pair)
        found.by_doc.setdefault(pair.old.url, []).append(pair)
    found.series = {at: (doc(before), doc(after)) for at, before, after in kept.series}
    return found


def swap_docs(pairs: Pairs, swapped: dict[int, Doc]) -> Pairs:
    """Return `pairs` with documents replaced (`id` of the old Doc -> the new one): the
    comparisons of an archive patched with edits that change none of them (`pair_fields`
    and the drafts the same: `Site`)."""
    found = Pairs()
    for pair in pairs.pairs:
        old, new = swapped.get(id(pair.old), pair.old), swapped.get(id(pair.new), pair.new)
        same = old is pair.old and new is pair.new
        found.pairs.append(pair if same else replace(pair, old=old, new=new))
    for pair in found.pairs:
        found.by_doc.setdefault(pair.new.url, []).append(pair)
        found.by_doc.setdefault(pair.old.url, []).append(pair)
    found.series = {
        url: (
            None if before is None else swapped.get(id(before), before),
            None if after is None else swapped.get(id(after), after),
        )
        for url, (before, after) in pairs.series.items()
    }
    return found


def pair_fields(r: Record) -> tuple[object, ...]:
    """What of a record its comparisons depend on, besides its symbol, language and drafts
    (what kind of document it is, its series and its place in it)."""
    return (r.document_type, r.untitled, r.title, r.body, r.excerpt, r.year, r.session)


def _earlier(archive: Archive, doc: Doc) -> list[tuple[Doc, str]]:
    """Return what a document revises and the drafts it was adopted from, in its language
    (neither of two excerpts: their sentences are not the same sentences)."""
    language = doc.record.language
    out: list[tuple[Doc, str]] = []
    if doc.record.excerpt:
        return out
    revision = _REVISION.match(doc.record.symbol or "")
    if revision:
        n = int(revision["n"])
        for symbol in (f"{revision['base']}/Rev.{n - 1}" if n > 1 else "", revision["base"]):
            held = archive.by_symbol.get(symbols.compare_key(symbol), {}).get(language)
            if symbol and held is not None and not held.record.excerpt:
                out.append((held, "revision"))
                break
    for draft in archive.drafts.get(doc.url, ()):
        held = archive.by_symbol.get(symbols.compare_key(draft), {}).get(language)
        if held is not None and not held.record.excerpt:
            out.append((held, "draft"))
    return out


_SPACE = re.compile(r"\s+")


def series_key(r: Record) -> tuple[str, str, str] | None:
    """Return what the resolutions of one series share: body, language and title."""
    if r.document_type != "resolution" or r.untitled or not r.body or not r.symbol or r.excerpt:
        return None
    return (r.body, r.language, _SPACE.sub(" ", r.title).strip(" .").casefold())


def _series(archive: Archive) -> dict[tuple[str, str, str], list[Doc]]:
    """Return each series of two resolutions or more, oldest first."""
    found: dict[tuple[str, str, str], list[Doc]] = defaultdict(list)
    for doc in archive.docs:
        key = series_key(doc.record)
        if key is not None and archive.copies.get(doc.url) is None:
            found[key].append(doc)
    return {
        key: sorted(docs, key=_order)
        for key, docs in found.items()
        if len({d.links.key for d in docs}) > 1
    }


def _order(doc: Doc) -> tuple[int, int, tuple[object, ...]]:
    r = doc.record
    return (r.year or 0, r.session or 0, symbols.natural_key(r.symbol or ""))


def compare_url(new: Doc, old: Doc) -> str:
    """`de/A/RES/55/42/compare/A/RES/54/100/`: the new document's page, then the old one's
    symbol (`urls.symbol_path`; the old one's page if its symbol cannot be a path)."""
    path = urls.symbol_path(old.record.symbol or "") or urls.slug(old.url)
    return f"{new.url}compare/{path}/"


def parallel_url(doc: Doc, beside: Doc) -> str:
    """`fr/A/69/733/parallel/en/`: a document beside another language version."""
    return f"{doc.url}parallel/{beside.record.language}/"
