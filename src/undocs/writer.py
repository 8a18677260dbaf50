"""Write the gathered pages into the output folder, on every core, and watch their sizes."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import parallel
from .feeds import feed_pages, robots_page, sitemap_pages
from .model import Problem
from .render import Page, render
from .site import Site

#: GitHub Pages' limits: a published site of at most 1 GB, files of at most 100 MB.
SITE_LIMIT = 1_000_000_000
FILE_LIMIT = 100_000_000


@dataclass
class Written:
    """What was written: pages, bytes, and the files over the per-file limit."""

    pages: int = 0
    bytes: int = 0
    large: list[tuple[str, int]] = field(default_factory=list)

    def add(self, other: Written) -> None:
        """Add another writer's totals to these."""
        self.pages += other.pages
        self.bytes += other.bytes
        self.large += other.large


class PageWriter:
    """Renders pages into a folder, never outside it."""

    def __init__(self, site: Site, env, folder: Path) -> None:
        self.site, self.env, self.folder = site, env, folder
        self.made: set[str] = {""}
        self.written = Written()

    def write(self, page: Page) -> None:
        """Render one page to its output path."""
        dest = page.dest
        # URLs are made of sanitised components (archive.py); checked here lexically
        if dest.startswith("/") or any(p in ("", ".", "..") for p in dest.split("/")):
            raise ValueError(f"page {page.url!r} would be written outside the output folder")
        parent = dest.rpartition("/")[0]
        if parent not in self.made:
            os.makedirs(self.folder / parent, exist_ok=True)
            self.made.add(parent)
        data = render(self.env, self.site.settings, page, self.site.context(page)).encode()
        fd = os.open(self.folder / dest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        self.written.pages += page.url.endswith(("/", ".html")) or page.url == ""
        self.written.bytes += len(data)
        if len(data) > FILE_LIMIT:
            self.written.large.append((dest, len(data)))


def write_pages(
    site: Site,
    env,
    folder: Path,
    say: Callable[[str], None],
    pages: list[Page],
    todo: list[Page] | None = None,
) -> Written:
    """Render the site's `pages` (or only `todo` of them) into `folder` on every core, then
    the feeds, sitemaps and robots.txt, which list every page."""
    todo = pages if todo is None else todo
    for name in env.list_templates():  # compiled once here, shared by the forked workers
        if name.endswith((".html", ".xml", ".txt")):
            env.get_template(name)

    def write_share(worker: int, workers: int) -> Written:
        # blocks of 64 pages dealt in turn: each worker gets every kind of page (balance),
        # and mostly its own folders (less contention on the file system)
        writer = PageWriter(site, env, folder)
        for block in range(worker * 64, len(todo), workers * 64):
            for page in todo[block : block + 64]:
                writer.write(page)
        return writer.written

    say(f"writing {len(todo)} of {len(pages)} pages")
    total = Written()
    for share in parallel.split_run(write_share, len(todo)):
        total.add(share)
    written = total.pages
    urls = [
        p.url
        for p in pages
        if p.url.endswith(("/", ".html")) and p.url != "404.html" or p.url == ""
    ]
    writer = PageWriter(site, env, folder)
    for page in [*feed_pages(site), *sitemap_pages(site, urls), robots_page()]:
        writer.write(page)
    total.add(writer.written)
    total.pages = len(urls) if todo is pages else written
    return total


def size_warnings(folder: Path, written: Written) -> list[Problem]:
    """Warn when the site passes GitHub Pages' size limits, with the sizes."""
    total, large = written.bytes, list(written.large)
    for sub in ("data", "static", "pagefind"):  # what was not written as a page
        for root, _dirs, files in os.walk(folder / sub):
            for name in files:
                size = os.stat(os.path.join(root, name)).st_size
                total += size
                if size > FILE_LIMIT:
                    large.append((os.path.relpath(os.path.join(root, name), folder), size))
    warnings = [
        Problem(
            path,
            0,
            f"output file is {human(size)}, over GitHub Pages' limit of "
            f"{human(FILE_LIMIT)} per file",
        )
        for path, size in large
    ]
    if total > SITE_LIMIT:
        warnings.append(
            Problem(
                ".",
                0,
                f"the site is {human(total)}, over GitHub Pages' limit "
                f"of {human(SITE_LIMIT)} per site",
            )
        )
    return warnings


def human(size: float) -> str:
    """Return a byte count for people: `1.2 kB`, `105.3 MB`, `1.02 GB`."""
    for unit in ("B", "kB", "MB"):
        if size < 1000:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.2f} GB"
