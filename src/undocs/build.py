"""The pipeline: load, gather the archive, render every page, index, swap into place.

The site is written to a temporary folder beside `--out` and swapped in only when the whole
build succeeded, so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import parallel
from .archive import build_archive
from .content import load_content
from .exports import citations_csv, records_csv, records_jsonl, symbol_map
from .loader import find_sources, load_file
from .model import InputError, Problem, Record
from .quality import archive_problems
from .render import BUILTIN_TEMPLATES, Settings, environment
from .search import build_index
from .site import Site
from .writer import size_warnings, write_pages

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


def _load_one(item: tuple[Path, str]) -> tuple[Record | None, list[Problem]]:
    path, name = item
    try:
        record, problems = load_file(path, name)
        # the text stays on disk until its page is written: memory holds records, not texts
        return replace(record, text=""), problems
    except InputError as err:
        return None, [err.problem]
    except (OSError, ValueError) as err:
        return None, [Problem(name, 0, f"could not read: {err}", "error")]


def load_records(
    seeds: Path, progress: Progress | None = None
) -> tuple[list[Record], list[Problem]]:
    """Read every document under `seeds` on every core, reporting progress every 1,000."""
    if not seeds.is_dir():
        raise FileNotFoundError(f"{seeds}: no such folder of documents (give --seeds DIR)")
    items = [(path, path.relative_to(seeds).as_posix()) for path in find_sources(seeds)]
    # the largest files first, so that no worker is left with a long one at the end
    order = sorted(range(len(items)), key=lambda i: -_size(items[i][0]))
    results: list[tuple[Record | None, list[Problem]]] = [(None, [])] * len(items)
    done = parallel.imap(_load_one, (items[i] for i in order), len(items), chunk=128)
    for n, (index, result) in enumerate(zip(order, done, strict=True), 1):
        results[index] = result
        if progress and (n % 1000 == 0 or n == len(items)):
            progress(f"read {n}/{len(items)} files")
    records = [record for record, _ in results if record is not None]
    problems = [problem for _, found in results for problem in found]
    return records, problems


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


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
    site = Site(archive, content, options.settings, problems, source=options.seeds)
    env = environment(options.settings)
    out = options.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        written = write_pages(site, env, staging, say)
        _write_data(site, records, staging)
        _copy_static(options.settings, staging)
        indexed = 0
        if options.settings.search:
            languages = sorted({doc.url.split("/", 1)[0] for doc in archive.docs})
            say(f"indexing {len(languages)} languages with Pagefind")
            indexed = sum(report.pages for report in build_index(staging, languages))
        problems += size_warnings(staging, written)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(len(records), written.pages, out, problems, indexed)


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


def _swap(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with renames, so readers never see a half-written site.

    The previous site is renamed aside and deleted by a background process: deleting tens of
    thousands of files is slow on some file systems and the new site is already in place.
    """
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"{out} exists and is not a folder; give another --out")
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{staging.name.rsplit('-', 1)[-1]}")
        out.rename(old)
    staging.rename(out)
    if old is not None:
        remove_later(old)


def remove_later(folder: Path) -> None:
    """Delete a folder in a detached process (at once where that cannot be started)."""
    try:
        subprocess.Popen(
            ["rm", "-rf", "--", str(folder)],
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
