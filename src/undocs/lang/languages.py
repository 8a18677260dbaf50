"""What each language prints on a UN masthead and around a citation, as tables.

A new language is a new `Language` entry here, not a new branch in the parsers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import numerals


@dataclass(frozen=True)
class Language:
    """The words of one language that the masthead and citation rules look for."""

    code: str
    """ISO 639-1 code."""
    months: dict[str, int]
    """Month names (lower case, as printed, stems allowed) -> month number."""
    language_names: dict[str, str]
    """Names of languages as printed after "Original:" (lower case) -> ISO code."""
    distribution: dict[str, str]
    """Words after "Distr." (lower case) -> `general`, `limited`, `restricted`."""
    original_label: str
    """Regex for the "Original:" label."""
    session_line: str
    """Regex for the session line; group `ord` holds the ordinal words."""
    agenda_line: str
    """Regex for the agenda item line; group `items` holds the item list."""
    resolution_words: str
    """Regex for "resolution(s)" before a number, with the language's attached prefixes."""
    conjunctions: str
    """Regex for the words that join items of a list ("and", "et", "و" ...)."""
    of_words: str
    """Regex for the word introducing a date after a number ("of", "du", "vom" ...)."""
    resolution_hint: str
    """A piece of the word for "resolution": a text without it cites none by number."""
    hint_lead: int
    """How far before its hint the word may start ("Resolution" 1; Arabic "وبالقرار" 4: two
    prefixed letters and the article). Tested against a full scan."""
    openers: str
    """Regex for the line opening a resolution's body ("The General Assembly,")."""
    meeting: str
    """Regex for the line of a decision taken at a meeting ("At its 5th meeting"); "": none."""
    headings: str
    """Regex for the headings that start a body ("Contents$", "Summary$")."""
    labels: str
    """Regex for the label lines around a title ("Note by the Secretariat", "Addendum")."""
    document_types: dict[str, str]
    """Document type -> regex for its words in a title or label (`masthead.TYPE_ORDER`);
    a type the language's documents do not name in words is left out."""
    sc_resolution: str
    """Regex for "Resolution" in an old Security Council heading ("Resolution 500 (1982)");
    "": none printed."""
    stopwords: frozenset[str]
    """Common small words, to tell languages of one script apart (empty: told by script)."""
    script: str | None
    """Regex for a character of the language's own script (None: the Latin script)."""
    ordinal: Callable[[str], int | None]
    """Reads an ordinal in words ("fifty-sixth" -> 56; `numerals`), or None."""
    disclaimers: str = ""
    """Regex for the start of a block printed around a title that is no part of it: a
    translation service's or printer's notice ("Vorauskopie des Deutschen
    Übersetzungsdienstes ..."), a draft's sponsors ("eingebracht von: ..."); "": none known."""
    sc_bare: str = ""
    """Regex for a Security Council resolution cited by its number alone, the Council named
    after it ("résolution 1325 du Conseil de sécurité"; group `n`); "": none known. (English
    names the Council before: `citations._SC_BARE`.)"""
    corrigendum: str = ""
    """Regex for the word heading a corrigendum's corrections ("Corrigendum"): the title
    ends above it; "": none known."""
    addendum_joiners: str = r"and|et|y|und|и|و|和|及"
    """Words between a symbol and "Add.1" in "A/HRC/28/15 and Add.1"."""


def _months(names: str) -> dict[str, int]:
    return {name: number for number, name in enumerate(names.split(), 1)}


_EN_MONTHS = _months(
    "january february march april may june july august september october november december"
)
_FR_MONTHS = _months(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
)
_ES_MONTHS = _months(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
)
_DE_MONTHS = _months(
    "januar februar märz april mai juni juli august september oktober november dezember"
)
_RU_MONTHS = {
    m: i
    for i, m in enumerate(
        "январ феврал март апрел ма июн июл август сентябр октябр ноябр декабр".split(), 1
    )
}
# Arabic mastheads print the Levantine and the Egyptian name: "حزيران/يونيه".
_AR_MONTHS = {
    **{
        m: i
        for i, m in enumerate(
            "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|"
            "كانون الأول".split("|"),
            1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            "يناير|فبراير|مارس|أبريل|مايو|يونيه|يوليه|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر".split("|"),
            1,
        )
    },
    "يونيو": 6,
    "يوليو": 7,
    "ابريل": 4,
}

_LANGUAGE_NAMES = {
    "en": {
        "english": "en",
        "french": "fr",
        "spanish": "es",
        "russian": "ru",
        "arabic": "ar",
        "chinese": "zh",
        "german": "de",
    },
    "fr": {
        "anglais": "en",
        "français": "fr",
        "espagnol": "es",
        "russe": "ru",
        "arabe": "ar",
        "chinois": "zh",
        "allemand": "de",
    },
    "es": {
        "inglés": "en",
        "ingles": "en",
        "francés": "fr",
        "frances": "fr",
        "español": "es",
        "ruso": "ru",
        "árabe": "ar",
        "arabe": "ar",
        "chino": "zh",
        "alemán": "de",
    },
    "de": {
        "englisch": "en",
        "französisch": "fr",
        "spanisch": "es",
        "russisch": "ru",
        "arabisch": "ar",
        "chinesisch": "zh",
        "deutsch": "de",
    },
    "ru": {
        "английский": "en",
        "французский": "fr",
        "испанский": "es",
        "русский": "ru",
        "арабский": "ar",
        "китайский": "zh",
        "немецкий": "de",
    },
    "ar": {
        "بالإنكليزية": "en",
        "الإنكليزية": "en",
        "بالانكليزية": "en",
        "بالإنجليزية": "en",
        "بالفرنسية": "fr",
        "الفرنسية": "fr",
        "بالإسبانية": "es",
        "الإسبانية": "es",
        "بالروسية": "ru",
        "الروسية": "ru",
        "بالعربية": "ar",
        "العربية": "ar",
        "بالصينية": "zh",
        "الصينية": "zh",
    },
    "zh": {
        "英文": "en",
        "法文": "fr",
        "西班牙文": "es",
        "俄文": "ru",
        "阿拉伯文": "ar",
        "中文": "zh",
        "德文": "de",
    },
}

_DISTRIBUTION = {
    "general": "general",
    "générale": "general",
    "generale": "general",
    "limited": "limited",
    "limitée": "limited",
    "limitee": "limited",
    "limitada": "limited",
    "restricted": "restricted",
    "restreinte": "restricted",
    "reservada": "restricted",
    "allgemein": "general",
    "begrenzt": "limited",
    "общий": "general",
    "ограниченный": "limited",
    "عام": "general",
    "محدود": "limited",
    "普遍": "general",
    "限制": "limited",
}

_CONJ = r"and|or|as well as|et|ou|ainsi que|y|e|o|und|oder|sowie|и|или|а также|و|أو|和|及|与|或"
_OF = r"of|du|des|de|del|vom|от|المؤرخ|المؤرخة|المؤرخين"

LANGUAGES: dict[str, Language] = {
    "en": Language(
        code="en",
        corrigendum=r"Corrigendum",
        months=_EN_MONTHS,
        language_names=_LANGUAGE_NAMES["en"],
        distribution=_DISTRIBUTION,
        original_label=r"Original",
        session_line=r"^(?P<ord>[A-Za-z][A-Za-z\- ]*?)\s+(?:regular\s+|special\s+|emergency\s+"
        r"special\s+)?session\b",
        agenda_line=r"(?:^|(?<=\s))(?:Provisional\s+)?agenda\s+items?\s+"
        r"(?P<items>[\d().,a-z \-–and]+?)(?:\s*\*+)?\s*(?:$|(?=\s[A-Z]))",
        resolution_words=r"[Rr]esolutions?",
        resolution_hint="esolution",
        hint_lead=1,
        openers=r"The\s+(?:General\s+Assembly|Security\s+Council|Human\s+Rights\s+Council|Economic\s+"
        r"and\s+Social\s+Council|Conference\s+of\s+the\s+Parties|Council|Commission)\b.*,$",
        meeting=r"At\s+(?:its|the)\s+\d+\w*\s+meeting",
        headings=r"Contents$|Introduction$|Summary$|Annex$",
        labels=r"Note\s+by\s+.*|(?:Resolution|Decision)\s+adopted\b.*|"
        r"(?:Vice-)?(?:President|Rapporteur)\b.*:.*|.*:\**\s*(?:draft\s+resolution|draft"
        r"\s+decision)\**|Addendum|Report\s+of\s+the\s+(?:Secretary-General|(?:Office\s+of\s+the"
        r"\s+)?United\s+Nations\s+High\s+Commissioner\s+for\s+Human\s+Rights|Special\s+"
        r"Rapporteur\b.*|Independent\s+Expert\b.*)|"
        r"Statement\s+by\s+the\s+President\s+of\s+the\s+Security\s+Council|"
        r"(?:Draft\s+resolution|Draft\s+decision)\b.*|(?:Vienna|Geneva|New\s+York)\b.*\d{4}.*",
        document_types={
            "draft resolution": r"draft\s+resolution",
            "draft decision": r"draft\s+decision",
            "note": r"^\s*Note\s+by",
            "letter": r"^\s*(?:Letter|Identical\s+letters)",
            "agenda": r"^\s*Provisional\s+agenda",
            "report": r"^\s*.*\breport\b|\bCompilation\b|\bSummary of (?:stakeholders|information)",
        },
        sc_resolution=r"Resolution",
        stopwords=frozenset({"the", "of", "and", "to", "in", "that", "its", "on", "for", "with"}),
        script=None,
        ordinal=numerals.by_table(numerals.english),
        conjunctions=_CONJ,
        of_words=_OF,
    ),
    "fr": Language(
        code="fr",
        sc_bare=r"[Rr]ésolutions?\s+(?P<n>\d{3,4})\s+du\s+Conseil\s+de\s+sécurité",
        corrigendum=r"Rectificatif",
        months=_FR_MONTHS,
        language_names=_LANGUAGE_NAMES["fr"],
        distribution=_DISTRIBUTION,
        original_label=r"Original",
        session_line=r"^(?P<ord>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ\- ]*?)\s+session(?:\s+extraordinaire)?\b",
        agenda_line=r"^Points?\s+(?P<items>[\d()., a-z\-–]+?(?:\s+et\s+[\d()a-z ]+)?)\s+de\s+"
        r"l[’']ordre\s+du\s+jour",
        resolution_words=r"[Rr]ésolutions?",
        resolution_hint="ésolution",
        hint_lead=1,
        openers=r"(?:L[ea]s?\s+|L[’']\s*)(?:Assemblée|Conseil|Conférence|Commission)\b.*,$",
        meeting=r"À\s+sa\s+\d+e\s+séance",
        headings=r"Table des matières$|Introduction$|Résumé$",
        labels=r"Note\s+(?:du|de\s+la|des)\s+.*|(?:Résolution|Décision)\s+adoptée\b.*|"
        r"(?:Vice-)?(?:Président|Rapporteur)\b.*:.*|.*:\**\s*projet\s+de\s+résolution\**|"
        r"Additif|Rapport\s+du\s+Secrétaire\s+général|"
        r"Déclaration\s+du\s+Président\s+du\s+Conseil\s+de\s+sécurité|"
        r"Projet\s+de\s+résolution\b.*|(?:Vienne|Genève)\b.*\d{4}.*",
        document_types={
            "draft resolution": r"projet\s+de\s+résolution",
            "draft decision": r"projet\s+de\s+décision",
            "note": r"^\s*Note\s+(?:du|de)",
            "letter": r"^\s*(?:Lettre|Lettres)",
            "agenda": r"^\s*Ordre\s+du\s+jour\s+provisoire",
            "report": r"^\s*Rapport",
        },
        sc_resolution=r"Résolution",
        stopwords=frozenset(
            {"le", "la", "les", "des", "et", "du", "de", "sur", "pour", "dans", "une"}
        ),
        script=None,
        ordinal=numerals.by_table(numerals.french),
        conjunctions=_CONJ,
        of_words=_OF,
    ),
    "es": Language(
        code="es",
        sc_bare=r"[Rr]esoluci[oó]n(?:es)?\s+(?P<n>\d{3,4})\s+del\s+Consejo\s+de\s+Seguridad",
        corrigendum=r"Corrección|Corrigendum",
        months=_ES_MONTHS,
        language_names=_LANGUAGE_NAMES["es"],
        distribution=_DISTRIBUTION,
        original_label=r"Original",
        session_line=r"^(?P<ord>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ\- ]*?)\s+período\s+(?:extraordinario\s+)?"
        r"de\s+sesiones\b",
        agenda_line=r"^Temas?\s+(?P<items>[\d()., a-z\-–]+?(?:\s+y\s+[\d()a-z ]+)?)\s+del\s+"
        r"programa",
        resolution_words=r"[Rr]esolucione?s?|[Rr]esolución",
        resolution_hint="esoluci",
        hint_lead=1,
        openers=r"(?:El|La)\s+(?:Asamblea|Consejo|Conferencia|Comisión)\b.*,$",
        meeting=r"En\s+su\s+\d+ª\s+sesión",
        headings=r"Índice$|Resumen$",
        labels=r"Nota\s+(?:de|del)\s+.*|(?:Resolución|Decisión)\s+aprobada\b.*|"
        r".*:\**\s*proyecto\s+de\s+resolución\**|Adición|Informe\s+del\s+Secretario\s+General|"
        r"Declaración\s+de\s+la\s+Presidencia\s+del\s+Consejo\s+de\s+Seguridad|"
        r"Proyecto\s+de\s+resolución\b.*|(?:Ginebra|Viena|Nueva\s+York)\b.*\d{4}.*",
        document_types={
            "draft resolution": r"proyecto\s+de\s+resolución",
            "draft decision": r"proyecto\s+de\s+decisión",
            "note": r"^\s*Nota\s+(?:de|del)",
            "letter": r"^\s*(?:Carta|Cartas)",
            "agenda": r"^\s*Programa\s+provisional",
            "report": r"^\s*Informe",
        },
        sc_resolution=r"Resolución",
        stopwords=frozenset(
            {"el", "la", "los", "las", "del", "y", "de", "en", "por", "para", "una"}
        ),
        script=None,
        ordinal=numerals.by_table(numerals.spanish),
        conjunctions=_CONJ,
        of_words=_OF,
    ),
    "de": Language(
        code="de",
        sc_bare=r"[Rr]esolution(?:en)?\s+(?P<n>\d{3,4})\s+des\s+Sicherheitsrat(?:s|es)",
        corrigendum=r"Korrigendum",
        months=_DE_MONTHS,
        language_names=_LANGUAGE_NAMES["de"],
        distribution=_DISTRIBUTION,
        original_label=r"Original",
        session_line=r"^(?P<ord>[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß\- ]*?)\s+(?:Tagung|Sondertagung|"
        r"Notstandssondertagung)\b",
        agenda_line=r"(?:^|(?<=\s))(?:(?:Vorläufige\s+)?Tagesordnungspunkte?|Punkte?(?=.*\s+der\s+"
        r"(?:vorläufigen\s+(?:Tagesordnung|Liste)|provisorischen\s+Liste)\b))\s+"
        r"(?P<items>[\d()., a-z\-–]+?(?:\s+und\s+[\d()a-z ]+?)?)\s*"
        r"(?:der\s+(?:vorläufigen\s+(?:Tagesordnung|Liste)|provisorischen\s+Liste))?\s*[*∗]*\s*$",
        resolution_words=r"[Rr]esolution(?:en)?",
        resolution_hint="esolution",
        hint_lead=1,
        # The translations print the organ alone on its line, with or without the comma.
        openers=r"(?:Die|Der|Das)\s+\w+.*,$|(?:Die\s+Generalversammlung|Der\s+Sicherheitsrat|"
        r"Der\s+Wirtschafts-\s+und\s+Sozialrat|Der\s+Menschenrechtsrat)\s*,?\s*[*∗]?\s*$",
        meeting=r"Auf\s+der\s+\d+\.\s+Sitzung",
        headings=r"Inhalt$",
        labels=r"Resolution\s+der\s+\w+|Beschluss\s+der\s+\w+|"
        r".*:\**\s*(?:Resolutionsentwurf|Beschlussentwurf)\**|Nachtrag|"
        r"Bericht\s+des\s+Generalsekretärs|"
        r"Mitteilung\s+des\s+(?:Generalsekretärs|Sekretariats|Präsidenten\s+des\s+Sicherheitsrats)|"
        r"Erklärung\s+des\s+Präsidenten\s+des\s+Sicherheitsrats|"
        r"(?:Resolutionsentwurf|Beschlussentwurf)\b.*",
        document_types={
            "draft resolution": r"Resolutionsentwurf",
            "draft decision": r"Beschlussentwurf",
            "note": r"^\s*Mitteilung\s+des",
            "letter": r"^\s*Schreiben",
            "agenda": r"^\s*Vorläufige\s+Tagesordnung",
            "report": r"^\s*Bericht",
        },
        sc_resolution=r"Resolution",
        stopwords=frozenset(
            {"der", "die", "das", "und", "des", "den", "zu", "mit", "von", "im", "für"}
        ),
        script=None,
        ordinal=numerals.by_table(numerals.german),
        disclaimers=r"Vorauskopie\s+des\s+Deutschen\s+Übersetzungsdienstes|Aus\s+technischen\s+"
        r"Gründen\s+kann\s+im\s+Falle|Der\s+endgültige\s+amtliche\s+Wortlaut\s+der\s+"
        r"Übersetzung|eingebracht\s+von\b",
        conjunctions=_CONJ,
        of_words=_OF,
    ),
    "ru": Language(
        code="ru",
        sc_bare=r"[Рр]езолюци\w*\s+(?P<n>\d{3,4})\s+Совета\s+Безопасности",
        corrigendum=r"Исправление",
        months=_RU_MONTHS,
        language_names=_LANGUAGE_NAMES["ru"],
        distribution=_DISTRIBUTION,
        original_label=r"Подлинный текст|Original",
        session_line=r"^(?P<ord>[А-Яа-яЁё][А-Яа-яЁё\- ]*?)\s+(?:специальная\s+)?сессия\b",
        agenda_line=r"^Пункты?\s+(?P<items>[\d()., а-яa-z\-–]+?(?:\s+и\s+[\d()а-яa-z ]+)?)\s+"
        r"(?:предварительной\s+)?повестки\s+дня",
        resolution_words=r"[Рр]езолюци[яиейюямх]*",
        resolution_hint="езолюц",
        hint_lead=1,
        openers=r"(?:Генеральная|Совет|Конференция)\s.*,$",
        meeting="",
        headings=r"Содержание$",
        labels=r"Записка\s+.*|.*:\**\s*проект\s+резолюции\**|Добавление|"
        r"Доклад\s+Генерального\s+секретаря|Заявление\s+Председателя\s+Совета\s+Безопасности",
        document_types={
            "draft resolution": r"проект\s+резолюции",
            "draft decision": r"проект\s+решения",
            "note": r"^\s*Записка",
            "letter": r"^\s*Письмо",
            "agenda": r"^\s*Предварительная\s+повестка",
            "report": r"^\s*Доклад",
        },
        sc_resolution=r"Резолюция",
        stopwords=frozenset(),
        script=r"[\u0400-\u04FF]",
        ordinal=numerals.by_table(numerals.russian),
        conjunctions=_CONJ,
        of_words=_OF,
    ),
    "ar": Language(
        code="ar",
        corrigendum=r"تصويب",
        months=_AR_MONTHS,
        language_names=_LANGUAGE_NAMES["ar"],
        distribution=_DISTRIBUTION,
        original_label=r"الأصل|Original",
        session_line=r"^(?:ال)?دورة\s+(?P<ord>[\u0600-\u06FF ]+?)\s*$",
        agenda_line=r"^(?:ال)?بنو?د\s+(?P<items>[\d()., \u0600-\u06FF\-–]+?)\s+من\s+(?:ال)?جدول\s+"
        r"الأعمال",
        resolution_words=r"(?:[وبلفك]{0,2})(?:ال)?قرار(?:ات|ين|ان|ي|ه|ها|هم|يه|يها|اتها|اته)?",
        resolution_hint="قرار",
        hint_lead=4,
        openers=r"(?:إن\s+)?(?:الجمعية|مجلس)\s.*[،,]$",
        meeting="",
        headings=r"المحتويات$",
        labels=r"مذكرة\s+من\s+.*|.*:\**\s*مشروع\s+قرار\**|إضافة|تقرير\s+الأمين\s+العام|"
        r"بيان\s+من\s+رئيس\s+مجلس\s+الأمن",
        document_types={
            "draft resolution": r"مشروع\s+قرار",
            "draft decision": r"مشروع\s+مقرر",
            "note": r"^\s*مذكرة",
            "letter": r"^\s*رسالة",
            "report": r"^\s*تقرير",
        },
        sc_resolution="",
        stopwords=frozenset(),
        script=r"[\u0600-\u06FF]",
        ordinal=numerals.by_table(numerals.arabic),
        conjunctions=_CONJ,
        of_words=_OF,
    ),
    "zh": Language(
        code="zh",
        corrigendum=r"更正",
        months={},
        language_names=_LANGUAGE_NAMES["zh"],
        distribution=_DISTRIBUTION,
        original_label=r"原件|Original",
        session_line=r"^(?P<ord>第[一二三四五六七八九十百零〇\d]+)届(?:特别)?会议",
        agenda_line=r"^(?:临时)?议程项目\s*(?P<items>[\d()（）a-z、和及 ]+)",
        resolution_words=r"号决议",
        resolution_hint="决议",
        hint_lead=1,
        openers=r"(?:大会|安全理事会|人权理事会)[，,]$",
        meeting="",
        headings=r"目录$",
        labels=r".*说明$|.*:\**\s*决议草案\**|增编|秘书长的报告|安全理事会主席的声明",
        document_types={
            "draft resolution": r"决议草案",
            "draft decision": r"决定草案",
            "note": r"^\s*.*说明$",
            "letter": r"^\s*.*的信$",
            "report": r"^\s*.*报告$",
        },
        sc_resolution="",
        stopwords=frozenset(),
        script=r"[\u4E00-\u9FFF]",
        ordinal=numerals.chinese_ordinal,
        conjunctions=_CONJ,
        of_words=_OF,
    ),
}

#: Languages written without spaces between words, indexed for search as character bigrams
#: (`site.textbody.cjk_bigrams`): Pagefind splits their words on spaces only.
BIGRAM_LANGUAGES = frozenset({"zh"})

ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹（）：，", "01234567890123456789():,")


#: The characters `normalise_digits` replaces.
_TRANSLATED = tuple(chr(code) for code in ARABIC_DIGITS)


def normalise_digits(text: str) -> str:
    """Return `text` with Eastern Arabic digits and full-width punctuation as ASCII, same length."""
    # The common case: none of them. A test per character runs at memchr speed (and at once
    # in a text of Latin-1 characters only), faster than one regex scan; translate is slower.
    if not any(char in text for char in _TRANSLATED):
        return text
    return text.translate(ARABIC_DIGITS)


def parse_ordinal(words: str, code: str) -> int | None:
    """Return the number an ordinal written in words stands for in a language, or None."""
    lang = LANGUAGES.get(code)
    return lang.ordinal(words) if lang is not None else None


def language(code: str) -> Language:
    """Return the table of a language; English for a language undocs has no table for."""
    return LANGUAGES.get(code, LANGUAGES["en"])


_SCRIPTS = {code: re.compile(lang.script) for code, lang in LANGUAGES.items() if lang.script}


def detect_language(text: str) -> str:
    """Guess the language of a text from its script, then from its commonest small words."""
    sample = text[:20000]
    counts = {code: len(rx.findall(sample)) for code, rx in _SCRIPTS.items()}
    best = max(counts, key=lambda c: counts[c])
    if counts[best] > 50 or (counts[best] > 0 and counts[best] * 4 > len(sample.strip())):
        return best
    words = re.findall(r"[a-zäöüßéèàçñíóú]+", sample.lower())
    scores = {
        code: sum(1 for w in words if w in lang.stopwords)
        for code, lang in LANGUAGES.items()
        if lang.stopwords
    }
    return max(scores, key=lambda c: scores[c]) if any(scores.values()) else "en"
