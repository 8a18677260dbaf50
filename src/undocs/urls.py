"""Every page kind's URL and output path, in one place.

A URL here is relative to the site's root and has no leading slash: `en/A/RES/70/1/`,
`bodies/human-rights-council/session-28/`, `resolutions/security-council/2334(2016).html`.
A URL ending in `/` is written as that folder's `index.html` (`dest_path`); any other is a
file of its own. Templates link between pages with `root_of(url)`: relative links, so the
site works under any base path and from a folder on disk (mkdocs' `File.url` / `dest_path`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import PurePosixPath

from .model import ResolutionKey
from .read import symbols

#: Characters a URL path component may keep; anything else becomes `_`.
_SAFE = re.compile(r"[^A-Za-z0-9.()\-]")
#: A path component longer than this is cut (slugs) or refused (symbols).
MAX_COMPONENT = 80
#: A URL longer than this (a symbol of hundreds of characters) falls back to a short one.
MAX_URL = 200
#: URL endings written as files of their own, not folders.
FILE_SUFFIXES = (".html", ".xml", ".txt", ".bib", ".ris", ".json")

# Pages of the site as a whole -------------------------------------------------------------

HOME = ""
DOCUMENTS = "documents/"
BODIES = "bodies/"
RESOLUTIONS = "resolutions/"
STATES = "states/"
QUALITY = "quality/"
DATA = "data/"
SEARCH = "search/"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
NOT_FOUND = "404.html"


def slug(text: str) -> str:
    """Return a URL-safe slug of a name: `Human Rights Council` -> `human-rights-council`."""
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return out[:MAX_COMPONENT] or "untitled"


def item_slug(item: str) -> str:
    """Return the URL part of an agenda item: `2 (c)` -> `2c`."""
    return "".join(c for c in item if c.isalnum()).lower() or "none"


# Documents --------------------------------------------------------------------------------


#: The first parts of URLs of the site's pages in an interface language (`fr/bodies/`),
#: and of documents placed by their file's name (`fr/doc/`): a symbol starting with one
#: (in any case) is placed by its file's name too.
RESERVED = frozenset(
    {url.rstrip("/") for url in (DOCUMENTS, BODIES, RESOLUTIONS, STATES, QUALITY, DATA, SEARCH,
                                  NOT_FOUND)}
    | {"years", "types", "languages", "doc", "page", "static", "pagefind", "about"}
)  # fmt: skip


def symbol_path(symbol: str) -> str | None:
    """Return the URL path of a symbol (`A/RES/70/1`), or None if it cannot be one safely
    (or would take the address of a site page: `RESERVED`)."""
    parts = []
    for part in symbols.url_path(symbol).split("/"):
        safe = _SAFE.sub("_", part)
        if not safe or set(safe) <= {"."} or len(safe) > MAX_COMPONENT:
            return None
        parts.append(safe)
    path = "/".join(parts)
    if parts[0].lower() in RESERVED:
        return None
    return path if len(path) <= MAX_URL else None


def file_path(file: str) -> str:
    """Return a URL path from a file's name: safe characters, short, unique to the name."""
    stem = PurePosixPath(file).with_suffix("").as_posix()
    parts = [_SAFE.sub("_", p)[:MAX_COMPONENT].strip(".") or "_" for p in stem.split("/")]
    path = "/".join(parts)[-MAX_URL:].lstrip("/.")
    if path != stem:  # characters were replaced or cut: keep names that differ apart
        path += "-" + hashlib.sha1(file.encode("utf-8")).hexdigest()[:8]
    return path


def document_url(language: str, path: str) -> str:
    """Return the URL of a document page from its symbol's path: `en/A/RES/70/1/`."""
    return f"{language}/{path}/"


def fallback_url(language: str, file: str) -> str:
    """Return the URL of a document with no symbol, or whose symbol's URL is taken."""
    return f"{language}/doc/{file_path(file)}/"


def state_url(name: str) -> str:
    """Return the URL of a Member State's page of votes, its name's accents dropped:
    `states/united-kingdom-of-great-britain-and-northern-ireland/`, `states/turkiye/`."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return f"{STATES}{slug(plain)}/"


def undocs_url(symbol: str) -> str:
    """Return the UN's own address of a symbol."""
    return f"https://undocs.org/{symbols.url_path(symbol)}"


def resolution_url(key: ResolutionKey) -> str:
    """Return the URL of a resolution's page: `resolutions/general-assembly/60/251.html`.

    A file rather than a folder of its own: thousands of resolutions, and a folder costs more
    to make than a file on most file systems.
    """
    number = symbol_path(key.number) or slug(key.number)
    return f"resolutions/{slug(key.body)}/{number}.html"


# Browsing ---------------------------------------------------------------------------------


def body_url(body: str | None) -> str:
    """Return the URL of a body's page."""
    return f"{BODIES}{slug(body or 'Unknown body')}/"


def session_url(body: str | None, session: int) -> str:
    """Return the URL of a session's page."""
    return f"{body_url(body)}session-{session}/"


def item_url(body: str | None, session: int, item: str) -> str:
    """Return the URL of an agenda item's page within its session."""
    return f"{session_url(body, session)}item-{item_slug(item)}/"


def body_feed_url(body: str) -> str:
    """Return the URL of a body's Atom feed."""
    return body_url(body) + FEED


def facet_url(facet: str, value: str | None = None) -> str:
    """Return the URL of a facet's index (`years/`), or of one value's list (`years/2016/`)."""
    return f"{facet}/" if value is None else f"{facet}/{slug(value)}/"


def list_url(first: str, number: int) -> str:
    """Return the URL of page `number` of a paged list whose first page is at `first`."""
    return first if number == 1 else f"{first}page/{number}/"


def search_url(language: str | None = None) -> str:
    """Return the URL of the search page (of one language's documents when given)."""
    return SEARCH if language is None else f"{language}/{SEARCH}"


def content_url(name: str) -> str:
    """Return the URL of a Markdown page from its name under --content: `about.md` -> `about/`.

    The home page's URL (an empty one, from `index.md`) means the name cannot be published.
    """
    stem = re.sub(r"[^a-z0-9\-/]+", "-", name.removesuffix(".md").lower()).strip("-/")
    return "" if stem == "index" else stem and f"{stem}/"


def sitemap_url(number: int) -> str:
    """Return the URL of the `number`th sitemap of a site with more than one."""
    return f"sitemap-{number}.xml"


# Writing ----------------------------------------------------------------------------------


def dest_path(url: str) -> str:
    """Return where the page at `url` is written, relative to the site: a file or an index."""
    return url if url.endswith(FILE_SUFFIXES) else url + "index.html"


def root_of(url: str) -> str:
    """Return the relative path from the page at `url` back to the site's root."""
    return "../" * url.count("/")
