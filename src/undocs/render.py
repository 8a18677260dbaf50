"""The Jinja environment and the pages of the site: what each page shows, gathered up front."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import symbols
from .archive import Archive, Doc, slug
from .content import ContentPage
from .model import Citation, Problem
from .quality import report
from .textbody import render_body

#: The templates shipped with undocs (the project's `templates/` folder).
BUILTIN_TEMPLATES = Path(__file__).parent / "templates"
PER_PAGE = 100
LANGUAGE_NAMES = {
    "ar": "العربية",
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
    "de": "Deutsch",
}
OFFICIAL_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
RTL = {"ar", "fa", "he", "ur"}


@dataclass(frozen=True)
class Settings:
    """What the user chose for the site as a whole."""

    title: str = "UN Documents Archive"
    description: str = "A cross-linked, searchable archive of United Nations session documents."
    base_url: str = ""
    """Absolute URL the site is served from (for canonical links), or empty."""
    templates: Path | None = None
    """A folder of the user's templates that override the built-in ones by name."""


@dataclass(frozen=True)
class Page:
    """One page to write: where it goes and how it is rendered."""

    url: str
    """Site-relative URL without leading slash (`en/A/HRC/28/15/`, `` for the home page)."""
    template: str
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def dest(self) -> str:
        """Return the output path relative to the output folder."""
        return self.url + "index.html" if not self.url.endswith(".html") else self.url


def environment(settings: Settings) -> jinja2.Environment:
    """Return the Jinja environment: user templates first, then the built-in ones."""
    loaders: list[jinja2.BaseLoader] = []
    if settings.templates is not None:
        loaders.append(jinja2.FileSystemLoader(str(settings.templates)))
    loaders.append(jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(language_names=LANGUAGE_NAMES, site=settings)
    env.filters["tojson_safe"] = _json_script
    return env


def _json_script(value: object) -> str:
    """Return JSON safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def root_of(url: str) -> str:
    """Return the relative path from a page's URL back to the site root."""
    depth = url.count("/") if not url.endswith(".html") else url.count("/")
    return "../" * depth


def doc_summary(doc: Doc) -> dict[str, Any]:
    """Return what a list shows of a document."""
    r = doc.record
    return {
        "url": doc.url,
        "symbol": r.symbol,
        "title": r.title,
        "date": r.date,
        "body": r.body,
        "language": r.language,
        "type": r.document_type,
    }


class Site:
    """Gathers every page of the archive from the graph, before any is written."""

    def __init__(
        self,
        archive: Archive,
        content: list[ContentPage],
        settings: Settings,
        problems: list[Problem] | None = None,
    ):
        self.archive = archive
        self.problems = problems or []
        self.content = content
        self.settings = settings
        self.bodies: dict[str, list[Doc]] = defaultdict(list)
        for doc in archive.docs:
            self.bodies[doc.record.body or "Unknown body"].append(doc)

    def body_url(self, body: str | None) -> str:
        """Return the URL of a body's page."""
        return f"bodies/{slug(body or 'Unknown body')}/"

    def session_url(self, body: str | None, session: int) -> str:
        """Return the URL of a session's page."""
        return f"{self.body_url(body)}session-{session}/"

    def citation_href(self, cite: Citation, doc: Doc) -> str | None:
        """Return where a citation links: the archive's page, else undocs.org, else nowhere."""
        target = self.archive.target_symbol(cite, doc.record)
        if target is None:
            return None
        held = self.archive.doc_for(target, doc.record.language)
        if held is not None:
            return root_of(doc.url) + held.url
        return f"https://undocs.org/{symbols.url_path(target)}"

    def pages(self) -> Iterator[Page]:
        """Yield every page of the site."""
        yield self.home()
        yield from self.lists("documents/", "All documents", self._sorted(self.archive.docs))
        yield self.body_index()
        for body, docs in sorted(self.bodies.items()):
            yield from self.body_pages(body, docs)
        yield from self.search_pages()
        for page in self.content:
            yield Page(page.url, "page.html", {"page": page})
        yield Page("404.html", "404.html", {})
        yield self.quality()
        for doc in self.archive.docs:
            yield Page(doc.url, "document.html", {"doc": doc})

    @staticmethod
    def _sorted(docs: list[Doc]) -> list[Doc]:
        by_symbol = sorted(docs, key=lambda d: symbols.natural_key(d.record.symbol or d.url))
        return sorted(by_symbol, key=lambda d: d.record.date or "", reverse=True)

    def home(self) -> Page:
        """Return the home page: what the archive holds and the latest documents."""
        records = [d.record for d in self.archive.docs]
        return Page(
            "",
            "home.html",
            {
                "total": len(records),
                "by_body": Counter(r.body or "Unknown body" for r in records).most_common(),
                "by_language": Counter(r.language for r in records).most_common(),
                "by_year": sorted(
                    Counter((r.date or "")[:4] or "undated" for r in records).items(), reverse=True
                ),
                "latest": [doc_summary(d) for d in self._sorted(self.archive.docs)[:20]],
            },
        )

    def lists(
        self, url: str, title: str, docs: list[Doc], extra: dict | None = None
    ) -> Iterator[Page]:
        """Yield a paged list of documents at `url`, `url`page/2/ ..."""
        count = max(1, -(-len(docs) // PER_PAGE))
        for n in range(1, count + 1):
            page_url = url if n == 1 else f"{url}page/{n}/"
            chunk = docs[(n - 1) * PER_PAGE : n * PER_PAGE]
            yield Page(
                page_url,
                "list.html",
                {
                    "title": title,
                    "docs": [doc_summary(d) for d in chunk],
                    "number": n,
                    "count": count,
                    "total": len(docs),
                    "first_url": url,
                    **(extra or {}),
                },
            )

    def body_index(self) -> Page:
        """Return the page listing every body."""
        rows = [
            {"name": body, "url": self.body_url(body), "count": len(docs)}
            for body, docs in sorted(self.bodies.items(), key=lambda kv: -len(kv[1]))
        ]
        return Page("bodies/", "bodies.html", {"bodies": rows})

    def body_pages(self, body: str, docs: list[Doc]) -> Iterator[Page]:
        """Yield a body's paged document list and a page per session."""
        sessions: dict[int, list[Doc]] = defaultdict(list)
        for doc in docs:
            if doc.record.session is not None:
                sessions[doc.record.session].append(doc)
        session_rows = [
            {"number": n, "url": self.session_url(body, n), "count": len(ds)}
            for n, ds in sorted(sessions.items(), reverse=True)
        ]
        yield from self.lists(
            self.body_url(body), body, self._sorted(docs), {"sessions": session_rows, "body": body}
        )
        for n, session_docs in sessions.items():
            yield from self.lists(
                self.session_url(body, n),
                f"{body}, session {n}",
                self._sorted(session_docs),
                {"body": body, "body_url": self.body_url(body)},
            )

    def quality(self) -> Page:
        """Return the quality report page: what could not be read, per document."""
        quality = report(self.problems)
        urls = {doc.record.file: doc.url for doc in self.archive.docs}
        files = [{"file": f, "url": urls.get(f), "problems": ps} for f, ps in quality.by_file]
        return Page(
            "quality/",
            "quality.html",
            {"by_reason": quality.by_reason, "files": files, "total": len(self.problems)},
        )

    def search_pages(self) -> Iterator[Page]:
        """Yield the search page and one per language the archive holds."""
        languages = sorted({d.record.language for d in self.archive.docs})
        yield Page("search/", "search.html", {"lang": "en", "languages": languages})
        for lang in languages:
            if lang != "en":
                yield Page(f"{lang}/search/", "search.html", {"lang": lang, "languages": languages})

    def document_context(self, doc: Doc) -> dict[str, Any]:
        """Return what a document page shows."""
        r = doc.record
        root = root_of(doc.url)

        def href(cite: Citation) -> str | None:
            return self.citation_href(cite, doc)

        cited: dict[str, dict[str, dict[str, Any]]] = {"resolution": {}, "document": {}}
        for cite in r.citations:
            if cite.target not in cited[cite.kind]:
                link = href(cite)
                cited[cite.kind][cite.target] = {
                    "target": cite.target,
                    "href": link,
                    "held": bool(link and not link.startswith("https://")),
                }
        versions = self.archive.versions(doc)
        held = {v.record.language for v in versions} | {r.language}
        return {
            "doc": doc,
            "r": r,
            "root": root,
            "body_html": render_body(r.text, r.body_offset, r.citations, href),
            "resolutions": sorted(
                cited["resolution"].values(), key=lambda c: symbols.natural_key(c["target"])
            ),
            "documents": sorted(
                cited["document"].values(), key=lambda c: symbols.natural_key(c["target"])
            ),
            "cited_by": [doc_summary(d) for d in self.archive.citing(doc) if d is not doc],
            "versions": [doc_summary(v) for v in versions],
            "missing_languages": [code for code in OFFICIAL_LANGUAGES if code not in held]
            if r.symbol
            else [],
            "body_url": self.body_url(r.body),
            "session_url": self.session_url(r.body, r.session) if r.session else None,
            "undocs_url": f"https://undocs.org/{symbols.url_path(r.symbol)}" if r.symbol else None,
            "year": (r.date or "")[:4],
            "lang": r.language,
            "dir": "rtl" if r.language in RTL else "ltr",
        }

    def render(self, env: jinja2.Environment, page: Page) -> str:
        """Return the HTML of one page."""
        context = dict(page.context)
        if page.template == "document.html":
            context = self.document_context(page.context["doc"])
        context.setdefault("root", root_of(page.url))
        context.setdefault("lang", "en")
        context.setdefault("dir", "rtl" if context["lang"] in RTL else "ltr")
        context["url"] = page.url
        canonical = self.settings.base_url.rstrip("/") + "/" + page.url
        context["canonical"] = canonical if self.settings.base_url else ""
        return env.get_template(page.template).render(**context)
