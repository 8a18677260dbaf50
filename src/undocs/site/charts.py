"""Small bar charts of counts by year, drawn at build time as inline SVG: no JavaScript, a
few KB, each with a text alternative (its caption: what it shows in one sentence) and its
figures in a table a reader can open.

A chart counts what its page lists: a resolution's citing documents (one per symbol, not per
language version), a body's documents, the archive's documents. A document with no year
counts as undated, said in the sentence, not drawn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from .i18n import direction, gettext, ngettext, spoken

#: What a chart counts: documents, or the documents citing one.
DOCUMENTS, CITING = "documents", "citing documents"

#: Width of a year's bar and of the gap after it, and the height of the tallest bar, in the
#: SVG's units (one unit is one CSS pixel at full size).
_BAR, _GAP, _HEIGHT = 8, 2, 48
#: Room under the bars for the first and last year.
_AXIS = 14
#: The fewest years with a count a chart is drawn for.
_FEWEST_YEARS = 2
#: The narrowest chart drawn (a chart of two years is not a stub).
_MIN_WIDTH = 120


@dataclass(frozen=True)
class YearCounts:
    """How many of something fall in each year."""

    what: str
    """What is counted: `DOCUMENTS` or `CITING` (documents)."""
    counts: tuple[tuple[int, int], ...]
    """(year, count) for every year from the first to the last, zeros included."""
    undated: int = 0

    @property
    def total(self) -> int:
        """Everything counted, the undated included."""
        return sum(n for _, n in self.counts) + self.undated

    def sentence(self) -> str:
        """Say in words, in the language spoken (`i18n.speaking`), what the chart draws."""
        citing = self.what == CITING
        dated = [(year, n) for year, n in self.counts if n]
        if not dated:
            if citing:
                return gettext("No citing documents with a year.")
            return gettext("No documents with a year.")
        first, last = self.counts[0][0], self.counts[-1][0]
        peak = max(dated, key=lambda yn: (yn[1], yn[0]))
        span = (
            gettext("in %(year)s") % {"year": first}
            if first == last
            else gettext("from %(first)s to %(last)s") % {"first": first, "last": last}
        )
        count = sum(n for _, n in dated)
        if citing:
            text = ngettext(
                "%(count)s citing document by year, %(span)s",
                "%(count)s citing documents by year, %(span)s",
                count,
            )
        else:
            text = ngettext(
                "%(count)s document by year, %(span)s",
                "%(count)s documents by year, %(span)s",
                count,
            )
        text %= {"count": count, "span": span}
        if len(dated) > 1:
            text += gettext("; most in %(year)s (%(count)s)") % {"year": peak[0], "count": peak[1]}
        if self.undated:
            text += gettext("; %(count)s undated") % {"count": self.undated}
        return text + gettext(".")


def year_counts(what: str, years: Iterable[int | None] | Mapping[int | None, int]) -> YearCounts:
    """Count `years` (None: undated; a mapping: already counted), every year from the
    first to the last listed."""
    counted = Counter(years)
    undated = counted.pop(None, 0)
    dated = {year: n for year, n in counted.items() if year is not None and n}
    if not dated:
        return YearCounts(what, (), undated)
    span = range(min(dated), max(dated) + 1)
    return YearCounts(what, tuple((year, dated.get(year, 0)) for year in span), undated)


def chart(counts: YearCounts | None, name: str) -> Markup:
    """Return the chart of `counts` in the language spoken, its years running right to left
    where that language is written so (templates' `chart()`); nothing for none."""
    if counts is None:
        return Markup("")
    return year_chart(counts, name, rtl=direction(spoken()) == "rtl")


def year_chart(chart: YearCounts, name: str, rtl: bool = False) -> Markup:
    """Return a figure: the bars (years running right to left with `rtl`, for a page in a
    right-to-left interface), the sentence as its caption, and a table of the years with a
    count; nothing when fewer than two years have a count. `name` makes the ids unique on
    the page."""
    if sum(1 for _, n in chart.counts if n) < _FEWEST_YEARS:
        return Markup("")  # one bar tells nothing a sentence would not
    tallest = max(n for _, n in chart.counts)
    width = max(_MIN_WIDTH, len(chart.counts) * (_BAR + _GAP))
    offset = (width - len(chart.counts) * (_BAR + _GAP)) // 2
    bars = []
    for i, (year, n) in enumerate(chart.counts):
        if not n:
            continue
        height = max(1, round(n / tallest * _HEIGHT))
        x = offset + i * (_BAR + _GAP)
        if rtl:
            x = width - x - _BAR
        bars.append(
            f'<rect x="{x}" y="{_HEIGHT - height}" width="{_BAR}" height="{height}">'
            f"<title>{year}: {n}</title></rect>"
        )
    first, last = chart.counts[0][0], chart.counts[-1][0]
    start, end = (str(last), str(first)) if rtl else (str(first), str(last))
    axis = f'<text x="{offset}" y="{_HEIGHT + _AXIS - 2}">{start}</text>' + (
        f'<text x="{width - offset}" y="{_HEIGHT + _AXIS - 2}" text-anchor="end">{end}</text>'
        if first != last
        else ""
    )
    sentence = escape(chart.sentence())
    what = gettext("Citing documents") if chart.what == CITING else gettext("Documents")
    figures, year_label = escape(gettext("Figures")), escape(gettext("Year"))
    rows = "".join(f"<tr><td>{year}</td><td>{n}</td></tr>" for year, n in chart.counts if n)
    # the caption says what the bars draw and the table holds their figures: the picture
    # itself is hidden from screen readers, which would read it bar by bar
    return Markup(
        # the bars and their years are drawn left to right (mirrored with `rtl`); the caption
        # runs as the page does
        f'<figure class="chart" aria-labelledby="{name}-caption">'
        f'<svg dir="ltr" aria-hidden="true" focusable="false" '
        f'viewBox="0 0 {width} {_HEIGHT + _AXIS}" '
        f'width="{width}" height="{_HEIGHT + _AXIS}">'
        f'<line x1="0" y1="{_HEIGHT + 0.5}" x2="{width}" y2="{_HEIGHT + 0.5}"/>'
        f"{''.join(bars)}{axis}</svg>"
        f'<figcaption id="{name}-caption">{sentence} <details><summary>'
        f'{figures}</summary><table class="chart-data"><thead><tr>'
        f'<th scope="col">{year_label}</th><th scope="col">{escape(what)}</th>'
        f"</tr></thead>"
        f"<tbody>{rows}</tbody></table></details></figcaption></figure>"
    )
