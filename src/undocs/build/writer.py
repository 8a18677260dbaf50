"""Write the gathered pages and data files into the staging folder, on every core, and watch
sizes."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..archive.graph import Archive
from ..inputs import files_inside
from ..model import Problem, problem_at
from ..site.adoptions import votes_csv
from ..site.exports import citations_csv, gaps_csv, symbol_map
from ..site.feeds import feed_pages, robots_page, sitemap_pages
from ..site.gather import COMPARISON, Scope, Site
from ..site.graphml import citations_graphml
from ..site.render import BUILTIN_TEMPLATES, TEMPLATE_SUFFIXES, Page, Settings, render
from . import parallel
from .incremental import Entry
from .outfolder import mark

#: GitHub Pages' limits: a published site of at most 1 GB, files of at most 100 MB.
SITE_LIMIT = 1_000_000_000
FILE_LIMIT = 100_000_000


@dataclass
class Written:
    """What was written: pages, bytes, the files over the per-file limit, and page keys."""

    pages: int = 0
    bytes: int = 0
    large: list[tuple[str, int]] = field(default_factory=list)
    keys: dict[str, Entry] = field(default_factory=dict)
    """Output path -> the entry of each page written, when the writer was given a `key`."""

    def add(self, other: Written) -> None:
        """Add another writer's totals to these."""
        self.pages += other.pages
        self.bytes += other.bytes
        self.large += other.large
        self.keys.update(other.keys)


class PageWriter:
    """Renders pages into a folder, never outside it."""

    def __init__(
        self,
        site: Site,
        env: jinja2.Environment,
        folder: Path,
        made: set[str] | None = None,
        key: Callable[[Page], str] | None = None,
    ) -> None:
        self.site, self.env, self.key = site, env, key
        self.root = os.path.join(folder, "")  # the output folder, ending in a separator
        self.made: set[str] = made if made is not None else {""}
        """Folders made already (shared by the writers of one process)."""
        self.written = Written()

    def write(self, page: Page) -> None:
        """Render one page to its output path."""
        dest = page.dest
        # URLs are made of sanitised components (archive.py); checked here lexically
        parts = dest.split("/")
        if "" in parts or "." in parts or ".." in parts:
            raise ValueError(f"page {page.url!r} would be written outside the output folder")
        parent = dest.rpartition("/")[0]
        if parent not in self.made:
            os.makedirs(os.path.join(self.root, parent), exist_ok=True)
            self.made.add(parent)
        data = render(self.env, self.site.settings, page, self.site.context(page)).encode()
        fd = os.open(self.root + dest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        self.written.pages += page.url.endswith(("/", ".html")) or page.url == ""
        self.written.bytes += len(data)
        if len(data) > FILE_LIMIT:
            self.written.large.append((dest, len(data)))
        if self.key is not None:
            self.written.keys[dest] = Entry(self.key(page), page.group, page.url)


#: Pages one job renders: few enough to balance the workers, enough to cost little to hand out.
BLOCK = 64


def write_pages(
    site: Site,
    env: jinja2.Environment,
    folder: Path,
    say: Callable[[str], None],
    todo: list[Page],
    total: int,
) -> Written:
    """Render the pages `todo` of the site's `total` into `folder` on every core (an
    incremental build)."""
    compile_templates(env)
    say(f"writing {len(todo)} of {total} pages")
    written = Written()
    for share in parallel.run_each(_blocks(site, env, folder, {""}, todo, None), len(todo)):
        written.add(share)
    return written


def write_site(
    site: Site,
    env: jinja2.Environment,
    folder: Path,
    say: Callable[[str], None],
    key: Callable[[Page], str],
    beside: Sequence[Callable[[], object]] = (),
) -> Written:
    """Render every page of the site into `folder` on every core, with the feeds, sitemaps
    and robots.txt (a clean build); the pages but the documents' are returned in
    `Written.keys`, with their `key(page)`. `beside`: other jobs for the same processes
    (the data exports), taken first.

    The first job gathers the list pages and writes them while the other processes write
    the documents, which need nothing but the archive: gathering them is not done before
    the cores start.
    """
    compile_templates(env)
    made = {""}  # each forked worker has its own copy: the folders it made
    documents = list(site.document_pages())

    def lists() -> Written:
        writer = PageWriter(site, env, folder, made, key)
        urls: list[str] = []
        # each page let go once written (with PageKeys holding the last values only, the
        # build's process ends its pages of 100,000 documents at 0.95 GiB, was 1.13)
        for page in site.list_pages():
            writer.write(page)
            urls += page_urls((page,))
        urls += page_urls(documents)
        for page in discovery_pages(site, urls):
            writer.write(page)
        written = writer.written
        # with the documents' pages, the site has a page per URL of the sitemap
        written.pages = len(urls) - len(documents)
        return written

    comparisons = list(site.comparison_pages())
    say(f"writing the pages of {len(documents)} documents and the lists")
    jobs = [
        lists,
        *map(_nothing_written, beside),
        *_blocks(site, env, folder, made, documents, None),
        *map(_uncounted, _blocks(site, env, folder, made, comparisons, key)),
    ]
    total = Written()
    for share in parallel.run_each(jobs, len(documents)):
        total.add(share)
    return total


def compile_templates(env: jinja2.Environment) -> None:
    """Compile every template here, once: the forked workers share them."""
    for name in env.list_templates():
        if name.endswith(TEMPLATE_SUFFIXES):
            env.get_template(name)


def page_urls(pages: Iterable[Page | Entry]) -> list[str]:
    """Return the URLs the sitemap lists: every HTML page but 404.html and comparisons."""
    return [
        p.url
        for p in pages
        if ((p.url.endswith(("/", ".html")) and p.url != "404.html") or p.url == "")
        and p.group.kind != COMPARISON
    ]


def discovery_pages(site: Site, urls: list[str], scope: Scope | None = None) -> list[Page]:
    """Return the feeds (with a `scope`, those of the bodies it covers), the sitemaps of
    `urls` and robots.txt."""
    return [*feed_pages(site, scope), *sitemap_pages(urls), robots_page()]


def _nothing_written(job: Callable[[], object]) -> Callable[[], Written]:
    """Return `job` as a job of `write_site` that writes no page."""

    def run() -> Written:
        job()
        return Written()

    return run


def _uncounted(job: Callable[[], Written]) -> Callable[[], Written]:
    """Return `job` counting no pages: a build counts the pages of its sitemap, which
    leaves comparisons out (`page_urls`), whether it writes every page or a few."""

    def run() -> Written:
        written = job()
        written.pages = 0
        return written

    return run


def _blocks(
    site: Site,
    env: jinja2.Environment,
    folder: Path,
    made: set[str],
    pages: list[Page],
    key: Callable[[Page], str] | None,
) -> list[Callable[[], Written]]:
    """Return the jobs writing `pages`, `BLOCK` pages each."""

    def block(start: int) -> Callable[[], Written]:
        def job() -> Written:
            writer = PageWriter(site, env, folder, made, key)
            for page in pages[start : start + BLOCK]:
                writer.write(page)
            return writer.written

        return job

    return [block(i) for i in range(0, len(pages), BLOCK)]


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
        problem_at(
            path,
            0,
            "output file is %(size)s, over GitHub Pages' limit of %(limit)s per file",
            size=human(size),
            limit=human(FILE_LIMIT),
        )
        for path, size in large
    ]
    if total > SITE_LIMIT:
        warnings.append(
            problem_at(
                ".",
                0,
                "the site is %(size)s, over GitHub Pages' limit of %(limit)s per site",
                size=human(total),
                limit=human(SITE_LIMIT),
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


def write_data(staging: Path, files: Iterable[tuple[str, str | bytes]]) -> None:
    """Write the data exports `files` (name, content) into the site's /data/ folder."""
    data = staging / "data"
    data.mkdir(exist_ok=True)
    for name, text in files:
        (data / name).write_bytes(text if isinstance(text, bytes) else text.encode())


def write_archive_data(site: Site, staging: Path, listed: bool = True) -> None:
    """Write the exports made of the archive: the citations (CSV), and with `listed` those
    made of what the lists show of the records (`incremental.listing`): the symbols, the
    gaps, the votes. The network is another job (`write_network`)."""
    files = [("citations.csv", citations_csv(site.archive))]
    if listed:
        files += [
            ("symbols.json", symbol_map(site.archive)),
            ("gaps.csv", gaps_csv(site.archive, site.gaps)),
            ("votes.csv", votes_csv(site.archive)),
        ]
    write_data(staging, files)


def write_network(archive: Archive, staging: Path) -> None:
    """Write the citation network (`citations.graphml`)."""
    write_data(staging, [("citations.graphml", citations_graphml(archive))])


def copy_static(settings: Settings, staging: Path) -> None:
    """Copy the static files (built-in, then the user's) and the files GitHub Pages needs."""
    for folder in (
        BUILTIN_TEMPLATES / "static",
        settings.templates and settings.templates / "static",
    ):
        if folder and folder.is_dir():
            for path in files_inside(folder)[0]:  # links out of the folder: reported, not copied
                target = staging / "static" / path.relative_to(folder)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
    (staging / ".nojekyll").write_text("", encoding="utf-8")
    mark(staging)
