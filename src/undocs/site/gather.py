"""Every page of the site, gathered from the archive before any is written."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from .. import urls
from ..archive.graph import Archive, Doc
from ..archive.pairs import Pairs, find_pairs, pair_fields, swap_docs
from ..archive.quality import Gap, gaps, report
from ..model import RECORD_FIELDS, Problem, Record, ResolutionKey
from ..read import symbols
from ..read.loader import read_text
from ..urls import root_of, undocs_url
from . import references
from .adoptions import adoptions, state_votes
from .bundles import PAGE_BYTES, Bundle, plan
from .charts import DOCUMENTS, year_counts
from .compare import Paragraph, paragraphs
from .comparepage import comparison_context
from .content import ContentPage, moved
from .docpage import (
    cited_paragraphs,
    citing_chart,
    document_context,
    list_facets,
    paragraph_counts,
)
from .exports import DATA_FILES
from .i18n import UNKNOWN_BODY
from .render import NO_GROUP, Group, Page, Settings
from .textbody import paragraph_numbers

PER_PAGE = 100

#: The facets documents are browsed by: name, the value of a record (their titles are in
#: `heading.html`).
FACETS: tuple[tuple[str, Callable[[Record], str]], ...] = (
    ("years", lambda r: str(r.year) if r.year else "undated"),
    ("types", lambda r: r.document_type),
    ("languages", lambda r: r.language),
)

DOCUMENT_GROUP = Group("document")
#: The group of the list of every document (`/documents/`).
ALL_DOCUMENTS = Group("documents")
#: The group of the states' pages of votes and their index.
STATES_GROUP = Group("states")
#: Documents whose paragraphs a process keeps for comparisons (`Site.paragraphs`).
PARAGRAPHS_KEPT = 64
#: The group kind of comparison pages: gathered again with their body's documents, and
#: left out of the sitemap (they are not pages to find, but views of two pages).
COMPARISON = "comparison"
#: The templates of comparison pages (`comparison_context`).
COMPARISON_TEMPLATES = ("compare.html", "parallel.html")


@dataclass(frozen=True)
class Scope:
    """Where a change can show among the grouped pages (`Page.group`): the groups an
    incremental build gathers again. The others are as the last build wrote them; the pages
    of no group (home, indexes, search) are gathered by every build."""

    bodies: frozenset[str] = frozenset()
    """The bodies whose lists (their documents, references, feed) and comparison pages are
    gathered again (a change of what lists show of a document, its symbol or its year, can
    add or drop a comparison)."""
    texts: frozenset[str] = frozenset()
    """The URLs of the documents whose texts changed: their comparisons are gathered again
    (`compares`)."""
    sessions: frozenset[tuple[str, str]] = frozenset()
    """(body, session number) pairs: the pages of a session (its list of agenda items)."""
    items: frozenset[tuple[str, str, str]] = frozenset()
    """(body, session number, agenda item) triples: the pages of one item of a session (the
    General Assembly's sessions have hundreds: an edit gathers its own items' pages)."""
    facets: frozenset[tuple[str, str]] = frozenset()
    """(facet name, value) pairs."""
    resolutions: frozenset[ResolutionKey] = frozenset()
    symbols: frozenset[str] = frozenset()
    """`compare_key` of the changed documents' symbols: a resolution page lists the documents
    with its symbol as its versions."""
    documents: bool = False
    """The list of every document (`/documents/`) is gathered again."""
    states: bool = False
    """The states' pages of votes are gathered again."""

    def covers(self, group: Group) -> bool:
        """Return whether the pages of `group` are gathered again."""
        if group.kind in ("body", COMPARISON):
            return group.name in self.bodies
        if group.kind == ALL_DOCUMENTS.kind:
            return self.documents
        if group.kind == STATES_GROUP.kind:
            return self.states
        if group.kind == "session":
            return (group.name, group.value) in self.sessions
        if group.kind == "item":
            return (group.name, group.value, group.item) in self.items
        if group.kind == "facet":
            return (group.name, group.value) in self.facets
        if group.kind == "resolution":
            key = ResolutionKey(group.name, group.value)
            return key in self.resolutions or group.symbol in self.symbols
        return True  # the documents, and the pages of no group

    def compares(self, old: str, new: str) -> bool:
        """Return whether the comparison of the documents at `old` and `new` is gathered
        again for its texts (its body's group may not be)."""
        return old in self.texts or new in self.texts


def has_feed(docs: list[Doc]) -> bool:
    """Return whether a body's documents make an Atom feed: a feed of documents none of
    which is dated would have no date to give (its page then links none)."""
    return any(doc.record.date for doc in docs)


def body_name(record: Record) -> str:
    """Return the body a record is listed under."""
    return record.body or UNKNOWN_BODY


def by_symbol(doc: Doc) -> Any:
    """Sort key: symbols in natural order (`A/70/2` before `A/70/10`), then file."""
    return symbols.natural_key(doc.record.symbol or "~" + doc.url)


def newest_first(docs: list[Doc]) -> list[Doc]:
    """Return documents newest first, ties in natural symbol order."""
    ordered = sorted(docs, key=by_symbol)
    return sorted(ordered, key=lambda d: d.record.date or "", reverse=True)


#: Documents named on the quality page for each gap (all of them in /data/gaps.csv).
GAP_EXAMPLES = 12


class Site:
    """Gathers every page of the archive from the graph."""

    def __init__(
        self,
        archive: Archive,
        content: list[ContentPage],
        settings: Settings,
        problems: list[Problem] | None = None,
        source: Path | None = None,
        previous: Site | None = None,
        record_gaps: Mapping[str, tuple[bool, ...]] | None = None,
    ):
        """Gather the site of `archive`; given the `previous` site, whose archive an edit was
        patched into, its lists are kept where the edit leaves them as they were.
        `record_gaps`: each file's gaps, found as it was read (`quality.record_gaps`)."""
        self.archive = archive
        self.content = content
        self.settings = settings
        self.problems = problems or []
        self.source = source
        """The folder of source files, to read texts again when their pages are written."""
        self.record_gaps = record_gaps
        self.bodies: dict[str, list[Doc]] = defaultdict(list)
        """Body name -> its documents, in archive order."""
        self.facets: dict[str, dict[str, list[Doc]]] = {name: {} for name, _ in FACETS}
        """Facet name -> value -> its documents (in archive order, as `bodies`)."""
        self.newest: list[Doc] = []
        """Every document, newest first."""
        self._anchors: dict[tuple[str, str], frozenset[str]] = {}
        self._paragraphs: dict[tuple[str, str], list[Paragraph]] = {}
        self._pairs_of: tuple[Pairs, dict[int, Doc]] | None = None
        """The previous site's comparisons and the documents an edit swapped in, when the
        edit changed none of them (`pairs`)."""
        if previous is None or not self._reuse(previous):
            self._gather()

    def _gather(self) -> None:
        """Gather the lists of the site from the archive, in one pass over its documents."""
        archive = self.archive
        groups = [(self.facets[name], value) for name, value in FACETS]
        for doc in archive.docs:  # one pass: every list of the site is made of these
            record = doc.record
            self.bodies[body_name(record)].append(doc)
            for found, value in groups:
                key = value(record)
                if key in found:
                    found[key].append(doc)
                else:
                    found[key] = [doc]
        self.newest = newest_first(archive.docs)

    @cached_property
    def bundles(self) -> list[Bundle]:
        """The Pagefind bundles that index the document pages (`bundles.plan`), worked out
        only when a language is indexed whole."""
        return plan([doc.url for doc in self.archive.docs], self._weights())

    def _weights(self) -> dict[str, int]:
        """Return each document page's weight for sharding the search index: its source
        text's size, plus what a page weighs besides."""
        weights = {}
        for doc in self.archive.docs:
            try:
                size = (self.source / doc.record.file).stat().st_size if self.source else 0
            except OSError:
                size = 0
            weights[doc.url] = size + PAGE_BYTES
        return weights

    def _reuse(self, previous: Site) -> bool:
        """Take the lists of `previous` with this archive's documents in the places of the
        documents they replace, when none moved: the same documents, in the same order, each
        with the same URL, symbol, date and value of every facet. Return whether it did."""
        docs, before = self.archive.docs, previous.archive.docs
        if len(docs) != len(before):
            return False
        swapped: dict[int, Doc] = {}
        same_pairs = True  # no edit changed what the comparisons are made of
        for new, old in zip(docs, before, strict=True):
            if new is not old:
                a, b = new.record, old.record
                if (
                    new.url != old.url
                    or a.symbol != b.symbol
                    or a.date != b.date
                    or body_name(a) != body_name(b)
                    or any(value(a) != value(b) for _, value in FACETS)
                ):
                    return False
                swapped[id(old)] = new
                same_pairs = same_pairs and (
                    pair_fields(a) == pair_fields(b)
                    and self.archive.drafts.get(new.url) == previous.archive.drafts.get(old.url)
                )

        def swap(found: list[Doc]) -> list[Doc]:
            return [swapped.get(id(doc), doc) for doc in found]

        # the lists holding no document edited are shared (lists are never changed after)
        edited = [doc.record for doc in swapped.values()]
        bodies = {body_name(record) for record in edited}
        self.bodies = defaultdict(
            list, {b: swap(ds) if b in bodies else ds for b, ds in previous.bodies.items()}
        )
        for name, value in FACETS:
            values = {value(record) for record in edited}
            self.facets[name] = {
                v: swap(ds) if v in values else ds for v, ds in previous.facets[name].items()
            }
        self.newest = swap(previous.newest) if swapped else previous.newest
        if same_pairs and "pairs" in previous.__dict__:  # worked out by the last build
            self._pairs_of = (previous.pairs, swapped)
        return True

    @cached_property
    def gaps(self) -> list[Gap]:
        """Every gap of the archive's records (`quality.gaps`), worked out once a build: the
        quality page and /data/gaps.csv show the same."""
        return gaps([doc.record for doc in self.archive.docs], self.record_gaps)

    def text(self, record: Record) -> str:
        """Return a record's text: held in memory, or read again from its source file."""
        if record.text or self.source is None:
            return record.text
        return read_text(self.source / record.file, record.file, record.text_line)

    def anchors(self, doc: Doc) -> frozenset[str]:
        """Return the paragraph numbers a document's page anchors (`#para-5`), read from its
        text once a process for each version of its source."""
        key = (doc.url, doc.record.digest)
        found = self._anchors.get(key)
        if found is None:
            found = paragraph_numbers(self.text(doc.record), doc.record.body_offset)
            self._anchors[key] = found
        return found

    def paragraphs(self, doc: Doc) -> list[Paragraph]:
        """Return a document's paragraphs as comparisons read them, from its text read once
        for the last few documents compared (an English version is beside five others)."""
        key = (doc.url, doc.record.digest)
        found = self._paragraphs.get(key)
        if found is None:
            r = doc.record
            found = paragraphs(self.text(r), r.body_offset, lines=r.excerpt)
            if len(self._paragraphs) >= PARAGRAPHS_KEPT:
                self._paragraphs.pop(next(iter(self._paragraphs)))
            self._paragraphs[key] = found
        return found

    # Pages ----------------------------------------------------------------------------------

    def pages(self) -> Iterator[Page]:
        """Yield every page of the site; document pages last (the bulk)."""
        yield from self.list_pages()
        yield from self.comparison_pages()
        yield from self.document_pages()

    def document_pages(self, only: set[str] | None = None) -> Iterator[Page]:
        """Yield a page per document (gathered as it is written: `Site.context`); with
        `only`, for the documents at those URLs only."""
        for doc in self.archive.docs:
            if only is None or doc.url in only:
                yield Page(doc.url, "document.html", {"doc": doc}, DOCUMENT_GROUP)

    def list_pages(self, scope: Scope | None = None) -> Iterator[Page]:
        """Yield every page but the documents': home, lists, resolutions, search, content;
        with a `scope`, only the groups of pages it covers (and those of no group). The
        site's pages are in each of its interface languages (`localized`); a resolution's
        page is in the site's language only."""
        yield from self.localized(self.home())
        if scope is None or scope.covers(ALL_DOCUMENTS):
            heading = {"kind": "documents"}
            for page in self.paged(urls.DOCUMENTS, heading, self.newest, group=ALL_DOCUMENTS):
                yield from self.localized(page)
        for page in self.browse(scope):
            yield from self.localized(page)
        yield from self.resolution_pages(scope)
        if scope is None or scope.covers(STATES_GROUP):
            for page in self.state_pages():
                yield from self.localized(page)
        yield from self.search_pages()
        yield from self.content_pages()
        # served at whatever address was missing: its links cannot be relative
        yield from self.localized(
            Page(urls.NOT_FOUND, "404.html", {"root": self.settings.root_path()})
        )
        yield from self.localized(
            Page(urls.DATA, "data.html", {"files": DATA_FILES, "fields": RECORD_FIELDS})
        )
        yield from self.localized(self.quality())

    def localized(self, page: Page) -> Iterator[Page]:
        """Yield a site page in each interface language: at its URL in the root's, under
        `/<lang>/` in the others, all made from the same data (files that are not pages, a
        body's references, are the same in every language: yielded once)."""
        if not page.template.endswith(".html"):
            yield page
            return
        settings = self.settings
        yield replace(page, context={**page.context, "base": page.url})
        for ui in settings.interface_languages:
            if ui != settings.home_language:
                context = {**page.context, "base": page.url, "ui": ui, "lang": ui}
                yield Page(settings.prefix(ui) + page.url, page.template, context, page.group)

    def content_pages(self) -> Iterator[Page]:
        """Yield the Markdown pages in each interface language: `about.fr.md` in French,
        and where a page has no version in a language, the one in the site's language (or
        the first there is), marked with its own language."""
        settings = self.settings
        versions: dict[str, dict[str, ContentPage]] = {}
        for page in self.content:
            versions.setdefault(page.url, {}).setdefault(page.language or settings.language, page)
        for url, found in versions.items():
            fallback = found.get(settings.language) or next(iter(found.values()))
            for ui in settings.interface_languages:
                page = found.get(ui, fallback)
                # shown at `fr/about/` though written for `about/`: its links one level up
                written = settings.prefix(settings.interface(page.language or settings.language))
                page = moved(page, settings.prefix(ui).count("/") - written.count("/"))
                context = {
                    "page": page,
                    "page_lang": page.language or settings.language,
                    "base": url,
                    "ui": ui,
                    "lang": ui,
                }
                yield Page(settings.prefix(ui) + url, "page.html", context)

    def context(self, page: Page) -> dict[str, Any]:
        """Return the context a page renders with (document and comparison pages gather
        theirs now)."""
        if page.template == "document.html":
            return document_context(self, page.context["doc"])
        if page.template in COMPARISON_TEMPLATES:
            c = page.context
            return comparison_context(self, c["kind"], c["old"], c["new"], page.url)
        if page.template == "raw.txt" and "refs" in page.context:
            return {"text": references.WRITERS[page.context["format"]](page.context["refs"])}
        return page.context

    def keep_pairs(self, pairs: Pairs) -> None:
        """Take the comparisons of the last build (`pairs.restored`), which this build's
        changes left as they were (`plan.same_comparisons`)."""
        if self._pairs_of is None:  # else the previous site's, with the edits swapped in
            self.__dict__["pairs"] = pairs

    @cached_property
    def pairs(self) -> Pairs:
        """The comparisons of the archive (`archive.pairs`), worked out once a build (or
        the previous site's, with the documents an edit swapped in, where it changed none)."""
        if self._pairs_of is not None:
            pairs, swapped = self._pairs_of
            self._pairs_of = None
            return swap_docs(pairs, swapped)
        return find_pairs(self.archive)

    def comparison_pages(self, scope: Scope | None = None) -> Iterator[Page]:
        """Yield a page per comparison: grouped by the newer document's body (a change in a
        body can add, drop or change its comparisons); what is compared is worked out when
        the page is written, on every core (thousands of pages, each diffing two texts)."""
        for pair in self.pairs.pairs:
            group = Group(COMPARISON, body_name(pair.new.record))
            if scope is not None and not (
                scope.covers(group) or scope.compares(pair.old.url, pair.new.url)
            ):
                continue
            template = "parallel.html" if pair.kind == "language" else "compare.html"
            context = {"kind": pair.kind, "old": pair.old, "new": pair.new}
            yield Page(pair.url, template, context, group)

    def home(self) -> Page:
        """Return the home page: what the archive holds and the latest documents."""

        def commonest(groups: dict[str, list[Doc]]) -> list[tuple[str, int]]:
            return Counter({name: len(docs) for name, docs in groups.items()}).most_common()

        return Page(
            "",
            "home.html",
            {
                "total": len(self.archive.docs),
                "by_body": [(b, n, urls.body_url(b)) for b, n in commonest(self.bodies)],
                "by_language": commonest(self.facets["languages"]),
                "by_year": sorted((y, len(ds)) for y, ds in self.facets["years"].items())[::-1],
                "home_chart": year_counts(
                    DOCUMENTS,
                    {
                        int(y) if y.isdigit() else None: len(ds)
                        for y, ds in self.facets["years"].items()
                    },
                ),
                "latest": [
                    [d.summary for d in row]
                    for row in self.archive.by_document(self.newest[:120])[:20]
                ],
            },
        )

    def paged(
        self,
        url: str,
        heading: dict[str, Any],
        docs: list[Doc],
        extra: dict[str, Any] | None = None,
        group: Group = NO_GROUP,
    ) -> Iterator[Page]:
        """Yield a paged list of documents at `url`, `url`page/2/ ..., a row per document
        with its language versions (`Archive.by_document`). `heading`: what the list is, for
        its title in each language (`heading.html`)."""
        rows = self.archive.by_document(docs)
        count = max(1, -(-len(rows) // PER_PAGE))
        for n in range(1, count + 1):
            chunk = rows[(n - 1) * PER_PAGE : n * PER_PAGE]
            yield Page(
                urls.list_url(url, n),
                "list.html",
                {
                    "heading": heading,
                    "docs": [[d.summary for d in row] for row in chunk],
                    "number": n,
                    "count": count,
                    "total": len(rows),
                    "versions": len(docs),
                    "first_url": url,
                    **(extra or {}),
                },
                group,
            )

    def browse(self, scope: Scope | None = None) -> Iterator[Page]:
        """Yield the browse pages: body -> session -> agenda item; year; type; language."""
        rows = [
            {"name": b, "url": urls.body_url(b), "count": len(ds)}
            for b, ds in sorted(self.bodies.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ]
        yield Page(urls.BODIES, "index.html", {"heading": {"kind": "bodies"}, "rows": rows})
        for body, docs in sorted(self.bodies.items()):
            if scope is None or body in scope.bodies:
                yield from self.body_pages(body, docs, scope)
        for name, _ in FACETS:
            yield from self.facet(name, scope)

    def facet(self, name: str, scope: Scope | None = None) -> Iterator[Page]:
        """Yield an index of one facet's values and a paged list per value."""
        groups = self.facets[name]
        ordered = sorted(groups, reverse=name == "years")
        rows = [
            {"name": v, "url": urls.facet_url(name, v), "count": len(groups[v]), "code": v}
            for v in ordered
        ]
        yield Page(
            urls.facet_url(name),
            "index.html",
            {"heading": {"kind": "index", "facet": name}, "rows": rows, "facet": name},
        )
        for value in ordered:
            if scope is not None and (name, value) not in scope.facets:
                continue
            docs = groups[value]
            docs = newest_first(docs) if name == "years" else sorted(docs, key=by_symbol)
            yield from self.paged(
                urls.facet_url(name, value),
                {"kind": "facet", "facet": name, "value": value},
                docs,
                {"facet": name, "value": value},
                Group("facet", name, value),
            )

    def body_pages(self, body: str, docs: list[Doc], scope: Scope | None = None) -> Iterator[Page]:
        """Yield a body's list, a page per session, and per agenda item of the session
        (with a `scope`, of the sessions and items it covers only: a change in one item of
        one session of the General Assembly's eighty leaves the others' thousands of pages as
        they were)."""
        sessions: dict[int, list[Doc]] = defaultdict(list)
        for doc in docs:
            if doc.record.session is not None:
                sessions[doc.record.session].append(doc)
        session_rows = [
            {"number": n, "url": urls.session_url(body, n), "count": len(ds)}
            for n, ds in sorted(sessions.items(), reverse=True)
        ]
        yield from self.paged(
            urls.body_url(body),
            {"kind": "body", "body": body},
            newest_first(docs),
            {
                "sessions": session_rows,
                "body": body,
                "references": urls.body_url(body),
                "feed": urls.body_feed_url(body) if has_feed(docs) else None,
                "by_year": year_counts(
                    DOCUMENTS, (row[0].record.year for row in self.archive.by_document(docs))
                ),
            },
            Group("body", body),
        )
        yield from self.reference_files(urls.body_url(body), docs, Group("body", body))
        for n, session_docs in sorted(sessions.items()):
            group = Group("session", body, str(n))
            if scope is not None and not scope.covers(group):
                continue
            url = urls.session_url(body, n)
            yield from self.reference_files(url, session_docs, group)
            items: dict[str, list[Doc]] = defaultdict(list)
            for doc in session_docs:
                for item in doc.record.agenda_items:
                    items[item].append(doc)
            ordered = sorted(items, key=symbols.natural_key)
            item_rows = [
                {"name": i, "url": urls.item_url(body, n, i), "count": len(items[i])}
                for i in ordered
            ]
            crumbs = {"body_url": urls.body_url(body), "session_url": url}
            yield from self.paged(
                url,
                {"kind": "session", "body": body, "session": n},
                sorted(session_docs, key=by_symbol),
                {"body": body, **crumbs, "items": item_rows, "references": url},
                group,
            )
            for item in ordered:
                item_group = Group("item", body, str(n), item=item)
                if scope is not None and not scope.covers(item_group):
                    continue
                yield from self.paged(
                    urls.item_url(body, n, item),
                    {"kind": "item", "body": body, "session": n, "item": item},
                    sorted(items[item], key=by_symbol),
                    {"body": body, **crumbs},
                    item_group,
                )

    def reference_files(self, url: str, docs: list[Doc], group: Group) -> Iterator[Page]:
        """Yield the references of a body's or session's documents as one BibTeX, one RIS
        and one CSL-JSON file (`references.bib` ...) at `url`, in natural symbol order.

        Each file is written out only when it is rendered (`context`): an edit that leaves
        the references as they were leaves the General Assembly's thousands unwritten."""
        refs = tuple(
            references.reference(doc.record, self.settings.public(doc.url))
            for doc in sorted(docs, key=by_symbol)
        )
        for ext, *_ in references.FORMATS:
            yield Page(f"{url}references.{ext}", "raw.txt", {"refs": refs, "format": ext}, group)

    def resolution_pages(self, scope: Scope | None = None) -> Iterator[Page]:
        """Yield a page per resolution cited or held (in the site's language: thousands of
        pages), and an index by body in each interface language."""
        by_body: dict[str, list[Any]] = defaultdict(list)
        for entry in self.archive.resolutions.values():
            by_body[entry.key.body].append(entry)
            symbol_key = symbols.compare_key(entry.symbol) if entry.symbol else ""
            group = Group("resolution", entry.key.body, entry.key.number, symbol_key)
            if scope is not None and not scope.covers(group):
                continue
            versions = self.archive.by_symbol.get(symbol_key, {}) if entry.symbol else {}
            rows = self.archive.by_document(entry.citing)
            yield Page(
                entry.url,
                "resolution.html",
                {
                    "res": entry,
                    "body": entry.key.body,
                    "number": entry.key.number,
                    "versions": [d.summary for _, d in sorted(versions.items())],
                    "adoptions": adoptions(
                        self.archive, entry, list(versions.values()), root_of(entry.url)
                    ),
                    "citing": [[d.summary for d in row] for row in rows],
                    "pinned": (pinned := cited_paragraphs(rows, symbol_key or None)),
                    "pinned_counts": paragraph_counts(pinned),
                    "citing_chart": citing_chart(rows),
                    "facets": list_facets(rows, "citing-list"),
                    "undocs_url": undocs_url(entry.symbol) if entry.symbol else None,
                    "body_url": urls.body_url(entry.key.body)
                    if entry.key.body in self.bodies
                    else None,
                },
                group,
            )
        groups = []
        for body, entries in sorted(by_body.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            entries.sort(key=lambda e: symbols.natural_key(e.key.number))
            groups.append({"body": body, "entries": entries})
        yield from self.localized(Page(urls.RESOLUTIONS, "resolutions.html", {"groups": groups}))

    def state_pages(self) -> Iterator[Page]:
        """Yield a page per Member State with the votes printed for it, and their index
        (gathered by every build: a few hundred rows, from the records' adoptions)."""
        votes = state_votes(self.archive)
        rows = []
        for name, found in votes.items():
            url = urls.state_url(name)
            rows.append((name, url, len(found)))
            printed = sorted({v.printed for v in found} - {name})
            context = {"name": name, "votes": found, "printed": printed}
            yield Page(url, "state.html", context, STATES_GROUP)
        yield Page(urls.STATES, "states.html", {"rows": rows}, STATES_GROUP)

    def quality(self) -> Page:
        """Return the quality report page: what could not be read, per document."""
        quality = report(self.problems)
        docs = self.archive.by_file
        files = [
            {"file": f, "url": docs[f].url if f in docs else None, "problems": ps}
            for f, ps in quality.by_file
        ]
        found = self.gaps
        rows = [
            {
                "name": gap.name,
                "meaning": gap.meaning,
                "count": len(gap.files),
                "examples": [(f, docs[f].url) for f in gap.files[:GAP_EXAMPLES]],
            }
            for gap in found
        ]
        return Page(
            urls.QUALITY,
            "quality.html",
            {
                "by_reason": quality.by_reason,
                "files": files,
                "total": len(self.problems),
                "gaps": rows,
                "documents": len(self.archive.docs),
            },
        )

    def search_pages(self) -> Iterator[Page]:
        """Yield the search page, one per language the archive holds (searching that
        language first) and one per interface language; a page in an interface language
        speaks it and links its versions in the others."""
        languages = sorted(self.facets["languages"])
        settings = self.settings
        main, home = settings.language, settings.home_language
        context = {"languages": languages}
        yield Page(urls.SEARCH, "search.html", {"lang": main, "base": urls.SEARCH, **context})
        for lang in sorted({*languages, *settings.interface_languages} - {main, home}):
            page = {"lang": lang, "ui": settings.interface(lang), **context}
            if lang in settings.interface_languages:
                page["base"] = urls.SEARCH
            yield Page(urls.search_url(lang), "search.html", page)
