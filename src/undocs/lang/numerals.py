"""Session ordinals written out in words, in seven languages, as tables from 1 to 199.

Each language builds a dictionary from the folded word (lower case, no hyphens or spaces) to
its number, so a masthead line such as "Vierundfünfzigste Tagung" or "الدورة التاسعة والستون"
is one dictionary look-up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

_EN_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_EN_TEENS = (
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth"
).split()
_EN_TENS_ORD = (
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
)
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

_FR_UNITS = "premier deuxième troisième quatrième cinquième sixième septième huitième neuvième"
_FR_CARD = (
    "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
    "dix-sept dix-huit dix-neuf"
).split()
_FR_TENS = "vingt trente quarante cinquante soixante".split()

_ES_UNITS = "primero segundo tercero cuarto quinto sexto séptimo octavo noveno".split()
_ES_TENS = (
    "décimo vigésimo trigésimo cuadragésimo quincuagésimo sexagésimo septuagésimo octogésimo "
    "nonagésimo"
).split()

_DE_CARD = (
    "ein zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn "
    "sechzehn siebzehn achtzehn neunzehn"
).split()
_DE_TENS = "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig".split()

_RU_UNITS = "перв втор трет четверт пят шест седьм восьм девят".split()
_RU_TEENS = (
    "десят одиннадцат двенадцат тринадцат четырнадцат пятнадцат шестнадцат семнадцат "
    "восемнадцат девятнадцат"
).split()
_RU_TENS_ORD = "двадцат тридцат сороков пятидесят шестидесят семидесят восьмидесят девяност".split()
_RU_TENS = "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто".split()

_AR_UNITS = "الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة".split()
_AR_UNITS_COMPOUND = (
    "الحادية الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة".split()
)
_AR_TENS = "العشرون الثلاثون الأربعون الخمسون الستون السبعون الثمانون التسعون".split()

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


_JOINERS = re.compile(r"[\s\-‐‑–]+")


def fold(text: str) -> str:
    """Return `text` lower-cased, accents kept, without spaces, hyphens or tatweel."""
    text = unicodedata.normalize("NFC", text).lower().replace("ё", "е")
    text = text.replace("إ", "ا").replace("أ", "ا").replace("آ", "ا").replace("ـ", "")
    return _JOINERS.sub("", text)


def english() -> dict[str, int]:
    out = {}
    for n in range(1, 200):
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            words = "one hundredth"
        else:
            tens, unit = divmod(rest, 10)
            if rest < 10:
                part = _EN_UNITS[rest - 1]
            elif rest < 20:
                part = _EN_TEENS[rest - 10]
            elif unit == 0:
                part = _EN_TENS_ORD[tens - 2]
            else:
                part = f"{_EN_TENS[tens - 2]}-{_EN_UNITS[unit - 1]}"
            words = f"one hundred and {part}" if hundreds else part
            if hundreds:
                out[fold(f"one hundred {part}")] = n
        out[fold(words)] = n
    return out


def _french_cardinal(n: int) -> str:
    if n < 20:
        return _FR_CARD[n - 1]
    if n < 70:
        tens, unit = divmod(n, 10)
        base = _FR_TENS[tens - 2]
        if unit == 0:
            return base
        return f"{base} et un" if unit == 1 else f"{base}-{_FR_CARD[unit - 1]}"
    if n < 80:
        return "soixante et onze" if n == 71 else f"soixante-{_FR_CARD[n - 61]}"
    if n == 80:
        return "quatre-vingts"
    return f"quatre-vingt-{_FR_CARD[n - 81]}"


def _french_ordinal_from_cardinal(card: str) -> str:
    card = card.removesuffix("s") if card.endswith("vingts") else card
    if card.endswith("un"):
        return card + "ième"
    if card.endswith("cinq"):
        return card + "uième"
    if card.endswith("neuf"):
        return card[:-1] + "vième"
    if card[-1] == "e":
        return card[:-1] + "ième"
    return card + "ième"


def french() -> dict[str, int]:
    out = {}
    units = _FR_UNITS.split()
    for n in range(1, 200):
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            words = ["centième"]
        elif rest == 1 and not hundreds:
            words = ["premier", "première"]
        elif rest < 10 and not hundreds:
            words = [units[rest - 1]]
        else:
            words = [_french_ordinal_from_cardinal(_french_cardinal(rest))]
            if rest == 2:
                words.append("second")
        for word in words:
            out[fold(f"cent {word}" if hundreds and rest else word)] = n
    return out


def spanish() -> dict[str, int]:
    out = {}
    irregular = {11: ["undécimo", "decimoprimero"], 12: ["duodécimo", "decimosegundo"]}
    for n in range(1, 200):
        hundreds, rest = divmod(n, 100)
        tens, unit = divmod(rest, 10)
        forms: list[str] = []
        if rest == 0:
            forms = ["centésimo"]
        elif rest < 10:
            forms = [_ES_UNITS[rest - 1]]
            if rest in (1, 3):
                forms.append(_ES_UNITS[rest - 1][:-1])
        elif unit == 0:
            forms = [_ES_TENS[tens - 1]]
        else:
            forms = [f"{_ES_TENS[tens - 1]} {_ES_UNITS[unit - 1]}"]
            if tens == 1:
                forms.append("decimo" + _ES_UNITS[unit - 1].replace("é", "e"))
            forms += irregular.get(rest, [])
        for form in forms:
            out[fold(f"centésimo {form}" if hundreds and rest else form)] = n
            # the feminine ("septuagésima sesión") and without accents
            fem = re.sub(r"o\b", "a", form)
            out[fold(f"centésima {fem}" if hundreds and rest else fem)] = n
    return {**out, **{_strip_accents(k): v for k, v in out.items()}}


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def german() -> dict[str, int]:
    out = {}
    for n in range(1, 200):
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            cards, suffix = ["hundert"], "ste"
        elif rest < 20:
            cards, suffix = [_DE_CARD[rest - 1]], "te"
        else:
            tens, unit = divmod(rest, 10)
            base = _DE_TENS[tens - 2]
            cards = [base if unit == 0 else f"{_DE_CARD[unit - 1]}und{base}"]
            suffix = "ste"
        for card in cards:
            word = card + suffix
            word = {"eintte": "erste", "dreite": "dritte", "siebente": "siebte"}.get(
                word, word.replace("eintte", "erste")
            )
            word = word.replace("acht" + "te", "achte")
            for prefix in ["hundert", "einhundert"] if hundreds and rest else [""]:
                out[fold(prefix + word)] = n
                out[fold(prefix + word)[:-1] + "en"] = n  # "siebenten", weak forms
    out[fold("siebente")] = 7
    return out


def russian() -> dict[str, int]:
    out = {}
    endings = ("ая", "ой", "ый", "ий", "ья", "ье", "ое", "ей")
    for n in range(1, 200):
        hundreds, rest = divmod(n, 100)
        tens, unit = divmod(rest, 10)
        if rest == 0:
            stems = ["сот"]
            prefix = ""
        elif rest < 10:
            stems, prefix = [_RU_UNITS[rest - 1]], ""
        elif rest < 20:
            stems, prefix = [_RU_TEENS[rest - 10]], ""
        elif unit == 0:
            stems, prefix = [_RU_TENS_ORD[tens - 2]], ""
        else:
            stems, prefix = [_RU_UNITS[unit - 1]], _RU_TENS[tens - 2]
        if hundreds and rest:
            prefix = "сто " + prefix
        for stem in stems:
            for ending in endings:
                out[fold(f"{prefix} {stem}{ending}")] = n
    return out


def arabic() -> dict[str, int]:
    out = {}
    for n in range(1, 200):
        hundreds, rest = divmod(n, 100)
        tens, unit = divmod(rest, 10)
        if rest == 0:
            forms = ["المائة", "المئة"]
        elif rest < 10:
            forms = [_AR_UNITS[rest - 1]]
        elif rest == 10:
            forms = ["العاشرة"]
        elif rest < 20:
            forms = [f"{_AR_UNITS_COMPOUND[unit - 1]} عشرة"]
        elif unit == 0:
            forms = [_AR_TENS[tens - 2]]
        else:
            forms = [f"{_AR_UNITS_COMPOUND[unit - 1]} و{_AR_TENS[tens - 2]}"]
        for form in forms:
            if hundreds and rest:
                out[fold(f"{form} بعد المائة")] = n
            else:
                out[fold(form)] = n
    return out


def chinese_number(text: str) -> int | None:
    """Return the value of a Chinese numeral below 1000 (`七十` -> 70), or of ASCII digits."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _ZH_DIGITS:
            current = _ZH_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current or None


def by_table(build: Callable[[], dict[str, int]]) -> Callable[[str], int | None]:
    """Return a parser of ordinals in words from the builder of its table (`english` ...);
    the table is built at the first use."""
    table = cache(build)

    def parse(words: str) -> int | None:
        key = fold(words)
        found = table()
        if key in found:
            return found[key]
        return found.get(_strip_accents(key))

    return parse


def chinese_ordinal(words: str) -> int | None:
    """Return the number of a Chinese ordinal ("第二十八" -> 28), or None."""
    return chinese_number(words.strip().removeprefix("第"))
