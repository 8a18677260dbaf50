"""Read built pages with the standard library's HTML parser: links, headings, elements."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Parsed:
    elements: list[Element] = field(default_factory=list)

    def find(self, tag: str, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.elements
            if e.tag == tag
            and all(e.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]

    def links(self) -> list[Element]:
        return [e for e in self.elements if e.tag == "a" and "href" in e.attrs]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Parsed()
        self.open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.out.elements.append(element)
        if tag not in ("meta", "link", "br", "img", "input", "hr", "source"):
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i].tag == tag:
                del self.open[i:]
                break

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data


def parse(path: Path) -> Parsed:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.out


def page_url(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def resolve(site: Path, page: Path, href: str, base: str = "/") -> Path | None:
    """Return the file an internal link points at, or None for an external link; the site
    is served under the path `base` (a root-relative link outside it points at nothing)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("#", "mailto:")):
        return None
    target = urljoin(base + page_url(site, page).lstrip("/"), unquote(parts.path))
    if not target.startswith(base):
        return site / "(outside the site's path)" / target
    path = site / target[len(base) :]
    return path / "index.html" if target.endswith("/") else path


def broken_links(site: Path, base: str = "/") -> list[str]:
    """Return `page -> href` for every internal link or asset that points at nothing, the
    site served under the path `base`."""
    broken = []
    for page in site.rglob("*.html"):
        parsed = parse(page)
        for element in parsed.elements:
            for attr in ("href", "src"):
                href = element.attrs.get(attr)
                if not href:
                    continue
                target = resolve(site, page, href, base)
                if target is not None and not target.exists():
                    broken.append(f"{page.relative_to(site)} -> {href}")
    return broken
