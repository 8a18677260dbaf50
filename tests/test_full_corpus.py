"""The whole shared corpus, built for real: no crash, every internal link resolves."""

from __future__ import annotations

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
