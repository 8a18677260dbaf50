"""Citations in real sentences of the corpus, in every language."""

import itertools

import pytest

from undocs.lang.bodies import HRC
from undocs.read.citations import find_citations


def _targets(text: str, code: str, own: str | None = None, kind: str = "resolution"):
    return sorted({c.target for c in find_citations(text, code, own) if c.kind == kind})


RESOLUTIONS = [
    # (language, sentence from the corpus, expected resolution numbers)
    (
        "en",
        "in its resolutions 54/47 of 1 December 1999, 56/16 of 29 November 2001 and 78/13",
        ["54/47", "56/16", "78/13"],
    ),
    (
        "en",
        "with Human Rights Council resolutions 5/1 of 18 June 2007 and 16/21 of 25 March "
        "2011, and President’s statement PRST/8/1 of 9 April 2008",
        ["16/21", "5/1"],
    ),
    ("en", "General Assembly resolution 2324\n(XXII) of 16 December 1967", ["2324 (XXII)"]),
    (
        "en",
        "its resolutions 45/55 B of 4 December 1990 and 48/74 B of 16 December 1993",
        ["45/55 B", "48/74 B"],
    ),
    (
        "en",
        "Security Council resolutions 822 (1993), 853 (1993), 874 (1993) and 884 (1993).",
        ["822 (1993)", "853 (1993)", "874 (1993)", "884 (1993)"],
    ),
    ("en", "resolution 377 A (V) of 3 November 1950", ["377 A (V)"]),
    ("fr", "Conformément à la résolution 5/3 de la Conférence des Parties", ["5/3"]),
    (
        "fr",
        "en application des dispositions des résolutions 1970 (2011) et 1973 (2011) "
        "modifiées par la résolution 2009 (2011)",
        ["1970 (2011)", "1973 (2011)", "2009 (2011)"],
    ),
    (
        "es",
        "las resoluciones del Consejo de Seguridad 822 (1993), 853 (1993) 874 (1993) y 884 (1993).",
        ["822 (1993)", "853 (1993)", "874 (1993)", "884 (1993)"],
    ),
    (
        "de",
        "unter Hinweis auf seine Resolutionen 242 (1967) vom 22. November 1967, 267 (1969) "
        "vom 3. Juli 1969 und 1397 (2002) vom 12. März 2002",
        ["1397 (2002)", "242 (1967)", "267 (1969)"],
    ),
    ("de", "in ihrer Resolution 1514 (XV) vom 14. Dezember 1960", ["1514 (XV)"]),
    (
        "ru",
        "резолюций Совета Безопасности 822 (1993), 853 (1993), 874 (1993) и 884 (1993).",
        ["822 (1993)", "853 (1993)", "874 (1993)", "884 (1993)"],
    ),
    (
        "ar",
        "قرارات مجلس الأمن 822 (1993) و 853 (1993) و 874 (1993) و 884 (1993).",
        ["822 (1993)", "853 (1993)", "874 (1993)", "884 (1993)"],
    ),
    (
        "ar",
        "عملا بالقرارين 1970 (2011) و 1973 (2011)، المعدلين بالقرار 2009 (2011)",
        ["1970 (2011)", "1973 (2011)", "2009 (2011)"],
    ),
    ("ar", "القرار ٦١/٥٣", ["61/53"]),
    (
        "zh",
        "第1996(2011)、2046(2012)和2304(2016)号决议",
        ["1996 (2011)", "2046 (2012)", "2304 (2016)"],
    ),
    (
        "zh",
        "违反安全理事会第822(1993)号、第853(1993)号、第874(1993)号和第884(1993)号决议",
        ["822 (1993)", "853 (1993)", "874 (1993)", "884 (1993)"],
    ),
    ("zh", "大会第47/135号决议", ["47/135"]),
    ("de", "im Sekretariat: Durchführung der Resolution 59/2831, die Tätigkeiten", ["59/283"]),
]


@pytest.mark.parametrize(("code", "sentence", "expected"), RESOLUTIONS)
def test_resolutions(code: str, sentence: str, expected: list[str]) -> None:
    assert _targets(sentence, code) == expected


def test_own_resolution_left_out() -> None:
    assert _targets(
        "Resolution 2213 (2015) recalling resolution 1970 (2011)", "en", "S/RES/2213 (2015)"
    ) == ["1970 (2011)"]


def test_resolution_by_symbol_is_in_both_lists() -> None:
    text = "the 2030 Agenda (A/RES/70/1)"
    assert _targets(text, "en") == ["70/1"]
    assert _targets(text, "en", kind="document") == ["A/RES/70/1"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ibid., documents S/5162 and Add.1.", ["S/5162", "S/5162/Add.1"]),
        ("(A/HRC/43/15 and Add.1)", ["A/HRC/43/15", "A/HRC/43/15/Add.1"]),
        (
            "(A/55/985-S/2001/574 and Corr.1)",
            ["A/55/985", "A/55/985/Corr.1", "S/2001/574", "S/2001/574/Corr.1"],
        ),
        ("GE.19-21936(E) 01-66657 (E) 291101", []),
    ],
)
def test_documents(sentence: str, expected: list[str]) -> None:
    assert _targets(sentence, "en", kind="document") == expected


def test_positions_point_at_the_words() -> None:
    text = "see resolution 60/251 and A/HRC/28/15."
    for cite in find_citations(text, "en", None):
        assert text[cite.start : cite.end].replace(" ", "") in cite.target.replace(" ", "")


def test_hint_anchored_search_finds_what_a_full_scan_finds(corpus) -> None:
    """`patterns.anchored` tries each language's resolution pattern only near its hint word
    (`Language.hint_lead` characters before it): on real texts of every language it must find
    exactly what `finditer` over the whole text finds."""
    from pathlib import Path

    from undocs.lang import patterns
    from undocs.lang.languages import LANGUAGES, normalise_digits
    from undocs.read.citations import _language_patterns
    from undocs.read.loader import load_file, scan_sources

    texts: dict[str, list[str]] = {code: [] for code in LANGUAGES if code != "zh"}
    for source in scan_sources(corpus)[::23]:
        path = Path(source.path)
        try:
            record, _ = load_file(path, path.name)
        except Exception:
            continue
        if record.language in texts:
            texts[record.language].append(normalise_digits(record.text))
    # the longest lead the Arabic pattern allows: two prefixed letters and the article
    texts["ar"].append("وبالقرار 60/251 وفقا للقرار 61/1 والقرارات 62/2")
    found = 0
    for code, sample in texts.items():
        assert sample, code
        head, _ = _language_patterns(code)
        for text in sample:
            expected = [m.span() for m in head.finditer(text)]
            lang = LANGUAGES[code]
            anchored = patterns.anchored(head, text, lang.resolution_hint, lang.hint_lead)
            assert [m.span() for m in anchored] == expected
            found += len(expected)
    assert found > 1000


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        (  # hrc/009: the Council named nearest, after the Assembly
            "367. Pursuant to General Assembly resolution 60/251, Human Rights Council "
            "resolutions 5/1 and 16/21, Council decision",
            "en",
            {"60/251": "General Assembly", "5/1": HRC, "16/21": HRC},
        ),
        (  # hrc/015: the Assembly named in a document of the Council
            "The Human Rights Council,\n\nRecalling General Assembly resolution 36/55 of 25 "
            "November 1981",
            "en",
            {"36/55": "General Assembly"},
        ),
        (  # multiun-de A/RES/62/219: the Council named between the word and the number
            "Die Generalversammlung,\n\nKenntnis nehmend von den Resolutionen des "
            "Menschenrechtsrats 5/1 „Errichtung der Institutionen“",
            "de",
            {"5/1": "Human Rights Council"},
        ),
    ],
)
def test_the_body_named_nearest_the_number(text: str, code: str, expected: dict) -> None:
    found = {c.target: c.body for c in find_citations(text, code, None) if c.kind == "resolution"}
    assert found == expected


def test_enumerations_with_dates_without_years_over_line_breaks() -> None:
    """Older Security Council resolutions list what they recall with a date after each
    number, the year left out, line breaks anywhere (unsc/, real lines)."""
    text = (
        "Recalling its resolutions 338 (1973) of 22 October,\n340 (1973) of 25 October and 344\n"
        "(1973) of 15 December 1973, 186 (1964) of 4 March,\n187 (1964) of 13 March,"
    )
    found = [c.target for c in find_citations(text, "en", None) if c.kind == "resolution"]
    assert found == ["338 (1973)", "340 (1973)", "344 (1973)", "186 (1964)", "187 (1964)"]
    german = "unter Hinweis auf ihre Resolutionen 338 (1973) vom 22. Oktober und 340 (1973)"
    found = [c.target for c in find_citations(german, "de", None) if c.kind == "resolution"]
    assert found == ["338 (1973)", "340 (1973)"]


def _bare(text: str) -> list[tuple[str, str | None]]:
    from undocs.archive.graph import resolution_symbol

    return [
        (c.target, resolution_symbol(c.target, c.body))
        for c in find_citations(text, "en", None)
        if c.kind == "resolution"
    ]


def test_security_council_resolutions_printed_without_their_year() -> None:
    """Real lines: hrc/005_fb50ac879429c62b.txt:930, unsc/712_af30fff218f818e3.txt:623-627
    and unsc/428_be05549f1544ec38.txt:76. The number is kept as printed; its symbol takes
    the year the Council's numbering gives it, where that is certain."""
    assert _bare(
        "Review of the Action Plan of the Republic of Slovenia for the Implementation of United\n"
        "           Nations Security Council Resolutions 1325 and 1820 on Women, Peace and"
    ) == [("1325", "S/RES/1325 (2000)"), ("1820", "S/RES/1820 (2008)")]
    # 1051 lies between the years known: no year is guessed; "the 661 Committee" is no citation
    assert _bare(
        "UNMOVIC as containing item(s) on one or more of the United Nations Security\n"
        "Council resolution 1051 lists. Category A will also contain contracts that were both\n"
        "processed before the Security Council adopted United Nations Security Council\n"
        "resolution 1284 and assessed by one or more members of the 661 Committee as"
    ) == [("1051", None), ("1284", None)]
    found = _bare("of Security Council resolution 161 A (1961) of 21 February 1961;")
    assert [target for target, _ in found] == ["161 A (1961)"]  # no bare "161" besides


def test_the_years_of_the_councils_numbering() -> None:
    from undocs.lang.sc_years import YEARS, year_of

    assert (year_of(338), year_of(1325), year_of(1)) == (1973, 2000, 1946)
    assert year_of(97) is None  # after 1951's last known (96), before 1952's first (98)
    assert year_of(YEARS[-1][2] + 1) is None  # after the last year known
    assert all(a[2] < b[1] for a, b in itertools.pairwise(YEARS))


def test_a_footnote_mark_glued_to_a_number_is_read_off_it() -> None:
    """multiun-de A/RES/61/87 and A/RES/59/82: the report's footnote mark glued to the
    number ("59/7311": 59/73 and footnote 11); the text cites 59/73 with its date before."""
    text = (
        "unter Hinweis auf ihre Resolutionen 57/67 vom 22. November 2002 und 59/73 vom "
        "3. Dezember 2004,\n\n1. nimmt Kenntnis von dem Bericht des Generalsekretärs über die "
        "Durchführung der Resolution 59/7311;\n\n7. dankt dem Generalsekretär für seinen Bericht "
        "über die Durchführung der Resolution 57/675, unter Berücksichtigung"
    )
    cites = find_citations(text, "de", None)
    assert [c.target for c in cites] == ["57/67", "59/73", "59/73", "57/67"]
    assert text[cites[2].start : cites[2].end] == "59/73"  # the link leaves the mark out


def test_a_resolution_of_a_resumed_session_is_no_glued_mark() -> None:
    """multiun-de A/57/150: 56/509 is real (dated where it is first cited), even beside 56/50."""
    text = (
        "(Resolution 56/50 vom 10. Dezember 2001) und (Resolution 56/509 vom 8. Juli 2002).\n\n"
        "Gemäß Resolution 56/509 wählte die Generalversammlung"
    )
    assert [c.target for c in find_citations(text, "de", None)] == ["56/50", "56/509", "56/509"]


@pytest.mark.parametrize(
    ("code", "sentence", "number"),
    [
        # Real lines: unpc E/CN.6/2015/NGO/169 (fr, ru), NGO/271 (es), multiun-de S/PRST/2002/9
        (
            "fr",
            "plans d'action pour la résolution 1325 du Conseil de sécurité des Nations Unies",
            "1325",
        ),
        (
            "es",
            "la aplicación de la resolución 1325 del Consejo de Seguridad de las Naciones",
            "1325",
        ),
        ("ru", "в соответствии с резолюцией 1325 Совета Безопасности Организации", "1325"),
        (
            "de",
            "bekräftigen wir, dass die Resolution 1402 des Sicherheitsrats unverzüglich",
            "1402",
        ),
    ],
)
def test_a_council_resolution_by_its_number_alone_in_every_language(
    code: str, sentence: str, number: str
) -> None:
    """The Council named after the number, its year not printed: read as the Council's
    (`archive.graph.resolution_symbol` then finds the year)."""
    cites = find_citations(sentence, code, None)
    assert [(c.target, c.body) for c in cites] == [(number, "Security Council")]
    assert sentence[cites[0].start : cites[0].end] == number
    # "the 1540 Committee", a number not followed by the Council, is no citation
    assert not find_citations(sentence.replace(number, "de 2015"), code, None)


def test_the_council_s_documents_cite_its_resolutions_by_number_alone() -> None:
    """Real lines of unsc/ and multiun-de S/ documents: "resolution 687", "Resolutionen 1468
    und 1484" with no year and no body are the Council's, in its own documents only."""

    def numbers(text: str, code: str = "en", own: str | None = "S/RES/873 (1993)") -> list:
        return [(c.target, c.body) for c in find_citations(text, code, own)]

    assert numbers("in accordance with paragraph 13 of resolution 687, ") == [
        ("687", "Security Council")
    ]
    assert numbers("namentlich die Resolutionen 1468 und 1484,  in Bekräftigung", "de") == [
        ("1468", "Security Council"),
        ("1484", "Security Council"),
    ]
    assert numbers("Recalling its resolutions 387 1976), 418 (1977)")[0] == (
        "387",
        "Security Council",
    )
    # footnote marks and OCR damage are no numbers; another body's resolution is not the
    # Council's; outside the Council's documents a bare number is not read
    assert numbers("from the date of this resolution 4 programme of demilitarization") == []
    assert numbers("transmitting two resolutions 31 adopted at the 24th meeting") == []
    assert numbers("decided by the Council in paragraph 2 of resolution 70S (1991) for") == []
    assert numbers("the partition plan of General Assembly resolution 181 was") == []
    assert numbers("is a violation of resolution 2118, and", own="A/HRC/28/15") == []
