"""The cross-reference graph: URLs, cited-by, language versions, bodies and sessions.

Gathered once from every record before any page is written (mkdocs: "first gather all data").
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

from .. import urls
from ..lang import sc_years
from ..lang.bodies import GA, HRC
from ..model import Citation, Problem, Record, ResolutionKey, problem_at, untitled
from ..read import symbols


@dataclass(frozen=True, eq=False)  # one Doc per page: compared and hashed by identity
class Doc:
    """A record with its place in the site."""

    record: Record
    url: str
    """Site-relative URL of its page, without leading slash: `en/A/HRC/28/15/`."""
    links: Links
    """What its record links to (worked out when the record was read)."""

    @cached_property
    def summary(self) -> Summary:
        """Return what a list shows of the document (made once, shared by every list)."""
        r = self.record
        shown = (self.url, r.symbol, r.title, r.date, r.body, r.language, r.document_type)
        digest = hashlib.sha1(repr((shown, r.excerpt, r.year)).encode()).hexdigest()
        return Summary(*shown, digest, r.excerpt, r.year)


@dataclass(frozen=True, slots=True)
class Summary:
    """What a list shows of a document (templates: `{{ d.url }}`, `{{ d.title }}`...)."""

    url: str
    symbol: str | None
    title: str
    date: str | None
    body: str | None
    language: str
    type: str
    """Its document type."""
    digest: str
    """Digest of the other fields, what a list shows: a list showing the document changes
    when it changes, not when a paragraph of the text does (`incremental.PageKeys`)."""
    excerpt: bool = False
    """An excerpt of the document (aligned sentences), not its whole text."""
    year: int | None = None
    """`Record.year`: shown where no date is (the front matter's or the symbol's year)."""

    @property
    def untitled(self) -> bool:
        """No title printed: the symbol stands in for it (`Record.untitled`)."""
        return untitled(self.symbol, self.title)


#: The language a list row shows first when a document is held in several: the interface's.
ROW_LANGUAGE = "en"


@dataclass
class Resolution:
    """A resolution cited in the archive, with the documents citing it."""

    key: ResolutionKey
    symbol: str | None
    """Its own document symbol (`A/RES/60/251`), when its number and body determine one."""
    url: str
    """Site-relative URL of its page."""
    citing: list[Doc] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """What a list of resolutions shows of it (`incremental.page_key`): its number, its
        page and how many documents cite it. (The index of resolutions is the one page keyed
        that holds them; a resolution's own page is written whenever a change touches it.)"""
        return f"Resolution({self.key!r},{self.symbol!r},{self.url!r},{len(self.citing)})"


_SERIES_BODY = {
    "A/RES": GA,
    "S/RES": "Security Council",
    "A/HRC/RES": HRC,
    "E/RES": "Economic and Social Council",
}


@dataclass
class Archive:
    """Every document with the links between them."""

    docs: list[Doc]
    by_file: dict[str, Doc] = field(default_factory=dict)
    by_symbol: dict[str, dict[str, Doc]] = field(default_factory=dict)
    """compare_key(symbol) -> language -> doc."""
    cited_by: dict[str, list[Doc]] = field(default_factory=dict)
    """compare_key(symbol) -> docs citing it (by symbol or resolution number)."""
    problems: list[Problem] = field(default_factory=list)
    resolutions: dict[ResolutionKey, Resolution] = field(default_factory=dict)
    children: dict[str, list[Doc]] = field(default_factory=dict)
    """compare_key(symbol) -> its addenda, corrigenda and revisions held (`Add.1` ...)."""
    drafts: dict[str, list[str]] = field(default_factory=dict)
    """doc URL -> symbols of the `/L.` drafts the text says it was adopted from."""
    adopted: dict[str, list[Doc]] = field(default_factory=dict)
    """compare_key(draft symbol) -> resolutions adopted from it."""
    copies: dict[str, Doc] = field(default_factory=dict)
    """URL of a second file of one symbol and language -> the doc owning the symbol's page."""
    held_twice: dict[str, list[Doc]] = field(default_factory=dict)
    """URL of the doc owning a symbol's page -> the second files of its symbol and language."""

    def doc_for(self, symbol: str, language: str) -> Doc | None:
        """Return the document with `symbol` in `language`, else in any language held."""
        versions = self.by_symbol.get(symbols.compare_key(symbol), {})
        return versions.get(language) or next(iter(versions.values()), None)

    def by_document(self, docs: list[Doc], first: str = ROW_LANGUAGE) -> list[list[Doc]]:
        """Group the language versions of one symbol into one row, in the order the
        documents come; a row's first document is in language `first` where held, the others
        by language code. A second copy of a symbol in one language (`copies`) is a row of
        its own."""
        rows: dict[str, list[Doc]] = {}
        for doc in docs:
            key = doc.links.key if doc.links.key and doc.url not in self.copies else doc.url
            rows.setdefault(key, []).append(doc)
        return [
            sorted(row, key=lambda d: (d.record.language != first, d.record.language))
            for row in rows.values()
        ]

    def versions(self, doc: Doc) -> list[Doc]:
        """Return the other language versions of a document, by language code."""
        versions = self.by_symbol.get(doc.links.key, {}) if doc.links.key else {}
        owner = self.copies.get(doc.url)  # a second copy's language is its owner's
        return [v for lang, v in sorted(versions.items()) if v is not doc and v is not owner]

    def citing(self, doc: Doc) -> list[Doc]:
        """Return the documents citing this one, newest first, one per symbol and language."""
        return self.cited_by.get(doc.links.key, []) if doc.links.key else []

    def family(self, doc: Doc) -> tuple[Doc | None, list[Doc]]:
        """Return a document's parent (for `Add.1`, its report) and its own addenda held."""
        links, language = doc.links, doc.record.language
        if not links.key:
            return None, []
        parent = None
        if links.parent is not None:  # as `doc_for`: in its language, else in any held
            versions = self.by_symbol.get(links.parent, {})
            parent = versions.get(language) or next(iter(versions.values()), None)
        kids = self.children.get(links.key, [])
        return parent, [k for k in kids if k.record.language == language] or kids


def resolution_key(cite: Citation, citing: Record) -> ResolutionKey:
    """Return which resolution a citation by number names."""
    symbol = resolution_symbol(cite.target, cite.body or citing.body)
    if symbol:
        # "resolution 338" of the Council is its 338 (1973), however printed
        number = symbol.partition("/RES/")[2] if symbol.startswith("S/") else cite.target
        return ResolutionKey(adopting_body(symbol) or GA, number)
    return ResolutionKey(cite.body or citing.body or "Unknown body", cite.target)


def target_symbol(cite: Citation, citing: Record) -> str | None:
    """Return the symbol a citation points at (a resolution number resolved to a symbol)."""
    if cite.kind == "document":
        return cite.target
    return resolution_symbol(cite.target, cite.body or citing.body)


#: One distinct thing a record cites: the symbol it points at if any (a resolution number
#: resolved to a symbol), `compare_key` of that symbol, and the resolution (body, number) of a
#: citation by number. Plain tuples: tens of thousands are pickled by each build (a named
#: tuple pickles four times slower), and a (body, number) pair finds its `ResolutionKey`.
Cited = tuple[str | None, str | None, tuple[str, str] | None]


class Links(NamedTuple):
    """What a record links to, worked out from the record alone.

    Made where the record is read (on every core, and kept in the build cache), so that
    gathering the archive is only bookkeeping. A named tuple: thousands are pickled and
    unpickled by each build.
    """

    path: str | None
    """URL path of its symbol; None: the page is at its file's name."""
    key: str | None
    """`compare_key` of its symbol."""
    parent: str | None
    """`compare_key` of the symbol it is an addendum, corrigendum or revision of."""
    cites: tuple[Cited, ...]
    """Each distinct citation (by kind, target and body), in order of first appearance."""
    number: ResolutionKey | None
    """The resolution the record is itself."""
    drafts: tuple[str, ...]
    """For a resolution: the `/L.` drafts its masthead says it was adopted from."""
    pinpoints: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """`compare_key` of each symbol it cites by paragraph, with the paragraphs named
    (`Citation.paragraphs`, every citation of the symbol together, in order)."""

    def paragraphs(self, key: str | None) -> tuple[str, ...]:
        """Return the paragraphs of the symbol with `key` that the record cites."""
        for cited, numbers in self.pinpoints:
            if cited == key:
                return numbers
        return ()


def links_of(record: Record) -> Links:
    """Return what a record links to."""
    symbol = record.symbol
    parsed = symbols.parse(symbol) if symbol else None
    cites: list[Cited] = []
    pinpoints: dict[str, dict[str, None]] = {}
    seen = set()  # a document cites most things more than once: each counts once
    for cite in record.citations:
        if cite.paragraphs:
            pinned = target_symbol(cite, record)
            if pinned:
                numbers = pinpoints.setdefault(symbols.compare_key(pinned), {})
                numbers.update(dict.fromkeys(cite.paragraphs))
        if (cite.kind, cite.target, cite.body) in seen:
            continue
        seen.add((cite.kind, cite.target, cite.body))
        target = target_symbol(cite, record)
        resolution: tuple[str, str] | None = None
        if cite.kind == "resolution":
            body, number = resolution_key(cite, record)
            resolution = (body, number)  # a plain pair: pickled faster (see `Cited`)
        cites.append((target, symbols.compare_key(target) if target else None, resolution))
    drafts: tuple[str, ...] = ()
    if record.document_type == "resolution":
        # "[on the report of ... (A/56/L.60)]", "[ohne Überweisung ... (A/57/L.79)]":
        # the drafts cited in the masthead, before the body proper.
        drafts = tuple(
            sorted(
                {
                    c.target
                    for c in record.citations
                    if c.kind == "document"
                    and c.start < record.body_offset
                    and _DRAFT.search(c.target)
                }
            )
        )
    return Links(
        urls.symbol_path(symbol) if symbol else None,
        symbols.compare_key(symbol) if symbol else None,
        symbols.compare_key(str(parsed.parent))
        if parsed is not None and parsed.parent is not None
        else None,
        tuple(cites),
        citation_number(record),
        drafts,
        tuple((key, tuple(sorted(numbers, key=int))) for key, numbers in pinpoints.items()),
    )


_SC_NUMBER = re.compile(r"\d{1,4} \(\d{4}\)")
_GA_OLD = re.compile(r"\d{1,4}(?: [A-Z])? \((?:[IVXL]+|E?S-[IVXL]+)\)")
_SPECIAL = re.compile(r"E?S-\d{1,2}/\d{1,3}(?: [A-Z])?")
_ECOSOC = re.compile(r"(?:19|20)\d\d/\d{1,3}")
_SESSION_SHORT = re.compile(r"\d{1,2}/\d{1,3}(?: [A-Z])?")
_SESSION = re.compile(r"\d{2,3}/\d{1,3}(?: [A-Z])?")


#: The Human Rights Council adopts fewer resolutions than this at a session (about 40): a
#: higher number "of the Council" is the General Assembly's (60/251 created the Council).
HRC_RESOLUTIONS = 100


@lru_cache(maxsize=65536)
def resolution_symbol(number: str, body: str | None) -> str | None:
    """Return the symbol of a resolution cited by number, where its form decides the body."""
    if _SC_NUMBER.fullmatch(number):
        return f"S/RES/{number}"
    if body == "Security Council" and number.isdigit():  # printed without its year
        year = sc_years.year_of(int(number))
        return f"S/RES/{number} ({year})" if year else None
    if _GA_OLD.fullmatch(number) or _SPECIAL.fullmatch(number):
        return f"A/RES/{number}"
    if _ECOSOC.fullmatch(number):
        return f"E/RES/{number}"
    if _SESSION_SHORT.fullmatch(number):
        serial = number.split()[0].split("/")[1]
        if body == HRC and int(serial) < HRC_RESOLUTIONS:  # 60/251 is the Assembly's
            return f"A/HRC/RES/{number}"
        if body in (GA, "Security Council", None) or body.startswith("Working Group"):
            return f"A/RES/{number}"
    if _SESSION.fullmatch(number):
        return f"A/RES/{number}"
    return None


def build_archive(records: list[Record], links: list[Links] | None = None) -> Archive:
    """Give every record a URL and gather the links between them.

    `links` are the records' `links_of`, in the same order, when already worked out.
    """
    if links is None:
        links = [links_of(record) for record in records]
    archive = Archive([])
    _place_docs(archive, records, links)
    _gather_citations(archive)
    _gather_families(archive)
    return archive


def _place_docs(archive: Archive, records: list[Record], links: list[Links]) -> None:
    """Give each record its page's URL, in file order; the first file by name owns a symbol's
    URL, the others are reported and placed at their files' names."""
    owners: dict[str, Record] = {}
    by_symbol = archive.by_symbol
    for record, link in sorted(zip(records, links, strict=True), key=lambda rl: rl[0].file):
        lang = record.language if _LANGUAGE.fullmatch(record.language) else "xx"
        url = (
            urls.document_url(lang, link.path)
            if link.path
            else urls.fallback_url(lang, record.file)
        )
        owner = archive.by_file[owners[url].file] if url in owners else None
        if owner is not None:
            url = _duplicate(archive, owner.record, record, url)
        owners[url] = record
        doc = Doc(record, url, link)
        if owner is not None:
            archive.copies[url] = owner
            archive.held_twice.setdefault(owner.url, []).append(doc)
        archive.docs.append(doc)
        archive.by_file[record.file] = doc
        if link.key is not None:
            versions = by_symbol.get(link.key)
            if versions is None:
                by_symbol[link.key] = {record.language: doc}
            elif record.language not in versions:
                versions[record.language] = doc


def _duplicate(archive: Archive, owner: Record, record: Record, url: str) -> str:
    """Report two files of one symbol and language; return the second's URL (its name's)."""
    fallback = urls.fallback_url(url.split("/", 1)[0], record.file)
    archive.problems.append(
        problem_at(
            owner.file,
            1,
            "same symbol and language as %(other)s; this file owns %(url)s",
            other=record.file,
            url=url,
        )
    )
    archive.problems.append(
        problem_at(
            record.file,
            1,
            "same symbol and language as %(other)s, which owns %(url)s; this file is at "
            "%(fallback)s",
            other=owner.file,
            url=url,
            fallback=fallback,
        )
    )
    return fallback


def _gather_citations(archive: Archive) -> None:
    """Gather what cites each symbol, and every resolution cited or held."""
    cited_by: dict[str, dict[str, Doc]] = defaultdict(dict)
    for doc in archive.docs:
        for symbol, key, pair in doc.links.cites:
            if key is not None:
                cited_by[key][doc.url] = doc
            if pair is not None:
                _add_resolution(archive, pair, symbol, doc)
    for doc in archive.docs:  # a resolution held in the archive has its page even if uncited
        if doc.links.number:
            _add_resolution(archive, doc.links.number, doc.record.symbol, None)
    archive.cited_by = {
        key: sorted(found.values(), key=_newest, reverse=True) for key, found in cited_by.items()
    }
    for resolution in archive.resolutions.values():
        resolution.citing.sort(key=_newest, reverse=True)
    # in an order of their own, not the order in which documents first cite them
    archive.resolutions = dict(sorted(archive.resolutions.items()))


def patch_archive(archive: Archive, changed: list[tuple[Record, Links]]) -> Archive | None:
    """Return `archive` with the records of some files changed, gathered again only where
    they show: what `build_archive` would return for the new records, without walking them
    all. `archive` itself is not changed.

    Only edits that keep each file's symbol and language (so every URL) are patched; for
    others, None.
    """
    new: dict[str, Doc] = {}
    for record, links in changed:
        before = archive.by_file.get(record.file)
        if (
            before is None
            or record.language != before.record.language
            or record.symbol != before.record.symbol
        ):
            return None
        new[record.file] = Doc(record, before.url, links)
    olds = {file: archive.by_file[file] for file in new}
    patched = Archive(
        list(archive.docs),
        dict(archive.by_file),
        dict(archive.by_symbol),
        dict(archive.cited_by),
        list(archive.problems),
        dict(archive.resolutions),
        dict(archive.children),
        dict(archive.drafts),
        dict(archive.adopted),
    )
    touched = _replace_docs(patched, olds, new)
    gone = {id(doc) for doc in olds.values()}
    _patch_cited_by(patched, touched.cited, gone, new)
    _patch_resolutions(patched, touched.resolutions, gone, new)
    _patch_adopted(patched, touched.drafts, gone, new)
    return patched


class _Touched(NamedTuple):
    """What the old and new records of the changed files cite, are, or were adopted from."""

    cited: set[str]
    resolutions: set[ResolutionKey]
    drafts: set[str]


def _replace_docs(patched: Archive, olds: dict[str, Doc], new: dict[str, Doc]) -> _Touched:
    """Put each new Doc in its old one's places; return what either cites or is."""
    touched = _Touched(set(), set(), set())
    for file, doc in new.items():
        before = olds[file]
        patched.docs[patched.docs.index(before)] = doc  # Docs compare by identity
        patched.by_file[file] = doc
        if doc.links.key is not None:
            versions = patched.by_symbol[doc.links.key]
            if versions.get(doc.record.language) is before:
                patched.by_symbol[doc.links.key] = {**versions, doc.record.language: doc}
        if doc.links.parent is not None:
            patched.children[doc.links.parent] = [
                doc if d is before else d for d in patched.children[doc.links.parent]
            ]
        for links in (before.links, doc.links):
            touched.cited.update(key for _, key, _ in links.cites if key is not None)
            touched.resolutions.update(
                ResolutionKey(*pair) for _, _, pair in links.cites if pair is not None
            )
            if links.number is not None:
                touched.resolutions.add(links.number)
            touched.drafts.update(links.drafts)
        patched.drafts.pop(before.url, None)
        if doc.links.drafts:
            patched.drafts[doc.url] = list(doc.links.drafts)
    return touched


def _patch_cited_by(patched: Archive, cited: set[str], gone: set[int], new: dict[str, Doc]) -> None:
    """Gather again the cited-by lists of the symbols the changed records cite(d)."""
    for key in cited:
        docs = [d for d in patched.cited_by.get(key, ()) if id(d) not in gone]
        docs += [d for d in new.values() if any(k == key for _, k, _ in d.links.cites)]
        if docs:
            patched.cited_by[key] = sorted(docs, key=_newest, reverse=True)
        else:
            patched.cited_by.pop(key, None)


def _patch_resolutions(
    patched: Archive, resolutions: set[ResolutionKey], gone: set[int], new: dict[str, Doc]
) -> None:
    """Gather again the resolutions the changed records cite(d) or are."""
    created = False
    for key in resolutions:
        entry = patched.resolutions.get(key)
        if entry is None:
            entry = Resolution(key, None, resolution_url(key))
            created = True
        citing = [d for d in entry.citing if id(d) not in gone]
        citing += [d for d in new.values() if any(r == key for _, _, r in d.links.cites)]
        citing.sort(key=_newest, reverse=True)
        if citing:  # its symbol is that of the first citation, in file order
            first = min(citing, key=lambda d: d.record.file)
            symbol = next(s for s, _, r in first.links.cites if r == key)
        else:
            holders = [d for d in patched.docs if d.links.number == key]
            if not holders:  # no longer cited nor held: gone from the archive
                patched.resolutions.pop(key, None)
                continue
            symbol = min(holders, key=lambda d: d.record.file).record.symbol
        patched.resolutions[key] = Resolution(key, symbol, entry.url, citing)
    if created:
        patched.resolutions = dict(sorted(patched.resolutions.items()))


def _patch_adopted(patched: Archive, drafts: set[str], gone: set[int], new: dict[str, Doc]) -> None:
    """Gather again the lists of resolutions adopted from the drafts the changes name."""
    for key in {symbols.compare_key(draft) for draft in drafts}:
        docs = [d for d in patched.adopted.get(key, ()) if id(d) not in gone]
        for doc in new.values():  # once per draft of that key, as `_gather_families`
            docs += [doc for draft in doc.links.drafts if symbols.compare_key(draft) == key]
        if docs:
            patched.adopted[key] = sorted(docs, key=lambda d: d.record.file)
        else:
            patched.adopted.pop(key, None)


_LANGUAGE = re.compile(r"[a-z]{2,3}")


def _newest(doc: Doc) -> tuple[str, str]:
    return (doc.record.date or "", doc.url)


def citation_number(record: Record) -> ResolutionKey | None:
    """Return the resolution a record is itself (`A/RES/80/44` -> GA 80/44), or None."""
    if not record.symbol or "/RES/" not in record.symbol:
        return None
    body = adopting_body(record.symbol)
    return ResolutionKey(body, record.symbol.partition("/RES/")[2]) if body else None


def adopting_body(symbol: str) -> str | None:
    """Return the body of a resolution symbol's series (`A/HRC/RES/5/1` -> Human Rights
    Council), or None for a series without resolutions undocs knows."""
    return _SERIES_BODY.get(symbol.partition("/RES/")[0] + "/RES")


@lru_cache(maxsize=65536)
def resolution_url(key: ResolutionKey) -> str:
    """Return the URL of a resolution's page (`urls.resolution_url`, kept: it is asked often)."""
    return urls.resolution_url(key)


def _add_resolution(
    archive: Archive, key: tuple[str, str], symbol: str | None, doc: Doc | None
) -> None:
    entry = archive.resolutions.get(ResolutionKey(*key))
    if entry is None:
        entry = Resolution(ResolutionKey(*key), symbol, resolution_url(ResolutionKey(*key)))
        archive.resolutions[entry.key] = entry
    # a citing document is added once: documents add their citations one after the other, so
    # a document citing it again is the last added (compared by identity: field by field is
    # slow)
    citing = entry.citing
    if doc is not None and (not citing or citing[-1] is not doc):
        citing.append(doc)


_DRAFT = re.compile(r"/L\.\d")


def _gather_families(archive: Archive) -> None:
    children: dict[str, list[Doc]] = defaultdict(list)
    adopted: dict[str, list[Doc]] = defaultdict(list)
    for doc in archive.docs:
        links = doc.links
        if links.parent is not None:
            children[links.parent].append(doc)
        if links.drafts:
            archive.drafts[doc.url] = list(links.drafts)
            for draft in links.drafts:
                adopted[symbols.compare_key(draft)].append(doc)
    archive.children = {
        k: sorted(v, key=lambda d: symbols.natural_key(d.record.symbol or ""))
        for k, v in children.items()
    }
    archive.adopted = dict(adopted)
