"""The pipeline: `build()` once, or a `Builder` that builds again after changes.

A build is `steps.run_build`: scan, read, gather the archive, gather the site, write, index,
swap, each step doing what the incremental plan (`plan.py`) says. This module holds what
lives around builds: the cache of the last one, and what a Builder keeps in memory between
rebuilds (`undocs serve --watch`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from ..archive.graph import build_archive
from ..archive.quality import archive_problems
from ..model import Problem, Record
from ..site.exports import ExportRows
from ..site.gather import Site
from .incremental import (
    State,
    config_digest,
    gaps_by_file,
    load_cached_records,
    load_state,
    state_stamp,
)
from .outfolder import MARKER, build_lock, mark
from .plan import names_under
from .reading import Progress, load_records
from .steps import BuildOptions, BuildResult, Outcome, Run, run_build
from .writer import compile_templates

__all__ = ["BuildOptions", "BuildResult", "Builder", "build", "check", "load_records"]


def build(options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build the site into `options.out`; return what was written and the problems met.

    Without `clean`, the cache of the last build decides what to read and write again; the
    result is the same as a clean build's.
    """
    return Builder(options).build(progress)


def check(seeds: Path) -> tuple[list[Record], list[Problem]]:
    """Read every document and return the records and every problem, archive-wide ones too."""
    records, problems = load_records(seeds)
    archive = build_archive(records)
    problems += archive.problems + archive_problems(archive)
    return records, sorted(problems, key=lambda p: (p.path, p.line))


@dataclass(frozen=True)
class _Last:
    """What a Builder keeps of its last build."""

    outcome: Outcome
    stamp: tuple[int, int, int] | None
    """`state_stamp` of the cache once the state was written (None: not written yet)."""
    saved: bool


class Builder:
    """Builds a site, and builds it again after changes (`undocs serve --watch`).

    What the last build read and wrote stays in memory: a build after a change does not read
    it back from the cache. The cache is written all the same, for the next `undocs build`;
    when another process has written it since, it is read again.
    """

    def __init__(self, options: BuildOptions, defer_saving: bool = False) -> None:
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
        self._failed = False
        """The last build failed: it had read what changed, so the next looks at every file."""

    @property
    def out(self) -> Path:
        return self.options.out.resolve()

    def build(
        self, progress: Progress | None = None, changed: Iterable[str | Path] | None = None
    ) -> BuildResult:
        """Build the site (incrementally unless it is the first build and `clean` is set).

        `changed`: the paths of the files changed since the last build, when the caller
        knows them (a watcher); then only those are looked at in the folder of documents.
        """
        self.options.check_out()
        self.flush()
        out = self.out
        if out.is_dir() and not (out / MARKER).is_file() and any(out.iterdir()):
            mark(out)  # a site built before the marker was written
        with build_lock(out):
            return self._build(out, progress, changed)

    def _build(
        self, out: Path, progress: Progress | None, changed: Iterable[str | Path] | None
    ) -> BuildResult:
        with _collector_off():  # the cache's state too: unpickled twice as fast without it
            old, previous, names = self._reuse(changed)
            run = Run(
                self.options,
                out,
                progress or (lambda _msg: None),
                self._templates,
                self._rows if self._last is not None else None,
            )
            self._failed = True
            outcome = run_build(run, old, previous, names)
            self._failed = False
            saved = outcome.shards is None
            self._last = _Last(outcome, state_stamp(out) if saved else None, saved)
            if not self.defer_saving:
                self.flush()
        return outcome.result

    def _reuse(
        self, changed: Iterable[str | Path] | None
    ) -> tuple[State | None, Site | None, list[str] | None]:
        """Return the last build's state and site, and the names of the `changed` files, as
        far as they can be trusted: the state in memory if the cache is still the one this
        Builder wrote, else the cache's (none for a first `clean` build)."""
        last = self._last
        if last is not None and self.out.is_dir() and last.stamp == state_stamp(self.out):
            names = None
            if changed is not None and not self._failed:
                names = names_under(self.options.seeds, changed)
            return last.outcome.state, last.outcome.site, names
        if self.options.clean and last is None:
            return None, None, None
        return load_state(self.out), None, None

    def prepare(self) -> None:
        """Build what changed since the last build (every file is looked at), then gather
        the archive, export rows and templates the next builds patch (`serve --watch`, as
        the watcher starts): the first edit is then rebuilt as quickly as the next ones."""
        self.build()
        self.flush()
        assert self._last is not None
        state, site = self._last.outcome.state, self._last.outcome.site
        with _collector_off():
            if not state.loaded and state.stats and not load_cached_records(self.out, state):
                return
            loaded = [item for item in state.loaded.values() if item.record is not None]
            records = [item.record for item in loaded if item.record is not None]
            if site is None:
                links = [item.links for item in loaded if item.links is not None]
                archive = build_archive(records, links)
                site = Site(
                    archive,
                    [],
                    self.options.settings,
                    source=self.options.seeds,
                    record_gaps=gaps_by_file(loaded),
                )
            self._rows.citations(site.archive)
            run = Run(self.options, self.out, lambda _msg: None, self._templates)
            compile_templates(
                run.environment(config_digest(self.options.settings, self.options.content))
            )
            self._last = replace(self._last, outcome=replace(self._last.outcome, site=site))

    def flush(self) -> None:
        """Write the cache of the last build, if it was left to write."""
        if self._last is not None and not self._last.saved:
            self._last.outcome.save(self.out)
            self._last = replace(self._last, stamp=state_stamp(self.out), saved=True)


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
