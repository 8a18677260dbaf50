"""Masthead pieces: ordinals, dates, agenda items, in every language."""

import pytest

from undocs.lang.dates import find_date
from undocs.lang.languages import parse_ordinal
from undocs.read.masthead import parse_items, read_masthead


@pytest.mark.parametrize(
    ("words", "code", "number"),
    [
        ("Septième", "fr", 7),
        ("Forty-third", "en", 43),
        ("Eightieth", "en", 80),
        ("one hundredth", "en", 100),
        ("quatre-vingt-dixième", "fr", 90),
        ("soixante et onzième", "fr", 71),
        ("Vierundfünfzigste", "de", 54),
        ("Siebenundfünfzigste", "de", 57),
        ("Septuagésimo", "es", 70),
        ("Sexagésimo noveno", "es", 69),
        ("Семидесятая", "ru", 70),
        ("шестьдесят девятая", "ru", 69),
        ("السبعون", "ar", 70),
        ("التاسعة والستون", "ar", 69),
        ("第七十", "zh", 70),
        ("第一百", "zh", 100),
    ],
)
def test_ordinals(words: str, code: str, number: int) -> None:
    assert parse_ordinal(words, code) == number


@pytest.mark.parametrize(
    ("text", "code", "iso"),
    [
        ("12 juin 2014", "fr", "2014-06-12"),
        ("19 December 2019", "en", "2019-12-19"),
        ("vom 6. Februar 2003", "de", "2003-02-06"),
        ("12 de junio de 2014", "es", "2014-06-12"),
        ("12 июня 2014 года", "ru", "2014-06-12"),
        ("12 حزيران/يونيه 2014", "ar", "2014-06-12"),
        ("2014年6月12日", "zh", "2014-06-12"),
        ("1er juin 2012", "fr", "2012-06-01"),
    ],
)
def test_dates(text: str, code: str, iso: str) -> None:
    found = find_date(text, code)
    assert found is not None and found[0] == iso


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("2 c)", ["2 (c)"]),
        ("119 (b)", ["119 (b)"]),
        ("45 und 55", ["45", "55"]),
        ("99 (mm)", ["99 (mm)"]),
    ],
)
def test_agenda_items(text: str, items: list[str]) -> None:
    assert parse_items(text) == items


@pytest.mark.parametrize(
    ("lines", "code", "session", "items"),
    [
        (["Septième session", "Point 2 c) de l'ordre du jour provisoire*"], "fr", 7, ["2 (c)"]),
        (["Vierundfünfzigste Tagung Tagesordnungspunkt 111"], "de", 54, ["111"]),
        (
            ["Tagesordnungspunkte 48 und 121 der vorläufigen Tagesordnung"],
            "de",
            None,
            ["48", "121"],
        ),
        (["Septuagésimo período de sesiones", "Tema 15 del programa"], "es", 70, ["15"]),
        (["Семидесятая сессия", "Пункт 129 повестки дня"], "ru", 70, ["129"]),
        (["الدورة السبعون", "البند 44 من جدول الأعمال"], "ar", 70, ["44"]),
        (["第七十届会议", "议程项目121"], "zh", 70, ["121"]),
        (
            ["Eightieth session Agenda item 99 (w) General and complete disarmament"],
            "en",
            80,
            ["99 (w)"],
        ),
    ],
)
def test_session_and_agenda_lines(lines, code, session, items) -> None:
    head = read_masthead([*lines, "", "The General Assembly,"], code)
    assert head.session == session
    assert head.agenda_items == items


def test_titles_lose_translation_memory_markup_and_notices() -> None:
    """Real titles of multiun-de: translation-memory marks and the translation service's
    notice printed above the title are not the title."""
    from undocs.read.masthead import clean_title

    marked = (
        "Finanzierung der Beobachtermission der Vereinten Nationen für Irak und Kuwait<0}: "
        "{0>B{1>fn<1}<}99{>B{1><1}<0}: {0>The General Assembly,<}100{>Die Gen"
    )
    assert clean_title(marked) == (
        "Finanzierung der Beobachtermission der Vereinten Nationen für Irak und Kuwait"
    )
    lines = [
        "Vereinte Nationen",
        "S/2000/772",
        "",
        "Vorauskopie des Deutschen Übersetzungsdienstes, Vereinte Nationen, New York. Der "
        "endgültige amtliche Wortlaut der Übersetzung erscheint nach eingehender Abstimmung.",
        "",
        "Schreiben des Generalsekretärs an den Präsidenten des Sicherheitsrats",
        "",
        "1. Ich beehre mich, Ihnen mitzuteilen, dass der Rat getagt hat.",
    ]
    head = read_masthead(lines, "de")
    assert "Vorauskopie" not in head.title
    assert head.title.startswith("Schreiben des Generalsekretärs")
