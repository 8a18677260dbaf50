"""What a comparison page shows, and the links to comparisons on a document page."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest
from typing import TYPE_CHECKING, Any

from ..archive.graph import Doc
from ..archive.pairs import compare_url
from ..urls import root_of
from .compare import compare, side_by_side
from .i18n import direction

if TYPE_CHECKING:
    from .gather import Site

#: What each kind of comparison is called on the pages.
KIND_NAMES = {
    "revision": "revision",
    "draft": "draft adopted",
    "series": "previous in series",
    "language": "languages",
}


def comparison_context(site: Site, kind: str, old: Doc, new: Doc, url: str) -> dict[str, Any]:
    """Return the template context of a comparison page (worked out as it is written)."""
    before, after = site.paragraphs(old), site.paragraphs(new)
    root = root_of(url)
    # in the language of the newer document where the site has an interface in it (a side
    # by side view holds two: its interface is the newer one's)
    ui = site.settings.interface(new.record.language)
    context: dict[str, Any] = {
        "kind": kind,
        "old": old.summary,
        "new": new.summary,
        "ui": ui,
        "lang": ui if kind == "language" else new.record.language,
        "root": root,
        "dir_old": direction(old.record.language),
        "dir_new": direction(new.record.language),
    }
    if kind == "language" and old.record.excerpt and new.record.excerpt:
        context["pairs"] = list(zip_longest(before, after))  # aligned line by line
    elif kind == "language":
        context["pairs"] = side_by_side(before, after)
    else:
        changes = compare(before, after)
        context["changes"] = changes
        context["counts"] = {
            name: changes.count(name)
            for name in ("changed", "inserted", "deleted", "moved", "same")
        }
    return context


@dataclass(frozen=True, slots=True)
class ComparisonLink:
    """A comparison a document page links to; document.html words it in the page's
    language ("What changed since A/RES/54/100 (2000) (the previous in its series)")."""

    href: str
    language: str = ""
    """For a side-by-side view: the other language's code."""
    since: bool = True
    """What changed since the other document (else: in it)."""
    kind: str = ""
    """The pair's kind: "revision", "draft" or "series"."""
    name: str = ""
    """The other document, named by its symbol and year."""


def comparison_links(site: Site, doc: Doc) -> dict[str, Any]:
    """Return the comparisons a document's page links to: changes from what came before,
    to what came after, the resolutions before and after it in its series, and the
    side-by-side views with its other language versions."""
    root = root_of(doc.url)
    changes: list[ComparisonLink] = []
    sides: list[ComparisonLink] = []
    for pair in site.pairs.by_doc.get(doc.url, ()):
        href = root + pair.url
        if pair.kind == "language":
            other = pair.old if pair.new is doc else pair.new
            sides.append(ComparisonLink(href, other.record.language))
        elif pair.new is doc:
            changes.append(ComparisonLink(href, since=True, kind=pair.kind, name=_name(pair.old)))
        elif pair.kind != "series":  # the next in a series is linked as "next" below
            changes.append(ComparisonLink(href, since=False, kind=pair.kind, name=_name(pair.new)))
    before, after = site.pairs.series.get(doc.url, (None, None))
    return {
        "changes": changes,
        "sides": sorted(sides, key=lambda link: link.language),
        "previous": before.summary if before else None,
        "next": after.summary if after else None,
        "next_changes": root + compare_url(after, doc) if after else None,
    }


def _name(doc: Doc) -> str:
    r = doc.record
    return f"{r.symbol} ({r.year})" if r.year else str(r.symbol)
