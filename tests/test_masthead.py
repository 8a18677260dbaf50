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


def _de(*lines: str) -> str:
    return read_masthead(list(lines), "de").title


def test_a_german_resolution_title_ends_at_the_organ_printed_without_its_comma() -> None:
    """multiun-de A/RES/55/256 and A/RES/55/259 print "Die Generalversammlung" alone (or with
    a footnote star): the operative paragraph after it is not the title."""
    assert (
        _de(
            "Fünfundfünfzigste Tagung",
            "",
            "Tagesordnungspunkt 179",
            "",
            "Resolution der Generalversammlung",
            "",
            "[ohne Überweisung an einen Hauptausschuss (A/55/L.83)]",
            "",
            "Vorläufige Tagesordnung der sechsundzwanzigsten Sondertagung der Generalversammlung",
            "",
            "Die Generalversammlung",
            "",
            "beschließt, der Generalversammlung auf ihrer sechsundzwanzigsten Sondertagung die "
            "Verabschiedung der in der Anlage zu dieser Resolution enthaltenen vorläufigen "
            "Tagesordnung der sechsundzwanzigsten Sondertagung zu empfehlen.",
        )
        == "Vorläufige Tagesordnung der sechsundzwanzigsten Sondertagung der Generalversammlung"
    )
    assert (
        _de(
            "Bericht des Generalsekretärs über die Tätigkeit des Amtes für interne "
            "Aufsichtsdienste",
            "",
            "Die Generalversammlung, *",
            "",
            "nach Behandlung der folgenden Dokumente:",
        )
        == "Bericht des Generalsekretärs über die Tätigkeit des Amtes für interne Aufsichtsdienste"
    )


def test_a_sentence_is_no_title_the_label_names_the_document() -> None:
    """multiun-de S/2002/1352: a note whose first paragraph is a sentence (with a date in it,
    which must not move the title's start past it)."""
    assert (
        _de(
            "Mitteilung des Präsidenten des Sicherheitsrats",
            "",
            "Die Anlage enthält ein vom 12. Dezember 2002 datiertes Schreiben des Vorsitzenden der "
            "Ad-hoc-Arbeitsgruppe für Konfliktprävention und Konfliktlösung in Afrika an den "
            "Präsidenten (siehe Anlage).",
            "",
            "Anlage",
            "",
            "Ich beehre mich, Ihnen eine Reihe von Empfehlungen der Ad-hoc-Arbeitsgruppe für "
            "Konfliktprävention und Konfliktlösung in Afrika weiterzuleiten.",
        )
        == "Mitteilung des Präsidenten des Sicherheitsrats"
    )


def test_a_bracket_after_the_agenda_line_is_not_the_items_title() -> None:
    """multiun-de A/RES/54/77: the bracket naming the committee's report runs over a blank
    line; it was taken for the agenda item's title and its second half for the title."""
    assert _de(
        "Vierundfünfzigste Tagung",
        "",
        "Tagesordnungspunkt 89",
        "",
        "[auf Grund des Berichts des Ausschusses für besondere politische Fragen",
        "",
        "und Entkolonialisierung (Vierter Ausschuss) (A/54/576)]",
        "",
        "Anwendbarkeit des Genfer Abkommens vom 12. August 1949 zum Schutze von Zivilpersonen in "
        "Kriegszeiten auf das besetzte palästinensische Gebiet",
        "",
        "Die Generalversammlung,",
    ) == (
        "Anwendbarkeit des Genfer Abkommens vom 12. August 1949 zum Schutze von Zivilpersonen "
        "in Kriegszeiten auf das besetzte palästinensische Gebiet"
    )


def test_a_joint_title_is_not_repeated_with_its_parts() -> None:
    """multiun-de A/RES/55/174 (resolutions A and B): the joint title holds part A's."""
    joint = (
        "Internationale Nothilfe für Frieden, Normalität und den Wiederaufbau des "
        "kriegszerstörten Afghanistan und die Situation in Afghanistan und ihre Auswirkungen auf "
        "den Weltfrieden und die internationale Sicherheit"
    )
    assert (
        _de(
            "Fünfundfünfzigste Tagung",
            "",
            "Tagesordnungspunkte 20 d) und 46",
            "",
            "Resolutionen der Generalversammlung",
            "",
            joint,
            "",
            "Die Situation in Afghanistan und ihre Auswirkungen auf den Weltfrieden und die "
            "internationale Sicherheit",
            "",
            "Die Generalversammlung,",
        )
        == joint
    )


def test_a_corrigendum_is_titled_by_the_document_it_corrects() -> None:
    """multiun-de A/57/270/Corr.1: the corrections under "Korrigendum" are not the title."""
    head = read_masthead(
        [
            "Siebenundfünfzigste Tagung",
            "",
            "Tagesordnungspunkt 44",
            "",
            "Weiterverfolgung der Ergebnisse des Millenniums-Gipfels",
            "",
            "Umsetzung der Millenniums-Erklärung der Vereinten Nationen",
            "",
            "Bericht des Generalsekretärs",
            "",
            "Korrigendum",
            "",
            "Ziffer 41",
            "",
            "Der zweite Satz soll lauten:",
        ],
        "de",
    )
    assert head.title == "Umsetzung der Millenniums-Erklärung der Vereinten Nationen"
    assert head.document_type == "report"


def test_an_items_title_broken_over_a_blank_line_is_skipped_whole() -> None:
    """multiun-de A/59/565: "Weiterverfolgung der Ergebnisse" / "des Millenniums-Gipfels";
    the title was "des Millenniums-Gipfels". A note with no title of its own is named by its
    label."""
    head = read_masthead(
        [
            "Neunundfünfzigste Tagung",
            "",
            "Tagesordnungspunkt 55",
            "",
            "Weiterverfolgung der Ergebnisse",
            "",
            "des Millenniums-Gipfels",
            "",
            "Mitteilung des Generalsekretärs",
            "",
            "Im September 2003 vertrat ich in meiner Rede vor der Generalversammlung die "
            "Auffassung, dass wir an einem Scheidepunkt angelangt waren.",
        ],
        "de",
    )
    assert head.title == "Mitteilung des Generalsekretärs"
    assert head.document_type == "note"


def test_a_german_point_of_the_provisional_agenda_is_an_agenda_item() -> None:
    """multiun-de A/58/123 and A/60/88 print "Punkte 60 und 119 a) der vorläufigen Liste"."""
    lines = ["Punkte 60 und 119 a) der vorläufigen Liste", "", "Menschenrechtsfragen"]
    assert read_masthead(lines, "de").agenda_items == ["60", "119 (a)"]
    assert read_masthead(["Punkt 98 t) der provisorischen Liste"], "de").agenda_items == ["98 (t)"]
    assert read_masthead(["Punkt 5 des Berichts"], "de").agenda_items == []


def test_an_agenda_listed_under_its_title_is_not_the_title() -> None:
    """multiun-de A/56/150: the items of a provisional agenda follow its title unnumbered."""
    # (The opening line with its date, "Beginn Dienstag, 11. September 2001", is left out: the
    # file's front matter gives the date; read from the text it would end the masthead there.)
    assert (
        _de(
            "Vorläufige Tagesordnung der sechsundfünfzigsten ordentlichen Tagung der "
            "Generalversammlung",
            "",
            "Wahl des Präsidenten",
            "",
            "Eröffnung der Tagung durch den Leiter der Delegation Namibias",
            "",
            "Minute stillen Gebets oder innerer Sammlung",
            "",
            "Ansprache des Generalsekretärs",
        )
        == "Vorläufige Tagesordnung der sechsundfünfzigsten ordentlichen Tagung der "
        "Generalversammlung"
    )


def test_the_translation_notice_is_no_sentence_of_the_body() -> None:
    """multiun-de A/RES/54/63: the notice's second paragraph is a sentence; it must not end
    the masthead (the title was lost to the symbol)."""
    assert (
        _de(
            "Vorauskopie des Deutschen Übersetzungsdienstes, Vereinte Nationen, New York",
            "",
            "Der endgültige amtliche Wortlaut der Übersetzung erscheint nach eingehender "
            "Abstimmung aller Sprachfassungen und redaktioneller Überarbeitung im Offiziellen "
            "Protokoll der Generalversammlung bzw. des Sicherheitsrats.",
            "",
            "Vierundfünfzigste Tagung",
            "",
            "Tagesordnungspunkt 85",
            "",
            "[auf Grund des Berichts des Ersten Ausschusses",
            "",
            "(A/54/572)]",
            "",
            "Vertrag über das umfassende Verbot von Nuklearversuchen",
            "",
            "Die Generalversammlung,",
        )
        == "Vertrag über das umfassende Verbot von Nuklearversuchen"
    )


def test_the_title_above_the_organ_may_end_with_a_full_stop() -> None:
    """multiun-de A/RES/58/173 prints its title with a full stop."""
    title = (
        "Das Recht eines jeden auf das für ihn erreichbare Höchstmaß an körperlicher und "
        "geistiger Gesundheit."
    )
    assert _de("Resolution der Generalversammlung", "", title, "", "Die Generalversammlung,") == (
        title
    )


@pytest.mark.parametrize(
    ("lines", "date"),
    [
        # Real headings of unsc/ (S/RES/687, 856, 226, 638 and 801), damaged by OCR
        (["Resolution 687 (1991)", "of 3 Apri] 1991"], "1991-04-03"),
        (["RESOLUTION 856 (1993)", "", "Adopted by the Security Council at its 3263rd meeting,",
          "on 10 Auqust 1993"], "1993-08-10"),
        (["Resolution 226 (1966)", "of 14 October £964"], "1966-10-14"),
        (["Resolution 638 (1989)", "of 3f July 1989"], None),  # 3? 31? no day is certain
        (["RESOLUTION 801 (1993)", "", "Adopted by the Security Council at its 3158th meeting, "
          "on January 1993"], None),  # no day printed: none invented
        (["Resolution 687 (1991)", "of 3 Apri] 1990"], None),  # a clean year not the symbol's
    ],
)  # fmt: skip
def test_a_heading_date_damaged_by_ocr_is_read_where_the_symbol_makes_it_certain(
    lines: list[str], date: str | None
) -> None:
    head = read_masthead([*lines, "", "The Security Council,"], "en")
    assert head.date == date
