"""The pipeline: load, gather the archive, render every page, index, swap into place.

The site is written to a temporary folder beside `--out` and swapped in only when the whole
build succeeded, so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import NamedTuple

import jinja2

from ..archive.graph import Archive, build_archive, links_of, patch_archive
from ..archive.quality import archive_problems, record_problems
from ..model import InputError, Problem, Record, SetupError
from ..read.loader import Source, load_file, no_documents, rescan_sources, scan_sources
from ..site.content import load_content
from ..site.exports import ExportRows, citations_csv, records_csv, records_jsonl, symbol_map
from ..site.gather import Site
from ..site.render import BUILTIN_TEMPLATES, Settings, environment
from . import parallel
from .incremental import (
    Loaded,
    State,
    bytecode_folder,
    config_digest,
    drop_state,
    edits,
    load_cached_records,
    load_state,
    page_key,
    plan_shards,
    save_records,
    save_state,
    scope_of,
    state_stamp,
)
from .outfolder import MARKER, check_out, mark
from .search import build_index, drop_stale, reindex
from .writer import (
    Entry,
    compile_templates,
    discovery_pages,
    page_urls,
    size_warnings,
    write_pages,
    write_site,
)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildOptions:
    """Folders and switches of one build."""

    seeds: Path
    out: Path
    content: Path | None = None
    settings: Settings = field(default_factory=Settings)
    clean: bool = False
    """Ignore the cache of the last build: read and write everything."""
    config: Path | None = None
    """The settings file the options were read from (its folder is never replaced)."""

    def check_out(self) -> None:
        """Raise SetupError unless the build may replace `out` whole (`outfolder.check_out`)."""
        check_out(
            self.out,
            [
                ("folder of documents", self.seeds),
                ("folder of Markdown pages", self.content),
                ("folder of templates", self.settings.templates),
            ],
            [
                *([("folder of " + self.config.name, self.config.parent)] if self.config else []),
                ("current folder", Path.cwd()),
            ],
        )


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote, and what it reported."""

    documents: int
    pages: int
    out: Path
    problems: list[Problem]
    indexed: int = 0
    written: int = -1
    """Pages written by this build (-1: all of them, a clean build)."""


def _load_one(path: Path, name: str) -> Loaded:
    try:
        record, problems = load_file(path, name)
        # the text stays on disk until its page is written: memory holds records, not texts
        record = replace(record, text="")
        return Loaded(record, problems, links_of(record), tuple(record_problems(record)))
    except InputError as err:
        return Loaded(None, [err.problem], None, ())
    except (OSError, ValueError) as err:
        return Loaded(None, [Problem(name, 0, f"could not read: {err}", "error")], None, ())


#: Files one job of the workers reads.
LOAD_BLOCK = 64


def load_records(
    seeds: Path, progress: Progress | None = None
) -> tuple[list[Record], list[Problem]]:
    """Read every document under `seeds` on every core, reporting progress as it goes."""
    loaded = read_sources(seeds, progress)
    records = [item.record for item in loaded if item.record is not None]
    return records, [problem for item in loaded for problem in item.problems]


def read_sources(
    seeds: Path,
    progress: Progress | None = None,
    state: State | None = None,
    items: list[Source] | None = None,
) -> list[Loaded]:
    """Read every file under `seeds` on every core, reporting progress as it goes; return
    what each gave, in the order of `scan_sources` (`items`, if the caller scanned).

    With the `state` of the last build, a file whose size and modification time are
    unchanged is not read again; `state` is updated with what this call read.
    """
    if items is None:
        items = _scan(seeds)
    stats = {source.name: source.stat for source in items}
    cached = state.loaded if state is not None else {}
    known = state.stats if state is not None else {}
    fresh = [
        i
        for i, (_, name, stat) in enumerate(items)
        if name not in cached or known.get(name) != stat
    ]
    # the largest files first, so that no worker is left with a long one at the end
    fresh.sort(key=lambda i: -items[i].stat[0])
    blocks = [fresh[k : k + LOAD_BLOCK] for k in range(0, len(fresh), LOAD_BLOCK)]

    def read(block: list[int]) -> Callable[[], list[Loaded]]:
        return lambda: [_load_one(Path(items[i].path), items[i].name) for i in block]

    def report(done: int) -> None:
        if progress:
            progress(f"read {min(done * LOAD_BLOCK, len(fresh))}/{len(items)} files")

    results: dict[str, Loaded] = {}
    done = parallel.run_each([read(block) for block in blocks], len(fresh), report)
    for block, loaded in zip(blocks, done, strict=True):
        for i, result in zip(block, loaded, strict=True):
            results[items[i].name] = result
    ordered = [results.get(s.name) or cached[s.name] for s in items]
    if state is not None:
        state.stats = stats
        state.loaded = dict(zip((s.name for s in items), ordered, strict=True))
    return ordered


def _scan(seeds: Path, known: dict | None = None, changed: list[str] | None = None):
    """Return the sources under `seeds`: looking at the `changed` names only, given what
    the last build found (`known`), else at every file. Raise SetupError when there are
    none: a site of no documents is a mistake (a wrong folder, PDFs not yet extracted)."""
    if not seeds.is_dir():
        raise SetupError(f"{seeds}: no such folder of documents (give --seeds DIR)")
    if changed is not None and known:
        found = rescan_sources(seeds, known, changed)
    else:
        found = scan_sources(seeds)
    if not found:
        raise SetupError(no_documents(seeds))
    return found


def check(seeds: Path) -> tuple[list[Record], list[Problem]]:
    """Read every document and return the records and every problem, archive-wide ones too."""
    records, problems = load_records(seeds)
    archive = build_archive(records)
    problems += archive.problems + archive_problems(archive)
    return records, sorted(problems, key=lambda p: (p.path, p.line))


def build(options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build the site into `options.out`; return what was written and the problems met.

    Without `clean`, the cache of the last build decides what to read and write again; the
    result is the same as a clean build's.
    """
    return Builder(options).build(progress)


class _Last(NamedTuple):
    """What a Builder keeps of its last build."""

    state: State
    stamp: object
    """`state_stamp` of the cache once the state was written (None: not written yet)."""
    site: Site | None
    """The site it gathered, archive and lists (None after a build with nothing changed)."""


class Builder:
    """Builds a site, and builds it again after changes (`undocs serve --watch`).

    What the last build read and wrote stays in memory: a build after a change does not read
    it back from the cache. The cache is written all the same, for the next `undocs build`;
    when another process has written it since, it is read again.
    """

    def __init__(self, options: BuildOptions, defer_saving: bool = False):
        self.options = options
        self.defer_saving = defer_saving
        """Leave writing the cache to `flush` (called before the next build): a watcher
        reloads the browser first."""
        self._last: _Last | None = None
        self._templates: dict[str, jinja2.Environment] = {}
        """The last build's Jinja environment, by `config_digest`: templates compiled once."""
        self._rows = ExportRows()
        """The data exports' rows by record, from the second build on (the first, often a
        clean build, writes the exports beside the pages instead)."""
        self._unsaved: Callable[[], None] | None = None
        self._failed = False

    def build(
        self, progress: Progress | None = None, changed: Iterable[str | Path] | None = None
    ) -> BuildResult:
        """Build the site (incrementally unless it is the first build and `clean` is set).

        `changed`: the paths of the files changed since the last build, when the caller
        knows them (a watcher); then only those are looked at in the folder of documents.
        """
        self.options.check_out()
        self.flush()
        say = progress or (lambda _msg: None)
        out = self.options.out.resolve()
        if out.is_dir() and not (out / MARKER).is_file() and any(out.iterdir()):
            mark(out)  # a site built before the marker was written
        previous = names = None
        if self._last is not None and out.is_dir() and self._last.stamp == state_stamp(out):
            old: State | None = self._last.state
            previous = self._last.site
            if changed is not None and not self._failed:
                names = _names(self.options.seeds, changed)
        else:
            old = None if self.options.clean and self._last is None else load_state(out)
        with _collector_off():
            rows = self._rows if self._last is not None else None
            # a build that fails has read what changed: the next looks at every file again
            self._failed = True
            result, state, site, save = _build(
                self.options, out, old, say, self._templates, rows, previous, names
            )
            self._failed = False
            self._last = _Last(state, state_stamp(out) if save is None else None, site)
            self._unsaved = save
            if not self.defer_saving:
                self.flush()
        return result

    def prepare(self) -> None:
        """Build what changed since the last build (every file is looked at), then gather
        the archive, export rows and templates the next builds patch (`serve --watch`, as
        the watcher starts): the first edit is then rebuilt as quickly as the next ones."""
        self.build()
        self.flush()
        assert self._last is not None
        state, stamp, site = self._last
        out = self.options.out.resolve()
        with _collector_off():
            if not state.loaded and state.stats and not load_cached_records(out, state):
                return
            loaded = [item for item in state.loaded.values() if item.record is not None]
            records = [item.record for item in loaded]
            if site is None:
                archive = build_archive(records, [item.links for item in loaded])
                site = Site(archive, [], self.options.settings, source=self.options.seeds)
            self._rows.records(records)
            self._rows.citations(site.archive)
            config = config_digest(self.options.settings, self.options.content)
            compile_templates(_environment(self._templates, self.options.settings, config, out))
            self._last = _Last(state, stamp, site)

    def flush(self) -> None:
        """Write the cache of the last build, if it was left to write."""
        if self._unsaved is not None and self._last is not None:
            self._unsaved()
            self._unsaved = None
            self._last = self._last._replace(stamp=state_stamp(self.options.out.resolve()))


@contextmanager
def _collector_off() -> Iterator[None]:
    """Keep Python's cyclic garbage collector off, and freeze what is alive after.

    A build allocates millions of objects, most of which live to its end or are kept for the
    next build: the collector would walk them again and again for nothing. After, what is
    alive is moved where the collector does not look (`gc.freeze`). A build makes no
    reference cycles (measured), so its garbage is freed as it is dropped.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.freeze()
            gc.enable()


def _names(seeds: Path, paths: Iterable[str | Path]) -> list[str]:
    """Return the names under `seeds` (`hrc/x.txt`) of those of `paths` that are there."""
    root = os.path.abspath(seeds)
    names = []
    for path in paths:
        try:
            relative = os.path.relpath(os.path.abspath(path), root)
        except ValueError:  # on another drive
            continue
        if not relative.startswith(os.pardir):
            names.append(relative.replace(os.sep, "/"))
    return names


def _build(
    options: BuildOptions,
    out: Path,
    old: State | None,
    say: Progress,
    templates: dict[str, jinja2.Environment],
    rows: ExportRows | None = None,
    previous: Site | None = None,
    changed: list[str] | None = None,
) -> tuple[BuildResult, State, Site | None, Callable[[], None] | None]:
    """Build; return what was built, the state for the next build, the site, and what
    writes the state into the cache (None: nothing to write).

    The data exports are made from `rows` if given (in this process, turning into rows only
    the records read again), else by a worker beside the pages. `previous` is the site of the
    build `old` describes: an edit is patched into its archive rather than gathered again,
    and its lists kept where the edit leaves them as they were.
    `changed`: the names of the files changed since (`read_sources`)."""
    config = config_digest(options.settings, options.content)
    items = _scan(options.seeds, old.stats if old is not None else None, changed)
    if old is not None and old.config == config and old.stats == {s.name: s.stat for s in items}:
        say("nothing changed since the last build")
        result = BuildResult(old.documents, old.page_count, out, old.problems, 0, 0)
        return result, old, previous, None
    if old is not None and old.stats and not old.loaded and not load_cached_records(out, old):
        old = previous = None  # the cache lost its records: a full build
    state = State(config=config)
    if old is not None:
        state.stats, state.loaded = dict(old.stats), dict(old.loaded)
    loaded = read_sources(options.seeds, say, state, items)
    records = [item.record for item in loaded if item.record is not None]
    links = [item.links for item in loaded if item.record is not None]
    problems = [problem for item in loaded for problem in item.problems]
    state.documents = len(records)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    shards = plan_shards(state, old)
    # Files other than pages are written by workers while this process goes on: what needs
    # the records only (the cache's records, the records exports) while it gathers the
    # archive; what needs the archive (citations, symbols) while it writes the pages. A few
    # records files, or exports made of rows made before, cost less than a worker.
    jobs = []
    if len(shards) > FEW_SHARDS:
        jobs.append(partial(save_records, out, state, shards))
        shards = {}
    if rows is None:
        jobs.append(partial(_write_records, records, staging))
    else:
        jsonl, table = rows.records(records)
        _write_data(staging, [("records.jsonl", jsonl), ("records.csv", table)])
    background = [parallel.Background(jobs, len(records))] if jobs else []
    try:
        content, content_problems = load_content(options.content)
        problems += content_problems
        changes = edits(old, state) if old is not None else []
        archive = None
        if previous is not None and old is not None and old.config == config:
            archive = _patched(previous.archive, changes)
        patched = archive is not None
        archive = archive or build_archive(records, links)
        checks = {item.record.file: item.checks for item in loaded if item.record is not None}
        problems += archive.problems
        problems += [problem for doc in archive.docs for problem in checks[doc.record.file]]
        site = Site(
            archive,
            content,
            options.settings,
            problems,
            source=options.seeds,
            previous=previous if patched else None,
        )
        if rows is None:
            job = partial(_write_archive_data, site, staging)
            background.append(parallel.Background([job], len(records)))
        else:
            files: list[tuple[str, str | bytes]] = [("citations.csv", rows.citations(archive))]
            if not patched:  # a patched archive holds the same symbols at the same URLs
                files.append(("symbols.json", symbol_map(archive)))
            _write_data(staging, files)
        env = _environment(templates, options.settings, config, out)
        state.urls = {doc.record.file: doc.url for doc in archive.docs}
        state.bodies = sorted(site.bodies)
        # a document that moved: every page linking to it changes (added or removed ones,
        # a build of the changes finds)
        moved = old is not None and any(
            old.urls.get(file, url) != url for file, url in state.urls.items()
        )
        if old is None or old.config != config or moved:
            result = _build_all(options, site, env, records, staging, out, state, background, say)
        else:
            result = _build_changes(
                options, site, env, records, staging, out, old, state, changes, background, say
            )
    except BaseException:
        for job in background:
            job.close()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    state.problems, state.page_count = result.problems, result.pages

    def save() -> None:
        save_records(out, state, shards)
        save_state(out, state)

    return result, state, site, save


def _environment(
    templates: dict[str, jinja2.Environment], settings: Settings, config: str, out: Path
) -> jinja2.Environment:
    """Return the Jinja environment of `config` (`config_digest`), kept in `templates`
    between the builds of a Builder (the last one only: its templates are compiled)."""
    if config not in templates:
        templates.clear()
        templates[config] = environment(settings, bytecode_folder(out))
    return templates[config]


def _patched(previous: Archive, changes: list[tuple[Loaded | None, Loaded | None]]):
    """Return `previous` with the files of `changes` (`incremental.edits`) patched in, when
    they were edited (not added, removed, or read for the first or last time); else None."""
    edited = []
    for before, after in changes:
        if before is None or after is None or after.record is None or after.links is None:
            return None
        edited.append((after.record, after.links))
    return patch_archive(previous, edited)


def _build_all(options, site, env, records, staging, out, state, background, say) -> BuildResult:
    """Write the whole site into `staging`, index it, and swap it in for `out`."""
    written = write_site(site, env, staging, say, key=_key)
    _copy_static(options.settings, staging)
    for job in background:
        job.wait()
    indexed = 0
    if options.settings.search:
        say(f"indexing {len(site.bundles)} search bundles with Pagefind")
        indexed = sum(report.pages for report in build_index(staging, site.bundles))
    problems = site.problems + size_warnings(staging, written)
    drop_state(out)  # until the state of this build is saved, the pages match none
    _swap(staging, out)
    state.pages = written.keys
    return BuildResult(len(records), written.pages, out, problems, indexed)


def _key(page) -> str:
    """Return a page's key: what it is rendered from. Resolutions have none (there are
    thousands: an incremental build knows which a change touches; documents are not keyed
    at all)."""
    return "" if page.template == "resolution.html" else page_key(page)


def _build_changes(
    options, site, env, records, staging, out, old, state, changes, background, say
) -> BuildResult:
    """Write only the pages a change touches, then move them into `out`.

    The list pages of the groups a change cannot show in (another body's, another year's)
    are not even gathered: the cache's entries for them stand.
    """
    archive = site.archive
    changed: list[Loaded] = []  # the old and the new reading of each file whose text changed
    for before, after in changes:
        if not (before and after and before.record and after.record) or (
            before.record.digest != after.record.digest
        ):
            changed += [item for item in (before, after) if item and item.record]
    urls, scope = scope_of(archive, changed)
    if old.bodies != state.bodies:
        scope = None  # a body came or went: resolution pages link to it or no longer
    lists = list(site.list_pages(scope))
    covered = (lambda _group: True) if scope is None else scope.covers
    state.pages = {dest: e for dest, e in old.pages.items() if not covered(e.group)}
    state.pages.update((page.dest, Entry(_key(page), page.group, page.url)) for page in lists)
    documents = [page for page in site.document_pages(urls)]
    sitemap = page_urls(state.pages.values()) + [doc.url for doc in archive.docs]
    discovery = discovery_pages(site, sitemap, scope)
    state.pages.update((page.dest, Entry(_key(page), page.group, page.url)) for page in discovery)
    todo = [
        page
        for page in [*lists, *discovery]
        if not state.pages[page.dest].key or state.pages[page.dest] != old.pages.get(page.dest)
    ] + documents
    say(f"{len(changed)} records changed")
    written = write_pages(site, env, staging, say, todo, len(sitemap)).pages
    for job in background:
        job.wait()
    removed = set(old.pages) - set(state.pages)
    removed |= {url + "index.html" for url in old.urls.values()} - {
        url + "index.html" for url in state.urls.values()
    }
    drop_state(out)  # until the state of this build is saved, the pages match none
    _commit(staging, out, removed)
    indexed = 0
    touched_languages = {page.url.split("/", 1)[0] for page in documents}
    touched_languages |= {old.urls[f].split("/", 1)[0] for f in old.urls if f not in state.urls}
    if options.settings.search:
        bundles = [b for b in site.bundles if b.language in touched_languages]
        if bundles:
            say(f"indexing {len(bundles)} search bundles with Pagefind")
            indexed = sum(r.pages for r in reindex(out, bundles))
        drop_stale(out, site.bundles)
    return BuildResult(len(records), len(sitemap), out, site.problems, indexed, written)


def _commit(staging: Path, out: Path, removed: set[str]) -> None:
    """Move every file of `staging` into `out` (each replaced at once), drop `removed`."""
    for root, _dirs, files in os.walk(staging):
        rel = os.path.relpath(root, staging)
        target = out / rel if rel != "." else out
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            os.replace(os.path.join(root, name), target / name)
    for dest in removed:
        path = out / dest
        if path.is_file():
            path.unlink()
            try:
                path.parent.rmdir()  # a page's own folder, now empty
            except OSError:
                pass
    shutil.rmtree(staging, ignore_errors=True)


#: Records files of the cache (of `incremental.SHARDS`) written in this process; more are
#: written by a worker.
FEW_SHARDS = 8


def _write_data(staging: Path, files: Iterable[tuple[str, str | bytes]]) -> None:
    data = staging / "data"
    data.mkdir(exist_ok=True)
    for name, text in files:
        (data / name).write_bytes(text if isinstance(text, bytes) else text.encode())


def _write_records(records: list[Record], staging: Path) -> None:
    _write_data(
        staging, [("records.jsonl", records_jsonl(records)), ("records.csv", records_csv(records))]
    )


def _write_archive_data(site: Site, staging: Path) -> None:
    _write_data(
        staging,
        [
            ("citations.csv", citations_csv(site.archive)),
            ("symbols.json", symbol_map(site.archive)),
        ],
    )


def _copy_static(settings: Settings, staging: Path) -> None:
    for folder in (
        BUILTIN_TEMPLATES / "static",
        settings.templates and settings.templates / "static",
    ):
        if folder and folder.is_dir():
            shutil.copytree(folder, staging / "static", dirs_exist_ok=True)
    (staging / ".nojekyll").write_text("", encoding="utf-8")
    mark(staging)


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
