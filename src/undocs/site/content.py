"""Hand-written Markdown pages (`content/*.md`) with YAML front matter, via markdown-it-py."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from markdown_it import MarkdownIt

from .. import urls
from ..inputs import files_inside
from ..model import InputError, Problem, problem_at
from ..read.frontmatter import split
from .i18n import INTERFACE_LANGUAGES

# Raw HTML in Markdown is escaped, not passed through: nothing from the input runs on a page.
_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_MD.enable("table")


@dataclass(frozen=True)
class ContentPage:
    """A Markdown page of the site."""

    url: str
    """Site-relative URL (`about/`)."""
    title: str
    html: str
    """The rendered body (safe: raw HTML in the source is escaped)."""
    source: str
    """Path of the Markdown file, for messages."""
    language: str = ""
    """The language it is written in, where its name says so (`about.fr.md`); "": the
    site's language."""


#: A page's name in one language: `about.fr.md` (an interface language's code before `.md`).
_LANGUAGE_SUFFIX = re.compile(r"\.(" + "|".join(INTERFACE_LANGUAGES) + r")\.md$")


def load_content(folder: Path | None) -> tuple[list[ContentPage], list[Problem]]:
    """Render every `.md` file under `folder` to a page at `/<name>/`; `<name>.fr.md` is
    the page in French."""
    pages: list[ContentPage] = []
    problems: list[Problem] = []
    if folder is None or not folder.is_dir():
        return pages, problems
    files, problems = files_inside(folder)
    for path in (path for path in files if path.suffix == ".md"):
        name = path.relative_to(folder).as_posix()
        try:
            parts = split(path.read_text(encoding="utf-8-sig"), str(path))
        except (InputError, UnicodeDecodeError) as err:
            problem = (
                err.problem
                if isinstance(err, InputError)
                else problem_at(str(path), 0, "not UTF-8 text: %(error)s", "error", error=err)
            )
            problems.append(problem)
            continue
        language = ""
        suffix = _LANGUAGE_SUFFIX.search(name)
        if suffix:
            language, name = suffix[1], name[: suffix.start()] + ".md"
        url = urls.content_url(name)
        if not url:
            problems.append(
                problem_at(
                    str(path), 1, "content page would replace the home page; rename it", "error"
                )
            )
            continue
        title = str(parts.meta.get("title") or _first_heading(parts.text) or url.rstrip("/"))
        pages.append(
            ContentPage(
                url,
                title,
                _MD.render(parts.text),
                str(path),
                language,
            )
        )
    return pages, problems


def _first_heading(text: str) -> str | None:
    match = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else None


#: A link or image of rendered Markdown that is relative to its page (no scheme, no `/`,
#: no `#`): raw HTML is escaped, so every such attribute comes from the Markdown itself.
_RELATIVE = re.compile(r'(<(?:a|img)\b[^>]*?\b(?:href|src)=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)')


#: The `../` a relative link or image of rendered Markdown starts with.
_UP = re.compile(r'(<(?:a|img)\b[^>]*?\b(?:href|src)=")((?:\.\./)+)')


def moved(page: ContentPage, levels: int) -> ContentPage:
    """Return a page shown `levels` folders deeper than it was written for (`about.md`
    shown at `fr/about/`, where French has no version of its own): its relative links
    lead where they did (a negative `levels`: shallower, a `../` fewer)."""
    if levels == 0:
        return page
    if levels > 0:
        html = _RELATIVE.sub(lambda m: m[1] + "../" * levels, page.html)
    else:
        html = _UP.sub(lambda m: m[1] + m[2][3 * -levels :], page.html)
    return replace(page, html=html)
