"""What each language prints on a UN masthead and around a citation, as tables.

A new language is a new `Language` entry here, not a new branch in the parsers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


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
        months=_EN_MONTHS,
        language_names=_LANGUAGE_NAMES["en"],
        distribution=_DISTRIBUTION,
        original_label=r"Original",
        session_line=r"^(?P<ord>[A-Za-z][A-Za-z\- ]*?)\s+(?:regular\s+|special\s+|emergency\s+"
        r"special\s+)?session\b",
        agenda_line=r"(?:^|(?<=\s))(?:Provisional\s+)?agenda\s+items?\s+"
        r"(?P<items>[\d().,a-z \-–and]+?)(?:\s*\*+)?\s*(?:$|(?=\s[A-Z]))",
        resolution_words=r"[Rr]esolutions?",
        conjunctions=_CONJ,
        of_words=_OF,
    ),
    "fr": Language(
        code="fr",
        months=_FR_MONTHS,
        language_names=_LANGUAGE_NAMES["fr"],
        distribution=_DISTRIBUTION,
        original_label=r"Original",
        session_line=r"^(?P<ord>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ\- ]*?)\s+session(?:\s+extraordinaire)?\b",
        agenda_line=r"^Points?\s+(?P<items>[\d()., a-z\-–]+?(?:\s+et\s+[\d()a-z ]+)?)\s+de\s+"
        r"l[’']ordre\s+du\s+jour",
        resolution_words=r"[Rr]ésolutions?",
        conjunctions=_CONJ,
        of_words=_OF,
    ),
    "es": Language(
        code="es",
        months=_ES_MONTHS,
        language_names=_LANGUAGE_NAMES["es"],
        distribution=_DISTRIBUTION,
        original_label=r"Original",
        session_line=r"^(?P<ord>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ\- ]*?)\s+período\s+(?:extraordinario\s+)?"
        r"de\s+sesiones\b",
        agenda_line=r"^Temas?\s+(?P<items>[\d()., a-z\-–]+?(?:\s+y\s+[\d()a-z ]+)?)\s+del\s+"
        r"programa",
        resolution_words=r"[Rr]esolucione?s?|[Rr]esolución",
        conjunctions=_CONJ,
        of_words=_OF,
    ),
    "de": Language(
        code="de",
        months=_DE_MONTHS,
        language_names=_LANGUAGE_NAMES["de"],
        distribution=_DISTRIBUTION,
        original_label=r"Original",
        session_line=r"^(?P<ord>[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß\- ]*?)\s+(?:Tagung|Sondertagung|"
        r"Notstandssondertagung)\b",
        agenda_line=r"(?:^|(?<=\s))(?:Vorläufige\s+)?Tagesordnungspunkte?\s+(?P<items>[\d()., a-z"
        r"\-–]+?(?:\s+und\s+[\d()a-z ]+?)?)\s*(?:der\s+vorläufigen\s+Tagesordnung)?"
        r"\s*[*∗]*\s*$",
        resolution_words=r"[Rr]esolution(?:en)?",
        conjunctions=_CONJ,
        of_words=_OF,
    ),
    "ru": Language(
        code="ru",
        months=_RU_MONTHS,
        language_names=_LANGUAGE_NAMES["ru"],
        distribution=_DISTRIBUTION,
        original_label=r"Подлинный текст|Original",
        session_line=r"^(?P<ord>[А-Яа-яЁё][А-Яа-яЁё\- ]*?)\s+(?:специальная\s+)?сессия\b",
        agenda_line=r"^Пункты?\s+(?P<items>[\d()., а-яa-z\-–]+?(?:\s+и\s+[\d()а-яa-z ]+)?)\s+"
        r"(?:предварительной\s+)?повестки\s+дня",
        resolution_words=r"[Рр]езолюци[яиейюямх]*",
        conjunctions=_CONJ,
        of_words=_OF,
    ),
    "ar": Language(
        code="ar",
        months=_AR_MONTHS,
        language_names=_LANGUAGE_NAMES["ar"],
        distribution=_DISTRIBUTION,
        original_label=r"الأصل|Original",
        session_line=r"^(?:ال)?دورة\s+(?P<ord>[\u0600-\u06FF ]+?)\s*$",
        agenda_line=r"^(?:ال)?بنو?د\s+(?P<items>[\d()., \u0600-\u06FF\-–]+?)\s+من\s+(?:ال)?جدول\s+"
        r"الأعمال",
        resolution_words=r"(?:[وبلفك]{0,2})(?:ال)?قرار(?:ات|ين|ان|ي|ه|ها|هم|يه|يها|اتها|اته)?",
        conjunctions=_CONJ,
        of_words=_OF,
    ),
    "zh": Language(
        code="zh",
        months={},
        language_names=_LANGUAGE_NAMES["zh"],
        distribution=_DISTRIBUTION,
        original_label=r"原件|Original",
        session_line=r"^(?P<ord>第[一二三四五六七八九十百零〇\d]+)届(?:特别)?会议",
        agenda_line=r"^(?:临时)?议程项目\s*(?P<items>[\d()（）a-z、和及 ]+)",
        resolution_words=r"号决议",
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


def language(code: str) -> Language:
    """Return the table of a language; English for a language undocs has no table for."""
    return LANGUAGES.get(code, LANGUAGES["en"])


_SCRIPT_RANGES = (
    ("ar", re.compile(r"[\u0600-\u06FF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")),
    ("ru", re.compile(r"[\u0400-\u04FF]")),
)
_STOPWORDS = {
    "en": {"the", "of", "and", "to", "in", "that", "its", "on", "for", "with"},
    "fr": {"le", "la", "les", "des", "et", "du", "de", "sur", "pour", "dans", "une"},
    "es": {"el", "la", "los", "las", "del", "y", "de", "en", "por", "para", "una"},
    "de": {"der", "die", "das", "und", "des", "den", "zu", "mit", "von", "im", "für"},
}


def detect_language(text: str) -> str:
    """Guess the language of a text from its script, then from its commonest small words."""
    sample = text[:20000]
    counts = {code: len(rx.findall(sample)) for code, rx in _SCRIPT_RANGES}
    best = max(counts, key=lambda c: counts[c])
    if counts[best] > 50 or (counts[best] > 0 and counts[best] * 4 > len(sample.strip())):
        return best
    words = re.findall(r"[a-zäöüßéèàçñíóú]+", sample.lower())
    scores = {code: sum(1 for w in words if w in stop) for code, stop in _STOPWORDS.items()}
    return max(scores, key=lambda c: scores[c]) if any(scores.values()) else "en"
