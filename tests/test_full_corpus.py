"""The whole shared corpus, built for real: no crash, every internal link resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from htmlcheck import broken_links
from undocs.build import BuildOptions, build
from undocs.site.render import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_full_corpus_builds_with_no_broken_link(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = build(
        BuildOptions(
            seeds=corpus, out=out, content=ROOT / "content", settings=Settings(search=False)
        )
    )
    assert result.documents >= 13_800
    assert not [p for p in result.problems if p.severity == "error"]
    assert broken_links(out) == []
    documents = sum(1 for _ in (out / "en").rglob("index.html"))
    assert documents > 2_000
    assert len(list((out / "resolutions").rglob("*.html"))) > 5_000


#: A numbered paragraph's start as printed: its number, a full stop, and words on its line.
_NUMBERED = re.compile(r"^[ \t]*(\d{1,3})\.[ \t]+\S", re.MULTILINE)


def test_no_numbered_paragraph_lost_to_the_text_cleaning(corpus: Path) -> None:
    """Over every text of the corpus: each paragraph number printed at a line's start gets its
    `#para-N` anchor on the page. Print leftovers (page and job numbers, running headers,
    barcodes) and leader dots are cleaned from the text; no numbered paragraph may be."""
    from undocs.lang.languages import normalise_digits
    from undocs.read.loader import load_file, scan_sources
    from undocs.site.textbody import render_body

    numbers = 0
    lost: dict[str, list[str]] = {}
    for source in scan_sources(corpus):
        path = Path(source.path)
        record, _ = load_file(path, path.name)
        printed = {
            m[1] for m in _NUMBERED.finditer(normalise_digits(record.text[record.body_offset :]))
        }
        html = render_body(record.text, record.body_offset, (), lambda c: None, "x", record.symbol)
        anchored = set(re.findall(r'id="para-(\d+)"', html))
        numbers += len(printed)
        if printed - anchored:
            lost[source.path] = sorted(printed - anchored, key=int)
    assert numbers > 60_000
    assert not lost, list(lost.items())[:5]
