"""The grammar of UN document symbols: parse, format canonically, normalise what people type.

A symbol is a series root (`A`, `S`, `E`, `CTOC` ...) and components joined by `/`:
`A/HRC/WG.6/48/SVN/1`, `A/C.3/56/L.5/Rev.1`, `S/RES/2334 (2016)`, `A/RES/491 (V)`,
`A/80/130 (Part II)`, `E/CN.6/2015/NGO/270`. Joint symbols (`A/55/985-S/2001/574`) name two
documents. The same grammar decides what counts as a symbol in running text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..lang.patterns import alternation, anchored

#: Series roots that begin a symbol. A root not listed here is not read as a symbol in running
#: text (so `PRST/8/1`, `2011/36/EU` and `GE.15-10722` are not symbols).
SERIES_ROOTS = (
    "A",
    "S",
    "E",
    "ST",
    "CTOC",
    "FCCC",
    "CRC",
    "CEDAW",
    "CAT",
    "CCPR",
    "CERD",
    "CMW",
    "CRPD",
    "CED",
    "SPT",
    "HRI",
    "NPT",
    "TPNW",
    "UNEP",
    "DP",
    "ISBA",
    "CAC",
    "HSP",
    "IDB",
    "SPLOS",
    "CLCS",
    "PBC",
    "UNW",
    "UNODC",
    "CD",
    "ICCD",
    "IPBES",
    "TD",
    "UNCTAD",
    "ICSC",
    "JIU",
    "CCW",
    "BWC",
    "APLC",
    "ATT",
    "ECE",
    "ESCAP",
    "ECLAC",
    "ESCWA",
    "ECA",
    "UNICEF",
    "WFP",
    "UNDP",
    "UNFPA",
    "UNHCR",
    "UNITAR",
    "UNIDO",
    "CTBT",
    "T",
    "DPI",
    "UNCITRAL",
    "TRADE",
    "ENERGY",
    "ICEF",
    "ACC",
    "CRIC",
    "CBD",
    "UNEP.DTIE",
)

#: Components written in title case; every other letter component is upper case.
TITLE_CASE = {
    "add": "Add",
    "corr": "Corr",
    "rev": "Rev",
    "amend": "Amend",
    "sub": "Sub",
    "summary": "Summary",
    "part": "Part",
    "parts": "Parts",
    "vol": "Vol",
    "excerpt": "Excerpt",
}

#: Components that modify a document rather than name one (`Add.1` is part of its parent).
MODIFIERS = ("Add", "Corr", "Rev", "Amend", "Summary")

_ROOT = alternation(SERIES_ROOTS)
_COMP = r"(?:(?:E?S-)?\d{1,5}[A-Z]?(?![\w.-])|[A-Z][A-Za-z]{0,11}(?:\.\d{1,5}[A-Za-z]?)?|\d{1,5})"
_SUFFIX = (
    r"(?:(?:[ \u00a0]|\n[ \t]{0,8})?\((?:\d{4}|[IVXL]{1,6}|E?S-[IVXL]{1,5}|Part [IVX]{1,5}|"
    r"Vol\. [IVX]{1,5}|"
    r"Parts? [IVX]{1,5}(?: and [IVX]{1,5})?|Part [0-9]{1,2})\)(?:/(?:Add|Corr|Rev)\.\d{1,3})*)"
)
_ONE = rf"(?:{_ROOT})(?:\.\d{{1,3}})?(?:/[ \t]{{0,2}}\n?[ \t]{{0,2}}{_COMP}){{1,9}}{_SUFFIX}?"

#: A symbol in running text, joint symbols included; group 0 is the whole match.
SYMBOL_RE = re.compile(rf"(?:{_ONE})(?:-(?:{_ONE}))*\*?(?![A-Za-z0-9/])")
#: Every symbol has a slash at most this far from its start (its series root, then `.1`).
_SLASH_LEAD = max(map(len, SERIES_ROOTS)) + 4
_FIRST = frozenset(root[0] for root in SERIES_ROOTS)
_GLUED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/.")


def find_symbols(text: str) -> Iterator[re.Match[str]]:
    """Yield each symbol in running text: a match of SYMBOL_RE not glued to what precedes it.

    The check on the preceding character is made here rather than as a look-behind; the
    pattern is tried only before each slash (`patterns.anchored`), as every symbol has one.
    """
    for match in anchored(SYMBOL_RE, text, "/", _SLASH_LEAD, _FIRST):
        start = match.start()
        if start == 0 or text[start - 1] not in _GLUED:
            yield match


_ONE_RE = re.compile(_ONE)


@dataclass(frozen=True)
class Symbol:
    """A parsed UN document symbol."""

    parts: tuple[str, ...]
    """Components between the slashes, canonical case: `("A", "HRC", "28", "15", "Add.1")`;
    a parenthesised year, session or part stays with its component: `"2334 (2016)"`."""

    @property
    def series(self) -> str:
        """Return the series prefix: every leading letter component (`A/HRC`, `S/RES`)."""
        lead = []
        for part in self.parts:
            if not re.fullmatch(r"[A-Z][A-Za-z.\d]*", part):
                break
            lead.append(part)
        return "/".join(lead)

    @property
    def parent(self) -> Symbol | None:
        """Return the symbol without its last modifier (`Add.1`, `Corr.2`), or None."""
        if len(self.parts) > 2 and self.parts[-1].split(".")[0] in MODIFIERS:
            return Symbol(self.parts[:-1])
        return None

    def __str__(self) -> str:
        return "/".join(self.parts)


def _canonical_part(part: str) -> str | None:
    match = re.fullmatch(
        r"(?P<core>[A-Za-z0-9.\-]+)(?:\s?(?P<letter>[A-Za-z]))?"
        r"(?:\s*\((?P<suffix>[^()]+)\))?",
        part.strip(),
    )
    if not match:
        return None
    head, dot, tail = match["core"].partition(".")
    title = TITLE_CASE.get(head.lower())
    out = f"{title}{dot}{tail.upper()}" if title else match["core"].upper()
    if re.fullmatch(r"\d+[A-Z]", out) and not match["letter"]:
        out = f"{out[:-1]} {out[-1]}"  # "45/55B" and "45/55 B" are one resolution
    if match["letter"]:
        out += f" {match['letter'].upper()}"
    if match["suffix"]:
        words = match["suffix"].strip().split(" ", 1)
        key = words[0].lower().rstrip(".")
        if len(words) == 2 and key in TITLE_CASE:
            inner = TITLE_CASE[key] + ("." if words[0].endswith(".") else "")
            inner += " " + words[1].upper().replace(" AND ", " and ")
        elif re.fullmatch(r"VOL\.?\s*[IVX]+", match["suffix"].strip(), re.IGNORECASE):
            inner = "Vol. " + re.sub(r"(?i)^vol\.?\s*", "", match["suffix"].strip()).upper()
        elif re.fullmatch(r"PARTS?\s*[IVX]+", match["suffix"].strip(), re.IGNORECASE):
            inner = "Part " + re.sub(r"(?i)^parts?\s*", "", match["suffix"].strip()).upper()
        else:
            inner = match["suffix"].strip().upper()
        out += f" ({inner})"
    return out


@lru_cache(maxsize=65536)
def parse(text: str) -> Symbol | None:
    """Parse one symbol as people type it (`s/res/2334(2016)`, ` A/HRC/28/15 `), or None."""
    raw = re.sub(r"\s+", " ", text.strip()).rstrip("*").strip()
    raw = re.sub(r"\s*/\s*", "/", raw)
    pieces = re.split(r"/(?![^()]*\))", raw)
    if len(pieces) < 2 or not pieces[0][:1].isalpha() or not any(c.isdigit() for c in raw):
        return None
    parts = tuple(_canonical_part(p) for p in pieces)
    if any(p is None or not p for p in parts):
        return None
    return Symbol(parts)  # type: ignore[arg-type]


@lru_cache(maxsize=65536)
def normalise(text: str) -> str | None:
    """Return the canonical form of a typed symbol, or None if it is not one."""
    symbol = parse(text)
    return str(symbol) if symbol else None


def split_joint(text: str) -> list[str]:
    """Split a joint symbol (`A/55/985-S/2001/574`) into its canonical members."""
    out = []
    for match in _ONE_RE.finditer(text):
        canonical = normalise(match.group(0).replace("\n", ""))
        if canonical:
            out.append(canonical)
    return out


def url_path(symbol: str) -> str:
    """Return the symbol as a URL path, without spaces (`S/RES/2334(2016)`), as undocs.org."""
    return re.sub(r"\s+", "", symbol)


#: A year printed in a symbol: a component of its own (`E/CN.15/2015/4`, `S/2000/772`,
#: `CTOC/COP/2014/1`) or in brackets (`S/RES/1325 (2000)`), between the first session of the
#: General Assembly and a few years ahead.
_SYMBOL_YEAR = re.compile(r"(?:^|/)(19[4-9]\d|20[0-4]\d)(?=/|$)|\((19[4-9]\d|20[0-4]\d)\)$")


def year_of(symbol: str) -> int | None:
    """Return the year a symbol prints (`S/RES/1325 (2000)` -> 2000), or None."""
    found = _SYMBOL_YEAR.search(symbol)
    return int(found[1] or found[2]) if found else None


@lru_cache(maxsize=131072)
def compare_key(symbol: str) -> str:
    """Return the form GUIDE.md compares symbols in: no white space or trailing `*`, folded."""
    return re.sub(r"\s+", "", symbol).rstrip("*").casefold()


@lru_cache(maxsize=131072)
def natural_key(symbol: str) -> tuple[tuple[int, object], ...]:
    """Return a sort key putting `A/70/2` before `A/70/10`."""
    return tuple(
        (0, int(tok)) if tok.isdigit() else (1, tok) for tok in re.findall(r"\d+|[^\d]+", symbol)
    )
