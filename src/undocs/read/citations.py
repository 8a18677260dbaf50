"""References in a document's text: resolutions cited by number, documents cited by symbol.

Each finder is a small named rule returning `Citation`s with their positions, so a page can
link the exact words. Text is searched after `normalise_digits`, which keeps every offset.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import cache, lru_cache

from ..lang.bodies import SC, body_names, find_body, find_last_body
from ..lang.languages import LANGUAGES, Language, normalise_digits
from ..lang.patterns import anchored
from ..model import Citation
from . import symbols
from .pinpoints import pinpoint

#: A resolution number as printed: `60/251`, `45/55 B`, `S-10/2`, `2005/57`, `2334 (2016)`,
#: `217 A (III)`, `3201 (S-VI)`.
NUMBER = (
    # "6/2003" (number/year) is how the FAO, the ILO and others number theirs, not the UN.
    r"(?:(?<![A-Za-z0-9/.])(?:E?S-)?\d{1,4}/(?!(?:19[4-9]|20[0-4])\d(?![\d/]))\d{1,4}(?![\d/])"
    r"(?:[ \u00a0][A-Z](?![\w/]))?"
    r"|(?<![A-Za-z0-9/.])\d{1,4}(?:[ \u00a0][A-Z])?\s*\((?:\d{4}|[IVXL]{1,6}|E?S-[IVXL]{1,5})\))"
)
_NUMBER_RE = re.compile(NUMBER)
#: A date after a number in a list, its year left out as often as printed ("338 (1973) of 22
#: October, 340 (1973) of 25 October"), line breaks anywhere.
_DATE_GAP = (
    r"(?:\s*(?:{of})\s+\d{{1,2}}(?:er|\.)?\s+[^\d,;()]{{2,30}}?"
    r"(?:\s+\d{{4}}(?:\s+года?)?)?)?"
)


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@cache
def _language_patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    lang: Language = LANGUAGES[code]
    gap = (
        _DATE_GAP.format(of=lang.of_words)
        + rf"\s*[,;،]?\s*(?:(?:{lang.conjunctions})\s*)?(?:(?:{lang.resolution_words})\s*)?"
    )
    if code == "zh":
        head = re.compile(rf"第?\s*(?P<n>{NUMBER})")
    else:
        head = re.compile(
            rf"(?:{lang.resolution_words})(?:\s+(?:of\s+the\s+|de\s+la\s+|del\s+|des\s+|"
            rf"du\s+)?(?:{body_names()}))?(?:\s+(?:nos?\.|n°|№))?\s*(?P<n>{NUMBER})"
        )
    return head, re.compile(rf"{gap}(?P<n>{NUMBER})")


_GLUED_FOOTNOTE = re.compile(r"(\d{1,2})/(\d{4,})")
_SPACES = re.compile(r"\s+")
_PAREN = re.compile(r"(\S)\(")


def normalise_number(text: str) -> str:
    """Return a resolution number in the form GUIDE.md gives: `2334 (2016)`, `217 A (III)`.

    A session's resolutions never reach 1,000: `59/2831` is resolution 59/283 with its
    footnote mark glued on (extractions of the German translations print them so).
    """
    text = _SPACES.sub(" ", text.strip())
    if "(" in text:
        text = _PAREN.sub(r"\1 (", text)
    glued = _GLUED_FOOTNOTE.fullmatch(text)
    if glued:
        number = glued.group(2)
        while int(number) >= 1000:
            number = number[:-1]
        text = f"{glued.group(1)}/{number}"
    return text


def find_resolutions(text: str, code: str) -> Iterator[Citation]:
    """Yield each resolution the text cites by number, lists counted member by member."""
    text = normalise_digits(text)
    for lang in dict.fromkeys([code, "en"]):
        if lang not in LANGUAGES:
            continue
        if lang == "zh":
            if LANGUAGES["zh"].resolution_hint in text:
                yield from _find_chinese(text)
            continue
        table = LANGUAGES[lang]
        if table.resolution_hint not in text:
            continue  # a test at memchr speed spares a regex scan of the whole text
        head, more = _language_patterns(lang)
        for match in anchored(head, text, table.resolution_hint, table.hint_lead):
            start = match.start()
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue  # inside a word ("Irresolution")
            yield _resolution(text, match.start("n"), match.end("n"), match.start())
            for follow in _followers(more, text, match.end()):
                yield _resolution(text, follow.start("n"), follow.end("n"), match.start())
        if lang == "en" and "Security Council" in text:
            yield from _security_council_bare(text)
        elif table.sc_bare:
            for match in _rx(table.sc_bare).finditer(text):  # the Council is named: its own
                yield Citation("resolution", match["n"], match.start("n"), match.end("n"), SC)


#: "Security Council resolution 338", "Security Council Resolutions 1325 and 1820": the
#: Council's resolutions cited by number without their year (`NUMBER` wants `338 (1973)`).
#: The number is kept as printed; `archive.graph.resolution_symbol` finds its year.
_BARE = r"(?P<n>\d{1,4})(?![\w/]|\s*\(|\s+[A-Z](?![a-z]))"  # not `161 A (1961)`, `70S`
_SC_BARE = re.compile(rf"Security\s+Council\s+[Rr]esolutions?\s+(?:No\.\s*)?{_BARE}")
_SC_BARE_MORE = re.compile(rf"\s*(?:,\s*and|,|and)\s+(?:[Rr]esolution\s+)?{_BARE}")


def _followers(more: re.Pattern[str], text: str, end: int) -> Iterator[re.Match[str]]:
    """Yield the members of a list after its first, which ends at `end` ("..., 661 and 662")."""
    while (follow := more.match(text, end)) is not None:
        yield follow
        end = follow.end()


def _security_council_bare(text: str) -> Iterator[Citation]:
    for match in _SC_BARE.finditer(text):
        yield _resolution(text, match.start("n"), match.end("n"), match.start())
        for follow in _followers(_SC_BARE_MORE, text, match.end()):
            yield _resolution(text, follow.start("n"), follow.end("n"), match.start())


@cache
def _bare_patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    lang = LANGUAGES[code]
    words, conjunctions = lang.resolution_words, lang.conjunctions
    head = re.compile(rf"(?<!\w)(?:{words})\s+(?:No\.\s*|n°\s*|№\s*)?{_BARE}")
    more = re.compile(
        rf"\s*(?:,\s*(?:(?:{conjunctions})\s+)?|(?:{conjunctions})\s+)(?:(?:{words})\s+)?{_BARE}"
    )
    return head, more


#: "draft resolution 2": a draft's number; "this resolution 4", "two resolutions 31": a
#: footnote mark on the words, no number of a resolution.
_NOT_NUMBERED_BEFORE = re.compile(
    r"(?:draft|projet\s+de|proyecto\s+de|проект\w*|Entwurf\w*|مشروع|this|these|that|present|"
    r"two|three|four|cette|présente|presente|esta|diese[rn]?|настоящ\w*)\s*$",
    re.IGNORECASE,
)


def _council_bare(text: str, code: str) -> Iterator[Citation]:
    """Yield the resolutions a Security Council document cites by number alone ("paragraph 13
    of resolution 687", "its resolutions 660, 661 and 662"): the Council's own, as the
    Assembly's print their session (45/55, 181 (II)). A number with another body named
    before it is left out."""
    head, more = _bare_patterns(code)
    for match in head.finditer(text):
        if _NOT_NUMBERED_BEFORE.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        numbers = [match.span("n"), *(f.span("n") for f in _followers(more, text, match.end()))]
        body = _body_before(text[max(0, match.start() - 80) : match.start() + 1])
        if body not in (None, SC):
            continue
        for start, stop in numbers:
            yield Citation("resolution", text[start:stop], start, stop, SC)


_ZH_LIST = re.compile(
    rf"第?\s*(?:{NUMBER})(?:\s*号)?(?:\s*(?:、|，|,|和|及|与|以及|或)\s*第?\s*(?:{NUMBER})"
    rf"(?:\s*号)?)*\s*号?决议"
)


def _find_chinese(text: str) -> Iterator[Citation]:
    for match in _ZH_LIST.finditer(text):
        for number in _NUMBER_RE.finditer(text, match.start(), match.end()):
            yield _resolution(text, number.start(), number.end(), match.start())


#: The body named nearest before a citation ("General Assembly resolution 60/251 and Human
#: Rights Council resolution 5/1": the Council's, for 5/1).
_body_before = lru_cache(maxsize=1024)(find_last_body)

_OF_BODY = re.compile(r"\s*(?:of\s+the|by\s+the|de\s+la|de\s+l[’']|du|del|des|der)\s")


def _resolution(text: str, start: int, end: int, context_start: int) -> Citation:
    """Return a resolution citation with the body named before it, or right after it."""
    # named between the word and the number ("Resolutionen des Menschenrechtsrats 5/1"),
    # else before the word: the members of a list ("resolutions 1/2, 3/4 and 5/6") share it
    body = _body_before(text[context_start:start]) or _body_before(
        text[max(0, context_start - 80) : context_start + 1]
    )
    if body is None and _OF_BODY.match(text, end):
        body = find_body(text[end : end + 140])
    return Citation("resolution", normalise_number(text[start:end]), start, end, body)


_JOINERS = "|".join(
    sorted({w for lang in LANGUAGES.values() for w in lang.addendum_joiners.split("|")})
)
_ADDENDA = re.compile(rf"(?:\s*(?:,|{_JOINERS})\s*(?P<mod>(?:Add|Corr|Rev|Amend)\.\d{{1,3}}))")


def find_documents(text: str) -> Iterator[Citation]:
    """Yield each document symbol in the text; `A/1 and Add.1` yields `A/1` and `A/1/Add.1`."""
    for match in symbols.find_symbols(text):
        members = symbols.split_joint(match.group(0))
        for member in members:
            yield Citation("document", member, match.start(), match.end())
        end = match.end()
        while (more := _ADDENDA.match(text, end)) is not None:
            for member in members:
                yield Citation(
                    "document", f"{member}/{more['mod']}", more.start("mod"), more.end("mod")
                )
            end = more.end()


def resolution_of_symbol(symbol: str) -> str | None:
    """Return the number of a resolution symbol (`A/RES/70/1` -> `70/1`), or None."""
    match = re.search(r"/RES/(?P<n>.+)$", symbol)
    if not match:
        return None
    number = match["n"]
    if "/" in number and "(" not in number:
        parts = number.split("/")
        if len(parts) == 2 and all(re.fullmatch(r"(?:E?S-)?\d+(?: ?[A-Z])?", p) for p in parts):
            return number
        return None
    return number if _NUMBER_RE.fullmatch(number) else None


def find_citations(text: str, code: str, own_symbol: str | None) -> list[Citation]:
    """Return every citation in `text` in order, leaving out the document's own symbol."""
    own = symbols.compare_key(own_symbol) if own_symbol else None
    own_number = resolution_of_symbol(own_symbol) if own_symbol else None
    found: dict[tuple[str, int, str], Citation] = {}
    for cite in find_documents(text):
        if symbols.compare_key(cite.target) == own:
            continue
        found[(cite.kind, cite.start, cite.target)] = cite
        number = resolution_of_symbol(cite.target)
        if number and number != own_number:
            key = ("resolution", cite.start, number)
            found[key] = Citation("resolution", number, cite.start, cite.end)
    for cite in find_resolutions(text, code):
        if cite.target == own_number:
            continue
        found.setdefault((cite.kind, cite.start, cite.target), cite)
    if own_symbol and own_symbol.startswith("S/") and code in LANGUAGES and code != "zh":
        own_bare = own_number.split(" ")[0] if own_number else None
        for cite in _council_bare(normalise_digits(text), code):
            if cite.target != own_bare:
                found.setdefault((cite.kind, cite.start, cite.target), cite)
    ordered = sorted(found.values(), key=lambda c: (c.start, c.kind))
    return pinpoint(_unglued(ordered, text), text, code)


#: A session's resolution numbered past any session's count: decisions start at 401, and
#: resolutions of a resumed session run from 500 (56/509 is real).
_PAST_COUNT = 400
_SESSION_NUMBER = re.compile(r"(\d{1,2})/(\d{3,})")
_DATED = re.compile(
    r"\s*(?:" + "|".join(dict.fromkeys(lang.of_words for lang in LANGUAGES.values())) + r")\s+\d"
)


def _unglued(cites: list[Citation], text: str) -> list[Citation]:
    """Read a footnote mark glued to a resolution number ("Resolution 57/813" where 57/81
    carries footnote 3, "59/7311": 59/73 and footnote 11), as the German translations print
    them: a number past the session's count, never printed with a date, whose shorter form
    the text cites elsewhere (by its date, mostly). Other numbers are left as read."""
    past = {
        i: number
        for i, cite in enumerate(cites)
        if cite.kind == "resolution"
        and (number := _SESSION_NUMBER.fullmatch(cite.target))
        and int(number[2]) >= _PAST_COUNT
    }
    if not past:
        return cites  # most documents stop here
    cited = Counter(c.target for c in cites if c.kind == "resolution")
    dated = {c.target for c in cites if c.kind == "resolution" and _DATED.match(text, c.end)}
    out = list(cites)
    for i, number in past.items():
        cite = cites[i]
        if cite.target in dated:
            continue
        session, digits = number.groups()
        for cut in (1, 2):
            short = f"{session}/{digits[:-cut]}"
            if cited[short] and normalise_digits(text[cite.start : cite.end]).startswith(short):
                out[i] = replace(cite, target=short, end=cite.start + len(short))
                break
    return out
