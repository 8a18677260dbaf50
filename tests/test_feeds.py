"""Atom feeds valid as RFC 4287 asks: absolute ids, dates, an entry per document."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from undocs.build import BuildOptions, build
from undocs.site.render import Settings

ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})")


@pytest.fixture(
    scope="module", params=["", "https://example.org/archive/"], ids=["no base", "base"]
)
def feeds(request, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[Path]]:
    base = tmp_path_factory.mktemp("feeds")
    seeds = base / "seeds"
    for part in ("hrc", "unsc", "ga80"):
        shutil.copytree(ROOT / "seeds" / part, seeds / part)
    out = base / "site"
    build(
        BuildOptions(seeds=seeds, out=out, settings=Settings(base_url=request.param, search=False))
    )
    found = sorted(out.rglob("feed.xml"))
    assert len(found) > 3  # the site's and one per body
    return request.param, found


def test_every_feed_is_valid_atom(feeds) -> None:
    base_url, paths = feeds
    for path in paths:
        feed = ET.parse(path).getroot()
        assert feed.tag == f"{ATOM}feed", path
        for element in [feed, *feed.findall(f"{ATOM}entry")]:
            ids = element.findall(f"{ATOM}id")
            assert len(ids) == 1 and urlsplit(ids[0].text or "").scheme, (path, ids)
            assert element.find(f"{ATOM}title") is not None
            updated = element.findall(f"{ATOM}updated")
            assert len(updated) == 1 and DATE.fullmatch(updated[0].text or ""), path
            assert element.find(f"{ATOM}link[@rel='alternate']") is not None
        assert feed.find(f"{ATOM}author/{ATOM}name") is not None
        if base_url:
            assert feed.find(f"{ATOM}id").text.startswith(base_url)  # type: ignore[union-attr]
        entries = feed.findall(f"{ATOM}entry")
        ids = [e.find(f"{ATOM}id").text for e in entries]  # type: ignore[union-attr]
        assert len(ids) == len(set(ids)), path


def test_a_feed_is_dated_by_its_newest_entry(feeds) -> None:
    _, paths = feeds
    for path in paths:
        feed = ET.parse(path).getroot()
        updated = feed.find(f"{ATOM}updated").text  # type: ignore[union-attr]
        dates = [e.find(f"{ATOM}updated").text for e in feed.findall(f"{ATOM}entry")]  # type: ignore[union-attr]
        assert not updated.startswith("1970"), path  # type: ignore[union-attr]
        if dates:
            assert updated == max(dates), path
