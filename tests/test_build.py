"""A build of a real corpus subset, read back with an HTML parser."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from htmlcheck import broken_links, parse
from undocs.build import BuildOptions, build
from undocs.render import Settings

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
    assert "https://undocs.org/A/HRC/43/15/Add.1" in hrefs or any(
        h.endswith("en/A/HRC/43/15/Add.1/") for h in hrefs
    )
    assert page.find("h1")[0].text.strip() == "Outcome of the universal periodic review: Slovenia"


def test_cited_page_lists_the_citing_one(site: Path) -> None:
    page = parse(site / "en/A/HRC/43/15/index.html")
    cited_by = [a for a in page.links() if "A/HRC/DEC/43/112" in a.text]
    assert cited_by and cited_by[0].attrs["href"].endswith("en/A/HRC/DEC/43/112/")


def test_citation_in_the_text_links_the_exact_words(site: Path) -> None:
    page = parse(site / "en/A/HRC/DEC/43/112/index.html")
    cites = {a.text: a.attrs["href"] for a in page.find("a") if a.attrs.get("class") == "cite"}
    assert "resolution 60/251" not in cites
    assert cites.get("60/251", "").endswith("A/RES/60/251")


def test_no_internal_link_is_broken(site: Path) -> None:
    assert broken_links(site) == []


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
    assert any(p.attrs.get("id") == "para-3" for p in page.find("p"))
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
        "session": "80",
    }


def test_search_index_built_per_language(site: Path) -> None:
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text())
    assert {"en", "fr", "zh", "ar", "de"} <= set(entry["languages"])
    assert (site / "search/index.html").is_file() and (site / "fr/search/index.html").is_file()


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
    assert "Human Rights Council" in " ".join(li.text for li in home.find("li"))
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
