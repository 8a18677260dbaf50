"""Result cards: what the search page shows of a result before its Pagefind fragment comes.

A Pagefind fragment holds a page's whole text (for the excerpt): the ten first results of a
query on long reports weigh hundreds of kilobytes. The search page shows each result's card
(its URL, title, symbol, date and body) as soon as the search has run, and fills in its
excerpt when the fragment arrives. Cards are kept per language in small files by the first
`WIDTH` characters of the fragment's hash, `/pagefind/cards/<lang>/<xxx>.json` (an object
of fragment id -> [url, title, symbol, date, body]): one or two cards a file at the shared
corpus's size (6,600 German pages), so ten results fetch 3 to 4 kB (25 to 30 kB with files of
two characters' worth: 26 cards each).
`/pagefind/cards/<lang>/dates.json` holds the dates alone (fragment id -> date, for the
dated pages): "Newest first" orders every result of a query by it, however many.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..archive.graph import Doc

CARDS = "cards"
"""Folder of the cards under /pagefind/."""

DATES = "dates.json"
"""A language's file of its pages' dates, in its folder of cards."""

Card = tuple[str, str, str, str, str]
"""url, title, symbol, date, body (empty strings where the record has none)."""


def card(doc: Doc) -> Card:
    """Return the card of a document's page."""
    record = doc.record
    return (doc.url, record.title or "", record.symbol or "", record.date or "", record.body or "")


#: Characters of a fragment's hash that name its card's file (search.js's CARD_WIDTH): at
#: most 16**3 files a language.
WIDTH = 3


def bucket(fragment: str) -> str:
    """Return the file a fragment id's card is kept in (`en_0149112` -> `014`)."""
    return fragment.rsplit("_", 1)[-1][:WIDTH]


def write_cards(
    pagefind: Path,
    language: str,
    ids: dict[str, str],
    docs: dict[str, Doc],
    whole: bool,
) -> None:
    """Write the cards of the fragments `ids` (page URL -> fragment id) of a language.

    `whole`: these are all the language's pages (its cards are written afresh); else they
    are added to the cards the language has (a recent bundle's pages)."""
    folder = pagefind / CARDS / language
    if whole:
        shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    buckets: dict[str, dict[str, Card]] = defaultdict(dict)
    dates: dict[str, str] = {}
    undated: set[str] = set()
    for url, fragment in ids.items():
        doc = docs.get(url)
        if doc is not None:
            found = buckets[bucket(fragment)][fragment] = card(doc)
            if found[3]:
                dates[fragment] = found[3]
            else:
                undated.add(fragment)
    for name, cards in buckets.items():
        _write(folder / f"{name}.json", cards, whole)
    _write(folder / DATES, dates, whole, frozenset(undated))


def _write(
    path: Path, entries: Mapping[str, object], whole: bool, drop: frozenset[str] = frozenset()
) -> None:
    """Write a JSON object of fragment ids, added to the one there (but `drop`) unless
    `whole`."""
    if not whole and path.is_file():
        with contextlib.suppress(OSError, ValueError):  # a damaged file: written anew
            there = json.loads(path.read_text(encoding="utf-8"))
            entries = {**{k: v for k, v in there.items() if k not in drop}, **entries}
    fresh = path.with_name(f".{path.name}.next")
    fresh.write_text(
        json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True), "utf-8"
    )
    os.replace(fresh, path)


def drop_languages(pagefind: Path, keep: Iterable[str]) -> None:
    """Remove the cards of languages the index no longer has."""
    folder = pagefind / CARDS
    if folder.is_dir():
        wanted = set(keep)
        for path in folder.iterdir():
            if path.name not in wanted:
                shutil.rmtree(path, ignore_errors=True)
