"""The cross-reference graph: URLs, cited-by, language versions, bodies and sessions.

Gathered once from every record before any page is written (mkdocs: "first gather all data").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from . import symbols
from .bodies import GA, HRC
from .model import Citation, Problem, Record

#: Characters a URL path component may keep; anything else becomes `_`.
_SAFE = re.compile(r"[^A-Za-z0-9.()\-]")
MAX_COMPONENT = 80


@dataclass(frozen=True)
class Doc:
    """A record with its place in the site."""

    record: Record
    url: str
    """Site-relative URL of its page, without leading slash: `en/A/HRC/28/15/`."""

    @property
    def dest(self) -> str:
        """Return the output path of its page, relative to the output folder."""
        return f"{self.url}index.html"


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

    def doc_for(self, symbol: str, language: str) -> Doc | None:
        """Return the document with `symbol` in `language`, else in any language held."""
        versions = self.by_symbol.get(symbols.compare_key(symbol), {})
        return versions.get(language) or next(iter(versions.values()), None)

    def versions(self, doc: Doc) -> list[Doc]:
        """Return the other language versions of a document, by language code."""
        if not doc.record.symbol:
            return []
        versions = self.by_symbol.get(symbols.compare_key(doc.record.symbol), {})
        return [v for lang, v in sorted(versions.items()) if v is not doc]

    def citing(self, doc: Doc) -> list[Doc]:
        """Return the documents citing this one, newest first, one per symbol and language."""
        if not doc.record.symbol:
            return []
        return self.cited_by.get(symbols.compare_key(doc.record.symbol), [])

    def target_symbol(self, cite: Citation, citing: Record) -> str | None:
        """Return the symbol a citation points at (a resolution number resolved to a symbol)."""
        if cite.kind == "document":
            return cite.target
        return resolution_symbol(cite.target, cite.body or citing.body)


def resolution_symbol(number: str, body: str | None) -> str | None:
    """Return the symbol of a resolution cited by number, where its form decides the body."""
    if re.fullmatch(r"\d{1,4} \(\d{4}\)", number):
        return f"S/RES/{number}"
    if re.fullmatch(r"\d{1,4}(?: [A-Z])? \((?:[IVXL]+|E?S-[IVXL]+)\)", number):
        return f"A/RES/{number}"
    if re.fullmatch(r"E?S-\d{1,2}/\d{1,3}(?: [A-Z])?", number):
        return f"A/RES/{number}"
    if re.fullmatch(r"(?:19|20)\d\d/\d{1,3}", number):
        return f"E/RES/{number}"
    if re.fullmatch(r"\d{1,2}/\d{1,3}(?: [A-Z])?", number):
        if body == HRC:
            return f"A/HRC/RES/{number}"
        if body in (GA, "Security Council", None) or body.startswith("Working Group"):
            return f"A/RES/{number}"
    if re.fullmatch(r"\d{2,3}/\d{1,3}(?: [A-Z])?", number):
        return f"A/RES/{number}"
    return None


def slug(text: str) -> str:
    """Return a URL-safe slug of a name: `Human Rights Council` -> `human-rights-council`."""
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return out[:MAX_COMPONENT] or "untitled"


def _symbol_path(symbol: str) -> str | None:
    parts = []
    for part in symbols.url_path(symbol).split("/"):
        safe = _SAFE.sub("_", part)[:MAX_COMPONENT]
        if not safe or set(safe) <= {"."}:
            return None
        parts.append(safe)
    return "/".join(parts)


def _file_path(file: str) -> str:
    stem = PurePosixPath(file).with_suffix("").as_posix()
    return "/".join(_SAFE.sub("_", p)[:MAX_COMPONENT].strip(".") or "_" for p in stem.split("/"))


def build_archive(records: list[Record]) -> Archive:
    """Give every record a URL and gather the links between them."""
    docs: list[Doc] = []
    archive = Archive(docs)
    taken: dict[str, Record] = {}
    for record in sorted(records, key=lambda r: r.file):
        lang = _SAFE.sub("_", record.language)[:8] or "xx"
        path = _symbol_path(record.symbol) if record.symbol else None
        url = f"{lang}/{path}/" if path else f"{lang}/doc/{_file_path(record.file)}/"
        if url in taken:
            other = taken[url]
            archive.problems.append(
                Problem(
                    record.file,
                    1,
                    f"same symbol and language as {other.file}; that file owns "
                    f"{url}, this one is at {lang}/doc/{_file_path(record.file)}/",
                )
            )
            url = f"{lang}/doc/{_file_path(record.file)}/"
        taken[url] = record
        doc = Doc(record, url)
        docs.append(doc)
        archive.by_file[record.file] = doc
        if record.symbol:
            versions = archive.by_symbol.setdefault(symbols.compare_key(record.symbol), {})
            versions.setdefault(record.language, doc)
    cited_by: dict[str, dict[str, Doc]] = defaultdict(dict)
    for doc in docs:
        for cite in doc.record.citations:
            target = archive.target_symbol(cite, doc.record)
            if target:
                cited_by[symbols.compare_key(target)][doc.url] = doc
    archive.cited_by = {
        key: sorted(found.values(), key=lambda d: (d.record.date or "", d.url), reverse=True)
        for key, found in cited_by.items()
    }
    return archive
