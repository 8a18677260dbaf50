"""Discovery files: Atom feeds (site and per body), sitemaps and robots.txt."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import urls
from .gather import body_name, has_feed
from .render import NO_GROUP, Group, Page

if TYPE_CHECKING:
    from ..archive.graph import Doc
    from .gather import Scope, Site

FEED_ENTRIES = 50
SITEMAP_URLS = 40_000  # the protocol allows 50,000 a file


def feed_pages(site: Site, scope: Scope | None = None) -> Iterator[Page]:
    """Yield the Atom feed of the latest documents and one per body (with a `scope`, of the
    bodies it covers)."""
    yield _feed(site, urls.FEED, site.settings.title, site.newest)
    by_body: dict[str, list[Doc]] = defaultdict(list)  # newest first, as site.newest
    for doc in site.newest:
        by_body[body_name(doc.record)].append(doc)
    for body in sorted(site.bodies):
        if (scope is None or body in scope.bodies) and has_feed(by_body[body]):
            url, title = urls.body_feed_url(body), f"{body} · {site.settings.title}"
            yield _feed(site, url, title, by_body[body], Group("body", body))


def _feed(site: Site, url: str, title: str, docs: list[Doc], group: Group = NO_GROUP) -> Page:
    entries = [d.summary for d in docs[:FEED_ENTRIES]]
    updated = max((e.date for e in entries if e.date), default="1970-01-01")
    context = {"title": title, "entries": entries, "updated": updated, "feed_url": url}
    return Page(url, "atom.xml", context, group)


def sitemap_pages(addresses: list[str]) -> Iterator[Page]:
    """Yield `sitemap.xml` (an index when there are more URLs than one file holds) of the
    page URLs, sorted."""
    addresses = sorted(addresses)
    chunks = [addresses[i : i + SITEMAP_URLS] for i in range(0, len(addresses), SITEMAP_URLS)] or [
        []
    ]
    if len(chunks) == 1:
        yield Page(urls.SITEMAP, "sitemap.xml", {"urls": chunks[0]})
        return
    names = []
    for n, chunk in enumerate(chunks, 1):
        names.append(urls.sitemap_url(n))
        yield Page(names[-1], "sitemap.xml", {"urls": chunk})
    yield Page(urls.SITEMAP, "sitemap-index.xml", {"sitemaps": names})


def robots_page() -> Page:
    """Return robots.txt: everything may be crawled; where the sitemap is."""
    return Page(urls.ROBOTS, "robots.txt", {})
