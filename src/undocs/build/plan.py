"""The incremental plan: what a build reads, how it gets its archive, which pages it writes.

Each decision is made here, from what the last build left (`incremental.State`) and what
changed since, and handed to the pipeline's steps as a typed plan; the steps do the same work
for a clean build and an incremental one, only over less. A clean build is the plan with no
last build.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..archive.graph import Archive, Links
from ..model import Record, SetupError
from ..read.loader import Source, no_documents, rescan_sources, scan_sources
from ..site.gather import Scope, Site
from ..site.graphml import shown
from .incremental import Loaded, State, edits, listing, load_cached_records, scope_of


class Change(NamedTuple):
    """One file read again or gone since the last build: what reading it gave then and now."""

    before: Loaded | None
    """None: the file is new (or the last build could not read it)."""
    after: Loaded | None
    """None: the file is gone."""


@dataclass(frozen=True)
class ReadPlan:
    """Which files there are, and what the last build left to reuse of them."""

    config: str
    """`incremental.config_digest` of this build's settings, templates and pages."""
    sources: list[Source]
    old: State | None
    """The last build's state (None: a clean build, or a cache that cannot be used)."""
    previous: Site | None
    """The last build's site, still in memory (a Builder's); None in a new process."""
    unchanged: bool
    """Nothing changed since the last build: no file, no setting, no template."""

    @property
    def reusable(self) -> bool:
        """The last build was made with the same settings and templates."""
        return self.old is not None and self.old.config == self.config


def plan_reading(
    seeds: Path,
    out: Path,
    config: str,
    old: State | None,
    previous: Site | None = None,
    changed: list[str] | None = None,
) -> ReadPlan:
    """Scan `seeds` (only the `changed` names, when known) and say what can be reused."""
    sources = scan(seeds, old.stats if old is not None else None, changed)
    stats = {source.name: source.stat for source in sources}
    if old is not None and old.config == config and old.stats == stats:
        return ReadPlan(config, sources, old, previous, unchanged=True)
    if old is not None and old.stats and not old.loaded and not load_cached_records(out, old):
        old = previous = None  # the cache lost its records: a clean build
    return ReadPlan(config, sources, old, previous, unchanged=False)


def scan(
    seeds: Path, known: dict[str, tuple[int, int]] | None = None, changed: list[str] | None = None
) -> list[Source]:
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


def names_under(seeds: Path, paths: Iterable[str | Path]) -> list[str]:
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


@dataclass(frozen=True)
class ArchivePlan:
    """How this build has its archive: the last one patched, or gathered afresh."""

    changes: list[Change]
    patch: list[tuple[Record, Links]] | None
    """The edited records to patch into the last build's archive (None: gather afresh)."""


def network_changed(reading: ReadPlan, changes: list[Change]) -> bool:
    """Whether the citation network (`/data/citations.graphml`) differs from the last
    build's: every build but one whose changes leave what the network shows as it was."""
    if reading.old is None or not reading.reusable:
        return True

    def view(item: Loaded | None) -> object:
        return shown(item.record, item.links) if item is not None else None

    return any(view(before) != view(after) for before, after in changes)


def plan_archive(reading: ReadPlan, state: State) -> ArchivePlan:
    """Patch the last archive when every change is an edit of a file read before and now
    (not a file added, removed, or read for the first or last time); else gather afresh."""
    changes = [Change(*pair) for pair in edits(reading.old, state)] if reading.old else []
    if reading.previous is None or not reading.reusable:
        return ArchivePlan(changes, None)
    edited = []
    for before, after in changes:
        if before is None or after is None or after.record is None or after.links is None:
            return ArchivePlan(changes, None)
        edited.append((after.record, after.links))
    return ArchivePlan(changes, edited)


def same_comparisons(reading: ReadPlan, changes: list[Change]) -> bool:
    """Whether the comparisons (`archive.pairs`) are the last build's: every change an edit
    of a file read then and now that leaves what lists show of it (`listing`: its symbol,
    language, type, title, year...) and its drafts as they were."""
    if reading.old is None or reading.old.pairs is None or not reading.reusable:
        return False
    for before, after in changes:
        if before is None or after is None or before.record is None or after.record is None:
            return False
        if listing(before.record) != listing(after.record) or (
            before.links is None or after.links is None or before.links.drafts != after.links.drafts
        ):
            return False
    return True


@dataclass(frozen=True)
class PagePlan:
    """Which pages this build writes: every page, or those the changes touch."""

    full: bool
    documents: set[str] | None
    """URLs of the document pages to write (None: every one)."""
    scope: Scope | None
    """The groups of list pages to gather again (None: every group)."""
    changed: list[Loaded]
    """The old and the new reading of each file whose text changed."""
    listed: bool = True
    """What the lists show of a record changed (`incremental.listing`), or a file came or
    went: else the lists, and the exports made of the same, are as the last build's."""


def plan_pages(
    reading: ReadPlan, state: State, archive: Archive, changes: list[Change]
) -> PagePlan:
    """Write everything when the settings changed or a document moved (every page linking
    to it changes); else the pages that show something of a changed record."""
    old = reading.old
    moved = old is not None and any(
        old.urls.get(file, url) != url for file, url in state.urls.items()
    )
    if old is None or not reading.reusable or moved:
        return PagePlan(True, None, None, [])
    changed: list[Loaded] = []
    listed: list[Loaded] = []  # those whose lists change (`listing`): not a paragraph's edit
    for before, after in changes:
        then = before.record if before is not None else None
        now = after.record if after is not None else None
        if then is None or now is None or then.digest != now.digest:
            items = [item for item in (before, after) if item and item.record]
            changed += items
            if then is None or now is None or listing(then) != listing(now):
                listed += items
    documents, found = scope_of(archive, changed, listed)
    # a body came or went: every resolution page links to it or not
    scope = found if old.bodies == state.bodies else None
    return PagePlan(False, documents, scope, changed, bool(listed))
