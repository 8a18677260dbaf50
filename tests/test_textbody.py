"""A document's body as HTML: blocks, paragraph anchors, in every script."""

from __future__ import annotations

import re
from html import escape

from hypothesis import given
from hypothesis import strategies as st

from undocs.site.textbody import _LEADER, _inline, render_body, split_blocks


def test_eastern_arabic_paragraph_numbers_get_ascii_anchors() -> None:
    text = "٥ - يقرر أن يبقي المسألة قيد نظره.\n\n١٢. يطلب إلى الأمين العام تقديم تقرير.\n"
    blocks = split_blocks(text)
    assert [(b.kind, b.number) for b in blocks] == [("para", "5"), ("para", "12")]
    html = render_body(text, 0, (), lambda c: None, "A/RES/1/1, para. {n}")
    assert 'id="para-5"' in html and 'id="para-12"' in html
    assert "١٢. يطلب" in html  # the text itself is printed as written


def test_full_width_clause_ends_are_not_headings() -> None:
    text = "大会，\n\n秘书长的报告\n\n决议草案：\n"
    assert [b.kind for b in split_blocks(text)] == ["text", "heading", "text"]


@given(st.text(alphabet=st.sampled_from(list("ab <&\n\t\u00a0\u3000\x0c.1")), max_size=40))
def test_lines_of_a_paragraph_join_as_the_whitespace_rule_says(text: str) -> None:
    """A paragraph's lines are joined by one space: every run of white space holding a line
    break becomes one space (the rule, written as a regex here), the rest is kept."""
    joined = re.sub(r"\s*\n\s*", " ", escape(text, quote=False))
    expected = _LEADER.sub(" … ", joined).strip()  # and leader dots shown as one ellipsis
    assert _inline(text, 0, len(text), [], []) == expected


def test_print_leftovers_are_shown_small_and_not_indexed() -> None:
    """Lines of hrc/001_f593c30fbbc467e7.txt (A/HRC/28/15) the printed page left: the job
    number, the barcode in its font's private-use characters, the running header after a
    form feed, a page number. They stay on the page, small, out of the search index; a
    numbered paragraph is never one."""
    text = (
        "GE.14-23930 (E)\n\n\uf02a\uf031\uf034\uf032\uf033\uf039\uf033\uf030\uf02a\n"
        "\x0cA/HRC/28/15\n\n\n2\n\n"
        "1. The Working Group on the Universal Periodic Review held its twentieth session.\n"
    )
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == ["leftover", "text", "leftover", "para"]
    html = render_body(text, 0, (), lambda c: None, "A/HRC/28/15, para. {n}", "A/HRC/28/15")
    assert html.count('<p class="leftover" data-pagefind-ignore>') == 3
    # another document's symbol alone on a line is no running header: it stays text
    assert "leftover" not in render_body("\nA/HRC/28/16\n", 0, (), lambda c: None, None, "A/1")
    assert 'id="para-1"' in html


def test_leader_dots_of_a_contents_line_become_one_ellipsis() -> None:
    """A contents line of the same report: its 100 leader dots would run off a phone."""
    line = (
        "        I.    Summary of the proceedings of the review process "
        "................................................"
        "                                5–114      3"
    )
    html = render_body(line, 0, (), lambda c: None)
    assert "review process … 5–114" in html and "...." not in html
    assert "..." in render_body("It said ... nothing.", 0, (), lambda c: None)  # not leaders


def test_footnote_stars_are_not_bold() -> None:
    """multiun-de A/55/49 (Vol. II) marks members' terms with stars ("Pakistan**, Peru***");
    the text between two such marks was shown bold. Bold is a pair of "**" around words."""
    html = render_body(
        "Österreich**, Pakistan**, Peru***, Portugal und Vereinigte Staaten von Amerika***.\n\n"
        "**Examen de l'application de la Convention\npar terre, air et mer**\n\n"
        "Secretary-General (S/25647**), of 30 May 1990,** in which",
        0,
        (),
        lambda c: None,
    )
    assert html.count("<strong>") == 1
    assert "<strong>Examen de l'application de la Convention par terre, air et mer</strong>" in html
    assert "Pakistan**, Peru***" in html and "(S/25647**)" in html
