"""Hand-written Markdown pages (`content/*.md`) with YAML front matter, via markdown-it-py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from .. import urls
from ..inputs import files_inside
from ..model import InputError, Problem
from ..read.frontmatter import split

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


def load_content(folder: Path | None) -> tuple[list[ContentPage], list[Problem]]:
    """Render every `.md` file under `folder` to a page at `/<name>/`."""
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
                else Problem(str(path), 0, f"not UTF-8 text: {err}", "error")
            )
            problems.append(problem)
            continue
        url = urls.content_url(name)
        if not url:
            problems.append(
                Problem(
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
            )
        )
    return pages, problems


def _first_heading(text: str) -> str | None:
    match = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else None
