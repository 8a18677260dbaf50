"""A document's body as HTML: blocks, paragraph anchors, in every script."""

from __future__ import annotations

from undocs.textbody import render_body, split_blocks


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
