"""Every page kind's URL and output path (`undocs.urls`)."""

from __future__ import annotations

from undocs import urls
from undocs.model import ResolutionKey


def test_document_urls_from_symbols() -> None:
    assert urls.symbol_path("A/RES/70/1") == "A/RES/70/1"
    assert urls.document_url("en", "A/RES/70/1") == "en/A/RES/70/1/"
    assert urls.symbol_path("S/RES/2334 (2016)") == "S/RES/2334(2016)"
    assert urls.symbol_path("A/" + "X" * 300) is None  # a component too long to be a path
    assert urls.fallback_url("fr", "seed/000 a.txt").startswith("fr/doc/seed/000_a-")


def test_unsafe_file_names_stay_apart() -> None:
    one, two = urls.file_path("a b.txt"), urls.file_path("a?b.txt")
    assert one != two
    assert "/" not in one and ".." not in urls.file_path("../../etc/passwd.txt")


def test_resolution_and_browse_urls() -> None:
    key = ResolutionKey("General Assembly", "60/251")
    assert urls.resolution_url(key) == "resolutions/general-assembly/60/251.html"
    assert urls.item_url("Human Rights Council", 28, "2 (c)") == (
        "bodies/human-rights-council/session-28/item-2c/"
    )
    assert urls.body_feed_url("Security Council") == "bodies/security-council/feed.xml"
    assert urls.facet_url("years") == "years/"
    assert urls.facet_url("languages", "fr") == "languages/fr/"
    assert urls.list_url("documents/", 1) == "documents/"
    assert urls.list_url("documents/", 3) == "documents/page/3/"
    assert urls.search_url("zh") == "zh/search/"


def test_content_pages() -> None:
    assert urls.content_url("About Us.md") == "about-us/"
    assert urls.content_url("guides/How.md") == "guides/how/"
    assert urls.content_url("index.md") == ""  # would replace the home page


def test_output_paths_and_relative_roots() -> None:
    assert urls.dest_path("en/A/RES/70/1/") == "en/A/RES/70/1/index.html"
    assert urls.dest_path("resolutions/security-council/2334(2016).html") == (
        "resolutions/security-council/2334(2016).html"
    )
    assert urls.dest_path(urls.HOME) == "index.html"
    assert urls.dest_path(urls.FEED) == "feed.xml"
    assert urls.root_of("en/A/RES/70/1/") == "../../../../../"
    assert urls.root_of(urls.HOME) == ""
