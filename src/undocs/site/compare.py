"""Two texts compared paragraph by paragraph: what a revision, the next resolution of a
series, or another language changed.

Paragraphs are the page's own (`textbody.split_blocks`). Two texts of one language are
aligned by content with `difflib.SequenceMatcher` over their paragraphs (a revised draft
renumbers what follows an inserted paragraph: numbers would pair the wrong ones); paragraphs
replaced in a run are paired by similarity, a paragraph found again elsewhere is shown as
moved, and inside each pair the words inserted and deleted are marked. Two languages are
aligned by their paragraph numbers where both print them, by position otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from html import escape
from typing import NamedTuple

from .textbody import split_blocks

#: Two paragraphs at least this similar (the share of their words in common) are one
#: paragraph changed; less, one deleted and another inserted.
SIMILAR = 0.5
#: A paragraph deleted here and inserted there at least this similar has moved.
MOVED = 0.85
#: How many old paragraphs past the last one paired a new paragraph is compared with (a
#: rewritten run is paired in order; what moved further is found by `_moves`).
_REACH = 8
#: Blocks of these kinds are compared (leftovers of the printed page and footnotes are not).
_KINDS = ("para", "text", "heading")

#: A word or a mark with the spaces after it: the units marked inserted or deleted (spaces
#: on their own would double the tokens difflib compares, for nothing a reader sees).
_WORDS = re.compile(r"\s+|(?:\w+|[^\w\s])\s*")
_NUMBER = re.compile(r"^\s*\d{1,3}\s*[.)]\s*")
_LINE_NUMBER = re.compile(r"(\d{1,3})\s*[.)]\s")


class Paragraph(NamedTuple):
    """A paragraph of a text: its printed number ("" if none) and its words."""

    number: str
    text: str

    @property
    def body(self) -> str:
        """The text without its printed number (numbers move when a paragraph is added)."""
        return _NUMBER.sub("", self.text, count=1) if self.number else self.text


def paragraphs(text: str, start: int = 0, lines: bool = False) -> list[Paragraph]:
    """Return the paragraphs of `text[start:]`, each on one line; with `lines`, each line
    is one (aligned excerpts: a sentence a line, the same line in every language)."""
    if lines:
        return [
            Paragraph(number[1] if (number := _LINE_NUMBER.match(line)) else "", line)
            for line in (" ".join(raw.split()) for raw in text[start:].split("\n"))
            if line
        ]
    out = []
    for block in split_blocks(text, start):
        if block.kind in _KINDS:
            words = " ".join(text[block.start : block.end].split())
            out.append(Paragraph(block.number or "", words))
    return out


@dataclass(frozen=True)
class Row:
    """One line of a comparison."""

    kind: str
    """`same`, `changed`, `inserted`, `deleted`, `moved` (shown where it now stands, with
    where it stood) ."""
    old: str
    """The old paragraph's number ("" when none or not there)."""
    new: str
    """The new paragraph's number."""
    html: str
    """The paragraph, with `<del>` and `<ins>` around the words changed (escaped)."""


@dataclass(frozen=True)
class Changes:
    """The rows of a comparison, with how many of each kind."""

    rows: tuple[Row, ...]

    def count(self, kind: str) -> int:
        """How many rows are of `kind`."""
        return sum(1 for row in self.rows if row.kind == kind)

    @property
    def identical(self) -> bool:
        """Whether nothing changed."""
        return all(row.kind == "same" for row in self.rows)


def compare(old: list[Paragraph], new: list[Paragraph]) -> Changes:
    """Return the rows of `new` read against `old`, in the new text's order (deleted
    paragraphs where they stood)."""
    rows: list[Row] = []
    matcher = SequenceMatcher(None, _keys(old), _keys(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [
                Row("same", a.number, b.number, escape(b.text, quote=False))
                if a.body == b.body
                else Row("changed", a.number, b.number, words(a.text, b.text))
                for a, b in zip(old[i1:i2], new[j1:j2], strict=True)
            ]
        else:
            rows += _paired(old[i1:i2], new[j1:j2])
    return Changes(tuple(_moves(rows)))


_DIGITS = re.compile(r"\d+")


def _keys(paragraphs: list[Paragraph]) -> list[str]:
    """What aligns paragraphs: their words, numbers left out (a resolution of the next year
    changes its dates, sessions and the numbers of what it recalls, paragraph by paragraph)."""
    return [_DIGITS.sub("#", p.body) for p in paragraphs]


def _paired(old: list[Paragraph], new: list[Paragraph]) -> list[Row]:
    """Pair the paragraphs of a replaced run in order, each new one with the most similar old
    one not yet passed; the rest are deleted or inserted."""
    rows: list[Row] = []
    start = 0
    bags = [_bag(a.body) for a in old]  # worked out once, not once per comparison
    for b in new:
        best, score = None, SIMILAR
        bag = _bag(b.body)
        for i in range(start, min(len(old), start + _REACH)):
            ratio = _bag_similarity(bags[i], bag, SIMILAR)
            if ratio >= score:
                best, score = i, ratio
        if best is None:
            rows.append(Row("inserted", "", b.number, f"<ins>{escape(b.text, quote=False)}</ins>"))
            continue
        rows += [_deleted(a) for a in old[start:best]]
        a = old[best]
        rows.append(Row("changed", a.number, b.number, words(a.text, b.text)))
        start = best + 1
    rows += [_deleted(a) for a in old[start:]]
    return rows


def _deleted(paragraph: Paragraph) -> Row:
    return Row("deleted", paragraph.number, "", f"<del>{escape(paragraph.text, quote=False)}</del>")


def _moves(rows: list[Row]) -> list[Row]:
    """Show a paragraph deleted in one place and inserted in another as moved: once, where it
    now stands, its words changed marked."""
    deleted = [i for i, row in enumerate(rows) if row.kind == "deleted"]
    if not deleted:
        return rows
    dropped: set[int] = set()
    plain = {j: _plain(rows[j].html) for j in deleted}
    bags = {j: _bag(text) for j, text in plain.items()}
    for i, row in enumerate(rows):
        if row.kind != "inserted":
            continue
        text = _plain(row.html)
        bag = _bag(text)
        for j in deleted:
            if j not in dropped and _bag_similarity(bags[j], bag, MOVED) >= MOVED:
                dropped.add(j)
                rows[i] = Row("moved", rows[j].old, row.new, words(plain[j], text))
                break
    return [row for i, row in enumerate(rows) if i not in dropped]


_TAGS = re.compile(r"</?(?:ins|del)>")


def _plain(html: str) -> str:
    return _TAGS.sub("", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@lru_cache(maxsize=4096)
def _bag(text: str) -> frozenset[str]:
    """The distinct words of a paragraph (its number left out)."""
    return frozenset(_NUMBER.sub("", text, count=1).casefold().split())


def _bag_similarity(bag_a: frozenset[str], bag_b: frozenset[str], floor: float) -> float:
    """How alike two paragraphs are, by their distinct words (`_bag`, made once per
    paragraph: a run of paragraphs rewritten is compared each with each): the share of
    words in common, in any order. Below `floor`, 0: paragraphs whose sizes alone keep them
    under it are not compared."""
    total = len(bag_a) + len(bag_b)
    if not total:
        return 1.0
    if 2 * min(len(bag_a), len(bag_b)) < floor * total:
        return 0.0
    return 2 * len(bag_a & bag_b) / total


def words(old: str, new: str) -> str:
    """Return `new` as HTML with the words `old` did not have in `<ins>` and those it lost in
    `<del>`, before the words that replace them."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    # matched without their spaces: the last word of a paragraph has none after it
    keys_a, keys_b = [t.rstrip() or " " for t in a], [t.rstrip() or " " for t in b]
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(escape("".join(b[j1:j2]), quote=False))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]), quote=False)}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]), quote=False)}</ins>")
    return "".join(out)


def side_by_side(
    left: list[Paragraph], right: list[Paragraph]
) -> list[tuple[Paragraph | None, Paragraph | None]]:
    """Align two language versions: by paragraph number where both print one, the paragraphs
    between two numbered ones by position."""
    keys_left = [p.number or "-" for p in left]
    keys_right = [p.number or "-" for p in right]
    pairs: list[tuple[Paragraph | None, Paragraph | None]] = []
    matcher = SequenceMatcher(None, keys_left, keys_right, autojunk=False)
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a, b = left[i1:i2], right[j1:j2]
        for k in range(max(len(a), len(b))):
            pairs.append((a[k] if k < len(a) else None, b[k] if k < len(b) else None))
    return pairs
