"""What a document page shows: its record, text, links both ways, family, versions, citing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import urls
from ..archive.graph import Doc, citation_number, resolution_key, resolution_url, target_symbol
from ..lang.languages import BIGRAM_LANGUAGES
from ..model import Citation
from ..read import symbols
from ..urls import root_of, undocs_url
from . import i18n, references
from .adoptions import Shown, adoptions
from .charts import CITING, YearCounts, year_counts
from .comparepage import comparison_links
from .render import OFFICIAL_LANGUAGES, Settings
from .textbody import cjk_bigrams, render_body

#: Languages whose pages are indexed as character bigrams (see `cjk_bigrams`).

if TYPE_CHECKING:
    from .gather import Site


def _adoptions(site: Site, doc: Doc, root: str) -> list[Shown]:
    """Return how this resolution was adopted: as its own text says, then as the documents
    citing it record (the report's recorded vote)."""
    key = citation_number(doc.record)
    if key is None:
        return []
    return adoptions(site.archive, site.archive.resolutions.get(key), [doc], root)


def citation_href(site: Site, cite: Citation, doc: Doc) -> str | None:
    """Return where a citation in the text links: the archive's page (at the paragraph it
    names, where that page has it), else the UN's."""
    archive = site.archive
    target = target_symbol(cite, doc.record)
    held = archive.doc_for(target, doc.record.language) if target else None
    if held is not None:
        if cite.paragraphs and cite.paragraphs[0] in site.anchors(held):
            return f"{root_of(doc.url)}{held.url}#para-{cite.paragraphs[0]}"
        return root_of(doc.url) + held.url
    if cite.kind == "resolution":
        return root_of(doc.url) + resolution_url(resolution_key(cite, doc.record))
    return undocs_url(target) if target else None


@dataclass(frozen=True, slots=True)
class CitedResolution:
    """A resolution a document cites, as its page lists it."""

    target: str
    """The number as cited (`60/251`)."""
    body: str
    page: str
    """Its page in the archive (relative to the citing page)."""
    symbol: str | None
    held: bool
    """Whether the archive holds its text in the citing document's language."""


@dataclass(frozen=True, slots=True)
class DocumentLink:
    """A document a page links by its symbol: to its page here, else to the UN's copy."""

    symbol: str
    href: str
    held: bool
    title: str = ""
    """The held document's own title ("" when not held or untitled)."""
    language: str = ""
    """The language of the version linked, when the archive holds none in the page's own
    ("" when it is the page's language, or not held)."""


def document_context(site: Site, doc: Doc) -> dict[str, Any]:
    """Return the template context of a document page."""
    archive, r, root = site.archive, doc.record, root_of(doc.url)
    text = site.text(r)
    resolutions: dict[str, CitedResolution] = {}
    documents: dict[str, DocumentLink] = {}
    for cite in r.citations:
        if cite.kind == "resolution" and cite.target not in resolutions:
            key = resolution_key(cite, r)
            entry = archive.resolutions[key]
            held = archive.doc_for(entry.symbol, r.language) if entry.symbol else None
            resolutions[cite.target] = CitedResolution(
                cite.target, key.body, root + entry.url, entry.symbol, held is not None
            )
        elif cite.kind == "document" and cite.target not in documents:
            documents[cite.target] = _link(site, doc, cite.target)
    versions = archive.versions(doc)
    held_languages = {v.record.language for v in versions} | {r.language}
    parent, children = archive.family(doc)
    owner = archive.copies.get(doc.url)
    citing = archive.by_document([d for d in archive.citing(doc) if d is not doc], r.language)
    pinned = cited_paragraphs(citing, doc.links.key)
    ref = references.reference(r, site.settings.public(doc.url))
    ui = site.settings.interface(r.language)  # the page speaks its document's language
    return {
        **({"canonical": site.settings.public(owner.url)} if owner else {}),
        "copy_of": owner.summary if owner else None,
        "copies": [c.summary for c in archive.held_twice.get(doc.url, [])],
        "doc": doc,
        "r": r,
        "root": root,
        "lang": r.language,
        "ui": ui,
        "body_html": render_body(
            text,
            r.body_offset,
            r.citations,
            lambda c: citation_href(site, c, doc),
            paragraph_citation(r.symbol, ui) if r.symbol else None,
            r.symbol,
        ),
        "resolutions": sorted(resolutions.values(), key=lambda c: symbols.natural_key(c.target)),
        "documents": sorted(documents.values(), key=lambda c: symbols.natural_key(c.symbol)),
        "cited_by": [[d.summary for d in row] for row in citing],
        "pinned": pinned,
        "citing_chart": citing_chart(citing),
        "citing_facets": list_facets(citing, "citedby-list"),
        "pinned_counts": paragraph_counts(pinned),
        "anchors": site.anchors(doc) if pinned else frozenset(),
        "versions": [v.summary for v in versions],
        "missing_languages": [c for c in OFFICIAL_LANGUAGES if c not in held_languages]
        if r.symbol
        else [],
        "parent": parent.summary if parent else None,
        "children": [c.summary for c in children],
        "drafts": [_link(site, doc, s) for s in archive.drafts.get(doc.url, [])],
        "adopted": [d.summary for d in archive.adopted.get(doc.links.key or "", [])],
        "adoptions": _adoptions(site, doc, root),
        "body_url": urls.body_url(r.body),
        "session_url": urls.session_url(r.body, r.session) if r.session else None,
        "undocs_url": undocs_url(r.symbol) if r.symbol else None,
        "year": str(r.year) if r.year else "",
        "cite_as": r.symbol or r.title,
        "cite_meta": references.meta_tags(ref),
        "cite_files": references.downloads(ref),
        "agenda": [
            (item, urls.item_url(r.body, r.session, item) if r.session else None)
            for item in r.agenda_items
        ],
        "compared": comparison_links(site, doc),
        "permalink": site.settings.absolute(doc.url),
        "json_ld": json_ld(site.settings, doc),
        "search_text": cjk_bigrams(text[r.body_offset :])
        if r.language in BIGRAM_LANGUAGES
        else None,
    }


def cited_paragraphs(rows: list[list[Doc]], key: str | None) -> dict[str, tuple[str, ...]]:
    """Return, for each row of a cited-by list whose documents cite the symbol with `key` by
    paragraph, the paragraphs they name (by the URL of the row's first document)."""
    found: dict[str, tuple[str, ...]] = {}
    if key is None:
        return found
    for row in rows:
        numbers = {n for d in row for n in d.links.paragraphs(key)}
        if numbers:
            found[row[0].url] = tuple(sorted(numbers, key=int))
    return found


#: The fewest citing documents a chart of them by year is drawn for.
CHART_FROM = 2


def citing_chart(rows: list[list[Doc]]) -> YearCounts | None:
    """Return the counts by year a chart of the citing documents draws (one per row: a
    document in all its languages), or none for fewer than `CHART_FROM`."""
    if len(rows) < CHART_FROM:
        return None
    return year_counts(CITING, (row[0].record.year for row in rows))


#: A list of this many rows or more can be filtered by year, body and language (`listfilter.html`).
FILTER_FROM = 8


@dataclass(frozen=True, slots=True)
class ListFacets:
    """What a long list of documents can be filtered by (`listfilter.html`)."""

    id: str
    """The id of the list's element."""
    total: int
    """Its rows."""
    years: list[int]
    """Newest first."""
    bodies: list[str]
    """Commonest first."""
    languages: list[str]
    """Every language a row holds, by code."""


def list_facets(rows: list[list[Doc]], list_id: str) -> ListFacets | None:
    """Return the values a list of documents can be filtered by, or None for a short list."""
    if len(rows) < FILTER_FROM:
        return None
    years = {row[0].record.year for row in rows if row[0].record.year}
    bodies = Counter(row[0].record.body for row in rows if row[0].record.body)
    languages = {doc.record.language for row in rows for doc in row}
    return ListFacets(
        list_id,
        len(rows),
        sorted(years, reverse=True),
        [body for body, _ in sorted(bodies.items(), key=lambda kv: (-kv[1], kv[0]))],
        sorted(languages),
    )


def paragraph_counts(pinned: dict[str, tuple[str, ...]]) -> list[tuple[str, int]]:
    """Return each paragraph cited with how many citing documents name it, in order."""
    counts = Counter(n for numbers in pinned.values() for n in numbers)
    return sorted(counts.items(), key=lambda nc: int(nc[0]))


def _link(site: Site, doc: Doc, symbol: str) -> DocumentLink:
    held = site.archive.doc_for(symbol, doc.record.language)
    href = root_of(doc.url) + held.url if held else undocs_url(symbol)
    title = held.record.title if held and not held.record.untitled else ""
    other = held.record.language if held and held.record.language != doc.record.language else ""
    return DocumentLink(symbol, href, held is not None, title, other)


def paragraph_citation(symbol: str, ui: str) -> str:
    """Return how a paragraph of the document `symbol` is cited in the interface language
    `ui`, `{n}` standing for its number ("A/RES/70/1, para. {n}", "A/RES/70/1, 第{n}段")."""
    return f"{symbol}, " + i18n.translations(ui).gettext("para. %(n)s") % {"n": "{n}"}


def json_ld(settings: Settings, doc: Doc) -> dict[str, Any]:
    """Return schema.org metadata of a document (rendered with `json_script`)."""
    r = doc.record
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Legislation"
        if r.document_type in ("resolution", "decision")
        else "Report"
        if r.document_type == "report"
        else "CreativeWork",
        "name": r.title,
        "inLanguage": r.language,
        "url": settings.absolute(doc.url),
        "publisher": {"@type": "Organization", "name": "United Nations"},
    }
    if r.symbol:
        data["identifier"] = r.symbol
        data["sameAs"] = undocs_url(r.symbol)
    if r.date:
        data["datePublished"] = r.date
    if r.body:
        data["author"] = {"@type": "Organization", "name": r.body}
    return data
