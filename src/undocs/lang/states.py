"""Member States as vote lists print them: one name per state across spellings and languages.

A vote list prints a state in its text's language and in the form of its time ("Russische
Föderation", "Syria", "Union of Soviet Socialist Republics"), sometimes damaged by the OCR
("Union of S0viet Socialist Republics", "Peru4", "Matta"). `state_name` returns the English
name a state's page is under: the UN's English short name for a name in another language or
a known variant, the printed name itself otherwise. States of the past (the USSR, Yugoslavia,
Czechoslovakia, the German Democratic Republic, the United Arab Republic ...) are kept as
printed: they are not today's states, and a reader looks for them under their own names.
"""

from __future__ import annotations

import re

#: Names in the other languages of the archive and English variants -> the UN's English
#: short name. The German forms are the Deutscher Übersetzungsdienst's.
_NAMES = {
    # German
    "China": "China",
    "Deutschland": "Germany",
    "Frankreich": "France",
    "Russische Föderation": "Russian Federation",
    "Syrische Arabische Republik": "Syrian Arab Republic",
    "Vereinigte Staaten von Amerika": "United States of America",
    "Vereinigte Staaten": "United States of America",
    "Vereinigtes Königreich Großbritannien und Nordirland": (
        "United Kingdom of Great Britain and Northern Ireland"
    ),
    "Vereinigtes Königreich": "United Kingdom of Great Britain and Northern Ireland",
    "Brasilien": "Brazil",
    "Argentinien": "Argentina",
    "Algerien": "Algeria",
    "Ägypten": "Egypt",
    "Spanien": "Spain",
    "Italien": "Italy",
    "Japan": "Japan",
    "Mexiko": "Mexico",
    "Pakistan": "Pakistan",
    "Indien": "India",
    "Türkei": "Türkiye",
    "Libysch-Arabische Dschamahirija": "Libyan Arab Jamahiriya",
    "Kuba": "Cuba",
    "Ungarn": "Hungary",
    "Jemen": "Yemen",
    "Libanon": "Lebanon",
    "Katar": "Qatar",
    # French, Spanish
    "Chine": "China",
    "France": "France",
    "Fédération de Russie": "Russian Federation",
    "États-Unis d'Amérique": "United States of America",
    "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord": (
        "United Kingdom of Great Britain and Northern Ireland"
    ),
    "Federación de Rusia": "Russian Federation",
    "Francia": "France",
    "Estados Unidos de América": "United States of America",
    "Reino Unido de Gran Bretaña e Irlanda del Norte": (
        "United Kingdom of Great Britain and Northern Ireland"
    ),
    # Russian, Arabic, Chinese
    "Китай": "China",
    "Франция": "France",
    "Российская Федерация": "Russian Federation",
    "Соединенные Штаты Америки": "United States of America",
    "Соединенное Королевство Великобритании и Северной Ирландии": (
        "United Kingdom of Great Britain and Northern Ireland"
    ),
    "الصين": "China",
    "فرنسا": "France",
    "الاتحاد الروسي": "Russian Federation",
    "الولايات المتحدة الأمريكية": "United States of America",
    "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية": (
        "United Kingdom of Great Britain and Northern Ireland"
    ),
    "中国": "China",
    "法国": "France",
    "俄罗斯联邦": "Russian Federation",
    "美利坚合众国": "United States of America",
    "大不列颠及北爱尔兰联合王国": "United Kingdom of Great Britain and Northern Ireland",
    # English variants and OCR damage seen in the texts
    "Union of Soviet Republics": "Union of Soviet Socialist Republics",
    "Union of S0viet Socialist Republics": "Union of Soviet Socialist Republics",
    "Matta": "Malta",
    "United Kingdom of Great Britan and Northern Ireland": (
        "United Kingdom of Great Britain and Northern Ireland"
    ),
    "Brasil": "Brazil",
    "Cape Verde": "Cabo Verde",
    "Czech Republic": "Czechia",
    "United Kingdom": "United Kingdom of Great Britain and Northern Ireland",
    "United States": "United States of America",
}

#: Names of one state that hold what otherwise separates two states in a printed list ("and",
#: "und", a comma), besides those of `_NAMES`.
_ONE_STATE = (
    "Antigua and Barbuda", "Bosnia and Herzegovina", "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines", "Sao Tome and Principe", "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland", "Heard Island and McDonald Islands",
    "Serbia and Montenegro", "Turks and Caicos Islands", "Wallis and Futuna",
    "Antigua und Barbuda", "Bosnien und Herzegowina", "St. Kitts und Nevis",
    "St. Vincent und die Grenadinen", "São Tomé und Príncipe", "Trinidad und Tobago",
    "Serbien und Montenegro", "Germany, Federal Republic of",
    # long names the OCR breaks with stray marks ("Union of Soviet, Socialist Republics")
    "Union of Soviet Socialist Republics", "Ukrainian Soviet Socialist Republic",
    "Byelorussian Soviet Socialist Republic", "United States of America",
)  # fmt: skip
_SEPARATED = re.compile(r" and | und |, ")

#: Each name of one state a printed list may break (`_ONE_STATE`, and the names and variants
#: of `_NAMES` holding a separator), longest first, with the pattern that finds it whatever
#: the OCR put between its words ("United. Kingdom of Great Britain and Northern, Ireland").
JOINED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(r"\W+".join(map(re.escape, name.split()))))
    for name in sorted(
        {*_ONE_STATE, *(n for pair in _NAMES.items() for n in pair if _SEPARATED.search(n))},
        key=lambda n: (-len(n), n),
    )
)

#: What a list may hold that is not a state ("(... absent)", "not voting").
_NOT_A_STATE = re.compile(r"^(?:absent|present|not\s+voting|did\s+not\s+participate)\b", re.I)


def state_name(printed: str) -> str | None:
    """Return the name a printed state is listed under, or None for what is not a state."""
    name = re.sub(r"(?<=[a-z)])\d{1,3}$", "", printed.strip(" —–-.*")).strip()
    if not name or _NOT_A_STATE.match(name) or not (name[0].isupper() or not name[0].isascii()):
        return None
    return _NAMES.get(name, name)
