"""A build of a real corpus subset, read back with an HTML parser."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from htmlcheck import broken_links, parse
from undocs.build import BuildOptions, build
from undocs.site.render import Settings

ROOT = Path(__file__).resolve().parent.parent
SUBSET = [
    "seed",
    "hrc",
    "ga80",
    "misc",
    "unpc/s_res_2213__2015___2015",
    "unpc/a_69_772__2015",
    "multiun-de/2003",
]


@pytest.fixture(scope="module")
def site(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("seeds")
    for part in SUBSET:
        shutil.copytree(corpus / part, seeds / part)
    for path in sorted((corpus / "unsc").iterdir())[:40]:
        shutil.copy(path, seeds / path.name)
    out = tmp_path_factory.mktemp("out") / "_site"
    result = build(
        BuildOptions(
            seeds=seeds,
            out=out,
            content=ROOT / "content",
            settings=Settings(base_url="https://example.org/archive/"),
        )
    )
    assert result.documents > 500
    return out


def test_document_page_links_to_what_it_cites(site: Path) -> None:
    page = parse(site / "en/A/HRC/DEC/43/112/index.html")
    hrefs = {a.attrs["href"] for a in page.links()}
    assert "../../../../../../en/A/HRC/43/15/" in hrefs
    # the addendum is held in the archive: linked there, not to undocs.org
    assert "../../../../../../en/A/HRC/43/15/Add.1/" in hrefs
    assert "https://undocs.org/A/HRC/43/15/Add.1" not in hrefs
    assert page.find("h1")[0].text.strip() == "Outcome of the universal periodic review: Slovenia"


def test_cited_page_lists_the_citing_one(site: Path) -> None:
    page = parse(site / "en/A/HRC/43/15/index.html")
    cited_by = [a for a in page.links() if "A/HRC/DEC/43/112" in a.text]
    assert cited_by and cited_by[0].attrs["href"].endswith("en/A/HRC/DEC/43/112/")


def test_citation_in_the_text_links_the_exact_words(site: Path) -> None:
    page = parse(site / "en/A/HRC/DEC/43/112/index.html")
    cites = {a.text: a.attrs["href"] for a in page.find("a") if a.attrs.get("class") == "cite"}
    assert "resolution 60/251" not in cites
    assert cites["60/251"].endswith("/resolutions/general-assembly/60/251.html")
    assert cites["A/HRC/43/15"].endswith("/en/A/HRC/43/15/")


def test_resolution_page_names_it_and_lists_citing(site: Path) -> None:
    page = parse(site / "resolutions/human-rights-council/5/1.html")
    assert page.find("h1")[0].text.strip() == "Human Rights Council resolution 5/1"
    citing = {a.text.strip() for a in page.links()}
    assert any("A/HRC/DEC/43/112" in t for t in citing)
    held = parse(site / "resolutions/general-assembly/80/44.html")
    assert any(a.attrs["href"].endswith("en/A/RES/80/44/") for a in held.links())


def test_family_links_both_ways(site: Path) -> None:
    elements = parse(site / "en/A/HRC/43/15/Add.1/index.html").elements
    part_of = [i for i, e in enumerate(elements) if e.tag == "li" and e.text.startswith("Part of")]
    assert len(part_of) == 1
    link = elements[part_of[0] + 1]  # the item's link, right after it
    assert link.tag == "a" and link.text == "A/HRC/43/15"
    assert link.attrs["href"] == "../../../../../../en/A/HRC/43/15/"
    report = parse(site / "en/A/HRC/43/15/index.html")
    assert any(a.attrs["href"].endswith("en/A/HRC/43/15/Add.1/") for a in report.links())


def test_paragraph_anchor_and_cite_this(site: Path) -> None:
    page = parse(site / "en/A/RES/80/44/index.html")
    para = [p for p in page.find("span") if p.attrs.get("id") == "para-5"]
    assert para, "numbered paragraph 5 has an anchor"
    links = [a for a in page.find("a") if a.attrs.get("href") == "#para-5"]
    assert links and links[0].attrs["title"] == "A/RES/80/44, para. 5"
    assert page.find("input", id="permalink")[0].attrs["value"] == (
        "https://example.org/archive/en/A/RES/80/44/"
    )


def test_json_ld_and_opengraph(site: Path) -> None:
    page = parse(site / "en/A/RES/80/44/index.html")
    data = json.loads(page.find("script", type="application/ld+json")[0].text)
    assert data["identifier"] == "A/RES/80/44" and data["datePublished"] == "2025-12-05"
    assert page.find("meta", property="og:title")


def test_feeds_sitemap_robots(site: Path) -> None:
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    assert 0 < len(entries) <= 50
    body_feed = ET.parse(site / "bodies/security-council/feed.xml").getroot()
    assert body_feed.findall(f"{atom}entry")
    urls = [
        u.text
        for u in ET.parse(site / "sitemap.xml")
        .getroot()
        .iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert "https://example.org/archive/en/A/RES/80/44/" in urls
    assert "Sitemap: https://example.org/archive/sitemap.xml" in (site / "robots.txt").read_text()


def test_browse_pages_sorted_naturally(site: Path) -> None:
    page = parse(site / "bodies/general-assembly/session-80/index.html")
    symbols = [s.text for s in page.find("span", **{"class": "symbol"})]
    numbers = [int(s.rsplit("/", 1)[-1]) for s in symbols if s.startswith("A/RES/80/")]
    assert numbers == sorted(numbers) and numbers[:3] == [1, 2, 3]
    item = parse(site / "bodies/human-rights-council/session-43/item-6/index.html")
    assert any("A/HRC/43/15" in s.text for s in item.find("span", **{"class": "symbol"}))
    for facet in ("years/2025/", "types/resolution/", "languages/zh/", "years/", "types/"):
        assert (site / facet / "index.html").is_file()


def test_open_data_files(site: Path) -> None:
    import csv

    rows = list(csv.DictReader((site / "data/citations.csv").open(encoding="utf-8")))
    assert {"citing_file", "cited", "kind", "cited_symbol", "held"} <= set(rows[0])
    records = list(csv.DictReader((site / "data/records.csv").open(encoding="utf-8")))
    assert any(r["symbol"] == "A/RES/80/44" for r in records)
    assert (site / "data/index.html").is_file()


def test_no_internal_link_is_broken(site: Path) -> None:
    assert broken_links(site, base="/archive/") == []


def test_language_versions_and_urls(site: Path) -> None:
    for code in ("ar", "zh", "en", "fr", "ru", "es"):
        page = site / code / "S/RES/2213(2015)/index.html"
        assert page.is_file()
        html = parse(page)
        assert html.find("html")[0].attrs["lang"] == code
    assert parse(site / "ar/S/RES/2213(2015)/index.html").find("html")[0].attrs["dir"] == "rtl"


def test_seed_gets_a_stable_url_from_its_file_name(site: Path) -> None:
    page = parse(site / "fr/doc/seed/000_a4e48ed0b737bc3c/index.html")
    assert page.find("html")[0].attrs["lang"] == "fr"
    assert any(p.attrs.get("id") == "para-3" for p in page.find("span"))
    assert any(s.text == "er" for s in page.find("sup"))


def test_pagefind_filters_on_document_pages(site: Path) -> None:
    page = parse(site / "en/A/RES/80/44/index.html")
    filters = {
        e.attrs["data-pagefind-filter"]: e.text
        for e in page.elements
        if "data-pagefind-filter" in e.attrs
    }
    assert filters == {
        "body": "General Assembly",
        "language": "en",
        "year": "2025",
        "type": "resolution",
        "session": "General Assembly 80",  # the body named: every body has an 80th
    }


def test_search_index_built_per_language(site: Path) -> None:
    for code in ("en", "fr", "zh", "ar", "de"):
        entry = json.loads((site / f"pagefind/{code}/pagefind-entry.json").read_text())
        # Chinese is indexed as character bigrams split on spaces: no segmenter, "en" rules
        assert list(entry["languages"]) == (["en"] if code == "zh" else [code])
    assert (site / "search/index.html").is_file() and (site / "fr/search/index.html").is_file()
    symbols = json.loads((site / "data/symbols.json").read_text(encoding="utf-8"))
    assert ["a/hrc/43/15", "A/HRC/43/15", {"en": "en/A/HRC/43/15/"}] in symbols


def test_lists_bodies_sessions_about(site: Path) -> None:
    assert (site / "documents/page/2/index.html").is_file()
    body = site / "bodies/human-rights-council/index.html"
    sessions = [a.attrs["href"] for a in parse(body).links() if "session-" in a.attrs["href"]]
    assert any(h.endswith("session-43/") for h in sessions)
    assert "About this archive" in parse(site / "about/index.html").find("h1")[0].text


def test_records_published(site: Path) -> None:
    lines = (site / "data/records.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    assert set(first) >= {"file", "symbol", "language", "resolutions_cited", "documents_cited"}


def test_home_counts(site: Path) -> None:
    home = parse(site / "index.html")
    records = [json.loads(line) for line in (site / "data/records.jsonl").open(encoding="utf-8")]
    held = Counter(r["body"] or "Unknown body" for r in records)
    shown = {}
    for li in home.find("li"):
        name, _, count = li.text.rpartition(": ")
        if name in held:
            shown[name] = int(count)
    assert shown["Human Rights Council"] == held["Human Rights Council"] >= 10
    assert shown == {name: n for name, n in held.items() if name in shown}
    assert len(shown) == len(held)
    assert home.find("a", **{"class": "skip"})


def test_canonical_from_base_url(site: Path) -> None:
    links = parse(site / "en/A/RES/80/44/index.html").find("link", rel="canonical")
    assert links[0].attrs["href"] == "https://example.org/archive/en/A/RES/80/44/"


def test_quality_page_lists_problems_per_document(site: Path) -> None:
    page = parse(site / "quality/index.html")
    files = [dt.text.strip() for dt in page.find("dt")]
    assert any("000_a4e48ed0b737bc3c.txt" in f for f in files)
    reasons = " ".join(dd.text for dd in page.find("dd"))
    assert "resolution 5/3 resolves to no symbol" in reasons


def test_a_link_to_another_language_says_so(tmp_path: Path) -> None:
    """An English page citing a document held only in German links to the German page and
    says so (real German text of the demo archive)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    german = ROOT / "seeds/multiun-de/2006/A_61_264PARTI-de.txt"
    shutil.copy(german, seeds / "de.txt")
    (seeds / "en.md").write_text(
        "---\nsymbol: A/HRC/99/5\nlanguage: en\ndate: 2030-01-01\n---\n"
        "The Human Rights Council,\n\n1. Takes note of document A/61/264 (Part I).\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    build(BuildOptions(seeds=seeds, out=out, settings=Settings(search=False)))
    page = (out / "en/A/HRC/99/5/index.html").read_text(encoding="utf-8")
    cited = page.split('id="h-docs"')[1].split("</section>")[0]
    assert 'hreflang="de"' in cited and "(held in German only)" in cited


def test_lists_show_one_row_per_document_with_its_languages(tmp_path: Path) -> None:
    """The demo's aligned excerpts (six languages each): a list shows each symbol once, its
    title from the English version, and links to its six versions; the count says both."""
    seeds = tmp_path / "seeds"
    for name in ("e_cn_15_2015_12__2015", "s_prst_2015_2__2015", "s_prst_2015_5__2015"):
        shutil.copytree(ROOT / "seeds/unpc" / name, seeds / name)
    out = tmp_path / "_site"
    build(BuildOptions(seeds=seeds, out=out, settings=Settings(search=False)))
    page = (out / "documents/index.html").read_text(encoding="utf-8")
    assert "<p>3 documents in 18 language versions.</p>" in page
    rows = page.split('<ul class="doclist">')[1].split("</ul>")[0].split("<li>")[1:]
    assert len(rows) == 3
    for row in rows:
        first = re.search(r'<a href="([^"]+)" lang="(\w+)"', row)
        assert first and first[2] == "en" and first[1].startswith("../en/")
        langs = re.findall(r'hreflang="(\w+)"', row.split('class="langs"')[1])
        assert langs == ["ar", "en", "es", "fr", "ru", "zh"]
    by_language = (out / "languages/fr/index.html").read_text(encoding="utf-8")
    assert "<p>3 documents.</p>" in by_language


def test_templates_print_what_markupsafe_escapes(tmp_path: Path) -> None:
    """Templates print values with render.printed, not markupsafe's escape: the same text,
    for strings with every character HTML marks, Markup kept as it is, numbers, and the
    values of a `{% set %}` block and a macro (escaped once, not twice)."""
    import jinja2
    from markupsafe import Markup

    from undocs.site.render import environment

    source = (
        "{% macro m(v) %}<b>{{ v }}</b>{% endmacro %}{% set block %}<i>{{ s }}</i>{% endset %}"
        "{{ s }}|{{ safe }}|{{ n }}|{{ m(s) }}|{{ block }}|{{ s ~ safe }}|{{ none }}"
    )
    values = {
        "s": "A & B <c> \"d\" 'e' &amp;",
        "safe": Markup("<em>&amp;</em>"),
        "n": 42,
        "none": None,
    }
    (tmp_path / "t.html").write_text(source, encoding="utf-8")
    ours = environment(Settings(templates=tmp_path)).get_template("t.html").render(values)
    plain = jinja2.Environment(autoescape=True).from_string(source).render(values)
    assert ours == plain
    assert "A &amp; B &lt;c&gt; &#34;d&#34; &#39;e&#39; &amp;amp;" in ours
