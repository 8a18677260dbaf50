"""The pipeline: load, gather the archive, render every page, index, swap into place.

The site is written to a temporary folder beside `--out` and swapped in only when the whole
build succeeded, so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .archive import build_archive
from .content import load_content
from .exports import citations_csv, records_csv, records_jsonl, symbol_map
from .feeds import feed_pages, robots_page, sitemap_pages
from .loader import find_sources, load_file
from .model import InputError, Problem, Record
from .quality import archive_problems
from .render import BUILTIN_TEMPLATES, Page, Settings, environment, render
from .search import build_index
from .site import Site

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildOptions:
    """Folders and switches of one build."""

    seeds: Path
    out: Path
    content: Path | None = None
    settings: Settings = field(default_factory=Settings)


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote, and what it reported."""

    documents: int
    pages: int
    out: Path
    problems: list[Problem]
    indexed: int = 0


def load_records(
    seeds: Path, progress: Progress | None = None
) -> tuple[list[Record], list[Problem]]:
    """Read every document under `seeds`, reporting progress every 1,000 files."""
    if not seeds.is_dir():
        raise FileNotFoundError(f"{seeds}: no such folder of documents (give --seeds DIR)")
    paths = list(find_sources(seeds))
    records: list[Record] = []
    problems: list[Problem] = []
    for n, path in enumerate(paths, 1):
        name = path.relative_to(seeds).as_posix()
        try:
            record, found = load_file(path, name)
        except InputError as err:
            problems.append(err.problem)
        except (OSError, ValueError) as err:
            problems.append(Problem(name, 0, f"could not read: {err}", "error"))
        else:
            records.append(record)
            problems.extend(found)
        if progress and (n % 1000 == 0 or n == len(paths)):
            progress(f"read {n}/{len(paths)} files")
    return records, problems


def check(seeds: Path) -> tuple[list[Record], list[Problem]]:
    """Read every document and return the records and every problem, archive-wide ones too."""
    records, problems = load_records(seeds)
    archive = build_archive(records)
    problems += archive.problems + archive_problems(archive)
    return records, sorted(problems, key=lambda p: (p.path, p.line))


def build(options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build the site into `options.out`; return what was written and the problems met."""
    say = progress or (lambda _msg: None)
    records, problems = load_records(options.seeds, say)
    content, content_problems = load_content(options.content)
    problems += content_problems
    archive = build_archive(records)
    problems += archive.problems + archive_problems(archive)
    site = Site(archive, content, options.settings, problems)
    env = environment(options.settings)
    out = options.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        pages = _write_pages(site, env, staging, say)
        _write_data(site, records, staging)
        _copy_static(options.settings, staging)
        indexed = 0
        if options.settings.search:
            languages = sorted({doc.url.split("/", 1)[0] for doc in archive.docs})
            say(f"indexing {len(languages)} languages with Pagefind")
            indexed = sum(report.pages for report in build_index(staging, languages))
        problems += size_warnings(staging)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(len(records), pages, out, problems, indexed)


def _write_pages(site: Site, env, staging: Path, say: Progress) -> int:
    root = staging.resolve()
    urls: list[str] = []

    def write(page: Page) -> None:
        dest = staging / page.dest
        if not dest.resolve().is_relative_to(root):
            raise ValueError(f"page {page.url!r} would be written outside the output folder")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(render(env, site.settings, page, site.context(page)), encoding="utf-8")

    for page in site.pages():
        write(page)
        if page.url.endswith("/") or page.url == "":
            urls.append(page.url)
            if len(urls) % 5000 == 0:
                say(f"wrote {len(urls)} pages")
    extra = [*feed_pages(site), *sitemap_pages(site, urls), robots_page()]
    for page in extra:
        write(page)
    return len(urls)


def _write_data(site: Site, records: list[Record], staging: Path) -> None:
    data = staging / "data"
    data.mkdir(exist_ok=True)
    (data / "records.jsonl").write_text(records_jsonl(records), encoding="utf-8")
    (data / "records.csv").write_text(records_csv(records), encoding="utf-8")
    (data / "citations.csv").write_text(citations_csv(site.archive), encoding="utf-8")
    (data / "symbols.json").write_text(symbol_map(site.archive), encoding="utf-8")


def _copy_static(settings: Settings, staging: Path) -> None:
    for folder in (
        BUILTIN_TEMPLATES / "static",
        settings.templates and settings.templates / "static",
    ):
        if folder and folder.is_dir():
            shutil.copytree(folder, staging / "static", dirs_exist_ok=True)
    (staging / ".nojekyll").write_text("", encoding="utf-8")


#: GitHub Pages' limits: a published site of at most 1 GB, files of at most 100 MB.
SITE_LIMIT = 1_000_000_000
FILE_LIMIT = 100_000_000


def size_warnings(site: Path) -> list[Problem]:
    """Warn when the site passes GitHub Pages' size limits, with the sizes."""
    warnings = []
    total = 0
    for path in site.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            if size > FILE_LIMIT:
                reason = (
                    f"output file is {human(size)}, over GitHub Pages' limit of "
                    f"{human(FILE_LIMIT)} per file"
                )
                warnings.append(Problem(path.relative_to(site).as_posix(), 0, reason))
    if total > SITE_LIMIT:
        reason = (
            f"the site is {human(total)}, over GitHub Pages' limit of {human(SITE_LIMIT)} per site"
        )
        warnings.append(Problem(".", 0, reason))
    return warnings


def human(size: float) -> str:
    """Return a byte count for people: `1.2 kB`, `105.3 MB`, `1.02 GB`."""
    for unit in ("B", "kB", "MB"):
        if size < 1000:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.2f} GB"


def _swap(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with renames, so readers never see a half-written site."""
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"{out} exists and is not a folder; give another --out")
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{staging.name.rsplit('-', 1)[-1]}")
        out.rename(old)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
