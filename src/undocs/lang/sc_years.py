"""The years of the Security Council's resolutions, for citations printed without one.

"Security Council resolution 338" names S/RES/338 (1973): the Council numbers its
resolutions in one series, in order of adoption, so a number lies in one year. `YEARS` holds,
for each year, the lowest and highest numbers of the 1,464 resolutions with their year that
the shared corpus's manifest lists (written by tools/sc_years.py); a number inside a year's
range has that year, one between two years' ranges has none (it is not guessed).
"""

from __future__ import annotations

from bisect import bisect_right

#: (year, lowest number, highest number) of the resolutions known, by year.
YEARS: tuple[tuple[int, int, int], ...] = (
    (1946, 1, 15),
    (1947, 16, 37),
    (1948, 38, 66),
    (1949, 67, 78),
    (1950, 79, 89),
    (1951, 90, 96),
    (1952, 98, 98),
    (1953, 99, 103),
    (1954, 104, 105),
    (1955, 106, 110),
    (1956, 111, 121),
    (1957, 122, 126),
    (1958, 127, 131),
    (1959, 132, 132),
    (1960, 133, 160),
    (1961, 161, 170),
    (1962, 171, 177),
    (1963, 178, 185),
    (1964, 186, 199),
    (1965, 200, 219),
    (1966, 220, 232),
    (1967, 233, 244),
    (1968, 245, 262),
    (1969, 264, 275),
    (1970, 276, 291),
    (1971, 292, 307),
    (1972, 308, 324),
    (1973, 325, 344),
    (1974, 345, 366),
    (1975, 367, 384),
    (1976, 385, 402),
    (1977, 403, 422),
    (1978, 423, 443),
    (1979, 444, 461),
    (1980, 462, 484),
    (1981, 485, 499),
    (1982, 500, 528),
    (1983, 529, 545),
    (1984, 546, 559),
    (1985, 560, 579),
    (1986, 581, 593),
    (1987, 594, 606),
    (1988, 607, 626),
    (1989, 627, 646),
    (1990, 647, 683),
    (1991, 684, 725),
    (1992, 726, 798),
    (1993, 800, 892),
    (1994, 893, 902),
    (2000, 1285, 1334),
    (2001, 1335, 1386),
    (2002, 1387, 1454),
    (2003, 1455, 1521),
    (2004, 1522, 1580),
    (2005, 1581, 1651),
    (2006, 1652, 1738),
    (2007, 1739, 1794),
    (2008, 1795, 1859),
    (2009, 1860, 1888),
    (2015, 2196, 2223),
)
_FIRSTS = [first for _, first, _ in YEARS]


def year_of(number: int) -> int | None:
    """Return the year of Security Council resolution `number`, where it is certain."""
    at = bisect_right(_FIRSTS, number) - 1
    if at < 0:
        return None
    year, _, last = YEARS[at]
    return year if number <= last else None
