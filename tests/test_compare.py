"""Comparisons: a revision, a resolution and its draft, a series from year to year, two
languages side by side; the paragraphs aligned, the words changed marked."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from undocs.build import BuildOptions, build
from undocs.site.compare import compare, paragraphs, side_by_side, words
from undocs.site.render import Settings

# Two years of "Cooperation between the United Nations and the Economic Cooperation
# Organization" (A/RES/54/100 and A/RES/55/42, shortened): a paragraph inserted, one
# deleted, one with words changed, one moved.
BEFORE = """The General Assembly,

Recalling its resolution 48/2 of 13 October 1993, by which it granted observer status
to the Economic Cooperation Organization,

Recalling also its resolutions 50/1 of 12 October 1995 and 51/21 of 27 November 1996,

Welcoming the steps taken by the Economic Cooperation Organization to achieve its objectives,

1. Takes note with appreciation of the report of the Secretary-General;

2. Invites the United Nations system to continue its cooperation with the Organization;

3. Requests the Secretary-General to submit a report at its fifty-fifth session;
"""

AFTER = """The General Assembly,

Recalling its resolution 48/2 of 13 October 1993, by which it granted observer status
to the Economic Cooperation Organization,

Welcoming the steps taken by the Economic Cooperation Organization to achieve its objectives,

Taking note of the Tehran Declaration adopted at the sixth summit meeting,

1. Takes note with appreciation of the report of the Secretary-General;

2. Requests the Secretary-General to submit a report at its fifty-sixth session;

3. Invites the United Nations system to continue its cooperation with the Organization;
"""


def test_an_inserted_a_deleted_a_changed_and_a_moved_paragraph_are_marked() -> None:
    changes = compare(paragraphs(BEFORE), paragraphs(AFTER))
    kinds = [row.kind for row in changes.rows]
    assert kinds.count("inserted") == 1 and kinds.count("deleted") == 1
    inserted = next(row for row in changes.rows if row.kind == "inserted")
    assert (
        inserted.html
        == "<ins>Taking note of the Tehran Declaration adopted at the sixth summit meeting,</ins>"
    )
    deleted = next(row for row in changes.rows if row.kind == "deleted")
    assert deleted.html.startswith("<del>Recalling also its resolutions 50/1")
    changed = [row for row in changes.rows if row.kind in ("changed", "moved")]
    report = next(row for row in changed if "Requests" in row.html)
    assert "fifty-<del>fifth </del><ins>sixth </ins>session" in report.html
    assert (report.old, report.new) == ("3", "2")  # renumbered: aligned by content
    assert changes.count("same") >= 3 and not changes.identical


def test_words_are_marked_in_place_and_escaped() -> None:
    assert words("Decides to meet in Geneva;", "Decides to meet in New York;") == (
        "Decides to meet in <del>Geneva</del><ins>New York</ins>;"
    )
    marked = words("a < b", "a < b & c")
    assert "&lt;" in marked and "<ins>&amp; c</ins>" in marked and "< b" not in marked
    same = compare(paragraphs(BEFORE), paragraphs(BEFORE))
    assert same.identical


def test_two_languages_pair_by_paragraph_number() -> None:
    english = paragraphs("Introduction\n\n1. First.\n\n2. Second.\n\n3. Third.")
    french = paragraphs("Introduction\n\n1. Premier.\n\n3. Troisième.\n\nNote")
    pairs = [(a and a.text, b and b.text) for a, b in side_by_side(english, french)]
    assert pairs[0] == ("Introduction", "Introduction")
    assert ("1. First.", "1. Premier.") in pairs
    assert ("3. Third.", "3. Troisième.") in pairs
    assert ("2. Second.", None) in pairs


def _resolution(symbol: str, date: str, body: str) -> str:
    return f"""---
symbol: "{symbol}"
date: "{date}"
language: en
title: "Cooperation between the United Nations and the Economic Cooperation Organization"
body: "General Assembly"
document_type: resolution
---
{body}"""


def test_a_series_links_its_years_and_compares_each_with_the_one_before(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "54_100.md").write_text(_resolution("A/RES/54/100", "1999-12-09", BEFORE))
    (seeds / "55_42.md").write_text(_resolution("A/RES/55/42", "2000-11-21", AFTER))
    out = tmp_path / "_site"
    options = BuildOptions(seeds=seeds, out=out, settings=Settings(search=False))
    build(options)
    page = out / "en/A/RES/55/42/compare/A/RES/54/100/index.html"
    html = page.read_text(encoding="utf-8")
    assert "<ins>Taking note of the Tehran Declaration" in html
    assert "fifty-<del>fifth </del><ins>sixth </ins>session" in html
    assert re.search(r"1 inserted, 1 deleted", html)
    newer = (out / "en/A/RES/55/42/index.html").read_text(encoding="utf-8")
    assert 'en/A/RES/55/42/compare/A/RES/54/100/">What changed since A/RES/54/100' in newer
    assert "Previous in this series" in newer
    older = (out / "en/A/RES/54/100/index.html").read_text(encoding="utf-8")
    assert "Next in this series" in older and "what changed" in older
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "/compare/" not in sitemap

    # a third year joins: the second's page links it, and the build is the clean build's
    third = AFTER.replace("fifty-sixth", "fifty-seventh")
    (seeds / "56_44.md").write_text(_resolution("A/RES/56/44", "2001-12-14", third))
    build(options)
    newer = (out / "en/A/RES/55/42/index.html").read_text(encoding="utf-8")
    assert "Next in this series" in newer
    assert (out / "en/A/RES/56/44/compare/A/RES/55/42/index.html").is_file()
    clean = tmp_path / "clean"
    build(BuildOptions(seeds=seeds, out=clean, settings=Settings(search=False)))
    for path in clean.rglob("*.html"):
        assert (out / path.relative_to(clean)).read_bytes() == path.read_bytes(), path

    # its title changed, the third leaves the series: its comparison goes
    (seeds / "56_44.md").write_text(
        _resolution("A/RES/56/44", "2001-12-14", third).replace("Economic", "Regional")
    )
    build(options)
    assert not (out / "en/A/RES/56/44/compare/A/RES/55/42/index.html").exists()
    assert "Next in this series" not in (out / "en/A/RES/55/42/index.html").read_text("utf-8")


def test_the_demo_compares_drafts_and_shows_languages_side_by_side(demo_site: Path) -> None:
    page = demo_site / "de/A/RES/60/251/compare/A/60/L.48/index.html"
    html = page.read_text(encoding="utf-8")
    assert 'Was sich von <bdi dir="ltr">A/60/L.48</bdi>' in html  # in German
    adopted = (demo_site / "de/A/RES/60/251/index.html").read_text(encoding="utf-8")
    assert "compare/A/60/L.48/" in adopted and "(ihr Entwurf)" in adopted  # in German
    parallel = (demo_site / "ar/A/70/68/parallel/en/index.html").read_text(encoding="utf-8")
    sides = re.findall(r'<p class="side" lang="(\w+)" dir="(\w+)"', parallel)
    assert sides[:2] == [("en", "ltr"), ("ar", "rtl")] and len(sides) >= 4
    english = (demo_site / "en/A/70/68/index.html").read_text(encoding="utf-8")
    for code in ("ar", "es", "fr", "ru", "zh"):
        assert f'href="../../../../{code}/A/70/68/parallel/en/" hreflang="{code}"' in english


@pytest.mark.slow
def test_two_years_of_a_german_series_on_the_corpus(corpus: Path, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(corpus / "multiun-de" / "2000", seeds / "2000")
    shutil.copytree(corpus / "multiun-de" / "2001", seeds / "2001")
    out = tmp_path / "_site"
    build(BuildOptions(seeds=seeds, out=out, settings=Settings(search=False)))
    pages = list(out.glob("de/A/RES/*/*/compare/A/RES/*/*/index.html"))
    assert len(pages) >= 50, len(pages)
    marked = {"<ins>": 0, "<del>": 0, 'class="change changed"': 0}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for mark in marked:
            marked[mark] += mark in html
    assert min(marked.values()) >= 20, marked
