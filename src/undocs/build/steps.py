"""The steps of one build: scan, read, gather the archive, gather the site, write, index, swap.

`run_build` calls them in order. A clean build and an incremental one take the same steps;
the plan (`build.plan`) tells each how much to do. The site is written to a staging folder
beside `--out` and swapped in only when the whole build succeeded, so a failed build leaves
the previous site exactly as it was.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import jinja2

from ..archive.graph import Archive, build_archive, patch_archive
from ..archive.pairs import kept, restored
from ..model import Problem
from ..site.adoptions import votes_csv
from ..site.content import load_content
from ..site.exports import ExportRows, records_files, symbol_map
from ..site.gather import Site
from ..site.render import Page, Settings, environment, template_problems
from . import cards, parallel, segments
from .incremental import (
    Entry,
    Loaded,
    PageKeys,
    State,
    bytecode_folder,
    config_digest,
    drop_state,
    gaps_by_file,
    plan_shards,
    save_records,
    save_state,
)
from .outfolder import check_out, commit, staging_folder, swap
from .plan import (
    ArchivePlan,
    PagePlan,
    ReadPlan,
    network_changed,
    plan_archive,
    plan_pages,
    plan_reading,
    same_comparisons,
)
from .reading import Progress, read_sources
from .search import build_index, reindex
from .writer import (
    copy_static,
    discovery_pages,
    page_urls,
    size_warnings,
    write_archive_data,
    write_data,
    write_network,
    write_pages,
    write_site,
)

#: Records files of the cache (of `incremental.SHARDS`) written in this process; more are
#: written by a worker.
FEW_SHARDS = 8


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
    read: tuple[str, ...] = ()
    """The source files read by this build (the others' records came from the cache)."""
    bundles: tuple[str, ...] = ()
    """The search bundles indexed by this build."""


@dataclass(frozen=True)
class Run:
    """What one build is given: its options, where it writes, how it reports, and what a
    Builder keeps between builds (compiled templates, export rows)."""

    options: BuildOptions
    out: Path
    say: Progress
    templates: dict[str, jinja2.Environment]
    """The last build's Jinja environment, by `config_digest`: templates compiled once."""
    rows: ExportRows | None = None
    """The data exports' rows by record (None: the exports are made by a worker)."""

    def environment(self, config: str) -> jinja2.Environment:
        """Return the Jinja environment of `config`, kept between the builds of a Builder
        (the last one only: its templates are compiled)."""
        if config not in self.templates:
            self.templates.clear()
            self.templates[config] = environment(self.options.settings, bytecode_folder(self.out))
        return self.templates[config]


@dataclass(frozen=True)
class Outcome:
    """What a build gave: its result, the state for the next build, and its site."""

    result: BuildResult
    state: State
    site: Site | None
    """The site it gathered, archive and lists (None when nothing changed and none was
    given)."""
    shards: dict[int, str] | None
    """The records files the cache still needs written, with the state (None: nothing)."""

    def save(self, out: Path) -> None:
        """Write what the cache needs of this build."""
        if self.shards is not None:
            save_records(out, self.state, self.shards)
            save_state(out, self.state)


def run_build(
    run: Run, old: State | None, previous: Site | None = None, changed: list[str] | None = None
) -> Outcome:
    """Build the site: scan, read, gather, write, index, swap.

    `old` is the state of the last build (None: a clean build); `previous` its site, when a
    Builder kept it in memory: an edit is then patched into its archive. `changed`: the
    names of the files changed since, when the caller knows them.
    """
    config = config_digest(run.options.settings, run.options.content)
    reading = plan_reading(run.options.seeds, run.out, config, old, previous, changed)
    if reading.unchanged and old is not None:
        run.say("nothing changed since the last build")
        result = BuildResult(old.documents, old.page_count, run.out, old.problems, 0, 0)
        return Outcome(result, old, previous, None)
    state, loaded = read(run, reading)
    read_again = tuple(
        name
        for name, item in state.loaded.items()
        if reading.old is None or reading.old.loaded.get(name) is not item
    )
    if reading.reusable and _read_the_same(state, reading.old):
        # files saved again unchanged, or checked out again: only their times are new
        assert reading.old is not None
        run.say(f"{len(read_again)} file(s) read again, unchanged")
        old = reading.old
        result = BuildResult(
            old.documents, old.page_count, run.out, old.problems, 0, 0, read=read_again
        )
        return Outcome(result, replace(old, stats=state.stats), previous, {})
    staging = staging_folder(run.out)
    shards = plan_shards(state, reading.old)
    background: list[parallel.Background] = []
    try:
        if len(shards) > FEW_SHARDS:  # many records files: a worker writes them meanwhile
            job = partial(save_records, run.out, state, shards)
            background.append(parallel.Background([job], len(loaded)))
            shards = {}
        export_records(loaded, staging)
        archive_plan = plan_archive(reading, state)
        archive, patched = gather_archive(archive_plan, loaded, reading)
        site = gather_site(run, loaded, archive, reading.previous if patched else None)
        if same_comparisons(reading, archive_plan.changes):
            assert reading.old is not None and reading.old.pairs is not None
            site.keep_pairs(restored(reading.old.pairs, archive))
        state.urls = {doc.record.file: doc.url for doc in site.archive.docs}
        state.bodies = sorted(site.bodies)
        pages = plan_pages(reading, state, site.archive, archive_plan.changes)
        network = network_changed(reading, archive_plan.changes)
        background += export_archive(run, site, staging, patched, network, pages)
        env = run.environment(config)
        if pages.full:
            result = write_all(run, site, env, staging, state, background)
        else:
            assert reading.old is not None
            result = write_changes(run, site, env, staging, reading.old, state, pages, background)
    except BaseException:
        for running in background:
            running.close()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    state.problems, state.page_count = result.problems, result.pages
    state.pairs = kept(site.pairs) if "pairs" in site.__dict__ else None
    return Outcome(replace(result, read=read_again), state, site, shards)


# Read -------------------------------------------------------------------------------------


def _read_the_same(state: State, old: State | None) -> bool:
    """Return whether the files read again gave what the last build had of them (the same
    records, problems and rows), and no file came or went."""
    if old is None or state.loaded.keys() != old.loaded.keys():
        return False
    return all(
        item is old.loaded[name] or item == old.loaded[name] for name, item in state.loaded.items()
    )


def read(run: Run, reading: ReadPlan) -> tuple[State, list[Loaded]]:
    """Read the files the plan says changed (the others' readings are kept): return this
    build's state so far and what reading each source gave, in scan order."""
    state = State(config=reading.config)
    if reading.old is not None:
        state.stats, state.loaded = dict(reading.old.stats), dict(reading.old.loaded)
    loaded = read_sources(run.options.seeds, run.say, state, reading.sources)
    state.documents = sum(item.record is not None for item in loaded)
    return state, loaded


def export_records(loaded: list[Loaded], staging: Path) -> None:
    """Write the exports made of the records alone, records.jsonl and records.csv: joined
    from the rows made as each record was read (`exports.record_rows`)."""
    jsonl, table = records_files([item.rows for item in loaded if item.record is not None])
    write_data(staging, [("records.jsonl", jsonl), ("records.csv", table)])


# Gather -----------------------------------------------------------------------------------


def gather_archive(
    plan: ArchivePlan, loaded: list[Loaded], reading: ReadPlan
) -> tuple[Archive, bool]:
    """Return the archive, and whether it is the last build's patched with the edits (else
    it was gathered afresh)."""
    if plan.patch is not None and reading.previous is not None:
        patched = patch_archive(reading.previous.archive, plan.patch)
        if patched is not None:
            return patched, True
    records, links = [], []
    for item in loaded:
        if item.record is not None and item.links is not None:
            records.append(item.record)
            links.append(item.links)
    return build_archive(records, links), False


def gather_site(run: Run, loaded: list[Loaded], archive: Archive, previous: Site | None) -> Site:
    """Gather the site's lists from the archive, with every problem of the build; reuse
    the lists of `previous` (the site whose archive was patched) an edit leaves as they
    were."""
    content, content_problems = load_content(run.options.content)
    problems = [problem for item in loaded for problem in item.problems] + content_problems
    problems += template_problems(run.options.settings)
    checks = {item.record.file: item.checks for item in loaded if item.record is not None}
    problems += archive.problems
    problems += [problem for doc in archive.docs for problem in checks[doc.record.file]]
    return Site(
        archive,
        content,
        run.options.settings,
        problems,
        source=run.options.seeds,
        previous=previous,
        record_gaps=gaps_by_file(loaded),
    )


def export_archive(
    run: Run, site: Site, staging: Path, patched: bool, network: bool, pages: PagePlan
) -> list[parallel.Background]:
    """Write the exports made of the archive (citations, symbols, gaps, votes): by a worker
    while this process writes the pages, or here from the rows a Builder keeps; the
    citation network by a worker of its own. `network`: write the network
    (`plan.network_changed`; else the last build's stands). `pages.listed`: write the
    exports made of what lists show of the records (symbols, gaps, votes; else the last
    build's stand). `pages.full`: every page is written, by processes on every core: the
    exports are among their jobs (`write_all`), not more processes' (at 100,000 documents
    one held 1 GiB beside them)."""
    site.gaps  # noqa: B018  (worked out here, before the fork: the quality page uses it too)
    jobs: list[Callable[[], None]] = []
    if run.rows is None:
        jobs.append(partial(write_archive_data, site, staging, pages.listed))
    else:
        files: list[tuple[str, str | bytes]] = [("citations.csv", run.rows.citations(site.archive))]
        if pages.listed:
            files.append(("gaps.csv", run.rows.gaps(site.archive, site.gaps)))
            files.append(("votes.csv", votes_csv(site.archive)))
            if not patched:  # a patched archive holds the same symbols at the same URLs
                files.append(("symbols.json", symbol_map(site.archive)))
        write_data(staging, files)
    if network:  # 0.4 s at the shared corpus's size: beside the other exports, not after
        jobs.append(partial(write_network, site.archive, staging))
    size = len(site.archive.docs)
    return [parallel.Background([job], size, start=not pages.full) for job in jobs]


# Write, index, swap -----------------------------------------------------------------------


def write_all(
    run: Run,
    site: Site,
    env: jinja2.Environment,
    staging: Path,
    state: State,
    background: list[parallel.Background],
) -> BuildResult:
    """Write the whole site into `staging`, index it, and swap it in for `out`."""
    beside = [job for running in background for job in running.take()]
    written = write_site(site, env, staging, run.say, key=_keyer(), beside=beside)
    copy_static(run.options.settings, staging)
    for job in background:
        job.wait()
    indexed = 0
    bundles: tuple[str, ...] = ()
    if run.options.settings.search:
        run.say(f"indexing {len(site.bundles)} search bundles with Pagefind")
        indexed = sum(report.pages for report in build_index(staging, site.bundles))
        bundles = tuple(bundle.name for bundle in site.bundles)
        state.search = segments.full(site.bundles, staging / "pagefind")
        write_cards(staging / "pagefind", site, state.search, state.search, {})
        segments.write_manifest(staging / "pagefind", state.search)
    problems = site.problems + size_warnings(staging, written)
    drop_state(run.out)  # until the state of this build is saved, the pages match none
    swap(staging, run.out)
    state.pages = written.keys
    return BuildResult(state.documents, written.pages, run.out, problems, indexed, bundles=bundles)


def write_changes(
    run: Run,
    site: Site,
    env: jinja2.Environment,
    staging: Path,
    old: State,
    state: State,
    plan: PagePlan,
    background: list[parallel.Background],
) -> BuildResult:
    """Write only the pages the plan's changes touch, move them into `out`, index the
    languages they are in.

    The list pages of the groups a change cannot show in (another body's, another year's)
    are not even gathered: the cache's entries for them stand.
    """
    lists = [*site.list_pages(plan.scope), *site.comparison_pages(plan.scope)]
    scope = plan.scope
    key = _keyer()
    state.pages = {
        dest: entry
        for dest, entry in old.pages.items()
        if scope is not None and not scope.covers(entry.group)
    }
    state.pages.update((page.dest, Entry(key(page), page.group, page.url)) for page in lists)
    documents = list(site.document_pages(plan.documents))
    sitemap = page_urls(state.pages.values()) + [doc.url for doc in site.archive.docs]
    discovery = discovery_pages(site, sitemap, plan.scope)
    state.pages.update((page.dest, Entry(key(page), page.group, page.url)) for page in discovery)
    todo = [
        page
        for page in [*lists, *discovery]
        if not state.pages[page.dest].key or state.pages[page.dest] != old.pages.get(page.dest)
    ] + documents
    files = {item.record.file for item in plan.changed if item.record is not None}
    run.say(f"{len(files)} record{'s' if len(files) != 1 else ''} changed")
    written = write_pages(site, env, staging, run.say, todo, len(sitemap)).pages
    for job in background:
        job.wait()
    different = _different(staging, run.out, documents)
    drop_state(run.out)  # until the state of this build is saved, the pages match none
    commit(staging, run.out, _removed(old, state))
    indexed, bundles = index_changes(run, site, old, state, different)
    return BuildResult(
        state.documents,
        len(sitemap),
        run.out,
        site.problems,
        indexed,
        written,
        bundles=bundles,
    )


def _different(staging: Path, out: Path, documents: list[Page]) -> list[Page]:
    """Return the document pages written in `staging` that differ from those in `out`: a
    page a change might show in, written again the same, needs no indexing again."""
    different = []
    for page in documents:
        new, current = staging / page.dest, out / page.dest
        try:
            same = current.stat().st_size == new.stat().st_size and (
                current.read_bytes() == new.read_bytes()
            )
        except OSError:
            same = False
        if not same:
            different.append(page)
    return different


def index_changes(
    run: Run, site: Site, old: State, state: State, documents: list[Page]
) -> tuple[int, tuple[str, ...]]:
    """Index the document pages written different or removed into their languages' recent
    bundles (`segments`), or a language whole again when its recent pages are too many;
    write the manifest naming them. Return the pages indexed and the bundles written."""
    if not run.options.settings.search:
        return 0, ()
    touched: dict[str, set[str]] = {}
    gone = set(old.urls.values()) - set(state.urls.values())
    for url in [page.url for page in documents] + sorted(gone):
        touched.setdefault(url.split("/", 1)[0], set()).add(url)
    current: dict[str, set[str]] = {}
    for doc in site.archive.docs:
        current.setdefault(doc.url.split("/", 1)[0], set()).add(doc.url)
    update = segments.plan_update(old.search, touched, current)
    # the shards are planned only for a language indexed whole (planning stats every source)
    folding = [b for b in site.bundles if b.language in update.fold] if update.fold else []
    bundles = folding + [
        segments.recent_bundle(language, urls) for language, urls in update.recent.items() if urls
    ]
    indexed = 0
    if bundles:
        run.say(f"indexing {len(bundles)} search bundle{'s' if len(bundles) != 1 else ''}")
        indexed = sum(report.pages for report in reindex(run.out, bundles))
    languages = dict(update.languages)
    pagefind = run.out / "pagefind"
    languages.update(segments.full(folding, pagefind))
    recent = {  # each recent bundle's pages, read once: for its tombstones and its cards
        language: segments.fragment_ids(pagefind / (language + segments.RECENT)) if urls else {}
        for language, urls in update.recent.items()
    }
    for language, ids in recent.items():
        languages[language] = replace(
            languages[language], dropped=segments.tombstones(languages[language], ids)
        )
    state.search = languages
    folded = {language: languages[language] for language in update.fold}
    write_cards(pagefind, site, languages, folded, recent)
    segments.write_manifest(pagefind, languages)
    segments.drop_unlisted(pagefind, languages)
    return indexed, tuple(bundle.name for bundle in bundles)


def write_cards(
    pagefind: Path,
    site: Site,
    languages: dict[str, segments.LanguageIndex],
    whole: dict[str, segments.LanguageIndex],
    recent: dict[str, dict[str, str]],
) -> None:
    """Write the result cards (`cards`) of the languages indexed `whole`, and add those of
    the pages of the `recent` bundles (language -> their `fragment_ids`); drop those of
    languages gone."""
    docs = {doc.url: doc for doc in site.archive.docs}
    for language, index in whole.items():
        cards.write_cards(pagefind, language, index.fragments, docs, whole=True)
    for language, ids in recent.items():
        if ids:
            cards.write_cards(pagefind, language, ids, docs, whole=False)
    cards.drop_languages(pagefind, languages)


def _removed(old: State, state: State) -> set[str]:
    """Return the output paths the last build wrote that this one no longer has."""
    removed = set(old.pages) - set(state.pages)
    return removed | {url + "index.html" for url in old.urls.values()} - {
        url + "index.html" for url in state.urls.values()
    }


def _keyer() -> Callable[[Page], str]:
    """Return the function giving a page its key: what it is rendered from (`PageKeys`, one
    for the build's pages). Resolutions have none (there are thousands: an incremental build
    knows which a change touches; documents are not keyed at all)."""
    keys = PageKeys()

    def key(page: Page) -> str:
        return "" if page.template == "resolution.html" else keys(page)

    return key
