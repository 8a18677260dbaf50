"""The interface in the documents' languages: complete catalogs, no stray English in the
translated templates, document pages speaking their document's language (Babel's dates)."""

from __future__ import annotations

import re
import sys
from html import unescape
from pathlib import Path

import pytest

from undocs.build import BuildOptions, build
from undocs.site import i18n
from undocs.site.render import Settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import messages  # noqa: E402  (tools/messages.py)

#: The templates whose every word goes through the catalogs.
TRANSLATED = ("base.html", "document.html", "listfilter.html", "adoption.html")


@pytest.mark.parametrize("language", [lang for lang in i18n.INTERFACE_LANGUAGES if lang != "en"])
def test_every_message_is_translated(language: str) -> None:
    """A catalog of a shipped language misses no message of the templates, nor a body's
    name, and leaves none untranslated (`python tools/messages.py --check`)."""
    template = i18n.interface_messages(ROOT / "templates")
    assert len(template) > 100
    assert messages.gaps(template, language) == []


def _words_outside_catalogs(source: str) -> list[str]:
    """Return the words of a template that no `_()` or `{% trans %}` carries."""
    text = re.sub(r"\{#.*?#\}", " ", source, flags=re.S)
    text = re.sub(r"\{%-? *trans\b.*?\{%-? *endtrans *-?%\}", " ", text, flags=re.S)
    text = re.sub(
        r"\{%-? *(set|macro) [^%]*%\}.*?\{%-? *end(set|macro) *-?%\}", " ", text, flags=re.S
    )
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|&#?\w+;", " ", text, flags=re.S)
    # attributes a reader meets: labels, titles, placeholders
    found = [  # a symbol ("A/HRC/28/15") is no word
        value
        for value in re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', text)
        if re.search(r"[A-Za-z]{2}", value) and "/" not in value
    ]
    text = re.sub(r"<script\b.*?</script>|<[^>]*>", " ", text, flags=re.S)
    return found + [w.strip() for w in re.findall(r"[A-Za-z]{2,}[A-Za-z' ]*", text)]


@pytest.mark.parametrize("name", TRANSLATED)
def test_no_interface_text_outside_the_catalogs(name: str) -> None:
    source = (ROOT / "templates" / name).read_text(encoding="utf-8")
    assert _words_outside_catalogs(source) == []


def test_the_check_finds_a_word_left_out() -> None:
    assert _words_outside_catalogs("<p>{{ _('Body') }}</p><h2>Cited by</h2>") == ["Cited by"]
    assert _words_outside_catalogs('<nav aria-label="Site">') == ["Site"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("i18n") / "site"
    build(BuildOptions(seeds=ROOT / "seeds", out=out, settings=Settings(search=False)))
    return out


def _visible(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    html = re.sub(r"<head>.*?</head>|<script\b.*?</script>", " ", html, flags=re.S)
    html = re.sub(r'<section class="text".*?</section>|<div hidden.*?</div>', " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_a_french_document_speaks_french(demo: Path) -> None:
    page = demo / "fr/doc/seed/000_a4e48ed0b737bc3c/index.html"
    html = page.read_text(encoding="utf-8")
    assert '<html lang="fr" dir="ltr">' in html
    text = _visible(page)
    for label in ("Organe", "Points de l'ordre du jour", "Citer ce document", "Résolutions citées"):
        assert label in text
    assert "12 juin 2014" in text and 'datetime="2014-06-12"' in html  # Babel's French date
    assert "français (original : anglais)" in text  # CLDR's names of languages
    for english in ("Language versions", "Cite this", "Resolutions cited", "Skip to content"):
        assert english not in text


def test_an_arabic_document_is_arabic_from_the_top(demo: Path) -> None:
    page = next(p for p in sorted((demo / "ar").rglob("index.html")) if "search" not in p.parts)
    html = page.read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert '<header class="site-header" lang="ar" dir="rtl">' in html
    text = _visible(page)
    assert "النسخ اللغوية" in text and "الاستشهاد بهذه الوثيقة" in text
    assert "Language versions" not in text


def test_english_pages_keep_their_words(demo: Path) -> None:
    text = _visible(demo / "documents/index.html")
    assert "Skip to content" in text and "Go to symbol" in text


def test_a_body_is_named_in_the_page_language() -> None:
    with i18n.speaking("fr"):
        assert i18n.body_name("Security Council") == "Conseil de sécurité"
        assert i18n.long_date("2014-06-12") == "12 juin 2014"
    with i18n.speaking("zh"):
        assert i18n.body_name("Human Rights Council") == "人权理事会"
        assert i18n.long_date("2014-06-12") == "2014年6月12日"
    with i18n.speaking("en"):
        assert i18n.long_date("2014-06-12") == "12 June 2014"
    with i18n.speaking("ru"):
        assert (
            i18n.ngettext("%(count)s document", "%(count)s documents", 3) == "%(count)s документа"
        )
