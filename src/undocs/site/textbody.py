"""A document's body text -> safe HTML: paragraphs and their numbers, footnotes, citation links.

Every character of the input is escaped; markup is added only around escaped text: `**bold**`,
`1^{er}` superscripts, paragraph anchors, and links on the exact words of each citation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from html import escape
from typing import NamedTuple

from ..lang.languages import normalise_digits
from ..model import Citation

_PARA_NUMBER = re.compile(r"^(\d{1,3})\s*(?:\.|-|–)\s+(?=\S)")
_FOOTNOTE = re.compile(r"^(?:\*{1,3}|\d{1,3})\s+\S")
#: A pair of "**" around words, not the footnote stars after a word ("Pakistan**, Peru***",
#: "S/25647**"): the opening pair starts a word, the closing pair ends one.
_BOLD = re.compile(r"(?<![\w*])\*\*(?=[^\s*,.;:)])(.+?)(?<=[^\s*(])\*\*(?![\w*])", re.DOTALL)
_SUP = re.compile(r"\^\{([^{}<>]{1,12})\}")


class Block(NamedTuple):
    """A paragraph of the body, as an offset range of the text (a named tuple: a text has
    hundreds, made and read once)."""

    start: int
    end: int
    kind: str
    """`para` (numbered), `text`, `footnote`, `heading`, or `leftover` (`_PRINT_LEFTOVER`)."""
    number: str | None = None
    """The paragraph number printed at its start, for the `#para-N` anchor."""


def split_blocks(text: str, start: int = 0) -> list[Block]:
    """Split `text[start:]` into blocks at blank lines and at numbered paragraph starts."""
    blocks: list[Block] = []
    pos = start
    current: int | None = None
    indent = 0
    for line in text[start:].split("\n"):
        line_start = pos
        pos += len(line) + 1
        words = line.lstrip()
        if not words:
            if current is not None:
                blocks.append(_block(text, current, line_start))
                current = None
            continue
        # A numbered paragraph, or a first line indented deeper than the line before it
        # (layout-preserving extractions print paragraphs without blank lines between).
        deeper = len(line) - len(words)
        if current is not None and (
            deeper >= indent + 3 or (words[0].isdigit() and _PARA_NUMBER.match(words))
        ):
            blocks.append(_block(text, current, line_start))
            current = None
        indent = deeper
        if current is None:
            current = line_start
    if current is not None:
        blocks.append(_block(text, current, len(text)))
    return [b for b in blocks if b.end > b.start]


#: A line the printed page left in the text, not the document's: a page number, a job number
#: ("GE.14-23930 (E)  120315  120315"), a barcode ("*1423930*", or in a barcode font's
#: private-use characters), a running header that is the
#: symbol alone ("A/HRC/28/15"). Shown small and left out of the search index, not dropped.
_PRINT_LEFTOVER = re.compile(
    r"^(?:\d{1,3}"
    r"|(?:GE\.)?\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6})*"
    r"|\*\d{5,}\*|[\ue000-\uf8ff]{3,})$"
)


def _leftover(body: str, symbol: str | None) -> bool:
    """Return whether every line of a block is a leftover of the printed page (the
    document's own symbol alone on a line is its running header)."""
    if len(body) >= 120:
        return False
    own = symbol.replace(" ", "") if symbol else None
    return all(
        _PRINT_LEFTOVER.match(line.strip()) or line.strip().replace(" ", "") == own
        for line in body.split("\n")
    )


#: A run of leader dots ("Resolutions ........ 4" in a table of contents): shown as one
#: ellipsis, so that a contents line does not run off a phone's screen.
_LEADER = re.compile(r"(?:[ \u00a0]*\.){4,}[ \u00a0]*")

#: What ends a sentence or a clause, not a heading (the full-width forms of Chinese texts too).
_CLAUSE_ENDS = (".", ",", ";", ":", "：", "，")


def _block(text: str, start: int, end: int) -> Block:
    # `\d` matches Eastern Arabic digits too: only the anchor's number is written in ASCII
    raw = text[start:end].rstrip("\n")
    body = raw.strip()
    start += len(raw) - len(raw.lstrip())
    end = start + len(body)
    number = _PARA_NUMBER.match(body)
    if number:
        return Block(start, end, "para", normalise_digits(number.group(1)))
    if _leftover(body, None):
        return Block(start, end, "leftover")
    if len(body) < 400 and "\n" not in body and _FOOTNOTE.match(body):
        return Block(start, end, "footnote")
    if len(body) < 90 and "\n" not in body and not body.endswith(_CLAUSE_ENDS):
        return Block(start, end, "heading")
    return Block(start, end, "text")


def paragraph_numbers(text: str, start: int = 0) -> frozenset[str]:
    """Return the numbers of the paragraphs `render_body` anchors (`#para-5`)."""
    return frozenset(
        block.number for block in split_blocks(text, start) if block.kind == "para" and block.number
    )


def render_body(
    text: str,
    start: int,
    citations: tuple[Citation, ...],
    href: Callable[[Citation], str | None],
    cite_as: str | None = None,
    symbol: str | None = None,
) -> str:
    """Return the HTML of `text[start:]`, each citation linked where `href` gives a URL.

    Numbered paragraphs get an anchor (`#para-5`, an empty span opening them) and, with
    `cite_as` ("A/RES/70/1, para. {n}", `{n}` the number), a link to themselves titled with
    how to cite them.
    A block of lines the printed page left (`_leftover`; `symbol`: the document's, whose
    running header it is) is shown small, out of the search index.
    """
    spans = _spans(citations, start, href)
    starts = [span[0] for span in spans]
    out: list[str] = []
    seen_numbers: set[str] = set()
    for block in split_blocks(text, start):
        inner = _inline(text, block.start, block.end, spans, starts)
        if block.kind == "para" and block.number and block.number not in seen_numbers:
            seen_numbers.add(block.number)
            link = ""
            if cite_as is not None:
                label = escape(cite_as.replace("{n}", block.number))
                link = (
                    f'<a class="para-link" href="#para-{block.number}" title="{label}" '
                    f'aria-label="{label}" data-pagefind-ignore>¶</a> '
                )
            # the anchor is an empty element, not the paragraph: Pagefind keeps each
            # anchor's text in the search fragment, and the paragraph's would double it
            out.append(
                f'<p class="para"><span id="para-{block.number}" class="anchor"></span>'
                f"{link}{inner}</p>"
            )
        elif block.kind == "footnote":
            out.append(f'<p class="footnote">{inner}</p>')
        elif block.kind == "leftover" or (
            block.kind in ("heading", "text") and _leftover(text[block.start : block.end], symbol)
        ):
            out.append(f'<p class="leftover" data-pagefind-ignore>{inner}</p>')
        elif block.kind == "heading":
            out.append(f'<p class="subhead">{inner}</p>')
        else:
            out.append(f"<p>{inner}</p>")
    return "\n".join(out)


def _spans(
    citations: tuple[Citation, ...], start: int, href: Callable[[Citation], str | None]
) -> list[tuple[int, int, str, str]]:
    spans = []
    last_end = start
    ordered = sorted(
        (c for c in citations if c.start >= start),
        key=lambda c: (c.start, c.kind != "document"),
    )
    for cite in ordered:
        if cite.start < last_end:
            continue
        url = href(cite)
        if url is None:
            continue
        spans.append((cite.start, cite.end, url, cite.target))
        last_end = cite.end
    return spans


def _inline(
    text: str, start: int, end: int, spans: list[tuple[int, int, str, str]], starts: list[int]
) -> str:
    parts: list[str] = []
    pos = start
    # spans are sorted and do not overlap: begin at the last one starting before this block
    for s, e, url, target in spans[max(0, bisect_right(starts, start) - 1) :]:
        if s >= end:
            break
        if e <= start:
            continue
        s, e = max(s, start), min(e, end)
        parts.append(escape(text[pos:s], quote=False))
        parts.append(
            f'<a class="cite" dir="ltr" href="{escape(url)}" title="{escape(target)}">'
            f"{escape(text[s:e], quote=False)}</a>"
        )
        pos = e
    parts.append(escape(text[pos:end], quote=False))
    html = "".join(parts)
    if "\n" in html:  # each run of white space holding a line break becomes one space
        html = " ".join(filter(None, (line.strip() for line in html.split("\n"))))
    if "...." in html or ". ." in html:
        html = _LEADER.sub(" … ", html)
    if "**" in html:
        html = _BOLD.sub(r"<strong>\1</strong>", html)
    if "^{" in html:
        html = _SUP.sub(r"<sup>\1</sup>", html)
    return html.strip()


_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")


def cjk_bigrams(text: str) -> str:
    """Return `text` with each run of Chinese characters written as overlapping bigrams.

    Pagefind matches words by prefix, and its Chinese segmenter cuts words the reader's query
    may cross ("星期二" is one word, so "期二" finds nothing). Indexing the bigrams ("星期 期二")
    and searching the query's bigrams finds every document holding the typed characters.
    """

    def bigrams(match: re.Match[str]) -> str:
        run = match.group(0)
        return " " + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + " "

    return _CJK_RUN.sub(bigrams, text)
