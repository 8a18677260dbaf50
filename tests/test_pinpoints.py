"""Pinpoint citations: the paragraphs a text names with what it cites, read from real
sentences of the corpus in every language, linked to the cited page's paragraph and listed
on its cited-by."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from undocs.build import BuildOptions, build
from undocs.read.citations import find_citations
from undocs.site.render import Settings

ROOT = Path(__file__).resolve().parent.parent


def _pinned(text: str, code: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.target, c.paragraphs) for c in find_citations(text, code, None)]


PINPOINTS = [
    # (language, sentence from the corpus, (cited, paragraphs) in order)
    (
        "en",
        "Invites the Secretary-General to continue his role as set out in paragraph 4 of "
        "resolution 731 (1992);",
        [("731 (1992)", ("4",))],
    ),
    (
        "en",
        "and reaffirms the provisions of paragraphs 12, 13, 14 and 16 of resolution 2140 (2014);",
        [("2140 (2014)", ("12", "13", "14", "16"))],
    ),
    (
        "en",
        "as provided for in paragraphs 7 to 10 of resolution 46/36 L;",
        [("46/36 L", ("7", "8", "9", "10"))],
    ),
    (
        "en",
        "pursuant to paragraph 1 of resolution 61/75, paragraph 2 of resolution 62/43, "
        "paragraph 2 of resolution 63/68 and paragraph 2 of resolution 64/49,",
        [("61/75", ("1",)), ("62/43", ("2",)), ("63/68", ("2",)), ("64/49", ("2",))],
    ),
    ("en", "10 CCPR/C/SVN/CO/3, para. 6. See also", [("CCPR/C/SVN/CO/3", ("6",))]),
    ("en", "(A/80/534, para. 7)", [("A/80/534", ("7",))]),
    ("en", "in line with Council resolution 5/1, paragraph 15", [("5/1", ("15",))]),
    # a paragraph of an annex, or of a section, is not the resolution's own
    ("en", "paragraph 5 of the annex to Council resolution 16/21", [("16/21", ())]),
    (
        "fr",
        "en tenant compte des paragraphes 5 et 6 de la résolution 1502 (2003) du Conseil",
        [("1502 (2003)", ("5", "6"))],
    ),
    (
        "es",
        "En el párrafo 6 de su resolución 2169 (2014), el Consejo de Seguridad",
        [("2169 (2014)", ("6",))],
    ),
    (
        "de",
        "Ziffer 2 der Resolution 1267 (1999) und in den Ziffern 1, 2 und 3 der Resolution "
        "1333 (2000) enthaltenen Forderungen",
        [("1267 (1999)", ("2",)), ("1333 (2000)", ("1", "2", "3"))],
    ),
    (
        "de",
        "im Einklang mit Ziffer 8 a) und 8 b) der Resolution 986 (1995)",
        [("986 (1995)", ("8",))],
    ),
    ("de", "(A/55/971, Ziffer 6)", [("A/55/971", ("6",))]),
    (
        "de",
        "über den in Abschnitt XI Ziffer 2 ihrer Resolution 44/201 B erbetenen Bericht",
        [("44/201 B", ())],
    ),
    (
        "ru",
        "и вновь подтверждает положения пунктов 10 и 12 резолюции 1807 (2008) в отношении",
        [("1807 (2008)", ("10", "12"))],
    ),
    (
        "ar",
        "بصيغتها المحددة في الفقرة 26 من القرار 1874 (2009)، 3 - يطلب",
        [("1874 (2009)", ("26",))],
    ),
    ("ar", "الفقرتين 3 و 4 من القرار 1267 (1999)", [("1267 (1999)", ("3", "4"))]),
    (
        "zh",
        "关于南苏丹的第2206(2015)号决议第9段和第12段是通过下列立法实施的",
        [("2206 (2015)", ("9", "12"))],
    ),
    ("zh", "1. 安全理事会在第2169(2014)号决议第6段中要求我", [("2169 (2014)", ("6",))]),
]


@pytest.mark.parametrize(("code", "text", "expected"), PINPOINTS)
def test_paragraphs_named_with_a_citation_are_read(code: str, text: str, expected: list) -> None:
    assert _pinned(text, code) == expected


def test_a_paragraph_of_a_list_of_resolutions_is_none_s() -> None:
    # which resolution's paragraph 5? The text does not say.
    assert _pinned("paragraph 5 of resolutions 1/2 and 3/4", "en") == [("1/2", ()), ("3/4", ())]


_CITED = """\
United Nations S/RES/731 (1992)

Security Council Distr.: General
21 January 1992

Resolution 731 (1992)

The Security Council,

1. Condemns the destruction of Pan Am flight 103;

2. Strongly deplores the fact that the Libyan Government has not yet responded;

3. Urges the Libyan Government immediately to provide a full and effective response;

4. Requests the Secretary-General to seek the cooperation of the Libyan Government;
"""

_CITING = """\
United Nations S/RES/748 (1992)

Security Council Distr.: General
31 March 1992

Resolution 748 (1992)

The Security Council,

1. Decides that the Libyan Government must comply with paragraph 3 of resolution 731 (1992);

2. Invites the Secretary-General to continue his role as set out in paragraph 4 of
resolution 731 (1992), and paragraph 9 of resolution 731 (1992);
"""


def test_a_pinpoint_links_the_paragraph_and_the_cited_page_lists_it(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "S_RES_731.txt").write_text(_CITED, encoding="utf-8")
    (seeds / "S_RES_748.txt").write_text(_CITING, encoding="utf-8")
    out = tmp_path / "_site"
    build(BuildOptions(seeds=seeds, out=out, settings=Settings(search=False)))
    citing = (out / "en/S/RES/748(1992)/index.html").read_text(encoding="utf-8")
    links = re.findall(r'class="cite" dir="ltr" href="([^"]+)"', citing)
    # paragraph 9 is not on the cited page: the link goes to the page
    assert links == [
        "../../../../en/S/RES/731(1992)/#para-3",
        "../../../../en/S/RES/731(1992)/#para-4",
        "../../../../en/S/RES/731(1992)/",
    ]
    cited = (out / "en/S/RES/731(1992)/index.html").read_text(encoding="utf-8")
    assert 'id="para-3"' in cited and 'id="para-4"' in cited
    assert re.search(
        r'Paragraphs cited: <a href="#para-3">3</a>&nbsp;\(1\), <a href="#para-4">4</a>'
        r"&nbsp;\(1\), 9&nbsp;\(1\)",
        cited,
    )
    assert re.search(r"S/RES/748 \(1992\).*?paras\. <a href=\"#para-3\">3</a>, ", cited)
    resolution = (out / "resolutions/security-council/731(1992).html").read_text(encoding="utf-8")
    assert "paras. 3, 4, 9" in resolution


@pytest.mark.slow
def test_pinpoints_on_the_corpus_go_to_paragraphs_the_cited_pages_have(
    corpus: Path, tmp_path: Path
) -> None:
    """Every `#para-N` a citation links on the Security Council subset is an anchor of the
    page it goes to."""
    seeds = tmp_path / "seeds"
    shutil.copytree(corpus / "unsc", seeds)
    out = tmp_path / "_site"
    build(BuildOptions(seeds=seeds, out=out, settings=Settings(search=False)))
    checked = 0
    for page in out.glob("en/S/RES/*/index.html"):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'class="cite" dir="ltr" href="([^"]+#para-\d+)"', html):
            path, anchor = href.split("#")
            target = (page.parent / path / "index.html").resolve()
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), (page, href)
            checked += 1
    assert checked >= 100, checked
