"""A language lives in one place: its `Language` entry. Every entry fills every table.

Adding a language means one entry in `lang/languages.py` (its words, ordinals, months, labels)
and one row in `SAMPLES` here: these tests fail until both are complete.
"""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from undocs.lang.dates import find_date
from undocs.lang.languages import LANGUAGES, Language, detect_language, parse_ordinal
from undocs.read import masthead

#: Tables a language may leave empty, and why: what its documents do not print in words.
GAPS = {
    ("ar", "agenda"): "not read from Arabic titles yet",
    ("zh", "agenda"): "not read from Chinese titles yet",
    ("ru", "meeting"): "no meeting lines in the Russian texts held",
    ("ar", "meeting"): "no meeting lines in the Arabic texts held",
    ("zh", "meeting"): "no meeting lines in the Chinese texts held",
    ("ar", "sc_resolution"): "old Security Council headings exist in en, fr, es, ru only",
    ("zh", "sc_resolution"): "old Security Council headings exist in en, fr, es, ru only",
    ("zh", "months"): "Chinese dates are written in digits (2016年3月1日)",
}

#: Per language: a resolution's opening line, a label line, a session line and the session's
#: number, a date line and its date (real lines of the corpus).
SAMPLES = {
    "en": (
        "The General Assembly,",
        "Note by the Secretariat",
        "Twenty-eighth session",
        28,
        "New York, 1 December 2025",
        "2025-12-01",
    ),
    "fr": (
        "L'Assemblée générale,",
        "Note du Secrétariat",
        "Vingt-huitième session",
        28,
        "Vienne, 6-10 octobre 2014",
        "2014-10-10",
    ),
    "es": (
        "La Asamblea General,",
        "Nota de la Secretaría",
        "Vigésimo octavo período de sesiones",
        28,
        "1 de diciembre de 2025",
        "2025-12-01",
    ),
    "de": (
        "Die Generalversammlung,",
        "Bericht des Generalsekretärs",
        "Achtundzwanzigste Tagung",
        28,
        "1. Dezember 2005",
        "2005-12-01",
    ),
    "ru": (
        "Генеральная Ассамблея,",
        "Доклад Генерального секретаря",
        "Двадцать восьмая сессия",
        28,
        "1 декабря 2025 года",
        "2025-12-01",
    ),
    "ar": (
        "إن الجمعية العامة،",
        "تقرير الأمين العام",
        "الدورة الثامنة والعشرون",
        28,
        "1 كانون الأول/ديسمبر 2025",
        "2025-12-01",
    ),
    "zh": (
        "大会，",
        "秘书长的报告",
        "第二十八届会议",
        28,
        "2025年12月1日",
        "2025-12-01",
    ),
}


def test_every_language_has_samples() -> None:
    assert set(SAMPLES) == set(LANGUAGES)


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_table_is_filled(code: str) -> None:
    lang = LANGUAGES[code]
    assert lang.code == code
    empty = []
    for f in fields(Language):
        if f.default == "":  # an optional table (`disclaimers`): most languages print none
            continue
        value = getattr(lang, f.name)
        if isinstance(value, str) and f.name not in ("code",):
            if value:
                re.compile(value)
            elif (code, f.name) not in GAPS:
                empty.append(f.name)
        elif isinstance(value, dict) and not value and (code, f.name) not in GAPS:
            empty.append(f.name)
    for kind in masthead.TYPE_ORDER:
        words = lang.document_types.get(kind)
        if words:
            re.compile(words)
        elif (code, kind) not in GAPS:
            empty.append(f"document_types[{kind!r}]")
    assert set(lang.document_types) <= set(masthead.TYPE_ORDER)
    assert lang.stopwords or lang.script, "told apart by neither its words nor its script"
    assert not empty, f"{code} leaves empty: {', '.join(empty)}"


def test_gaps_are_gaps() -> None:
    """A gap filled since is taken off the list (so the list says what is missing)."""
    for code, name in GAPS:
        lang = LANGUAGES[code]
        value = lang.document_types.get(name) if name in masthead.TYPE_ORDER else None
        if name not in masthead.TYPE_ORDER:
            value = getattr(lang, name)
        assert not value, f"{code} {name} is filled: drop it from GAPS"


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_each_language_reads_its_samples(code: str) -> None:
    opener, label, session, number, date_line, date = SAMPLES[code]
    assert masthead._OPENERS.match(opener)
    assert masthead._LABEL.match(label)
    words = LANGUAGES[code].session_line
    found = re.search(words, session, re.IGNORECASE)
    assert found, session
    assert parse_ordinal(found["ord"], code) == number
    got = find_date(date_line, code)
    assert got is not None and got[0] == date


@pytest.mark.parametrize("code", ["ar", "zh", "ru", "en", "fr", "es", "de"])
def test_detect_language_from_a_sample(code: str) -> None:
    opener, label, session, _, date_line, _ = SAMPLES[code]
    text = " ".join([opener, label, session, date_line] * 30)
    if code in ("en", "fr", "es", "de"):  # told by their small words: give it some
        text += " " + " ".join(sorted(LANGUAGES[code].stopwords)) * 5
    assert detect_language(text) == code
