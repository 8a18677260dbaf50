"""Incremental builds: what the last build read and wrote, and what a change touches.

The cache sits beside the output folder (`.<out>.undocs-cache/`): the parse of every source
file keyed by its size and modification time, a digest of everything else a page depends on
(settings, templates, Markdown pages, the undocs version), and a key and group per page written. A
build reads again only the files that changed and writes only the pages they touch: a
document's own page, the pages of what it cites and of what cites it, its language versions
and family, the resolutions involved, and every list whose entries changed, gathering again
only the groups of list pages a change can show in (`scope_of`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import secrets
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field, is_dataclass, replace
from dataclasses import fields as dc_fields
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, cast

from .. import __version__
from ..archive.graph import (
    Archive,
    Doc,
    Links,
    Resolution,
    Summary,
)
from ..archive.pairs import KeptPairs, series_key
from ..inputs import files_inside
from ..memo import ByIdentity
from ..model import Problem, Record, ResolutionKey
from ..site.adoptions import StateVote
from ..site.gather import FACETS, Scope, body_name
from ..site.i18n import LOCALES, UNTERM_STATES
from ..site.references import Reference
from ..site.render import BUILTIN_TEMPLATES, Group, Page, Settings
from .segments import LanguageIndex

CACHE_VERSION = 8  # 8: State.pages pickled as columns


class Loaded(NamedTuple):
    """What reading one source file gave."""

    record: Record | None
    """Its record, without its text; None if it could not be read."""
    problems: list[Problem]
    links: Links | None
    """What the record links to (`archive.links_of`)."""
    checks: tuple[Problem, ...]
    """Its problems that the archive reports after the loader's (`quality.record_problems`)."""
    rows: tuple[bytes, bytes] = (b"", b"")
    """Its line of records.jsonl and its row of records.csv (`exports.record_rows`)."""
    gaps: tuple[bool, ...] = ()
    """Whether it has each gap (`quality.record_gaps`)."""


def gaps_by_file(loaded: Iterable[Loaded]) -> dict[str, tuple[bool, ...]]:
    """Return each record's gaps by its file (`Site`'s `record_gaps`)."""
    return {item.record.file: item.gaps for item in loaded if item.record is not None}


class Entry(NamedTuple):
    """What the build cache keeps of a page written (documents' pages aside)."""

    key: str
    """`key` of what it was rendered from ("": written whenever its group is gathered)."""
    group: Group
    """`Page.group`."""
    url: str


@dataclass
class State:
    """What one build read and wrote, kept for the next."""

    config: str = ""
    """Digest of the settings, templates, Markdown pages and undocs version."""
    stats: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Source file -> (size, modification time in ns) when it was read."""
    loaded: dict[str, Loaded] = field(default_factory=dict)
    """Source file -> what reading it gave (read from the cache only when needed)."""
    pages: dict[str, Entry] = field(default_factory=dict)
    """Output path -> what was written there, for every page but the documents'."""
    urls: dict[str, str] = field(default_factory=dict)
    """Source file -> the URL of its page."""
    bodies: list[str] = field(default_factory=list)
    """The bodies with pages (their set changes what resolution pages link to)."""
    documents: int = 0
    """Documents read, as the last build reported them."""
    page_count: int = 0
    """Pages of the site, as the last build reported them."""
    problems: list[Problem] = field(default_factory=list)
    """Every problem the build reported (a build with nothing changed reports them again)."""
    shards: dict[int, str] = field(default_factory=dict)
    """The records files of the cache (`SHARDS`): shard -> name."""
    search: dict[str, LanguageIndex] = field(default_factory=dict)
    """Language -> what the published search index holds for it (`segments`)."""
    pairs: KeptPairs | None = None
    """The comparisons of the archive by URL (`archive.pairs.kept`); None: not worked out."""

    def __getstate__(self) -> dict[str, object]:
        # `pages` pickled as plain columns, each group once: a named tuple each costs
        # pickle a call into Python (0.08 s for the shared corpus's 33,600 pages, 0.02 so)
        state = dict(self.__dict__)
        groups: dict[Group, int] = {}
        entries = self.pages.values()
        state["pages"] = (
            list(self.pages),
            [entry.key for entry in entries],
            [entry.url for entry in entries],
            [groups.setdefault(entry.group, len(groups)) for entry in entries],
            [tuple(group) for group in groups],
        )
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        dests, keys, urls, which, rows = state["pages"]
        groups = [Group(*row) for row in rows]
        state["pages"] = {
            dest: Entry(key, groups[index], url)
            for dest, key, url, index in zip(dests, keys, urls, which, strict=True)
        }
        self.__dict__.update(state)


def cache_folder(out: Path) -> Path:
    """Return where the cache of the site at `out` lives."""
    return out.parent / f".{out.name}.undocs-cache"


def bytecode_folder(out: Path) -> Path:
    """Return where the templates compiled by the builds of `out` are kept (made here)."""
    folder = cache_folder(out) / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


_UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, TypeError)


def load_state(out: Path) -> State | None:
    """Return the state of the last build into `out`, or None if there is none usable.

    Its records are not read yet (`load_cached_records`): a build with nothing changed needs only
    the files' sizes and modification times."""
    folder = cache_folder(out)
    if not out.is_dir() or not (folder / "state.pickle").is_file():
        return None
    try:
        with open(folder / "state.pickle", "rb") as stream:
            version, state = pickle.load(stream)
    except _UNREADABLE:
        return None
    return state if version == cache_version() else None


def load_cached_records(out: Path, state: State) -> bool:
    """Read the records of a state `load_state` returned; return False if some are missing
    (the state is then not to be used)."""
    folder = cache_folder(out) / "records"
    try:
        for shard, token in state.shards.items():
            with open(folder / f"{shard}-{token}.pickle", "rb") as stream:
                state.loaded.update(pickle.load(stream))
    except _UNREADABLE:
        return False
    return state.loaded.keys() == state.stats.keys()


def state_stamp(out: Path) -> tuple[int, int, int] | None:
    """Return what tells the cache of `out` was written again: its state file's inode, size
    and modification time (None: there is none)."""
    try:
        info = os.stat(cache_folder(out) / "state.pickle")
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


#: The records of the cache are kept in this many files, by a hash of the file's name: a
#: build after a few changes writes the few files that hold them.
SHARDS = 256


def shard_of(name: str) -> int:
    """Return which file of the cache keeps the record of the source file `name`."""
    return zlib.crc32(name.encode("utf-8", "surrogateescape")) % SHARDS


def plan_shards(state: State, old: State | None) -> dict[int, str]:
    """Decide which records files this build writes (those holding a file read or removed
    since `old`) and give each a fresh name; return them, and set `state.shards` to the
    files the state will name."""
    if old is None:
        touched = {shard_of(name) for name in state.loaded}
        state.shards = {}
    else:
        touched = {
            shard_of(name)
            for name, loaded in state.loaded.items()
            if old.loaded.get(name) is not loaded
        }
        touched |= {shard_of(name) for name in old.loaded if name not in state.loaded}
        state.shards = dict(old.shards)
    fresh = {shard: secrets.token_hex(6) for shard in sorted(touched)}
    state.shards.update(fresh)
    return fresh


def save_records(out: Path, state: State, shards: dict[int, str]) -> None:
    """Write the records files `shards` (shard -> name, `plan_shards`).

    A job of its own, run beside the pages being written (pickling every record takes a
    while); `save_state` then names the files, so a state never goes with the records of
    another build.
    """
    folder = cache_folder(out) / "records"
    folder.mkdir(parents=True, exist_ok=True)
    parts: dict[int, dict[str, Loaded]] = {s: {} for s in shards}
    for name, loaded in state.loaded.items():
        part = parts.get(shard_of(name))
        if part is not None:
            part[name] = loaded
    for shard, token in shards.items():
        temporary = folder / f"{shard}-{token}.pickle.tmp"
        with open(temporary, "wb") as stream:
            pickle.dump(parts[shard], stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / f"{shard}-{token}.pickle")


def save_state(out: Path, state: State) -> None:
    """Write the state for the next build, naming the records files it goes with
    (atomically: a half-written cache is never read), and drop the records files it does
    not name."""
    folder = cache_folder(out)
    folder.mkdir(parents=True, exist_ok=True)
    rest = replace(state, loaded={})
    temporary = folder / "state.pickle.tmp"
    with open(temporary, "wb") as stream:
        pickle.dump((cache_version(), rest), stream, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, folder / "state.pickle")
    kept = {f"{shard}-{token}.pickle" for shard, token in state.shards.items()}
    for old in (folder / "records").glob("*.pickle*"):
        if old.name not in kept:
            old.unlink(missing_ok=True)


def drop_state(out: Path) -> None:
    """Forget the last build (before the output is changed in place: a build stopped
    half-way must not leave a state that no longer matches the pages)."""
    (cache_folder(out) / "state.pickle").unlink(missing_ok=True)


@lru_cache(maxsize=1)
def cache_version() -> tuple[int, str, str]:
    """Return what makes a cache unusable when it changes: undocs's own code, not only its
    version number (a loader changed in development must not serve stale records)."""
    digest = hashlib.sha1()
    package = Path(__file__).parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return CACHE_VERSION, __version__, digest.hexdigest()


def _digest_folder(folder: Path | None, digest: Any) -> None:
    if folder is None or not folder.is_dir():
        return
    for path in files_inside(folder)[0]:  # links out of the folder are never opened
        digest.update(os.path.relpath(path, folder).encode())
        with open(path, "rb") as stream:
            digest.update(stream.read())


def config_digest(settings: Settings, content: Path | None) -> str:
    """Return a digest of everything but the sources that the pages depend on."""
    digest = hashlib.sha1(f"{CACHE_VERSION} {__version__} {settings!r}".encode())
    _digest_folder(BUILTIN_TEMPLATES, digest)
    _digest_folder(LOCALES, digest)  # the interface's words
    digest.update(UNTERM_STATES.read_bytes())  # the states' names
    _digest_folder(settings.templates, digest)
    _digest_folder(content, digest)
    return digest.hexdigest()


def page_key(page: Page) -> str:
    """Return a key of a list page's inputs: the data it shows.

    A document counts by its URL and digest (of its source, or of what a list shows of it:
    `Summary.digest`), wherever it stands in the context; everything else by its printed
    form.
    """
    return PageKeys()(page)


class PageKeys:
    """`page_key` for the pages of one build: a context value met again (the same list of
    thousands of documents in the seven language versions of a page, keyed one after the
    other) is printed once.

    The last 256 values printed are held with their printed form (`memo.ByIdentity`);
    older ones are let go (every list of a large archive, held to the end of the build,
    would hold hundreds of MB)."""

    def __init__(self) -> None:
        self._printed: ByIdentity[object, str] = ByIdentity(256)

    def __call__(self, page: Page) -> str:
        digest = hashlib.sha1(page.template.encode())
        for name, value in sorted(page.context.items()):
            digest.update(f"{name}={self._print(value)};".encode())
        return digest.hexdigest()

    def _print(self, value: object) -> str:
        kind = type(value)
        if kind is str or kind is int or value is None:
            return repr(value)
        return self._printed(value, _fingerprint)


def _fingerprint(value: object) -> str:
    """Return the printed form of a context value, a document as its URL and digest only
    (printing its whole record, citations and all, would cost more than the page): a `Doc`
    by its source's digest, a `Summary` (what a list shows) by the digest of its fields.

    Types are told apart by identity first: lists of thousands of documents are common."""
    kind = type(value)
    if kind is Summary:
        summary = cast(Summary, value)
        return summary.url + summary.digest
    if kind is Doc:
        doc = cast(Doc, value)
        return doc.url + doc.record.digest
    if kind is str or kind is int or value is None:
        return repr(value)
    if isinstance(value, list | tuple):
        parts = []
        for item in value:
            of = type(item)
            if of is Summary:
                parts.append(item.url + item.digest)
            elif of is Doc:
                parts.append(item.url + item.record.digest)
            else:
                parts.append(_fingerprint(item))
        return "[" + ",".join(parts) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{_fingerprint(v)}" for k, v in value.items()) + "}"
    if kind is Resolution:
        return cast(Resolution, value).fingerprint
    if kind in _FLAT:  # thousands a page (a body's references): fields printed as one
        return kind.__name__ + repr(tuple(getattr(value, name) for name in _FLAT[kind]))
    if is_dataclass(value) and not isinstance(value, type):
        return _fields(value)
    return repr(value)


def _fields(value: Any) -> str:
    kind = type(value)
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in dc_fields(value))
    fields = ",".join(f"{name}={_fingerprint(getattr(value, name))}" for name in names)
    return f"{kind.__name__}({fields})"


_FIELDS: dict[type, tuple[str, ...]] = {}

#: Dataclasses whose fields are all strings, numbers or None, with their fields' names.
_FLAT: dict[type, tuple[str, ...]] = {
    kind: tuple(f.name for f in dc_fields(kind)) for kind in (Reference, StateVote)
}


def edits(old: State, state: State) -> list[tuple[Loaded | None, Loaded | None]]:
    """Return, for each file read again or removed since `old`, what reading it gave then
    and now (None: the file was not there)."""
    found: list[tuple[Loaded | None, Loaded | None]] = [
        (old.loaded.get(name), loaded)
        for name, loaded in state.loaded.items()
        if old.loaded.get(name) is not loaded
    ]
    found += [(loaded, None) for name, loaded in old.loaded.items() if name not in state.loaded]
    return found


def listing(record: Record) -> Record:
    """Return what the lists showing a record show of it or sort and group it by (lists of
    documents, feeds, references, the states' votes): the record without its text and what
    is read from the text alone (its citations). An edit of a paragraph leaves it as it was,
    and the lists with it."""
    return replace(
        record,
        text="",
        text_line=0,
        body_offset=0,
        citations=(),
        resolutions_cited=(),
        documents_cited=(),
        digest="",
    )


def scope_of(
    archive: Archive, changed: list[Loaded], listed: list[Loaded] | None = None
) -> tuple[set[str], Scope]:
    """Return the URLs of the documents whose pages show something of `changed`, and the
    groups of list pages that can (`site.Scope`).

    `changed` holds both the old and the new record of each changed file (and the records of
    files added or removed), with their links: what cited the old one, or is cited by the new
    one, shows it. `listed`: those of them whose `listing` changed (None: all of them); the
    lists, feeds and references of the others are as they were (the comparisons of their
    texts are gathered again: `Scope.texts`).
    """
    own: set[str] = set()  # the changed documents' symbols: what shows them
    cited: set[str] = set()  # what they cite: whose "cited by" lists change
    resolutions: set[ResolutionKey] = set()
    texts: set[str] = set()  # the changed documents' own pages
    records = []
    for record, _, links, *_ in changed:
        assert record is not None and links is not None
        records.append(record)
        own.update(key for key in (links.key, links.parent) if key is not None)
        if links.number is not None:
            resolutions.add(links.number)
        for _, key, resolution in links.cites:
            if key is not None:
                cited.add(key)
            if resolution is not None:
                resolutions.add(ResolutionKey(*resolution))
        doc = archive.by_file.get(record.file)
        if doc is not None:
            texts.add(doc.url)
    urls = set(texts)
    for key in own:
        for group in (
            archive.by_symbol.get(key, {}).values(),
            archive.cited_by.get(key, ()),
            archive.children.get(key, ()),
            archive.adopted.get(key, ()),
        ):
            urls.update(doc.url for doc in group)
        for doc in archive.by_symbol.get(key, {}).values():  # second copies name their owner
            urls.update(copy.url for copy in archive.held_twice.get(doc.url, ()))
    for key in cited:
        urls.update(doc.url for doc in archive.by_symbol.get(key, {}).values())
    series = {key for key in map(series_key, records) if key is not None}
    if series:  # a resolution's neighbours in its series link to it (`archive.pairs`)
        urls.update(doc.url for doc in archive.docs if series_key(doc.record) in series)
    shown = records if listed is None else [item.record for item in listed if item.record]
    rows = _rows(archive, shown, own if listed is None else _symbol_keys(listed))
    scope = Scope(
        bodies=frozenset(body_name(r) for r in shown),
        texts=frozenset(texts),
        sessions=frozenset((body_name(r), str(r.session)) for r in rows if r.session is not None),
        items=frozenset(
            (body_name(r), str(r.session), item)
            for r in rows
            if r.session is not None
            for item in r.agenda_items
        ),
        facets=frozenset((name, value(r)) for r in shown for name, value in FACETS),
        resolutions=frozenset(resolutions),
        symbols=frozenset(own),
        documents=bool(shown),
        states=any(r.adoption is not None or r.adoptions for r in shown),
    )
    return urls, scope


def _symbol_keys(items: list[Loaded]) -> set[str]:
    return {k for item in items if item.links for k in (item.links.key, item.links.parent) if k}


def _rows(archive: Archive, shown: list[Record], keys: set[str]) -> list[Record]:
    """Return the records whose list rows show one of `shown`: their own, and those of the
    documents of the same symbols (`keys`; a row of a list holds a symbol's language
    versions)."""
    rows = list(shown)
    for key in keys:
        rows += [doc.record for doc in archive.by_symbol.get(key, {}).values()]
    return rows
