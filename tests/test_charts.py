"""Charts by year: the figures drawn are the lists' counts, the picture says it in words."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from undocs.site.charts import year_chart, year_counts


def test_years_are_counted_with_the_gaps_and_the_undated() -> None:
    chart = year_counts("citing documents", [2003, 2000, 2003, None, 2005])
    assert chart.counts == ((2000, 1), (2001, 0), (2002, 0), (2003, 2), (2004, 0), (2005, 1))
    assert chart.undated == 1 and chart.total == 5
    assert chart.sentence() == (
        "4 citing documents by year, from 2000 to 2005; most in 2003 (2); 1 undated."
    )
    assert year_counts("documents", {2001: 3}).sentence() == "3 documents by year, in 2001."
    assert year_counts("documents", [None]).sentence() == "No documents with a year."


def test_a_bar_per_year_with_a_count_scaled_to_the_tallest() -> None:
    html = str(year_chart(year_counts("documents", [2000, 2000, 2002]), "c"))
    bars = re.findall(
        r'<rect x="(\d+)" y="(\d+)" width="8" height="(\d+)"><title>(\d+): (\d+)', html
    )
    assert [(year, n) for *_, year, n in bars] == [("2000", "2"), ("2002", "1")]
    assert [int(h) for _, _, h, _, _ in bars] == [48, 24]
    assert 'aria-hidden="true"' in html and 'aria-labelledby="c-caption"' in html
    assert '<figcaption id="c-caption">3 documents by year' in html
    assert year_chart(year_counts("documents", []), "c") == ""
    assert year_chart(year_counts("documents", [2001, 2001, None]), "c") == ""


def test_right_to_left_runs_the_years_from_the_right() -> None:
    ltr = str(year_chart(year_counts("documents", [2000, 2010]), "c"))
    rtl = str(year_chart(year_counts("documents", [2000, 2010]), "c", rtl=True))
    first = re.compile(r'<rect x="(\d+)"[^>]*><title>2000')
    assert int(first.search(ltr)[1]) < int(first.search(rtl)[1])
    assert re.search(r'<text x="\d+" y="\d+">2010</text>', rtl)


class _Figures(HTMLParser):
    """The figures of each chart on a page: (caption, [(year, count)])."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: list[tuple[str, list[tuple[int, int]]]] = []
        self._cells: list[str] | None = None
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "figcaption":
            self.charts.append(("", []))
            self._in = "caption"
        elif tag == "details":
            self._in = None
        elif tag == "tr" and self.charts:
            self._cells = []
        elif tag == "td" and self._cells is not None:
            self._in = "td"
            self._cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self._cells:
            self.charts[-1][1].append((int(self._cells[0]), int(self._cells[1])))
            self._cells = None
        if tag in ("td", "figcaption"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "caption":
            caption, rows = self.charts[-1]
            self.charts[-1] = (caption + data, rows)
        elif self._in == "td" and self._cells is not None:
            self._cells[-1] += data


def _figures(path: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    parser = _Figures()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.charts


def _undated(caption: str) -> int:
    found = re.search(r"(\d+) undated", caption)
    return int(found[1]) if found else 0


def test_the_charts_count_what_their_pages_list(demo_site: Path) -> None:
    checked = {"resolution": 0, "document": 0, "body": 0}
    for page in demo_site.glob("resolutions/*/*.html"):
        html = page.read_text(encoding="utf-8")
        cited = int(re.search(r"Cited by (\d+) document", html)[1])
        charts = _figures(page)
        if charts:
            ((caption, rows),) = charts
            assert sum(n for _, n in rows) + _undated(caption) == cited, page
            assert len(rows) >= 2
            checked["resolution"] += 1
    for page in demo_site.glob("*/**/index.html"):
        html = page.read_text(encoding="utf-8")
        if 'id="h-citedby"' not in html:
            continue
        # "Cited by (3)", "Cité par (3)", "被引用（3）": in the page's language
        cited = int(re.search(r'id="h-citedby">[^<(（]*[(（](\d+)[)）]', html)[1])
        listed = re.search(r'<ul class="citedby"[^>]*>(.*?)</ul>', html, re.S)
        assert (len(re.findall(r"<li[ >]", listed[1])) if listed else 0) == cited
        charts = _figures(page)
        if charts:
            ((caption, counts),) = charts
            assert sum(n for _, n in counts) + _undated(caption) == cited, page
            checked["document"] += 1
    for page in demo_site.glob("bodies/*/index.html"):
        html = page.read_text(encoding="utf-8")
        total = int(re.search(r"<p>(\d+) documents? in", html + "<p>0 documents in")[1])
        if total == 0:
            total = int(re.search(r"<p>(\d+) document", html)[1])
        for caption, counts in _figures(page):
            assert sum(n for _, n in counts) + _undated(caption) == total, page
            checked["body"] += 1
    ((caption, counts),) = _figures(demo_site / "index.html")
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    held = int(re.search(r"The archive holds <strong>(\d+)</strong>", home)[1])
    assert sum(n for _, n in counts) + _undated(caption) == held
    assert min(checked.values()) >= 3, checked
