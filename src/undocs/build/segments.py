"""The search index between clean builds: stable bundles, a small recent segment, tombstones.

A full index (a clean build, or a language folded) writes each language's bundles as
`site.bundles` plans them. After that an edit does not index its language again, as Lucene
does not rewrite its segments: the pages changed since are indexed into one small bundle of
their own, `/pagefind/<lang>.recent/`, and the manifest `/pagefind/undocs-search.json` names,
per language, its bundles, its recent bundle and the stable bundles' results to drop (the
Pagefind fragments of pages changed or removed since: tombstones). The search page merges a
language's bundles into one Pagefind instance (`mergeIndex`) and drops those results. When a
language's recent pages pass `FOLD_PAGES` it is indexed whole again and its segment emptied.

The manifest is the search page's only source of which bundles exist: it is written after
the bundles it names, by a rename, so a reader never meets a half-written index. It also
names, per bundle, the files Pagefind's script asks for first (`first_files`), which the
search page fetches all at once instead of one after another.
"""

from __future__ import annotations

import json
import os
import shutil
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..site.bundles import Bundle, literal
from .cards import CARDS
from .search import SCRIPT, code_folder, read_entry

#: Recent pages of a language at most before the language is indexed whole again. Indexing
#: 200 pages of recent bundle takes under a second; re-indexing the German bundle of the shared
#: corpus (4,034 pages) takes 17 s.
FOLD_PAGES = 200

#: The manifest the search page reads, under /pagefind/.
MANIFEST = "undocs-search.json"

RECENT = ".recent"
"""Suffix of a language's recent bundle (`en.recent`)."""


@dataclass(frozen=True)
class LanguageIndex:
    """What the published index holds for one language."""

    bundles: tuple[str, ...]
    """The stable bundles, as the language's last full index wrote them."""
    stale: frozenset[str] = frozenset()
    """URLs (`en/A/70/1/`) of the pages changed, added or removed since that index."""
    recent: bool = False
    """Whether the recent bundle (`<lang>.recent`) holds pages."""
    dropped: tuple[str, ...] = ()
    """Fragment ids of the stable bundles' pages that the stale ones replace (tombstones)."""
    fragments: dict[str, str] = field(default_factory=dict, compare=False)
    """Page URL -> fragment id of every page of the stable bundles (read once, when they
    were written: an edit then finds its tombstones without reading thousands of files)."""


def full(bundles: Iterable[Bundle], pagefind: Path) -> dict[str, LanguageIndex]:
    """Return the index of each language whose bundles were all just written under
    `pagefind`."""
    names: dict[str, list[str]] = {}
    for bundle in bundles:
        names.setdefault(bundle.language, []).append(bundle.name)
    languages = {}
    for language, found in names.items():
        fragments: dict[str, str] = {}
        for name in found:
            fragments.update(fragment_ids(pagefind / name))
        languages[language] = LanguageIndex(tuple(found), fragments=fragments)
    return languages


def recent_bundle(language: str, urls: Iterable[str]) -> Bundle:
    """Return the bundle of a language's recent pages (their URLs: `en/A/70/1/`)."""
    found = sorted(urls)
    return Bundle(
        language + RECENT,
        language,
        tuple(literal(url) + "index.html" for url in found),
        len(found),
        files=tuple(url + "index.html" for url in found),
    )


#: The beginning of a Pagefind fragment, decompressed: its signature, then `{"url":"...`.
_HEAD = 2048


def fragment_ids(folder: Path) -> dict[str, str]:
    """Return the page URL (`en/A/70/1/`) -> fragment id of every page of a written bundle.

    Only the beginning of each fragment is decompressed: Pagefind writes its URL first.
    """
    ids: dict[str, str] = {}
    fragments = folder / "fragment"
    if not fragments.is_dir():
        return ids
    for path in fragments.iterdir():
        if path.suffix != ".pf_fragment":
            continue
        with open(path, "rb") as stream:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(stream.read(_HEAD), _HEAD)
        start = head.find(b'{"url":"')
        end = head.find(b'"', start + 8)
        if start < 0 or end < 0:
            continue
        url = json.loads(head[start + 7 : end + 1])
        ids[unquote(url).lstrip("/")] = path.stem
    return ids


def tombstones(index: LanguageIndex, recent: dict[str, str]) -> tuple[str, ...]:
    """Return the fragment ids of the stable bundles' pages that `index.stale` replaces, but
    not those the recent bundle (`recent`: its `fragment_ids`) holds the same (a page edited
    and then edited back)."""
    dropped = {index.fragments[url] for url in index.stale if url in index.fragments}
    return tuple(sorted(dropped - set(recent.values())))


def write_manifest(pagefind: Path, languages: dict[str, LanguageIndex]) -> None:
    """Write the manifest of the index under `pagefind` (by a rename: readers see the old
    one or the new one), after the bundles it names: with, per bundle, what Pagefind's
    script asks it for first (`first_files`), which the search page then fetches at once."""
    manifest = {
        "version": 1,
        "languages": {
            language: {
                "bundles": list(index.bundles),
                **({"recent": language + RECENT} if index.recent else {}),
                "dropped": list(index.dropped),
                "files": {
                    name: found
                    for name in (*index.bundles, *([language + RECENT] if index.recent else []))
                    if (found := first_files(pagefind / name)) is not None
                },
            }
            for language, index in sorted(languages.items())
        },
    }
    pagefind.mkdir(parents=True, exist_ok=True)
    path = pagefind / MANIFEST
    fresh = path.with_name(f".{MANIFEST}.next")
    fresh.write_text(json.dumps(manifest, ensure_ascii=False, separators=(",", ":")), "utf-8")
    os.replace(fresh, path)


def first_files(bundle: Path) -> list[str] | None:
    """Return what Pagefind's script asks a bundle for after its entry, one request after
    the other: the hash naming its metadata file (`pagefind.<hash>.pf_meta`, also the
    entry's cache tag) and the language of its WebAssembly (`wasm.<language>.pagefind`);
    then the folder of the script and worker its bundles share (`search.share_code`), if
    there is one. None if its entry cannot be read."""
    entry = read_entry(bundle)
    if entry is None:
        return None
    try:
        index = next(iter(entry["languages"].values()))
        found = [str(index["hash"]), str(index.get("wasm") or "unknown")]
    except (KeyError, StopIteration, AttributeError, TypeError):
        return None
    code = _shared(bundle, entry)
    return [*found, code] if code is not None else found


def _shared(bundle: Path, entry: dict[str, Any] | None) -> str | None:
    """Return the folder beside `bundle` holding the script and worker of the Pagefind
    version its `entry` names (`search.share_code`), or None if there is none."""
    name = code_folder(entry) if entry is not None else None
    return name if name is not None and (bundle.parent / name / SCRIPT).is_file() else None


@dataclass(frozen=True)
class Update:
    """What an incremental build does to the index: languages indexed whole again, recent
    bundles written again, and the index after (its tombstones still to find)."""

    languages: dict[str, LanguageIndex]
    fold: tuple[str, ...]
    """Languages to index whole (new, or past `FOLD_PAGES` recent pages)."""
    recent: dict[str, frozenset[str]]
    """Language -> the URLs its recent bundle is to hold (empty: the bundle goes)."""


def plan_update(
    old: dict[str, LanguageIndex], touched: dict[str, set[str]], current: dict[str, set[str]]
) -> Update:
    """Return what to index after an edit: `touched` has, per language, the URLs of the
    document pages written different or removed; `current` the URLs of its pages now."""
    languages: dict[str, LanguageIndex] = {}
    fold, recent = [], {}
    for language in sorted(current):
        before = old.get(language)
        changed = touched.get(language, set())
        if before is None:
            fold.append(language)
            continue
        if not changed:
            languages[language] = before
            continue
        stale = before.stale | changed
        live = stale & current[language]
        if len(live) > FOLD_PAGES:
            fold.append(language)
            continue
        languages[language] = LanguageIndex(
            before.bundles, frozenset(stale), bool(live), fragments=before.fragments
        )
        recent[language] = frozenset(live)
    return Update(languages, tuple(fold), recent)


def folders(languages: dict[str, LanguageIndex]) -> set[str]:
    """Return the bundle folders the index of `languages` is made of."""
    names = {name for index in languages.values() for name in index.bundles}
    return names | {language + RECENT for language, index in languages.items() if index.recent}


def drop_unlisted(pagefind: Path, languages: dict[str, LanguageIndex]) -> None:
    """Remove the bundle folders the manifest no longer names (a language gone, a segment
    folded, shards regrouped), the shared code of Pagefind versions none of them was
    written by, and leftovers of runs cut short."""
    if not pagefind.is_dir():
        return
    keep = folders(languages) | {CARDS}
    keep |= {
        code
        for name in set(keep)
        if (code := _shared(pagefind / name, read_entry(pagefind / name))) is not None
    }
    for path in pagefind.iterdir():
        if path.is_dir() and path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)
