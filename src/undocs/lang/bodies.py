"""UN organs: their names in seven languages mapped to one English name, and symbol series.

Reference data as data: a body the corpus names is a row here, not a regex in a parser.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from .numerals import fold
from .patterns import alternation

GA = "General Assembly"
SC = "Security Council"
ECOSOC = "Economic and Social Council"
HRC = "Human Rights Council"
UPR = "Working Group on the Universal Periodic Review"
COP_UNTOC = (
    "Conference of the Parties to the United Nations Convention against Transnational "
    "Organized Crime"
)

#: Canonical English name -> names as printed in each language.
BODY_NAMES: dict[str, tuple[str, ...]] = {
    GA: (
        "General Assembly",
        "Assemblée générale",
        "Asamblea General",
        "Generalversammlung",
        "Генеральная Ассамблея",
        "Генеральной Ассамблеи",
        "الجمعية العامة",
        "大会",
    ),
    SC: (
        "Security Council",
        "Conseil de sécurité",
        "Consejo de Seguridad",
        "Sicherheitsrat",
        "Совет Безопасности",
        "Совета Безопасности",
        "مجلس الأمن",
        "安全理事会",
        "Sicherheitsrats",
    ),
    ECOSOC: (
        "Economic and Social Council",
        "Conseil économique et social",
        "Consejo Económico y Social",
        "Wirtschafts- und Sozialrat",
        "Экономический и Социальный Совет",
        "Экономического и Социального Совета",
        "المجلس الاقتصادي والاجتماعي",
        "经济及社会理事会",
        "Wirtschafts- und Sozialrats",
    ),
    HRC: (
        "Human Rights Council",
        "Conseil des droits de l’homme",
        "Conseil des droits de l'homme",
        "Consejo de Derechos Humanos",
        "Menschenrechtsrat",
        "Menschenrechtsrats",
        "Совет по правам человека",
        "Совета по правам человека",
        "مجلس حقوق الإنسان",
        "人权理事会",
    ),
    UPR: (
        "Working Group on the Universal Periodic Review",
        "Groupe de travail sur l’Examen périodique universel",
        "Groupe de travail sur l'Examen périodique universel",
        "Grupo de Trabajo sobre el Examen Periódico Universal",
        "Arbeitsgruppe für die allgemeine regelmäßige Überprüfung",
        "Рабочая группа по универсальному периодическому обзору",
        "الفريق العامل المعني بالاستعراض الدوري الشامل",
        "普遍定期审议工作组",
    ),
    COP_UNTOC: (
        "Conference of the Parties to the United Nations Convention against Transnational "
        "Organized Crime",
        "Conférence des Parties à la Convention des Nations Unies contre la criminalité "
        "transnationale organisée",
        "Conferencia de las Partes en la Convención de las Naciones Unidas contra la "
        "Delincuencia Organizada Transnacional",
        "Konferenz der Vertragsparteien des Übereinkommens der Vereinten Nationen gegen die "
        "grenzüberschreitende organisierte Kriminalität",
        "Конференция участников Конвенции Организации Объединенных Наций против "
        "транснациональной организованной преступности",
        "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
        "联合国打击跨国有组织犯罪公约缔约方会议",
    ),
    "Commission on the Status of Women": (
        "Commission on the Status of Women",
        "Commission de la condition de la femme",
        "Comisión de la Condición Jurídica y Social de la Mujer",
        "Frauenrechtskommission",
        "Комиссия по положению женщин",
        "لجنة وضع المرأة",
        "妇女地位委员会",
    ),
    "Commission on Human Rights": (
        "Commission on Human Rights",
        "Commission des droits de l’homme",
        "Comisión de Derechos Humanos",
        "Menschenrechtskommission",
        "Комиссия по правам человека",
        "لجنة حقوق الإنسان",
        "人权委员会",
    ),
    "Trusteeship Council": (
        "Trusteeship Council",
        "Conseil de tutelle",
        "Consejo de Administración Fiduciaria",
        "Treuhandrat",
        "Совет по Опеке",
        "مجلس الوصاية",
        "托管理事会",
    ),
    "Peacebuilding Commission": (
        "Peacebuilding Commission",
        "Commission de consolidation de la paix",
        "Comisión de Consolidación de la Paz",
        "Kommission für Friedenskonsolidierung",
        "Комиссия по миростроительству",
        "لجنة بناء السلام",
        "建设和平委员会",
    ),
}

#: Committees and subsidiary organs that report as their parent (GUIDE.md: "a main committee
#: (Third Committee) reports as its parent General Assembly").
PARENT_OF: dict[str, tuple[str, ...]] = {
    GA: (
        "First Committee",
        "Second Committee",
        "Third Committee",
        "Fourth Committee",
        "Fifth Committee",
        "Sixth Committee",
        "Special Political and Decolonization Committee",
        "Première Commission",
        "Deuxième Commission",
        "Troisième Commission",
        "Quatrième Commission",
        "Cinquième Commission",
        "Sixième Commission",
        "Primera Comisión",
        "Segunda Comisión",
        "Tercera Comisión",
        "Cuarta Comisión",
        "Quinta Comisión",
        "Sexta Comisión",
        "Erster Ausschuss",
        "Zweiter Ausschuss",
        "Dritter Ausschuss",
        "Vierter Ausschuss",
        "Fünfter Ausschuss",
        "Sechster Ausschuss",
        "Первый комитет",
        "Второй комитет",
        "Третий комитет",
        "Четвертый комитет",
        "Пятый комитет",
        "Шестой комитет",
        "اللجنة الأولى",
        "اللجنة الثانية",
        "اللجنة الثالثة",
        "اللجنة الرابعة",
        "اللجنة الخامسة",
        "اللجنة السادسة",
        "第一委员会",
        "第二委员会",
        "第三委员会",
        "第四委员会",
        "第五委员会",
        "第六委员会",
    ),
}

#: Symbol series prefix -> body, most specific first (GUIDE.md: "the symbol's series decides").
SERIES_BODY: tuple[tuple[str, str], ...] = (
    ("A/HRC/WG.6", UPR),
    ("A/HRC", HRC),
    ("CTOC/COP", COP_UNTOC),
    ("E/CN.6", "Commission on the Status of Women"),
    ("E/CN.4", "Commission on Human Rights"),
    ("E/CN.5", "Commission for Social Development"),
    ("E/CN.7", "Commission on Narcotic Drugs"),
    ("E/CN.15", "Commission on Crime Prevention and Criminal Justice"),
    ("E/CN.3", "Statistical Commission"),
    ("E/CN.9", "Commission on Population and Development"),
    ("E/CN.16", "Commission on Science and Technology for Development"),
    ("E/C.12", "Committee on Economic, Social and Cultural Rights"),
    ("E/ICEF", "Executive Board of the United Nations Children's Fund"),
    ("A/AC.109", GA),
    ("ST", "Secretariat"),
    ("UNODC/CCPCJ", "Commission on Crime Prevention and Criminal Justice"),
    ("UNODC/CND", "Commission on Narcotic Drugs"),
    ("A", GA),
    ("S", SC),
    ("E", ECOSOC),
    ("T", "Trusteeship Council"),
    ("CEDAW", "Committee on the Elimination of Discrimination against Women"),
    ("CERD", "Committee on the Elimination of Racial Discrimination"),
    ("CRC", "Committee on the Rights of the Child"),
    ("CAT", "Committee against Torture"),
    ("CCPR", "Human Rights Committee"),
    ("CRPD", "Committee on the Rights of Persons with Disabilities"),
    ("CMW", "Committee on Migrant Workers"),
    ("CED", "Committee on Enforced Disappearances"),
    (
        "FCCC",
        "Conference of the Parties to the United Nations Framework Convention on Climate Change",
    ),
    ("UNEP", "United Nations Environment Programme"),
    ("DP", "Executive Board of UNDP, UNFPA and UNOPS"),
    ("UNW", "Executive Board of UN-Women"),
    ("ISBA", "International Seabed Authority"),
    (
        "NPT",
        "Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear "
        "Weapons",
    ),
    ("TPNW", "Meeting of States Parties to the Treaty on the Prohibition of Nuclear Weapons"),
    ("SPLOS", "Meeting of States Parties to the United Nations Convention on the Law of the Sea"),
    ("CLCS", "Commission on the Limits of the Continental Shelf"),
    ("PBC", "Peacebuilding Commission"),
    ("CD", "Conference on Disarmament"),
    ("HSP", "UN-Habitat Assembly"),
    (
        "CAC/COSP",
        "Conference of the States Parties to the United Nations Convention against Corruption",
    ),
    (
        "ICCD",
        "Conference of the Parties to the United Nations Convention to Combat Desertification",
    ),
    (
        "IPBES",
        "Plenary of the Intergovernmental Science-Policy Platform on Biodiversity and "
        "Ecosystem Services",
    ),
    ("IDB", "Industrial Development Board"),
    ("TD", "Trade and Development Board"),
)


class _NameIndex(NamedTuple):
    """Every body name in every language, made once."""

    canonical: dict[str, str]
    """`fold`ed name -> the body's canonical English name (a parent's, for its organs)."""
    pattern: re.Pattern[str]
    """Any name, in any case, as a whole word."""
    alternation: str
    """Any name as written, as a regular expression to embed."""


@cache
def _name_index() -> _NameIndex:
    index: dict[str, str] = {}
    for canonical, variants in BODY_NAMES.items():
        for name in variants:
            index[fold(name)] = canonical
    for parent, variants in PARENT_OF.items():
        for name in variants:
            index[fold(name)] = parent
    names = [n for group in (*BODY_NAMES.values(), *PARENT_OF.values()) for n in group]
    pattern = re.compile(rf"(?<!\w)(?:{alternation(names, lower=True)})(?!\w)", re.IGNORECASE)
    return _NameIndex(index, pattern, alternation(names))


def body_names() -> str:
    """Return a regex matching any body name of the table, in any language."""
    return _name_index().alternation


def find_body(line: str) -> str | None:
    """Return the canonical name of the first body named in `line`, or None."""
    index, pattern = _name_index().canonical, _name_index().pattern
    match = pattern.search(line)
    return index.get(fold(match.group(0))) if match else None


def find_last_body(text: str) -> str | None:
    """Return the canonical name of the last body named in `text` (the nearest to what
    follows it), or None."""
    index, pattern = _name_index().canonical, _name_index().pattern
    last = None
    for last in pattern.finditer(text):  # noqa: B007  (the last match is wanted)
        pass
    return index.get(fold(last.group(0))) if last else None


def is_body_line(line: str) -> bool:
    """Return True if `line` is nothing but a body's name (a masthead line)."""
    index = _name_index().canonical
    return fold(line.strip().rstrip(":,")) in index


def body_of_series(symbol: str | None) -> str | None:
    """Return the body the series of `symbol` belongs to, most specific prefix first."""
    if not symbol:
        return None
    for prefix, body in SERIES_BODY:
        if symbol == prefix or symbol.startswith(prefix + "/") or symbol.startswith(prefix + "."):
            return body
    return None
