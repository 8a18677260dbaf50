"""Dates as UN documents print them, in seven languages, to ISO `YYYY-MM-DD`."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from functools import cache

from .languages import LANGUAGES, normalise_digits

_YEAR = re.compile(r"\d{4}")


@cache
def _pattern(code: str) -> re.Pattern[str]:
    if code == "zh":
        return re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
    months = "|".join(re.escape(m) for m in sorted(LANGUAGES[code].months, key=len, reverse=True))
    # "12 juin 2014", "1er juin", "6. Februar 2003", "12 de junio de 2014", "12 июня 2014 года",
    # "12 حزيران/يونيه 2014"; an English "December 19, 2019" too.
    return re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})(?:er|\.|º)?\s+(?:de\s+)?(?P<m>(?:{months})[^\s\d,/]*"
        rf"(?:/[^\s\d,]+)?)\s+(?:de\s+)?(?P<y>\d{{4}})(?!\d)"
        rf"|(?P<m2>(?:{months})[a-z]*)\s+(?P<d2>\d{{1,2}}),\s+(?P<y2>\d{{4}})",
        re.IGNORECASE,
    )


def _month(code: str, word: str) -> int | None:
    word = word.lower().split("/")[0]
    table = LANGUAGES[code].months
    if word in table:
        return table[word]
    for name in sorted(table, key=len, reverse=True):
        if word.startswith(name):
            return table[name]
    return None


def find_date(text: str, code: str) -> tuple[str, int, int] | None:
    """Return the first date in `text` as (`YYYY-MM-DD`, start, end), or None."""
    if not _YEAR.search(text):
        return None  # every date form ends in its year's four digits
    codes = [code] + (["en"] if code != "en" else [])
    found = []
    text = normalise_digits(text)
    for lang in codes:
        if lang not in LANGUAGES:
            continue
        for match in _pattern(lang).finditer(text):
            iso = _to_iso(lang, match)
            if iso:
                found.append((iso, match.start(), match.end()))
                break
    return min(found, key=lambda f: f[1]) if found else None


def _to_iso(code: str, match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("y2"):
        day, year, month = int(groups["d2"]), int(groups["y2"]), _month(code, groups["m2"])
    elif code == "zh":
        day, year, month = int(groups["d"]), int(groups["y"]), int(groups["m"])
    else:
        day, year, month = int(groups["d"]), int(groups["y"]), _month(code, groups["m"])
    if month is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


#: A heading's date line: "of 3 April 1991", "on 10 August 1993" (the month a word).
_HEADING_DATE = re.compile(
    r"^\s*(?:of|on|du|del|vom|от)\s+(?P<d>\d{1,2})(?:er|\.)?\s+(?:de\s+)?"
    r"(?P<m>[^\W\d_]\S{2,11})\s+(?:de\s+)?(?P<y>\S{4})\s*$",
    re.IGNORECASE,
)


def damaged_date(line: str, code: str, year: int) -> str | None:
    """Return the date of a resolution's heading line that OCR damaged ("of 3 Apri] 1991",
    "on 10 Auqust 1993", "of 14 October £964") when its own year, printed in its symbol,
    makes it certain: the day read clean, the month one letter off a month's name, the year
    as printed the symbol's or unreadable. Else None ("of 3f July 1989": which day?)."""
    match = _HEADING_DATE.match(normalise_digits(line))
    if match is None or code not in LANGUAGES:
        return None
    printed = match["y"]
    if printed.isdigit() and int(printed) != year:
        return None  # a clean year that is not the symbol's: another date, or a wrong one
    word = match["m"].lower()
    month = _month(code, word)
    if month is None:
        names = [name for name in LANGUAGES[code].months if len(name) >= 4]
        close = difflib.get_close_matches(word, names, n=1, cutoff=0.8)
        month = LANGUAGES[code].months[close[0]] if close else None
    if month is None:
        return None
    try:
        return dt.date(year, month, int(match["d"])).isoformat()
    except ValueError:
        return None
