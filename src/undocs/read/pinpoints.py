"""Pinpoint citations: the paragraphs of a cited resolution or document that a text names.

"paragraph 5 of resolution 2231 (2015)", "Ziffer 4 ihrer Resolution 55/2", "الفقرة 4 من القرار
1267 (1999)", "第1267(1999)号决议第4段", "(A/HRC/28/15, para. 5)": each citation gets the
paragraph numbers printed with it, so its link can go to `#para-5` on the cited page and the
cited page can say which of its paragraphs are cited. One table per language: a pattern
ending where the citation begins (`before`), one starting where it ends (`after`).
A paragraph of an annex ("paragraph 5 of the annex to resolution 16/21") is not the
resolution's own paragraph 5 and is left out: the patterns allow only articles, possessives
and body names between the paragraph and the citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..lang.bodies import body_names
from ..lang.languages import normalise_digits
from ..model import Citation

#: A paragraph number with its subparagraph ("4 (c)", "7 a)"), as printed.
_NUMBER = r"\d{1,3}(?:\s?\(?[a-z]\))?"


def _numbers(conjunctions: str) -> str:
    """A list of paragraph numbers: "3 and 4", "12, 13, 14 and 16", "5 bis 7"."""
    return rf"(?P<p>{_NUMBER}(?:\s*(?:,|-|–|{conjunctions})\s*{_NUMBER}){{0,12}})"


@dataclass(frozen=True)
class _Table:
    """How one language prints the paragraphs of what it cites."""

    hints: tuple[str, ...]
    """Strings one of which a text pinpointing a citation holds (spare the others the scan)."""
    before: str | None
    """Ends where the citation's number or symbol begins; `{n}` is the paragraph list."""
    after: str
    """Starts where the citation ends."""


_TABLES = {
    "en": _Table(
        ("para", "Para"),
        r"(?<!\w)(?:[Oo]perative\s+|[Pp]reambular\s+)?[Pp]aragraphs?\s+{n}\s+of\s+"
        r"(?:(?:its|the|their|that|this)\s+)?(?:(?:{body}|Council|Assembly)\s+)?"
        r"(?:[Rr]esolution\s+(?:No\.\s*)?|document\s+|report\s*\(\s*)$",
        r"\)?,\s*(?:paras?\.|paragraphs?)\s*{n}",
    ),
    "fr": _Table(
        ("par", "Par"),
        r"(?<!\w)[Pp]aragraphes?\s+{n}\s+(?:de\s+(?:la|sa|leur|cette)\s+|du\s+)"
        r"(?:[Rr]ésolution\s+|document\s+)$",
        r"\)?,\s*(?:par\.|paragraphes?)\s*{n}",
    ),
    "es": _Table(
        ("árr",),
        r"(?<!\w)[Pp]árrafos?\s+{n}\s+(?:de\s+(?:la|su|esta)\s+|del\s+)"
        r"(?:[Rr]esolución\s+|documento\s+)$",
        r"\)?,\s*(?:párrs?\.|párrafos?)\s*{n}",
    ),
    "de": _Table(
        ("Ziff", "Absat"),
        r"(?<!\w)(?:Ziffer|Ziffern|Absatz|Absätze)\s+{n}\s+(?:der|ihrer|seiner|dieser)\s+"
        r"(?:Resolution\s+(?:(?:des|der)\s+(?:{body})\s+)?|Dokuments?\s+)$",
        r"\)?,\s*(?:Ziff\.|Ziffern?|Absatz)\s*{n}",
    ),
    "ru": _Table(
        ("ункт", "п."),
        r"(?<!\w)[Пп]ункт\w{0,3}\s+{n}\s+(?:(?:своей|его|ее|её|этой)\s+)?"
        r"(?:резолюции\s+(?:(?:{body})\s+)?|документа\s+)$",
        r"\)?,\s*(?:пункты?|п\.)\s*{n}",
    ),
    "ar": _Table(
        ("الفقر",),
        r"الفقر\w{0,4}\s+{n}\s+(?:\([^()]{0,40}\)\s+)?من\s+(?:ال)?(?:قرار|وثيقة)\w{0,3}\s+"
        r"(?:(?:{body})\s+)?$",
        r"\)?\s*[،,]\s*الفقر\w{0,4}\s+{n}",
    ),
    "zh": _Table(
        ("段",),
        None,
        r"\s*[)）]?\s*号?\s*决议\s*第\s*(?P<p>\d{1,3}(?:\s*段?\s*(?:和|、|及|至)\s*第?\s*\d{1,3})*)\s*段",
    ),
}

_CONJUNCTIONS = {
    "en": "and|to",
    "fr": "et|à",
    "es": "y|a",
    "de": "und|bis",
    "ru": "и|по",
    "ar": "و|إلى",
    "zh": "、|和|至",
}

_DIGITS = re.compile(r"\d+")
#: How far before a citation its paragraph may start ("paragraphs 12, 13, 14 and 16 of
#: Security Council resolution ").
_REACH = 200
#: The longest range of paragraphs spelt out ("paragraphs 1 to 30").
_LONGEST = 40


@cache
def _patterns(code: str) -> tuple[re.Pattern[str] | None, re.Pattern[str]]:
    table = _TABLES[code]
    n = _numbers(_CONJUNCTIONS[code])
    before = table.before and table.before.replace("{n}", n).replace("{body}", body_names())
    after = table.after if "(?P<p>" in table.after else table.after.replace("{n}", n) + _NOT_NEXT
    return (re.compile(before) if before else None, re.compile(after))


def pinpoint(cites: list[Citation], text: str, code: str) -> list[Citation]:
    """Return `cites` with the paragraphs each names (`Citation.paragraphs`), where printed.

    A list ("paragraph 5 of resolutions 1/2 and 3/4") is not pinpointed: which resolution's
    paragraph 5 the text means is not said.
    """
    languages = [c for c in dict.fromkeys([code, "en"]) if c in _TABLES]
    languages = [c for c in languages if any(hint in text for hint in _TABLES[c].hints)]
    if not languages or not cites:
        return cites
    text = normalise_digits(text)
    out = []
    for cite in cites:
        found = _paragraphs(cite, text, languages) if cite.start >= 0 else ()
        out.append(replace(cite, paragraphs=found) if found else cite)
    return out


def _paragraphs(cite: Citation, text: str, languages: list[str]) -> tuple[str, ...]:
    for code in languages:
        before, after = _patterns(code)
        match = after.match(text, cite.end)
        if match is None and before is not None:
            match = before.search(text, max(0, cite.start - _REACH), cite.start)
            if match and _SECTION.search(text, max(0, match.start() - 30), match.start()):
                return ()  # "section XI, paragraph 2 of resolution 44/201 B": not its 2
        if match:
            return _listed(match["p"])
    return ()


#: After ", paragraph 2": the words saying it is the next citation's ("resolution 61/75,
#: paragraph 2 of resolution 62/43").
_NOT_NEXT = (
    r"(?!\s+(?:(?:of|de|del|der|des|du|ihrer|seiner|dieser|من|своей|его)(?!\w)|резолюц|документ))"
)
#: A section named before a paragraph: the paragraph is numbered within the section.
_SECTION = re.compile(
    r"(?:[Ss]ection|Abschnitt|[Ss]ección|[Рр]аздел\w*|الجزء)\s+[IVXLC]{1,6}[,.]?\s*(?:[,،]\s*)?$"
)
_RANGE = re.compile(r"(?:-|–|to|à|a|bis|по|إلى|至)\s*$")


def _listed(printed: str) -> tuple[str, ...]:
    """Return the numbers of a printed list, a range spelt out ("3 to 5": 3, 4, 5)."""
    numbers: list[int] = []
    last_end = 0
    for match in _DIGITS.finditer(printed):
        number = int(match.group())
        between = printed[last_end : match.start()]
        if numbers and _RANGE.search(between.strip()) and 0 < number - numbers[-1] <= _LONGEST:
            numbers.extend(range(numbers[-1] + 1, number))
        numbers.append(number)
        last_end = match.end()
    return tuple(str(n) for n in dict.fromkeys(numbers))
