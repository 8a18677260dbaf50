"""A document's body as HTML: blocks, paragraph anchors, in every script."""

from __future__ import annotations

import re
from html import escape

from hypothesis import given
from hypothesis import strategies as st

from undocs.site.textbody import _inline, render_body, split_blocks


def test_eastern_arabic_paragraph_numbers_get_ascii_anchors() -> None:
    text = "٥ - يقرر أن يبقي المسألة قيد نظره.\n\n١٢. يطلب إلى الأمين العام تقديم تقرير.\n"
    blocks = split_blocks(text)
    assert [(b.kind, b.number) for b in blocks] == [("para", "5"), ("para", "12")]
    html = render_body(text, 0, (), lambda c: None, "A/RES/1/1, para. ")
    assert 'id="para-5"' in html and 'id="para-12"' in html
    assert "١٢. يطلب" in html  # the text itself is printed as written


def test_full_width_clause_ends_are_not_headings() -> None:
    text = "大会，\n\n秘书长的报告\n\n决议草案：\n"
    assert [b.kind for b in split_blocks(text)] == ["text", "heading", "text"]


@given(st.text(alphabet=st.sampled_from(list("ab <&\n\t\u00a0\u3000\x0c.1")), max_size=40))
def test_lines_of_a_paragraph_join_as_the_whitespace_rule_says(text: str) -> None:
    """A paragraph's lines are joined by one space: every run of white space holding a line
    break becomes one space (the rule, written as a regex here), the rest is kept."""
    expected = re.sub(r"\s*\n\s*", " ", escape(text, quote=False)).strip()
    assert _inline(text, 0, len(text), [], []) == expected
